"""The country a national post belongs to when the text names no organisation.

"President X", "the foreign minister", "an MP" name a post in a country's
state, and a reader takes the country from the sentence or from what the
article is about. This module finds that country among the document's own
place entities: one named in the sentence (by name or by its demonym), else
the article's dominant country. Nothing is invented: the country must be an
entity of the document, so the statement keeps evidence for its object.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from interlock.extract.lexicon import CAPITALS, DEMONYMS, PLACE_ALIASES
from interlock.extract.state import DocState, EntityDraft

#: role head words that name a post in a national state
NATIONAL_HEADS = frozenset(
    (
        "president", "vice-president", "premier", "minister", "mp", "lawmaker", "parliamentarian",
        "senator", "congressman", "congresswoman", "legislator", "king", "queen", "emir", "sultan",
        "monarch", "ruler", "dictator", "chancellor", "shah",
    )
)
#: words that tie a head word to a body below the state ("president of the council")
_NOT_NATIONAL_MODIFIERS = frozenset(("party", "regional", "provincial", "district", "opposition"))
#: the share of the article's country mentions the dominant country must have
DOMINANT_SHARE = 0.5
#: how far the headline and lede reach, in characters
LEDE_CHARS = 400

_COUNTRIES = frozenset(DEMONYMS.values()) - {"Europe", "Kurdistan"}


def country_name(ent: EntityDraft) -> str | None:
    """The country a GPE entity names, or None for a city, a region or anything else."""
    if ent.label != "GPE":
        return None
    name = ent.name.strip()
    name = PLACE_ALIASES.get(name.lower(), name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name if name in _COUNTRIES else None


def is_national_role(role: str) -> bool:
    """True when a normalised role names a post in a country's state."""
    words = role.replace("-", " ").split()
    if not words or set(words) & _NOT_NATIONAL_MODIFIERS:
        return False
    if role in ("member of parliament", "head of state", "head of government", "supreme leader"):
        return True
    return " of " not in f" {role} " and words[-1] in NATIONAL_HEADS


def _countries(state: DocState) -> dict[str, EntityDraft]:
    cached = state.cache.get("countries")
    if isinstance(cached, dict):
        return cached
    found: dict[str, EntityDraft] = {}
    for ent in state.live_entities():
        name = country_name(ent)
        if name is not None and name not in found:
            found[name] = ent
    state.cache["countries"] = found
    return found


def _mentioned(state: DocState, start: int, end: int) -> Counter[str]:
    """Countries mentioned between two offsets, by name or by demonym, with counts."""
    countries = _countries(state)
    counts: Counter[str] = Counter()
    for ent in state.live_entities():
        if ent.label == "GPE":
            name = country_name(ent) or CAPITALS.get(ent.name.lower())
        elif ent.label == "NORP":
            name = DEMONYMS.get(ent.name.lower())
        else:
            continue
        if name is None or name not in countries:
            continue
        for m in ent.mentions:
            if start <= m.start and m.end <= end and m.kind != "pronoun":
                counts[name] += 1
    return counts


def dominant_country(state: DocState) -> str | None:
    """The country the article is about, when one has most of its country mentions."""
    cached = state.cache.get("dominant_country", "")
    if cached != "":
        return cached if isinstance(cached, str) else None
    counts = _mentioned(state, 0, len(state.text))
    best: str | None = None
    ranked = counts.most_common(2)
    if ranked:
        name, n = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        # one mention makes the article's country only in its headline or lede
        lede = _mentioned(state, 0, min(len(state.text), LEDE_CHARS))
        if n > runner_up and n >= DOMINANT_SHARE * sum(counts.values()) and (n >= 2 or lede[name]):
            best = name
    state.cache["dominant_country"] = best
    return best


def national_country(state: DocState, token: Token) -> EntityDraft | None:
    """The country entity of a national post named at ``token``, or None when unclear."""
    countries = _countries(state)
    if not countries:
        return None
    sent = token.sent
    here = _mentioned(state, sent.start_char, sent.end_char)
    dominant = dominant_country(state)
    if dominant is not None and set(here) <= {dominant}:
        return countries[dominant]
    if dominant is None and len(here) == 1:
        return countries[next(iter(here))]
    return None
