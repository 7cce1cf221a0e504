"""Grading rules on hand-made claims: what counts as an origin and how a denial weighs."""

from __future__ import annotations

import json
from pathlib import Path

from interlock.credibility.claims import Claim, Support, _number, origin_names
from interlock.store import SQLiteStore


def support(n: int, origin: str, name: str, kind: str, letter: str = "B", negated: bool = False) -> Support:
    return Support(f"st{n}", negated, origin, name, kind, letter, [name])


def test_a_named_second_source_corroborates_even_when_denied() -> None:
    claim = Claim("c", "s", "met_with", "o", [
        support(1, "outlet:npa", "Nahr Press Agency", "anonymous", "C"),
        support(2, "source:hashimi", "Rami al-Hashimi", "official-relayed", "D"),
        support(3, "source:khazraji", "Jawad al-Khazraji", "named", "D", negated=True),
    ])
    number, why = _number(claim)
    assert number == 2
    assert "confirmed by 2 independent origins" in why and "Rami al-Hashimi" in why
    assert "denied by 1 (Jawad al-Khazraji)" in why, "the reason says both"


def test_anonymous_sources_alone_do_not_outweigh_a_denial_on_record() -> None:
    claim = Claim("c", "s", "met_with", "o", [
        support(1, "outlet:npa", "Nahr Press Agency", "anonymous", "C"),
        support(2, "source:khazraji", "Jawad al-Khazraji", "named", "D", negated=True),
    ])
    assert _number(claim)[0] == 5


def test_one_name_per_origin_counted() -> None:
    side = {"a": support(1, "a", "three commanders", "named"), "b": support(2, "b", "three commanders", "named")}
    assert origin_names(side) == ["three commanders", "three commanders (2)"]


def _post(n: int, origin: str, status: str, published: str, role: str = "deputy commander", ended: str | None = None,
          modality: str = "reported") -> Support:
    s = support(n, origin, origin.split(":")[1], "outlet")
    s.status, s.published, s.role, s.ended, s.modality = status, published, role, ended, modality
    return s


def test_held_versus_stepped_down_is_a_contradiction(tmp_path: Path) -> None:
    from interlock.credibility.conflicts import value_conflicts

    held = Claim("held", "khazraji", "holds_position", "brigade4", [
        _post(1, "outlet:npa", "current", "2027-02-12"), _post(2, "outlet:sawt", "current", "2027-03-21")])
    with SQLiteStore(tmp_path / "s.db") as store:
        found = value_conflicts(store, [held, Claim("left", "khazraji", "resigned_from", "brigade4", [
            _post(3, "outlet:qnb", "former", "2027-02-13", role="")])])
    # the report of 12 February came before the one saying he had left; the one of 21 March contradicts it
    assert [(a, b) for a, b, _ in found["held"]] == [("st2", "st3")]
    assert found["left"][0][:2] == ("st3", "st2") and "sawt reports" in found["left"][0][2]


def test_two_holders_of_a_single_holder_post(tmp_path: Path) -> None:
    from interlock.credibility.conflicts import value_conflicts

    a = Claim("a", "actor_sayyadi", "leader_of", "sumud", [_post(1, "outlet:npa", "current", "2027-03-12", "commander")])
    b = Claim("b", "actor_other", "leader_of", "sumud", [_post(2, "outlet:ufuq", "current", "2027-03-20", "commander")])
    c = Claim("c", "actor_third", "leader_of", "sumud", [_post(3, "outlet:qnb", "current", "2026-01-01", "commander")])
    d = Claim("d", "actor_fourth", "leader_of", "sumud", [_post(4, "outlet:qnb", "current", "2027-03-13", "leader")])
    with SQLiteStore(tmp_path / "s.db") as store:
        found = value_conflicts(store, [a, b, c, d])
    assert set(found) == {"a", "b"}, "a year apart is a change of commander; a 'leader' may be one of many"
    assert "names" in found["a"][0][2]


def test_a_dispute_caps_the_grade_and_is_linked_both_ways(tmp_path: Path) -> None:
    """Two outlets of our own writing: one says he stepped down in February, the other in March that he
    commands the group: linked as contradictions, shown under each source, and the claim is no better
    than possibly true."""
    from interlock.extract.api import extract
    from interlock.query import show
    from interlock.refresh import refresh

    texts = [("d1", "2027-02-01", "Wire One", "Karim Saleh, the former commander of the Tanwir Guards, "
              "opened a school in Ras Tanwir."),
             ("d2", "2027-03-01", "Wire Two", "Karim Saleh, the commander of the Tanwir Guards, spoke in Ras Tanwir "
              "on Monday."),
             ("d3", "2027-03-02", "Wire Three", "Karim Saleh, the commander of the Tanwir Guards, visited Ras Tanwir.")]
    with SQLiteStore(tmp_path / "s.db") as store:
        for doc_id, day, outlet, text in texts:
            store.put(extract(text, doc_id=doc_id, published=day, outlet=outlet), text)
        list(refresh(store))
        tie = next(t for t in show(store, "Karim Saleh")["ties"]
                   if t["predicate"] == "holds_position" and t["status"] == "current")
    assert tie["claim"]["corroboration"] >= 2, "two outlets say he commands it"
    assert tie["claim"]["grade"][1] == "3" and "disputed" in tie["claim"]["reason"]
    assert all(src["contradictions"] for src in tie["sources"]), "each source shows what contradicts it"


