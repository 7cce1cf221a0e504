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
from interlock.store import SQLiteStore


class BadJudgement(InterlockError):
    "A judgement that cannot be made as asked"


def analyst() -> str:
    """Who is making a judgement: the ``user`` setting (INTERLOCK_USER), else the login name."""
    return settings.get("user") or getpass.getuser() or "unknown"


def members(store: SQLiteStore, name: str) -> tuple[str, list[str]]:
    """The actor a name refers to, and its document entities."""
    actor = find_actor(store, name)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM entities WHERE actor_id = ? ORDER BY id", (actor,))]
    return actor, ids


def record(store: SQLiteStore, kind: str, a: dict[str, Any], b: dict[str, Any] | str | None,
           who: str | None = None, note: str | None = None) -> int:
    """Write one judgement to the log; returns its number."""
    with store.transaction() as c:
        cur = c.execute(
            "INSERT INTO judgements (kind, a, b, who, at, note) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, json.dumps(a, ensure_ascii=False),
             b if isinstance(b, str) or b is None else json.dumps(b, ensure_ascii=False),
             who or analyst(), datetime.now(UTC).isoformat(timespec="seconds"), note),
        )
        return int(cur.lastrowid or 0)


def merge(store: SQLiteStore, a: str, b: str, who: str | None = None, note: str | None = None) -> int:
    """Two names are one actor, whatever resolution thinks."""
    actor_a, ids_a = members(store, a)
    actor_b, ids_b = members(store, b)
    if actor_a == actor_b:
        raise BadJudgement(f"{a!r} and {b!r} are already one actor")
    return record(store, "merge", {"names": [a], "entities": ids_a}, {"names": [b], "entities": ids_b}, who, note)


def never(store: SQLiteStore, a: str, b: str, who: str | None = None, note: str | None = None) -> int:
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
    return record(store, "never", {"names": [a], "entities": ids_a}, {"names": [b], "entities": ids_b}, who, note)


def _entities_named(store: SQLiteStore, actor: str, name: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id "
        "WHERE e.actor_id = ? AND m.text = ? COLLATE NOCASE ORDER BY e.id",
        (actor, name),
    )
    return [r[0] for r in rows]


def split(store: SQLiteStore, name: str, documents: list[str], who: str | None = None,
          note: str | None = None) -> int:
    """Take an actor's entities in ``documents`` out of it: they become an actor of their own."""
    _actor, ids = members(store, name)
    if not documents:
        docs = sorted({r[0] for r in store.conn.execute(
            f"SELECT DISTINCT document_id FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids)})  # noqa: S608
        raise BadJudgement(f"say which documents to split off {name!r} with --document; it is in: {', '.join(docs)}")
    marks = ",".join("?" * len(ids))
    part = [r[0] for r in store.conn.execute(
        f"SELECT id FROM entities WHERE id IN ({marks}) AND document_id IN ({','.join('?' * len(documents))})",  # noqa: S608
        [*ids, *documents],
    )]
    if not part:
        raise BadJudgement(f"{name!r} has no entity in {', '.join(documents)}")
    rest = [i for i in ids if i not in set(part)]
    if not rest:
        raise BadJudgement(f"every entity of {name!r} is in {', '.join(documents)}: nothing would be left")
    return record(store, "split", {"names": [name], "documents": documents, "entities": part},
                  {"names": [name], "entities": rest}, who, note)


def withdraw(store: SQLiteStore, number: int, who: str | None = None, note: str | None = None) -> int:
    """Withdraw a judgement: it stays in the log as ``withdrawn:KIND`` and is replayed no more.

    The withdrawal is itself a judgement (kind ``withdraw``), so the log says who took it back and when.
    """
    row = store.conn.execute("SELECT kind FROM judgements WHERE id = ?", (number,)).fetchone()
    if row is None:
        raise BadJudgement(f"no judgement {number}; `interlock show NAME` lists those about an actor")
    kind = row[0]
    if kind.startswith("withdrawn:") or kind == "withdraw":
        raise BadJudgement(f"judgement {number} is {'already withdrawn' if kind != 'withdraw' else 'a withdrawal'}")
    with store.transaction() as c:
        c.execute("UPDATE judgements SET kind = ? WHERE id = ?", (f"withdrawn:{kind}", number))
    return record(store, "withdraw", {"judgement": number, "kind": kind}, None, who, note)


def about(store: SQLiteStore, entity_ids: set[str]) -> list[dict[str, Any]]:
    """The judgements that touch any of these entities, oldest first, for ``show``."""
    out = []
    for row in store.conn.execute("SELECT * FROM judgements ORDER BY id"):
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
