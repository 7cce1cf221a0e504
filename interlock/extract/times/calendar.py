"""Calendar arithmetic for TIMEX3 values: shifting, formatting and covered intervals."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (Feb 30th, year 0, huge numbers)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def day_value(d: date) -> str:
    """"YYYY-MM-DD" for a date."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str | None:
    """"YYYY-MM", or None outside the calendar."""
    return f"{year:04d}-{month:02d}" if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 else None


def year_value(year: int) -> str | None:
    """"YYYY", or None outside years 1-9999."""
    return f"{year:04d}" if MIN_YEAR <= year <= MAX_YEAR else None


def week_value(d: date) -> str:
    """The ISO week holding a date, "YYYY-Www"."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month falls in."""
    return (month - 1) // 3 + 1


def quarter_value(year: int, q: int) -> str | None:
    """"YYYY-Qn", or None outside the calendar."""
    return f"{year:04d}-Q{q}" if MIN_YEAR <= year <= MAX_YEAR and 1 <= q <= 4 else None


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Year and month ``delta`` months after (or before) the given month."""
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def shift_days(d: date, days: int) -> date | None:
    """The date some days later (negative: earlier), None past the calendar's ends."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date | None:
    """The given weekday (0=Monday) on or before (-1), on or after (+1) the anchor.

    With direction 0, the nearest one within the anchor's own week.
    """
    diff = weekday - anchor.weekday()
    if direction < 0 and diff > 0:
        diff -= 7
    elif direction > 0 and diff < 0:
        diff += 7
    return shift_days(anchor, diff)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_DECADE = re.compile(r"^(\d{3})X?$")


def interval_of(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO dates) covered by a resolved TIMEX3 value, else None."""
    if not value:
        return None
    try:
        m = _DAY.match(value)
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return day_value(d), day_value(d)
        m = _MONTH.match(value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            last_day = calendar.monthrange(y, mo)[1]
            return day_value(date(y, mo, 1)), day_value(date(y, mo, last_day))
        m = _YEAR.match(value)
        if m:
            y = int(m.group(1))
            return day_value(date(y, 1, 1)), day_value(date(y, 12, 31))
        m = _WEEK.match(value)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):  # the weekend: Saturday and Sunday
                return day_value(monday + timedelta(days=5)), day_value(monday + timedelta(days=6))
            return day_value(monday), day_value(monday + timedelta(days=6))
        m = _QUARTER.match(value)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            first = date(y, 3 * q - 2, 1)
            last_month = 3 * q
            last = date(y, last_month, calendar.monthrange(y, last_month)[1])
            return day_value(first), day_value(last)
        m = _HALF.match(value)
        if m:
            yr, h = int(m.group(1)), int(m.group(2))
            if h == 1:
                return day_value(date(yr, 1, 1)), day_value(date(yr, 6, 30))
            return day_value(date(yr, 7, 1)), day_value(date(yr, 12, 31))
        m = _DECADE.match(value)
        if m:
            decade = int(m.group(1)) * 10
            if decade < MIN_YEAR:
                return None
            return day_value(date(decade, 1, 1)), day_value(date(decade + 9, 12, 31))
    except (ValueError, OverflowError):
        return None
    return None
