"""Golden test on the seed article (../shared/seed), published 2018-02-20.

The article is read from ../shared, never copied here; these assertions are
what a careful reader takes from it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock.extract.api import extract
from interlock.model import ExtractedDocument, Statement
from tests.helpers import check_document, entity, require_shared


@pytest.fixture(scope="module")
def seed() -> tuple[str, ExtractedDocument]:
    folder = require_shared("seed")
    path = sorted(Path(folder).glob("*.txt"))[0]
    text = path.read_text("utf-8")
    return text, extract(text, published="2018-02-20", doc_id=path.stem)


def statements(doc: ExtractedDocument, subject: str, predicate: str | tuple[str, ...]) -> list[Statement]:
    preds = (predicate,) if isinstance(predicate, str) else predicate
    sid = entity(doc, subject).id
    return [s for s in doc.statements if s.subject == sid and s.predicate in preds]


def name_of(doc: ExtractedDocument, entity_id: str | None) -> str:
    ent = doc.entity(entity_id)
    return ent.name if ent else ""


def test_valid_output_and_no_component_failed(seed: tuple[str, ExtractedDocument]) -> None:
    text, doc = seed
    check_document(doc, text)
    assert doc.errors == []


def test_outlet_is_the_closing_source_line(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    assert doc.outlet == "ncr-iran"
    assert name_of(doc, doc.outlet_entity) == "ncr-iran"


def test_gheybparvar_commands_the_basij_force(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    basij = entity(doc, "Basij Force").id
    found = [
        s
        for s in statements(doc, "Gholamhossein Gheybparvar", ("holds_position", "leader_of"))
        if s.object == basij and s.role and "commander" in s.role
    ]
    assert any(s.predicate == "holds_position" for s in found), found
    assert entity(doc, "Gheybparvar") is entity(doc, "Gholamhossein Gheybparvar")


def test_unnamed_ambassador_is_an_entity_with_the_role(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    amb = entity(doc, "the Iranian ambassador to Iraq")
    assert amb.label == "PERSON"
    assert amb.anonymous  # never named
    assert any("ambassador" in d for d in amb.descriptors)
    roles = [s for s in doc.statements if s.subject == amb.id and s.role and "ambassador" in s.role]
    assert roles, "the ambassador's post is a statement"


def test_secret_meeting_in_baghdad_last_week(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert len(meetings) == 1, [m.evidence.text for m in meetings]
    meeting = meetings[0]
    assert meeting.secret
    assert name_of(doc, meeting.place) == "Baghdad"
    assert meeting.time == "2018-W07"
    assert meeting.interval == ("2018-02-12", "2018-02-18")
    participants = {name_of(doc, p) for p in meeting.participants}
    assert {"Gholamhossein Gheybparvar", "the Iranian ambassador to Iraq", "Fatah Alliance"} <= participants
    assert entity(doc, "Ahmad al-Asadi").id in meeting.topics
    # "no one really knows why": the purpose of the meeting is uncertain
    assert "purpose" in meeting.uncertain
    assert any("no one really knows" in h.text for h in meeting.hedges)


def test_asadi_is_one_entity(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    asadi = entity(doc, "Ahmad al-Asadi")
    assert entity(doc, "Asadi") is asadi
    assert asadi.label == "PERSON"
    assert any(m.kind == "pronoun" for m in asadi.mentions)


def test_asadi_positions(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    pmu = entity(doc, "PMU").id
    spokes = [s for s in statements(doc, "Asadi", "spokesperson_for") if s.object == pmu]
    assert spokes and all(s.status == "former" for s in spokes), spokes
    mp = [s for s in statements(doc, "Asadi", "holds_position") if s.role and "member of parliament" in s.role]
    assert mp and mp[0].status == "current"
    assert name_of(doc, mp[0].object) == "Baghdad" or "Baghdad" in mp[0].evidence.text
    cand = statements(doc, "Asadi", "candidate_in")
    assert cand, "Asadi is a candidate in the election"
    assert cand[0].time == "2018-05", cand
    advisor = [
        s
        for s in statements(doc, "Asadi", ("holds_position", "advisor_to"))
        if s.object == pmu and s.role and "media advisor" in s.role
    ]
    assert advisor and all(s.modality == "conditional" and s.status == "planned" for s in advisor), advisor


def test_pmu_backed_by_iran_and_acronym(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    pmu = entity(doc, "PMU")
    assert entity(doc, "Popular Mobilization Units") is pmu
    iran = entity(doc, "Iran").id
    assert any(s.object == iran for s in statements(doc, "PMU", "backed_by"))


def test_abadi_prime_minister_of_iraq(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    iraq = entity(doc, "Iraq").id
    pm = [
        s
        for s in statements(doc, "Haider al-Abadi", ("holds_position", "leader_of"))
        if s.role == "prime minister" and s.object == iraq
    ]
    assert any(s.predicate == "holds_position" for s in pm), pm


def test_khafaji_direct_quote(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    khafaji = entity(doc, "Ahmad al-Khafaji").id
    quotes = [a for a in doc.attributions if a.source and a.source.entity == khafaji]
    direct = [a for a in quotes if a.kind == "direct" and a.cue.text == "said"]
    assert direct, quotes
    assert "presence of Gheybparvar" in direct[0].content.text
    assert not direct[0].source.anonymous  # type: ignore[union-attr]


def test_anonymous_source_relayed_through_al_arabiya(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    arabiya = entity(doc, "Al Arabiya")
    source = entity(doc, "The source")
    told = [a for a in doc.attributions if a.source and a.source.entity == source.id]
    assert len(told) >= 2, told
    first, later = told[0], told[-1]
    assert first.source.anonymous  # type: ignore[union-attr]
    assert first.via[0] == arabiya.id and first.via[-1] == doc.outlet_entity
    assert "meeting discussed Ahmad al-Asadi" in first.content.text
    assert later.same_source_as == first.id
    assert "pressure" in later.content.text
    # what the source said is reported, not asserted by the outlet
    meeting_topic = [s for s in doc.statements if s.attribution == first.id]
    assert all(s.modality != "asserted" for s in meeting_topic)


def test_what_must_not_appear(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    assert entity(doc, "Al Arabiya").label != "PERSON"
    trump = entity(doc, "Donald Trump").id
    assert not [s for s in doc.statements if s.subject == trump and s.predicate == "holds_position"]


def test_times_normalised_against_publication_date(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    values = {t.text: t.value for t in doc.times}
    assert values.get("last week") == "2018-W07"
    assert values.get("May") == "2018-05"
    assert values.get("January") == "2018-01"
    assert values.get("2018") == "2018"


def test_author_opinion_is_marked(seed: tuple[str, ExtractedDocument]) -> None:
    _, doc = seed
    assert any("obviously sparked fears" in o.text for o in doc.opinions)
