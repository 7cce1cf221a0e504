"""The Re-DocRED scorer on a tiny document written for these tests, with known answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from interlock import settings
from interlock.errors import DatasetNotFound
from interlock.evaluate import redocred
from interlock.extract.state import EntityDraft, MentionDraft, StatementDraft

# "Lena Park is the chair of Blue Harbor Trust . Park leads the trust ."
# "She was the Prime Minister of Norland ."
DOC = {
    "title": "Lena Park",
    "sents": [
        ["Lena", "Park", "is", "the", "chair", "of", "Blue", "Harbor", "Trust", "."],
        ["She", "was", "the", "Prime", "Minister", "of", "Norland", "."],
    ],
    "vertexSet": [
        [{"name": "Lena Park", "sent_id": 0, "pos": [0, 2], "type": "PER"},
         {"name": "She", "sent_id": 1, "pos": [0, 1], "type": "PER"}],
        [{"name": "Blue Harbor Trust", "sent_id": 0, "pos": [6, 9], "type": "ORG"}],
        [{"name": "Norland", "sent_id": 1, "pos": [6, 7], "type": "LOC"}],
    ],
    "labels": [
        {"h": 1, "t": 0, "r": "P488", "evidence": [0]},
        {"h": 2, "t": 0, "r": "P6", "evidence": [1]},
        {"h": 0, "t": 2, "r": "P27", "evidence": [1]},
    ],
}
TEXT = "Lena Park is the chair of Blue Harbor Trust . She was the Prime Minister of Norland ."


def entity(label: str, *spans: tuple[int, int]) -> EntityDraft:
    ent = EntityDraft(label=label, name=TEXT[spans[0][0] : spans[0][1]])
    ent.mentions = [MentionDraft(s, e, TEXT[s:e]) for s, e in spans]
    return ent


def statement(subj: EntityDraft, pred: str, obj: EntityDraft | None, role: str | None) -> StatementDraft:
    return StatementDraft(subject=subj, predicate=pred, object=obj, evidence=(0, len(TEXT)), role=role, anchor=0)


def test_text_and_offsets() -> None:
    gold = redocred.parse_document(DOC)
    assert gold.text == TEXT
    (s, e), (s2, e2) = gold.entities[0]
    assert TEXT[s:e] == "Lena Park" and TEXT[s2:e2] == "She"
    assert TEXT[slice(*gold.entities[1][0])] == "Blue Harbor Trust"
    # only the mapped properties are kept
    assert gold.relations == {(1, 0, "P488"), (2, 0, "P6")}


def test_predictions_align_invert_and_dedupe() -> None:
    gold = redocred.parse_document(DOC)
    park = entity("PERSON", (0, 9), (46, 49))
    trust = entity("ORG", (26, 43))
    norland = entity("GPE", (76, 83))
    stray = entity("ORG", (60, 74))  # "Prime Minister": no gold entity there
    statements = [
        statement(park, "leader_of", trust, "chair"),  # TP, read object -> subject
        statement(park, "leader_of", trust, "chairman"),  # the same fact again: deduped
        statement(park, "leader_of", norland, "prime minister"),  # TP as P6
        statement(park, "member_of", trust, None),  # FP P463
        statement(park, "employed_by", stray, "editor"),  # cannot align: not scored
        statement(park, "met_with", trust, None),  # unmapped predicate
    ]
    predicted, unaligned = redocred.predictions(statements, gold)
    assert predicted == {(1, 0, "P488"), (2, 0, "P6"), (0, 1, "P463")}
    assert unaligned == 1


def test_candidate_relations_by_role() -> None:
    park = entity("PERSON", (0, 9))
    country = entity("GPE", (76, 83))
    org = entity("ORG", (26, 43))
    assert redocred.candidate_relations(statement(park, "leader_of", country, "king")) == [("P35", True)]
    assert redocred.candidate_relations(statement(park, "leader_of", country, "mayor")) == [("P6", True)]
    assert redocred.candidate_relations(statement(park, "leader_of", org, "chairman")) == [("P488", True)]
    assert redocred.candidate_relations(statement(park, "leader_of", org, "commander")) == []
    assert redocred.candidate_relations(statement(park, "employed_by", org, "editor")) == [("P108", False)]
    assert redocred.candidate_relations(statement(park, "holds_position", None, "analyst")) == []


def test_missing_data_raises(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound):
        redocred.evaluate(tmp_path)


@pytest.mark.slow
def test_evaluate_on_a_handmade_file(tmp_path: Path) -> None:
    folder = tmp_path / "redocred-dev"
    folder.mkdir()
    (folder / "dev_revised.json").write_text(json.dumps([DOC]), encoding="utf-8")
    result = redocred.evaluate(tmp_path)
    assert re.fullmatch(r"redocred F1 ours=\d\.\d{3} precision=\d\.\d{3} recall=\d\.\d{3}", result.primary)
    assert result.figures["documents"] == 1
    assert result.figures["overall"]["gold"] == 2


@pytest.mark.slow
def test_evaluate_on_the_dev_set_subset() -> None:
    data = settings.evaldata_dir()
    if not (data / "redocred-dev" / "dev_revised.json").is_file():
        pytest.skip(f"Re-DocRED dev data not found under {data}")
    result = redocred.evaluate(data, limit=40)
    assert result.figures["documents"] == 40
    assert result.primary.startswith("redocred F1 ours=")
    assert result.figures["overall"]["gold"] > 0
