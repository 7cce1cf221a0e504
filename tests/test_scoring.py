"""Span scoring: hand-made cases with known answers, so a scorer bug cannot flatter us."""

from __future__ import annotations

import pytest

from interlock.evaluate.scoring import PRF, exact, match_one_to_one, overlap, score_spans


def test_exact_needs_both_ends() -> None:
    assert exact((0, 5), (0, 5))
    assert not exact((0, 5), (0, 6))
    assert not exact((1, 5), (0, 5))


def test_overlap_shares_a_character() -> None:
    assert overlap((0, 5), (4, 10))
    assert overlap((2, 3), (0, 10))
    assert overlap((0, 10), (2, 3))


def test_touching_spans_do_not_overlap() -> None:
    assert not overlap((0, 5), (5, 10))
    assert not overlap((5, 10), (0, 5))


def test_exact_vs_overlap_scores() -> None:
    gold = [(0, 10), (20, 30)]
    pred = [(0, 10), (22, 28)]
    ex = score_spans(pred, gold, "exact")
    ov = score_spans(pred, gold, "overlap")
    assert (ex.tp, ex.predicted, ex.gold) == (1, 2, 2)
    assert ex.precision == 0.5 and ex.recall == 0.5 and ex.f1 == 0.5
    assert (ov.tp, ov.predicted, ov.gold) == (2, 2, 2)
    assert ov.f1 == 1.0


def test_duplicate_predictions_count_once() -> None:
    prf = score_spans([(0, 5), (0, 5), (0, 5)], [(0, 5)], "exact")
    assert prf.tp == 1
    assert prf.precision == pytest.approx(1 / 3)
    assert prf.recall == 1.0


def test_one_long_prediction_claims_one_gold_span() -> None:
    prf = score_spans([(0, 100)], [(0, 10), (20, 30), (40, 50)], "overlap")
    assert prf.tp == 1
    assert prf.recall == pytest.approx(1 / 3)
    assert prf.precision == 1.0


def test_one_to_one_prefers_better_overlap() -> None:
    # prediction 0 overlaps both gold spans, prediction 1 only the first:
    # the best matching pairs p0-g1 (larger overlap) and p1-g0
    pred = [(5, 20), (0, 6)]
    gold = [(0, 6), (8, 20)]
    assert sorted(match_one_to_one(pred, gold, overlap, lambda p, g: min(p[1], g[1]) - max(p[0], g[0]))) == [(0, 1), (1, 0)]
    assert score_spans(pred, gold, "overlap").tp == 2


def test_empty_predictions_and_gold() -> None:
    none = score_spans([], [(0, 5)], "exact")
    assert (none.precision, none.recall, none.f1) == (0.0, 0.0, 0.0)
    spurious = score_spans([(0, 5)], [], "overlap")
    assert (spurious.precision, spurious.recall, spurious.f1) == (0.0, 0.0, 0.0)
    empty = score_spans([], [], "exact")
    assert empty.f1 == 0.0 and empty.predicted == 0 and empty.gold == 0


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="mode"):
        score_spans([(0, 1)], [(0, 1)], "fuzzy")


def test_prf_add_pools_counts() -> None:
    total = PRF()
    total.add(PRF(tp=1, predicted=2, gold=4))
    total.add(PRF(tp=3, predicted=3, gold=4))
    assert (total.tp, total.predicted, total.gold) == (4, 5, 8)
    assert total.precision == pytest.approx(0.8)
    assert total.recall == pytest.approx(0.5)
    assert total.as_dict()["f1"] == pytest.approx(round(2 * 0.8 * 0.5 / 1.3, 4))
