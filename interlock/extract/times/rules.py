"""The patterns that find temporal expressions and the rules that normalise each one.

Each ``Rule`` is a regular expression over the text and a function that turns
a match into (type, value, anchored), given a ``Context`` with the anchor date
(the publication date), the tense of the clause and what the document has
mentioned so far. A rule returns None when the match is not a usable timex.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from interlock.extract.times import calendar as cal
from interlock.extract.times.lexicon import (
    ORDINALS,
    PARTS_OF_DAY,
    month_number,
    weekday_number,
)
from interlock.vocab.words import number_map


@dataclass
class Context:
    """What a rule needs to resolve a match: anchor, tense and the document so far."""

    anchor: date | None
    #: -1 past, 0 present or unknown, +1 future, for the clause holding the match
    tense: int = 0
    #: the last quarter value mentioned, for "the quarter", "a year earlier"
    last_quarter: str | None = None
    #: the last calendar value (year, month or day) mentioned, for "that year"
    last_date: str | None = None
    #: whether the sentence or the recent text speaks of quarters
    quarter_talk: bool = False
    #: the text just before the match (lower-cased), for rate phrases like "$5 a year"
    before: str = ""
    #: the text just after the match (lower-cased), for "the year ended June 30"
    after: str = ""


Result = tuple[str, str | None, bool]
Handler = Callable[[re.Match[str], Context], Result | None]


@dataclass
class Rule:
    """A named pattern with its normaliser."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


