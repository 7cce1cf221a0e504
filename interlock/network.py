"""An actor's network to a few hops, graded and laid out: what ``interlock graph`` and the web graph draw.

Nodes are actors (with a kind for the shape: person, armed group, party, state body, outlet,
organisation, place, other); edges are ties, one per subject, predicate and object, carrying
the claim they belong to, its grade, how many independent origins back it and whether it is
contradicted. The neighbourhood is read with the same breadth-first steps as ``query.ties``;
grades and contradictions come from credibility's tables as ``show`` reads them. The layout
(x, y in 0..1) is computed here (our own force-directed layout), deterministic for the same graph, so every drawing (the page,
its SVG export, the JSON) puts each actor at the same place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol

from interlock import query
from interlock.credibility.grades import meets
from interlock.credibility.grades import parse as parse_grade
from interlock.query import BadQuery
from interlock.store import Store

#: the most hops a graph is drawn to, and the most actors it shows (the closest, best connected first)
MAX_HOPS = 3
MAX_NODES = 300

#: the node shapes, from an actor's label and the kinds vetting gives it, in order of precedence
SHAPES = ("armed-group", "party", "state-body", "outlet", "person", "organisation", "place", "other")


class KindSource(Protocol):
    """What gives actors their kinds (``interlock.vet.kinds.KindIndex``)."""

    def kinds(self, actors: Iterable[str]) -> dict[str, dict[str, str]]: ...


def node_kind(label: str, kinds: Iterable[str]) -> str:
    """The shape an actor is drawn with: the first of ``SHAPES`` its kinds or label give."""
    have = set(kinds)
    if have & {"armed-group", "foreign-security"}:
        return "armed-group"
    if "party" in have:
        return "party"
    if have & {"state-body", "security-body", "foreign-government"}:
        return "state-body"
    if "outlet" in have:
        return "outlet"
    if label == "PERSON":
        return "person"
    if label in ("ORG", "NORP"):
        return "organisation"
    if label in ("GPE", "LOC", "PLACE", "FAC"):
        return "place"
    return "other"


def _weak(grade: str | None) -> bool:
    """A grade whose credibility number is 4 or worse (doubtful, improbable, cannot be judged)."""
    return grade is None or int(grade[1]) >= 4


def graph(store: Store, name: str, hops: int = 1, min_grade: str | None = None,
          predicates: Iterable[str] | None = None, date_from: str | None = None, date_to: str | None = None,
          max_nodes: int = MAX_NODES, kinds: KindSource | None = None) -> dict[str, Any]:
    """The network of the actor ``name`` (a name or id) to ``hops`` steps (1..3), laid out.

    ``min_grade`` keeps ties whose claim is graded at least that well; ``predicates`` only those
    predicates; ``date_from`` / ``date_to`` (YYYY-MM-DD, YYYY-MM or YYYY) ties reported in
    documents published in that range. The store's confidence floor (``read_confident``) applies.
    At most ``max_nodes`` actors are kept, nearest first, then best connected.
    """
    if not 1 <= hops <= MAX_HOPS:
        raise BadQuery(f"hops must be 1 to {MAX_HOPS}, not {hops}")
    if min_grade:
        parse_grade(min_grade)
    date_from = query.check_date(date_from, "from")
    date_to = query.check_date(date_to, "to")
    wanted = _known_predicates(predicates)
    centre = query.find_actor(store, name)
    depth, found = _reach(store, centre, hops, max_nodes)
    edges = _ties(store, found, min_grade, wanted, date_from, date_to)
    # keep the nearest actors, then the best connected, then the centre's edges first
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + 1
        degree[e["target"]] = degree.get(e["target"], 0) + 1
    linked = {centre} | set(degree)
    keep = set(sorted(linked, key=lambda k: (depth.get(k, hops + 1), -degree.get(k, 0), k))[:max_nodes])
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    nodes = _nodes(store, sorted(keep), depth, degree, kinds)
    positions = layout([n["key"] for n in nodes], [(e["source"], e["target"]) for e in edges], centre, depth)
    for n in nodes:
        n["x"], n["y"] = positions[n["key"]]
    outlets = sorted({o for e in edges for o in e["outlets"] if o})
    dates = sorted(d for e in edges for d in (e["first_published"], e["last_published"]) if d)
    found_graph = {
        "centre": centre, "name": next(n["name"] for n in nodes if n["key"] == centre), "hops": hops,
        "filters": {"min_grade": min_grade, "predicates": sorted(wanted), "from": date_from, "to": date_to,
                    "min_confidence": store_confidence(store)},
        "nodes": nodes, "edges": edges, "truncated": len(linked) > len(keep),
        "sources": outlets, "published": [dates[0], dates[-1]] if dates else None,
    }
    found_graph["caption"] = caption(found_graph)
    return found_graph


def _known_predicates(predicates: Iterable[str] | None) -> set[str]:
    """The predicates asked for, empty ones dropped; BadQuery naming any the vocabulary lacks."""
    wanted = {p for p in (predicates or []) if p}
    if wanted:
        from interlock.vocab import load_predicates

        unknown = sorted(wanted - set(load_predicates()))
        if unknown:
            raise BadQuery(f"no predicate {', '.join(map(repr, unknown))}; predicates: {', '.join(load_predicates())}")
    return wanted


def _reach(store: Store, centre: str, hops: int, max_nodes: int) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """The actors within ``hops`` steps of ``centre`` with their distance, and the edges walked.

    The walk stops early when nothing new is reached or it has found over twenty times
    ``max_nodes`` actors (more than could be kept anyway).
    """
    depth = {centre: 0}
    found: dict[str, dict[str, Any]] = {}  # statement id -> edge
    frontier = {centre}
    for step in range(1, hops + 1):
        nxt: set[str] = set()
        for near in query.neighbours(store, frontier).values():
            for other, edge in near:
                found[edge["statement"]] = edge
                if other not in depth:
                    depth[other] = step
                    nxt.add(other)
        frontier = nxt
        if not frontier or len(depth) > 20 * max_nodes:
            break
    return depth, list(found.values())


def caption(g: dict[str, Any], today: str | None = None) -> str:
    """What a drawing says about itself: whose network, the filters, the sources and when it was drawn."""
    from datetime import date

    f = g["filters"]
    filters = ", ".join(x for x in (f"grade {f['min_grade']} or better" if f["min_grade"] else "",
                                    f"reported {f['from'] or '...'} to {f['to'] or 'now'}" if f["from"] or f["to"] else "",
                                    ", ".join(f["predicates"])) if x)
    sources = ", ".join(g["sources"][:8]) + (f" and {len(g['sources']) - 8} more" if len(g["sources"]) > 8 else "")
    return (f"{g['name']}, {g['hops']} hop{'s' if g['hops'] > 1 else ''}{'; ' + filters if filters else ''}. "
            f"Sources: {sources or 'none'}. Drawn by Interlock on {today or date.today().isoformat()}.")


def store_confidence(store: Store) -> float:
    """The confidence floor the store's connection reads with (0 when it reads everything)."""
    return store.min_confidence


