"""Grading rules on hand-made claims: what counts as an origin and how a denial weighs."""

from __future__ import annotations

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
