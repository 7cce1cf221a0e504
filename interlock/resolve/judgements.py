"""Analysts' judgements on resolution: merge, never merge, split; kept in a log and replayed.

Each judgement names the document entities it is about (both sides), with the
names the analyst typed, who made it and when. Resolution replays the log every
time it runs (``interlock.resolve.store.load_judgements``), so a judgement
survives re-resolution and new documents: new entities join actors as usual,
and the ones an analyst separated stay apart.
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from typing import Any

from interlock import settings
from interlock.errors import InterlockError
from interlock.query import find_actor
from interlock.store import Store


class BadJudgement(InterlockError):
    "A judgement that cannot be made as asked"


def analyst() -> str:
    """Who is making a judgement: the ``user`` setting (INTERLOCK_USER), else the login name."""
    return settings.get("user") or getpass.getuser() or "unknown"


def members(store: Store, name: str) -> tuple[str, list[str]]:
    """The actor a name refers to, and its document entities."""
    actor = find_actor(store, name)
    ids = store.column("resolution.actor_entities", (actor,))
    return actor, ids


def record(store: Store, kind: str, a: dict[str, Any], b: dict[str, Any] | str | None,
           who: str | None = None, note: str | None = None) -> int:
    """Write one judgement to the log; returns its number."""
    with store.transaction():
        return store.insert(
            "judgements.add",
            (kind, json.dumps(a, ensure_ascii=False),
             b if isinstance(b, str) or b is None else json.dumps(b, ensure_ascii=False),
             who or analyst(), datetime.now(UTC).isoformat(timespec="seconds"), note),
        )


def merge(store: Store, a: str, b: str, who: str | None = None, note: str | None = None) -> int:
    """Two names are one actor, whatever resolution thinks."""
    actor_a, ids_a = members(store, a)
    actor_b, ids_b = members(store, b)
    if actor_a == actor_b:
        raise BadJudgement(f"{a!r} and {b!r} are already one actor")
    return record(store, "merge", {"names": [a], "entities": ids_a}, {"names": [b], "entities": ids_b}, who, note)


def never(store: Store, a: str, b: str, who: str | None = None, note: str | None = None) -> int:
    """Two names are different actors: resolution may never join them."""
    actor_a, ids_a = members(store, a)
    actor_b, ids_b = members(store, b)
    if actor_a == actor_b:
        # they are one actor now: tell the two apart by the names the analyst gave
        names_a = _entities_named(store, actor_a, a)
        names_b = _entities_named(store, actor_b, b)
        if not names_a or not names_b or set(names_a) & set(names_b):
            raise BadJudgement(
                f"{a!r} and {b!r} are one actor under names that cannot tell its entities apart; "
                "use `interlock split NAME --document DOC` to take some documents out"
            )
        ids_a, ids_b = names_a, names_b
        merged = _merged_by(store, set(ids_a), set(ids_b))
        if merged is not None:
            # a merge is applied before any "never": this one would be logged and change nothing
            raise BadJudgement(f"judgement {merged} made {a!r} and {b!r} one actor; withdraw it first "
                               f"(`interlock withdraw {merged}`), then say they are different")
    return record(store, "never", {"names": [a], "entities": ids_a}, {"names": [b], "entities": ids_b}, who, note)


def _merged_by(store: Store, side_a: set[str], side_b: set[str]) -> int | None:
    """The number of a merge judgement (still in force) that joins entities of both sides, if any."""
    for row in store.each("judgements.all"):
        if row["kind"] != "merge" or not (row["b"] or "").startswith("{"):
            continue
        x, y = set(json.loads(row["a"]).get("entities", [])), set(json.loads(row["b"]).get("entities", []))
        if (x & side_a and y & side_b) or (x & side_b and y & side_a):
            return int(row["id"])
    return None


def _entities_named(store: Store, actor: str, name: str) -> list[str]:
    return store.column("resolution.actor_entities_named", (actor, name))


def split(store: Store, name: str, documents: list[str], who: str | None = None,
          note: str | None = None) -> int:
    """Take an actor's entities in ``documents`` out of it: they become an actor of their own."""
    _actor, ids = members(store, name)
    if not documents:
        docs = sorted(set(store.column("resolution.documents_of_entities", ids, ids=len(ids))))
        raise BadJudgement(f"say which documents to split off {name!r} with --document; it is in: {', '.join(docs)}")
    part = store.column("resolution.entities_in_documents", [*ids, *documents], ids=len(ids), docs=len(documents))
    if not part:
        raise BadJudgement(f"{name!r} has no entity in {', '.join(documents)}")
    rest = [i for i in ids if i not in set(part)]
    if not rest:
        raise BadJudgement(f"every entity of {name!r} is in {', '.join(documents)}: nothing would be left")
    return record(store, "split", {"names": [name], "documents": documents, "entities": part},
                  {"names": [name], "entities": rest}, who, note)


def withdraw(store: Store, number: int, who: str | None = None, note: str | None = None) -> int:
    """Withdraw a judgement: it stays in the log as ``withdrawn:KIND`` and is replayed no more.

    The withdrawal is itself a judgement (kind ``withdraw``), so the log says who took it back and when.
    """
    row = store.row("judgements.kind_of", (number,))
    if row is None:
        raise BadJudgement(f"no judgement {number}; `interlock show NAME` lists those about an actor")
    kind = row[0]
    if kind.startswith("withdrawn:") or kind == "withdraw":
        raise BadJudgement(f"judgement {number} is {'already withdrawn' if kind != 'withdraw' else 'a withdrawal'}")
    with store.transaction():
        store.run("judgements.set_kind", (f"withdrawn:{kind}", number))
    return record(store, "withdraw", {"judgement": number, "kind": kind}, None, who, note)


def about(store: Store, entity_ids: set[str]) -> list[dict[str, Any]]:
    """The judgements that touch any of these entities, oldest first, for ``show``."""
    out = []
    for row in store.each("judgements.all"):
        a = json.loads(row["a"])
        b = json.loads(row["b"]) if row["b"] and row["b"].startswith("{") else row["b"]
        touched = set(a.get("entities", [])) | (set(b.get("entities", [])) if isinstance(b, dict) else set())
        if touched & entity_ids:
            out.append({
                "id": row["id"], "kind": row["kind"], "a": a.get("names", []),
                "b": b.get("names", []) if isinstance(b, dict) else b,
                "documents": a.get("documents", []), "who": row["who"], "at": row["at"], "note": row["note"],
            })
    return out
