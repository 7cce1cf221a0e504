"""TimeML reading and TIMEX3 scoring (TempEval-3 style), ours beside dateparser.

A TimeML file is inline XML: the ``<TEXT>`` element holds the article with
``<TIMEX3>`` (and ``<EVENT>``, ``<SIGNAL>``...) tags around stretches of it. We
strip every tag inside ``<TEXT>`` to get the plain text and keep the character
offsets of each gold TIMEX3. The ``<DCT>`` timex gives the document creation
time; it lies outside ``<TEXT>``, so it is neither in the text nor scored.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF, match_one_to_one, overlap, overlap_size, score_spans


@dataclass
class GoldTimex:
    """One gold TIMEX3: offsets into the plain text, with its id, type and value."""

    start: int
    end: int
    text: str
    tid: str
    type: str
    value: str | None


@dataclass
class TimeMLDoc:
    """A TimeML document: plain text, creation date and gold timexes."""

    doc_id: str
    text: str
    dct: date | None
    timexes: list[GoldTimex] = field(default_factory=list)


@dataclass
class PredTimex:
    """A predicted timex: offsets, type (may be empty when unknown) and value."""

    start: int
    end: int
    type: str
    value: str | None


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)


def _parse_dct(block: str) -> date | None:
    m = re.search(r'value="(\d{4})-?(\d{2})-?(\d{2})', block)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _strip(body: str) -> tuple[str, list[GoldTimex]]:
    """Plain text of a TimeML fragment and the gold TIMEX3s with offsets into it."""
    out: list[str] = []
    length = 0
    pos = 0
    stack: list[tuple[dict[str, str], int]] = []
    found: list[GoldTimex] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if stack:
                at, start = stack.pop()
                text = "".join(out)[start:length]
                found.append(
                    GoldTimex(start, length, text, at.get("tid", ""), at.get("type", ""),
                              at.get("value"))
                )
        elif not selfclosing:
            stack.append((dict(_ATTR.findall(attrs)), length))
    out.append(html.unescape(body[pos:]))
    found.sort(key=lambda g: (g.start, g.end))
    return "".join(out), found


def parse_timeml(source: str, doc_id: str = "") -> TimeMLDoc:
    """Read one TimeML document from its XML text."""
    dct_match = _DCT.search(source)
    dct = _parse_dct(dct_match.group(1)) if dct_match else None
    id_match = _DOCID.search(source)
    if id_match:
        doc_id = id_match.group(1).strip() or doc_id
    text_match = _TEXT.search(source)
    body = text_match.group(1) if text_match else ""
    text, timexes = _strip(body)
    return TimeMLDoc(doc_id=doc_id, text=text, dct=dct, timexes=timexes)


def read_folder(folder: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """Every ``*.tml`` file below ``folder``, sorted by path, at most ``limit``."""
    files = sorted(folder.rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    return [parse_timeml(f.read_text(encoding="utf-8", errors="replace"), f.stem) for f in files]


@dataclass
class TimexScore:
    """Counts for TIMEX3 spans, types and values, summed over documents."""

    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    type_correct: int = 0
    value_correct: int = 0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value(self) -> PRF:
        """Value P/R/F1: relaxed matches whose value is right, over predicted and gold."""
        return PRF(tp=self.value_correct, predicted=self.relaxed.predicted,
                   gold=self.relaxed.gold)

    def as_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type_accuracy": round(self.type_accuracy, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "value": self.value.as_dict(),
        }


def score_document(pred: Sequence[PredTimex], gold: Sequence[GoldTimex]) -> TimexScore:
    """Score one document's predictions against its gold timexes."""
    pspans = [(p.start, p.end) for p in pred]
    gspans = [(g.start, g.end) for g in gold]
    score = TimexScore(strict=score_spans(pspans, gspans, "exact"),
                       relaxed=score_spans(pspans, gspans, "overlap"))
    for i, j in match_one_to_one(pspans, gspans, overlap, overlap_size):
        if pred[i].type == gold[j].type:
            score.type_correct += 1
        if pred[i].value is not None and pred[i].value == gold[j].value:
            score.value_correct += 1
    return score


