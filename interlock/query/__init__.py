"""Questions asked of a store: who is this, what happened when, how are two actors tied.

Each function takes an open store (``interlock.store.Store``) and returns plain data (dicts and
lists, ready for ``--json``); the CLI prints them. An actor is every entity that
shares a grouping key (label and transliteration-folded name) across documents,
until cross-document resolution links actors more cleverly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from interlock.credibility.grades import meets
from interlock.credibility.grades import parse as parse_grade
from interlock.errors import InterlockError
from interlock.lookup import LOOKUP_THRESHOLD as LOOKUP_THRESHOLD
from interlock.lookup import SUGGEST_THRESHOLD as SUGGEST_THRESHOLD
from interlock.lookup import Ambiguous as Ambiguous
from interlock.lookup import NotFound as NotFound
from interlock.lookup import actor_summary as actor_summary
from interlock.lookup import candidates as candidates
from interlock.lookup import describe as describe
from interlock.lookup import find_actor as find_actor
from interlock.lookup import lookup as lookup
from interlock.lookup import suggest as suggest
from interlock.store import QueryError, Row, Store


def _names(store: Store, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return store.pairs("query.entity_names", sorted(ids), ids=len(ids))


#: predicates that give an actor a post, whose object is the organisation the post is in
POST_PREDICATES = frozenset({"holds_position", "leader_of", "spokesperson_for"})
#: labels of places: never the organisation of a post
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PLACE"})


def _places(store: Store, ids: set[str]) -> set[str]:
    """The entities among ``ids`` that are places."""
    if not ids:
        return set()
    return {i for i, label in store.pairs("query.entity_labels", sorted(ids), ids=len(ids)).items()
            if label in PLACE_LABELS}


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


def show(store: Store, name: str, min_grade: str | None = None) -> dict[str, Any]:
    """An actor's profile: names, positions and ties with their sources and grades, quotes by them.

    ``min_grade`` (e.g. ``B2``) keeps only the sources graded at least that well.
    """
    if min_grade is not None:
        parse_grade(min_grade)  # a bad grade is an error before any work
    key = find_actor(store, name)
    ids = set(store.column("query.actor_entities", (key,)))
    aliases = sorted(set(store.column("query.entity_spellings", sorted(ids), ids=len(ids))))
    rows = store.rows("query.statements_of_entities_dated", sorted(ids) * 2, ids=len(ids))
    names = actor_names(store, {r["subject_id"] for r in rows} | {r["object_id"] for r in rows if r["object_id"]})
    summary = actor_summary(store, key)
    own_name = summary["name"]
    names.update({i: own_name for i in ids})  # the actor under one name, however each outlet spells it
    graded = statement_grades(store, [r["id"] for r in rows])
    places = _places(store, {r["object_id"] for r in rows if r["object_id"] and r["predicate"] in POST_PREDICATES})
    ties: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        g = graded.get(r["id"], {})
        if not _meets(g.get("grade"), min_grade):
            continue
        obj, role = names.get(r["object_id"]), r["role"]
        if r["object_id"] in places:
            # a post is held in an organisation: "the mayor of Ras Tanwir" is a post (mayor of Ras Tanwir)
            # with no organisation named, not a tie to the town
            obj, role = None, f"{role or 'post'} of {obj}"
        tie = (names.get(r["subject_id"]), r["predicate"], obj, role, r["status"])
        entry = ties.setdefault(tie, {
            "subject": tie[0], "predicate": tie[1], "object": tie[2], "role": tie[3], "status": tie[4],
            "valid_from": r["valid_from"], "valid_to": r["valid_to"], "sources": [],
        })
        entry["sources"].append({
            "document": r["document_id"], "outlet": r["outlet"], "published": r["published"],
            "modality": r["modality"], "chain": source_chain(store, r["attribution_id"]), "evidence": r["evidence_text"],
            "copy_of": r["copy_of"], "statement": r["id"], "grade": g.get("grade"),
            "grade_reason": g.get("reason"), "attribution_type": g.get("attribution_type"),
            "contradictions": g.get("contradictions", []),
        })
        if g.get("claim_grade"):
            entry["claim"] = {"id": g["claim_id"], "grade": g["claim_grade"], "reason": g["claim_reason"],
                              "origins": json.loads(g["origins"]), "corroboration": g["corroboration"],
                              "contradicted_by": json.loads(g["contradicted_by"])}
    _fold_leaders_into_posts(ties)
    for entry in ties.values():
        _count_reports(entry)
    quotes = [
        {"document": q["document_id"], "cue": q["cue_text"], "content": q["content_text"], "kind": q["kind"]}
        for q in store.each("query.quotes_by", sorted(ids), ids=len(ids))
    ]
    about = _quotes_about(store, ids)
    from interlock.resolve import judgements, reference

    return {**summary, "aliases": aliases, "ties": list(ties.values()), "quotes": quotes, "quotes_about": about,
            "judgements": judgements.about(store, ids), "reference": reference.for_actor(store, key),
            "stated_aliases": _stated_aliases(store, ids)}


def _fold_leaders_into_posts(ties: dict[tuple[Any, ...], dict[str, Any]]) -> None:
    """Merge each ``leader_of`` tie into the same ``holds_position`` tie, if there is one.

    "X, the commander of Y" is said twice (holds_position and leader_of): one post, shown once,
    with the sources of both (a source both give, the same evidence in the same document, once).
    """
    for lead_key in [k for k in ties if k[1] == "leader_of"]:
        post = ties.get((lead_key[0], "holds_position", *lead_key[2:]))
        if post is None:
            continue
        lead = ties.pop(lead_key)
        known = {(src["document"], src["evidence"]) for src in post["sources"]}
        post["sources"] += [src for src in lead["sources"] if (src["document"], src["evidence"]) not in known]
        post["predicates"] = ["holds_position", "leader_of"]


def _count_reports(entry: dict[str, Any]) -> None:
    """Add a tie's predicates (if not set), reports, independent origins, outlets and grade."""
    entry.setdefault("predicates", [entry["predicate"]])
    entry["reports"] = len(entry["sources"])
    claim = entry.get("claim")
    # independent origins, as credibility counts them (copies and relays of one origin once)
    entry["origins"] = claim["corroboration"] if claim else len({s["copy_of"] or s["document"] for s in entry["sources"]})
    entry["outlets"] = len({s["outlet"] for s in entry["sources"] if s["outlet"]})
    entry["grade"] = claim["grade"] if claim else None


