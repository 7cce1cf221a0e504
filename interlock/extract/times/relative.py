"""Normalisers for relative expressions: "last week", "two years ago", quarters, durations."""

from __future__ import annotations

import re
from datetime import date

from interlock.extract.times import calendar as cal
from interlock.extract.times.lexicon import (
    ORDINALS,
    SEASONS,
    duration_value,
    parse_number,
    unit_code,
    weekday_number,
)
from interlock.extract.times.rules import Context, Result, group
from interlock.vocab.words import number_map, word_map


def _shift(anchor: date, unit: str, n: int) -> str | None:
    """The anchor moved ``n`` units, at that unit's granularity."""
    if unit == "Y":
        return cal.year_value(anchor.year + n)
    if unit == "M":
        y, mo = cal.shift_months(anchor.year, anchor.month, n)
        return cal.month_value(y, mo)
    if unit == "Q":
        y, mo = cal.shift_months(anchor.year, anchor.month, 3 * n)
        return cal.quarter_value(y, cal.quarter_of(mo))
    if unit == "W":
        d = cal.shift_days(anchor, 7 * n)
        return cal.week_value(d) if d else None
    if unit == "D":
        d = cal.shift_days(anchor, n)
        return cal.day_value(d) if d else None
    if unit == "DE":
        y = anchor.year + 10 * n
        return f"{y // 10:03d}" if 1 <= y <= 9999 else None
    if unit == "CE":
        y = anchor.year + 100 * n
        return f"{y // 100:02d}" if 1 <= y <= 9999 else None
    return None


def _year_back(value: str, years: int) -> str | None:
    """A value with its year moved back ("1989-Q3" -> "1988-Q3")."""
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m:
        return None
    y = int(m.group(1)) - years
    return f"{y:04d}{m.group(2)}" if 1 <= y <= 9999 else None


_REL_DIRECTION = number_map("times", "relative_directions")


def relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """ "last week", "this year", "next month", "earlier this year", "last summer"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    word = re.sub(r"\s+", " ", m.group("unit").lower())
    n = _REL_DIRECTION.get(rel)
    if n is None:
        return None
    if word in SEASONS:
        return _season(SEASONS[word], n, ctx)
    if ctx.anchor is None:
        return "DATE", None, False
    a = ctx.anchor
    if word == "weekend":
        d = cal.shift_days(a, 7 * n)
        return ("DATE", cal.week_value(d) + "-WE", True) if d else None
    if word == "quarter":
        return "DATE", _shift(a, "Q", n), True
    if word == "fiscal year":
        word = "year"
    unit = unit_code(word)
    if unit is None:
        return None
    if unit in ("DE", "CE") and n < 0:
        return "DURATION", duration_value(1, unit), True  # "the past decade"
    value = _shift(a, unit, n)
    return ("DATE", value, True) if value else None


def _season(code: str, n: int, ctx: Context) -> Result | None:
    """A season of the anchor's year, or the one before or after."""
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", False
    a = ctx.anchor
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = a.year
    if n < 0 and a.month <= start_month:
        year -= 1
    elif n > 0 and a.month >= start_month:
        year += 1
    value = cal.year_value(year)
    return ("DATE", f"{value}-{code}", True) if value else None


def season(m: re.Match[str], ctx: Context) -> Result | None:
    """A bare season ("in the summer"), the nearest one in the tense's direction."""
    return _season(SEASONS[m.group("season").lower()], ctx.tense, ctx)


def ago(m: re.Match[str], ctx: Context) -> Result | None:
    """ "two years ago", "a year earlier", "three days later"."""
    n = parse_number(m.group("num"))
    unit = unit_code(m.group("unit"))
    direction = m.group("dir").lower()
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if unit is None:
        return None
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", ctx.anchor is not None
    if ctx.anchor is None:
        return "DATE", None, False
    if unit == "Y" and n == 1 and ctx.quarter_talk and ctx.last_quarter:
        value = _year_back(ctx.last_quarter, 1)
        return ("DATE", value, True) if value else None
    if n != int(n) or unit in ("H", "MIN", "S"):
        return "DATE", cal.day_value(ctx.anchor) if unit != "Y" else None, True
    value = _shift(ctx.anchor, unit, sign * int(n))
    return ("DATE", value, True) if value else None