def add_scores(total: TimexScore, one: TimexScore) -> None:
    """Add one document's counts to a running total."""
    total.strict.add(one.strict)
    total.relaxed.add(one.relaxed)
    total.type_correct += one.type_correct
    total.value_correct += one.value_correct


def dateparser_predict(text: str, dct: date | None) -> list[PredTimex]:
    """The peer: ``dateparser.search.search_dates`` mapped to spans and day values."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # noqa: BLE001 - the peer failing on a text counts as no predictions
        return []
    preds: list[PredTimex] = []
    cursor = 0
    for sub, when in found:
        at = text.find(sub, cursor)
        if at < 0:
            at = text.find(sub)
            if at < 0:
                continue
        else:
            cursor = at + len(sub)
        preds.append(PredTimex(at, at + len(sub), "DATE", _dateparser_value(sub, when)))
    return preds


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _dateparser_value(sub: str, when: datetime) -> str:
    """A TIMEX3 value for a dateparser hit: year or month precision when the text says so."""
    low = sub.lower().strip()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", low.replace(str(when.year), "")))
    has_month = any(m in low for m in _MONTHS)
    if re.fullmatch(r"(19|20)\d\d", low):
        return f"{when.year:04d}"
    if has_month and not has_day and re.search(r"\b(19|20)\d\d\b", low):
        return f"{when.year:04d}-{when.month:02d}"
    if re.search(r"\byears?\b", low) and not has_day and not has_month:
        return f"{when.year:04d}"
    if re.search(r"\bmonths?\b", low) and not has_day:
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


def our_predictions(docs: Sequence[TimeMLDoc], progress: bool = True) -> Iterable[list[PredTimex]]:
    """Our timexes for each document, parsed with the bare spaCy pipeline."""
    from interlock.extract.pipeline import load_nlp
    from interlock.extract.times import find_timexes

    nlp = load_nlp()
    for n, doc in enumerate(nlp.pipe(d.text for d in docs)):
        if progress and (n % 20 == 0 or n == len(docs) - 1):
            print(f"timeml: ours {n + 1}/{len(docs)}", file=sys.stderr, flush=True)
        dct = docs[n].dct
        yield [PredTimex(t.start, t.end, t.type, t.value) for t in find_timexes(doc, dct)]


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """Score our timexes and dateparser's on the TimeBank/AQUAINT TimeML files."""
    folder = data_dir / "timebank-aquaint"
    if not folder.is_dir() or not any(folder.rglob("*.tml")):
        raise DatasetNotFound(
            f"TimeML data not found: expected *.tml files under {folder} "
            f"(TempEval-3 TimeBank/AQUAINT); set INTERLOCK_EVALDATA to the evaldata folder"
        )
    docs = read_folder(folder, limit)
    ours, peer = TimexScore(), TimexScore()
    for n, (doc, pred) in enumerate(zip(docs, our_predictions(docs), strict=True)):
        add_scores(ours, score_document(pred, doc.timexes))
        add_scores(peer, score_document(dateparser_predict(doc.text, doc.dct), doc.timexes))
        if n % 20 == 0 or n == len(docs) - 1:
            print(f"timeml: scored {n + 1}/{len(docs)}", file=sys.stderr, flush=True)
    figures = {"documents": len(docs), "gold": ours.relaxed.gold,
               "ours": ours.as_dict(), "dateparser": peer.as_dict()}
    header = ["system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
              "relaxed F1", "type acc", "value acc", "value P", "value R", "value F1"]
    table = [header]
    for name, s in (("ours", ours), ("dateparser", peer)):
        table.append([name] + [f"{x:.3f}" for x in (
            s.strict.precision, s.strict.recall, s.strict.f1,
            s.relaxed.precision, s.relaxed.recall, s.relaxed.f1,
            s.type_accuracy, s.value_accuracy,
            s.value.precision, s.value.recall, s.value.f1)])
    return EvalResult(
        dataset="timeml",
        figures=figures,
        table=table,
        primary=f"timeml value F1 ours={ours.value.f1:.3f} dateparser={peer.value.f1:.3f}",
        notes=[f"{len(docs)} documents, {ours.relaxed.gold} gold TIMEX3 (DCT excluded)"],
    )