#: a "source" that is a date the parser took for a speaker ("February 11 was seen")
_DATE_WORDS = re.compile(r"(?i)^(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|"
                         r"(mon|tues|wednes|thurs|fri|satur|sun)day\b|yesterday|today)")
#: what a source must be to be named as the speaker of a quote (not a date or a fragment)
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def _quotes_about(store: Store, ids: set[str]) -> list[dict[str, Any]]:
    """What others said about the actor, each under a real speaker: the speaker's actor name, or an
    anonymous source's own description ("a commission official"); quotes whose "speaker" is a
    fragment of a sentence ("This", "al", a date) are left out, as are the actor's own words."""
    out = []
    seen = set()
    for q in store.each("query.quotes_about", sorted(ids), ids=len(ids)):
        if q["id"] in seen or q["source_entity_id"] in ids:
            continue
        seen.add(q["id"])
        if q["anonymous"] or q["source_anonymous"]:
            source = (q["source_text"] or "").split(",")[0].strip()
            source = f"{source} (anonymous)" if source and not _DATE_WORDS.match(source) else None
        elif q["source_label"] in _SPEAKER_LABELS and _real_name(q["speaker"]):
            source = q["speaker"]
        else:
            source = None
        if source:
            out.append({"document": q["document_id"], "source": source, "cue": q["cue_text"],
                        "content": q["content_text"]})
    return out