def compile_rule(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern that cannot start or end inside a word.

    It opens with a look-ahead for the characters a match can start with
    (``first_chars``), which the engine tests before anything else at each
    position of the text: the same matches, found in three quarters of the time.
    """
    # no letter, digit or hyphen-joined word may touch either end of a match
    body = r"(?<![\w$])" + pattern + r"(?![\w]|-\w)"
    first = first_chars(pattern)
    return re.compile(body if first is None else f"(?=[{first}])" + body, re.I)


_PARSER: Any = importlib.import_module("re._parser")
_CONST: Any = importlib.import_module("re._constants")
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


class _Unknown(Exception):
    """A pattern element whose first characters ``first_chars`` does not work out."""


def first_chars(pattern: str) -> str | None:
    """A character class holding every character a match of ``pattern`` can start with.

    Read off the parse of the pattern: literals, sets and ranges, ``\\d``, ``\\s``
    and ``\\w``, through groups, alternatives, optional parts and zero-width
    assertions. None when the pattern can match the empty string or starts with
    anything else (a negated set, ".", a back-reference): then no look-ahead is
    added. With ``re.I`` the class matches each character in either case, as the
    pattern does.
    """
    try:
        chars, cats, nullable = _first(list(_PARSER.parse(pattern, re.I)))
    except _Unknown:
        return None
    if nullable or not (chars or cats):
        return None
    return "".join(re.escape(chr(c)) for c in sorted(chars)) + "".join(sorted(cats))


def _first(items: list[tuple[Any, Any]]) -> tuple[set[int], set[str], bool]:
    chars: set[int] = set()
    cats: set[str] = set()
    for op, av in items:
        c, k, nullable = _first_of(op, av)
        chars |= c
        cats |= k
        if not nullable:
            return chars, cats, False
    return chars, cats, True


def _first_of(op: Any, av: Any) -> tuple[set[int], set[str], bool]:
    name = str(op)
    if name == "LITERAL":
        return {av}, set(), False
    if name == "IN":
        chars: set[int] = set()
        cats: set[str] = set()
        for iop, iav in av:
            if str(iop) == "LITERAL":
                chars.add(iav)
            elif str(iop) == "RANGE":
                chars |= set(range(iav[0], iav[1] + 1))
            elif str(iop) == "CATEGORY" and str(iav) in _CATEGORIES:
                cats.add(_CATEGORIES[str(iav)])
            else:
                raise _Unknown(iop)  # a negated set, a range of categories ...
        return chars, cats, False
    if name == "CATEGORY" and str(av) in _CATEGORIES:
        return set(), {_CATEGORIES[str(av)]}, False
    if name == "SUBPATTERN":
        return _first(list(av[3]))
    if name == "BRANCH":
        chars, cats, nullable = set(), set(), False
        for alternative in av[1]:
            c, k, n = _first(list(alternative))
            chars |= c
            cats |= k
            nullable = nullable or n
        return chars, cats, nullable
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        c, k, n = _first(list(av[2]))
        return c, k, n or av[0] == 0
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        return set(), set(), True  # zero width: what follows starts the match
    raise _Unknown(op)


def group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the pattern has no such group or it did not match."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _year_from(text: str) -> int | None:
    """A year from two or four digits ("98" -> 1998), None outside 1000-2999."""
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 30 else 2000
    return y if 1000 <= y <= 2999 else None


# --- explicit calendar dates -------------------------------------------------


def full_date(m: re.Match[str], ctx: Context) -> Result | None:
    """"May 3, 2018", "3 May", "Aug. 7": a day, its year from the text or the anchor."""
    month = month_number(m.group("mon"))
    day = int(m.group("day"))
    year_text = group(m, "year")
    if month is None:
        return None
    if year_text:
        year = _year_from(year_text)
        if year is None:
            return None
        d = cal.safe_date(year, month, day)
        return ("DATE", cal.day_value(d), True) if d else None
    if cal.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", False
    best = _nearest_year(ctx, month, day)
    d = cal.safe_date(best, month, day) if best is not None else None
    return ("DATE", cal.day_value(d), True) if d else None


#: days of distance a date against the tense of its clause counts as extra
TENSE_PENALTY = 100


def _nearest_year(ctx: Context, month: int, day: int) -> int | None:
    """The year putting month/day nearest the anchor, with a bias to the clause's tense."""
    if ctx.anchor is None:
        return None
    best: tuple[int, int] | None = None
    for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        d = cal.safe_date(year, month, day)
        if d is None:
            continue
        gap = (d - ctx.anchor).days
        cost = abs(gap)
        if (ctx.tense < 0 and gap > 0) or (ctx.tense > 0 and gap < 0):
            cost += TENSE_PENALTY
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    """"05/03/2018", "2018-05-03": a day written in digits (US order for slashes)."""
    if group(m, "iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        year = _year_from(m.group("y"))
        if year is None:
            return None
        y, mo, d = year, int(m.group("m")), int(m.group("d"))
    day = cal.safe_date(y, mo, d)
    return ("DATE", cal.day_value(day), True) if day else None


def month_year(m: re.Match[str], ctx: Context) -> Result | None:
    """"March 1990": a month of a written year."""
    month = month_number(m.group("mon"))
    year = _year_from(m.group("year"))
    if month is None or year is None:
        return None
    value = cal.month_value(year, month)
    return ("DATE", value, True) if value else None


def month(m: re.Match[str], ctx: Context) -> Result | None:
    """"May", "last April", "July last year": a month, its year from the anchor and tense."""
    month = month_number(m.group("mon"))
    if month is None:
        return None
    mod = (group(m, "mod") or "").lower().split()
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", False
    a = ctx.anchor
    yrel = (group(m, "yrel") or "").lower()
    if yrel:
        year = a.year + {"last": -1, "next": 1}.get(yrel, 0)
        return "DATE", cal.month_value(year, month), True
    if "last" in mod or "past" in mod:
        year = a.year if month < a.month else a.year - 1
    elif "next" in mod or "coming" in mod:
        year = a.year if month > a.month else a.year + 1
    elif "this" in mod:
        year = a.year
    else:
        year = _nearest_year(ctx, month, 15) or a.year
    value = cal.month_value(year, month)
    return ("DATE", value, True) if value else None


def year(m: re.Match[str], ctx: Context) -> Result | None:
    """"1998", "fiscal 1989": a year."""
    year = _year_from(m.group("year"))
    if year is None:
        return None
    return "DATE", cal.year_value(year), True


def decade(m: re.Match[str], ctx: Context) -> Result | None:
    """"the 1990s", "the '80s": a decade, written the TimeBank way ("199X")."""
    cent = group(m, "cent") or "19"
    return "DATE", f"{cent}{m.group('dec')}X", True


def century(m: re.Match[str], ctx: Context) -> Result | None:
    """"the 20th century": a century, as its two leading digits."""
    word = m.group("ord").lower()
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    n = int(digits.group(1)) if digits else ORDINALS.get(word)
    if not n or not 1 <= n <= 30:
        return None
    return "DATE", f"{n - 1:02d}", True


_TENS_WORDS = number_map("times", "year_tens")
_UNIT_WORDS = number_map("times", "year_units")


def spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    """ "nineteen ninety-six", as broadcast transcripts write years."""
    tens = _TENS_WORDS[m.group("tens").lower()]
    unit = _UNIT_WORDS.get((group(m, "unit") or "").lower(), 0)
    return "DATE", f"19{tens}{unit}", True


def decade_word(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the nineties": a decade of the twentieth century."""
    word = m.group("tens").lower()
    tens = next(v for k, v in _TENS_WORDS.items() if word.startswith(k[:-1]))
    return "DATE", f"19{tens}X", True


_THOUSAND_UNITS = number_map("times", "thousand_units")


def year_2000s(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the year two thousand", "two thousand and one" as broadcast transcripts write them."""
    unit = _THOUSAND_UNITS.get((group(m, "unit") or "").lower(), 0)
    return "DATE", f"20{unit:02d}", True


def _holiday_date(name: str, year: int) -> date | None:
    """The date of a named holiday in a year, by its fixed date or weekday rule."""
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "valentine's day": (2, 14), "halloween": (10, 31)}
    if name in fixed:
        return cal.safe_date(year, *fixed[name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(year, 11, 1)
        return cal.shift_days(first, (3 - first.weekday()) % 7 + 21)
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return cal.shift_days(first, (0 - first.weekday()) % 7 + 1)
    if name == "labor day":  # first Monday of September
        first = date(year, 9, 1)
        return cal.shift_days(first, (0 - first.weekday()) % 7)
    if name == "memorial day":  # last Monday of May
        last = date(year, 5, 31)
        return cal.shift_days(last, -((last.weekday() - 0) % 7))
    return None


def holiday(m: re.Match[str], ctx: Context) -> Result | None:
    """US and western holidays with a rule for their date ("Thanksgiving", "Election Day")."""
    name = re.sub(r"\s+", " ", m.group("name").lower())
    if ctx.anchor is None:
        return "DATE", None, False
    if not 2 <= ctx.anchor.year <= 9998:
        return None
    mod = (group(m, "mod") or "").lower()
    options = [d for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
               if (d := _holiday_date(name, y)) is not None]
    if not options:
        return None
    direction = {"last": -1, "next": 1}.get(mod, ctx.tense)

    def cost(d: date) -> int:
        """Days from the anchor, plus a penalty against the wanted direction."""
        gap = (d - ctx.anchor).days if ctx.anchor else 0
        wrong_way = (direction < 0 and gap > 0) or (direction > 0 and gap < 0)
        return abs(gap) + (1000 if wrong_way and mod else TENSE_PENALTY if wrong_way else 0)

    return "DATE", cal.day_value(min(options, key=cost)), True


# --- days, weekdays and parts of days relative to the anchor -----------------


def weekday(m: re.Match[str], ctx: Context) -> Result | None:
    """"Friday", "last Tuesday": the weekday before or after the anchor, by tense."""
    wd = weekday_number(m.group("wd"))
    if wd is None:
        return None
    mod = (group(m, "mod") or "").lower()
    # TimeBank mostly gives "Friday night" the day's date, so the part of day is left out
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", False
    a = ctx.anchor
    if mod == "last":
        d = cal.weekday_near(cal.shift_days(a, -1) or a, wd, -1)
    elif mod == "next":
        d = cal.weekday_near(cal.shift_days(a, 1) or a, wd, 1)
    elif mod == "this":
        d = cal.weekday_near(a, wd, ctx.tense if ctx.tense > 0 else -1)
    else:
        # in news a bare weekday is mostly a recent one unless the clause is future
        d = cal.weekday_near(a, wd, ctx.tense if ctx.tense > 0 else -1)
    if d is None:
        return None
    return "DATE", cal.day_value(d), True


_DAY_OFFSETS = number_map("times", "day_offsets")


def deictic_day(m: re.Match[str], ctx: Context) -> Result | None:
    """"today", "yesterday morning", "tonight": a day relative to the anchor."""
    word = m.group("day").lower().rstrip("'s")
    pod = group(m, "pod")
    if word == "tonight":
        pod = "night"
    suffix = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
    typ = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return (typ, "PRESENT_REF", False) if word == "today" and not pod else (typ, None, False)
    d = cal.shift_days(ctx.anchor, _DAY_OFFSETS.get(word, 0))
    return (typ, cal.day_value(d) + suffix, True) if d else None


def part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """"this morning", "last night", "overnight": a part of a day near the anchor."""
    which = (group(m, "which") or "this").lower()
    pod = (group(m, "pod") or group(m, "over") or "").lower()
    offset = -1 if which in ("last", "yesterday") and pod == "night" else 0
    if which == "yesterday":
        offset = -1
    elif which == "tomorrow":
        offset = 1
    elif which == "last" and pod != "night":
        return None
    code = "NI" if pod in ("overnight", "tonight") else PARTS_OF_DAY.get(pod)
    if code is None:
        return None
    if ctx.anchor is None:
        return "TIME", None, False
    d = cal.shift_days(ctx.anchor, offset)
    return ("TIME", cal.day_value(d) + "T" + code, True) if d else None


def clock(m: re.Match[str], ctx: Context) -> Result | None:
    """"2 p.m.", "noon Saturday", "5 p.m. EST, Nov. 6": a time of day on a day."""
    word = (group(m, "word") or "").lower()
    if word:
        hour, minute = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
        hour, minute = int(m.group("h")), int(group(m, "mi") or 0)
        ampm = (group(m, "ampm") or "").lower()
        if hour > 12 or minute > 59 or hour == 0:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    day_word = group(m, "dayword")
    d = ctx.anchor
    if group(m, "mon"):
        month = month_number(m.group("mon"))
        year = _nearest_year(ctx, month, int(m.group("day"))) if month else None
        d = cal.safe_date(year, month, int(m.group("day"))) if year and month else None
    elif ctx.anchor is not None and day_word:
        wd = weekday_number(day_word)
        if wd is not None:
            d = cal.weekday_near(ctx.anchor, wd, ctx.tense if ctx.tense > 0 else -1)
        else:
            d = cal.shift_days(ctx.anchor, _DAY_OFFSETS.get(day_word.lower(), 0))
    if d is None:
        return "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", False
    return "TIME", f"{cal.day_value(d)}T{hour:02d}:{minute:02d}", True
