"""Watches and alerts: what ingest reports when new documents touch a watched actor or rule.

A watch is a row of ``watches``: an actor (its name as typed and its document
entities at the time) or a rule id (with the pack it comes from). After an ingest,
``check`` records an alert for every new statement about a watched actor in the new
documents, and for every finding of a watched rule that is new or whose chain or
grade changed (``findings`` keeps each finding's fingerprint). Alerts are stored, so
``interlock alerts`` lists them later. With nothing watched, ``check`` costs one query.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from interlock.errors import InterlockError
from interlock.query import Ambiguous, NotFound, find_actor
from interlock.store import SQLiteStore
from interlock.vet.engine import vet
from interlock.vet.kinds import chunks
from interlock.vet.rules import RuleError, load_pack


class WatchError(InterlockError):
    "A watch that cannot be added or removed"


def now() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def who_am_i() -> str:
    """The analyst's name for judgements and watches: INTERLOCK_USER, else the login name."""
    from interlock.resolve.judgements import analyst

    try:
        return analyst()
    except (KeyError, OSError):
        return "analyst"


def add_watch(store: SQLiteStore, target: str, who: str | None = None, pack: str | None = None) -> dict[str, Any]:
    """Watch a rule (by id) or an actor (by name); a rule's current findings become the baseline."""
    rules = load_pack(pack)
    c = store.conn
    if any(r.id == target for r in rules.rules):
        have = c.execute("SELECT id FROM watches WHERE kind = 'rule' AND target = ?", (target,)).fetchone()
        if have is not None:  # watched already: one watch, not two
            return {"id": have[0], "kind": "rule", "target": target, "existing": True}
        c.execute("INSERT INTO watches (kind, target, entities, who, at) VALUES ('rule', ?, ?, ?, ?)",
                  (target, json.dumps([pack] if pack else []), who or who_am_i(), now()))
        watch_id = c.execute("SELECT last_insert_rowid()").fetchone()[0]
        _record(store, vet(store, rules, rules=[target]), None)  # known findings are not news
        return {"id": watch_id, "kind": "rule", "target": target}
    if pack is not None:
        raise WatchError(f"no rule {target!r} in {pack}; rules: {', '.join(r.id for r in rules.rules)}")
    try:
        key: str | None = find_actor(store, target)
    except NotFound as exc:
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", target):  # a rule id mistyped, not a name
            rule_ids = ", ".join(r.id for r in rules.rules)
            raise WatchError(f"{exc} (to watch a rule, give one of: {rule_ids})") from None
        key = None  # a name not seen yet: watched, and an alert when it first appears
    except Ambiguous as exc:
        rule_ids = ", ".join(r.id for r in rules.rules)
        raise WatchError(f"{exc} (to watch a rule, give one of: {rule_ids})") from None
    ids = [r[0] for r in c.execute("SELECT id FROM entities WHERE actor_id = ? ORDER BY id", (key,))] if key else []
    for have in c.execute("SELECT id, target, entities FROM watches WHERE kind = 'actor'").fetchall():
        if have[1] == target or (ids and json.loads(have[2] or "[]") == ids):  # the same actor, however spelled
            return {"id": have[0], "kind": "actor", "target": have[1], "entities": len(ids), "existing": True}
    c.execute("INSERT INTO watches (kind, target, entities, who, at) VALUES ('actor', ?, ?, ?, ?)",
              (target, json.dumps(ids), who or who_am_i(), now()))
    return {"id": c.execute("SELECT last_insert_rowid()").fetchone()[0], "kind": "actor", "target": target,
            "entities": len(ids), "seen": key is not None}


def list_watches(store: SQLiteStore) -> list[dict[str, Any]]:
    """Every watch, oldest first."""
    return [
        {"id": r["id"], "kind": r["kind"], "target": r["target"], "who": r["who"], "at": r["at"],
         "entities": json.loads(r["entities"])}
        for r in store.conn.execute("SELECT * FROM watches ORDER BY id")
    ]


def remove_watch(store: SQLiteStore, target: str) -> int:
    """Stop watching: by watch id or by the target as given; how many watches were removed."""
    c = store.conn
    if target.isdigit():
        n = c.execute("DELETE FROM watches WHERE id = ?", (int(target),)).rowcount
    else:
        n = c.execute("DELETE FROM watches WHERE target = ?", (target,)).rowcount
    if not n:
        raise WatchError(f"no watch {target!r}; see `interlock watch list`")
    return int(n)


def _record(store: SQLiteStore, findings: list[dict[str, Any]], watch_id: int | None) -> list[dict[str, Any]]:
    """Store findings; the alerts due for those that are new or changed (none when watch_id is None)."""
    c = store.conn
    at = now()
    due = []
    for f in findings:
        row = c.execute("SELECT fingerprint FROM findings WHERE id = ?", (f["id"],)).fetchone()
        body = json.dumps(f, ensure_ascii=False)
        if row is None:
            c.execute("INSERT INTO findings (id, rule_id, fingerprint, body, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)",
                      (f["id"], f["rule"], f["fingerprint"], body, at, at))
            kind = "new-finding"
        elif row[0] != f["fingerprint"]:
            c.execute("UPDATE findings SET fingerprint = ?, body = ?, last_seen = ? WHERE id = ?",
                      (f["fingerprint"], body, at, f["id"]))
            kind = "changed-finding"
        else:
            c.execute("UPDATE findings SET last_seen = ? WHERE id = ?", (at, f["id"]))
            continue
        if watch_id is not None:
            flags = f" [{', '.join(f['flags'])}]" if f["flags"] else ""
            due.append({"kind": kind, "watch_id": watch_id, "finding_id": f["id"], "statement_id": None,
                        "document_id": None,
                        "message": f"{f['rule']}: {f['subject']} - {f['title']}{flags}, grade {f['grade']}"})
    return due


