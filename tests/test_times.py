"""Tests of the TIMEX3 finder and normaliser on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from interlock.extract.pipeline import load_nlp
from interlock.extract.times import find_timexes
from interlock.extract.times.calendar import interval_of
from interlock.model import Timex

ANCHOR = date(2018, 2, 20)  # a Tuesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def run(nlp: Language, text: str, anchor: date | None = ANCHOR) -> list[Timex]:
    return find_timexes(nlp(text), anchor)


def by_text(timexes: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in timexes}


def test_last_week_is_the_previous_iso_week(nlp: Language) -> None:
    found = by_text(run(nlp, "The minister resigned last week after the scandal."))
    t = found["last week"]
    assert (t.type, t.value) == ("DATE", "2018-W07")
    assert t.interval == ("2018-02-12", "2018-02-18")
    assert t.anchored


def test_upcoming_month_in_future_clause(nlp: Language) -> None:
    found = by_text(run(nlp, "Parliament will vote on the budget in May."))
    t = found["May"]
    assert t.value == "2018-05"
    assert t.interval == ("2018-05-01", "2018-05-31")


def test_preposition_left_out_and_modal_may_ignored(nlp: Language) -> None:
    found = run(nlp, "The senator may resign in May.")
    assert [t.text for t in found] == ["May"]
    assert found[0].start == len("The senator may resign in ")


def test_weekday_in_past_clause_is_the_previous_one(nlp: Language) -> None:
    t = by_text(run(nlp, "The envoy met the prime minister on Friday."))["Friday"]
    assert t.value == "2018-02-16"


def test_weekday_in_future_clause_is_the_next_one(nlp: Language) -> None:
    t = by_text(run(nlp, "The envoy will meet the prime minister on Friday."))["Friday"]
    assert t.value == "2018-02-23"


def test_yesterday_and_ago(nlp: Language) -> None:
    found = by_text(run(nlp, "He spoke yesterday about the coup two years ago."))
    assert found["yesterday"].value == "2018-02-19"
    assert found["two years ago"].value == "2016"
    assert found["two years ago"].interval == ("2016-01-01", "2016-12-31")


def test_next_month_and_earlier_this_year(nlp: Language) -> None:
    found = by_text(run(nlp, "Talks resume next month, after a pause earlier this year."))
    assert found["next month"].value == "2018-03"
    assert found["earlier this year"].value == "2018"


def test_adjectival_year_and_month(nlp: Language) -> None:
    found = by_text(run(nlp, "His January speech shaped the 2018 elections."))
    assert found["January"].value == "2018-01"
    assert found["2018"].value == "2018"


def test_explicit_dates(nlp: Language) -> None:
    found = by_text(run(nlp, "The accord was signed on Aug. 7, 1998, and ratified 12 March 1999."))
    assert found["Aug. 7, 1998"].value == "1998-08-07"
    assert found["12 March 1999"].value == "1999-03-12"


def test_durations(nlp: Language) -> None:
    found = by_text(run(nlp, "He served three years in prison and several days in custody."))
    assert (found["three years"].type, found["three years"].value) == ("DURATION", "P3Y")
    assert found["several days"].value == "PXD"
    assert found["three years"].interval is None


def test_sets(nlp: Language) -> None:
    found = by_text(run(nlp, "The council meets every week and reports each year."))
    assert (found["every week"].type, found["every week"].value) == ("SET", "P1W")
    assert found["each year"].value == "P1Y"


def test_references_and_parts_of_day(nlp: Language) -> None:
    found = by_text(run(nlp, "Now the cabinet meets this morning, at 2 p.m."))
    assert found["Now"].value == "PRESENT_REF"
    assert (found["this morning"].type, found["this morning"].value) == ("TIME", "2018-02-20TMO")
    assert found["2 p.m."].value == "2018-02-20T14:00"


def test_quarters(nlp: Language) -> None:
    found = by_text(run(nlp, "Profit in the third quarter rose from a year earlier."))
    assert found["the third quarter"].value == "2017-Q3"
    assert found["a year earlier"].value == "2016-Q3"
    assert interval_of("2017-Q3") == ("2017-07-01", "2017-09-30")


def test_no_anchor_leaves_relative_expressions_unresolved(nlp: Language) -> None:
    found = by_text(run(nlp, "The envoy met him on Friday and will return in May, as last week.",
                        anchor=None))
    assert found["Friday"].value == "XXXX-WXX-5"
    assert found["May"].value == "XXXX-05"
    assert found["last week"].value is None
    assert not any(t.anchored for t in found.values())
    assert all(t.interval is None for t in found.values())


def test_absolute_date_resolves_without_anchor(nlp: Language) -> None:
    t = by_text(run(nlp, "It was founded in March 1990.", anchor=None))["March 1990"]
    assert t.value == "1990-03"


def test_invalid_and_huge_dates_do_not_crash(nlp: Language) -> None:
    found = run(nlp, "Set for Feb. 30, 2018, or in 99999999999, or 4 p.m. on the 45th.")
    assert not any(t.value and t.value.startswith("2018-02-30") for t in found)
    assert not any("9999999" in (t.value or "") for t in found)


def test_empty_document(nlp: Language) -> None:
    assert run(nlp, "") == []
    assert run(nlp, "   \n ") == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
       | st.lists(st.sampled_from(["last", "week", "May", "1998", "Friday", "ago", "two",
                                   "years", "the", "quarter", "Feb.", "30", ",", "in",
                                   "99999999999", "p.m.", "3", "every", "next", "\n"]),
                  max_size=25).map(" ".join))
def test_random_text_never_crashes(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for anchor in (ANCHOR, None):
        for t in find_timexes(doc, anchor):
            assert 0 <= t.start < t.end <= len(doc.text)
            assert t.text == doc.text[t.start : t.end]
            assert t.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2018-02-20", ("2018-02-20", "2018-02-20")),
        ("2018-02", ("2018-02-01", "2018-02-28")),
        ("2016-02", ("2016-02-01", "2016-02-29")),
        ("2018", ("2018-01-01", "2018-12-31")),
        ("2018-W07", ("2018-02-12", "2018-02-18")),
        ("2018-W07-WE", ("2018-02-17", "2018-02-18")),
        ("2018-Q1", ("2018-01-01", "2018-03-31")),
        ("2018-H2", ("2018-07-01", "2018-12-31")),
        ("199X", ("1990-01-01", "1999-12-31")),
        ("2018-02-19TMO", ("2018-02-19", "2018-02-19")),
        ("2018-02-30", None),
        ("2018-W60", None),
        ("PRESENT_REF", None),
        ("P3Y", None),
        (None, None),
    ],
)
def test_interval_of_values(value: str | None, interval: tuple[str, str] | None) -> None:
    assert interval_of(value) == interval


def test_the_weekend_and_holidays(nlp: Language) -> None:
    found = by_text(run(nlp, "Protesters gathered over the weekend and again on Christmas Day."))
    assert found["the weekend"].value == "2018-W07-WE"
    assert found["Christmas Day"].value == "2017-12-25"


def test_that_year_refers_to_the_last_year_mentioned(nlp: Language) -> None:
    found = by_text(run(nlp, "He fled in June 1998 and returned later that year."))
    assert found["June 1998"].value == "1998-06"
    assert found["later that year"].value == "1998"


def test_works_on_a_doc_without_parse() -> None:
    import spacy

    doc = spacy.blank("en")("The minister met them last Friday and returns in May 2019.")
    found = by_text(find_timexes(doc, ANCHOR))
    assert found["last Friday"].value == "2018-02-16"
    assert found["May 2019"].value == "2019-05"


#: at least one phrase of our own for every rule, with other words around it
_RULE_EXAMPLES = (
    "On Tuesday, March 3, 2019 and on 4th of May 2020 the board met; the memo of 3/14/2021 and "
    "2022-05-06 followed. In June 2018, early next May and mid-July the levy rose; in 1998 and in "
    "the 1990s, the twentieth century, nineteen ninety-two and the year two thousand three. "
    "The late seventies ended by Christmas Eve and Thanksgiving Day. Last Friday evening, tonight "
    "and yesterday morning at 5:30 p.m. EST, or at noon on Monday, the council voted. Last year, "
    "this summer, three weeks ago, the year-earlier quarter, two decades, the past few months, "
    "the third quarter of 2019, the latest period, the 2019 quarter, that same year, 2019's "
    "second quarter, the first half of next year, currently and recently, every Tuesday and "
    "weekly, next weekend, for years, in recent years, by May this year and by the end of the "
    "month the plan stood."
)


def test_each_rule_finds_its_example() -> None:
    from interlock.extract.times.patterns import RULES

    missing = [r.name for r in RULES if not r.pattern.search(_RULE_EXAMPLES)]
    assert not missing


def test_rules_run_only_where_their_words_are() -> None:
    """``NEEDS`` holds words every match contains: a text without them has no match."""
    from interlock.extract.times.patterns import NEEDS, RULES, fold, may_match, words_of

    assert set(NEEDS) == {r.name for r in RULES}
    texts = [_RULE_EXAMPLES, _RULE_EXAMPLES.upper(), "İN MARCH, ſeptember 5 2019 and 3 DAYS AGO at 5PM",
             "at 5:30 a.m. on Tues. 4 Sept. 2019, Mon. night, three years from now, New Year's Eve"]
    for rule in RULES:
        for text in texts:
            for m in rule.pattern.finditer(text):
                around = fold(text[max(0, m.start() - 4) : m.end()])  # "for years" looks behind
                assert may_match(rule.name, around, words_of(around)), (rule.name, m.group(0))
    assert not may_match("quarter", fold("The levy rose in the spring."))
    folded = fold("The mayor spoke on the monthly report at the summit.")  # "may", "mon", "sum" inside words
    assert may_match("month", folded) and not may_match("month", folded, words_of(folded))
    assert may_match("weekday", folded) and not may_match("weekday", folded, words_of(folded))


def test_first_chars_of_a_pattern() -> None:
    """The look-ahead ``compile_rule`` adds holds every character a match may start with."""
    import re

    from interlock.extract.times.patterns import RULES
    from interlock.extract.times.rules import first_chars

    assert first_chars(r"(?:the\s+)?(?P<n>\d+)\s+days") == r"t\d"
    assert first_chars(r"(?:early\s+)?(?:last|next)") == "eln"
    assert first_chars(r"a?") is None  # may match nothing
    assert first_chars(r"[^a]bc") is None  # a negated set: no look-ahead
    assert first_chars(r"(?<=for\s)years") == "y"
    marker = "])(?<![\\w$])"
    for rule in RULES:
        guarded = rule.pattern.pattern
        plain = re.compile(guarded[guarded.index(marker) + 2 :] if guarded.startswith("(?=[") else guarded, re.I)
        for text in (_RULE_EXAMPLES, _RULE_EXAMPLES.upper()):
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]
