"""Link each attribution's source to an entity and build its relay chain.

Reads: ``state.attributions`` (spans from ``attribution.find_attributions``),
the entity clusters, the outlet. Sets on each attribution: ``source_entity``
(creating an unnamed source entity where the speaker has no cluster yet),
``anonymous``, ``via`` (relaying outlets, innermost first, the publishing
outlet last), ``same_source_as`` and, for denials, ``modality``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from interlock.extract.lexicon import ANONYMOUS_HEADS
from interlock.extract.state import AttributionDraft, DocState, EntityDraft

_WORD = re.compile(r"[^\W\d_]+")
_DENY = frozenset({"deny", "denied", "denies", "denying", "rejected", "rejects", "dismissed", "refuted"})
_HEDGE_CUES = frozenset({"claimed", "claims", "alleged", "alleges", "suggested", "suggests", "speculated", "believes", "believed"})
#: organisations that relay news: media words in the name or descriptors
_MEDIA_WORDS = frozenset(
    {"tv", "television", "news", "radio", "agency", "times", "post", "press", "herald",
     "journal", "tribune", "gazette", "channel", "network", "broadcaster", "newspaper",
     "daily", "weekly", "magazine", "wire", "outlet", "reuters", "afp", "ap", "bbc", "cnn",
     "arabiya", "jazeera", "sumaria", "mayadeen", "irna", "isna", "fars", "tasnim", "mehr",
     "online", "media", "website", "site", "blog"}
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "we", "i", "you"})


def is_outlet(ent: EntityDraft, state: DocState) -> bool:
    """Whether an entity is a news outlet (by name, descriptor, or being the publisher)."""
    ent = ent.resolved()
    if state.outlet_entity is not None and ent is state.outlet_entity.resolved():
        return True
    if ent.label not in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT"):
        return False
    words = set(_WORD.findall(ent.name.lower()))
    for d in ent.descriptors:
        words |= set(_WORD.findall(d.lower()))
    return bool(words & _MEDIA_WORDS)


def link_sources(doc: Doc, state: DocState) -> None:
    """Link sources to entities, mark anonymous ones and build relay chains."""
    publisher = _publisher(state)
    by_source: dict[int, AttributionDraft] = {}
    for att in sorted(state.attributions, key=lambda a: a.cue[0]):
        if att.source is not None:
            start, end = att.source
            ent = state.entity_at(start, end)
            if ent is None or _much_shorter(ent, start, end, doc):
                ent = _source_entity(doc, state, start, end) or ent
            att.source_entity = ent.resolved() if ent is not None else None
        ent = att.source_entity
        if ent is not None:
            att.anonymous = att.anonymous or _is_anonymous(ent)
            if ent.label == "PERSON" and ent.anonymous and not att.anonymous:
                att.anonymous = _head_is_anonymous(ent.name)
        if att.addressee is not None:
            told = state.entity_at(*att.addressee)
            if told is not None and is_outlet(told, state):
                att.via.append(told.resolved())
        if publisher is not None and (not att.via or att.via[-1] is not publisher):
            if ent is None or ent.resolved() is not publisher:
                att.via.append(publisher)
        cue = doc.text[att.cue[0] : att.cue[1]].lower()
        if any(w in _DENY for w in cue.split()):
            att.modality = "negated"
        elif any(w in _HEDGE_CUES for w in cue.split()):
            att.modality = "hedged"
        if ent is not None:
            key = id(ent.resolved())
            if key in by_source:
                att.same_source_as = by_source[key]
            else:
                by_source[key] = att


def _publisher(state: DocState) -> EntityDraft | None:
    if state.outlet_entity is not None:
        return state.outlet_entity.resolved()
    if state.outlet:
        # the outlet from metadata is an entity of the document even when the text never names it
        ent = EntityDraft(label="ORG", name=state.outlet, descriptors=["outlet"])
        state.entities.append(ent)
        state.outlet_entity = ent
        return ent
    return None


def _much_shorter(ent: EntityDraft, start: int, end: int, doc: Doc) -> bool:
    # "members of the alliance" overlaps "the alliance" but names other people
    best = max((min(end, m.end) - max(start, m.start) for m in ent.mentions), default=0)
    head = doc.char_span(start, end, alignment_mode="expand")
    if head is None:
        return False
    root = head.root
    covered = any(m.start <= root.idx < m.end for m in ent.mentions)
    return best < (end - start) / 2 and not covered


def _source_entity(doc: Doc, state: DocState, start: int, end: int) -> EntityDraft | None:
    """An entity for a speaker that has none yet ("officials", "sources close to X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.is_alpha for t in span):
        return None
    root = span.root
    if root.lower_ in _PRONOUNS:
        return None
    # keep the head noun phrase, not a trailing clause
    left = min(t.i for t in root.subtree if t.i >= span.start)
    right = root.i
    for child in root.rights:
        if child.dep_ in ("prep", "amod", "compound") and child.right_edge.i < span.end:
            right = max(right, child.right_edge.i)
    phrase = doc[left : right + 1]
    if root.ent_type_ in ("ORG", "GPE", "NORP"):
        label = "ORG" if root.ent_type_ != "GPE" else "GPE"
    else:
        label = "PERSON"
    ent = state.new_entity(label, phrase.start_char, phrase.end_char, phrase.text, "nominal")
    ent.anonymous = root.ent_type_ != "PERSON"
    text = phrase.text
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            text = text[len(article) :]
            break
    ent.descriptors.append(text)
    return ent


def _head_is_anonymous(name: str) -> bool:
    words = _WORD.findall(name.lower())
    return bool(words) and (words[-1] in ANONYMOUS_HEADS or "anonymous" in words or "unnamed" in words)


def _is_anonymous(ent: EntityDraft) -> bool:
    ent = ent.resolved()
    if not ent.anonymous:
        return False
    return any(_head_is_anonymous(m.text) for m in ent.mentions if m.kind == "nominal") or _head_is_anonymous(
        ent.name
    )
