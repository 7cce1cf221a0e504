"""Interlock: news articles to a sourced, queryable map of political power."""

from __future__ import annotations

__version__ = "0.1.0"
