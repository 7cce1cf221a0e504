"""Ingest: read documents, extract them and store the results, one document at a time.

Memory stays flat however long the input: records stream from the readers
through ``nlp.pipe`` into the store, and each document is committed on its own,
so an interrupted run loses at most the document in flight and running the same
command again finishes the job without duplicates.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interlock.errors import BadInput
from interlock.model import stable_id
from interlock.readers import FEED_ENDINGS, READABLE, is_url, read_path
from interlock.store import SQLStore, Store
from interlock.textsafe import clean_names

if TYPE_CHECKING:
    from interlock.extract.api import DocumentError
    from interlock.model import ExtractedDocument

#: what turns input records into results, in order: ``extract_records`` or a cluster's (interlock.scale)
Extractor = Callable[[Iterable[dict[str, Any]]], Iterator["ExtractedDocument | DocumentError"]]


@dataclass
class IngestReport:
    """What an ingest run did: counts by outcome and the failures with reasons."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    #: what resolution and grading did afterwards, a line per step
    refreshed: list[str] = field(default_factory=list)
    #: alerts the new documents raised on watched actors and rules (also stored)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    #: documents stored new or as a new version
    stored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        names = {"new": "new", "changed": "new versions", "updated": "updated (new metadata)", "unchanged": "unchanged",
                 "copies": "copies of stored stories"}
        parts = [f"{self.counts[k]} {v}" for k, v in names.items() if self.counts[k]]
        parts.append(f"{len(self.failures)} failed")
        return ", ".join(parts)


def expand_paths(paths: Iterable[str]) -> Iterator[str | BadInput]:
    """Files to read: files as given, folders recursively (readable endings only), ``-``."""
    for raw in paths:
        if raw == "-" or is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE)
            if not found:
                yield BadInput(raw, f"holds no readable files ({', '.join(READABLE)})")
            yield from (str(p) for p in found)
        elif path.suffix.lower() in READABLE or not path.exists():
            yield raw  # a missing file is reported by the reader with the reason
        else:
            yield BadInput(raw, f"is not a format ingest reads (readable: {', '.join(READABLE)})")


