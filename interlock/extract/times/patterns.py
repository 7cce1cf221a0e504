"""The list of timex rules: each pattern paired with its normaliser.

Spans follow TimeBank conventions: leading prepositions ("in", "on", "since")
are left out, determiners ("the") and modifiers like "early", "late", "nearly"
are kept, hedges like "about", "over", "almost" are left out.
"""

from __future__ import annotations

import re

from interlock.extract.times import relative as rel
from interlock.extract.times import rules as abs_
from interlock.extract.times.lexicon import (
    MONTH_RE,
    MONTHS,
    NUM_RE,
    POD_RE,
    QUARTER_ORD_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
)
from interlock.extract.times.rules import Rule, compile_rule
from interlock.vocab.words import word_set

_MOD = r"(?:(?:early|late|mid|earlier|later)[\s-]+)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR4 = r"(?P<year>1[6-9]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_PART_OF = r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)"
_REL = (
    r"(?:this|current|the\s+current|the\s+same|last|past|the\s+past|the\s+last|previous"
    r"|the\s+previous|prior|the\s+prior|next|the\s+next|coming|the\s+coming|the\s+following)"
)
_REL_UNIT = r"(?:week|month|year|quarter|weekend|decade|century|fiscal\s+year|" + _SEASON + ")"
_AGO_DIR = r"(?:ago|earlier|later|from\s+now|hence)"
_APPROX = r"(?:(?:nearly|around|roughly|approximately|some|just|only)\s+)"

