"""What an export takes from the store: the statements the filters keep, their actors and ties.

The selection is materialised once in TEMP tables of the store's connection, so
that every format reads the same rows in SQL order and nothing grows with the
store in Python:

- ``x_st``: one row per kept statement, with its subject and object actor keys,
  its grade and claim;
- ``x_edges``: one row per tie, a (subject actor, predicate, object actor) with an
  object, aggregated over its statements (the grain of a claim);
- ``x_nodes``: one row per actor that a kept statement names, with its display
  name, label, spellings, kinds (as vetting computes them: ``interlock.vet.kinds``),
  posts without an organisation and degree.

An actor's key is ``entities.actor_id`` (written by resolution; anonymous sources
are ``anon:`` keys), the same key ``interlock show`` groups by.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from interlock.credibility.grades import parse as parse_grade
from interlock.errors import InterlockError
from interlock.store import SQLiteStore

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: Admiralty credibility number -> STIX 2.1 confidence (specification, appendix A, "Admiralty
#: Credibility"): 1 confirmed 90, 2 probably true 70, 3 possibly true 50, 4 doubtful 30,
#: 5 improbable 10; 6 (truth cannot be judged) has no confidence value: the property is left out
STIX_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}


class ExportError(InterlockError):
    "An export cannot be made as asked"


def confidence(credibility: int | None) -> int | None:
    """The STIX confidence (0-100) of an Admiralty credibility number, None for 6 or unknown."""
    return STIX_CONFIDENCE.get(credibility) if credibility is not None else None


def credibility_of(value: int) -> int:
    """The Admiralty credibility number a STIX confidence maps back to (the specification's ranges)."""
    if not 0 <= value <= 100:
        raise ExportError(f"confidence {value} is not on the STIX scale 0-100")
    for low, number in ((80, 1), (60, 2), (40, 3), (20, 4)):
        if value >= low:
            return number
    return 5


@dataclass
class Filters:
    """What to keep; every field None (or hops 1) keeps everything."""

    min_grade: str | None = None
    #: on the STIX scale 0-100, from the Admiralty credibility (the extractor's own 0-1 confidence is
    #: the store's, applied by ``SQLiteStore.read_confident`` before the selection reads it)
    min_stix_confidence: int | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    hops: int = 1

    def check(self) -> None:
        """A clear error for a filter that cannot be applied, before any work."""
        if self.min_grade is not None:
            parse_grade(self.min_grade)
        if self.min_stix_confidence is not None and not 0 <= self.min_stix_confidence <= 100:
            raise ExportError(f"--min-stix-confidence {self.min_stix_confidence} is not on the STIX scale 0-100")
        for name, value in (("--since", self.since), ("--until", self.until)):
            if value is not None and not _is_date(value):
                raise ExportError(f"{name} {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")
        if self.hops < 0:
            raise ExportError("--hops must be 0 or more")
        if self.actor is None and self.hops != 1:
            raise ExportError("--hops needs --actor NAME")

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and not (k == "hops" and self.actor is None)}