def year_ago_adj(m: re.Match[str], ctx: Context) -> Result | None:
    """ "year-earlier", "the year-ago quarter": the same period a year before."""
    if ctx.anchor is None:
        return "DATE", None, False
    if ctx.last_quarter and (ctx.quarter_talk or "quarter" in m.group(0).lower()):
        value = _year_back(ctx.last_quarter, 1)
    else:
        value = cal.year_value(ctx.anchor.year - 1)
    return ("DATE", value, True) if value else None


_RATE = re.compile(r"(\d|percent|%|dollars?|cents?|million|billion|times|barrels|tons|shares)\W*$")


def duration(m: re.Match[str], ctx: Context) -> Result | None:
    """ "three years", "the past two months", "a five-year plan", "several weeks"."""
    num_text = m.group("num")
    unit = unit_code(m.group("unit"))
    if unit is None:
        return None
    n = parse_number(num_text)
    if num_text.lower() in ("a", "an") and _RATE.search(ctx.before) and not group(m, "det"):
        # "four flights a week": a rate, which TimeBank mostly leaves unannotated
        return None
    if unit == "Q" and re.match(r"\s*of\b", ctx.after):
        return None  # "three-quarters of": a fraction
    text = m.group(0).lower()
    if n is None and text.startswith(("the past", "the last")):
        return "DATE", "PAST_REF", True
    return "DURATION", duration_value(n, unit), True


def bare_units(m: re.Match[str], ctx: Context) -> Result | None:
    """ "for years", "in recent months": a vague duration or reference."""
    unit = unit_code(m.group("unit"))
    if unit is None:
        return None
    rel = (group(m, "rel") or "").lower()
    if rel in ("recent", "past", "the past", "the last", "in recent") and unit in ("Y", "DE"):
        return "DATE", "PAST_REF", True
    if rel in ("coming", "the coming", "future", "next"):
        return "DATE", "FUTURE_REF", True
    return "DURATION", duration_value(None, unit), True


def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the third quarter", "fourth-quarter", "the first quarter of 1990", "the quarter"."""
    ord_text = group(m, "ord")
    pre = (group(m, "pre") or "").lower()
    year_text = group(m, "year")
    yrel = (group(m, "yrel") or "").lower()
    q = ORDINALS.get(ord_text.lower()) if ord_text else None
    a = ctx.anchor
    if q is not None and not 1 <= q <= 4:
        return None
    if year_text:
        value = cal.quarter_value(int(year_text), q) if q else None
        return ("DATE", value, True) if value else None
    if a is None:
        return "DATE", f"XXXX-Q{q}" if q else None, False
    if yrel:
        year = a.year + {"last": -1, "next": 1}.get(yrel, 0)
        value = cal.quarter_value(year, q) if q else None
        return ("DATE", value, True) if value else None
    current = cal.quarter_of(a.month)
    if q is not None:
        if "year-ago" in pre or "year-earlier" in pre:
            year = a.year - 1 if q < current else a.year - 2
        elif pre in ("next", "coming") or (ctx.tense > 0 and q > current):
            year = a.year if q > current else a.year + 1
        else:
            year = a.year if q <= current else a.year - 1
        return "DATE", cal.quarter_value(year, q), True
    if "year-ago" in pre or "year-earlier" in pre:
        base = ctx.last_quarter or _prev_quarter(a)
        value = _year_back(base, 1) if base else None
        return ("DATE", value, True) if value else None
    if pre == "current":
        return "DATE", cal.quarter_value(a.year, current), True
    if pre in ("next", "coming"):
        return "DATE", _shift(a, "Q", 1), True
    # "the quarter", "the latest quarter": the one in talk, if it has ended, else the last one
    talked = ctx.last_quarter
    if talked and (interval := cal.interval_of(talked)) and interval[1] < a.isoformat():
        return "DATE", talked, True
    return "DATE", _prev_quarter(a), True


