"""Event finding (``interlock.extract.events``) on its own, on sentences of our own.

``events.find_events`` is run after only the entities and times of the same
document (``entities.build_entities``, ``times.find_timexes``), and the events it
returns are checked: trigger words and their types, a meeting's participants,
place, date and secrecy, a later mention of the same meeting, resignations,
appointments and candidacies, and the statements the events give (``met_with``
for each pair, ``candidate_in`` the election). All names are invented.
"""

from __future__ import annotations

from datetime import date

from interlock.extract import entities, events, times
from interlock.extract.events import triggers
from interlock.extract.pipeline import load_nlp
from interlock.extract.state import DocState, EventDraft, get_state

#: a Wednesday: "Tuesday" is 2031-05-13, "last week" is 2031-W19
PUBLISHED = date(2031, 5, 14)


def _events(text: str) -> tuple[list[EventDraft], DocState]:
    doc = load_nlp()(text)
    state = get_state(doc)
    state.published = PUBLISHED
    entities.build_entities(doc, state)
    state.times = times.find_timexes(doc, PUBLISHED)
    return events.find_events(doc, state), state


def _trigger(text: str, ev: EventDraft) -> str:
    return text[ev.trigger[0] : ev.trigger[1]]


def test_trigger_words_and_their_types() -> None:
    doc = load_nlp()(
        "Marten Osgrove met the envoy, resigned, was appointed, walked home and held talks "
        "with the board. The election was held."
    )
    typed = {t.text: triggers._event_type(t) for t in doc if triggers._event_type(t) is not None}
    assert typed == {
        "met": "meeting",
        "resigned": "resignation",
        "appointed": "appointment",
        "talks": "meeting",
        "election": "election",
    }


def test_meeting_with_participants_place_and_date() -> None:
    text = "Marten Osgrove, the governor of Velland, met Ilse Karvane in Dorrin on Tuesday."
    found, _ = _events(text)
    assert len(found) == 1
    ev = found[0]
    assert ev.type == "meeting" and _trigger(text, ev) == "met"
    assert [p.name for p in ev.participants] == ["Marten Osgrove", "Ilse Karvane"]
    assert ev.place is not None and ev.place.name == "Dorrin"
    assert ev.time is not None and ev.time.text == "Tuesday" and ev.time.value == "2031-05-13"
    assert ev.secret is False


def test_secret_meeting_last_week() -> None:
    text = "Greta Holloway met Tobias Renwick secretly in Port Aster last week to discuss the budget."
    found, _ = _events(text)
    assert [(e.type, e.secret) for e in found] == [("meeting", True)]
    assert [p.name for p in found[0].participants] == ["Greta Holloway", "Tobias Renwick"]
    assert found[0].place is not None and found[0].place.name == "Port Aster"
    assert found[0].time is not None and found[0].time.value == "2031-W19"


def test_three_participants_give_one_met_with_statement_per_pair() -> None:
    text = "Marten Osgrove met Ilse Karvane and Pell Amsden in Dorrin on Tuesday. The meeting lasted two hours."
    found, state = _events(text)
    assert [e.type for e in found] == ["meeting"]  # "the meeting" is the same one again
    pairs = [(s.subject.name, s.predicate, s.object.name if s.object else None) for s in state.statements]
    assert pairs == [
        ("Marten Osgrove", "met_with", "Ilse Karvane"),
        ("Marten Osgrove", "met_with", "Pell Amsden"),
        ("Ilse Karvane", "met_with", "Pell Amsden"),
    ]
    assert all(s.rule == "meeting" and s.valid_from == "2031-05-13" for s in state.statements)


def test_talks_with_a_topic_are_a_meeting_of_both_sides() -> None:
    text = "Osgrove and Karvane held talks in Dorrin on Tuesday about the harbour tax."
    found, _ = _events(text)
    assert [(e.type, _trigger(text, e)) for e in found] == [("meeting", "talks")]
    assert [p.name for p in found[0].participants] == ["Osgrove", "Karvane"]
    assert found[0].place is not None and found[0].place.name == "Dorrin"


def test_resignation_dated_by_its_weekday() -> None:
    text = "Tobias Renwick resigned as finance minister of Velland on Monday."
    found, _ = _events(text)
    assert [(e.type, _trigger(text, e)) for e in found] == [("resignation", "resigned")]
    assert [p.name for p in found[0].participants] == ["Tobias Renwick"]
    assert found[0].time is not None and found[0].time.value == "2031-05-12"


def test_appointment_with_its_date() -> None:
    text = "The Harbour League appointed Wenna Sallow as its chair on 3 March 2031."
    found, _ = _events(text)
    assert [(e.type, _trigger(text, e)) for e in found] == [("appointment", "appointed")]
    assert found[0].time is not None and found[0].time.value == "2031-03-03"


def test_candidacy_gives_an_election_and_a_candidate_in_statement() -> None:
    text = "Nadia Ferreol will run for president in the Velland election next year."
    found, state = _events(text)
    assert [e.type for e in found] == ["candidacy", "election"]
    assert [p.name for p in found[0].participants] == ["Nadia Ferreol"]
    assert all(e.time is not None and e.time.value == "2032" for e in found)
    cands = [(s.subject.name, s.predicate, s.object.name if s.object else None) for s in state.statements]
    assert cands == [("Nadia Ferreol", "candidate_in", "Velland election")]


def test_a_sentence_without_a_trigger_has_no_event() -> None:
    found, state = _events("The council discussed the budget in Dorrin on Tuesday.")
    assert found == [] and state.statements == []