def _real_name(name: str | None) -> bool:
    """A name, not a word the parser took for one: capitalised, three letters or more, not a pronoun."""
    if not name or len(name) < 3 or not name[:1].isupper():
        return False
    return name.lower() not in {"this", "that", "these", "those", "it", "he", "she", "they", "who", "which", "there"}


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a span, whole."""
    cuts = [text.rfind(". ", 0, start), text.rfind("\n", 0, start)]
    left = max([c + (2 if text[c] == "." else 1) for c in cuts if c >= 0], default=0)
    stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stop) + 1 if stop else len(text)
    return text[left:right].strip()


def _stated_aliases(store: Store, ids: set[str]) -> list[dict[str, Any]]:
    """Other names the articles give the actor, each once, with its best evidence: a sentence that
    names the actor as well, the shortest such."""
    names = {n.casefold() for n in store.column("query.entity_names_only", sorted(ids), ids=len(ids))}
    best: dict[str, tuple[tuple[bool, int], dict[str, Any]]] = {}
    for r in store.each("query.stated_aliases", sorted(ids), ids=len(ids)):
        evidence = _sentence(r["text"], r["start"], r["end"])
        both = any(n in evidence.casefold() for n in names if n != r["alias"].casefold())
        rank = (not both, len(evidence))
        entry = {"alias": r["alias"], "document": r["document_id"], "start": r["start"], "end": r["end"],
                 "evidence": evidence}
        key = r["alias"].casefold()
        if key not in best or rank < best[key][0]:
            best[key] = (rank, entry)
    return [e for _rank, e in sorted(best.values(), key=lambda x: x[1]["alias"])]


def stats(store: Store) -> dict[str, Any]:
    """What a store holds: articles (configuration such as the outlet registry apart), the date range,
    documents per outlet (aliases counted as their outlet) and the most connected people."""
    from interlock.credibility.outlets import stored

    counts: dict[str, Any] = store.stats().as_dict()
    config = store.value("query.configuration_documents")
    counts["documents"] -= config
    counts["configuration"] = config
    first, last = store.row("query.article_dates")
    counts["first_published"], counts["last_published"] = first, last
    reg = stored(store)
    per: dict[str, int] = {}
    for name, n in store.rows("query.article_outlets"):
        found = reg.find(name)
        key = found.name if found else name
        per[key] = per.get(key, 0) + n
    counts["outlets_by_documents"] = [{"outlet": k, "documents": v}
                                      for k, v in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]
    counts["outlets"] = len(per)
    counts["most_connected"] = most_connected(store)
    return counts


def most_connected(store: Store, limit: int = 5, label: str = "PERSON") -> list[dict[str, Any]]:
    """The named actors with the most statements about them."""
    rows = store.rows("query.most_connected", (label, limit))
    return [{**actor_summary(store, r[0]), "statements": r[1]} for r in rows]


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


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """``items`` in lists of at most ``size``, for look-ups that bind one parameter per item."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def neighbours(store: Store, keys: set[str]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Every statement touching the actors ``keys``, as (other actor, edge) per actor."""
    key_of: dict[str, str] = {}
    for part in chunks(sorted(keys)):
        key_of.update(store.pairs("query.entities_of_actors", part, ids=len(part)))
    rows: dict[str, Row] = {}
    for part in chunks(sorted(key_of)):
        for edges in ("query.edges_by_subject", "query.edges_by_object"):
            for r in store.each(edges, part, ids=len(part)):
                rows[r["id"]] = r
    others = sorted({r["subject_id"] for r in rows.values()} | {r["object_id"] for r in rows.values()} - set(key_of))
    for part in chunks(others):
        key_of.update(store.pairs("query.entity_actors", part, ids=len(part)))
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for r in rows.values():
        s, o = key_of.get(r["subject_id"]), key_of.get(r["object_id"])
        if s is None or o is None or s == o:
            continue
        edge = {"predicate": r["predicate"], "role": r["role"], "status": r["status"], "modality": r["modality"],
                "document": r["document_id"], "evidence": r["evidence_text"], "from": s, "to": o,
                "statement": r["id"]}
        if s in keys:
            out.setdefault(s, []).append((o, edge))
        if o in keys:
            out.setdefault(o, []).append((s, edge))
    return out