def _prev_quarter(a: date) -> str | None:
    """The quarter before the one holding the date."""
    y, mo = cal.shift_months(a.year, a.month, -3)
    return cal.quarter_value(y, cal.quarter_of(mo))


def half(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the first half of 1990", "the second half"."""
    h = 1 if m.group("ord").lower() == "first" else 2
    year_text = group(m, "year")
    yrel = (group(m, "yrel") or "").lower()
    if year_text:
        year = int(year_text)
    elif yrel and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(yrel, 0)
    elif ctx.anchor is not None:
        year = ctx.anchor.year
        if ctx.tense < 0 and h == 2 and ctx.anchor.month <= 6:
            year -= 1
    else:
        return "DATE", f"XXXX-H{h}", False
    return "DATE", f"{year:04d}-H{h}", True


_REFS = word_map("times", "references")


def reference(m: re.Match[str], ctx: Context) -> Result | None:
    """ "now", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF."""
    value = _REFS.get(re.sub(r"\s+", " ", m.group(0).lower()))
    return ("DATE", value, ctx.anchor is not None) if value else None


_SET_UNITS = word_map("times", "set_units")


def set_expr(m: re.Match[str], ctx: Context) -> Result | None:
    """ "every week", "each year", "daily", "each Thursday"."""
    adv = group(m, "adv")
    if adv:
        return "SET", _SET_UNITS.get(adv.lower()), True
    word = m.group("unit")
    wd = weekday_number(word)
    if wd is not None:
        return "SET", f"XXXX-WXX-{wd + 1}", True
    unit = unit_code(word)
    if unit is None:
        return None
    if unit == "Q":
        return "SET", "P1Q", True
    return "SET", duration_value(1, unit), True


def the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the year", "the week", "the month": a duration of one, or the current period."""
    unit = unit_code(m.group("unit"))
    if unit is None:
        return None
    if re.match(r"\s*(ended|ending|to)\b", ctx.after) or ctx.anchor is None:
        return "DURATION", duration_value(1, unit), True
    return "DATE", _shift(ctx.anchor, unit, 0), True


def weekend(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the weekend", "last weekend": the weekend before, or after in a future clause."""
    if ctx.anchor is None:
        return "DATE", None, False
    a = ctx.anchor
    word = m.group(0).lower().split()[0]
    direction = {"last": -1, "next": 1}.get(word, ctx.tense if ctx.tense else -1)
    # the Saturday of that weekend: the last one on or before the anchor, or the next one
    saturday = cal.weekday_near(a, 5, -1 if direction < 0 else 1)
    if saturday is not None and a.weekday() == 6 and direction > 0:
        saturday = cal.shift_days(a, -1)
    return ("DATE", cal.week_value(saturday) + "-WE", True) if saturday else None


def year_period(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the 1988 quarter", "the 1989 period": the quarter in talk, in that year."""
    year = int(m.group("year"))
    if ctx.last_quarter and (ctx.quarter_talk or "quarter" in m.group(0).lower()):
        return "DATE", cal.quarter_value(year, int(ctx.last_quarter[-1])), True
    return "DATE", cal.year_value(year), True


def that_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """ "that year", "later that month": the year or month of the last date mentioned."""
    unit = m.group("unit").lower()
    last = ctx.last_date
    if not last:
        return None
    if unit == "year":
        return "DATE", last[:4], True
    return ("DATE", last[:7], True) if len(last) >= 7 and last[4] == "-" and last[5].isdigit() else None
