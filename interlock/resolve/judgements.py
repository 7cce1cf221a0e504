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
from interlock.lookup import find_actor
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


def keys_of(store: Store, entity_ids: list[str]) -> dict[str, str]:
    """Each entity's stable key: its folded name @ its document : its first mention. Extraction may
    give an entity another id; the key finds it again (``current_entities``)."""
    out: dict[str, str] = {}
    for i in range(0, len(entity_ids), 500):
        part = entity_ids[i : i + 500]
        out.update(store.pairs("judgements.entity_keys", part, ids=len(part)))
    return out


def _keyed(store: Store, side: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A side of a judgement with the stable key of each of its entities, and the side's key (its first)."""
    ids = list(side.get("entities", []))
    if not ids:
        return side, None
    keys = keys_of(store, ids)
    side = {**side, "keys": [keys.get(e) for e in ids]}
    return side, keys.get(ids[0])


def current_entities(store: Store, side: dict[str, Any]) -> list[str]:
    """A side's entities as the store has them now: an id extraction no longer gives is found by its key."""
    ids = list(side.get("entities", []))
    keys = list(side.get("keys", []))
    if not ids:
        return []
    present: set[str] = set()
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        present.update(store.column("judgements.present", part, ids=len(part)))
    out = []
    for n, entity in enumerate(ids):
        if entity in present:
            out.append(entity)
            continue
        key = keys[n] if n < len(keys) else None
        if not key or "@" not in key or ":" not in key:
            continue
        name_key, rest = key.split("@", 1)
        document = rest.split(":", 1)[0]
        found = store.value("judgements.entity_of_key", (name_key, document, key))
        if found:
            out.append(found)
    return out


def record(store: Store, kind: str, a: dict[str, Any], b: dict[str, Any] | str | None,
           who: str | None = None, note: str | None = None) -> int:
    """Write one judgement to the log: an edge between the stable keys of its two sides (a tag's right
    side is the tag), with who made it and when; returns its number."""
    a, left = _keyed(store, a)
    right: str | None = b if isinstance(b, str) else None
    if isinstance(b, dict):
        b, right = _keyed(store, b)
    with store.transaction():
        return store.insert(
            "judgements.add",
            (kind, json.dumps(a, ensure_ascii=False),
             b if isinstance(b, str) or b is None else json.dumps(b, ensure_ascii=False),
             who or analyst(), datetime.now(UTC).isoformat(timespec="seconds"), note, left, right),
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
    by = who or analyst()
    with store.transaction():
        store.run("judgements.withdraw",
                  (f"withdrawn:{kind}", datetime.now(UTC).isoformat(timespec="seconds"), by, number))
    return record(store, "withdraw", {"judgement": number, "kind": kind}, None, by, note)


#: what each kind of judgement says of its two sides, as nomenklatura's resolver says it
EDGE = {"merge": "positive", "never": "negative", "split": "negative", "tag": "tag", "untag": "untag"}


def listing(store: Store) -> list[dict[str, Any]]:
    """Every judgement as an edge: its id, what it says (positive, negative, tag), the stable keys and
    names of its two sides, who made it and when, and who withdrew it and when (if anyone did)."""
    out = []
    for row in store.each("judgements.edges"):
        kind = str(row["kind"]).removeprefix("withdrawn:")
        a = json.loads(row["a"])
        b = json.loads(row["b"]) if row["b"] and str(row["b"]).startswith("{") else row["b"]
        out.append({
            "id": row["id"], "kind": kind, "judgement": EDGE.get(kind, kind),
            "left": {"key": row["left_key"], "names": a.get("names", [])},
            "right": {"key": row["right_key"], "names": b.get("names", []) if isinstance(b, dict) else [b]},
            "who": row["who"], "at": row["at"], "note": row["note"],
            "withdrawn": ({"by": row["deleted_by"], "at": row["deleted_at"]} if row["deleted_at"] else None),
        })
    return out


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
