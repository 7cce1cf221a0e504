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
from interlock.store import Store
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


def add_watch(store: Store, target: str, who: str | None = None, pack: str | None = None) -> dict[str, Any]:
    """Watch a rule (by id) or an actor (by name); a rule's current findings become the baseline."""
    rules = load_pack(pack)
    if any(r.id == target for r in rules.rules):
        have = store.row("vetting.rule_watch", (target,))
        if have is not None:  # watched already: one watch, not two
            return {"id": have[0], "kind": "rule", "target": target, "existing": True}
        watch_id = store.insert("vetting.add_watch",
                                ("rule", target, json.dumps([pack] if pack else []), who or who_am_i(), now()))
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
    ids = store.column("vetting.actor_entities", (key,)) if key else []
    for have in store.rows("vetting.actor_watches"):
        if have[1] == target or (ids and json.loads(have[2] or "[]") == ids):  # the same actor, however spelled
            return {"id": have[0], "kind": "actor", "target": have[1], "entities": len(ids), "existing": True}
    watch_id = store.insert("vetting.add_watch", ("actor", target, json.dumps(ids), who or who_am_i(), now()))
    return {"id": watch_id, "kind": "actor", "target": target,
            "entities": len(ids), "seen": key is not None}


def list_watches(store: Store) -> list[dict[str, Any]]:
    """Every watch, oldest first."""
    return [
        {"id": r["id"], "kind": r["kind"], "target": r["target"], "who": r["who"], "at": r["at"],
         "entities": json.loads(r["entities"])}
        for r in store.each("vetting.watches")
    ]


def remove_watch(store: Store, target: str) -> int:
    """Stop watching: by watch id or by the target as given; how many watches were removed."""
    if target.isdigit():
        n = store.run("vetting.remove_watch", (int(target),))
    else:
        n = store.run("vetting.remove_watch_of", (target,))
    if not n:
        raise WatchError(f"no watch {target!r}; see `interlock watch list`")
    return int(n)


def _record(store: Store, findings: list[dict[str, Any]], watch_id: int | None) -> list[dict[str, Any]]:
    """Store findings; the alerts due for those that are new or changed (none when watch_id is None)."""
    at = now()
    due = []
    for f in findings:
        row = store.row("vetting.finding_fingerprint", (f["id"],))
        body = json.dumps(f, ensure_ascii=False)
        if row is None:
            store.run("vetting.add_finding", (f["id"], f["rule"], f["fingerprint"], body, at, at))
            kind = "new-finding"
        elif row[0] != f["fingerprint"]:
            store.run("vetting.change_finding", (f["fingerprint"], body, at, f["id"]))
            kind = "changed-finding"
        else:
            store.run("vetting.see_finding", (at, f["id"]))
            continue
        if watch_id is not None:
            flags = f" [{', '.join(f['flags'])}]" if f["flags"] else ""
            due.append({"kind": kind, "watch_id": watch_id, "finding_id": f["id"], "statement_id": None,
                        "document_id": None,
                        "message": f"{f['rule']}: {f['subject']} - {f['title']}{flags}, grade {f['grade']}"})
    return due


def check(store: Store, document_ids: list[str]) -> list[dict[str, Any]]:
    """After an ingest stored ``document_ids``: record and return the alerts it raises."""
    watches = store.rows("vetting.watches_brief")
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
        a["id"] = store.insert(
            "vetting.add_alert",
            (at, a["kind"], a["watch_id"], a["finding_id"], a["statement_id"], a["document_id"], a["message"]),
        )
    return due


def _statement_alerts(store: Store, watches: list[Any], document_ids: list[str]) -> list[dict[str, Any]]:
    """New statements in the documents whose subject or object is a watched actor."""
    keys: dict[str, set[int]] = {}
    due_first: list[dict[str, Any]] = []
    for w in watches:
        ids = json.loads(w["entities"])
        actors = set()
        for part in chunks(ids):
            actors |= set(store.column("vetting.actors_of_entities", part, ids=len(part)))
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
        for r in store.each("vetting.new_statements", part, ids=len(part)):
            for wid in sorted(keys.get(r["sa"], set()) | keys.get(r["oa"], set())):
                what = " ".join(x for x in (r["sn"], r["predicate"], r["obn"] or "", f"({r['role']})" if r["role"] else "") if x)
                due.append({"kind": "new-statement", "watch_id": wid, "finding_id": None, "statement_id": r["id"],
                            "document_id": r["document_id"], "message": f"{what}: {r['evidence_text'][:200]}"})
    return due


def _first_seen(store: Store, watch: Any, actors: set[str], document_ids: list[str]) -> list[dict[str, Any]]:
    """A watched name that had never been seen now is: one alert, and the watch keeps its entities."""
    ids = sorted(e for a in actors for e in store.column("vetting.actor_entities", (a,)))
    docs = sorted({d for part in chunks(ids) for d in store.column("vetting.documents_of_entities", part, ids=len(part))}
                  & set(document_ids))
    store.run("vetting.set_watch_entities", (json.dumps(ids), watch["id"]))
    if not docs:
        return []
    return [{"kind": "first-seen", "watch_id": watch["id"], "finding_id": None, "statement_id": None,
             "document_id": docs[0], "message": f"{watch['target']} appears for the first time, in {', '.join(docs)}"}]


def list_alerts(store: Store, since: str | None = None, published_since: str | None = None) -> list[dict[str, Any]]:
    """Stored alerts, oldest first: raised (at ingest) on or after ``since``, and about documents
    published on or after ``published_since`` (dates, YYYY-MM-DD)."""
    rows = store.rows("vetting.alerts", (since or "", published_since or "", published_since or ""))
    return [dict(r) for r in rows]
