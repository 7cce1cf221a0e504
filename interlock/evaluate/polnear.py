"""PolNeAR attribution benchmark: read the brat files, score ours against textacy.

PolNeAR annotates each attribution as a brat event tying a ``Source``, a ``Cue``
and one or more ``Content`` text-bound spans. Spans may be discontinuous
(``256 377;463 616``); we score the hull from the first to the last fragment,
since our drafts carry one span per role. Direct-quote contents include their
quote marks in PolNeAR, and our extractor follows that convention.

Per-role scores compare the distinct spans of each role in a document (a source
shared by two attributions is one gold span, so it is one predicted span too);
attribution-level scores match whole attributions one-to-one.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF, Offsets, match_one_to_one, overlap, score_spans

ROLES = ("source", "cue", "content")
MODES = ("exact", "overlap")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass
class Attr:
    """One attribution as character spans; ``content`` may hold several spans."""

    cue: Offsets | None
    content: list[Offsets]
    source: Offsets | None = None


@dataclass
class PolnearDoc:
    """One PolNeAR article: its text, metadata and gold attributions."""

    name: str
    text: str
    publisher: str | None = None
    publication_date: str | None = None
    annotator: str | None = None
    attributions: list[Attr] = field(default_factory=list)

    def role_spans(self, role: str) -> list[Offsets]:
        """The distinct gold spans of one role, in text order."""
        return distinct(role_spans(self.attributions, role))


def distinct(spans: Iterable[Offsets]) -> list[Offsets]:
    """Spans without repeats, sorted."""
    return sorted(set(spans))


def role_spans(attrs: Sequence[Attr], role: str) -> list[Offsets]:
    """All spans of one role over a list of attributions (with repeats)."""
    out: list[Offsets] = []
    for a in attrs:
        if role == "cue" and a.cue is not None:
            out.append(a.cue)
        elif role == "source" and a.source is not None:
            out.append(a.source)
        elif role == "content":
            out.extend(a.content)
    return out


def parse_ann(ann: str) -> list[Attr]:
    """The attributions in the text of one brat ``.ann`` file."""
    spans: dict[str, Offsets] = {}
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if not m:
            continue
        nums = [int(x) for x in re.split(r"[ ;]", m.group(3).strip()) if x]
        if len(nums) >= 2:
            # a discontinuous span is scored as its hull, see the module docstring
            spans[m.group(1)] = (min(nums), max(nums))
    attrs: list[Attr] = []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        cue: Offsets | None = None
        source: Offsets | None = None
        content: list[Offsets] = []
        for arg in parts[1].split():
            role, _, tid = arg.partition(":")
            span = spans.get(tid)
            if span is None:
                continue
            role = role.rstrip("0123456789")
            if role == "Cue":
                cue = span
            elif role == "Source":
                source = span
            elif role == "Content":
                content.append(span)
        if cue is None and not content:
            continue
        attrs.append(Attr(cue=cue, content=sorted(set(content)), source=source))
    return attrs


def read_split(folder: Path, limit: int | None = None) -> list[PolnearDoc]:
    """The articles of one PolNeAR split folder (``text/``, ``attributions/``, metadata)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DatasetNotFound(
            f"PolNeAR folder {folder} is missing or incomplete: expected {text_dir} "
            f"and {ann_dir} (see the evaldata README)"
        )
    meta: dict[str, dict[str, str]] = {}
    meta_path = folder / "metadata.tsv"
    if meta_path.is_file():
        with meta_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row.get("filename", "")] = row
    anns: dict[str, list[Path]] = {}
    for p in ann_dir.iterdir():
        m = _ANN_NAME.match(p.name)
        if m:
            anns.setdefault(m.group("stem"), []).append(p)
    docs: list[PolnearDoc] = []
    for txt in sorted(text_dir.glob("*.txt")):
        stem = txt.stem
        if stem not in anns:
            continue
        # several annotators: score against the first file in sorted order
        ann_path = sorted(anns[stem], key=lambda p: p.name)[0]
        row = meta.get(stem, {})
        docs.append(
            PolnearDoc(
                name=stem,
                text=txt.read_text(encoding="utf-8"),
                publisher=row.get("publisher") or None,
                publication_date=row.get("publication_date") or None,
                annotator=_ANN_NAME.match(ann_path.name).group("annotator"),  # type: ignore[union-attr]
                attributions=parse_ann(ann_path.read_text(encoding="utf-8")),
            )
        )
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise DatasetNotFound(f"PolNeAR folder {folder} holds no annotated articles")
    return docs


