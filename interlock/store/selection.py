"""The TEMP tables an export reads (``interlock.export.select``), built and read by the store.

``x_st`` (one row per kept statement), ``x_edges`` (one row per tie) and ``x_nodes`` (one
row per actor named) live on the store's connection for the length of one export, so that
every format reads the same rows in SQL order and nothing grows with the store in Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from interlock.store.named import Row

_TABLES = ("x_st", "x_edges", "x_nodes", "x_keep")


class SelectionTables:
    """The selection's TEMP tables on one store's connection."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.store._cursor(self.store._translate(sql), params)

    def drop(self) -> None:
        for table in _TABLES:
            self._run(f"DROP TABLE IF EXISTS {self.store.temp_schema}.{table}")

    def build(self, grade: tuple[str, int] | None, max_credibility: int | None, since: str | None,
              until: str | None) -> None:
        """``x_st`` from the statements at least ``grade`` (letter, number), of credibility at most
        ``max_credibility``, published in [since, until] (until a prefix: YYYY, YYYY-MM or a day)."""
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if grade is not None:
            # letters A-F and numbers 1-6 order as text: at least as good on both
            where.append("g.grade IS NOT NULL AND substr(g.grade, 1, 1) <= ? AND g.credibility <= ?")
            args += [grade[0], grade[1]]
        if max_credibility is not None:
            where.append("g.credibility <= ?")
            args.append(max_credibility)
        where_dates, date_args = _dates(since, until)
        where += where_dates
        args += date_args
        self.drop()
        self._run(
            "CREATE TEMP TABLE x_st AS SELECT s.id AS sid, s.document_id AS did, "
            "coalesce(se.actor_id, 'anon:' || se.id) AS skey, "
            "CASE WHEN s.object_id IS NULL THEN NULL ELSE coalesce(oe.actor_id, 'anon:' || oe.id) END AS okey, "
            "s.predicate, s.role, s.status, s.modality, s.valid_from, s.valid_to, s.time, d.published, "
            "g.grade, g.credibility, g.claim_id "
            "FROM statements s JOIN entities se ON se.id = s.subject_id "
            "LEFT JOIN entities oe ON oe.id = s.object_id "
            "JOIN documents d ON d.id = s.document_id "
            "LEFT JOIN statement_grades g ON g.statement_id = s.id "
            f"WHERE {' AND '.join(where)}",  # noqa: S608 - fixed clauses, values bound
            args,
        )

    def keep_only(self, keys: set[str]) -> None:
        """Leave in ``x_st`` the statements between the actors ``keys``."""
        self._run("CREATE TEMP TABLE x_keep (key TEXT PRIMARY KEY)")
        self.store._cursor_many(self.store._translate("INSERT INTO x_keep (key) VALUES (?)"), [(k,) for k in keys])
        self._run("DELETE FROM x_st WHERE skey NOT IN (SELECT key FROM x_keep) "
                  "OR (okey IS NOT NULL AND okey NOT IN (SELECT key FROM x_keep))")

    def neighbours(self, keys: list[str]) -> list[str]:
        """The actors one kept tie away from ``keys``."""
        marks = ",".join("?" * len(keys))
        return [r[0] for r in self._run(
            f"SELECT okey FROM x_st WHERE skey IN ({marks}) AND okey IS NOT NULL "  # noqa: S608
            f"UNION SELECT skey FROM x_st WHERE okey IN ({marks})", keys * 2)]

    def aggregate(self) -> None:
        """``x_edges`` and ``x_nodes`` from ``x_st``, nodes named from the actors (else their entities)."""
        self._run("CREATE INDEX x_st_doc ON x_st(did)")
        self._run(
            "CREATE TEMP TABLE x_edges AS SELECT skey, predicate, okey, count(*) AS statements, "
            "count(DISTINCT did) AS documents, max(claim_id) AS claim_id, min(valid_from) AS valid_from, "
            "max(valid_to) AS valid_to, min(published) AS first_reported, max(published) AS last_reported, "
            "group_concat(DISTINCT role) AS roles, group_concat(DISTINCT status) AS statuses, "
            "group_concat(DISTINCT modality) AS modalities "
            "FROM x_st WHERE okey IS NOT NULL AND okey != skey GROUP BY skey, predicate, okey"
        )
        self._run(
            "CREATE TEMP TABLE x_nodes AS SELECT key, sum(n) AS degree FROM ("
            "SELECT skey AS key, 1 AS n FROM x_edges UNION ALL SELECT okey, 1 FROM x_edges "
            "UNION ALL SELECT skey, 0 FROM x_st UNION ALL SELECT okey, 0 FROM x_st WHERE okey IS NOT NULL"
            ") u GROUP BY key"
        )
        self._run("CREATE UNIQUE INDEX x_nodes_key ON x_nodes(key)")
        for column in ("name", "label", "names", "kinds", "reference_id", "posts"):
            self._run(f"ALTER TABLE x_nodes ADD COLUMN {column} TEXT")
        self._run(
            "UPDATE x_nodes SET name = a.name, label = a.label, names = a.names, kinds = a.kinds, "
            "reference_id = a.reference_id FROM actors a WHERE a.id = x_nodes.key"
        )
        # actors resolution has not listed (an unresolved store, anonymous sources): their entities say
        self._run(
            "UPDATE x_nodes SET name = e.name, label = e.label FROM (SELECT actor_id, min(name) AS name, "
            "min(label) AS label FROM entities GROUP BY actor_id) e "
            "WHERE x_nodes.name IS NULL AND e.actor_id = x_nodes.key"
        )

    def named_nodes(self, after: str, limit: int) -> list[Row]:
        """(key, kinds) of named actors with keys after ``after``, in key order, ``limit`` at most."""
        return list(self._run("SELECT key, kinds FROM x_nodes WHERE key > ? AND key NOT LIKE 'anon:%' "
                              "ORDER BY key LIMIT ?", (after, limit)).fetchall())

    def set_kinds(self, updates: list[tuple[str, str]]) -> None:
        self.store._cursor_many(self.store._translate("UPDATE x_nodes SET kinds = ? WHERE key = ?"), updates)

    def posts(self) -> None:
        self._run(
            "UPDATE x_nodes SET posts = p.roles FROM (SELECT skey, group_concat(DISTINCT role) AS roles FROM x_st "
            "WHERE okey IS NULL AND role IS NOT NULL GROUP BY skey) p WHERE p.skey = x_nodes.key"
        )

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            return int(self._run(sql).fetchone()[0])

        return {
            "actors": one("SELECT count(*) FROM x_nodes"),
            "ties": one("SELECT count(*) FROM x_edges"),
            "statements": one("SELECT count(*) FROM x_st"),
            "documents": one("SELECT count(DISTINCT did) FROM x_st"),
        }

    def nodes(self) -> Iterator[Row]:
        yield from self._run("SELECT * FROM x_nodes ORDER BY key")

    def edges(self) -> Iterator[Row]:
        yield from self._run(
            "SELECT x.*, c.grade, c.credibility, c.letter, c.corroboration, c.reason, c.contradicted_by, "
            "sn.label AS source_label, sn.kinds AS source_kinds, tn.label AS target_label, tn.kinds AS target_kinds "
            "FROM x_edges x LEFT JOIN claims c ON c.id = x.claim_id JOIN x_nodes sn ON sn.key = x.skey "
            "JOIN x_nodes tn ON tn.key = x.okey ORDER BY x.skey, x.predicate, x.okey"
        )

    def statements(self, order: str) -> Iterator[Row]:
        yield from self._run(
            "SELECT x.*, s.evidence_text, s.evidence_start, s.evidence_end, s.attribution_id, "
            "s.confidence AS extraction_confidence, s.rule, "
            "d.title, d.url, d.copy_of, o.name AS outlet, o.reliability, g.reason AS grade_reason, "
            "g.attribution_type, g.origin, sn.name AS subject_name, onn.name AS object_name, "
            "sn.label AS subject_label, onn.label AS object_label, sn.kinds AS subject_kinds, "
            "onn.kinds AS object_kinds, sn.reference_id AS subject_ref, onn.reference_id AS object_ref, "
            "c.grade AS claim_grade, c.credibility AS claim_credibility, c.corroboration, c.origins, "
            "c.contradicted_by, c.reason AS claim_reason "
            "FROM x_st x JOIN statements s ON s.id = x.sid JOIN documents d ON d.id = x.did "
            "LEFT JOIN outlets o ON o.id = d.outlet_id LEFT JOIN statement_grades g ON g.statement_id = x.sid "
            "LEFT JOIN x_nodes sn ON sn.key = x.skey LEFT JOIN x_nodes onn ON onn.key = x.okey "
            "LEFT JOIN claims c ON c.id = x.claim_id "
            f"ORDER BY {order}"  # noqa: S608 - callers pass fixed orders
        )

    def documents(self) -> Iterator[Row]:
        yield from self._run(
            "SELECT d.id, d.title, d.url, d.published, d.copy_of, o.name AS outlet, o.reliability "
            "FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
            "WHERE d.id IN (SELECT did FROM x_st) ORDER BY d.id"
        )

    def positions(self) -> list[Row]:
        """Posts held (``holds_position`` and roles without an organisation), with the organisation's node."""
        return list(self._run(
            "SELECT DISTINCT x.role, x.okey, n.name, n.reference_id, n.label, n.kinds FROM x_st x "
            "LEFT JOIN x_nodes n ON n.key = x.okey "
            "WHERE x.predicate = 'holds_position' OR (x.okey IS NULL AND x.role IS NOT NULL) ORDER BY 1, 2"
        ).fetchall())

    def events(self, since: str | None, until: str | None) -> Iterator[Row]:
        where, args = _dates(since, until)
        yield from self._run(
            "SELECT e.*, d.published, d.title, d.url FROM events e JOIN documents d ON d.id = e.document_id "
            f"WHERE {' AND '.join(['1 = 1', *where])} ORDER BY e.id",  # noqa: S608
            args,
        )

    def event_participant(self, entity_id: str) -> Row | None:
        return self._run(
            "SELECT n.key, n.name, n.reference_id, n.label, n.kinds FROM entities e "
            "JOIN x_nodes n ON n.key = coalesce(e.actor_id, 'anon:' || e.id) WHERE e.id = ?", (entity_id,)).fetchone()

    def entity_name(self, entity_id: str) -> str | None:
        found = self._run("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return found[0] if found else None


def _dates(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if since is not None:
        where.append("d.published >= ?")
        args.append(since)
    if until is not None:
        where.append("substr(d.published, 1, ?) <= ?")
        args += [len(until), until]
    return where, args