class Selection:
    """The rows an export writes, in TEMP tables of ``store``'s connection (see the module doc)."""

    def __init__(self, store: SQLiteStore, filters: Filters | None = None) -> None:
        self.store = store
        self.filters = filters or Filters()
        self.filters.check()
        self.c = store.conn
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        f = self.filters
        where: list[str] = ["1"]
        args: list[Any] = []
        if f.min_grade is not None:
            letter, number = parse_grade(f.min_grade)
            # letters A-F and numbers 1-6 order as text: at least as good on both
            where.append("g.grade IS NOT NULL AND substr(g.grade, 1, 1) <= ? AND g.credibility <= ?")
            args += [letter, number]
        if f.min_stix_confidence is not None:
            where.append("g.credibility <= ?")
            args.append(credibility_of(f.min_stix_confidence))
        if f.since is not None:
            where.append("d.published >= ?")
            args.append(f.since)
        if f.until is not None:
            where.append("substr(d.published, 1, ?) <= ?")
            args += [len(f.until), f.until]
        c = self.c
        for table in ("x_st", "x_edges", "x_nodes", "x_keep"):
            c.execute(f"DROP TABLE IF EXISTS temp.{table}")
        c.execute(
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
        if f.actor is not None:
            keep = self._neighbourhood(f.actor, f.hops)
            c.execute("CREATE TEMP TABLE x_keep (key TEXT PRIMARY KEY)")
            c.executemany("INSERT INTO x_keep VALUES (?)", [(k,) for k in keep])
            c.execute("DELETE FROM x_st WHERE skey NOT IN (SELECT key FROM x_keep) "
                      "OR (okey IS NOT NULL AND okey NOT IN (SELECT key FROM x_keep))")
        c.execute("CREATE INDEX temp.x_st_doc ON x_st(did)")
        c.execute(
            "CREATE TEMP TABLE x_edges AS SELECT skey, predicate, okey, count(*) AS statements, "
            "count(DISTINCT did) AS documents, max(claim_id) AS claim_id, min(valid_from) AS valid_from, "
            "max(valid_to) AS valid_to, min(published) AS first_reported, max(published) AS last_reported, "
            "group_concat(DISTINCT role) AS roles, group_concat(DISTINCT status) AS statuses, "
            "group_concat(DISTINCT modality) AS modalities "
            "FROM x_st WHERE okey IS NOT NULL AND okey != skey GROUP BY skey, predicate, okey"
        )
        c.execute(
            "CREATE TEMP TABLE x_nodes AS SELECT key, sum(n) AS degree FROM ("
            "SELECT skey AS key, 1 AS n FROM x_edges UNION ALL SELECT okey, 1 FROM x_edges "
            "UNION ALL SELECT skey, 0 FROM x_st UNION ALL SELECT okey, 0 FROM x_st WHERE okey IS NOT NULL"
            ") GROUP BY key"
        )
        c.execute("CREATE UNIQUE INDEX temp.x_nodes_key ON x_nodes(key)")
        for column in ("name", "label", "names", "kinds", "reference_id", "posts"):
            c.execute(f"ALTER TABLE x_nodes ADD COLUMN {column} TEXT")
        c.execute(
            "UPDATE x_nodes SET name = a.name, label = a.label, names = a.names, kinds = a.kinds, "
            "reference_id = a.reference_id FROM actors a WHERE a.id = x_nodes.key"
        )
        # actors resolution has not listed (an unresolved store, anonymous sources): their entities say
        c.execute(
            "UPDATE x_nodes SET name = e.name, label = e.label FROM (SELECT actor_id, min(name) AS name, "
            "min(label) AS label FROM entities GROUP BY actor_id) e "
            "WHERE x_nodes.name IS NULL AND e.actor_id = x_nodes.key"
        )
        self._kinds()
        c.execute(
            "UPDATE x_nodes SET posts = p.roles FROM (SELECT skey, group_concat(DISTINCT role) AS roles FROM x_st "
            "WHERE okey IS NULL AND role IS NOT NULL GROUP BY skey) p WHERE p.skey = x_nodes.key"
        )

    def _kinds(self, chunk: int = 2000) -> None:
        """Each named actor's kinds as vetting sees them (what the articles call it, the outlet registry,
        hand tags: ``interlock.vet.kinds``), added to those resolution stored, a chunk of actors at a time."""
        from interlock.vet.kinds import KindIndex

        last = 0
        while True:
            rows = self.c.execute("SELECT rowid, key, kinds FROM x_nodes WHERE rowid > ? AND key NOT LIKE 'anon:%' "
                                  "ORDER BY rowid LIMIT ?", (last, chunk)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            found = KindIndex(self.store).kinds([r[1] for r in rows])
            updates = []
            for _, key, stored in rows:
                if found.get(key):
                    kinds = list(dict.fromkeys([*(json.loads(stored) if stored else []), *sorted(found[key])]))
                    updates.append((json.dumps(kinds), key))
            self.c.executemany("UPDATE x_nodes SET kinds = ? WHERE key = ?", updates)

    def _neighbourhood(self, name: str, hops: int) -> set[str]:
        """The actor NAME and every actor at most ``hops`` kept ties away from it."""
        from interlock.query import find_actor

        start = find_actor(self.store, name)
        keep, frontier = {start}, {start}
        for _ in range(hops):
            found: set[str] = set()
            for part in _chunks(sorted(frontier)):
                marks = ",".join("?" * len(part))
                for (other,) in self.c.execute(
                    f"SELECT okey FROM x_st WHERE skey IN ({marks}) AND okey IS NOT NULL "  # noqa: S608
                    f"UNION SELECT skey FROM x_st WHERE okey IN ({marks})",
                    part * 2,
                ):
                    if other not in keep:
                        found.add(other)
            keep |= found
            frontier = found
            if not frontier:
                break
        return keep

    # -- reading ------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        one = self.c.execute
        return {
            "actors": one("SELECT count(*) FROM x_nodes").fetchone()[0],
            "ties": one("SELECT count(*) FROM x_edges").fetchone()[0],
            "statements": one("SELECT count(*) FROM x_st").fetchone()[0],
            "documents": one("SELECT count(DISTINCT did) FROM x_st").fetchone()[0],
        }

    def nodes(self) -> Iterator[dict[str, Any]]:
        """Each actor: key, name, label, names (list), kinds (list), posts (list), degree, reference_id."""
        for r in self.c.execute("SELECT * FROM x_nodes ORDER BY key"):
            name = r["name"] or r["key"]
            names = json.loads(r["names"]) if r["names"] else [name]
            yield {"key": r["key"], "name": name, "label": r["label"] or "ORG", "names": names,
                   "kinds": json.loads(r["kinds"]) if r["kinds"] else [],
                   "posts": sorted(set(r["posts"].split(","))) if r["posts"] else [],
                   "degree": r["degree"], "reference_id": r["reference_id"],
                   "anonymous": r["key"].startswith("anon:")}

    def edges(self) -> Iterator[dict[str, Any]]:
        """Each tie with its claim's grade, confidence and corroboration, dates and statement counts."""
        for r in self.c.execute(
            "SELECT x.*, c.grade, c.credibility, c.letter, c.corroboration, c.reason, c.contradicted_by, "
            "sn.label AS source_label, sn.kinds AS source_kinds, tn.label AS target_label, tn.kinds AS target_kinds "
            "FROM x_edges x LEFT JOIN claims c ON c.id = x.claim_id JOIN x_nodes sn ON sn.key = x.skey "
            "JOIN x_nodes tn ON tn.key = x.okey ORDER BY x.skey, x.predicate, x.okey"
        ):
            contradicted = json.loads(r["contradicted_by"]) if r["contradicted_by"] else []
            yield {"source": r["skey"], "target": r["okey"], "predicate": r["predicate"],
                   "claim": r["claim_id"], "grade": r["grade"], "letter": r["letter"],
                   "credibility": r["credibility"], "confidence": confidence(r["credibility"]),
                   "corroboration": r["corroboration"], "reason": r["reason"], "contradicted_by": contradicted,
                   "statements": r["statements"], "documents": r["documents"],
                   "valid_from": r["valid_from"], "valid_to": r["valid_to"],
                   "first_reported": r["first_reported"], "last_reported": r["last_reported"],
                   "roles": _split(r["roles"]), "statuses": _split(r["statuses"]),
                   "modalities": _split(r["modalities"]),
                   "source_label": r["source_label"], "target_label": r["target_label"],
                   "source_kinds": json.loads(r["source_kinds"]) if r["source_kinds"] else [],
                   "target_kinds": json.loads(r["target_kinds"]) if r["target_kinds"] else []}

    def statements(self, order: str = "x.sid") -> Iterator[dict[str, Any]]:
        """Each kept statement with its evidence, document, outlet and grade, in ``order``."""
        for r in self.c.execute(
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
        ):
            yield dict(r)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Each document a kept statement (or a kept event) comes from."""
        for r in self.c.execute(
            "SELECT d.id, d.title, d.url, d.published, d.copy_of, o.name AS outlet, o.reliability "
            "FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id "
            "WHERE d.id IN (SELECT did FROM x_st) ORDER BY d.id"
        ):
            yield dict(r)

    def events(self) -> Iterator[dict[str, Any]]:
        """Events (meetings, ...) whose participants are all kept actors, in kept documents' dates.

        Events carry no grade: ``--min-grade`` and ``--min-stix-confidence`` leave them out.
        """
        f = self.filters
        if f.min_grade is not None or f.min_stix_confidence is not None:
            return
        where: list[str] = ["1"]
        args: list[Any] = []
        if f.since is not None:
            where.append("d.published >= ?")
            args.append(f.since)
        if f.until is not None:
            where.append("substr(d.published, 1, ?) <= ?")
            args += [len(f.until), f.until]
        rows = self.c.execute(
            "SELECT e.*, d.published, d.title, d.url FROM events e JOIN documents d ON d.id = e.document_id "
            f"WHERE {' AND '.join(where)} ORDER BY e.id",  # noqa: S608
            args,
        )
        for r in rows:
            ids = json.loads(r["participants"])
            keys = []
            for entity in ids:
                found = self.c.execute(
                    "SELECT n.key, n.name, n.reference_id, n.label, n.kinds FROM entities e JOIN x_nodes n ON n.key = coalesce(e.actor_id, 'anon:' || e.id) "
                    "WHERE e.id = ?", (entity,)).fetchone()
                if found is not None:
                    keys.append(dict(found))
            if len(keys) < 2 or len(keys) < len(ids):
                continue
            place = None
            if r["place_id"]:
                p = self.c.execute("SELECT name FROM entities WHERE id = ?", (r["place_id"],)).fetchone()
                place = p[0] if p else None
            yield {"id": r["id"], "type": r["type"], "document": r["document_id"], "published": r["published"],
                   "participants": keys, "place": place, "time": r["time"], "from": r["interval_from"],
                   "to": r["interval_to"], "secret": bool(r["secret"]), "modality": r["modality"],
                   "evidence": r["evidence_text"]}

    def close(self) -> None:
        for table in ("x_st", "x_edges", "x_nodes", "x_keep"):
            self.c.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts: list[int] = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _split(value: str | None) -> list[str]:
    return sorted(set(value.split(","))) if value else []


def _chunks(items: list[str], size: int = 400) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def iso_date(value: str | None) -> str | None:
    """A TIMEX value cut to the ISO date it names (YYYY, YYYY-MM or YYYY-MM-DD), else None."""
    if not value:
        return None
    m = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value)
    return m.group(0) if m else None
