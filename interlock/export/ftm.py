"""FollowTheMoney entities as JSON lines, as Aleph (``ftm`` tools, ``alephclient``) loads them.

Each entity is built and validated with the ``followthemoney`` model:

- actors: ``Person``, ``Organization`` (``PublicBody`` for states and state bodies,
  ``Company`` where the actor's kinds say company), ``Address`` for places and
  ``Event`` for elections, with every spelling as ``alias`` and the actor's kinds
  as ``keywords`` (and ``anonymous`` for an unnamed source, "a senior official"); posts without an organisation as the person's ``position``;
- posts: a ``Position`` per role (and organisation) and an ``Occupancy`` per
  statement (``holder``, ``post``, ``startDate``, ``endDate``, ``status``);
- ties: ``Directorship`` (leads, founded), ``Membership`` (member of, part of,
  resigned from) and ``UnknownLink`` for the rest, one per statement;
- sources: an ``Article`` per document; meetings and other events as ``Event``.

Every link keeps its statement's evidence where the schema allows: ``proof`` (the
Article), ``description`` (the sentence), ``publisher`` (the outlet), ``date``
(publication), ``sourceUrl``, ``recordId`` (the statement id) and ``summary``
(the predicate, then the grade and why). Ids are stable across runs: an actor's is
the reference entry it is linked to, else a hash of its key; a link's is its
statement's id.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import IO, Any

from interlock.export.select import ExportError, Selection, iso_date

#: predicates written as Directorship and Membership (others are UnknownLink, posts Occupancy)
DIRECTORSHIP = {"leader_of", "founded"}
MEMBERSHIP = {"member_of", "part_of", "resigned_from"}
_ORG_SCHEMATA = {"Organization", "PublicBody", "Company"}
_LEGAL = _ORG_SCHEMATA | {"Person"}


def _hash(*parts: str | None) -> str:
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:20]


def actor_id(key: str, reference_id: str | None = None) -> str:
    """The FtM id of an actor: its reference entry's id when it has one (so a round trip keeps it)."""
    return reference_id or f"il-a-{_hash(key)}"


def document_id(doc: str) -> str:
    return f"il-d-{_hash(doc)}"


def position_id(role: str | None, org: str | None) -> str:
    """A post's id from its role and its organisation's FtM id (stable across a round trip)."""
    return f"il-p-{_hash(role, org)}"


def statement_id(sid: str) -> str:
    return f"il-{sid}"


def schema_of(label: str | None, kinds: list[str]) -> str:
    """The FtM schema of an actor from its entity label and kinds."""
    if label == "PERSON":
        return "Person"
    if label in ("GPE",) or {"state-body", "foreign-government"} & set(kinds):
        return "PublicBody"
    if label in ("LOC", "FAC"):
        return "Address"
    if label == "EVENT":
        return "Event"
    if "company" in kinds:
        return "Company"
    return "Organization"


def position_name(role: str | None, org_name: str | None) -> str:
    role = role or "post"
    return f"{role}, {org_name}" if org_name else role


class _Out:
    """Builds entities with the followthemoney model, checks them, writes them; counts them by schema.

    Each value is cleaned by its property's type (dates, URLs, entity references) as
    ``EntityProxy.add`` would, once per distinct value: the same outlet, URL and date
    come back on every statement of a document. An entity without a property its schema
    requires is a bug of ours and raises.
    """

    def __init__(self, model: Any, f: IO[str], progress: Any) -> None:
        from interlock.export import Ticker

        self.model, self.f = model, f
        self.by_schema: dict[str, int] = {}
        self.tick = Ticker(progress, "entities")
        self._cache: dict[tuple[str, str], str | None] = {}

    def _clean(self, prop: Any, value: str) -> str | None:
        key = (prop.qname, value)
        if key not in self._cache:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = prop.type.clean_text(value, format=prop.format)
        return self._cache[key]

    def emit(self, schema: str, eid: str, props: dict[str, Any]) -> None:
        proxy = self.model.make_entity(schema)
        proxy.id = eid
        for name, values in props.items():
            prop = proxy.schema.get(name)
            if prop is None:
                raise ValueError(f"FtM {schema} has no property {name}")
            for v in values if isinstance(values, list) else [values]:
                if v is not None and v != "":
                    proxy.unsafe_add(prop, self._clean(prop, str(v)), cleaned=True)
        missing = [p for p in proxy.schema.required if not proxy.get(p)]
        if missing:
            raise ValueError(f"FtM {schema} {eid} lacks {', '.join(missing)}")
        self.f.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")
        self.by_schema[schema] = self.by_schema.get(schema, 0) + 1
        self.tick()


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError:
        raise ExportError("the ftm format needs the followthemoney library: "
                          "pip install 'interlock[export]'") from None
    return model