def ties(store: Store, a: str, b: str, hops: int = 3, limit: int = 20) -> list[list[dict[str, Any]]]:
    """Sourced paths between two actors through statements, shortest first.

    A breadth-first search over the store's indexes, one query round per step, so
    the cost follows the neighbourhoods it visits, not the size of the store.
    """
    start, goal = find_actor(store, a), find_actor(store, b)
    if start == goal:
        return []
    parents: dict[str, list[tuple[str, dict[str, Any]]]] = {start: []}
    frontier = {start}
    found = False
    for _depth in range(1, hops):
        adjacency = neighbours(store, frontier)
        nxt: set[str] = set()
        for node in frontier:
            for other, edge in adjacency.get(node, []):
                if other in parents and other not in nxt:
                    continue
                parents.setdefault(other, []).append((node, edge))
                nxt.add(other)
        if goal in nxt:
            found = True
            break
        frontier = nxt
        if not frontier:
            break
    if not found and frontier:
        # the last step from the goal's side: one look-up instead of expanding the whole frontier
        for other, edge in neighbours(store, {goal}).get(goal, []):
            if other in frontier:
                parents.setdefault(goal, []).append((other, edge))
                found = True
    if not found:
        return []
    paths: list[list[dict[str, Any]]] = []

    def walk(node: str, suffix: list[dict[str, Any]]) -> None:
        if len(paths) >= limit:
            return
        if node == start:
            paths.append(suffix)
            return
        for prev, edge in parents.get(node, []):
            walk(prev, [edge, *suffix])

    walk(goal, [])
    return _fold(store, paths)


