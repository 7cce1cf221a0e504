"""Grading rules on hand-made claims: what counts as an origin and how a denial weighs."""

from __future__ import annotations

from interlock.credibility.claims import Claim, Support, _number, origin_names


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