def write(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    model = _model()
    with open(out, "w", encoding="utf-8") as f:
        o = _Out(model, f, progress)
        for n in selection.nodes():
            schema = schema_of(n["label"], n["kinds"])
            props: dict[str, Any] = {"name": n["name"], "alias": [a for a in n["names"] if a != n["name"]],
                                     "keywords": n["kinds"] + (["anonymous"] if n["anonymous"] else [])}
            if schema == "Person":
                props["position"] = n["posts"]
            o.emit(schema, actor_id(n["key"], n["reference_id"]), props)
        for d in selection.documents():
            o.emit("Article", document_id(d["id"]), {
                "title": d["title"] or d["id"], "name": d["title"] or d["id"], "publishedAt": d["published"],
                "publisher": d["outlet"], "sourceUrl": d["url"], "fileName": d["id"],
            })
        for r in selection.positions():
            org = r["okey"] if r["okey"] and _schema(r["label"], r["kinds"]) in _ORG_SCHEMATA else None
            props = {"name": position_name(r["role"], r["name"] if r["okey"] else None),
                     "organization": actor_id(org, r["reference_id"]) if org else None}
            o.emit("Position", position_id(r["role"], actor_id(r["okey"], r["reference_id"]) if r["okey"] else None),
                   props)
        skipped = 0
        for s in selection.statements():
            if not _link(o, s):
                skipped += 1
        for e in selection.events():
            ids = [actor_id(p["key"], p["reference_id"]) for p in e["participants"]]
            o.emit("Event", f"il-{e['id']}", {
                "name": e["type"].replace("_", " ") + (f" in {e['place']}" if e["place"] else ""),
                "involved": [i for i, p in zip(ids, e["participants"], strict=True)
                             if _schema(p["label"], p["kinds"]) in _LEGAL],
                "location": e["place"], "date": iso_date(e["from"] or e["time"]), "proof": document_id(e["document"]),
                "description": e["evidence"], "summary": f"{e['type']}; {e['modality']}" + ("; secret" if e["secret"] else ""),
                "recordId": e["id"],
            })
        o.tick.done()
    return {**{k: v for k, v in sorted(o.by_schema.items())}, "entities": o.tick.n, "statements_skipped": skipped}


def _schema(label: str | None, kinds: str | None) -> str:
    return schema_of(label, json.loads(kinds) if kinds else [])


def _link(o: _Out, s: dict[str, Any]) -> bool:
    """One statement as an Occupancy, Directorship, Membership or UnknownLink; False if it cannot be one."""
    subject = actor_id(s["skey"], s["subject_ref"])
    obj = actor_id(s["okey"], s["object_ref"]) if s["okey"] else None
    s_schema = _schema(s["subject_label"], s["subject_kinds"])
    o_schema = _schema(s["object_label"], s["object_kinds"]) if s["okey"] else None
    status = s["status"] + (f" ({s['modality']})" if s["modality"] not in ("asserted", "reported") else "")
    grade = f"; grade {s['grade']}: {s['grade_reason']}" if s["grade"] else ""
    common = {"startDate": iso_date(s["valid_from"]), "endDate": iso_date(s["valid_to"]), "status": status,
              "proof": document_id(s["did"]), "description": s["evidence_text"], "publisher": s["outlet"],
              "date": s["published"], "sourceUrl": s["url"], "recordId": s["sid"],
              "summary": f"{s['predicate']}{grade}"}
    eid = statement_id(s["sid"])
    pred = s["predicate"]
    if (pred == "holds_position" or obj is None) and s_schema == "Person" and (s["role"] or pred == "holds_position"):
        o.emit("Occupancy", eid, {**common, "holder": subject, "post": position_id(s["role"], obj)})
        return True
    if obj is None:
        return False
    if pred in DIRECTORSHIP and s_schema in _LEGAL and o_schema in _ORG_SCHEMATA:
        o.emit("Directorship", eid, {**common, "director": subject, "organization": obj, "role": s["role"]})
    elif pred in MEMBERSHIP and s_schema in _LEGAL and o_schema in _ORG_SCHEMATA:
        o.emit("Membership", eid, {**common, "member": subject, "organization": obj, "role": s["role"]})
    else:
        o.emit("UnknownLink", eid, {**common, "subject": subject, "object": obj,
                                     "role": s["role"] or pred.replace("_", " ")})
    return True
