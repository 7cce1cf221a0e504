"""A STIX 2.1 bundle that OpenCTI (and any STIX 2.1 consumer) imports.

- actors: ``identity`` (people ``individual``, organisations ``organization``,
  groups ``group``), ``threat-actor`` only for actors whose kinds include
  ``armed-group``, ``location`` for places (GPE, LOC, FAC), with their posts as
  ``roles`` and their spellings as ``aliases`` (threat actors) or
  ``x_interlock_aliases``;
- ties: one ``relationship`` per (subject, predicate, object), its type the
  predicate with hyphens (``member-of``), with ``confidence`` from the Admiralty
  credibility by the specification's scale (appendix A: 1 -> 90, 2 -> 70, 3 -> 50,
  4 -> 30, 5 -> 10, 6 -> no confidence) and the grade itself in the custom
  properties ``x_interlock_admiralty_grade`` ("B2"), ``x_interlock_source_reliability``
  ("B") and ``x_interlock_credibility`` (2);
- sources: a ``report`` per document (``published``, the URL and outlet as
  ``external_references``, the ties and actors it reports as ``object_refs``);
- contested claims: a ``note`` on the relationship, with why and who contradicts it.

Ids are UUIDs derived from the actor keys, ties and document ids, so they are the
same on every run. The bundle is written object by object; nothing is held in memory.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from interlock.export.select import Selection

_PLACES = {"GPE", "LOC", "FAC"}
EXTENSION_DOC = (
    "Top-level properties added by Interlock: x_interlock_admiralty_grade (the Admiralty grade, letter then "
    "number, e.g. B2), x_interlock_source_reliability (A-F), x_interlock_credibility (1-6), "
    "x_interlock_corroboration (independent origins), x_interlock_claim, x_interlock_key (the actor's key in "
    "the store), x_interlock_kinds, x_interlock_aliases, x_interlock_posts, x_interlock_document, "
    "x_interlock_outlet_reliability."
)


def stix_id(kind: str, *parts: str | None) -> str:
    """A stable ``kind--UUID``: a version-4-shaped UUID from a hash of the parts."""
    digest = hashlib.sha1("\x1f".join(p or "" for p in ("interlock", kind, *parts)).encode("utf-8")).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def object_type(label: str | None, kinds: list[str]) -> str:
    if label in _PLACES:
        return "location"
    if "armed-group" in kinds and label != "PERSON":
        return "threat-actor"
    return "identity"


def actor_ref(key: str, label: str | None, kinds: list[str]) -> str:
    return stix_id(object_type(label, kinds), key)


def relationship_ref(skey: str, predicate: str, okey: str) -> str:
    return stix_id("relationship", skey, predicate, okey)


def _timestamp(date: str | None) -> str | None:
    if date and len(date) == 10 and date[4] == "-" and date[7] == "-":
        try:
            datetime.strptime(date, "%Y-%m-%d")
        except ValueError:
            return None
        return f"{date}T00:00:00.000Z"
    return None


class _Bundle:
    def __init__(self, f: IO[str], progress: Any) -> None:
        from interlock.export import Ticker

        self.f, self.first = f, True
        self.by_type: dict[str, int] = {}
        self.tick = Ticker(progress, "objects")

    def add(self, obj: dict[str, Any]) -> None:
        obj = {k: v for k, v in obj.items() if v is not None and v != [] and v != ""}
        self.f.write(("" if self.first else ",\n") + json.dumps(obj, ensure_ascii=False))
        self.first = False
        self.by_type[obj["type"]] = self.by_type.get(obj["type"], 0) + 1
        self.tick()


def write(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    me = stix_id("identity", "Interlock")
    ext = stix_id("extension-definition", "interlock-properties")
    base = {"spec_version": "2.1", "created": now, "modified": now, "created_by_ref": me,
            "extensions": {ext: {"extension_type": "toplevel-property-extension"}}}
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"type": "bundle", "id": f"bundle--{uuid.uuid4()}"})[:-1] + ', "objects": [\n')
        b = _Bundle(f, progress)
        b.add({"type": "identity", "spec_version": "2.1", "id": me, "created": now, "modified": now,
               "name": "Interlock", "identity_class": "system",
               "description": "Facts extracted from news articles, graded on the Admiralty scale."})
        b.add({"type": "extension-definition", "spec_version": "2.1", "id": ext, "created": now, "modified": now,
               "created_by_ref": me, "name": "Interlock properties", "version": "1.0",
               "extension_types": ["toplevel-property-extension"],
               "description": EXTENSION_DOC, "schema": "docs/interop.md (Interlock), section STIX"})
        for n in selection.nodes():
            b.add(_actor(n, base))
        for e in selection.edges():
            rel = relationship_ref(e["source"], e["predicate"], e["target"])
            s_ref = actor_ref(e["source"], e["source_label"], e["source_kinds"])
            o_ref = actor_ref(e["target"], e["target_label"], e["target_kinds"])
            start, stop = _timestamp(e["valid_from"]), _timestamp(e["valid_to"])
            if start and stop and stop <= start:
                stop = None
            what = e["predicate"].replace("_", " ")
            roles = f" as {', '.join(e['roles'])}" if e["roles"] else ""
            b.add({**base, "type": "relationship", "id": rel, "relationship_type": e["predicate"].replace("_", "-"),
                   "source_ref": s_ref, "target_ref": o_ref, "confidence": e["confidence"],
                   "start_time": start, "stop_time": stop,
                   "description": f"{what}{roles} ({'; '.join(e['statuses'])}; {'; '.join(e['modalities'])}), "
                                  f"in {e['statements']} statement(s) of {e['documents']} document(s)"
                                  + (f". {e['reason']}" if e["reason"] else ""),
                   "x_interlock_admiralty_grade": e["grade"], "x_interlock_source_reliability": e["letter"],
                   "x_interlock_credibility": e["credibility"], "x_interlock_corroboration": e["corroboration"],
                   "x_interlock_claim": e["claim"]})
            if e["contradicted_by"]:
                b.add({**base, "type": "note", "id": stix_id("note", rel), "abstract": "contested claim",
                       "content": f"{what}{roles} is contradicted by {', '.join(e['contradicted_by'])}. "
                                  f"Grade {e['grade'] or 'none'}: {e['reason'] or 'not graded'}",
                       "object_refs": [rel]})
        rows = selection.statements(order="x.did, x.sid")
        for did, group in groupby(rows, key=lambda r: r["did"]):
            refs: dict[str, None] = {}
            for r in group:
                refs[actor_ref(r["skey"], r["subject_label"], _kinds(r["subject_kinds"]))] = None
                if r["okey"] and r["okey"] != r["skey"]:
                    refs[actor_ref(r["okey"], r["object_label"], _kinds(r["object_kinds"]))] = None
                    refs[relationship_ref(r["skey"], r["predicate"], r["okey"])] = None
                last = r
            b.add(_report(did, last, list(refs), base, now))
        f.write("\n]}\n")
        b.tick.done()
    return {**dict(sorted(b.by_type.items())), "objects": b.tick.n}


def _kinds(value: str | None) -> list[str]:
    return json.loads(value) if value else []


def _actor(n: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    kind = object_type(n["label"], n["kinds"])
    aliases = [a for a in n["names"] if a != n["name"]]
    obj = {**base, "type": kind, "id": stix_id(kind, n["key"]), "name": n["name"],
           "x_interlock_key": n["key"], "x_interlock_kinds": n["kinds"]}
    if kind == "identity":
        label = n["label"]
        obj["identity_class"] = ("individual" if label == "PERSON" else "group" if label == "NORP"
                                 else "organization" if label == "ORG" else "unknown")
        obj["roles"] = n["posts"]
        obj["x_interlock_aliases"] = aliases
    elif kind == "threat-actor":
        obj["aliases"] = aliases
        obj["x_interlock_posts"] = n["posts"]
    else:  # location: the specification asks for a region, a country or coordinates; we know the name
        obj["region"] = "unknown"
        obj["description"] = f"{n['name']} (place named in the articles; region not known)"
        obj["x_interlock_aliases"] = aliases
    return obj


def _report(did: str, r: dict[str, Any], refs: list[str], base: dict[str, Any], now: str) -> dict[str, Any]:
    url = r["url"]
    ext = {"source_name": r["outlet"] or "interlock", "external_id": did}
    if url:
        ext["url"] = url
    return {**base, "type": "report", "id": stix_id("report", did), "name": r["title"] or did,
            "published": _timestamp(r["published"]) or now, "report_types": ["threat-report"],
            "object_refs": refs, "external_references": [ext],
            "x_interlock_document": did, "x_interlock_outlet_reliability": r["reliability"]}
