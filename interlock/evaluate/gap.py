"""Pronoun coreference on GAP validation: ours beside the token-distance baseline.

Each GAP row has a text, a pronoun at an offset and two person names, A and
B, each labelled as coreferent with the pronoun or not. A system answers two
yes/no questions per row. As in the GAP paper, the positive class is
"coreferent": precision and recall are over the A and B decisions pooled,
reported for masculine and feminine pronouns apart, overall, with the bias
ratio F1(feminine) / F1(masculine); we add accuracy over all decisions.

Ours runs full extraction and says yes for a name when one entity cluster has
a mention overlapping the pronoun and a mention overlapping the name. The
baseline picks the name nearest before the pronoun (else the nearest after).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF, overlap
from interlock.model import ExtractedDocument

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})


@dataclass
class Row:
    """One GAP example with its gold answers."""

    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool

    @property
    def gender(self) -> str:
        """"M" or "F" by the pronoun, as GAP splits its figures."""
        low = self.pronoun.lower()
        if low in MASCULINE:
            return "M"
        if low in FEMININE:
            return "F"
        return "?"

    @property
    def pronoun_span(self) -> tuple[int, int]:
        return (self.pronoun_offset, self.pronoun_offset + len(self.pronoun))

    @property
    def a_span(self) -> tuple[int, int]:
        return (self.a_offset, self.a_offset + len(self.a))

    @property
    def b_span(self) -> tuple[int, int]:
        return (self.b_offset, self.b_offset + len(self.b))


Prediction = tuple[bool, bool]


def load_rows(data_dir: Path, limit: int | None = None) -> list[Row]:
    """The rows of ``gap-validation/gap-validation.tsv``."""
    path = data_dir / "gap-validation" / "gap-validation.tsv"
    if not path.is_file():
        raise DatasetNotFound(f"GAP validation file not found at {path}")
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(
                Row(
                    id=rec["ID"],
                    text=rec["Text"],
                    pronoun=rec["Pronoun"],
                    pronoun_offset=int(rec["Pronoun-offset"]),
                    a=rec["A"],
                    a_offset=int(rec["A-offset"]),
                    a_coref=rec["A-coref"].strip().upper() == "TRUE",
                    b=rec["B"],
                    b_offset=int(rec["B-offset"]),
                    b_coref=rec["B-coref"].strip().upper() == "TRUE",
                )
            )
            if limit is not None and len(rows) >= limit:
                break
    return rows


def baseline_predict(row: Row) -> Prediction:
    """GAP's token-distance baseline: the nearest name before the pronoun, else after."""
    p_start = row.pronoun_offset
    before = [(p_start - end, name) for name, (_, end) in (("a", row.a_span), ("b", row.b_span)) if end <= p_start]
    if before:
        choice = min(before)[1]
    else:
        after = [(start - p_start, name) for name, (start, _) in (("a", row.a_span), ("b", row.b_span))]
        choice = min(after)[1]
    return (choice == "a", choice == "b")


def predict_from_document(row: Row, doc: ExtractedDocument) -> Prediction:
    """Whether the pronoun's entity cluster also has a mention of name A / name B."""
    pron = row.pronoun_span
    clusters = [
        e for e in doc.entities if any(overlap((m.start, m.end), pron) for m in e.mentions)
    ]
    if not clusters:
        return (False, False)

    def linked(span: tuple[int, int]) -> bool:
        return any(
            overlap((m.start, m.end), span)
            for e in clusters
            for m in e.mentions
            if not overlap((m.start, m.end), pron)
        )

    return (linked(row.a_span), linked(row.b_span))


def ours_predict(rows: Iterable[Row]) -> list[Prediction]:
    """Run our extraction on each row's text and read off the pronoun's cluster."""
    from interlock.extract.api import extract

    out: list[Prediction] = []
    for row in rows:
        doc = extract(row.text, doc_id=row.id)
        out.append(predict_from_document(row, doc))
    return out


def score(rows: list[Row], predictions: list[Prediction]) -> dict[str, dict[str, float | int]]:
    """GAP figures: P/R/F1 for M, F and overall, bias F/M, and decision accuracy."""
    if len(rows) != len(predictions):
        raise ValueError(f"{len(rows)} rows but {len(predictions)} predictions")
    prf: dict[str, PRF] = {"M": PRF(), "F": PRF(), "overall": PRF()}
    correct = 0
    for row, (pa, pb) in zip(rows, predictions, strict=True):
        for pred, gold in ((pa, row.a_coref), (pb, row.b_coref)):
            counts = PRF(tp=int(pred and gold), predicted=int(pred), gold=int(gold))
            prf["overall"].add(counts)
            if row.gender in prf:
                prf[row.gender].add(counts)
            correct += pred == gold
    out: dict[str, dict[str, float | int]] = {k: v.as_dict() for k, v in prf.items()}
    m_f1, f_f1 = prf["M"].f1, prf["F"].f1
    out["bias"] = {"f_over_m": round(f_f1 / m_f1, 4) if m_f1 else 0.0}
    decisions = 2 * len(rows)
    out["accuracy"] = {
        "accuracy": round(correct / decisions, 4) if decisions else 0.0,
        "correct": correct,
        "decisions": decisions,
    }
    return out


def _rows_for_table(label: str, figures: dict[str, dict[str, float | int]]) -> list[str]:
    return [
        label,
        f"{figures['M']['f1']:.3f}",
        f"{figures['F']['f1']:.3f}",
        f"{figures['overall']['precision']:.3f}",
        f"{figures['overall']['recall']:.3f}",
        f"{figures['overall']['f1']:.3f}",
        f"{figures['bias']['f_over_m']:.3f}",
        f"{figures['accuracy']['accuracy']:.3f}",
    ]


def evaluate(
    data_dir: Path,
    limit: int | None = None,
    predictor: Callable[[list[Row]], list[Prediction]] | None = None,
) -> EvalResult:
    """Score ours and the baseline on GAP validation."""
    rows = load_rows(data_dir, limit)
    ours = score(rows, (predictor or ours_predict)(rows))
    base = score(rows, [baseline_predict(r) for r in rows])
    table = [
        ["system", "M F1", "F F1", "P", "R", "F1", "bias F/M", "accuracy"],
        _rows_for_table("ours (extraction coref)", ours),
        _rows_for_table("token-distance baseline", base),
    ]
    return EvalResult(
        dataset="gap",
        figures={"rows": len(rows), "ours": ours, "baseline": base},
        table=table,
        primary=f"gap F1 ours={ours['overall']['f1']:.3f} baseline={base['overall']['f1']:.3f}",
        notes=[f"{len(rows)} GAP validation rows, 2 decisions each; positive = coreferent"],
    )