def _ties(store: Store, found: list[dict[str, Any]], min_grade: str | None, wanted: set[str],
          date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Statements between actors folded into ties (subject, predicate, object), graded and filtered."""
    ids = [e["statement"] for e in found]
    graded = query.statement_grades(store, ids)
    published: dict[str, tuple[str | None, str | None]] = {}
    for part in query.chunks(sorted({e["document"] for e in found})):
        for doc, day, outlet in store.each("records.documents_dated", part, ids=len(part)):
            published[doc] = (day, outlet)
    ties: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in found:
        if wanted and e["predicate"] not in wanted:
            continue
        day, outlet = published.get(e["document"], (None, None))
        if (date_from or date_to) and not query.in_date_range(day, day, date_from, date_to):
            continue
        g = graded.get(e["statement"], {})
        claim_grade = g.get("claim_grade") or g.get("grade")
        if min_grade and (claim_grade is None or not meets(claim_grade, min_grade)):
            continue
        key = (e["from"], e["predicate"], e["to"])
        tie = ties.setdefault(key, {
            "id": "", "source": e["from"], "target": e["to"], "predicate": e["predicate"], "claim": None,
            "grade": None, "reason": None, "origins": 0, "contradicted": False, "statements": [],
            "outlets": [], "first_published": None, "last_published": None, "roles": [],
            "evidence": e["evidence"], "document": e["document"], "modalities": [],
        })
        tie["statements"].append(e["statement"])
        if outlet and outlet not in tie["outlets"]:
            tie["outlets"].append(outlet)
        if e["role"] and e["role"] not in tie["roles"]:
            tie["roles"].append(e["role"])
        if e["modality"] not in tie["modalities"]:
            tie["modalities"].append(e["modality"])
        if day:
            tie["first_published"] = min(filter(None, (tie["first_published"], day)))
            tie["last_published"] = max(filter(None, (tie["last_published"], day)))
        if g.get("claim_id") and (tie["claim"] is None or _better(claim_grade, tie["grade"])):
            tie.update(claim=g["claim_id"], grade=claim_grade, reason=g.get("claim_reason"),
                       origins=int(g.get("corroboration") or 0),
                       contradicted=bool(json.loads(g.get("contradicted_by") or "[]")) or tie["contradicted"],
                       evidence=e["evidence"], document=e["document"])
        if g.get("contradictions"):
            tie["contradicted"] = True
    out = []
    for tie in ties.values():
        if not tie["origins"]:
            tie["origins"] = len(tie["outlets"]) or 1
        tie["id"] = tie["claim"] or tie["statements"][0]
        tie["weak"] = _weak(tie["grade"])
        tie["negated"] = tie["modalities"] == ["negated"]
        out.append(tie)
    out.sort(key=lambda t: (t["source"], t["predicate"], t["target"]))
    return out


def _better(a: str | None, b: str | None) -> bool:
    """Whether grade ``a`` is better than ``b`` (credibility first, then reliability)."""
    if a is None:
        return False
    if b is None:
        return True
    return (int(a[1]), a[0]) < (int(b[1]), b[0])


def _nodes(store: Store, keys: list[str], depth: dict[str, int], degree: dict[str, int],
           kinds: KindSource | None) -> list[dict[str, Any]]:
    if kinds is None:
        from interlock.vet.kinds import KindIndex

        kinds = KindIndex(store)
    found = kinds.kinds(keys)
    summaries = _summaries(store, keys)
    out = []
    for k in keys:
        summary = summaries[k]
        have = sorted(found.get(k, {}))
        out.append({**summary, "kinds": have, "shape": node_kind(summary["label"], have),
                    "hops": depth.get(k, 0), "ties": degree.get(k, 0)})
    return out


def _summaries(store: Store, keys: list[str]) -> dict[str, dict[str, Any]]:
    """``query.actor_summary`` of many actors in a few queries: display name (resolution's, else the
    longest then most frequent spelling), label and number of documents."""
    named: dict[str, tuple[str, str]] = {}
    spelled: dict[str, tuple[tuple[int, int, str], str, str]] = {}
    documents: dict[str, int] = {}
    for part in query.chunks(keys):
        for r in store.each("records.actor_names", part, ids=len(part)):
            named[r[0]] = (r[1], r[2])
        for r in store.each("records.actor_spellings", part, ids=len(part)):
            rank = (-len(r[1]), -int(r[3]), r[1])
            if r[0] not in spelled or rank < spelled[r[0]][0]:
                spelled[r[0]] = (rank, r[1], r[2])
        documents.update((r[0], int(r[1])) for r in store.each("records.actor_document_counts", part, ids=len(part)))
    out = {}
    for k in keys:
        name, label = named.get(k) or (spelled[k][1], spelled[k][2]) if k in named or k in spelled else (k, "")
        out[k] = {"key": k, "name": name, "label": label, "documents": documents.get(k, 0)}
    return out


def layout(nodes: list[str], edges: list[tuple[str, str]], centre: str,
           depth: dict[str, int] | None = None, iterations: int = 26) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² for the nodes (x up to 0.82: the names are written on the right).

    Force-directed (Fruchterman-Reingold: every pair repels, ties attract), started from rings
    by distance from the centre so that few steps are needed; vectorised with numpy, and
    deterministic, so the same graph is drawn the same way.
    """
    import numpy as np

    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    index = {k: i for i, k in enumerate(nodes)}
    hops = [0 if k == centre else (depth or {}).get(k, 1) for k in nodes]
    pos = np.zeros((n, 2))
    rings: dict[int, list[int]] = {}
    for i, h in enumerate(hops):
        rings.setdefault(h, []).append(i)
    for h, members in rings.items():
        for j, i in enumerate(members):
            angle = 2 * np.pi * j / len(members) + 0.7 * h
            pos[i] = (h * np.cos(angle), h * np.sin(angle))
    adjacency = np.zeros((n, n))
    for a, b in edges:
        if a in index and b in index and a != b:
            adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    fixed = index[centre]
    k = 2.0 * max(max(hops), 1) / np.sqrt(n)
    step = 0.3 * max(max(hops), 1)
    # float32 and arrays reused in place: 300 actors take a few milliseconds a step
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    attract = (adjacency / k).astype(np.float32)
    dx, dy = np.empty((n, n), np.float32), np.empty((n, n), np.float32)
    distance, push = np.empty((n, n), np.float32), np.empty((n, n), np.float32)
    k2 = np.float32(k * k)
    for _ in range(iterations):
        np.subtract(x[:, None], x[None, :], out=dx)
        np.subtract(y[:, None], y[None, :], out=dy)
        np.multiply(dx, dx, out=distance)
        distance += dy * dy
        np.maximum(distance, 1e-4, out=distance)  # squared distance, at least 0.01²
        np.divide(k2, distance, out=push)
        np.sqrt(distance, out=distance)
        push -= attract * distance
        np.fill_diagonal(push, 0.0)
        mx, my = (dx * push).sum(axis=1), (dy * push).sum(axis=1)
        length = np.maximum(np.sqrt(mx * mx + my * my), 0.01)
        scale = np.minimum(length, step) / length
        x += mx * scale
        y += my * scale
        x[fixed] = y[fixed] = 0.0
        step *= 0.9
    pos = np.stack([x, y], axis=1)
    # stretched to fill the drawing, with room on the right for the names
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    return {key: (round(0.03 + 0.79 * float((pos[i, 0] - lo[0]) / span[0]), 4),
                  round(0.04 + 0.92 * float((pos[i, 1] - lo[1]) / span[1]), 4))
            for key, i in index.items()}
