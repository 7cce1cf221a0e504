"""GAP scoring on hand-made rows with known answers."""

from __future__ import annotations

import pytest

from interlock import settings
from interlock.evaluate import gap
from interlock.model import Entity, ExtractedDocument, Mention

TEXT = "Mara Voss met Tomas Reyl in Basra. She told him the talks had failed."


def _row(pronoun: str, p_off: int, a_coref: bool, b_coref: bool) -> gap.Row:
    return gap.Row(
        id="t", text=TEXT, pronoun=pronoun, pronoun_offset=p_off,
        a="Mara Voss", a_offset=0, a_coref=a_coref,
        b="Tomas Reyl", b_offset=14, b_coref=b_coref,
    )


def test_offsets_of_hand_made_row() -> None:
    row = _row("She", TEXT.index("She"), True, False)
    assert TEXT[slice(*row.pronoun_span)] == "She"
    assert TEXT[slice(*row.a_span)] == "Mara Voss"
    assert TEXT[slice(*row.b_span)] == "Tomas Reyl"
    assert row.gender == "F" and _row("him", TEXT.index("him"), False, True).gender == "M"


def test_baseline_picks_nearest_preceding_name() -> None:
    assert gap.baseline_predict(_row("She", TEXT.index("She"), True, False)) == (False, True)
    # a pronoun before both names takes the nearest following one
    early = gap.Row("e", "He said Ann and Bo left.", "He", 0, "Ann", 8, False, "Bo", 16, False)
    assert gap.baseline_predict(early) == (True, False)


def test_prediction_from_clusters() -> None:
    row = _row("She", TEXT.index("She"), True, False)
    she = TEXT.index("She")
    doc = ExtractedDocument(id="t", published=None, entities=[
        Entity("e1", "PERSON", "Mara Voss", [Mention(0, 9, "Mara Voss"), Mention(she, she + 3, "She", "pronoun")]),
        Entity("e2", "PERSON", "Tomas Reyl", [Mention(14, 24, "Tomas Reyl")]),
    ])
    assert gap.predict_from_document(row, doc) == (True, False)
    lonely = ExtractedDocument(id="t", published=None, entities=doc.entities[1:])
    assert gap.predict_from_document(row, lonely) == (False, False)


def test_scores_by_gender_and_bias() -> None:
    rows = [
        _row("She", 35, True, False),   # F: gold A
        _row("him", 44, False, True),   # M: gold B
        _row("She", 35, False, False),  # F: neither
    ]
    preds = [(True, False), (True, False), (False, True)]
    fig = gap.score(rows, preds)
    # F: decisions (T,T) (F,F) then (F,F) (T,F): tp 1, predicted 2, gold 1
    assert (fig["F"]["tp"], fig["F"]["predicted"], fig["F"]["gold"]) == (1, 2, 1)
    assert fig["F"]["f1"] == pytest.approx(2 * 0.5 * 1 / 1.5, abs=1e-4)
    # M: predicted A (wrong), missed B: tp 0
    assert (fig["M"]["tp"], fig["M"]["predicted"], fig["M"]["gold"]) == (0, 1, 1)
    assert fig["M"]["f1"] == 0.0 and fig["bias"]["f_over_m"] == 0.0
    assert (fig["overall"]["tp"], fig["overall"]["predicted"], fig["overall"]["gold"]) == (1, 3, 2)
    assert fig["accuracy"]["correct"] == 3 and fig["accuracy"]["decisions"] == 6


def test_score_needs_one_prediction_per_row() -> None:
    with pytest.raises(ValueError):
        gap.score([_row("She", 35, True, False)], [])


def test_evaluate_with_given_predictor_on_real_file() -> None:
    data = settings.evaldata_dir()
    if not (data / "gap-validation" / "gap-validation.tsv").is_file():
        pytest.skip(f"GAP validation data not found under {data}")
    result = gap.evaluate(data, limit=20, predictor=lambda rows: [gap.baseline_predict(r) for r in rows])
    assert result.primary.startswith("gap F1 ours=")
    assert result.figures["ours"] == result.figures["baseline"]
    assert result.figures["rows"] == 20
