"""Reference lists: known people and organisations, from FollowTheMoney JSON lines or CSV.

Posts and ties in an FtM file (``Occupancy`` and ``Position``, a person's ``position``,
``Directorship``, ``Membership``, ``UnknownLink``...), such as ``interlock export
--format ftm`` writes or a PEP list holds, are stored as statements by
``interlock.resolve.reference_links``.

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

from interlock import jsonlines
from interlock.errors import BadInput
from interlock.model import stable_id
from interlock.resolve import reference_links as importing
from interlock.store import Store

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


#: the longest field a reference row may have (a name, a list of aliases)
MAX_FIELD = 10_000


def read(path: str | Path) -> Iterator[Entry | BadInput]:
    """Entries of a reference file (``.jsonl``/``.json`` FollowTheMoney or ``.csv``); bad rows as errors.

    Every bad row or line is one ``BadInput`` naming the file and line; the rest is read.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield BadInput(str(p), f"cannot be read: {exc.strerror or exc}")
        return
    if p.suffix.lower() == ".csv":
        text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
        yield from _csv(str(p), text)
    elif p.suffix.lower() in (".jsonl", ".ndjson", ".json", ".ftm"):
        yield from _ftm(str(p), data)
        yield from importing.check(p)
    else:
        yield BadInput(str(p), "is not a reference list: give FollowTheMoney JSON lines (.jsonl) or CSV (.csv)")


def _strings(props: dict[str, Any], key: str) -> list[str] | str:
    """A FollowTheMoney property as a list of strings, or why it is not one."""
    value = props.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return f'has property "{key}" as a JSON {type(value).__name__}, not a list of strings'
    for v in value:
        if not isinstance(v, str):
            return f'has a JSON {type(v).__name__} in property "{key}", where strings belong'
        if len(v) > MAX_FIELD:
            return f'has a value of property "{key}" over {MAX_FIELD:,} characters'
    return value


def _ftm(where: str, data: bytes) -> Iterator[Entry | BadInput]:
    for n, line in jsonlines.lines(data, where):
        at = f"{where}:{n}"
        if isinstance(line, BadInput):
            yield BadInput(at, line.problem)
            continue
        obj = jsonlines.loads(line, at)
        if isinstance(obj, BadInput):
            yield BadInput(at, obj.problem.replace("is not valid JSON", "is not JSON", 1))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("properties"), dict):
            yield BadInput(at, 'is not a FollowTheMoney entity: it needs "schema" and "properties"')
            continue
        schema = obj.get("schema")
        if isinstance(schema, str) and schema in importing.LINK_SCHEMATA:
            continue  # posts, ties and sources: interlock.resolve.reference_links reads them
        if not isinstance(schema, str) or schema not in SCHEMA_LABELS:
            yield BadInput(at, f"has schema {schema!r}; known: {', '.join(sorted(SCHEMA_LABELS))}")
            continue
        ident = obj.get("id")
        if ident is not None and not isinstance(ident, str | int):
            yield BadInput(at, f'has an "id" that is a JSON {type(ident).__name__}, not a string')
            continue
        props: dict[str, Any] = obj["properties"]
        values: dict[str, list[str]] = {}
        problem = None
        for key in (*_NAME_PROPS, *_ID_PROPS, "topics"):
            got = _strings(props, key)
            if isinstance(got, str):
                problem = got
                break
            values[key] = got
        if problem:
            yield BadInput(at, problem)
            continue
        names = [v for k in _NAME_PROPS for v in values[k] if v.strip()]
        if not names:
            yield BadInput(at, "has no name")
            continue
        ids = {k: values[k] for k in _ID_PROPS if values[k]}
        kinds = values["topics"]
        yield Entry(str(ident or stable_id("ref", names[0])), schema, names[0], list(dict.fromkeys(names)),
                    ids, kinds)


def _csv(where: str, text: str) -> Iterator[Entry | BadInput]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    last_line = 0
    while True:
        first = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            last_line = reader.line_num
            yield BadInput(f"{where}:{first}", f"is not a readable CSV row ({exc})")
            continue
        last_line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            if "name" not in header:
                yield BadInput(where, "has no header row with a 'name' column "
                                      "(columns: name, aliases, type, id, wikidata, kinds)")
                return
            continue
        at = f"{where}:{first}"
        if len(cells) != len(header):
            yield BadInput(at, f"has {len(cells)} fields where the header has {len(header)}")
            continue
        if any(jsonlines.surrogate_problem(c) for c in cells):
            yield BadInput(at, "is not UTF-8 text")
            continue
        if any(len(c) > MAX_FIELD for c in cells):
            yield BadInput(at, f"has a field over {MAX_FIELD:,} characters")
            continue
        row = {k: v.strip() for k, v in zip(header, cells, strict=True)}
        if not row.get("name"):
            yield BadInput(at, "has no name")
            continue
        kind = row.get("type", "") or "organization"
        schema = _TYPES.get(kind.lower())
        if schema is None:
            yield BadInput(at, f"has type {kind!r}; known: person, organization, company, public body")
            continue
        names = [row["name"], *[a.strip() for a in row.get("aliases", "").split(";") if a.strip()]]
        ids = {"wikidataId": [row["wikidata"]]} if row.get("wikidata") else {}
        kinds = [k.strip() for k in row.get("kinds", "").split(";") if k.strip()]
        yield Entry(row.get("id") or stable_id("ref", schema, row["name"]), schema, row["name"],
                    list(dict.fromkeys(names)), ids, kinds)


def store_entries(store: Store, entries: list[Entry], source: str) -> int:
    """Insert or replace entries by id; returns how many."""
    with store.transaction():
        store.run_many(
            "resolution.put_reference",
            [(e.id, e.label, e.schema, e.name, json.dumps(e.names, ensure_ascii=False), json.dumps(e.identifiers),
              json.dumps(e.kinds), source) for e in entries],
        )
    importing.store_links(store, source)  # an FtM file's posts and ties, as statements
    return len(entries)


def for_actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """The reference entry an actor is linked to, if any."""
    row = store.row("resolution.reference_of_actor", (actor_id,))
    if row is None:
        return None
    return {"id": row["id"], "schema": row["schema"], "name": row["name"], "names": json.loads(row["names"]),
            "identifiers": json.loads(row["identifiers"]), "kinds": json.loads(row["kinds"]), "source": row["source"]}