def ingest(
    paths: Iterable[str],
    store: Store,
    published: str | None = None,
    outlet: str | None = None,
    progress: Callable[[int, float, int | None], None] | None = None,
    allow_private: bool = False,
    refresh: bool = True,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Read, extract and store every document under ``paths``.

    When anything new was stored, actors are resolved and claims graded again
    (``interlock.refresh``) unless ``refresh`` is false. ``extractor`` runs the
    extraction (default: in this process; ``interlock.scale.DaskExtractor`` on a
    cluster); reading and storing stay here either way.
    """
    from interlock.extract.api import DocumentError, extract_records

    paths = list(paths)
    total = estimate_total(paths) if progress is not None else None
    report = IngestReport()
    if isinstance(store, SQLStore):
        store.require_writable()
    #: an earlier run stopped before its refresh: this one finishes it even if it stores nothing
    pending = isinstance(store, SQLStore) and store.refresh_pending()
    texts: dict[str, tuple[str, str]] = {}
    records = _records_to_extract(paths, store, published, outlet, allow_private, report, texts)
    started = time.monotonic()
    done = 0
    for res in (extractor or extract_records)(records):
        done += 1
        if isinstance(res, DocumentError):
            report.failures.append(f"{res.id}: {res.error}")
            continue
        text, source = texts.pop(res.id, (None, None))
        if text is None:
            report.failures.append(f"{res.id}: extracted, but its text went missing")
            continue
        if not pending:
            pending = _mark_refresh_pending(store, res, text)
        if _store_result(store, res, text, source, report) and progress is not None:
            progress(done + report.counts["unchanged"], time.monotonic() - started, total)
    if refresh and pending and isinstance(store, SQLStore):
        from interlock.refresh import refresh as refresh_store

        report.refreshed = refresh_store(store)
        from interlock.vet.alerts import check

        report.alerts = check(store, report.stored)
    return report


def _records_to_extract(
    paths: list[str],
    store: Store,
    published: str | None,
    outlet: str | None,
    allow_private: bool,
    report: IngestReport,
    texts: dict[str, tuple[str, str]],
) -> Iterator[dict[str, Any]]:
    """The records under ``paths`` that need extracting, read lazily.

    Unreadable inputs go to ``report.failures``; a document stored already with the same text
    and metadata is counted ``unchanged`` and skipped. Each record yielded with a text has it
    kept in ``texts`` (with the path it came from) under its id, given one here if it had none.
    """
    for item in expand_paths(paths):
        if isinstance(item, BadInput):
            report.failures.append(str(item))
            continue
        for rec in read_path(item, published, outlet, allow_private):
            if isinstance(rec, BadInput):
                report.failures.append(str(rec))
                continue
            if isinstance(rec.get("text"), str):
                if not rec.get("id"):
                    rec["id"] = stable_id("doc", rec["text"])  # as extraction would name it
                rid = str(rec["id"])
                if store.status_of(rid, rec["text"], rec) == "unchanged":
                    report.counts["unchanged"] += 1  # stored already: no need to extract again
                    continue
                texts[rid] = (rec["text"], item)
            yield rec


def _mark_refresh_pending(store: Store, res: ExtractedDocument, text: str) -> bool:
    """Mark a refresh pending in an SQL store if storing ``res`` will change it; whether it did."""
    meta = {"published": res.published, "outlet": res.outlet, "title": res.title, "url": res.url}
    if isinstance(store, SQLStore) and store.status_of(res.id, text, meta) != "unchanged":
        # committed before the document: a run killed after storing it is noticed and its refresh redone
        store.mark_refresh_pending("ingest")
        return True
    return False


def _store_result(
    store: Store, res: ExtractedDocument, text: str, source: str | None, report: IngestReport
) -> bool:
    """Store one extraction result and count its outcome; False if it could not be stored."""
    twice = repeated_ids(res)
    if twice:
        # the store keys rows by these ids and would refuse the whole document: say so, and go on
        report.failures.append(f"{res.id}: extraction gave two items the id {twice[0]!r}, so it cannot "
                               "be stored; please report it with the document")
        return False
    outcome = store.put(clean_names(res), text, source)
    report.counts[outcome] += 1
    if outcome in ("new", "changed", "updated"):
        report.stored.append(res.id)
    if outcome != "unchanged" and store.copy_of(res.id):
        report.counts["copies"] += 1
    return True


def repeated_ids(doc: ExtractedDocument) -> list[str]:
    """Ids that two entities, attributions, statements or events of one result share (none in a sound one)."""
    seen: set[str] = set()
    twice: list[str] = []
    ids = [e.id for e in doc.entities] + [a.id for a in doc.attributions]
    for item_id in ids + [s.id for s in doc.statements] + [ev.id for ev in doc.events]:
        if item_id in seen:
            twice.append(item_id)
        seen.add(item_id)
    return twice


def estimate_total(paths: list[str]) -> int | None:
    """How many documents the inputs hold, counted cheaply (lines of JSON lines files); None for stdin."""
    total = 0
    for item in expand_paths(paths):
        if isinstance(item, BadInput):
            continue
        if item == "-" or is_url(item):
            return None
        suffix = Path(item).suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                with open(item, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in FEED_ENDINGS:
                data = Path(item).read_bytes()
                total += data.count(b"<item") + data.count(b"<entry")
            else:
                total += 1
        except OSError:
            total += 1
    return total


def print_progress(done: int, elapsed: float, total: int | None) -> None:
    """A one-line progress report on stderr: documents, documents per second, time left."""
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"\r{done}" + (f"/{total}" if total else "") + f" documents, {rate:.1f}/s"
    if total and rate > 0 and done < total:
        left = (total - done) / rate
        line += f", about {int(left // 60)}:{int(left % 60):02d} left"
    print(line + "   ", end="", file=sys.stderr, flush=True)
