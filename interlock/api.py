"""The library surface: extract one text, store documents, open a store to ask it questions.

``interlock`` re-exports these (``interlock.open_store``, ``interlock.extract_text``,
``interlock.ingest_files``); ``interlock.query`` holds the questions (``show``, ``timeline``,
``ties``, ``events``, ``search``, ``find_actor``) and ``interlock.model`` the result types.
docs/api.md has a worked example. Each function imports what it needs when called, so that
``import interlock`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interlock.ingest import IngestReport
    from interlock.model import ExtractedDocument
    from interlock.store import SQLStore


def extract_text(text: str, published: str | date | None = None, doc_id: str | None = None,
                 outlet: str | None = None, title: str | None = None, url: str | None = None) -> ExtractedDocument:
    """Extract one article: entities, attributions, times, statements and events, each with its span.

    ``published`` (``YYYY-MM-DD`` or a ``date``) anchors relative times ("last Tuesday");
    ``doc_id`` (default: one derived from the text), ``outlet``, ``title`` and ``url`` are the
    other fields of an input record. Raises ``interlock.errors.BadInput`` for a text it cannot
    take (too long, a wrong date). The same as ``interlock.extract(text, ...)``.
    """
    from interlock.extract.api import extract

    return extract(text, published=published, doc_id=doc_id, outlet=outlet, title=title, url=url)


def open_store(location: str | Path | None = None) -> SQLStore:
    """The store at ``location``: an SQLite file (created if missing) or a ``postgresql://`` address;
    by default the INTERLOCK_DB setting (``interlock.db``).

    Use it as a context manager (``with interlock.open_store("corpus.db") as store:``), which
    commits and closes it; pass it to ``interlock.query``'s functions and to ``ingest_files``.
    Raises ``interlock.store.StoreError`` for a store it cannot use (written by a newer Interlock,
    damaged, locked).
    """
    from interlock import settings
    from interlock.store import open_store as open_any

    return open_any(location if location is not None else settings.get("db"))


def ingest_files(paths: Iterable[str | Path], store: SQLStore, published: str | None = None,
                 outlet: str | None = None) -> IngestReport:
    """Read, extract and store documents, then resolve actors and grade claims (``interlock ingest``).

    ``paths`` are files (JSON lines or arrays, text, HTML pages, RSS/Atom feeds) or folders, read
    recursively; ``published`` and ``outlet`` fill records that lack them. A document stored
    already is not stored again. The report counts what was stored and lists each failure with
    its reason (``report.ok`` is false if any); a failure never stops the others.
    """
    from interlock.ingest import ingest

    return ingest([str(p) for p in paths], store, published=published, outlet=outlet)
