"""Hand tags of actors' kinds, kept as analyst judgements that every vetting run replays."""

from __future__ import annotations

import json
from typing import Any

from interlock.query import find_actor
from interlock.resolve.judgements import keys_of
from interlock.store import Store
from interlock.vet.alerts import now, who_am_i
from interlock.vet.rules import RuleError, known_kinds


def add_tag(store: Store, name: str, tag: str, remove: bool = False, who: str | None = None,
            note: str | None = None) -> dict[str, Any]:
    """Record that the actor called ``name`` is (or, with ``remove``, is not) of kind ``tag``."""
    if tag not in known_kinds():
        raise RuleError("tag", None, f"unknown kind {tag!r}; accepted: {', '.join(known_kinds())}")
    key = find_actor(store, name)
    ids = store.column("vetting.actor_entities", (key,))
    display = store.value("vetting.actor_longest_spelling", (key,))
    at = now()
    keys = keys_of(store, ids)  # an edge from the actor's stable key to the tag (interlock judgements)
    side = {"names": [name], "entities": ids, "keys": [keys.get(e) for e in ids]}
    store.run(
        "vetting.add_tag",
        ("untag" if remove else "tag", json.dumps(side, ensure_ascii=False), tag, who or who_am_i(), at, note,
         keys.get(ids[0]) if ids else None, tag),
    )
    return {"name": display, "tag": tag, "removed": remove, "entities": ids, "at": at}
