"""The embedded SQLite store: extraction results in, one transaction per document.

Writes never run NLP and extractors never write: ``put`` takes an
``ExtractedDocument`` and the text it came from. A document whose id is already
stored with the same text is left alone (``unchanged``), so storing a batch
twice changes nothing; a crash loses at most the document being written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interlock.store import guard
from interlock.store.base import QueryError, SQLStore, StoreError
from interlock.store.named import Row
from interlock.store.schema import (
    LATEST,
    LEGACY,
    STEPS,
    SUBSYSTEMS,
    VERSIONS_TABLE,
    known,
    versions_after,
)
from interlock.store.selection import SelectionTables


class SQLiteStore(SQLStore):
    """A store in one SQLite file (WAL mode), created and migrated on open."""

    backend = "sqlite"
    #: where the selection's TEMP tables live (``interlock.store.selection``)
    temp_schema = "temp"
    #: the confidence floor reads are held to (``read_confident``); 0 reads everything
    min_confidence = 0.0

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # never write to a file that is not a store; open a read-only store read-only (store/guard.py)
        try:
            guard.inspect(self.path)
        except guard.StoreGuardError as exc:
            raise StoreError(str(exc)) from None
        self.readonly = guard.readonly(self.path)
        try:
            if self.readonly:
                self.conn = sqlite3.connect(guard.readonly_uri(self.path), uri=True, isolation_level=None)
            else:
                self.conn = sqlite3.connect(str(self.path), isolation_level=None,
                                            timeout=guard.lock_timeout())
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:" and not self.readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
            if not self.readonly:
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            if guard.is_locked(exc):
                raise StoreError(guard.locked_message(self.path, guard.lock_timeout())) from None
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None
        self._migrate()

    def close(self) -> None:
        self.conn.close()

    def _cursor(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def _cursor_many(self, sql: str, seq: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, seq)

    def reopen_readonly(self) -> None:
        """Read-only from now on, by the connection itself: SQLite refuses any write, whatever code asks."""
        if self.readonly:
            return
        self.conn.close()
        try:
            self.conn = sqlite3.connect(guard.readonly_uri(self.path), uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path} read-only: {exc}") from None
        self.conn.row_factory = sqlite3.Row
        self.readonly = True

    def _table_exists(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

    def cache_for_search(self, kib: int) -> None:
        """A larger page cache for a run of random index look-ups (vetting's path search)."""
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")

    def selection(self) -> SelectionTables:
        """The TEMP tables of one export's selection (``interlock.store.selection``)."""
        return SelectionTables(self)

    def match_names(self, query: str, limit: int) -> list[Row]:
        """(actor key, spelling) of named entities whose names match an FTS5 query, best first."""
        try:
            return self.conn.execute(
                "SELECT e.actor_id, f.name FROM names_fts f JOIN entities e ON e.id = f.entity_id "
                "WHERE names_fts MATCH ? AND e.anonymous = 0 ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(str(exc)) from None

    def match_documents(self, query: str) -> Iterator[Row]:
        """(id, title, snippet, published, outlet) of documents whose title or text match, best first."""
        try:
            yield from self.conn.execute(
                "SELECT f.document_id, f.title, snippet(documents_fts, 2, '[', ']', '…', 12), d.published, o.name "
                "FROM documents_fts f JOIN documents d ON d.id = f.document_id "
                "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE documents_fts MATCH ? ORDER BY rank", (query,))
        except sqlite3.OperationalError as exc:
            raise QueryError(str(exc)) from None

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def versions(self) -> dict[str, int]:
        """Each subsystem's schema version in this store (``schema_versions``, else read off an older
        store's ``user_version``)."""
        if self._table_exists("schema_versions"):
            found = {r[0]: int(r[1]) for r in self.conn.execute("SELECT subsystem, version FROM schema_versions")}
            return {**{s: 0 for s in SUBSYSTEMS}, **found}
        return versions_after(LEGACY.get(self.version, 0))

    def _migrate(self) -> None:
        current, have, latest = self.version, self.versions(), known()
        newer = sorted(s for s, v in have.items() if v > latest.get(s, 0))
        if newer or current > LATEST:
            what = ", ".join(f"{s} schema version {have[s]}, newer than this Interlock knows ({latest.get(s, 0)})"
                             for s in newer) or f"schema version {current}, newer than this Interlock knows ({LATEST})"
            raise StoreError(f"the store {self.path} has {what}; upgrade Interlock")
        todo = [(n, sub, v, sql) for n, (sub, v, sql) in enumerate(STEPS, 1) if v > have.get(sub, 0)]
        if todo and self.readonly:
            raise StoreError(f"the store {self.path} is read-only and needs upgrading to schema version {LATEST}; "
                             "open it once where it can be written")
        recorded = self._table_exists("schema_versions")
        for number, subsystem, version, sql in todo:
            # one migration, one transaction (DDL is transactional in SQLite), its version recorded in it
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE; {sql}; {VERSIONS_TABLE};")
                now = datetime.now(UTC).isoformat(timespec="seconds")
                if not recorded:  # an older store: what it had, read off its user_version
                    self.conn.executemany("INSERT INTO schema_versions (subsystem, version, at) VALUES (?, ?, ?)",
                                          [(s, v, now) for s, v in have.items()])
                    recorded = True
                self.conn.execute("INSERT INTO schema_versions (subsystem, version, at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (subsystem) DO UPDATE SET version = excluded.version, at = excluded.at",
                                  (subsystem, version, now))
                current = max(number, current)
                self.conn.execute(f"PRAGMA user_version = {current}")
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if guard.is_locked(exc):
                    raise StoreError(guard.locked_message(self.path, guard.lock_timeout())) from None
                raise StoreError(f"cannot migrate the store {self.path} ({subsystem} to version {version}): "
                                 f"{exc}") from None

    @contextmanager
    def transaction(self, exclusive: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back if anything inside fails. Every SQLite write
        transaction is exclusive (``BEGIN IMMEDIATE``), whatever ``exclusive`` says.

        Refused with one line on a read-only store; waits for another writer up to
        the ``lock_timeout`` setting, with a message, then fails with one line.
        """
        self.require_writable()
        if not self.conn.in_transaction:
            try:
                guard.begin(self.conn, self.path)
            except guard.StoreGuardError as exc:
                raise StoreError(str(exc)) from None
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def require_writable(self) -> None:
        """Raise ``StoreError`` (one line) when the store is read-only."""
        if self.readonly:
            raise StoreError(f"the store {self.path} is read-only: this command writes to it "
                             "(commands that only read it work)")

    def read_confident(self, min_confidence: float) -> None:
        """From now on, this connection reads only statements (and meetings) at least this
        likely right: temporary views shadow the tables for every query it runs."""
        threshold = float(min_confidence)
        self.min_confidence = max(threshold, 0.0)
        self.conn.execute("DROP VIEW IF EXISTS temp.statements")
        self.conn.execute("DROP VIEW IF EXISTS temp.events")
        if threshold <= 0.0:
            return
        self.conn.execute(
            f"CREATE TEMP VIEW statements AS SELECT * FROM main.statements WHERE confidence >= {threshold!r}"
        )
        self.conn.execute(f"CREATE TEMP VIEW events AS SELECT * FROM main.events WHERE confidence >= {threshold!r}")

    def integrity_ok(self) -> bool:
        """``PRAGMA integrity_check`` says ok."""
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