RULES: list[Rule] = [
    # explicit dates
    Rule("full_date", compile_rule(
        _MOD + r"?(?:" + WEEKDAY_RE + r",?\s+)?(?P<mon>" + MONTH_RE + r")\s+" + _DAYNUM
        + r"(?:(?:\s*,\s*|\s+)" + _YEAR4 + r")?"), abs_.full_date),
    Rule("day_month", compile_rule(
        r"(?:" + WEEKDAY_RE + r",?\s+)?" + _DAYNUM + r"\s+(?:of\s+)?(?P<mon>" + MONTH_RE + r")"
        r"(?:,?\s+" + _YEAR4 + r")?"), abs_.full_date),
    Rule("numeric_date", compile_rule(
        r"(?:(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})"
        r"|(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))"), abs_.numeric_date),
    Rule("month_year", compile_rule(
        r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|" + _MOD + r")?"
        r"(?P<mon>" + MONTH_RE + r"),?\s+(?:of\s+)?" + _YEAR4), abs_.month_year),
    Rule("month_rel_year", compile_rule(
        _MOD + r"?(?P<mon>" + MONTH_RE + r")\s+(?P<yrel>this|next|last)\s+year"), abs_.month),
    Rule("month", compile_rule(
        r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|" + _MOD + r")?"
        r"(?:(?P<mod>last|next|this|past|coming)\s+)?(?P<mon>" + MONTH_RE + r")"),
        abs_.month),
    Rule("year", compile_rule(
        r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|" + _MOD + r")?"
        r"(?:(?:fiscal|calendar)\s+(?:year\s+)?)?" + _YEAR4 + r"(?!\s*%|,\d|\.\d)"), abs_.year),
    Rule("decade", compile_rule(
        _MOD + r"?(?:(?P<cent>1[6-9]|20)|')(?P<dec>\d)0'?s"), abs_.decade),
    Rule("century", compile_rule(r"(?:the\s+)?(?P<ord>\w+)[\s-]+century"), abs_.century),
    Rule("spelled_year", compile_rule(
        r"(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?"
        r"nineteen[\s-]+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?P<unit>one|two|three|four|five|six|seven|eight|nine))?"), abs_.spelled_year),
    Rule("year_2000s", compile_rule(
        r"(?:the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(?P<unit>one|two|three|four|five|six"
        r"|seven|eight|nine|ten))?"), abs_.year_2000s),
    Rule("decade_word", compile_rule(
        r"the\s+" + _MOD + r"?(?P<tens>twenties|thirties|forties|fifties|sixties|seventies"
        r"|eighties|nineties)"), abs_.decade_word),
    Rule("holiday", compile_rule(
        r"(?:(?P<mod>last|next|this)\s+)?(?P<name>thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?"
        r"|new\s+year's\s+(?:day|eve)|election\s+day|independence\s+day|labor\s+day"
        r"|memorial\s+day|valentine's\s+day|halloween)"), abs_.holiday),
    # days and times of day
    Rule("weekday", compile_rule(
        _MOD + r"?(?:(?P<mod>last|next|this)\s+)?(?P<wd>" + WEEKDAY_RE + r")"
        r"(?:\s+(?P<pod>" + POD_RE + r"))?"), abs_.weekday),
    Rule("deictic_day", compile_rule(
        _MOD + r"?(?P<day>today|yesterday|tomorrow|tonight)(?!'s)"
        r"(?:\s+(?P<pod>" + POD_RE + r"))?"), abs_.deictic_day),
    Rule("part_of_day", compile_rule(
        r"(?:(?:early|late|mid)[\s-]+|later\s+)?(?:(?P<which>this|last|yesterday|tomorrow)\s+"
        r"(?P<pod>morning|afternoon|evening|night)|(?P<over>overnight))"), abs_.part_of_day),
    Rule("clock", compile_rule(
        r"(?:around\s+)?(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)"
        r"|(?P<word>noon|midday|midnight))"
        r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|MST|MDT|GMT|local\s+time))?"
        r"(?:,?\s+(?:(?P<dayword>" + WEEKDAY_RE + r"|today|yesterday|tomorrow)"
        r"|(?P<mon>" + MONTH_RE + r")\s+(?P<day>[0-3]?\d)(?!\d)))?"), abs_.clock),
    # relative periods
    Rule("relative_unit", compile_rule(
        _PART_OF + r"?" + _MOD + r"?(?P<rel>" + _REL + r")\s+(?P<unit>" + _REL_UNIT + r")"), rel.relative_unit),
    Rule("season", compile_rule(r"(?:the\s+)?" + _MOD + r"?(?P<season>" + _SEASON + r")(?!\s+of)"),
         rel.season),
    Rule("ago", compile_rule(
        _APPROX + r"?(?P<num>" + NUM_RE + r")[\s-]+(?P<unit>" + UNIT_RE + r")\s+(?P<dir>"
        + _AGO_DIR + r")"), rel.ago),
    Rule("year_ago_adj", compile_rule(
        r"(?:the\s+)?(?:year-earlier|year-ago|year\s+earlier|year\s+ago)"
        r"(?:\s+(?:quarter|period|months?))?"), rel.year_ago_adj),
    Rule("duration", compile_rule(
        r"(?:(?P<det>the|a|an)\s+)?"
        r"(?:(?:past|last|next|first|coming|previous|final|latest|following|same|full|entire"
        r"|whole|initial|recent|remaining|nearly|roughly|around)\s+)?"
        r"(?P<num>" + NUM_RE + r")[\s-]+(?P<unit>" + UNIT_RE + r")(?!-old|\s+old)"),
        rel.duration),
    Rule("bare_units", compile_rule(
        r"(?:(?P<rel>recent|the\s+past|the\s+coming|coming)\s+)(?P<unit>years|months|weeks|days|decades)"),
        rel.bare_units),
    Rule("quarter", compile_rule(
        r"(?:the\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+)?"
        r"(?:(?P<pre>fiscal|latest|year-ago|year-earlier|comparable|same|recent|current|previous"
        r"|prior|past|last|next|coming|this|just-ended|just-completed)\s+)?(?:fiscal\s+)?"
        r"(?:(?P<ord>" + QUARTER_ORD_RE + r")[\s-]+)?(?:fiscal[\s-]+)?(?:-)?quarter(?!s)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>1[6-9]\d\d|20\d\d))?"), rel.quarter),
    Rule("latest_period", compile_rule(r"the\s+(?P<pre>latest|year-ago|year-earlier|comparable)\s+(?:fiscal\s+)?period"),
         rel.quarter),
    Rule("year_period", compile_rule(
        r"the\s+(?P<year>1[6-9]\d\d|20\d\d)\s+(?:fiscal\s+)?(?:quarter|period)"), rel.year_period),
    Rule("that_unit", compile_rule(r"(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<unit>year|month)"),
         rel.that_unit),
    Rule("quarter_year_first", compile_rule(
        r"(?:the\s+)?(?:fiscal\s+)?(?P<year>1[6-9]\d\d|20\d\d)(?:'s)?\s+(?:fiscal\s+)?"
        r"(?P<ord>" + QUARTER_ORD_RE + r")[\s-]+quarter"), rel.quarter),
    Rule("half", compile_rule(
        r"the\s+(?P<ord>first|second|last)\s+half(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>1[6-9]\d\d|20\d\d)"
        r"|(?:the|(?P<yrel>this|next|last))\s+year))?"),
        rel.half),
    Rule("reference", compile_rule(
        r"(?:right\s+now|now|currently|current|these\s+days|nowadays|at\s+present|recently"
        r"|more\s+recently|recent|lately|the\s+past|the\s+near\s+future"
        r"|the\s+future|a\s+later\s+date)"), rel.reference),
    Rule("set", compile_rule(
        r"(?:(?:every|each|per)\s+(?P<unit>year|month|week|day|hour|quarter|" + WEEKDAY_RE + r")"
        r"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly))"), rel.set_expr),
    Rule("weekend", compile_rule(r"(?:the|this|last|next)\s+weekend"), rel.weekend),
    Rule("vague_units", compile_rule(r"(?<=for\s|hin\s)(?P<unit>years|months|weeks|days|decades|centuries|hours)(?!\s+(?:of|ago|before|after|later|earlier))"),
         rel.bare_units),
    Rule("the_unit", compile_rule(r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:earlier|later)\s+in\s+)?the\s+(?:(?:full|latest|current)\s+)?(?:fiscal\s+)?(?P<unit>year|week|month)"), rel.the_unit),
]

