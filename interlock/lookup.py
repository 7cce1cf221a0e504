"""Naming an actor: a name, a spelling variant, a stated alias or an actor id, to the actor's key.

Forgives case, accents, transliteration and particles as resolution matches names
(``interlock.names``), and knows the aliases articles state and those of imported reference
lists. ``find_actor`` gives one key or raises ``NotFound`` (with the nearest names) or
``Ambiguous`` (with the candidates and what tells them apart). Queries (``interlock.query``,
which re-exports these), judgements (``interlock.resolve.judgements``), vetting and the commands
all name actors through this module; it reads the store and nothing above it.
"""

from __future__ import annotations

import json
from typing import Any

from rapidfuzz.distance import Levenshtein

from interlock.errors import InterlockError
from interlock.names import HONORIFICS, PARTICLES, score, skeleton, tokens
from interlock.store import Store


class NotFound(InterlockError):
    "No actor in the store matches the name"

    def __init__(self, message: str, suggestions: list[dict[str, Any]] | None = None) -> None:
        self.suggestions = suggestions or []
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s["name"]) for s in self.suggestions) + "?"
        super().__init__(message)


class Ambiguous(InterlockError):
    "Several actors match the name"

    def __init__(self, name: str, candidates: list[dict[str, Any]]) -> None:
        listing = "; ".join(f"{c['key']}: {describe(c)}" for c in candidates)
        super().__init__(f"{name!r} matches {len(candidates)} actors: {listing}; give one of the ids")
        self.name = name
        self.candidates = candidates


def describe(c: dict[str, Any]) -> str:
    """One line telling a candidate apart: name, kind, best-known post, first and last seen, documents."""
    kind = c["label"] + (f", {', '.join(c['kinds'])}" if c.get("kinds") else "")
    post = f"; {c['post']}" if c.get("post") else ""
    seen = f"; seen {c['first_seen']} .. {c['last_seen']}" if c.get("first_seen") else ""
    return f"{c['name']} ({kind}{post}{seen}; {c['documents']} document{'s' if c['documents'] != 1 else ''})"


#: how close a spelling must be to a stored name to be the same (the matcher's threshold)
LOOKUP_THRESHOLD = 0.85
#: how close a name must be to be suggested ("did you mean")
SUGGEST_THRESHOLD = 0.5


def _fts_any(words: list[str], prefix: bool = False) -> str:
    """An FTS query matching any of the words (or, with ``prefix``, words starting with their first letters)."""
    if prefix:
        return " OR ".join(f'"{w[:3]}"*' for w in words if len(w) >= 3)
    return " OR ".join(f'"{w}"' for w in words)


def _strong_words(name: str) -> list[str]:
    """The words of a name that identify it (no particles or titles), folded as the matcher folds them."""
    words = [w for w in tokens(name) if w not in PARTICLES and w not in HONORIFICS and w.isalnum()]
    return list(dict.fromkeys(words)) or [w for w in tokens(name) if w.isalnum()]


def _is_actor(store: Store, key: str) -> bool:
    return store.row("query.is_actor", (key,)) is not None


def _exact(store: Store, name: str) -> list[str]:
    """Actors one of whose spellings, stated aliases or reference names is ``name`` (any case)."""
    keys = store.column("query.exact_actors", (name, name, name))
    # names from imported reference lists ("also known as" in a sanctions list)
    folded = name.casefold()
    for ref_id, names in store.rows("query.reference_names_like", (f"%{name}%",)):
        if any(n.casefold() == folded for n in json.loads(names)):
            keys += store.column("query.actors_of_reference", (ref_id,))
    return list(dict.fromkeys(k for k in keys if k))


def _near(store: Store, name: str, threshold: float, prefix: bool = False) -> list[tuple[float, str, str]]:
    """Actors with a spelling the name matcher scores at least ``threshold``: (score, key, name), best first."""
    words = _strong_words(name)
    query = _fts_any(words, prefix)
    if not query:
        return []
    best: dict[str, tuple[float, str]] = {}
    for key, spelling in store.match_names(query, 1000):
        if key is None:
            continue
        s = score(name, spelling)
        if s >= threshold and s > best.get(key, (0.0, ""))[0]:
            best[key] = (s, spelling)
    return sorted(((s, k, n) for k, (s, n) in best.items()), key=lambda t: (-t[0], t[1]))


