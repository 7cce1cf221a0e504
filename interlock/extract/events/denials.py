"""Denials: a meeting said not to have happened ("did not meet", "denied meeting Y").

Reads the parse around the meeting word (a negation, the "denied" that governs it), the
entity clusters and ``state.attributions``. Adds to ``state.attributions``: the one who
denies a meeting is the source of that denial, negated, not the outlet that reports it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from interlock.extract.state import AttributionDraft, DocState, EventDraft


def _denier(doc: Doc, state: DocState, ev: EventDraft) -> None:
    """ "X denied meeting Y": X says the meeting did not happen, so X is the source of that
    denial (an attribution of its own, negated), not the outlet that reports it."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    if span is None:
        return
    tok = span.root
    verb = _deny_verb(tok)
    if verb is None:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return
    who = state.entity_at(subj.idx, subj.idx + len(subj.text))
    if who is None or who.resolved().label not in ("PERSON", "ORG"):
        return
    if any(a.content[0] <= tok.idx < a.content[1] for a in state.attributions):
        return
    state.attributions.append(AttributionDraft(
        kind="indirect",
        cue=(verb.idx, verb.idx + len(verb.text)),
        content=(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)),
        source=(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)),
        source_entity=who.resolved(),
        modality="negated",
    ))


def _deny_verb(tok: Token) -> Token | None:
    """The "denied" a meeting word is the object of: "denied meeting Y"."""
    return tok.head if tok.dep_ in ("dobj", "xcomp", "ccomp") and tok.head.lemma_.lower() == "deny" else None


def _denied(tok: Token) -> bool:
    """ "did not meet", "never met", "denied meeting": a meeting said not to have happened."""
    return any(c.dep_ == "neg" for c in tok.children) or _deny_verb(tok) is not None
