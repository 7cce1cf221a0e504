"""Precision, recall and F1 over spans, with exact or overlap matching.

Matching is one-to-one: each gold span is matched at most once and each
predicted span at most once, so duplicate predictions cannot inflate recall
and one long prediction cannot claim several gold spans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

Offsets = tuple[int, int]


@dataclass
class PRF:
    """Counts of true positives, predictions and gold items, with derived scores."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    #: true positives counted on the gold side (equal to tp for one-to-one matching)
    tp_gold: int | None = None

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        tp = self.tp if self.tp_gold is None else self.tp_gold
        return tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold
        if other.tp_gold is not None or self.tp_gold is not None:
            self.tp_gold = (self.tp_gold or 0) + (
                other.tp if other.tp_gold is None else other.tp_gold
            )

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def exact(a: Offsets, b: Offsets) -> bool:
    """Both ends equal."""
    return a[0] == b[0] and a[1] == b[1]


def overlap(a: Offsets, b: Offsets) -> bool:
    """The spans share at least one character; spans that only touch do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def overlap_size(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_one_to_one(
    predicted: Sequence[T],
    gold: Sequence[U],
    matches: Callable[[T, U], bool],
    weight: Callable[[T, U], float] | None = None,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best-weighted pairs first; returns (pred, gold) indices."""
    pairs: list[tuple[float, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if matches(p, g):
                pairs.append((weight(p, g) if weight else 1.0, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def score_spans(
    predicted: Sequence[Offsets], gold: Sequence[Offsets], mode: str = "exact"
) -> PRF:
    """PRF of predicted against gold spans; ``mode`` is "exact" or "overlap"."""
    if mode not in ("exact", "overlap"):
        raise ValueError(f"mode must be 'exact' or 'overlap', not {mode!r}")
    test = exact if mode == "exact" else overlap
    matched = match_one_to_one(predicted, gold, test, overlap_size)
    return PRF(tp=len(matched), predicted=len(predicted), gold=len(gold))