def lookup(store: Store, name: str) -> list[str]:
    """Every actor a name or id may refer to, best first (empty when none does)."""
    name = name.strip()
    if not name:
        return []
    if _is_actor(store, name):  # an actor's id, as --json and search show it
        return [name]
    keys = _exact(store, name)
    if keys:
        return _actor_like(keys, store)
    near = _near(store, name, LOOKUP_THRESHOLD)
    if len(near) > 1:
        # spellings that hold every word typed before those that hold only some ("Jawad" for "Jawad Khazraji")
        cover = {k: _coverage(name, n) for _s, k, n in near}
        top = max(cover.values())
        near = [t for t in near if cover[t[1]] == top]
    if len(near) > 1 and near[0][0] - near[1][0] >= 0.05:
        near = near[:1]  # one spelling clearly closest: the others are look-alikes
    return _actor_like([k for _s, k, _n in near], store)


#: labels of actors a user looks up (not titles of works, laws or dates the parser took for names)
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PLACE"})


def _actor_like(keys: list[str], store: Store) -> list[str]:
    """Keys of people, organisations and places first: other kinds only when nothing else matched."""
    if len(keys) < 2:
        return keys
    labels = {k: actor_summary(store, k)["label"] for k in keys}
    kept = [k for k in keys if labels[k] in _ACTOR_LABELS]
    return kept or keys


def _coverage(typed: str, spelling: str) -> float:
    """The share of the typed name's words that some word of the spelling matches (skeletons, fuzzily)."""
    want = [skeleton(w) for w in _strong_words(typed)]
    have = [skeleton(w) for w in _strong_words(spelling)]
    if not want:
        return 0.0
    hits = sum(1 for w in want if any(Levenshtein.normalized_similarity(w, h) >= 0.75 for h in have))
    return hits / len(want)


def suggest(store: Store, name: str, limit: int = 3) -> list[dict[str, Any]]:
    """The actors whose names come nearest to one that matched nothing, for "did you mean"."""
    near = _near(store, name, SUGGEST_THRESHOLD) or _near(store, name, SUGGEST_THRESHOLD, prefix=True)
    out = []
    for s, key, spelling in near[:limit]:
        out.append({**actor_summary(store, key), "spelling": spelling, "score": round(s, 3)})
    return out


def find_actor(store: Store, name: str) -> str:
    """The id of the actor a name (or an actor id) refers to.

    Forgives case, accents, transliteration and particles ("Ahmed Asadi" finds
    "Ahmad al-Asadi", as resolution and ``match-names`` would match them), and
    knows aliases the articles state and those of imported reference lists.
    ``NotFound`` carries the nearest names; ``Ambiguous`` the candidates, each
    with what tells it apart.
    """
    keys = lookup(store, name)
    if not keys:
        raise NotFound(f"no actor named {name!r} in {store.path}", suggest(store, name))
    if len(keys) > 1:
        raise Ambiguous(name, candidates(store, keys[:20]))
    return keys[0]


def candidates(store: Store, keys: list[str]) -> list[dict[str, Any]]:
    """Actors with what tells them apart: kind, best-known post, first and last seen, documents."""
    out = []
    for key in keys:
        summary = actor_summary(store, key)
        row = store.row("query.actor_kinds", (key,))
        seen = store.row("query.actor_seen", (key,))
        post = store.row("query.actor_post", (key,))
        best = None
        if post is not None and (post["role"] or post["org"]):
            best = " of ".join(x for x in (post["role"], post["org"]) if x)
        out.append({**summary, "kinds": json.loads(row[0]) if row else [], "post": best,
                    "first_seen": seen[0], "last_seen": seen[1]})
    out.sort(key=lambda x: -x["documents"])
    return out


def actor_summary(store: Store, key: str) -> dict[str, Any]:
    """An actor's display name (its longest, then most frequent spelling), label and document count:
    ``{"key", "name", "label", "documents"}``."""
    row = store.row("query.actor_name", (key,)) or store.row("query.actor_name_from_entities", (key,))
    documents = store.value("query.actor_documents", (key,))
    return {"key": key, "name": row[0], "label": row[1], "documents": documents}
