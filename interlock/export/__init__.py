"""Exports of the store in the formats analysts' tools read (``interlock export``).

Each format is a function ``write(selection, out, progress)`` that streams the
rows of a :class:`~interlock.export.select.Selection` to ``out`` (a file, or a
folder for ``csv``) and returns what it wrote. ``docs/interop.md`` describes
every format and what a user sees in the target tool.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interlock.export.select import ExportError, Filters, Selection
from interlock.store import Store

FORMATS = ("ftm", "stix", "gexf", "graphml", "csv", "cypher", "jsonl")

#: called with (what, how many so far) every few thousand items
Progress = Callable[[str, int], None]


def _writer(fmt: str) -> Callable[[Selection, Path, Progress | None], dict[str, int]]:
    if fmt == "ftm":
        from interlock.export.ftm import write
    elif fmt == "stix":
        from interlock.export.stix import write
    elif fmt == "gexf":
        from interlock.export.graph import write_gexf as write
    elif fmt == "graphml":
        from interlock.export.graph import write_graphml as write
    elif fmt == "csv":
        from interlock.export.neo4j import write_csv as write
    elif fmt == "cypher":
        from interlock.export.neo4j import write_cypher as write
    elif fmt == "jsonl":
        from interlock.export.claims import write
    else:
        raise ExportError(f"no export format {fmt!r}; known: {', '.join(FORMATS)}")
    return write


def export(store: Store, fmt: str, out: str | Path, filters: Filters | None = None,
           progress: Progress | None = None) -> dict[str, Any]:
    """Write the store (cut by ``filters``) in ``fmt`` to ``out``; a summary of what was written."""
    write = _writer(fmt)
    out = Path(out)
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file: the csv format writes nodes.csv and edges.csv into a folder")
    elif out.is_dir():
        raise ExportError(f"{out} is a folder: give a file name for the {fmt} export")
    parent = out if fmt == "csv" else out.parent
    if not parent.exists() and not (fmt == "csv" and out.parent.is_dir()):
        raise ExportError(f"no folder {parent} to write the export into")
    started = time.monotonic()
    selection = Selection(store, filters)
    try:
        written = write(selection, out, progress)
        selected = selection.counts()
    finally:
        selection.close()
    return {"format": fmt, "out": str(out), "selected": selected, "written": written,
            "filters": selection.filters.as_dict(), "seconds": round(time.monotonic() - started, 2)}


class Ticker:
    """Counts items of one kind and reports every ``every`` of them to a progress callback."""

    def __init__(self, progress: Progress | None, what: str, every: int = 5000) -> None:
        self.progress, self.what, self.every, self.n = progress, what, every, 0

    def __call__(self, k: int = 1) -> None:
        self.n += k
        if self.progress is not None and self.n % self.every < k:
            self.progress(self.what, self.n)

    def done(self) -> int:
        if self.progress is not None and self.n:
            self.progress(self.what, self.n)
        return self.n


__all__ = ["FORMATS", "ExportError", "Filters", "Selection", "Ticker", "export"]
