"""Name matching on names-dev (nomenklatura name_bench cases): ours beside rapidfuzz.

Each case is a pair of names with a gold ``is_match``. A scorer predicts a
match when its score reaches a threshold. We report precision, recall and F1
for ours at the shipped ``MATCH_THRESHOLD`` and at its best threshold, and for
the peer ``rapidfuzz.fuzz.token_sort_ratio / 100`` at its best threshold
(which flatters the peer: it is tuned on the very data it is scored on).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from interlock import names
from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF

Scorer = Callable[[str, str], float]

#: the FollowTheMoney schema of a case -> the ``kind`` our scorer takes
KIND_OF_SCHEMA = {
    "Person": "person",
    "Company": "org",
    "Organization": "org",
    "LegalEntity": "org",
}


@dataclass
class Case:
    """One gold pair of names."""

    a: str
    b: str
    match: bool
    schema: str = ""


def load_cases(data_dir: Path, limit: int | None = None) -> list[Case]:
    """The cases of ``names-dev/cases.csv`` (columns name1, name2, is_match, schema)."""
    path = data_dir / "names-dev" / "cases.csv"
    if not path.is_file():
        raise DatasetNotFound(f"names-dev cases not found at {path}")
    cases: list[Case] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            gold = row.get("is_match", "").strip().lower()
            if gold not in ("true", "false"):
                continue
            cases.append(
                Case(row["name1"], row["name2"], gold == "true", row.get("schema") or "")
            )
            if limit is not None and len(cases) >= limit:
                break
    return cases


def prf_at(scores: Sequence[float], gold: Sequence[bool], threshold: float) -> PRF:
    """Counts for "predict a match when score >= threshold"."""
    tp = sum(1 for s, g in zip(scores, gold, strict=True) if s >= threshold and g)
    predicted = sum(1 for s in scores if s >= threshold)
    return PRF(tp=tp, predicted=predicted, gold=sum(gold))


def best_threshold(scores: Sequence[float], gold: Sequence[bool]) -> tuple[float, PRF]:
    """The threshold among the observed scores with the highest F1 (lowest on ties)."""
    best_t, best = 1.0, prf_at(scores, gold, 1.0)
    for t in sorted(set(scores)):
        prf = prf_at(scores, gold, t)
        if prf.f1 > best.f1:
            best_t, best = t, prf
    return best_t, best


def peer_score(a: str, b: str) -> float:
    """The peer: rapidfuzz token_sort_ratio with its default processor, scaled to [0, 1]."""
    return float(fuzz.token_sort_ratio(a, b, processor=lambda s: s.lower())) / 100.0


def _row(label: str, threshold: float, prf: PRF) -> list[str]:
    return [
        label,
        f"{threshold:.3f}",
        f"{prf.precision:.3f}",
        f"{prf.recall:.3f}",
        f"{prf.f1:.3f}",
        str(prf.tp),
        str(prf.predicted),
        str(prf.gold),
    ]


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """Score name pairs with ours and the rapidfuzz peer; figures per schema too."""
    cases = load_cases(data_dir, limit)
    gold = [c.match for c in cases]
    ours = [names.score(c.a, c.b, KIND_OF_SCHEMA.get(c.schema)) for c in cases]
    peer = [peer_score(c.a, c.b) for c in cases]
    shipped = names.MATCH_THRESHOLD
    ours_shipped = prf_at(ours, gold, shipped)
    ours_t, ours_best = best_threshold(ours, gold)
    peer_t, peer_best = best_threshold(peer, gold)
    table = [
        ["scorer", "threshold", "P", "R", "F1", "tp", "pred", "gold"],
        _row("ours (shipped threshold)", shipped, ours_shipped),
        _row("ours (best threshold)", ours_t, ours_best),
        _row("rapidfuzz token_sort (best threshold)", peer_t, peer_best),
    ]
    figures: dict[str, object] = {
        "cases": len(cases),
        "ours_shipped": {"threshold": shipped, **ours_shipped.as_dict()},
        "ours_best": {"threshold": ours_t, **ours_best.as_dict()},
        "rapidfuzz_best": {"threshold": peer_t, **peer_best.as_dict()},
    }
    per_schema: dict[str, dict[str, object]] = {}
    for schema in sorted({c.schema for c in cases if c.schema}):
        idx = [i for i, c in enumerate(cases) if c.schema == schema]
        g = [gold[i] for i in idx]
        o = prf_at([ours[i] for i in idx], g, shipped)
        p = prf_at([peer[i] for i in idx], g, peer_t)
        per_schema[schema] = {"cases": len(idx), "ours": o.as_dict(), "rapidfuzz": p.as_dict()}
        table.append(_row(f"  {schema} ({len(idx)}) ours", shipped, o))
        table.append(_row(f"  {schema} ({len(idx)}) rapidfuzz", peer_t, p))
    figures["per_schema"] = per_schema
    return EvalResult(
        dataset="names",
        figures=figures,
        table=table,
        primary=f"names F1 ours={ours_shipped.f1:.3f} rapidfuzz={peer_best.f1:.3f}",
        notes=[
            f"{len(cases)} pairs; ours at the shipped threshold {shipped:.2f}, "
            f"rapidfuzz at its best threshold on this data ({peer_t:.2f})",
            f"calling every pair a match gives F1 {prf_at([1.0] * len(gold), gold, 1.0).f1:.3f}",
        ],
    )
