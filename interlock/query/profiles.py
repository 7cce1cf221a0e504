"""An actor's profile (``show``): names, positions and ties with their sources and grades, quotes.

Ties are folded (a ``leader_of`` said with the same post is one post) and counted (reports,
independent origins, outlets); then come quotes by the actor, quotes about it under a real
speaker, and the other names the articles give it, each with its best evidence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from interlock.credibility.grades import parse as parse_grade
from interlock.lookup import actor_summary, find_actor
from interlock.query.statements import _meets, actor_names, source_chain, statement_grades
from interlock.store import Store

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
