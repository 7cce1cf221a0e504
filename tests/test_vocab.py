"""The predicate vocabulary: its loader, its validation, and that code only emits its predicates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interlock import vocab
from interlock.vocab import (
    VocabularyError,
    load_modalities,
    load_predicates,
    load_statuses,
    parse_predicates,
    require_predicate,
)

GOOD = {
    "description": "The subject is in the object.",
    "subject": ["PERSON"],
    "object": ["ORG"],
    "takes_role": False,
}


def test_vocabulary_loads_with_the_core_predicates() -> None:
    preds = load_predicates()
    for name in ("member_of", "holds_position", "leader_of", "spokesperson_for", "part_of",
                 "backed_by", "affiliated_with", "candidate_in", "employed_by", "advisor_to",
                 "met_with", "founded", "resigned_from", "ally_of", "opposes"):
        assert name in preds, name
        assert isinstance(preds[name], vocab.Predicate)
        assert preds[name].description
    assert preds["member_of"].wikidata == ("P463", "P102")
    assert preds["member_of"].ftm == "Membership"
    assert preds["holds_position"].takes_role and preds["holds_position"].object_optional
    assert "EVENT" in preds["candidate_in"].object


def test_modalities_and_statuses() -> None:
    assert set(load_modalities()) == {"asserted", "reported", "hedged", "negated", "conditional", "planned"}
    assert set(load_statuses()) == {"current", "former", "planned"}


def test_require_predicate() -> None:
    assert require_predicate("member_of") == "member_of"
    with pytest.raises(VocabularyError):
        require_predicate("is_friend_of")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"subject": ["PEOPLE"]}, "unknown entity kinds"),
        ({"wikidata": ["Q5"]}, "bad Wikidata property"),
        ({"colour": "red"}, "unknown fields"),
        ({"description": " "}, "description"),
        ({"inverse": "member_of"}, "clashes"),
    ],
)
def test_parse_rejects_bad_definitions(change: dict[str, object], message: str) -> None:
    spec = {**GOOD, **change}
    with pytest.raises(VocabularyError, match=message):
        parse_predicates({"member_of": spec})


def test_parse_rejects_missing_fields_and_bad_names() -> None:
    spec = {k: v for k, v in GOOD.items() if k != "takes_role"}
    with pytest.raises(VocabularyError, match="missing takes_role"):
        parse_predicates({"x_of": spec})
    with pytest.raises(VocabularyError, match="lowercase identifier"):
        parse_predicates({"Member Of": GOOD})
    with pytest.raises(VocabularyError):
        parse_predicates({})


def test_code_emits_only_vocabulary_predicates() -> None:
    """Every predicate name written in the relation modules is defined in the vocabulary."""
    root = Path(vocab.__file__).resolve().parents[1] / "extract"
    names: set[str] = set()
    for path in [root / "roles.py", *sorted((root / "relations").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'ctx\.add\([^,]+,\s*"(\w+)"', text))
        names |= set(re.findall(r'predicate\s*=\s*"(\w+)"', text))
        names |= set(re.findall(r'predicate,\s*role\s*=\s*"(\w+)"', text))
        names |= set(re.findall(r'\),\s*\n?\s*"(\w+_\w+)",?\s*\)', text))
    assert {"member_of", "leader_of", "holds_position", "backed_by"} <= names
    assert names <= set(load_predicates()), names - set(load_predicates())