def _attr_match(strict: bool) -> Any:
    def test(p: Attr, g: Attr) -> bool:
        if p.cue is None or g.cue is None or not overlap(p.cue, g.cue):
            return False
        if not any(overlap(a, b) for a in p.content for b in g.content):
            return False
        if strict:
            return p.source is not None and g.source is not None and overlap(p.source, g.source)
        return True

    return test


def score_attributions(predicted: Sequence[Attr], gold: Sequence[Attr], strict: bool = False) -> PRF:
    """Attribution-level PRF: cue and content overlap (and the source too when ``strict``)."""
    matched = match_one_to_one(predicted, gold, _attr_match(strict))
    return PRF(tp=len(matched), predicted=len(predicted), gold=len(gold))


def score_doc(predicted: Sequence[Attr], gold: Sequence[Attr]) -> dict[str, PRF]:
    """All scores for one document, keyed ``role/mode`` and ``attribution/overlap|strict``."""
    out: dict[str, PRF] = {}
    for role in ROLES:
        p, g = distinct(role_spans(predicted, role)), distinct(role_spans(gold, role))
        for mode in MODES:
            out[f"{role}/{mode}"] = score_spans(p, g, mode)
    out["attribution/overlap"] = score_attributions(predicted, gold)
    out["attribution/strict"] = score_attributions(predicted, gold, strict=True)
    return out


def from_drafts(drafts: Iterable[Any]) -> list[Attr]:
    """Our ``AttributionDraft`` objects as scoring records."""
    return [Attr(cue=d.cue, content=[d.content], source=d.source) for d in drafts]


def textacy_attrs(doc: Any) -> list[Attr]:
    """textacy's direct quotations on a parsed doc, mapped to character spans."""
    from textacy.extract import triples

    out: list[Attr] = []
    try:
        found = list(triples.direct_quotations(doc))
    except Exception:  # noqa: BLE001 - a peer failing on one doc scores as no predictions
        return out
    for speaker, cue, content in found:
        def hull(toks: Any) -> Offsets | None:
            toks = list(toks)
            if not toks:
                return None
            return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))

        cue_span = hull(cue)
        content_span = (content.start_char, content.end_char) if len(content) else None
        if cue_span is None or content_span is None:
            continue
        out.append(Attr(cue=cue_span, content=[content_span], source=hull(speaker)))
    return out


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """Score our attribution extractor and textacy's on the PolNeAR dev split."""
    from interlock.extract.attribution import find_attributions
    from interlock.extract.pipeline import load_nlp

    docs = read_split(Path(data_dir) / "polnear-dev", limit=limit)
    nlp = load_nlp()
    totals: dict[str, dict[str, PRF]] = {"ours": {}, "textacy": {}}
    for n, (pd, doc) in enumerate(zip(docs, nlp.pipe(d.text for d in docs), strict=True), 1):
        print(f"\rpolnear: {n}/{len(docs)} {pd.name[:50]:50}", end="", file=sys.stderr, flush=True)
        for system, preds in (
            ("ours", from_drafts(find_attributions(doc))),
            ("textacy", textacy_attrs(doc)),
        ):
            for key, prf in score_doc(preds, pd.attributions).items():
                totals[system].setdefault(key, PRF()).add(prf)
    print(file=sys.stderr)
    figures: dict[str, Any] = {"documents": len(docs), "systems": {}}
    table = [["level", "mode", "ours P", "ours R", "ours F1", "textacy P", "textacy R", "textacy F1"]]
    keys = [f"{r}/{m}" for r in ROLES for m in MODES] + ["attribution/overlap", "attribution/strict"]
    for system, scores in totals.items():
        nested: dict[str, dict[str, Any]] = {}
        for key in keys:
            level, mode = key.split("/")
            nested.setdefault(level, {})[mode] = scores.get(key, PRF()).as_dict()
        figures["systems"][system] = nested
    for key in keys:
        level, mode = key.split("/")
        row = [level, mode]
        for system in ("ours", "textacy"):
            prf = totals[system].get(key, PRF())
            row += [f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}"]
        table.append(row)
    ours = totals["ours"].get("attribution/overlap", PRF()).f1
    peer = totals["textacy"].get("attribution/overlap", PRF()).f1
    return EvalResult(
        dataset="polnear",
        figures=figures,
        table=table,
        primary=f"polnear attribution F1 (overlap) ours={ours:.3f} textacy={peer:.3f}",
        notes=[
            f"{len(docs)} PolNeAR dev articles; first annotator file in sorted order; "
            "discontinuous spans scored as their hull; textacy finds direct quotes only"
        ],
    )
