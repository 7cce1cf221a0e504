"""Factuality scoring and file reading on hand-made sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock import settings
from interlock.evaluate import factuality as fa

CONLL = (
    "0\tOfficials\t_\tNNS\t1\tnsubj\tofficial\n"
    "1\tsaid\t3.0\tVBD\t1\tROOT\tsay\n"
    "2\ttalks\t_\tNNS\t4\tnsubj\ttalk\n"
    "3\tmight\t_\tMD\t4\taux\tmay\n"
    "4\tresume\t0.4\tVB\t1\tccomp\tresume\n"
    "\n"
    "0\tHe\t_\tPRP\t2\tnsubj\the\n"
    "1\tdid\t_\tVBD\t2\taux\tdo\n"
    "2\tresign\t-2.8\tVB\t2\tROOT\tresign\n"
)


def _write(tmp_path: Path) -> Path:
    folder = tmp_path / "uw-factuality-dev"
    folder.mkdir()
    (folder / "dev.conll").write_text(CONLL, encoding="utf-8")
    return tmp_path


def test_gold_classes() -> None:
    assert fa.gold_class(3.0) == "asserted" and fa.gold_class(1.0) == "asserted"
    assert fa.gold_class(-1.0) == "negated" and fa.gold_class(-2.6) == "negated"
    assert fa.gold_class(0.99) == "uncertain" and fa.gold_class(-0.5) == "uncertain"


def test_modality_map_covers_every_label() -> None:
    for label in ("asserted", "reported", "hedged", "negated", "conditional", "planned"):
        assert fa.MODALITY_CLASS[label] in fa.CLASSES


def test_reads_sentences(tmp_path: Path) -> None:
    sents = fa.load_sentences(_write(tmp_path))
    assert [s.words for s in sents] == [
        ["Officials", "said", "talks", "might", "resume"],
        ["He", "did", "resign"],
    ]
    assert sents[0].scores == {1: 3.0, 4: 0.4} and sents[1].scores == {2: -2.8}
    assert len(fa.load_sentences(tmp_path, limit=1)) == 1


def test_scores_hand_made_predictions(tmp_path: Path) -> None:
    sents = fa.load_sentences(_write(tmp_path))
    perfect = fa.score(sents, [{1: "asserted", 4: "uncertain"}, {2: "negated"}])
    assert perfect["accuracy"] == 1.0 and perfect["macro_f1"] == 1.0
    majority = fa.score(sents, fa.majority_predict(sents))
    assert majority["accuracy"] == pytest.approx(round(1 / 3, 4))
    per = majority["per_class"]
    assert isinstance(per, dict)
    assert per["asserted"]["precision"] == pytest.approx(round(1 / 3, 4))
    assert per["negated"]["f1"] == 0.0
    assert majority["macro_f1"] == pytest.approx(round(0.5 / 3, 4))


def test_evaluate_with_given_predictor(tmp_path: Path) -> None:
    result = fa.evaluate(_write(tmp_path), predictor=fa.majority_predict)
    assert result.primary == "factuality accuracy ours=0.333 majority=0.333"


@pytest.mark.slow
def test_real_file_parses() -> None:
    data = settings.evaldata_dir()
    if not (data / "uw-factuality-dev" / "dev.conll").is_file():
        pytest.skip(f"UW factuality data not found under {data}")
    sents = fa.load_sentences(data, limit=50)
    assert len(sents) == 50 and all(s.words for s in sents)


@pytest.mark.slow
def test_ours_runs_modality_on_gold_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Token indices line up: a stand-in modality sees the gold words at the gold index."""
    import sys
    import types

    seen: list[tuple[str, int]] = []

    def token_modality(doc: object, i: int) -> str:
        seen.append((doc[i].text, len(doc)))  # type: ignore[index, arg-type]
        return "hedged" if doc[i].text == "resume" else "asserted"  # type: ignore[index]

    fake = types.ModuleType("interlock.extract.modality")
    fake.token_modality = token_modality  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "interlock.extract.modality", fake)
    sents = fa.load_sentences(_write(tmp_path))
    preds = fa.ours_predict(sents)
    assert preds == [{1: "asserted", 4: "uncertain"}, {2: "asserted"}]
    assert seen == [("said", 5), ("resume", 5), ("resign", 3)]
