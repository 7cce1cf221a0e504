"""The checks a question passes before any work, and ``BadQuery``, the error of one that fails.

A date bound must be YYYY-MM-DD, YYYY-MM or YYYY (``check_date``), and a search not too long
(``check_search_size``); ``in_date_range`` says whether a dated span meets a range.
"""

from __future__ import annotations

from interlock.errors import InterlockError


def check_date(value: str | None, what: str) -> str | None:
    """A YYYY-MM-DD (or YYYY-MM, YYYY) bound, or a clear error."""
    import re as _re

    if value is None:
        return None
    if not _re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", value.strip()):
        raise BadQuery(f"{what} {value!r} is not a date: give YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value.strip()


class BadQuery(InterlockError):
    "A question asked in a form the store cannot answer"


def in_date_range(start: str | None, end: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether [start, end] (TIMEX day, month or year values) meets [date_from, date_to]."""
    if start is None:
        return date_from is None and date_to is None
    end = end or start
    if date_from is not None and end[: len(date_from)] < date_from:
        return False
    return not (date_to is not None and start[: len(date_to)] > date_to)


#: the longest search accepted, in characters and in terms
MAX_SEARCH_CHARS = 2_000
MAX_SEARCH_TERMS = 64


def check_search_size(text: str) -> None:
    """Refuse a search too long to answer in reasonable time (``BadQuery``, one line)."""
    if len(text) > MAX_SEARCH_CHARS:
        raise BadQuery(f"the search is {len(text):,} characters long; at most {MAX_SEARCH_CHARS:,} are searched")
    terms = len(text.split())
    if terms > MAX_SEARCH_TERMS:
        raise BadQuery(f"the search has {terms:,} terms; at most {MAX_SEARCH_TERMS} are searched")
