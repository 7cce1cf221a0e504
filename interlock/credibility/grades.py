"""Admiralty (NATO) grades: a source letter A-F and a credibility number 1-6.

The letter says how far the source can be trusted (A completely reliable, B
usually reliable, C fairly reliable, D not usually reliable, E unreliable, F
cannot be judged); the number says how far the information can (1 confirmed by
independent sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable,
6 cannot be judged). Grades are written letter then number: ``B2``.

For filtering and for a chain's weakest link, "cannot be judged" ranks below
every judged value: a chain is only as good as its least known link, and a user
asking for ``--min-grade C3`` wants claims someone has vouched for.
"""

from __future__ import annotations

import re

from interlock.errors import InterlockError

LETTERS = "ABCDEF"
NUMBERS = "123456"
LETTER_MEANING = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
NUMBER_MEANING = {
    1: "confirmed", 2: "probably true", 3: "possibly true",
    4: "doubtful", 5: "improbable", 6: "truth cannot be judged",
}
_GRADE = re.compile(r"^([A-Fa-f])([1-6])$")


class BadGrade(InterlockError):
    "A grade that is not a letter A-F followed by a number 1-6"


def parse(grade: str) -> tuple[str, int]:
    """The letter and number of a grade such as ``B2``; a clear error otherwise."""
    m = _GRADE.match(grade.strip())
    if not m:
        raise BadGrade(f"{grade!r} is not an Admiralty grade: a letter A-F then a number 1-6, e.g. B2")
    return m.group(1).upper(), int(m.group(2))


def grade(letter: str, number: int) -> str:
    """The grade written out: ``grade("B", 2) == "B2"``."""
    if letter not in LETTERS or number not in range(1, 7):
        raise BadGrade(f"no grade {letter}{number}: letters are A-F and numbers 1-6")
    return f"{letter}{number}"


def meets(value: str, minimum: str) -> bool:
    """Whether ``value`` is at least as good as ``minimum`` on both letter and number."""
    letter, number = parse(value)
    min_letter, min_number = parse(minimum)
    return LETTERS.index(letter) <= LETTERS.index(min_letter) and number <= min_number


def weakest_letter(letters: list[str]) -> str:
    """The least reliable of several source letters (F, unknown, counts as least)."""
    return max(letters, key=LETTERS.index) if letters else "F"


def weakest(grades: list[str]) -> str:
    """The weakest link of several grades: the worst letter and the worst number."""
    if not grades:
        return "F6"
    parsed = [parse(g) for g in grades]
    return grade(weakest_letter([p[0] for p in parsed]), max(p[1] for p in parsed))


def explain(value: str) -> str:
    """A grade in words: ``B2`` is "usually reliable source, probably true"."""
    letter, number = parse(value)
    return f"{LETTER_MEANING[letter]} source, {NUMBER_MEANING[number]}"
