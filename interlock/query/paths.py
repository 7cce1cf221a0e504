"""How two actors are tied (``ties``): sourced paths through statements, shortest first.

A breadth-first search over the store's indexes (``neighbours``: every statement touching a set
of actors, one query round per step); the paths found are named, graded and folded (``_fold``).
"""

from __future__ import annotations

from typing import Any

from interlock.lookup import actor_summary, find_actor
from interlock.query.statements import chunks, statement_grades
from interlock.store import Row, Store


def neighbours(store: Store, keys: set[str]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Every statement touching the actors ``keys``, as (other actor, edge) per actor."""
    key_of: dict[str, str] = {}
    for part in chunks(sorted(keys)):
        key_of.update(store.pairs("query.entities_of_actors", part, ids=len(part)))
    rows: dict[str, Row] = {}
    for part in chunks(sorted(key_of)):
        for edges in ("query.edges_by_subject", "query.edges_by_object"):
            for r in store.each(edges, part, ids=len(part)):
                rows[r["id"]] = r
    others = sorted({r["subject_id"] for r in rows.values()} | {r["object_id"] for r in rows.values()} - set(key_of))
    for part in chunks(others):
        key_of.update(store.pairs("query.entity_actors", part, ids=len(part)))
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for r in rows.values():
        s, o = key_of.get(r["subject_id"]), key_of.get(r["object_id"])
        if s is None or o is None or s == o:
            continue
        edge = {"predicate": r["predicate"], "role": r["role"], "status": r["status"], "modality": r["modality"],
                "document": r["document_id"], "evidence": r["evidence_text"], "from": s, "to": o,
                "statement": r["id"]}
        if s in keys:
            out.setdefault(s, []).append((o, edge))
        if o in keys:
            out.setdefault(o, []).append((s, edge))
    return out


def ties(store: Store, a: str, b: str, hops: int = 3, limit: int = 20) -> list[list[dict[str, Any]]]:
    """Sourced paths between two actors through statements, shortest first.

    A breadth-first search over the store's indexes, one query round per step, so
    the cost follows the neighbourhoods it visits, not the size of the store.
    """
    start, goal = find_actor(store, a), find_actor(store, b)
    if start == goal:
        return []
    parents: dict[str, list[tuple[str, dict[str, Any]]]] = {start: []}
    frontier = {start}
    found = False
    for _depth in range(1, hops):
        adjacency = neighbours(store, frontier)
        nxt: set[str] = set()
        for node in frontier:
            for other, edge in adjacency.get(node, []):
                if other in parents and other not in nxt:
                    continue
                parents.setdefault(other, []).append((node, edge))
                nxt.add(other)
        if goal in nxt:
            found = True
            break
        frontier = nxt
        if not frontier:
            break
    if not found and frontier:
        # the last step from the goal's side: one look-up instead of expanding the whole frontier
        for other, edge in neighbours(store, {goal}).get(goal, []):
            if other in frontier:
                parents.setdefault(goal, []).append((other, edge))
                found = True
    if not found:
        return []
    paths: list[list[dict[str, Any]]] = []

    def walk(node: str, suffix: list[dict[str, Any]]) -> None:
        if len(paths) >= limit:
            return
        if node == start:
            paths.append(suffix)
            return
        for prev, edge in parents.get(node, []):
            walk(prev, [edge, *suffix])

    walk(goal, [])
    return _fold(store, paths)


def _fold(store: Store, paths: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Paths named, graded and folded: paths through the same actors are one path, each step its
    best-graded statement with the parallel ones under ``also``; each step carries its grade,
    outlet and date."""
    from interlock.credibility.grades import LETTERS
    from interlock.credibility.outlets import stored

    registry = stored(store)
    names = {k: actor_summary(store, k)["name"] for p in paths for e in p for k in (e["from"], e["to"])}
    ids = sorted({e["statement"] for p in paths for e in p})
    graded = statement_grades(store, ids)
    where: dict[str, tuple[str | None, str | None]] = {}
    for part in chunks(ids):
        for sid, outlet, published in store.each("query.statement_places", part, ids=len(part)):
            found = registry.find(outlet)
            where[sid] = (found.name if found else outlet, published)

    def rank(e: dict[str, Any]) -> tuple[bool, int, int]:
        g = e.get("grade") or "F6"
        return (e["modality"] == "negated", int(g[1]), LETTERS.index(g[0]))

    folded: dict[tuple[str, ...], list[list[dict[str, Any]]]] = {}
    for p in paths:
        key = (p[0]["from"], *(e["to"] for e in p))
        steps = folded.setdefault(key, [[] for _ in p])
        for n, e in enumerate(p):
            g = graded.get(e["statement"], {})
            outlet, published = where.get(e["statement"], (None, None))
            # a step's grade is its claim's (how far the tie holds); a denial's is its own
            grade_ = g.get("grade") if e["modality"] == "negated" else g.get("claim_grade") or g.get("grade")
            step = {**e, "from": names[e["from"]], "to": names[e["to"]], "grade": grade_,
                    "outlet": outlet, "published": published}
            if all(s["statement"] != step["statement"] for s in steps[n]):
                steps[n].append(step)
    out = []
    for steps in folded.values():
        path = []
        for options in steps:
            options.sort(key=rank)
            path.append({**options[0], "also": options[1:]})
        out.append(path)
    return out
