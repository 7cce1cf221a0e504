"""The PostgreSQL store: one database that several people and processes write at once.

Selected by ``--db postgresql://...`` (or ``INTERLOCK_DB``). It holds the same tables
as the SQLite store (``interlock/store/pg_schema.py``) and runs the same statements
(``interlock/store/base.py`` and the catalogue), translated once into PostgreSQL's
dialect by ``translate``. What differs:

- full-text search is PostgreSQL's own: a ``tsvector`` column with a GIN index, the
  FTS5-style query of ``interlock.query`` turned into ``phraseto_tsquery`` terms;
- ties are found as on SQLite, one indexed query round per step of a breadth-first search
  that meets the goal's own statements at the last step: at 1,000,000 statements its 3-hop
  search took a median 11.5 ms (p95 16.3) against 79.1 ms (p95 141.2) for the same paths by
  one recursive CTE, which walks every path from one side (bench/store.py, docs/scale.md);
- concurrent writers: each ``put`` holds a transaction-level advisory lock on the
  document's id, and reads its state inside that lock, so two ``interlock ingest``
  processes given the same document store it once; whole-store rewrites (resolution,
  grading) hold one store-wide advisory lock, so they run one after another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from interlock.model import ExtractedDocument
from interlock.store.base import QueryError, SQLStore, StoreError
from interlock.store.named import Row
from interlock.store.pg_schema import MIGRATIONS
from interlock.store.selection import SelectionTables
from interlock.store.sql import CATALOG

#: advisory lock key for whole-store rewrites (resolution, grading): "ILCK"
STORE_LOCK = 0x494C434B

#: the primary key of each table an ``INSERT OR REPLACE`` writes
_KEYS = {"statement_grades": "statement_id", "reference_entities": "id", "saved_views": "name",
         "outlet_registry": "id", "registry_outlets": "name"}
#: statements of the catalogue that PostgreSQL says its own way
OVERRIDES = {
    "views.exists": "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                    "AND table_name = 'saved_views'",
}

#: catalogue statements PostgreSQL runs in another form (SQLite's dialect, translated like the rest): its
#: statements table has no stored order (SQLite's rowid), so path search orders a statement by its id
REWRITES = {
    name: CATALOG[name].replace("s.rowid AS key", "s.id AS key")
    for name in ("vetting.edge_keys_by_subject", "vetting.edge_keys_by_object")
}


def is_address(spec: object) -> bool:
    """True when a ``--db`` value names a PostgreSQL database rather than a file."""
    return isinstance(spec, str) and spec.startswith(("postgresql://", "postgres://"))


class PgRow(tuple[Any, ...]):
    """A result row read as sqlite3.Row is: by position, by column name, ``keys()`` and ``dict(row)``."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> PgRow:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                key = self._index[key]
            except KeyError:
                raise IndexError(f"no column {key!r}") from None
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)
    return lambda values: PgRow(values, index)


_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)", re.I | re.S)


def translate(sql: str) -> str:
    """A statement in SQLite's dialect, as PostgreSQL says it."""
    out = sql.replace("%", "%%").replace("?", "%s")
    out = re.sub(r"(?<![\w\".])end(?![\w\"])|(?<=\.)end(?![\w\"])", '"end"', out)
    out = re.sub(r"group_concat\(DISTINCT ([\w.]+)\)", r"string_agg(DISTINCT \1, ',')", out)
    out = re.sub(r"\bLIKE\b", "ILIKE", out)
    out = re.sub(r"\browid\b", "seq", out)  # the order rows were stored in (an identity column here)
    m = _INSERT_OR.match(out)
    if m:
        how, table, columns = m.group(1).upper(), m.group(2), m.group(3)
        out = re.sub(r"^\s*INSERT\s+OR\s+\w+\s+INTO", "INSERT INTO", out, count=1, flags=re.I)
        if how == "IGNORE":
            out += " ON CONFLICT DO NOTHING"
        else:
            key = _KEYS[table]
            names = [c.strip().strip('"') for c in columns.split(",")]
            sets = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in names if c != key)
            out += f" ON CONFLICT ({key}) DO UPDATE SET {sets}"
    return out


