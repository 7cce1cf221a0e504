"""One claim, one document, an actor's posts: the records ``interlock claim``, ``document`` and
``gantt`` print and the web pages show.

Each function takes an open store and returns plain data, ready for ``--json``. Names, chains
and grades are read the way ``show`` reads them (``interlock.query``).
"""

from __future__ import annotations

import json
from typing import Any

from interlock import query
from interlock.credibility.grades import meets
from interlock.credibility.grades import parse as parse_grade
from interlock.errors import InterlockError
from interlock.store import Store


class NoClaim(InterlockError):
    "No claim in the store has this id"


class NoDocument(InterlockError):
    "No document in the store has this id"


#: predicates that make a post or a membership: the bars of the time axis and of the Gantt chart
POST_PREDICATES = ("holds_position", "leader_of", "member_of", "spokesperson_for", "advisor_to", "employed_by",
                   "candidate_in")


def claim(store: Store, claim_id: str) -> dict[str, Any]:
    """A claim with every statement behind it: evidence, outlet, date, relay chain, attribution type,
    modality, grade and reason, the origin it counts for, copies folded; contradictions both ways."""
    row = store.row("records.claim", (claim_id,))
    if row is None:
        raise NoClaim(f"no claim {claim_id!r} in {store.path}")
    rows = store.rows("records.claim_statements", (claim_id,))
    ids = [r["id"] for r in rows]
    names = query.actor_names(store, {x for r in rows for x in (r["subject_id"], r["object_id"]) if x})
    statements = []
    for r in rows:
        statements.append({
            "id": r["id"], "document": r["document_id"], "title": r["title"], "outlet": r["outlet"],
            "published": r["published"], "copy_of": r["copy_of"], "subject": names.get(r["subject_id"]),
            "object": names.get(r["object_id"]), "role": r["role"], "status": r["status"],
            "modality": r["modality"], "valid_from": r["valid_from"], "valid_to": r["valid_to"],
            "evidence": r["evidence_text"], "evidence_start": r["evidence_start"], "evidence_end": r["evidence_end"],
            "chain": query.source_chain(store, r["attribution_id"]), "attribution_type": r["attribution_type"],
            "origin": r["origin"], "grade": r["grade"], "grade_reason": r["reason"],
            "confidence": r["confidence"],
        })
    origins: dict[str, list[str]] = {}
    for s in statements:
        origins.setdefault(s["origin"], []).append(s["id"])
    summary = {k: _summary(store, k) if k and not k.startswith("anon:") else None
               for k in (row["subject_actor"], row["object_actor"])}
    return {
        "id": row["id"], "subject": _side(summary.get(row["subject_actor"]), row["subject_actor"]),
        "predicate": row["predicate"], "object": _side(summary.get(row["object_actor"]), row["object_actor"]),
        "grade": row["grade"], "reason": row["reason"], "letter": row["letter"], "credibility": row["credibility"],
        "origins": json.loads(row["origins"]), "corroboration": row["corroboration"],
        "contradicted_by": json.loads(row["contradicted_by"]),
        "copies": sum(1 for s in statements if s["copy_of"]),
        "by_origin": [{"origin": k, "statements": v} for k, v in origins.items()],
        "statements": statements, "contradictions": _contradictions(store, ids),
    }


def _summary(store: Store, key: str) -> dict[str, Any]:
    """``query.actor_summary``, or the key itself for an actor no entity holds (an outlet counted as an origin)."""
    try:
        return query.actor_summary(store, key)
    except TypeError:
        return {"key": key, "name": key, "label": None, "documents": 0}