def test_an_anonymous_source_is_named_by_its_noun_whatever_refers_back_to_it() -> None:
    from interlock.credibility.tellings import source_noun

    first = {"a senior official at the commission", "A commission official, speaking on condition of anonymity",
             "two Qadiri security officials"}
    back = {"the official, who spoke on condition of anonymity", "The official", "The second official"}
    assert {source_noun(t) for t in first | back} == {"official"}
    assert source_noun("three commanders") == source_noun("the commanders") == "commander"
    assert source_noun("a member of the board who voted against the decision") == "member"
    assert source_noun("he") == source_noun(None) == "", "a pronoun names no one new"


def test_an_anonymous_source_is_one_origin_per_outlet_and_per_telling(tmp_path: Path) -> None:
    """Our own writing: Harbour Wire's senior official spoke in two stories (two tellings), the first of
    which refers back to its source ("the official added"); Gulf Daily relays the first ("told Harbour
    Wire": no origin of its own) and reports the meeting on its own (an origin)."""
    from click.testing import CliRunner

    from interlock.cli import cli

    said = "Karim Saleh met Hassan Nouri in Ras Tanwir"
    texts = [
        ("t1", "2027-06-01", "Harbour Wire", f"{said} on Sunday, a senior official said.\n\nThe meeting lasted two "
                                             "hours. Karim Saleh also met Hassan Nouri on Monday, the official added."),
        ("t2", "2027-06-03", "Harbour Wire", f"{said} last week, a senior official said.\n\nPort workers were on "
                                             "strike on Tuesday."),
        ("t3", "2027-06-04", "Gulf Daily", f"{said} last week, a senior official told Harbour Wire.\n\nThe mayor did "
                                           "not comment."),
        ("t4", "2027-06-05", "Gulf Daily", f"{said} on Sunday.\n\nThe port reopened on Monday."),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "published": d, "outlet": o, "title": "[Fiction] Talks", "text": t})
                            + "\n" for i, d, o, t in texts), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "a.db"), "-q"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(tmp_path / "a.db") as store:
        rows = store.conn.execute("SELECT s.document_id, g.origin, g.claim_id FROM statements s JOIN statement_grades g "
                                  "ON g.statement_id = s.id WHERE s.predicate = 'met_with'").fetchall()
        origin = {}
        for doc, counted, _ in rows:
            origin.setdefault(doc, set()).add(counted)
        assert len([r for r in rows if r[0] == "t1"]) >= 2, "the first story refers back to its source"
        assert len(origin["t1"]) == 1, "one telling however often the story refers back to it"
        assert origin["t1"] != origin["t2"], "a second story is a second telling"
        assert origin["t3"] == origin["t1"], "a relay counts for the telling of the outlet told"
        claim = store.conn.execute("SELECT * FROM claims WHERE id = ?", (rows[0][2],)).fetchone()
    assert len({c for cs in origin.values() for c in cs}) == claim["corroboration"] == 3
    assert json.loads(claim["origins"]) == ["Gulf Daily", "Harbour Wire", "Harbour Wire (2)"]
    assert "confirmed by 3 independent origins" in claim["reason"]


def test_two_dates_of_one_meeting_are_a_contradiction() -> None:
    from interlock.credibility.meeting_dates import meeting_date_conflicts

    def met(n: int, origin: str, day: str | None) -> Support:
        s = support(n, origin, origin.split(":")[1], "outlet")
        s.time, s.modality = day, "reported"
        return s

    claim = Claim("m", "khazraji", "met_with", "maras", [
        met(1, "outlet:npa", "2027-02-22"), met(2, "outlet:sawt", "2027-02-25"),
        met(3, "outlet:ufuq", "2027-02"),  # a month says nothing against a day
        met(4, "outlet:qnb", "2027-01-10"), met(5, "outlet:qnb", "2027-02-23"),  # one origin, two meetings
        met(6, "outlet:npa", "2027-02-22")])
    found = meeting_date_conflicts([claim])["m"]
    assert {(a, b) for a, b, _ in found} == {("st1", "st2"), ("st6", "st2")}
    assert "npa dates the meeting 2027-02-22, sawt 2027-02-25" in found[0][2]
    far = Claim("f", "a", "met_with", "b", [met(1, "outlet:npa", "2027-02-01"), met(2, "outlet:sawt", "2027-03-01")])
    assert meeting_date_conflicts([far]) == {}, "a month apart: two meetings"


def test_a_meeting_dated_two_ways_is_linked_and_disputed(tmp_path: Path) -> None:
    """Our own writing: two outlets date one meeting three days apart; a third, weeks later, is another."""
    from interlock.extract.api import extract
    from interlock.query import show
    from interlock.refresh import refresh

    texts = [("d1", "2027-03-01", "Wire One", "Karim Saleh met Omar Idris in Ras Tanwir on 22 February."),
             ("d2", "2027-03-02", "Wire Two", "Karim Saleh met Omar Idris in Ras Tanwir on 25 February.")]
    with SQLiteStore(tmp_path / "s.db") as store:
        for doc_id, day, outlet, text in texts:
            store.put(extract(text, doc_id=doc_id, published=day, outlet=outlet), text)
        list(refresh(store))
        linked = store.conn.execute("SELECT count(*) FROM contradictions").fetchone()[0]
        tie = next(t for t in show(store, "Karim Saleh")["ties"] if t["predicate"] == "met_with")
    assert linked == 2, "each report contradicts the other"
    assert "disputed" in tie["claim"]["reason"] and "dates the meeting" in tie["claim"]["reason"]
    assert all(src["contradictions"] for src in tie["sources"]), "shown under each source"
