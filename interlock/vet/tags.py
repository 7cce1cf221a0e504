"""Hand tags of actors' kinds, kept as analyst judgements that every vetting run replays."""

from __future__ import annotations

import json
from typing import Any

from interlock.query import find_actor
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
    store.run(
        "vetting.add_tag",
        ("untag" if remove else "tag", json.dumps({"names": [name], "entities": ids}, ensure_ascii=False), tag,
         who or who_am_i(), at, note),
    )
    return {"name": display, "tag": tag, "removed": remove, "entities": ids, "at": at}
