"""Words and regex fragments for temporal expressions: months, weekdays, numbers, units."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _n

# full names, or abbreviations with a period (bare "mar", "jun" are words too)
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept\.|sep\.|oct\.|nov\.|dec\."
    r"|jan|feb|aug|sept|oct|nov|dec)"
)

WEEKDAYS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
        ("sunday", "sun"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _n

WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon\.|tues?\.|wed\.|thu(?:rs?)?\.|fri\.|sat\.|sun\.)"
)

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
POD_RE = r"(?:morning|afternoon|evening|night)"

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_UNITS = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN",
    "second": "S", "decade": "DE", "century": "CE", "centurie": "CE", "quarter": "Q",
}

UNIT_RE = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries|quarters?)"

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "a": 1, "an": 1, "single": 1, "a couple of": 2, "couple of": 2,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: quantities that name no number: the value gets an X ("several years" -> PXY)
VAGUE = ("several", "a few", "few", "many", "some", "a number of")

NUM_RE = (
    r"(?:\d{1,3}(?:\.\d+)?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|one\s+hundred"
    r"|an?|single|several|a\s+few|few|many|a\s+couple\s+of|couple\s+of|a\s+number\s+of)"
)

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
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
