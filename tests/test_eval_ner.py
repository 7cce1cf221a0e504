"""NER scoring on hand-made Re-DocRED-style data with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interlock.errors import DatasetNotFound
from interlock.evaluate import ner
from tests.helpers import require_shared


def _write(tmp: Path) -> Path:
    doc = {
        "title": "t",
        "sents": [["Salim", "Haddad", "joined", "the", "Reform", "Party", "in", "Mosul", "."]],
        "vertexSet": [
            [{"type": "PER", "pos": [0, 2], "sent_id": 0, "name": "Salim Haddad"}],
            [{"type": "ORG", "pos": [4, 6], "sent_id": 0, "name": "Reform Party"}],
            [{"type": "LOC", "pos": [7, 8], "sent_id": 0, "name": "Mosul"}],
        ],
        "labels": [],
    }
    folder = tmp / "redocred-dev"
    folder.mkdir()
    (folder / "dev_revised.json").write_text(json.dumps([doc]), encoding="utf-8")
    return tmp


def test_gold_offsets_and_types(tmp_path: Path) -> None:
    [(text, gold)] = ner.load_gold(_write(tmp_path))
    assert text == "Salim Haddad joined the Reform Party in Mosul ."
    assert [text[s:e] for s, e in gold["PER"]] == ["Salim Haddad"]
    assert [text[s:e] for s, e in gold["ORG"]] == ["Reform Party"]
    assert [text[s:e] for s, e in gold["LOC"]] == ["Mosul"]


def test_scores_exact_and_overlap_by_type() -> None:
    gold = [{"PER": [(0, 12)], "ORG": [(24, 36)], "LOC": [(40, 45)]}]
    # "the Reform Party" overlaps but is not exact; Mosul typed as ORG is wrong twice
    pred = [{"PER": [(0, 12), (0, 12)], "ORG": [(20, 36), (40, 45)], "LOC": []}]
    figs = ner.score(pred, gold)
    assert figs["exact"]["PER"].tp == 1 and figs["exact"]["PER"].predicted == 2
    assert figs["exact"]["ORG"].tp == 0 and figs["overlap"]["ORG"].tp == 1
    assert figs["exact"]["LOC"].recall == 0.0
    assert figs["overlap"]["all"].tp == 2 and figs["overlap"]["all"].gold == 3


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound, match="Re-DocRED"):
        ner.load_gold(tmp_path)


@pytest.mark.slow
def test_real_data_small_run() -> None:
    data = require_shared("evaldata", "redocred-dev").parent
    result = ner.evaluate(data, limit=5)
    assert result.primary.startswith("ner F1 (exact, PER/ORG/LOC) ours=")
    assert result.figures["documents"] == 5