def tsquery(fts: str) -> tuple[str, list[str]]:
    """An FTS5 query (quoted words and phrases, ``"abc"*`` prefixes, AND / OR / NOT, words side by
    side all matching) as a PostgreSQL tsquery expression and its parameters."""
    groups: list[list[str]] = [[]]
    params: list[str] = []
    negate = False
    for m in re.finditer(r'"([^"]*)"(\*)?|\b(AND|OR|NOT)\b', fts):
        if m.group(3) == "OR":
            groups.append([])
            continue
        if m.group(3) == "AND":
            continue
        if m.group(3) == "NOT":
            negate = True
            continue
        words = m.group(1)
        if m.group(2):
            stem = re.sub(r"[^\w]", "", words.lower())
            if not stem:
                continue
            params.append(stem + ":*")
            term = "to_tsquery('simple', %s)"
        else:
            params.append(words)
            term = "phraseto_tsquery('simple', %s)"
        groups[-1].append(f"!!{term}" if negate else term)
        negate = False
    parts = [" && ".join(g) for g in groups if g]
    if not parts:
        return "to_tsquery('simple', '')", []
    return " || ".join(f"({p})" for p in parts), params


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database, created and migrated on open."""

    backend = "postgresql"
    main_schema = "public"
    temp_schema = "pg_temp"
    min_confidence = 0.0
    readonly = False

    def __init__(self, address: str) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - the scale extra is not installed
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'interlock[scale]'") from None
        self._psycopg = psycopg
        self.path = _safe(address)
        try:
            self.conn = psycopg.connect(address, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the store {self.path}: {_one_line(exc)}") from None
        self.main_schema = str(self._one("SELECT current_schema()", []))
        self._depth = 0
        self._migrate()

    # -- connection ------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def _translate(self, sql: str) -> str:
        return translate(sql)

    def _catalogued(self, name: str) -> str:
        return REWRITES.get(name) or super()._catalogued(name)

    def _statement(self, name: str, lists: dict[str, int]) -> str:
        if name in OVERRIDES and not lists:
            return OVERRIDES[name]
        return super()._statement(name, lists)

    def _cursor(self, sql: str, params: Sequence[Any]) -> Any:
        try:
            return self.conn.execute(sql, list(params))
        except self._psycopg.errors.QueryCanceled as exc:
            raise StoreError(f"the store {self.path} took too long: {_one_line(exc)}") from None

    def _cursor_many(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        rows = [list(p) for p in seq]
        cur = self.conn.cursor()
        if rows:
            cur.executemany(sql, rows)
        return cur

    @contextmanager
    def transaction(self, exclusive: bool = False) -> Iterator[Any]:
        """One transaction (a savepoint inside another); ``exclusive`` holds the store-wide lock
        that whole-store rewrites (resolution, grading) take, so that they run one at a time."""
        with self.conn.transaction():
            self._depth += 1
            try:
                if exclusive:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])
                yield self.conn
            finally:
                self._depth -= 1

    def require_writable(self) -> None:
        return None

    def _table_exists(self, name: str) -> bool:
        return self._one("SELECT to_regclass(%s)", [name]) is not None

    def _one(self, sql: str, params: list[Any]) -> Any:
        found = self.conn.execute(sql, params).fetchone()
        return None if found is None else found[0]

    # -- schema ------------------------------------------------------------------------
    def versions(self) -> dict[str, int]:
        """Each subsystem's schema version in this store."""
        if not self._table_exists("schema_versions"):
            return {}
        return {r[0]: int(r[1]) for r in self.conn.execute("SELECT subsystem, version FROM schema_versions")}

    def _migrate(self) -> None:
        with self.conn.transaction():
            # one migrating process at a time; the others wait and then find nothing to do
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK + 1])
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_versions (subsystem TEXT PRIMARY KEY, "
                              "version INTEGER NOT NULL, at TEXT NOT NULL DEFAULT now()::text)")
            have = self.versions()
            for subsystem, steps in MIGRATIONS.items():
                known = steps[-1][0]
                if have.get(subsystem, 0) > known:
                    raise StoreError(
                        f"the store {self.path} has {subsystem} schema version {have[subsystem]}, newer than this "
                        f"Interlock knows ({known}); upgrade Interlock")
            for subsystem, steps in MIGRATIONS.items():
                for number, sql in steps:
                    if number <= have.get(subsystem, 0):
                        continue
                    try:
                        self.conn.execute(sql)
                    except self._psycopg.Error as exc:
                        raise StoreError(f"cannot migrate the store {self.path} ({subsystem} to version "
                                         f"{number}): {_one_line(exc)}") from None
                    self.conn.execute(
                        "INSERT INTO schema_versions (subsystem, version) VALUES (%s, %s) "
                        "ON CONFLICT (subsystem) DO UPDATE SET version = EXCLUDED.version, at = now()::text",
                        [subsystem, number])

    # -- writing ---------------------------------------------------------------------
    def put(self, doc: ExtractedDocument, text: str, source: str | None = None, configuration: bool = False) -> str:
        """As ``SQLStore.put``, under an advisory lock on the document's id: another process storing
        the same document waits, then finds it stored (``unchanged``)."""
        with self.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [doc.id])
            return super().put(doc, text, source, configuration)

    def replace_extraction(self, doc: ExtractedDocument, text: str) -> None:
        with self.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [doc.id])
            super().replace_extraction(doc, text)

    def _mark_copy(self, doc_id: str, text: str) -> None:
        """As ``SQLStore._mark_copy``, holding a lock on each LSH band key first (in one order, so no
        deadlock): of two near-duplicates stored at once, the later sees the earlier."""
        from interlock import dedupe

        keys = sorted(f"{band}:{key}" for band, key in enumerate(dedupe.bands(dedupe.signature(text))))
        for key in keys:
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 1))", [key])
        super()._mark_copy(doc_id, text)

    # -- reading ---------------------------------------------------------------------
    def read_confident(self, min_confidence: float) -> None:
        """Read only statements (and meetings) at least this likely right: TEMP views shadow the tables."""
        threshold = float(min_confidence)
        self.min_confidence = max(threshold, 0.0)
        self.conn.execute("DROP VIEW IF EXISTS pg_temp.statements")
        self.conn.execute("DROP VIEW IF EXISTS pg_temp.events")
        if threshold <= 0.0:
            return
        schema = self.main_schema
        self.conn.execute(f"CREATE TEMP VIEW statements AS SELECT * FROM {schema}.statements "
                          f"WHERE confidence >= {threshold!r}")
        self.conn.execute(f"CREATE TEMP VIEW events AS SELECT * FROM {schema}.events "
                          f"WHERE confidence >= {threshold!r}")

    def cache_for_search(self, kib: int) -> None:
        return None  # the server's shared buffers serve every connection

    def selection(self) -> SelectionTables:
        return SelectionTables(self)

    def integrity_ok(self) -> bool:
        return True

    def match_names(self, query: str, limit: int) -> list[Row]:
        expr, params = tsquery(query)
        try:
            return list(self.conn.execute(
                f"WITH q AS (SELECT {expr} AS q) SELECT e.actor_id, f.name FROM names_fts f CROSS JOIN q "
                "JOIN entities e ON e.id = f.entity_id WHERE f.tsv @@ q.q AND e.anonymous = 0 "
                "ORDER BY ts_rank(f.tsv, q.q) DESC, f.name LIMIT %s", [*params, limit]).fetchall())
        except self._psycopg.Error as exc:
            raise QueryError(_one_line(exc)) from None

    def match_documents(self, query: str) -> Iterator[Row]:
        expr, params = tsquery(query)
        try:
            rows = self.conn.execute(
                f"WITH q AS (SELECT {expr} AS q), hits AS (SELECT f.document_id, f.title, f.text, "
                "ts_rank(f.tsv, q.q) AS rank, q.q FROM documents_fts f, q WHERE f.tsv @@ q.q) "
                "SELECT h.document_id, h.title, ts_headline('simple', h.text, h.q, "
                "'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, "
                "FragmentDelimiter=…'), d.published, o.name FROM hits h JOIN documents d ON d.id = h.document_id "
                "LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY h.rank DESC, h.document_id", params).fetchall()
        except self._psycopg.Error as exc:
            raise QueryError(_one_line(exc)) from None
        yield from rows


def _safe(address: str) -> str:
    """The address without its password, to name the store in messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", address)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__

