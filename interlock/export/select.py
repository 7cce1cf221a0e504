"""What an export takes from the store: the statements the filters keep, their actors and ties.

The selection is materialised once in TEMP tables of the store's connection
(``interlock.store.selection``), so
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
from interlock.store import Store

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

    def __init__(self, store: Store, filters: Filters | None = None) -> None:
        self.store = store
        self.filters = filters or Filters()
        self.filters.check()
        self.tables = store.selection()
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        f = self.filters
        grade = parse_grade(f.min_grade) if f.min_grade is not None else None
        credibility = credibility_of(f.min_stix_confidence) if f.min_stix_confidence is not None else None
        self.tables.build(grade, credibility, f.since, f.until)
        if f.actor is not None:
            self.tables.keep_only(self._neighbourhood(f.actor, f.hops))
        self.tables.aggregate()
        self._kinds()
        self.tables.posts()

    def _kinds(self, chunk: int = 2000) -> None:
        """Each named actor's kinds as vetting sees them (what the articles call it, the outlet registry,
        hand tags: ``interlock.vet.kinds``), added to those resolution stored, a chunk of actors at a time."""
        from interlock.vet.kinds import KindIndex

        last = ""
        while True:
            rows = self.tables.named_nodes(last, chunk)
            if not rows:
                return
            last = rows[-1][0]
            found = KindIndex(self.store).kinds([r[0] for r in rows])
            updates = []
            for key, stored in rows:
                if found.get(key):
                    kinds = list(dict.fromkeys([*(json.loads(stored) if stored else []), *sorted(found[key])]))
                    updates.append((json.dumps(kinds), key))
            self.tables.set_kinds(updates)

    def _neighbourhood(self, name: str, hops: int) -> set[str]:
        """The actor NAME and every actor at most ``hops`` kept ties away from it."""
        from interlock.query import chunks, find_actor

        start = find_actor(self.store, name)
        keep, frontier = {start}, {start}
        for _ in range(hops):
            found: set[str] = set()
            # 400: the look-up binds each key twice, 800 parameters, under the 999 SQLite allowed before 3.32
            for part in chunks(sorted(frontier), 400):
                for other in self.tables.neighbours(part):
                    if other not in keep:
                        found.add(other)
            keep |= found
            frontier = found
            if not frontier:
                break
        return keep

    # -- reading ------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return self.tables.counts()

    def nodes(self) -> Iterator[dict[str, Any]]:
        """Each actor: key, name, label, names (list), kinds (list), posts (list), degree, reference_id."""
        for r in self.tables.nodes():
            name = r["name"] or r["key"]
            names = json.loads(r["names"]) if r["names"] else [name]
            yield {"key": r["key"], "name": name, "label": r["label"] or "ORG", "names": names,
                   "kinds": json.loads(r["kinds"]) if r["kinds"] else [],
                   "posts": sorted(set(r["posts"].split(","))) if r["posts"] else [],
                   "degree": int(r["degree"]), "reference_id": r["reference_id"],
                   "anonymous": r["key"].startswith("anon:")}

    def edges(self) -> Iterator[dict[str, Any]]:
        """Each tie with its claim's grade, confidence and corroboration, dates and statement counts."""
        for r in self.tables.edges():
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
        for r in self.tables.statements(order):
            yield dict(r)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Each document a kept statement (or a kept event) comes from."""
        for r in self.tables.documents():
            yield dict(r)

    def positions(self) -> list[Any]:
        """Posts held, with the organisation's node (role, okey, name, reference_id, label, kinds)."""
        return self.tables.positions()

    def events(self) -> Iterator[dict[str, Any]]:
        """Events (meetings, ...) whose participants are all kept actors, in kept documents' dates.

        Events carry no grade: ``--min-grade`` and ``--min-stix-confidence`` leave them out.
        """
        f = self.filters
        if f.min_grade is not None or f.min_stix_confidence is not None:
            return
        for r in self.tables.events(f.since, f.until):
            ids = json.loads(r["participants"])
            keys = []
            for entity in ids:
                found = self.tables.event_participant(entity)
                if found is not None:
                    keys.append(dict(found))
            if len(keys) < 2 or len(keys) < len(ids):
                continue
            place = self.tables.entity_name(r["place_id"]) if r["place_id"] else None
            yield {"id": r["id"], "type": r["type"], "document": r["document_id"], "published": r["published"],
                   "participants": keys, "place": place, "time": r["time"], "from": r["interval_from"],
                   "to": r["interval_to"], "secret": bool(r["secret"]), "modality": r["modality"],
                   "evidence": r["evidence_text"]}

    def close(self) -> None:
        self.tables.drop()


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


def iso_date(value: str | None) -> str | None:
    """A TIMEX value cut to the ISO date it names (YYYY, YYYY-MM or YYYY-MM-DD), else None."""
    if not value:
        return None
    m = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value)
    return m.group(0) if m else None
