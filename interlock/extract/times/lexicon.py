"""Words and regex fragments for temporal expressions: months, weekdays, numbers, units."""

from __future__ import annotations

import re

from interlock.vocab.words import number_map, word_list, word_map

#: month names and abbreviations, and the month (1-12) each stands for
MONTHS = number_map("times", "months")

# full names, or abbreviations with a period (bare "mar", "jun" are words too)
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept\.|sep\.|oct\.|nov\.|dec\."
    r"|jan|feb|aug|sept|oct|nov|dec)"
)

#: weekday names and abbreviations, and the weekday each stands for (0 = Monday)
WEEKDAYS = number_map("times", "weekdays")

WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)"
)

PARTS_OF_DAY = word_map("times", "parts_of_day")
POD_RE = r"(?:morning|afternoon|evening|night)"

SEASONS = word_map("times", "seasons")

_UNITS = word_map("times", "units")

UNIT_RE = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries|quarters?)"

_SMALL = number_map("times", "small_numbers")
_TENS = number_map("times", "tens")
#: quantities that name no number: the value gets an X ("several years" -> PXY)
VAGUE = word_list("times", "vague_quantities")

NUM_RE = (
    r"(?:\d{1,3}(?:\.\d+)?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|one\s+hundred"
    r"|an?|single|several|a\s+few|few|many|a\s+couple\s+of|couple\s+of|a\s+number\s+of)"
)

ORDINALS = number_map("times", "ordinals")
QUARTER_ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


def month_number(word: str) -> int | None:
    """The month (1-12) a month name or abbreviation stands for."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """The weekday (0=Monday) a weekday name or abbreviation stands for."""
    return WEEKDAYS.get(word.lower().rstrip("."))


def unit_code(word: str) -> str | None:
    """The TIMEX3 unit letter(s) for a unit word ("years" -> "Y", "hour" -> "H")."""
    w = word.lower()
    if w.endswith("s") and w[:-1] in _UNITS:
        w = w[:-1]
    return _UNITS.get(w)


def parse_number(text: str) -> float | None:
    """The number a quantity names; None for vague ones ("several") or huge ones."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in VAGUE:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", t):
        value = float(t)
        return value if value < 10000 else None
    if t in _SMALL:
        return float(_SMALL[t])
    if t in ("a hundred", "one hundred"):
        return 100.0
    parts = re.split(r"[- ]", t)
    if parts[0] in _TENS:
        value = _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _SMALL:
            value += _SMALL[parts[1]]
        return float(value)
    return None


def number_text(value: float | None) -> str:
    """A number as it appears in a TIMEX3 duration value: 3, 1.5, or X when unknown."""
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else str(value)


def duration_value(value: float | None, unit: str) -> str:
    """A TIMEX3 duration ("P3Y", "PT5H", "PXD") for a number and a unit code."""
    # TimeBank writes decades, centuries and quarters in years and months
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}
    if unit in scale and value is not None:
        value, unit = value * scale[unit][0], scale[unit][1]
    elif unit == "CE":
        unit = "C"
    elif unit == "DE":
        unit = "Y"
    n = number_text(value)
    if unit in ("H", "S"):
        return f"PT{n}{unit}"
    if unit == "MIN":
        return f"PT{n}M"
    return f"P{n}{unit}"
