"""What both stores share: documents in and out, one transaction per document, in portable SQL.

A backend (``SQLiteStore``, ``PostgresStore``) gives the connection, transactions,
migrations, full-text search and ``_translate`` (its dialect of the SQLite-flavoured
statements written here and in the catalogue, ``interlock/store/sql/``). Writes never run
NLP and extractors never write: ``put`` takes an ``ExtractedDocument`` and the text it came
from. A document whose id is already stored with the same text is left alone
(``unchanged``), so storing a batch twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Self
from urllib.parse import urlsplit

import numpy as np

from interlock import dedupe
from interlock.errors import InterlockError
from interlock.model import ExtractedDocument, stable_id
from interlock.names import name_key
from interlock.store.named import NamedQueries, Row
from interlock.store.selection import SelectionTables


class StoreError(InterlockError):
    "The store cannot be opened or written"


class QueryError(StoreError):
    "The store cannot answer the question as asked (a search in a form it cannot parse)"


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


class SQLStore(NamedQueries):
    """Documents and their extraction, written and read the same way on every backend."""

    path: Any
    #: the schema of the stored tables, past any TEMP view that shadows them (``read_confident``)
    main_schema = "main"

    #: where TEMP tables live (``interlock.store.selection``)
    temp_schema = "temp"
    #: the confidence floor reads are held to (``read_confident``); 0 reads everything
    min_confidence = 0.0
    readonly: bool = False
    backend = ""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what each backend gives ---------------------------------------------------------
    def close(self) -> None:
        raise NotImplementedError

    def transaction(self, exclusive: bool = False) -> AbstractContextManager[Any]:
        """One write transaction; ``exclusive`` for whole-store rewrites (resolution, grading)."""
        raise NotImplementedError

    def require_writable(self) -> None:
        raise NotImplementedError

    def read_confident(self, min_confidence: float) -> None:
        raise NotImplementedError

    def match_names(self, query: str, limit: int) -> list[Row]:
        raise NotImplementedError

    def match_documents(self, query: str) -> Iterator[Row]:
        raise NotImplementedError

    def cache_for_search(self, kib: int) -> None:
        raise NotImplementedError

    def selection(self) -> SelectionTables:
        raise NotImplementedError

    def integrity_ok(self) -> bool:
        raise NotImplementedError

    def _table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement of the store's own, in the backend's dialect."""
        return self._cursor(self._translate(sql), params)

    def _xmany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        return self._cursor_many(self._translate(sql), seq)

    def sql(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of one statement in SQLite's dialect, translated: for tests and one-off inspection.
        Interlock's own code never calls it (tests/test_store_owns_sql.py): it runs the catalogue."""
        cur = self._x(statement, params)
        return list(cur.fetchall()) if cur.description is not None else []

    #: a table whose one row says that documents were stored but resolution and grading not finished
    _PENDING = "refresh_pending"

    def refresh_pending(self) -> bool:
        """True when a run stored documents and was stopped before resolution and grading finished."""
        if not self._table_exists(self._PENDING):
            return False
        return self._x(f"SELECT count(*) FROM {self._PENDING}").fetchone()[0] > 0

    def mark_refresh_pending(self, why: str) -> None:
        """Leave the marker that ``refresh`` clears (committed before the documents it covers)."""
        with self.transaction():
            self._x(f"CREATE TABLE IF NOT EXISTS {self._PENDING} (since TEXT NOT NULL, why TEXT NOT NULL)")
            if self._x(f"SELECT count(*) FROM {self._PENDING}").fetchone()[0] == 0:
                self._x(f"INSERT INTO {self._PENDING} (since, why) VALUES (?, ?)",
                          (datetime.now(UTC).isoformat(timespec="seconds"), why))

    def clear_refresh_pending(self) -> None:
        if self.refresh_pending():
            with self.transaction():
                self._x(f"DELETE FROM {self._PENDING}")

    def status_of(self, doc_id: str, text: str, meta: dict[str, Any] | None = None) -> str:
        """``new``, ``unchanged`` (same id and text), ``changed`` (same id, new text) or
        ``updated`` (same text, but ``meta`` gives a publication date, outlet, title or URL
        other than the stored one: "the date was given later", "the outlet was corrected")."""
        row = self._x(
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
        rows = self._x(
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
        with self.transaction():
            if doc.published:
                self._x("UPDATE documents SET published = ? WHERE id = ?", (doc.published, doc.id))
            if doc.title:
                self._x("UPDATE documents SET title = ? WHERE id = ?", (doc.title, doc.id))
                self._x("UPDATE documents_fts SET title = ? WHERE document_id = ?", (doc.title, doc.id))
            if doc.url:
                self._x("UPDATE documents SET url = ? WHERE id = ?", (doc.url, doc.id))
            if doc.outlet and doc.outlet.strip():
                outlet_id = stable_id("outlet", doc.outlet.strip().lower())
                self._x("INSERT OR IGNORE INTO outlets (id, name) VALUES (?, ?)", (outlet_id, doc.outlet.strip()))
                self._x("UPDATE documents SET outlet_id = ? WHERE id = ?", (outlet_id, doc.id))

    def extracted_counts(self) -> dict[str, int]:
        """Rows of each extracted table, whatever their confidence."""
        return {
            table: int(self._x(f"SELECT count(*) FROM {self.main_schema}.{table}").fetchone()[0])
            for table in ("statements", "events", "attributions", "entities")
        }

    def replace_extraction(self, doc: ExtractedDocument, text: str) -> None:
        """Replace a stored document's extracted rows with a new extraction of the same text,
        in one transaction; the document keeps its id, source and time of ingest."""
        with self.transaction():
            row = self._x("SELECT source, ingested_at FROM documents WHERE id = ?", (doc.id,)).fetchone()
            if row is None:
                raise StoreError(f"no document {doc.id!r} in {self.path}")
            self._x("DELETE FROM names_fts WHERE entity_id IN (SELECT id FROM entities WHERE document_id = ?)",
                      (doc.id,))
            for table in ("statements", "events", "attributions", "times", "entities"):
                self._x(f"DELETE FROM {self.main_schema}.{table} WHERE document_id = ?", (doc.id,))
            self._x("UPDATE documents SET extraction_version = ?, errors = ? WHERE id = ?",
                      (doc.extraction_version, json.dumps(doc.errors), doc.id))
            self._put_parts(doc)

    def put(self, doc: ExtractedDocument, text: str, source: str | None = None, configuration: bool = False) -> str:
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
        with self.transaction():
            if status == "changed":
                self._x(
                    "INSERT OR IGNORE INTO document_versions (document_id, content_hash, text, ingested_at, replaced_at)"
                    " SELECT id, content_hash, text, ingested_at, ? FROM documents WHERE id = ?",
                    (datetime.now(UTC).isoformat(timespec="seconds"), doc.id),
                )
                self._x("DELETE FROM documents WHERE id = ?", (doc.id,))
                self._x("DELETE FROM documents_fts WHERE document_id = ?", (doc.id,))
                self._x("DELETE FROM names_fts WHERE entity_id IN (SELECT id FROM entities WHERE document_id = ?)", (doc.id,))
            outlet_id = None
            outlet = doc.outlet or url_domain(doc.url)
            if outlet:
                outlet_id = stable_id("outlet", outlet.strip().lower())
                self._x("INSERT OR IGNORE INTO outlets (id, name) VALUES (?, ?)", (outlet_id, outlet.strip()))
            self._x(
                "INSERT INTO documents (id, content_hash, title, url, outlet_id, published, text, source,"
                " ingested_at, errors, extraction_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, content_hash(text), doc.title, doc.url, outlet_id, doc.published, text, source,
                 datetime.now(UTC).isoformat(timespec="seconds"), json.dumps(doc.errors),
                 doc.extraction_version),
            )
            if not configuration:  # configuration (the outlet registry) is neither searched nor deduplicated
                self._x("INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)",
                        (doc.id, doc.title or "", text))
                self._mark_copy(doc.id, text)
            self._put_parts(doc)
        return status

    def _mark_copy(self, doc_id: str, text: str) -> None:
        """Record the document's MinHash and, when it copies a stored story, which one."""
        sig = dedupe.signature(text)
        keys = dedupe.bands(sig)
        candidates = {
            r[0]
            for band, key in enumerate(keys)
            for r in self._x(
                "SELECT document_id FROM document_bands WHERE band = ? AND key = ? AND document_id != ?",
                (band, key, doc_id),
            )
        }
        best, best_sim = None, 0.0
        for cand in sorted(candidates):
            row = self._x("SELECT minhash, copy_of FROM documents WHERE id = ?", (cand,)).fetchone()
            if row is None or row["minhash"] is None:
                continue
            sim = dedupe.similarity(sig, np.frombuffer(row["minhash"], dtype=np.uint64))
            if sim > best_sim:
                best, best_sim = (row["copy_of"] or cand), sim
        copy_of = best if best_sim >= dedupe.COPY_THRESHOLD else None
        self._x(
            "UPDATE documents SET minhash = ?, copy_of = ?, copy_similarity = ? WHERE id = ?",
            (sig.tobytes(), copy_of, round(best_sim, 3) if copy_of else None, doc_id),
        )
        self._xmany(
            "INSERT OR IGNORE INTO document_bands (band, key, document_id) VALUES (?, ?, ?)",
            [(band, key, doc_id) for band, key in enumerate(keys)],
        )

    def _put_parts(self, doc: ExtractedDocument) -> None:
        for e in doc.entities:
            self._x(
                "INSERT INTO entities (id, document_id, label, name, anonymous, descriptors, name_key, actor_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                # until resolution runs, an entity's actor is its grouping key
                (e.id, doc.id, e.label, e.name, int(e.anonymous), json.dumps(e.descriptors, ensure_ascii=False),
                 key := entity_key(e.label, e.name, e.anonymous, e.id), key),
            )
            self._xmany(
                "INSERT OR IGNORE INTO mentions (entity_id, document_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)",
                [(e.id, doc.id, m.start, m.end, m.text, m.kind) for m in e.mentions],
            )
            # the other names an article gives an entity, with where it says so
            self._xmany(
                "INSERT OR IGNORE INTO aliases (entity_id, document_id, alias, start, end) VALUES (?, ?, ?, ?, ?)",
                [(e.id, doc.id, m.text, m.start, m.end) for m in e.mentions if m.kind in ("alias", "acronym")],
            )
            names = {e.name} | {m.text for m in e.mentions if m.kind in ("name", "short", "acronym", "alias")}
            self._xmany("INSERT INTO names_fts (name, entity_id) VALUES (?, ?)", [(n, e.id) for n in sorted(names)])
        for a in doc.attributions:
            src = a.source
            self._x(
                "INSERT INTO attributions (id, document_id, kind, source_entity_id, source_text, source_start,"
                " source_end, anonymous, cue_start, cue_end, cue_text, content_start, content_end, content_text,"
                " via, same_source_as, modality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, doc.id, a.kind, src.entity if src else None, src.text if src else None,
                 src.start if src else None, src.end if src else None, int(bool(src and src.anonymous)),
                 a.cue.start, a.cue.end, a.cue.text, a.content.start, a.content.end, a.content.text,
                 json.dumps(a.via), a.same_source_as, a.modality),
            )
        for s in doc.statements:
            self._x(
                "INSERT INTO statements (id, document_id, subject_id, predicate, object_id, role, status,"
                " modality, valid_from, valid_to, time, attribution_id, evidence_start, evidence_end,"
                " evidence_text, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (s.id, doc.id, s.subject, s.predicate, s.object, s.role, s.status, s.modality,
                 *_stated_times(s.time_basis, s.valid_from, s.valid_to, s.time),
                 s.attribution, s.evidence.start, s.evidence.end, s.evidence.text, s.confidence, s.rule),
            )
        for ev in doc.events:
            interval = ev.interval or (None, None)
            if ev.time_basis is not None:
                interval = (None, None)
            self._x(
                "INSERT INTO events (id, document_id, type, participants, place_id, time, interval_from,"
                " interval_to, topics, secret, modality, attribution_id, uncertain, evidence_start,"
                " evidence_end, evidence_text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ev.id, doc.id, ev.type, json.dumps(ev.participants), ev.place,
                 ev.time if ev.time_basis is None else None, interval[0], interval[1],
                 json.dumps(ev.topics), int(ev.secret), ev.modality, ev.attribution, json.dumps(ev.uncertain),
                 ev.evidence.start, ev.evidence.end, ev.evidence.text, ev.confidence),
            )
        self._xmany(
            "INSERT OR IGNORE INTO times (document_id, start, end, text, type, value, interval_from, interval_to)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, t.start, t.end, t.text, t.type, t.value, *(t.interval or (None, None))) for t in doc.times],
        )

    def stats(self) -> Stats:
        """How much the store holds."""
        def count(table: str) -> int:
            return int(self._x(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608

        first, last = self._x("SELECT min(published), max(published) FROM documents").fetchone()
        return Stats(
            documents=count("documents"), outlets=count("outlets"), entities=count("entities"),
            mentions=count("mentions"), statements=count("statements"), attributions=count("attributions"),
            events=count("events"), first_published=first, last_published=last,
            copies=int(self._x("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL").fetchone()[0]),
        )

    def copy_of(self, doc_id: str) -> str | None:
        """The document this one copies, when it is a syndicated copy or light rewrite."""
        row = self._x("SELECT copy_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["copy_of"] if row is not None else None

    def outlets(self) -> list[dict[str, Any]]:
        """Outlets with how many documents each, most first."""
        rows = self._x(
            "SELECT o.name, count(d.id) FROM outlets o LEFT JOIN documents d ON d.outlet_id = o.id "
            "GROUP BY o.id ORDER BY count(d.id) DESC, o.name"
        )
        return [{"outlet": r[0], "documents": r[1]} for r in rows]



def _stated_times(basis: str | None, valid_from: str | None, valid_to: str | None,
                  time: str | None) -> tuple[str | None, str | None, str | None]:
    """A statement's (valid_from, valid_to, time) as the store keeps them: a time the text does
    not give (the week of publication) is not stored, for every reader of the store already
    dates an undated fact by its article and says so ("published" precision)."""
    return (None, None, None) if basis is not None else (valid_from, valid_to, time)
