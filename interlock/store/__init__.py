"""The store: SQLite by default, PostgreSQL for shared use; the one owner of SQL.

Ingest writes through ``Store``; every other subsystem (queries, resolution,
credibility, vetting, judgements, alerts, export) runs the statements of the
store's catalogue (``interlock/store/sql/``) by name, so no SQL is written outside
this package. Full-text search is each backend's own (``match_names``,
``match_documents``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from interlock.model import ExtractedDocument
from interlock.store.base import QueryError, SQLStore, Stats, StoreError, content_hash
from interlock.store.named import Row, UnknownQuery
from interlock.store.selection import SelectionTables
from interlock.store.sqlite import SQLiteStore


class Store(Protocol):
    """What ingest and the commands need of a store, whatever holds it."""

    backend: str
    min_confidence: float
    readonly: bool

    @property
    def path(self) -> Any: ...

    def status_of(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> str: ...

    def put(self, doc: ExtractedDocument, text: str, source: str | None = None,
            configuration: bool = False) -> str: ...

    def copy_of(self, doc_id: str) -> str | None: ...

    def stats(self) -> Stats: ...

    def outlets(self) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...

    def transaction(self, exclusive: bool = False) -> AbstractContextManager[Any]: ...

    def require_writable(self) -> None: ...

    def refresh_pending(self) -> bool: ...

    def mark_refresh_pending(self, why: str) -> None: ...

    def clear_refresh_pending(self) -> None: ...

    def read_confident(self, min_confidence: float) -> None: ...

    def documents_to_reextract(self, version: str | None, everything: bool = False,
                               where: str | None = None) -> list[dict[str, Any]]: ...

    def extracted_counts(self) -> dict[str, int]: ...

    def replace_extraction(self, doc: ExtractedDocument, text: str) -> None: ...

    def integrity_ok(self) -> bool: ...

    # the catalogue's statements, by name (interlock/store/named.py)
    def each(self, name: str, params: Sequence[Any] = (), **lists: int) -> Iterator[Row]: ...

    def rows(self, name: str, params: Sequence[Any] = (), **lists: int) -> list[Row]: ...

    def row(self, name: str, params: Sequence[Any] = (), **lists: int) -> Row: ...

    def value(self, name: str, params: Sequence[Any] = (), **lists: int) -> Any: ...

    def pairs(self, name: str, params: Sequence[Any] = (), **lists: int) -> dict[Any, Any]: ...

    def column(self, name: str, params: Sequence[Any] = (), **lists: int) -> list[Any]: ...

    def run(self, name: str, params: Sequence[Any] = (), **lists: int) -> int: ...

    def run_many(self, name: str, seq: Iterable[Sequence[Any]]) -> None: ...

    def insert(self, name: str, params: Sequence[Any] = ()) -> int: ...

    def cache_for_search(self, kib: int) -> None: ...

    def selection(self) -> SelectionTables: ...

    # full-text search, each backend its own way
    def match_names(self, query: str, limit: int) -> list[Row]: ...

    def match_documents(self, query: str) -> Iterator[Row]: ...


def is_address(spec: object) -> bool:
    """True when a ``--db`` value (or INTERLOCK_DB) names a PostgreSQL database rather than a file."""
    return str(spec).startswith(("postgresql://", "postgres://"))


def open_store(spec: str | Path) -> SQLStore:
    """The store ``spec`` names: ``postgresql://...`` a PostgreSQL database, anything else an SQLite file."""
    if is_address(spec):
        from interlock.store.postgres import PostgresStore

        return PostgresStore(str(spec))
    return SQLiteStore(Path(spec))


__all__ = ["QueryError", "Row", "SQLStore", "SQLiteStore", "Stats", "Store", "StoreError", "UnknownQuery",
           "content_hash", "is_address", "open_store"]
