"""The embedded SQLite store: extraction results in, one transaction per document.

Writes never run NLP and extractors never write: ``put`` takes an
``ExtractedDocument`` and the text it came from. A document whose id is already
stored with the same text is left alone (``unchanged``), so storing a batch
twice changes nothing; a crash loses at most the document being written.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from interlock import dedupe
from interlock.errors import InterlockError
from interlock.model import ExtractedDocument, stable_id
from interlock.resolve.names import name_key
from interlock.store import guard
from interlock.store.schema import LATEST, MIGRATIONS


class StoreError(InterlockError):
    "The store cannot be opened or written"


@dataclass
class Stats:
    """Counts of what a store holds, and the span of publication dates."""

    documents: int
    outlets: int
    entities: int
    mentions: int
    statements: int
    attributions: int
    events: int
    copies: int
    first_published: str | None
    last_published: str | None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def entity_key(label: str, name: str, anonymous: bool, entity_id: str) -> str:
    """The cross-document grouping key: named actors by label and folded name.

    Unnamed ones ("a senior official") are never grouped: each stays its own.
    """
    if anonymous:
        return f"anon:{entity_id}"
    group = "PLACE" if label in ("GPE", "LOC") else label
    return f"{group}:{name_key(name)}"


def url_domain(url: str | None) -> str | None:
    """The outlet a URL names when nothing else does: its host without "www."."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def content_hash(text: str) -> str:
    """The hash that tells an edited text from the stored one."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class SQLiteStore:
    """A store in one SQLite file (WAL mode), created and migrated on open."""

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

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if self.readonly and current < LATEST:
            raise StoreError(f"the store {self.path} is read-only and needs upgrading to schema version {LATEST}; "
                             "open it once where it can be written")
        if current > LATEST:
            raise StoreError(
                f"the store {self.path} has schema version {current}, newer than this "
                f"Interlock knows ({LATEST}); upgrade Interlock"
            )
        for number, sql in MIGRATIONS:
            if number <= current:
                continue
            # one migration, one transaction: DDL is transactional in SQLite
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {number}; COMMIT;")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if guard.is_locked(exc):
                    raise StoreError(guard.locked_message(self.path, guard.lock_timeout())) from None
                raise StoreError(f"cannot migrate the store {self.path} to version {number}: {exc}") from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back if anything inside fails.

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

    #: a table whose one row says that documents were stored but resolution and grading not finished
    _PENDING = "refresh_pending"

    def refresh_pending(self) -> bool:
        """True when a run stored documents and was stopped before resolution and grading finished."""
        found = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                  (self._PENDING,)).fetchone()
        if found is None:
            return False
        return self.conn.execute(f"SELECT count(*) FROM {self._PENDING}").fetchone()[0] > 0

    def mark_refresh_pending(self, why: str) -> None:
        """Leave the marker that ``refresh`` clears (committed before the documents it covers)."""
        with self.transaction() as c:
            c.execute(f"CREATE TABLE IF NOT EXISTS {self._PENDING} (since TEXT NOT NULL, why TEXT NOT NULL)")
            if c.execute(f"SELECT count(*) FROM {self._PENDING}").fetchone()[0] == 0:
                c.execute(f"INSERT INTO {self._PENDING} (since, why) VALUES (?, ?)",
                          (datetime.now(UTC).isoformat(timespec="seconds"), why))

    def clear_refresh_pending(self) -> None:
        if self.refresh_pending():
            with self.transaction() as c:
                c.execute(f"DELETE FROM {self._PENDING}")

    def read_confident(self, min_confidence: float) -> None:
        """From now on, this connection reads only statements (and meetings) at least this
        likely right: temporary views shadow the tables for every query it runs."""
        threshold = float(min_confidence)
        self.conn.execute("DROP VIEW IF EXISTS temp.statements")
        self.conn.execute("DROP VIEW IF EXISTS temp.events")
        if threshold <= 0.0:
            return
        self.conn.execute(
            f"CREATE TEMP VIEW statements AS SELECT * FROM main.statements WHERE confidence >= {threshold!r}"
        )
        self.conn.execute(f"CREATE TEMP VIEW events AS SELECT * FROM main.events WHERE confidence >= {threshold!r}")

    def status_of(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> str:
        """``new``, ``unchanged`` (same id and text), ``changed`` (same id, new text) or
        ``updated`` (same text, but ``meta`` gives a publication date, outlet, title or URL
        other than the stored one: "the date was given later", "the outlet was corrected")."""
        row = self.conn.execute(
            "SELECT d.content_hash, d.published, d.title, d.url, o.name AS outlet FROM documents d"
            " LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return "new"
        if row["content_hash"] != content_hash(text):
            return "changed"
        for key in ("published", "outlet", "title", "url"):
            given = (meta or {}).get(key)
            if given is None or str(given).strip() == "":
                continue  # metadata not given is no correction
            given = str(given).strip()[:10] if key == "published" else str(given).strip()
            if given != (row[key] or ""):
                return "updated"
        return "unchanged"

    def documents_to_reextract(self, version: str | None, everything: bool = False,
                               where: str | None = None) -> list[dict[str, Any]]:
        """The stored documents an extraction of ``version`` would redo: those another version
        (or none) made, or all of them; ``where`` keeps those whose id or outlet contains it.
        Each is {id, text, published, outlet, title, url, source, extraction_version}. The
        outlet registry is configuration, not news, and is never re-extracted."""
        rows = self.conn.execute(
            "SELECT d.id, d.text, d.published, o.name AS outlet, d.title, d.url, d.source, d.extraction_version"
            " FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY d.ingested_at, d.id"
        ).fetchall()
        out = []
        for r in rows:
            if str(r["id"]).startswith(("registry:", "reference:")):
                continue
            if not everything and r["extraction_version"] == version:
                continue
            if where and where.lower() not in f"{r['id']} {r['outlet'] or ''}".lower():
                continue
            out.append(dict(r))
        return out

    def _update_metadata(self, doc: ExtractedDocument) -> None:
        """Set a stored document's publication date, outlet, title and URL to those given."""
        with self.transaction() as c:
            if doc.published:
                c.execute("UPDATE documents SET published = ? WHERE id = ?", (doc.published, doc.id))
            if doc.title:
                c.execute("UPDATE documents SET title = ? WHERE id = ?", (doc.title, doc.id))
                c.execute("UPDATE documents_fts SET title = ? WHERE document_id = ?", (doc.title, doc.id))
            if doc.url:
                c.execute("UPDATE documents SET url = ? WHERE id = ?", (doc.url, doc.id))
            if doc.outlet and doc.outlet.strip():
                outlet_id = stable_id("outlet", doc.outlet.strip().lower())
                c.execute("INSERT OR IGNORE INTO outlets (id, name) VALUES (?, ?)", (outlet_id, doc.outlet.strip()))
                c.execute("UPDATE documents SET outlet_id = ? WHERE id = ?", (outlet_id, doc.id))

    def extracted_counts(self) -> dict[str, int]:
        """Rows of each extracted table, whatever their confidence."""
        return {
            table: int(self.conn.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0])
            for table in ("statements", "events", "attributions", "entities")
        }

    def replace_extraction(self, doc: ExtractedDocument, text: str) -> None:
        """Replace a stored document's extracted rows with a new extraction of the same text,
        in one transaction; the document keeps its id, source and time of ingest."""
        with self.transaction() as c:
            row = c.execute("SELECT source, ingested_at FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is None:
                raise StoreError(f"no document {doc.id!r} in {self.path}")
            c.execute("DELETE FROM names_fts WHERE entity_id IN (SELECT id FROM entities WHERE document_id = ?)",
                      (doc.id,))
            for table in ("statements", "events", "attributions", "times", "entities"):
                c.execute(f"DELETE FROM main.{table} WHERE document_id = ?", (doc.id,))
            c.execute("UPDATE documents SET extraction_version = ?, errors = ? WHERE id = ?",
                      (doc.extraction_version, json.dumps(doc.errors), doc.id))
            self._put_parts(c, doc)

    def put(self, doc: ExtractedDocument, text: str, source: str | None = None) -> str:
        """Store one extraction result in one transaction; returns what happened.

        ``unchanged`` when the same text is stored under this id already; ``changed``
        replaces the older version's rows; ``new`` adds the document.
        """
        status = self.status_of(doc.id, text, {"published": doc.published, "outlet": doc.outlet,
                                              "title": doc.title, "url": doc.url})
        if status == "unchanged":
            return status
        if status == "updated":
            self._update_metadata(doc)
            self.replace_extraction(doc, text)
            return status
        with self.transaction() as c:
            if status == "changed":
                c.execute(
                    "INSERT OR IGNORE INTO document_versions (document_id, content_hash, text, ingested_at, replaced_at)"
                    " SELECT id, content_hash, text, ingested_at, ? FROM documents WHERE id = ?",
                    (datetime.now(UTC).isoformat(timespec="seconds"), doc.id),
                )
                c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
                c.execute("DELETE FROM documents_fts WHERE document_id = ?", (doc.id,))
                c.execute("DELETE FROM names_fts WHERE entity_id IN (SELECT id FROM entities WHERE document_id = ?)", (doc.id,))
            outlet_id = None
            outlet = doc.outlet or url_domain(doc.url)
            if outlet:
                outlet_id = stable_id("outlet", outlet.strip().lower())
                c.execute("INSERT OR IGNORE INTO outlets (id, name) VALUES (?, ?)", (outlet_id, outlet.strip()))
            c.execute(
                "INSERT INTO documents (id, content_hash, title, url, outlet_id, published, text, source,"
                " ingested_at, errors, extraction_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, content_hash(text), doc.title, doc.url, outlet_id, doc.published, text, source,
                 datetime.now(UTC).isoformat(timespec="seconds"), json.dumps(doc.errors),
                 doc.extraction_version),
            )
            c.execute("INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)", (doc.id, doc.title or "", text))
            self._mark_copy(c, doc.id, text)
            self._put_parts(c, doc)
        return status

    def _mark_copy(self, c: sqlite3.Connection, doc_id: str, text: str) -> None:
        """Record the document's MinHash and, when it copies a stored story, which one."""
        sig = dedupe.signature(text)
        keys = dedupe.bands(sig)
        candidates = {
            r[0]
            for band, key in enumerate(keys)
            for r in c.execute(
                "SELECT document_id FROM document_bands WHERE band = ? AND key = ? AND document_id != ?",
                (band, key, doc_id),
            )
        }
        best, best_sim = None, 0.0
        for cand in sorted(candidates):
            row = c.execute("SELECT minhash, copy_of FROM documents WHERE id = ?", (cand,)).fetchone()
            if row is None or row["minhash"] is None:
                continue
            sim = dedupe.similarity(sig, np.frombuffer(row["minhash"], dtype=np.uint64))
            if sim > best_sim:
                best, best_sim = (row["copy_of"] or cand), sim
        copy_of = best if best_sim >= dedupe.COPY_THRESHOLD else None
        c.execute(
            "UPDATE documents SET minhash = ?, copy_of = ?, copy_similarity = ? WHERE id = ?",
            (sig.tobytes(), copy_of, round(best_sim, 3) if copy_of else None, doc_id),
        )
        c.executemany(
            "INSERT OR IGNORE INTO document_bands (band, key, document_id) VALUES (?, ?, ?)",
            [(band, key, doc_id) for band, key in enumerate(keys)],
        )

    def _put_parts(self, c: sqlite3.Connection, doc: ExtractedDocument) -> None:
        for e in doc.entities:
            c.execute(
                "INSERT INTO entities (id, document_id, label, name, anonymous, descriptors, name_key, actor_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                # until resolution runs, an entity's actor is its grouping key
                (e.id, doc.id, e.label, e.name, int(e.anonymous), json.dumps(e.descriptors, ensure_ascii=False),
                 key := entity_key(e.label, e.name, e.anonymous, e.id), key),
            )
            c.executemany(
                "INSERT OR IGNORE INTO mentions (entity_id, document_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)",
                [(e.id, doc.id, m.start, m.end, m.text, m.kind) for m in e.mentions],
            )
            # the other names an article gives an entity, with where it says so
            c.executemany(
                "INSERT OR IGNORE INTO aliases (entity_id, document_id, alias, start, end) VALUES (?, ?, ?, ?, ?)",
                [(e.id, doc.id, m.text, m.start, m.end) for m in e.mentions if m.kind in ("alias", "acronym")],
            )
            names = {e.name} | {m.text for m in e.mentions if m.kind in ("name", "short", "acronym", "alias")}
            c.executemany("INSERT INTO names_fts (name, entity_id) VALUES (?, ?)", [(n, e.id) for n in sorted(names)])
        for a in doc.attributions:
            src = a.source
            c.execute(
                "INSERT INTO attributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, doc.id, a.kind, src.entity if src else None, src.text if src else None,
                 src.start if src else None, src.end if src else None, int(bool(src and src.anonymous)),
                 a.cue.start, a.cue.end, a.cue.text, a.content.start, a.content.end, a.content.text,
                 json.dumps(a.via), a.same_source_as, a.modality),
            )
        for s in doc.statements:
            c.execute(
                "INSERT INTO statements (id, document_id, subject_id, predicate, object_id, role, status,"
                " modality, valid_from, valid_to, time, attribution_id, evidence_start, evidence_end,"
                " evidence_text, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (s.id, doc.id, s.subject, s.predicate, s.object, s.role, s.status, s.modality, s.valid_from,
                 s.valid_to, s.time, s.attribution, s.evidence.start, s.evidence.end, s.evidence.text,
                 s.confidence, s.rule),
            )
        for ev in doc.events:
            interval = ev.interval or (None, None)
            c.execute(
                "INSERT INTO events (id, document_id, type, participants, place_id, time, interval_from,"
                " interval_to, topics, secret, modality, attribution_id, uncertain, evidence_start,"
                " evidence_end, evidence_text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ev.id, doc.id, ev.type, json.dumps(ev.participants), ev.place, ev.time, interval[0], interval[1],
                 json.dumps(ev.topics), int(ev.secret), ev.modality, ev.attribution, json.dumps(ev.uncertain),
                 ev.evidence.start, ev.evidence.end, ev.evidence.text, ev.confidence),
            )
        c.executemany(
            "INSERT OR IGNORE INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, t.start, t.end, t.text, t.type, t.value, *(t.interval or (None, None))) for t in doc.times],
        )

    def stats(self) -> Stats:
        """How much the store holds."""
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608

        first, last = self.conn.execute("SELECT min(published), max(published) FROM documents").fetchone()
        return Stats(
            documents=count("documents"), outlets=count("outlets"), entities=count("entities"),
            mentions=count("mentions"), statements=count("statements"), attributions=count("attributions"),
            events=count("events"), first_published=first, last_published=last,
            copies=int(self.conn.execute("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL").fetchone()[0]),
        )

    def copy_of(self, doc_id: str) -> str | None:
        """The document this one copies, when it is a syndicated copy or light rewrite."""
        row = self.conn.execute("SELECT copy_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["copy_of"] if row is not None else None

    def outlets(self) -> list[dict[str, Any]]:
        """Outlets with how many documents each, most first."""
        rows = self.conn.execute(
            "SELECT o.name, count(d.id) FROM outlets o LEFT JOIN documents d ON d.outlet_id = o.id "
            "GROUP BY o.id ORDER BY count(d.id) DESC, o.name"
        )
        return [{"outlet": r[0], "documents": r[1]} for r in rows]

    def integrity_ok(self) -> bool:
        """``PRAGMA integrity_check`` says ok."""
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
