"""What the questions read of statements: their actors' names, their sources' relay chains, their grades.

Shared by the modules of ``interlock.query``: the names of entities (``_names``, and
``actor_names``, by the actor each belongs to), who said a statement and which outlets it passed
through (``source_chain``), each statement's grade and its claim's (``statement_grades``, read in
``chunks``), and whether a grade meets a minimum (``_meets``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from interlock.credibility.grades import meets
from interlock.store import Store


def _names(store: Store, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return store.pairs("query.entity_names", sorted(ids), ids=len(ids))


def actor_names(store: Store, ids: set[str]) -> dict[str, str]:
    """Entities by the name of the actor each belongs to ("Maras" in one article is Teodor Maras)."""
    if not ids:
        return {}
    return store.pairs("query.entity_actor_names", sorted(ids), ids=len(ids))


def source_chain(store: Store, attribution_id: str | None) -> list[str]:
    """Who said it, then each outlet it passed through, innermost first: the relay chain of an
    attribution as the answers show it (``["the minister", "Wire Service", "Daily Post"]``)."""
    if attribution_id is None:
        return []
    row = store.row("query.attribution_chain", (attribution_id,))
    if row is None:
        return []
    if row["same_source_as"] and row["same_source_as"] != attribution_id:
        # "the source said" again: the chain is that of the source's first telling
        return source_chain(store, row["same_source_as"])
    via = json.loads(row["via"])
    names = _names(store, set(via) | ({row["source_entity_id"]} if row["source_entity_id"] else set()))
    speaker = names.get(row["source_entity_id"], row["source_text"] or "?")
    if row["anonymous"]:
        speaker += " (anonymous)"
    # extraction's via may repeat the speaker itself: a chain names each link once
    return [speaker, *(names.get(v, v) for v in via if v != row["source_entity_id"])]


def statement_grades(store: Store, statement_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each statement's grade, its claim's grade, origins and contradictions (credibility's tables)."""
    out: dict[str, dict[str, Any]] = {}
    for part in chunks(statement_ids):
        for r in store.each("query.statement_grades", part, ids=len(part)):
            out[r["statement_id"]] = dict(r)
        for r in store.each("query.statement_contradictions", part, ids=len(part)):
            out.setdefault(r[0], {}).setdefault("contradictions", []).append({"statement": r[1], "reason": r[2]})
    return out


def _meets(value: str | None, minimum: str | None) -> bool:
    if minimum is None:
        return True
    return value is not None and meets(value, minimum)


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """``items`` in lists of at most ``size``, for look-ups that bind one parameter per item."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