def _side(summary: dict[str, Any] | None, key: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    if summary is None:
        return {"key": key, "name": "an anonymous source" if key.startswith("anon:") else key, "label": None}
    return {"key": key, "name": summary["name"], "label": summary["label"]}


def _contradictions(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Statements that deny these or that these deny (the table holds both ways), with their claims."""
    out: list[dict[str, Any]] = []
    seen = set()
    for part in query.chunks(ids):
        for r in store.each("records.contradictions_of", part, ids=len(part)):
            if (r[0], r[1]) in seen:
                continue
            seen.add((r[0], r[1]))
            out.append({"statement": r[0], "other": r[1], "reason": r[2], "evidence": r[3], "document": r[4],
                        "modality": r[5], "claim": r[6], "grade": r[7], "published": r[8], "outlet": r[9]})
    return out


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """A stored article with what was extracted from it, each with its character span: entities and
    their mentions, attributions (source, cue, content), statements (evidence), events; the
    extraction version, the story it copies, its copies and its earlier versions."""
    row = store.row("records.document", (doc_id,))
    if row is None:
        raise NoDocument(f"no document {doc_id!r} in {store.path}")
    entities = []
    ents = store.rows("records.document_entities", (doc_id,))
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in store.each("records.document_mentions", (doc_id,)):
        mentions.setdefault(m["entity_id"], []).append({"start": m["start"], "end": m["end"], "text": m["text"],
                                                        "kind": m["kind"]})
    for e in ents:
        entities.append({"id": e["id"], "label": e["label"], "name": e["name"], "anonymous": bool(e["anonymous"]),
                         "actor": e["actor_id"], "mentions": mentions.get(e["id"], [])})
    names = {e["id"]: e["name"] for e in ents}
    attributions = []
    for a in store.rows("records.document_attributions", (doc_id,)):
        source = None
        if a["source_start"] is not None:
            source = {"start": a["source_start"], "end": a["source_end"], "text": a["source_text"],
                      "entity": a["source_entity_id"], "anonymous": bool(a["anonymous"])}
        attributions.append({
            "id": a["id"], "kind": a["kind"], "source": source, "modality": a["modality"],
            "cue": {"start": a["cue_start"], "end": a["cue_end"], "text": a["cue_text"]},
            "content": {"start": a["content_start"], "end": a["content_end"], "text": a["content_text"]},
            "chain": query.source_chain(store, a["id"]),
        })
    rows = store.rows("records.document_statements", (doc_id,))
    graded = query.statement_grades(store, [r["id"] for r in rows])
    statements = []
    for r in rows:
        g = graded.get(r["id"], {})
        statements.append({
            "id": r["id"], "subject": names.get(r["subject_id"]), "predicate": r["predicate"],
            "object": names.get(r["object_id"]), "role": r["role"], "status": r["status"], "modality": r["modality"],
            "evidence": {"start": r["evidence_start"], "end": r["evidence_end"], "text": r["evidence_text"]},
            "confidence": r["confidence"], "claim": g.get("claim_id"), "grade": g.get("claim_grade") or g.get("grade"),
        })
    events = [{"id": e["id"], "type": e["type"], "time": e["time"], "modality": e["modality"],
               "participants": [names.get(p, p) for p in json.loads(e["participants"])],
               "evidence": {"start": e["evidence_start"], "end": e["evidence_end"], "text": e["evidence_text"]}}
              for e in store.each("records.document_events", (doc_id,))]
    copies = [{"id": r[0], "outlet": r[1], "published": r[2], "similarity": r[3]}
              for r in store.each("records.document_copies", (doc_id,))]
    versions = [{"content_hash": r[0], "ingested_at": r[1], "replaced_at": r[2]}
                for r in store.each("records.document_versions", (doc_id,))]
    return {
        "id": row["id"], "title": row["title"], "url": row["url"], "outlet": row["outlet"],
        "published": row["published"], "extraction_version": row["extraction_version"], "copy_of": row["copy_of"],
        "copy_similarity": row["copy_similarity"], "ingested_at": row["ingested_at"], "text": row["text"],
        "entities": entities, "attributions": attributions, "statements": statements, "events": events,
        "copies": copies, "versions": versions,
    }


def posts(store: Store, name: str, min_grade: str | None = None) -> dict[str, Any]:
    """An actor's posts and memberships as bars: from valid_from to valid_to, an end left open when
    the text gives none (a current post runs on; a start not given is the first report), with
    status, modality and grade. Read from ``show``'s ties."""
    return posts_of(query.show(store, name, min_grade))


def posts_of(profile: dict[str, Any]) -> dict[str, Any]:
    """The posts bars of an actor's profile (``query.show``'s answer)."""
    bars = []
    for tie in profile["ties"]:
        if tie["subject"] != profile["name"] or not set(tie["predicates"]) & set(POST_PREDICATES):
            continue
        reported = sorted(s["published"] for s in tie["sources"] if s["published"])
        modalities = [s["modality"] for s in tie["sources"]]
        modality = max(set(modalities), key=modalities.count) if modalities else None
        start = tie["valid_from"] or (reported[0] if reported else None)
        end = tie["valid_to"] or (None if tie["status"] in ("current", "planned") else (reported[-1] if reported else None))
        bars.append({
            "predicate": tie["predicate"], "role": tie["role"], "object": tie["object"], "status": tie["status"],
            "modality": modality, "valid_from": tie["valid_from"], "valid_to": tie["valid_to"],
            "start": start, "end": end, "open_start": tie["valid_from"] is None, "open_end": tie["valid_to"] is None,
            "grade": tie["grade"], "claim": (tie.get("claim") or {}).get("id"), "reports": tie["reports"],
            "first_reported": reported[0] if reported else None, "last_reported": reported[-1] if reported else None,
        })
    bars.sort(key=lambda b: (b["start"] or "9999", b["predicate"], b["object"] or ""))
    return {"key": profile["key"], "name": profile["name"], "label": profile["label"], "posts": bars}


def gantt(store: Store, names: list[str], min_grade: str | None = None) -> list[dict[str, Any]]:
    """Posts and memberships of several actors, one row each, for a Gantt chart."""
    if min_grade is not None:
        parse_grade(min_grade)
    if not names:
        raise query.BadQuery("give at least one actor")
    return [posts(store, n, min_grade) for n in names]


def graded_events(store: Store, date_from: str | None = None, date_to: str | None = None,
                  kind: str | None = None, actor: str | None = None, min_grade: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
    """``query.events`` kept to those graded at least ``min_grade``."""
    if min_grade is not None:
        parse_grade(min_grade)
    found = query.events(store, date_from, date_to, kind, actor)
    if min_grade is not None:
        found = [e for e in found if e["grade"] and meets(e["grade"], min_grade)]
    return found[:limit] if limit else found


def actor_timeline(store: Store, name: str, date_from: str | None = None, date_to: str | None = None,
                   kind: str | None = None, min_grade: str | None = None) -> list[dict[str, Any]]:
    """``query.timeline`` of one actor (its post changes and events) kept to a date range and,
    with ``kind``, to one event type or predicate."""
    date_from, date_to = query.check_date(date_from, "from"), query.check_date(date_to, "to")
    items = query.timeline(store, name, min_grade)
    if date_from or date_to:
        items = [i for i in items if query.in_date_range(i["date"], i["date"], date_from, date_to)]
    if kind:
        items = [i for i in items if i["what"] == kind or f" {kind} " in f" {i['what']} "]
    return items


def claims_in(store: Store, document_ids: list[str], limit: int = 20) -> list[dict[str, Any]]:
    """The claims that statements of these documents belong to, best graded first: what a search's
    documents say, as claims to open."""
    found: dict[str, dict[str, Any]] = {}
    for part in query.chunks(document_ids):
        for r in store.each("records.claims_of_documents", part, ids=len(part)):
            found[r["id"]] = dict(r)
    ranked = sorted(found.values(), key=lambda c: (c["credibility"], c["letter"], c["id"]))[:limit]
    names = {k: _summary(store, k)["name"] for c in ranked for k in (c["subject_actor"], c["object_actor"])
             if k and not k.startswith("anon:")}
    return [{"id": c["id"], "subject": names.get(c["subject_actor"], "an anonymous source"),
             "predicate": c["predicate"], "object": names.get(c["object_actor"]) if c["object_actor"] else None,
             "grade": c["grade"], "corroboration": c["corroboration"]} for c in ranked]