# Words a rule cannot match without: each rule runs only on a text that holds, for
# every group, one of the group's strings (in ``fold``'s lower case). Scanning the
# whole text with each of the patterns above was most of the time the rules took;
# a text without "quarter" has no quarter to find. The strings are the literal
# parts every match must contain, so the rules find exactly what they found before
# (``tests/test_times.py`` checks each rule's own examples against them).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("year", "month", "week", "day", "hour", "minute", "second", "decade", "centur", "quarter")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "full_date": (_MONTHS,),
    "day_month": (_MONTHS,),
    "numeric_date": (("/", "-"),),
    "month_year": (_MONTHS, ("16", "17", "18", "19", "20")),
    "month_rel_year": (_MONTHS, ("year",)),
    "month": (_MONTHS,),
    "year": (("16", "17", "18", "19", "20"),),
    "decade": (("0s", "0's"),),
    "century": (("centur",),),
    "spelled_year": (("nineteen",),),
    "year_2000s": (("thousand",),),
    "decade_word": (("ties",),),
    "holiday": (("thanksgiving", "christmas", "new", "election", "independence", "labor", "memorial",
                 "valentine", "halloween"),),
    "weekday": (("mon", "tue", "wed", "thu", "fri", "sat", "sun"),),
    "deictic_day": (("today", "yesterday", "tomorrow", "tonight"),),
    "part_of_day": (("morning", "afternoon", "evening", "night"),),
    "clock": (("am", "pm", "a.m", "p.m", "noon", "midday", "midnight"),),
    "relative_unit": (("this", "current", "same", "last", "past", "previous", "prior", "next", "coming",
                       "following"), _UNITS + _SEASONS),
    "season": (_SEASONS,),
    "ago": (("ago", "earlier", "later", "from", "hence"), _UNITS),
    "year_ago_adj": (("year",), ("earlier", "ago")),
    "duration": (_UNITS,),
    "bare_units": (("recent", "past", "coming"), ("years", "months", "weeks", "days", "decades")),
    "quarter": (("quarter",),),
    "latest_period": (("period",),),
    "year_period": (("quarter", "period"),),
    "that_unit": (("that",), ("year", "month")),
    "quarter_year_first": (("quarter",),),
    "half": (("half",),),
    "reference": (("now", "current", "days", "present", "recent", "lately", "past", "future", "later"),),
    "set": (("every", "each", "per", "daily", "weekly", "monthly", "yearly", "hourly", "nightly"),),
    "weekend": (("weekend",),),
    "vague_units": (("for", "hin"), ("years", "months", "weeks", "days", "decades", "centuries", "hours")),
    "the_unit": (("the",), ("year", "week", "month")),
}


_MONTH_WORDS = frozenset(MONTHS)
#: whole words (runs of a-z in ``fold``'s text) a rule's match holds, one of each group; a
#: month or a weekday, "am" or "pm", is a word of its own in every match the patterns allow
WORD_NEEDS: dict[str, tuple[frozenset[str], ...]] = {
    "full_date": (_MONTH_WORDS,),
    "day_month": (_MONTH_WORDS,),
    "month_year": (_MONTH_WORDS,),
    "month_rel_year": (_MONTH_WORDS, word_set("times", "month_rel_year_words")),
    "month": (_MONTH_WORDS,),
    "weekday": (frozenset(WEEKDAYS),),
    "clock": (word_set("times", "clock_words"),),
    "holiday": (word_set("times", "holiday_words"),),
    "set": (word_set("times", "set_words"),),
    "ago": (word_set("times", "ago_words"),),
}
_WORD = re.compile(r"[a-z]+")


def words_of(folded: str) -> frozenset[str]:
    """The runs of letters a to z in a ``fold``-ed text, for ``WORD_NEEDS``."""
    return frozenset(_WORD.findall(folded))


def fold(text: str) -> str:
    """Lower case as the rules' case-insensitive matching reads it, for ``NEEDS``.

    ``re.I`` takes "İ" for "i" (``str.lower`` gives "i" and a combining dot), and
    the dotless "ı" and the long "ſ" for "i" and "s".
    """
    return text.lower().replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")


def may_match(name: str, folded: str, words: frozenset[str] | None = None) -> bool:
    """False only when the rule ``name`` cannot match a text whose ``fold`` is ``folded``
    (and whose ``words_of`` are ``words``, when given)."""
    if not all(any(part in folded for part in group) for group in NEEDS.get(name, ())):
        return False
    return words is None or all(words & group for group in WORD_NEEDS.get(name, ()))
