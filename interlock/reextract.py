"""Re-run extraction on stored texts when extraction has improved.

Each stored document records the extraction version that made it. ``reextract``
runs the current extraction on the stored text with the stored metadata
(publication date, outlet, title, URL), replaces the document's extracted rows
in one transaction per document, then resolves and grades the store again, so
that judgements, tags and watches (kept by names and stable keys) apply to the
new rows as they did to the old.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from interlock.extract.api import DocumentError, extract_records
from interlock.extract.result import EXTRACTION_VERSION
from interlock.store import Store


@dataclass
class ReextractReport:
    """What a re-extraction did: documents redone, failed, and the refresh lines."""

    done: int = 0
    failed: list[str] = field(default_factory=list)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    refreshed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.done} document(s) re-extracted with extraction {EXTRACTION_VERSION}"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed (kept as they were)")
        changes = ", ".join(
            f"{name} {self.before.get(name, 0)} -> {self.after.get(name, 0)}" for name in ("statements", "events",
                                                                                        "attributions", "entities")
        )
        return "; ".join(parts) + (f"; {changes}" if self.done else "")


def reextract(
    store: Store,
    everything: bool = False,
    where: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    refresh: bool = True,
) -> ReextractReport:
    """Re-extract the documents an older extraction made (or all, or those matching ``where``)."""
    report = ReextractReport(before=store.extracted_counts())
    docs = store.documents_to_reextract(EXTRACTION_VERSION, everything=everything, where=where)
    texts = {d["id"]: d["text"] for d in docs}
    records = (
        {"id": d["id"], "text": d["text"], "published": d["published"], "outlet": d["outlet"],
         "title": d["title"], "url": d["url"]}
        for d in docs
    )
    if docs:
        store.mark_refresh_pending("reextract")
    for n, res in enumerate(extract_records(records), 1):
        if isinstance(res, DocumentError):
            report.failed.append(f"{res.id}: {res.error}")
        else:
            store.replace_extraction(res, texts[res.id])
            report.done += 1
        if progress is not None:
            progress(n, len(docs))
    if refresh and docs:
        from interlock.refresh import refresh as refresh_store

        report.refreshed = refresh_store(store)
    report.after = store.extracted_counts()
    return report
