"""Things in date order: an actor's ``timeline`` of statements and events, and ``events`` themselves.

Each item says how precise its date is (``_precision``: day, week, month, quarter, year, vague,
or the publication date) and carries its grade; an event is graded by a statement drawn from the
same words, else by its outlet (``_event_grade``).
"""

from __future__ import annotations

import json
from typing import Any

from interlock.credibility.grades import parse as parse_grade
from interlock.lookup import find_actor
from interlock.query.checks import BadQuery, check_date, in_date_range
from interlock.query.statements import _meets, _names, actor_names, statement_grades
from interlock.store import Row, Store

#: the event types extraction gives (docs/extraction.md)
EVENT_TYPES = ("meeting", "appointment", "resignation", "agreement", "candidacy", "election", "speech", "denial")


def timeline(store: Store, name: str, min_grade: str | None = None) -> list[dict[str, Any]]:
    """Dated statements and events of an actor in order, with how precise each date is, and grades.

    ``min_grade`` keeps only statements and events graded at least that well. Events carry their
    participants, place and outlet.
    """
    if min_grade is not None:
        parse_grade(min_grade)
    key = find_actor(store, name)
    ids = sorted(store.column("query.actor_entities", (key,)))
    items: list[dict[str, Any]] = []
    rows = store.rows("query.statements_of_entities", ids * 2, ids=len(ids))
    graded = statement_grades(store, [r["id"] for r in rows])
    for r in rows:
        g = graded.get(r["id"], {})
        if not _meets(g.get("grade"), min_grade):
            continue
        when = r["valid_from"] or r["time"] or r["valid_to"]
        names = _names(store, {r["subject_id"], r["object_id"]} - {None})
        items.append({
            "date": when or r["published"], "precision": _precision(when) if when else "published",
            "what": f"{names.get(r['subject_id'])} {r['predicate']} {names.get(r['object_id'], '')}".strip(),
            "role": r["role"], "status": r["status"], "modality": r["modality"],
            "document": r["document_id"], "evidence": r["evidence_text"],
            "grade": g.get("grade"), "grade_reason": g.get("reason"),
            "participants": [n for n in (names.get(r["subject_id"]), names.get(r["object_id"])) if n],
            "place": None, "outlet": r["outlet"],
        })
    for e in events(store, actor=key):
        if not _meets(e["grade"], min_grade):
            continue
        items.append({
            "date": e["date"], "precision": e["precision"], "what": e["type"], "role": None, "status": None,
            "modality": e["modality"], "document": e["document"], "evidence": e["evidence"],
            "grade": e["grade"], "grade_reason": e["grade_reason"], "participants": e["participants"],
            "place": e["place"], "outlet": e["outlet"], "event": e["id"],
        })
    return sorted(items, key=lambda i: (i["date"] or "", i["what"]))


def _precision(value: str) -> str:
    """How precise a TIMEX value is: day, week, month, quarter, year or vague."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return "day"
    if "-W" in value:
        return "week"
    if "-Q" in value:
        return "quarter"
    if len(value) == 7 and value[4] == "-":
        return "month"
    if len(value) == 4 and value.isdigit():
        return "year"
    return "vague"


def _event_grade(store: Store, row: Row, reliability: dict[str, str]) -> tuple[str, str]:
    """An event's grade: the claim grade of a statement drawn from the same words (a meeting's met_with),
    else the outlet's letter (one lower for an anonymous source) and one origin's number."""
    from interlock.credibility.grades import LETTERS, grade

    people = json.loads(row["participants"])
    if len(people) >= 2:
        # a statement between two of its participants, from the same words: "A met B" is the meeting
        hit = store.row("query.event_claim_grade",
                        (row["document_id"], row["evidence_end"], row["evidence_start"], *people, *people),
                        people=len(people))
        if hit is not None:
            return hit[0], hit[1]
    letter = reliability.get(row["document_id"], "F")
    anonymous = False
    if row["attribution_id"]:
        att = store.row("query.attribution_anonymous", (row["attribution_id"],))
        anonymous = bool(att and att[0])
    if anonymous:
        letter = letter if letter in "EF" else LETTERS[LETTERS.index(letter) + 1]
        return grade(letter, 6 if letter not in "ABC" else 3), "an anonymous source, one report"
    if row["modality"] == "negated":
        return grade(letter, 3), "a denial, one report"
    number = 2 if letter in "ABC" and row["modality"] == "asserted" else 3
    return grade(letter, number), "one report, not confirmed independently"


def events(store: Store, date_from: str | None = None, date_to: str | None = None,
           kind: str | None = None, actor: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Events in date order: meetings, appointments, resignations, ... with participants, place and grade.

    An event is dated by the time its sentence states, else by its article's publication date
    (``precision`` says which); ``date_from`` / ``date_to`` (YYYY-MM-DD, YYYY-MM or YYYY) keep the
    events that meet the range; ``kind`` an event type; ``actor`` (a name or id) its participants.
    """
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    if kind is not None:
        known = set(store.column("query.event_types"))
        if kind not in known | set(EVENT_TYPES):
            raise BadQuery(f"no event type {kind!r}; types: {', '.join(sorted(known | set(EVENT_TYPES)))}")
    members: set[str] | None = None
    if actor is not None:
        key = find_actor(store, actor)
        members = set(store.column("query.actor_entities", (key,)))
    reliability: dict[str, str] = store.pairs("query.document_reliability")
    rows = store.rows("query.events_of_type", (kind,)) if kind else store.rows("query.events")
    out = []
    for r in rows:
        ids = json.loads(r["participants"]) + json.loads(r["topics"])
        if members is not None and not members & set(ids):
            continue
        start = r["interval_from"] or r["time"]
        stated = start is not None and start[:4].isdigit()
        begin, end = (start, r["interval_to"] or start) if stated else (r["published"], r["published"])
        if (date_from or date_to) and not in_date_range(begin, end, date_from, date_to):
            continue
        names = actor_names(store, set(ids) | ({r["place_id"]} if r["place_id"] else set()))
        grade_, why = _event_grade(store, r, reliability)
        out.append({
            "id": r["id"], "date": (r["time"] if stated and r["time"] else begin),
            "precision": _precision(r["time"]) if stated and r["time"] else ("day" if stated else "published"),
            "type": r["type"], "participants": list(dict.fromkeys(names[i] for i in json.loads(r["participants"]) if i in names)),
            "topics": list(dict.fromkeys(names[i] for i in json.loads(r["topics"]) if i in names)),
            "place": names.get(r["place_id"]) if r["place_id"] else None,
            "secret": bool(r["secret"]), "modality": r["modality"], "document": r["document_id"],
            "outlet": r["outlet"], "published": r["published"], "evidence": r["evidence_text"],
            "grade": grade_, "grade_reason": why,
        })
    out.sort(key=lambda e: (e["date"] or "", e["type"], e["document"]))
    return out[:limit] if limit else out