def _fold(store: Store, paths: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Paths named, graded and folded: paths through the same actors are one path, each step its
    best-graded statement with the parallel ones under ``also``; each step carries its grade,
    outlet and date."""
    from interlock.credibility.grades import LETTERS
    from interlock.credibility.outlets import stored

    registry = stored(store)
    names = {k: actor_summary(store, k)["name"] for p in paths for e in p for k in (e["from"], e["to"])}
    ids = sorted({e["statement"] for p in paths for e in p})
    graded = statement_grades(store, ids)
    where: dict[str, tuple[str | None, str | None]] = {}
    for part in chunks(ids):
        for sid, outlet, published in store.each("query.statement_places", part, ids=len(part)):
            found = registry.find(outlet)
            where[sid] = (found.name if found else outlet, published)

    def rank(e: dict[str, Any]) -> tuple[bool, int, int]:
        g = e.get("grade") or "F6"
        return (e["modality"] == "negated", int(g[1]), LETTERS.index(g[0]))

    folded: dict[tuple[str, ...], list[list[dict[str, Any]]]] = {}
    for p in paths:
        key = (p[0]["from"], *(e["to"] for e in p))
        steps = folded.setdefault(key, [[] for _ in p])
        for n, e in enumerate(p):
            g = graded.get(e["statement"], {})
            outlet, published = where.get(e["statement"], (None, None))
            # a step's grade is its claim's (how far the tie holds); a denial's is its own
            grade_ = g.get("grade") if e["modality"] == "negated" else g.get("claim_grade") or g.get("grade")
            step = {**e, "from": names[e["from"]], "to": names[e["to"]], "grade": grade_,
                    "outlet": outlet, "published": published}
            if all(s["statement"] != step["statement"] for s in steps[n]):
                steps[n].append(step)
    out = []
    for steps in folded.values():
        path = []
        for options in steps:
            options.sort(key=rank)
            path.append({**options[0], "also": options[1:]})
        out.append(path)
    return out


_OPERATORS = frozenset({"AND", "OR", "NOT"})
#: the event types extraction gives (docs/extraction.md)
EVENT_TYPES = ("meeting", "appointment", "resignation", "agreement", "candidacy", "election", "speech", "denial")


def fts_query(text: str) -> str:
    """A user's search as an FTS5 query: "quoted phrases" kept, AND / OR / NOT (upper case) as
    operators, every other word quoted (so that punctuation in it is no syntax). Words side by
    side must all match."""
    import shlex

    try:
        parts = shlex.split(text, posix=True)
        phrases = {p for p in shlex.split(text, posix=False) if p.startswith('"') and p.endswith('"')}
    except ValueError:  # an unclosed quote: plain words
        parts, phrases = text.replace('"', " ").split(), set()
    quoted = {p.strip('"') for p in phrases}
    out: list[str] = []
    for p in parts:
        clean = p.replace('"', "").strip()
        if not clean:
            continue
        if clean in _OPERATORS and p not in quoted:
            if out and out[-1] not in _OPERATORS:
                out.append(clean)
            continue
        out.append(f'"{clean}"')
    while out and out[-1] in _OPERATORS:
        out.pop()
    return " ".join(out)


def check_date(value: str | None, what: str) -> str | None:
    """A YYYY-MM-DD (or YYYY-MM, YYYY) bound, or a clear error."""
    import re as _re

    if value is None:
        return None
    if not _re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", value.strip()):
        raise BadQuery(f"{what} {value!r} is not a date: give YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value.strip()


class BadQuery(InterlockError):
    "A question asked in a form the store cannot answer"


def in_date_range(start: str | None, end: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether [start, end] (TIMEX day, month or year values) meets [date_from, date_to]."""
    if start is None:
        return date_from is None and date_to is None
    end = end or start
    if date_from is not None and end[: len(date_from)] < date_from:
        return False
    return not (date_to is not None and start[: len(date_to)] > date_to)


#: the longest search accepted, in characters and in terms
MAX_SEARCH_CHARS = 2_000
MAX_SEARCH_TERMS = 64


def check_search_size(text: str) -> None:
    """Refuse a search too long to answer in reasonable time (``BadQuery``, one line)."""
    if len(text) > MAX_SEARCH_CHARS:
        raise BadQuery(f"the search is {len(text):,} characters long; at most {MAX_SEARCH_CHARS:,} are searched")
    terms = len(text.split())
    if terms > MAX_SEARCH_TERMS:
        raise BadQuery(f"the search has {terms:,} terms; at most {MAX_SEARCH_TERMS} are searched")


def search(store: Store, text: str, limit: int = 20, date_from: str | None = None,
           date_to: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Actors whose names match, and documents whose title or text match, each with date and outlet.

    ``text`` may hold "quoted phrases" and AND / OR / NOT; ``date_from`` / ``date_to`` keep the
    documents published in that range (inclusive).
    """
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    check_search_size(text)  # thousands of terms: refused, not minutes of FTS work
    query = fts_query(text)
    if not query:
        return {"actors": [], "documents": []}
    try:
        keys = list(dict.fromkeys(r[0] for r in store.match_names(query, 500)))[:limit]
        docs = []
        for r in store.match_documents(query):
            if (date_from or date_to) and not in_date_range(r[3], r[3], date_from, date_to):
                continue
            docs.append({"id": r[0], "title": r[1], "snippet": r[2], "published": r[3], "outlet": r[4]})
            if len(docs) >= limit:
                break
    except QueryError as exc:
        raise BadQuery(f"cannot search for {text!r}: {exc}") from None
    return {"actors": [actor_summary(store, k) for k in keys], "documents": docs}


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
