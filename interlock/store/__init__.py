"""The store: SQLite by default; the interface a PostgreSQL backend will share.

Ingest writes through ``Store``; the queries in ``interlock.query`` read the
tables documented in ``docs/schema.md`` with portable SQL (full-text search aside,
which each backend provides its own way).
"""

from __future__ import annotations

from typing import Any, Protocol

from interlock.model import ExtractedDocument
from interlock.store.sqlite import SQLiteStore, Stats, StoreError, content_hash


class Store(Protocol):
    """What ingest and the commands need of a store, whatever holds it."""

    def status_of(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> str: ...

    def put(self, doc: ExtractedDocument, text: str, source: str | None = None) -> str: ...

    def copy_of(self, doc_id: str) -> str | None: ...

    def stats(self) -> Stats: ...

    def outlets(self) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


__all__ = ["SQLiteStore", "Stats", "Store", "StoreError", "content_hash"]
