"""Named entities on Re-DocRED dev: our repaired entities beside the bare spaCy pipeline's.

Re-DocRED annotates every named entity mention of its Wikipedia documents with a
type (PER, ORG, LOC, TIME, NUM, MISC). We score people, organisations and
places: our entity mentions of kind name, short or acronym (not role nominals
or pronouns, which the gold does not mark), against the gold mentions, with
labels mapped PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC. The peer is
``doc.ents`` of the same parse, mapped the same way. A prediction matches a gold
mention of the same type, exactly or overlapping, one to one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from interlock.errors import DatasetNotFound
from interlock.evaluate.redocred import build_text
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF, Offsets, score_spans

TYPES = ("PER", "ORG", "LOC")
#: OntoNotes labels (ours and spaCy's) to the Re-DocRED types we score
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_NAME_KINDS = ("name", "short", "acronym")


def load_gold(data_dir: Path, limit: int | None = None) -> list[tuple[str, dict[str, list[Offsets]]]]:
    """Texts and their gold mentions by type."""
    path = data_dir / "redocred-dev" / "dev_revised.json"
    if not path.is_file():
        raise DatasetNotFound(f"Re-DocRED dev data not found at {path}")
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    out: list[tuple[str, dict[str, list[Offsets]]]] = []
    for doc in raw[:limit] if limit else raw:
        text, offsets = build_text(doc["sents"])
        gold: dict[str, list[Offsets]] = {t: [] for t in TYPES}
        for vertex in doc["vertexSet"]:
            for m in vertex:
                if m.get("type") in gold:
                    toks = offsets[m["sent_id"]]
                    span = (toks[m["pos"][0]][0], toks[m["pos"][1] - 1][1])
                    if span not in gold[m["type"]]:
                        gold[m["type"]].append(span)
        out.append((text, gold))
    return out


def score(
    predicted: list[dict[str, list[Offsets]]], gold: list[dict[str, list[Offsets]]]
) -> dict[str, dict[str, PRF]]:
    """PRF per type and overall, exact and overlap."""
    figures: dict[str, dict[str, PRF]] = {mode: {} for mode in ("exact", "overlap")}
    for mode in figures:
        total = PRF()
        for t in TYPES:
            prf = PRF()
            for p, g in zip(predicted, gold, strict=True):
                prf.add(score_spans(p.get(t, []), g.get(t, []), mode))
            figures[mode][t] = prf
            total.add(prf)
        figures[mode]["all"] = total
    return figures


def _by_type(pairs: list[tuple[str, int, int]]) -> dict[str, list[Offsets]]:
    out: dict[str, list[Offsets]] = {t: [] for t in TYPES}
    for label, start, end in pairs:
        t = LABEL_MAP.get(label)
        if t is not None and (start, end) not in out[t]:
            out[t].append((start, end))
    return out


def predict(texts: list[str]) -> tuple[list[dict[str, list[Offsets]]], list[dict[str, list[Offsets]]]]:
    """Ours and spaCy's mentions by type, from one parse of each text."""
    from interlock.extract import pipeline, result

    nlp = pipeline.load_pipeline()
    ours: list[dict[str, list[Offsets]]] = []
    peer: list[dict[str, list[Offsets]]] = []
    docs = (pipeline.make_doc(nlp, t, f"ner-{i}") for i, t in enumerate(texts))
    for n, doc in enumerate(pipeline.run(docs, nlp), start=1):
        extracted = result.build(doc)
        ours.append(
            _by_type(
                [(e.label, m.start, m.end) for e in extracted.entities for m in e.mentions if m.kind in _NAME_KINDS]
            )
        )
        peer.append(_by_type([(e.label_, e.start_char, e.end_char) for e in doc.ents]))
        if n % 50 == 0:
            print(f"ner: {n}/{len(texts)} documents", file=sys.stderr)
    return ours, peer


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """Mention-level NER F1 on Re-DocRED dev, ours beside bare spaCy."""
    gold_docs = load_gold(data_dir, limit)
    texts = [t for t, _ in gold_docs]
    gold = [g for _, g in gold_docs]
    ours, peer = predict(texts)
    figs = {"ours": score(ours, gold), "spacy": score(peer, gold)}
    table = [["system", "mode", *[f"{t} F1" for t in TYPES], "P", "R", "F1"]]
    figures: dict[str, Any] = {"documents": len(texts)}
    for system, by_mode in figs.items():
        figures[system] = {mode: {t: prf.as_dict() for t, prf in by_type.items()} for mode, by_type in by_mode.items()}
        for mode, by_type in by_mode.items():
            total = by_type["all"]
            table.append(
                [system, mode, *[f"{by_type[t].f1:.3f}" for t in TYPES],
                 f"{total.precision:.3f}", f"{total.recall:.3f}", f"{total.f1:.3f}"]
            )
    ours_f1 = figs["ours"]["exact"]["all"].f1
    spacy_f1 = figs["spacy"]["exact"]["all"].f1
    return EvalResult(
        dataset="ner",
        figures=figures,
        table=table,
        primary=f"ner F1 (exact, PER/ORG/LOC) ours={ours_f1:.3f} spacy={spacy_f1:.3f}",
        notes=[f"{len(texts)} Re-DocRED dev documents; mentions of kind name/short/acronym; one-to-one matching"],
    )
