"""Groups: the entities a phrase names as taking part ("X and Y", "members of the Z alliance").

Reads the parse of the phrase, the entity clusters and their mentions
(``state.entity_at``, ``state.mentions_in``), the dateline, the publishing outlet and
``state.attributions`` (the speaker of a quotation is its "I"; an outlet that relays a
report takes no part). Leaves out places, descriptions, possessors and the names nested
in another's description; a description stands for the named person beside it. Adds
nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract.events.phrases import _TRIP_NOUNS, _own_subtree
from interlock.extract.events.triggers import TRIGGERS
from interlock.extract.state import DocState, EntityDraft

_PLACE_PREPS = ("in", "at", "near")


def _group(state: DocState, tok: Token) -> list[EntityDraft]:
    """Entities named in a phrase: "X and Y", "members of the Z alliance" (Z stands for them)."""
    found: list[EntityDraft] = []
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "X, who has met Y": X
    for t in _own_subtree(tok):
        if t.head.dep_ == "prep" and t.head.lower_ in _PLACE_PREPS and t.head is not tok:
            continue  # "candidates in Baghdad": a place, not a participant
        if state.dateline_end is not None and t.idx < state.dateline_end:
            continue  # "TRIPOLI, Nov 24 (MWS) -" is where the story was filed
        ent = state.entity_at(t.idx, t.idx + len(t.text))
        if ent is None and t.lower_ in ("i", "me"):
            ent = _speaker(state, t.idx)  # "I have never met X," he said: "I" is the speaker
        if ent is None:
            continue
        ent = ent.resolved()
        if ent.label == "NORP" and t.dep_ == "amod":
            continue  # "Iraqi political candidates": a description, not a participant
        root = _mention_root(t, ent)
        if root.dep_ == "poss" and root.i != tok.i and root.head.pos_ == "NOUN" and state.entity_at(
                root.head.idx, root.head.idx + len(root.head.text)) is None and not _is_occasion(root.head):
            continue  # "his party leaders met X", "West Africa's bloc": whose they are, not who met
        if ent.label == "PERSON" and ent.anonymous:
            ent = _named_beside(state, ent, t.idx) or ent
        if any(ent is f for f in found):
            continue
        # skip entities nested in another's description ("the commander of Turkey's Border Guard")
        if found and _nested_in_description(t, found, state):
            continue
        if _modifies_other(state, t, tok, ent) or _is_relay(state, ent):
            continue
        found.append(ent)
    return found


def _is_occasion(noun: Token) -> bool:
    """A trip or a meeting word, whose owner takes part ("X's visit", "X's talks")."""
    return noun.lemma_.lower() in _TRIP_NOUNS or noun.lemma_.lower() in TRIGGERS["meeting"]


def _mention_root(t: Token, ent: EntityDraft) -> Token:
    """The syntactic head of the mention of ``ent`` that holds ``t`` ("Africa" of "West Africa")."""
    mention = next((m for m in ent.mentions if m.start <= t.idx < m.end), None)
    if mention is None:
        return t
    span = t.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else t


def _named_beside(state: DocState, ent: EntityDraft, offset: int) -> EntityDraft | None:
    """The named person an unnamed description stands beside: "Head of the delegation X"
    (a title right before the name) or "X, the Serbian representative" (an apposition)."""
    mention = next((m for m in ent.mentions if m.start <= offset < m.end), None)
    if mention is None:
        return None
    text = state.text
    for m, other in state.mentions_in(mention.end, min(len(text), mention.end + 80)):
        if text[mention.end:m.start].strip() == "":
            named = other.resolved()
            return named if named.label == "PERSON" and not named.anonymous and m.kind != "nominal" else None
        break
    for m, other in reversed(state.mentions_in(max(0, mention.start - 80), mention.start)):
        if text[m.end:mention.start].strip() == ",":
            named = other.resolved()
            return named if named.label == "PERSON" and not named.anonymous and m.kind != "nominal" else None
        break
    return None


#: dependencies through which a name describes the phrase it sits in rather than heading it
_MODIFIER_DEPS = frozenset(("compound", "poss", "amod", "nmod", "pobj", "prep", "case", "npadvmod"))


def _modifies_other(state: DocState, t: Token, root: Token, ent: EntityDraft) -> bool:
    """True when ``t`` only describes another actor: "Iran" and "Quds Force" in
    "Iran's Quds Force chief Esmail Qaani" describe Qaani, who is the participant."""
    node = t
    for _ in range(8):
        if node is not t and node.dep_ == "appos" and node.head is not root:
            # "X, commander of the Front": the Front is in X's description
            other = state.entity_at(node.head.idx, node.head.idx + len(node.head.text))
            return other is not None and other.resolved() is not ent and other.resolved().label == "PERSON"
        if node is root or node.dep_ not in _MODIFIER_DEPS or node.head is node:
            return False
        node = node.head
        other = state.entity_at(node.idx, node.idx + len(node.text))
        if other is not None and other.resolved() is not ent and other.resolved().label in ("PERSON", "ORG"):
            return True
    return False


def _is_relay(state: DocState, ent: EntityDraft) -> bool:
    """The publishing outlet, or an outlet that passes a report on, takes no part in what it reports."""
    if state.outlet_entity is not None and state.outlet_entity.resolved() is ent:
        return True
    return any(any(v.resolved() is ent for v in a.via) for a in state.attributions)


def _speaker(state: DocState, offset: int) -> EntityDraft | None:
    """Who speaks in the direct quotation holding ``offset``, when the text names them."""
    for a in state.attributions:
        if a.kind in ("direct", "mixed") and a.content[0] <= offset < a.content[1] and a.source_entity is not None:
            speaker = a.source_entity.resolved()
            return speaker if speaker.label == "PERSON" and not speaker.anonymous else None
    return None


def _nested_in_description(t: Token, found: list[EntityDraft], state: DocState) -> bool:
    for ent in found:
        for m in ent.mentions:
            if m.kind == "nominal" and m.start <= t.idx < m.end:
                return True
    head = t
    while head.dep_ in ("pobj", "prep", "poss", "compound", "case") and head.head is not head:
        head = head.head
        owner = state.entity_at(head.idx, head.idx + len(head.text))
        if owner is not None and any(owner.resolved() is f for f in found) and head.lower_ != "members":
            return True
    return False


def _dedupe(ents: list[EntityDraft]) -> list[EntityDraft]:
    out: list[EntityDraft] = []
    for e in ents:
        e = e.resolved()
        if not any(e is o for o in out):
            out.append(e)
    return out
