"""Factuality of predicates on UW factuality dev: our modality beside a majority baseline.

``uw-factuality-dev/dev.conll`` has one token per line (index, word, score,
POS, head, relation, lemma), sentences apart by blank lines; annotated
predicates carry a factuality score in [-3, 3], other tokens ``_``. Gold
scores become three classes: asserted (score >= 1), negated (score <= -1),
uncertain (in between). Our ``token_modality`` labels map to the same three:
asserted, reported and planned -> asserted; negated -> negated; hedged and
conditional -> uncertain. Planned counts as asserted because the UW scale scores
a committed future event ("the company will pay $4 million") as factual: the
annotators rate the author's commitment, not whether the event has happened yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF

CLASSES = ("asserted", "negated", "uncertain")
#: our modality labels -> the three gold classes
MODALITY_CLASS = {
    "asserted": "asserted",
    "reported": "asserted",
    "negated": "negated",
    "hedged": "uncertain",
    "conditional": "uncertain",
    "planned": "asserted",
}


@dataclass
class Sentence:
    """Gold tokens of one sentence and the factuality score of each annotated predicate."""

    words: list[str]
    #: token index -> gold score
    scores: dict[int, float] = field(default_factory=dict)


def gold_class(value: float) -> str:
    """The three-way class of a factuality score."""
    if value >= 1.0:
        return "asserted"
    if value <= -1.0:
        return "negated"
    return "uncertain"


def load_sentences(data_dir: Path, limit: int | None = None) -> list[Sentence]:
    """The sentences of ``uw-factuality-dev/dev.conll``."""
    path = data_dir / "uw-factuality-dev" / "dev.conll"
    if not path.is_file():
        raise DatasetNotFound(f"UW factuality dev file not found at {path}")
    sentences: list[Sentence] = []
    current = Sentence(words=[])
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                if current.words:
                    sentences.append(current)
                    current = Sentence(words=[])
                    if limit is not None and len(sentences) >= limit:
                        return sentences
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise DatasetNotFound(f"{path}:{lineno}: expected tab-separated columns")
            if cols[2] != "_":
                current.scores[len(current.words)] = float(cols[2])
            current.words.append(cols[1])
    if current.words:
        sentences.append(current)
    return sentences[:limit] if limit is not None else sentences


def ours_predict(sentences: Sequence[Sentence]) -> list[dict[int, str]]:
    """Our class for each annotated predicate, on a Doc built from the gold tokens."""
    from spacy.tokens import Doc

    from interlock.extract.modality import token_modality
    from interlock.extract.pipeline import load_nlp

    nlp = load_nlp()
    out: list[dict[int, str]] = []
    for sent in sentences:
        # the gold tokenisation, so that token indices line up with the annotation
        doc = Doc(nlp.vocab, words=sent.words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out.append(
            {i: MODALITY_CLASS.get(token_modality(doc, i), "asserted") for i in sent.scores}
        )
    return out


def majority_predict(sentences: Sequence[Sentence]) -> list[dict[int, str]]:
    """The majority-class baseline: every predicate asserted."""
    return [dict.fromkeys(s.scores, "asserted") for s in sentences]


def score(
    sentences: Sequence[Sentence], predictions: Sequence[dict[int, str]]
) -> dict[str, object]:
    """Accuracy, per-class P/R/F1 and macro F1 over the annotated predicates."""
    if len(sentences) != len(predictions):
        raise ValueError(f"{len(sentences)} sentences but {len(predictions)} predictions")
    per_class = {c: PRF() for c in CLASSES}
    confusion: Counter[tuple[str, str]] = Counter()
    correct = total = 0
    for sent, pred in zip(sentences, predictions, strict=True):
        for i, value in sent.scores.items():
            gold = gold_class(value)
            guess = pred.get(i, "asserted")
            total += 1
            correct += guess == gold
            confusion[(gold, guess)] += 1
            for c in CLASSES:
                per_class[c].add(
                    PRF(tp=int(gold == c and guess == c), predicted=int(guess == c), gold=int(gold == c))
                )
    macro = sum(p.f1 for p in per_class.values()) / len(CLASSES)
    return {
        "predicates": total,
        "accuracy": round(correct / total, 4) if total else 0.0,
        "macro_f1": round(macro, 4),
        "per_class": {c: p.as_dict() for c, p in per_class.items()},
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
    }


def _table_row(label: str, fig: dict[str, object]) -> list[str]:
    per = fig["per_class"]
    assert isinstance(per, dict)
    cells = [label, f"{fig['accuracy']:.3f}", f"{fig['macro_f1']:.3f}"]
    for c in CLASSES:
        cells.append(f"{per[c]['precision']:.2f}/{per[c]['recall']:.2f}/{per[c]['f1']:.2f}")
    return cells


def evaluate(
    data_dir: Path,
    limit: int | None = None,
    predictor: Callable[[Sequence[Sentence]], list[dict[int, str]]] | None = None,
) -> EvalResult:
    """Score our modality and the majority baseline on UW factuality dev."""
    sentences = load_sentences(data_dir, limit)
    ours = score(sentences, (predictor or ours_predict)(sentences))
    base = score(sentences, majority_predict(sentences))
    table = [
        ["system", "accuracy", "macro F1", *(f"{c} P/R/F1" for c in CLASSES)],
        _table_row("ours (token_modality)", ours),
        _table_row("majority (asserted)", base),
    ]
    return EvalResult(
        dataset="factuality",
        figures={"sentences": len(sentences), "ours": ours, "majority": base},
        table=table,
        primary=f"factuality accuracy ours={ours['accuracy']:.3f} majority={base['accuracy']:.3f}",
        notes=[
            f"{ours['predicates']} annotated predicates in {len(sentences)} sentences; "
            "gold asserted >= 1, negated <= -1, uncertain between"
        ],
    )
