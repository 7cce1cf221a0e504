"""Tests of the PolNeAR reader and scorer on tiny brat files written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from interlock import settings
from interlock.errors import DatasetNotFound
from interlock.evaluate import polnear
from interlock.evaluate.polnear import Attr, parse_ann, read_split, score_attributions, score_doc

TEXT = (
    "\u201cThe dam will hold,\u201d the engineer said. Officials said that repairs would start "
    "soon.\n\nAccording to a report, the river rose."
)


def _offsets(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def _ann() -> str:
    q = _offsets("\u201cThe dam will hold,\u201d")
    src1 = _offsets("the engineer")
    cue1 = _offsets("said")
    src2 = _offsets("Officials")
    cue2 = _offsets("said", 1)
    con2 = _offsets("that repairs would start soon")
    cue3 = _offsets("According to")
    src3 = _offsets("a report")
    # the third content is written discontinuous on purpose: "the river" ... "rose"
    c3a = _offsets("the river")
    c3b = _offsets("rose")
    lines = [
        f"T1\tContent {q[0]} {q[1]}\t{TEXT[q[0]:q[1]]}",
        f"T2\tSource {src1[0]} {src1[1]}\tthe engineer",
        f"T3\tCue {cue1[0]} {cue1[1]}\tsaid",
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tSource {src2[0]} {src2[1]}\tOfficials",
        f"T6\tCue {cue2[0]} {cue2[1]}\tsaid",
        f"T7\tContent {con2[0]} {con2[1]}\tthat repairs would start soon",
        f"T8\tAttribution {cue2[0]} {cue2[1]}\tsaid",
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        f"T9\tCue {cue3[0]} {cue3[1]}\tAccording to",
        f"T10\tSource {src3[0]} {src3[1]}\ta report",
        f"T11\tContent {c3a[0]} {c3a[1]};{c3b[0]} {c3b[1]}\tthe river rose",
        f"T12\tAttribution {cue3[0]} {cue3[1]}\tAccording to",
        "E3\tAttribution:T12 Cue:T9 Source:T10 Content:T11",
        "T13\tDiscard 0 3\tThe",
    ]
    return "\n".join(lines) + "\n"


def test_parse_ann_roles_and_hull() -> None:
    attrs = parse_ann(_ann())
    assert len(attrs) == 3
    assert attrs[0].source == _offsets("the engineer")
    assert attrs[1].content == [_offsets("that repairs would start soon")]
    # discontinuous content is scored as its hull
    hull = (_offsets("the river")[0], _offsets("rose")[1])
    assert attrs[2].content == [hull]


def test_perfect_predictions_score_one() -> None:
    gold = parse_ann(_ann())
    scores = score_doc(gold, gold)
    for key, prf in scores.items():
        assert prf.f1 == pytest.approx(1.0), key


def test_empty_predictions() -> None:
    gold = parse_ann(_ann())
    scores = score_doc([], gold)
    assert scores["cue/overlap"].gold == 3
    assert scores["cue/overlap"].predicted == 0
    assert scores["attribution/overlap"].f1 == 0.0
    # nothing predicted, nothing gold: zero, not a crash
    assert score_doc([], [])["source/exact"].f1 == 0.0


def test_duplicate_predictions_count_once() -> None:
    gold = parse_ann(_ann())
    one = gold[1]
    prf = score_attributions([one, one], gold)
    assert prf.tp == 1 and prf.predicted == 2 and prf.gold == 3
    assert prf.precision == pytest.approx(0.5)
    # per role, repeated spans are one span (a source shared by two attributions)
    roles = score_doc([one, one], gold)
    assert roles["cue/exact"].predicted == 1 and roles["cue/exact"].tp == 1


def test_touching_spans_do_not_overlap() -> None:
    gold = parse_ann(_ann())
    cue = gold[0].cue
    assert cue is not None
    # a cue ending exactly where the gold cue starts only touches it
    touching = Attr(cue=(cue[0] - 2, cue[0]), content=gold[0].content, source=gold[0].source)
    scores = score_doc([touching], gold)
    assert scores["cue/overlap"].tp == 0
    assert scores["attribution/overlap"].tp == 0
    assert scores["content/exact"].tp == 1


def test_overlap_versus_exact_and_strict() -> None:
    gold = parse_ann(_ann())
    g = gold[1]
    assert g.cue is not None and g.source is not None
    shifted = Attr(
        cue=(g.cue[0], g.cue[1] - 1),
        content=[(g.content[0][0] + 5, g.content[0][1])],
        source=(g.source[1] + 1, g.source[1] + 3),
    )
    scores = score_doc([shifted], gold)
    assert scores["cue/exact"].tp == 0 and scores["cue/overlap"].tp == 1
    assert scores["content/overlap"].tp == 1
    assert scores["attribution/overlap"].tp == 1
    # the source misses, so the strict variant does not match
    assert scores["attribution/strict"].tp == 0


def test_read_split_first_annotator_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "paper_2016-01-01_dam.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "paper_2016-01-01_dam_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "paper_2016-01-01_dam_aaaa.ann").write_text(_ann(), encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\n"
        "dev\tpaper_2016-01-01_dam\tpaper\t2016-01-01\n",
        encoding="utf-8",
    )
    docs = read_split(tmp_path)
    assert len(docs) == 1
    d = docs[0]
    assert d.annotator == "aaaa" and len(d.attributions) == 3
    assert d.publisher == "paper" and d.publication_date == "2016-01-01"
    assert d.role_spans("cue") == sorted({a.cue for a in d.attributions if a.cue})


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound):
        polnear.evaluate(tmp_path)


@pytest.mark.slow
def test_evaluate_real_dev_subset() -> None:
    root = settings.evaldata_dir()
    if not (root / "polnear-dev").is_dir():
        pytest.skip(f"PolNeAR dev data not found under {root}")
    result = polnear.evaluate(root, limit=4)
    assert result.primary.startswith("polnear attribution F1 (overlap) ours=")
    assert "textacy=" in result.primary
    ours = result.figures["systems"]["ours"]
    assert ours["cue"]["overlap"]["gold"] > 0
    # on real news our extractor must find most cues; a broken one scores near zero
    assert ours["cue"]["overlap"]["f1"] > 0.5
    assert ours["attribution"]["overlap"]["f1"] >= result.figures["systems"]["textacy"][
        "attribution"
    ]["overlap"]["f1"]