def check(store: SQLiteStore, document_ids: list[str]) -> list[dict[str, Any]]:
    """After an ingest stored ``document_ids``: record and return the alerts it raises."""
    c = store.conn
    watches = c.execute("SELECT id, kind, target, entities FROM watches ORDER BY id").fetchall()
    if not watches or not document_ids:
        return []
    due: list[dict[str, Any]] = []
    actor_watches = [w for w in watches if w["kind"] == "actor"]
    if actor_watches:
        due += _statement_alerts(store, actor_watches, document_ids)
    packs: dict[str | None, list[tuple[int, str]]] = {}
    for w in watches:
        if w["kind"] == "rule":
            given = json.loads(w["entities"])
            packs.setdefault(given[0] if given else None, []).append((w["id"], w["target"]))
    for pack_path, wanted in packs.items():
        try:
            pack = load_pack(pack_path)
        except RuleError as exc:
            due.append({"kind": "error", "watch_id": wanted[0][0], "finding_id": None, "statement_id": None,
                        "document_id": None, "message": f"cannot check watched rules: {exc}"})
            continue
        watch_of = {rule_id: wid for wid, rule_id in wanted}
        findings = vet(store, pack, rules=sorted(watch_of))
        for rule_id, wid in watch_of.items():
            due += _record(store, [f for f in findings if f["rule"] == rule_id], wid)
    at = now()
    for a in due:
        a["at"] = at
        a["id"] = c.execute(
            "INSERT INTO alerts (at, kind, watch_id, finding_id, statement_id, document_id, message) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (at, a["kind"], a["watch_id"], a["finding_id"], a["statement_id"], a["document_id"], a["message"]),
        ).lastrowid
    return due


def _statement_alerts(store: SQLiteStore, watches: list[Any], document_ids: list[str]) -> list[dict[str, Any]]:
    """New statements in the documents whose subject or object is a watched actor."""
    c = store.conn
    keys: dict[str, set[int]] = {}
    due_first: list[dict[str, Any]] = []
    for w in watches:
        ids = json.loads(w["entities"])
        actors = set()
        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            actors |= {r[0] for r in c.execute(f"SELECT DISTINCT actor_id FROM entities WHERE id IN ({marks})", part)}  # noqa: S608
        try:
            # the name finds new spellings that resolution has grouped with the actor since
            actors.add(find_actor(store, w["target"]))
        except (NotFound, Ambiguous):
            pass
        if not ids and actors:
            due_first.extend(_first_seen(store, w, actors, document_ids))
        for a in actors:
            keys.setdefault(a, set()).add(w["id"])
    due = due_first
    for part in chunks(sorted(set(document_ids))):
        marks = ",".join("?" * len(part))
        for r in c.execute(
            "SELECT s.id, s.document_id, s.predicate, s.role, s.evidence_text, a.actor_id AS sa, a.name AS sn, "  # noqa: S608
            "b.actor_id AS oa, b.name AS obn FROM statements s JOIN entities a ON a.id = s.subject_id "
            f"LEFT JOIN entities b ON b.id = s.object_id WHERE s.document_id IN ({marks}) ORDER BY s.document_id, s.evidence_start",
            part,
        ):
            for wid in sorted(keys.get(r["sa"], set()) | keys.get(r["oa"], set())):
                what = " ".join(x for x in (r["sn"], r["predicate"], r["obn"] or "", f"({r['role']})" if r["role"] else "") if x)
                due.append({"kind": "new-statement", "watch_id": wid, "finding_id": None, "statement_id": r["id"],
                            "document_id": r["document_id"], "message": f"{what}: {r['evidence_text'][:200]}"})
    return due


def _first_seen(store: SQLiteStore, watch: Any, actors: set[str], document_ids: list[str]) -> list[dict[str, Any]]:
    """A watched name that had never been seen now is: one alert, and the watch keeps its entities."""
    c = store.conn
    ids = sorted(r[0] for a in actors for r in c.execute("SELECT id FROM entities WHERE actor_id = ?", (a,)))
    docs = sorted({r[0] for part in chunks(ids) for r in c.execute(
        f"SELECT DISTINCT document_id FROM entities WHERE id IN ({','.join('?' * len(part))})", part)}  # noqa: S608
        & set(document_ids))
    c.execute("UPDATE watches SET entities = ? WHERE id = ?", (json.dumps(ids), watch["id"]))
    if not docs:
        return []
    return [{"kind": "first-seen", "watch_id": watch["id"], "finding_id": None, "statement_id": None,
             "document_id": docs[0], "message": f"{watch['target']} appears for the first time, in {', '.join(docs)}"}]


def list_alerts(store: SQLiteStore, since: str | None = None, published_since: str | None = None) -> list[dict[str, Any]]:
    """Stored alerts, oldest first: raised (at ingest) on or after ``since``, and about documents
    published on or after ``published_since`` (dates, YYYY-MM-DD)."""
    rows = store.conn.execute(
        "SELECT a.*, w.target, d.published FROM alerts a LEFT JOIN watches w ON w.id = a.watch_id "
        "LEFT JOIN documents d ON d.id = a.document_id "
        "WHERE a.at >= ? AND (? = '' OR coalesce(d.published, '') >= ?) ORDER BY a.id",
        (since or "", published_since or "", published_since or ""),
    ).fetchall()
    return [dict(r) for r in rows]
