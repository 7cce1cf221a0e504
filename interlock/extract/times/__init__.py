"""Temporal expressions (TIMEX3)."""

from interlock.extract.times.timexes import find_timexes

__all__ = ["find_timexes"]
