"""Reference lists: known people and organisations, from FollowTheMoney JSON lines or CSV.

A reference entry carries names, aliases, a type and identifiers (a Wikidata id,
a sanctions list id). Resolution treats each entry as one more record with those
names: mentions that match join it, the entry's aliases bridge spellings no
article links ("Hashd al-Shaabi" / "Popular Mobilization Units"), and two entries
are never merged with each other. Extraction never needs a list.

CSV columns (a header row is required): ``name`` (required), ``aliases``
(separated by ``;``), ``type`` (person or organization; default organization),
``id``, ``wikidata``, ``kinds`` (``;``-separated tags such as armed-group).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interlock.errors import BadInput
from interlock.model import stable_id
from interlock.store import SQLiteStore

#: FollowTheMoney schemata and the entity label each becomes
SCHEMA_LABELS = {
    "Person": "PERSON", "Organization": "ORG", "Company": "ORG", "LegalEntity": "ORG",
    "PublicBody": "ORG", "Airplane": "FAC", "Vessel": "FAC", "Address": "GPE",
}
_TYPES = {"person": "Person", "people": "Person", "organization": "Organization", "organisation": "Organization",
          "org": "Organization", "company": "Company", "public body": "PublicBody", "publicbody": "PublicBody"}
#: FollowTheMoney properties that hold names, and those that hold identifiers
_NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation")
_ID_PROPS = ("wikidataId", "leiCode", "innCode", "registrationNumber", "idNumber", "taxNumber", "opencorporatesUrl")


@dataclass
class Entry:
    """One reference entry, ready to store."""

    id: str
    schema: str
    name: str
    names: list[str]
    identifiers: dict[str, list[str]] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return SCHEMA_LABELS.get(self.schema, "ORG")


def read(path: str | Path) -> Iterator[Entry | BadInput]:
    """Entries of a reference file (``.jsonl``/``.json`` FollowTheMoney or ``.csv``); bad rows as errors."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield BadInput(str(p), f"cannot be read: {exc}")
        return
    if p.suffix.lower() == ".csv":
        yield from _csv(str(p), text)
    elif p.suffix.lower() in (".jsonl", ".ndjson", ".json", ".ftm"):
        yield from _ftm(str(p), text)
    else:
        yield BadInput(str(p), "is not a reference list: give FollowTheMoney JSON lines (.jsonl) or CSV (.csv)")


def _ftm(where: str, text: str) -> Iterator[Entry | BadInput]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(f"{where}:{n}", f"is not JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("properties"), dict):
            yield BadInput(f"{where}:{n}", 'is not a FollowTheMoney entity: it needs "schema" and "properties"')
            continue
        schema = str(obj.get("schema") or "")
        if schema not in SCHEMA_LABELS:
            yield BadInput(f"{where}:{n}", f"has schema {schema!r}; known: {', '.join(sorted(SCHEMA_LABELS))}")
            continue
        props: dict[str, Any] = obj["properties"]
        names = [str(v) for k in _NAME_PROPS for v in props.get(k, []) if str(v).strip()]
        if not names:
            yield BadInput(f"{where}:{n}", "has no name")
            continue
        ids = {k: [str(v) for v in props[k]] for k in _ID_PROPS if props.get(k)}
        kinds = [str(t) for t in props.get("topics", [])]
        yield Entry(str(obj.get("id") or stable_id("ref", names[0])), schema, names[0], list(dict.fromkeys(names)),
                    ids, kinds)


def _csv(where: str, text: str) -> Iterator[Entry | BadInput]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        yield BadInput(where, "has no header row with a 'name' column (columns: name, aliases, type, id, wikidata, kinds)")
        return
    for n, raw in enumerate(reader, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not row.get("name"):
            yield BadInput(f"{where}:{n}", "has no name")
            continue
        kind = row.get("type", "") or "organization"
        schema = _TYPES.get(kind.lower())
        if schema is None:
            yield BadInput(f"{where}:{n}", f"has type {kind!r}; known: person, organization, company, public body")
            continue
        names = [row["name"], *[a.strip() for a in row.get("aliases", "").split(";") if a.strip()]]
        ids = {"wikidataId": [row["wikidata"]]} if row.get("wikidata") else {}
        kinds = [k.strip() for k in row.get("kinds", "").split(";") if k.strip()]
        yield Entry(row.get("id") or stable_id("ref", schema, row["name"]), schema, row["name"],
                    list(dict.fromkeys(names)), ids, kinds)


def store_entries(store: SQLiteStore, entries: list[Entry], source: str) -> int:
    """Insert or replace entries by id; returns how many."""
    with store.transaction() as c:
        c.executemany(
            "INSERT OR REPLACE INTO reference_entities (id, label, schema, name, names, identifiers, kinds, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.label, e.schema, e.name, json.dumps(e.names, ensure_ascii=False), json.dumps(e.identifiers),
              json.dumps(e.kinds), source) for e in entries],
        )
    return len(entries)


def for_actor(store: SQLiteStore, actor_id: str) -> dict[str, Any] | None:
    """The reference entry an actor is linked to, if any."""
    row = store.conn.execute(
        "SELECT r.* FROM actors a JOIN reference_entities r ON r.id = a.reference_id WHERE a.id = ?", (actor_id,)
    ).fetchone()
    if row is None:
        return None
    return {"id": row["id"], "schema": row["schema"], "name": row["name"], "names": json.loads(row["names"]),
            "identifiers": json.loads(row["identifiers"]), "kinds": json.loads(row["kinds"]), "source": row["source"]}
