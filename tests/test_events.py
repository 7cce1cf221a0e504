"""Events: meetings and their participants, place, time, topics; other event types."""

from __future__ import annotations

from pathlib import Path

from interlock.extract.api import extract
from interlock.model import ExtractedDocument
from interlock.store import SQLiteStore
from tests.helpers import check_document, entity


def names(doc: ExtractedDocument, ids: list[str]) -> set[str]:
    return {e.name for e in doc.entities if e.id in ids}


def test_meeting_with_place_time_and_later_topic() -> None:
    text = (
        "Yasin Tahir and the Qatari envoy met with leaders of the Karama Bloc in Erbil yesterday. "
        "The meeting discussed Rana Salim, a candidate in the regional election."
    )
    doc = extract(text, published="2022-06-15")
    check_document(doc, text)
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert len(meetings) == 1
    m = meetings[0]
    assert {"Yasin Tahir", "the Qatari envoy", "Karama Bloc"} <= names(doc, m.participants)
    assert doc.entity(m.place).name == "Erbil"  # type: ignore[union-attr]
    assert m.time == "2022-06-14"
    assert entity(doc, "Rana Salim").id in m.topics
    assert not m.secret


def test_secret_meeting_and_hedged_purpose() -> None:
    text = (
        "Commander Ali Rezaei met with Hamid Jabar in Najaf last month, "
        "but nobody knows why, and the meeting was kept secret."
    )
    doc = extract(text, published="2022-06-15")
    m = [e for e in doc.events if e.type == "meeting"][0]
    assert m.secret
    assert "purpose" in m.uncertain
    assert m.interval == ("2022-05-01", "2022-05-31")


def test_two_mentions_of_one_meeting_are_one_event() -> None:
    text = (
        "Salah Nouri met militia leaders in Basra on Monday. "
        "Nouri met the leaders to discuss the vote, aides said."
    )
    doc = extract(text, published="2022-06-15")
    assert len([e for e in doc.events if e.type == "meeting"]) == 1


def test_resignation_and_conditional_appointment() -> None:
    text = (
        "Interior Minister Faris Obeidi resigned on March 3. "
        "The council agreed to appoint Obeidi as envoy to Jordan if he accepts the post."
    )
    doc = extract(text, published="2022-06-15")
    types = {e.type for e in doc.events}
    assert {"resignation", "appointment"} <= types
    appointment = [e for e in doc.events if e.type == "appointment"][0]
    assert appointment.modality == "conditional"
    assert entity(doc, "Faris Obeidi").id in appointment.participants


def test_no_event_without_participants() -> None:
    doc = extract("They hoped to run a clean campaign.")
    assert [e for e in doc.events if e.type == "candidacy"] == []


def test_a_rule_about_nobody_is_no_candidacy() -> None:
    from interlock import extract

    doc = extract('"No person who holds a post in an armed group in the six months before he registers may '
                  'stand for parliament," the judge said. Ahmad Karim will stand for parliament in the April election.',
                  published="2027-02-01")
    names = {e.id: e.name for e in doc.entities}
    candidates = [names[s.subject] for s in doc.statements if s.predicate == "candidate_in"]
    assert candidates == ["Ahmad Karim"]


def test_events_one_phrase_tells_have_ids_of_their_own_and_store(tmp_path: Path) -> None:
    """"visited A and B" is a visit to each place, "separate meetings with A, B and C" a meeting
    with each; every event still needs an id no other item of the document has, or the store
    refuses the document (found on a PolNeAR article by bench/scale.py)."""
    texts = [
        "Foreign Minister Karim Haddad visited Tripoli and Benghazi on Monday, officials said.",
        "On Tuesday the envoy Lena Markov held separate meetings with Omar Dalil, Sami Rafik and "
        "Yusuf Tarek in Amman.",
    ]
    with SQLiteStore(tmp_path / "events.db") as store:
        for n, text in enumerate(texts):
            doc = extract(text, doc_id=f"visits-{n}", published="2031-05-14")
            meetings = [e for e in doc.events if e.type == "meeting"]
            assert len(meetings) >= 2 and len({e.trigger.start for e in meetings}) == 1, meetings
            ids = [e.id for e in doc.events]
            assert len(ids) == len(set(ids)), ids
            assert store.put(doc, text) == "new"
