"""Modality: whether a statement is asserted, reported, hedged, negated, conditional or planned.

Reads: the parse, ``state.attributions``, ``state.statements``, ``state.events``.
Sets: each statement's and event's ``modality`` and ``attribution``, and
``state.opinions`` (sentences where the author speaks for themself).
The vocabulary of modalities lives in ``interlock/vocab/predicates.yaml``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from interlock.extract.lexicon import CONDITIONALS, HEDGES, NEGATIONS, OPINION
from interlock.extract.roles import is_conditional
from interlock.extract.state import AttributionDraft, DocState, text_of
from interlock.vocab.words import word_list, word_set

ASSERTED, REPORTED, HEDGED, NEGATED, CONDITIONAL, PLANNED_M, OPINION_M = (
    "asserted",
    "reported",
    "hedged",
    "negated",
    "conditional",
    "planned",
    "opinion",
)
#: how strongly a modality overrides another found for the same statement
_RANK = {ASSERTED: 0, REPORTED: 1, OPINION_M: 2, PLANNED_M: 3, HEDGED: 4, CONDITIONAL: 5, NEGATED: 6}

_HEDGE_WORDS = frozenset(h for h in HEDGES if " " not in h)
_HEDGE_PHRASES = tuple(h for h in HEDGES if " " in h)
_NEG_WORDS = frozenset(n for n in NEGATIONS if " " not in n)
_DENY_LEMMAS = word_set("modality", "deny_lemmas")
_BELIEF_LEMMAS = word_set("modality", "belief_lemmas")
_PLAN_LEMMAS = word_set("modality", "plan_lemmas")
_MODAL_HEDGE = word_set("modality", "modal_hedge")
_MODAL_PLAN = word_set("modality", "modal_plan")
#: single words marked as hedges in a sentence
_HEDGE_ADVERBS = word_set("modality", "hedge_adverbs")
#: words and phrases that hedge a whole sentence's claim ("it is believed")
_SENTENCE_HEDGES = word_list("modality", "sentence_hedges")


def token_modality(doc: Doc, token_index: int) -> str:
    """The modality of the predicate at ``token_index``, from its clause and governors.

    Only clausal links carry modality down ("plans to appoint X", "denied that X met Y",
    "believes X funded Y"); a noun argument or a relative or temporal clause is
    presupposed, so "the bombing" in "the bombing will set back talks" stays asserted.
    """
    tok = doc[token_index]
    found = _local(tok, link=None)
    node = tok
    for _ in range(6):
        if found == NEGATED or node.head is node:
            break
        if node.dep_ not in _CARRIERS and not (
            node.dep_ == "acl" and node.head.lemma_.lower() in _PLAN_LEMMAS
        ):  # "an agreement to appoint X" carries the plan; other noun modifiers do not
            break
        if node.dep_ == "conj" and node.head.pos_ not in ("VERB", "AUX"):
            break
        link = node.dep_
        node = node.head
        m = _local(node, link=link)
        if _RANK[m] > _RANK[found]:
            found = m
    return found


#: dependency links through which a governing clause's modality reaches its complement
_CARRIERS = frozenset({"ccomp", "xcomp", "conj", "pcomp", "acomp", "oprd"})


def _local(node: Token, link: str | None) -> str:
    """The modality a clause head contributes; ``link`` is how the predicate hangs from it."""
    children = list(node.children)
    lemma = node.lemma_.lower()
    governs = link is not None
    if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEG_WORDS) for c in children):
        return NEGATED
    if governs and lemma in _DENY_LEMMAS:
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in children):
        return CONDITIONAL
    if not governs and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONALS for g in c.children)
        for c in children
    ):
        return CONDITIONAL
    if any(c.lower_ in _MODAL_HEDGE and c.dep_ == "aux" for c in children):
        return HEDGED
    if any(c.lower_ in _HEDGE_WORDS and c.dep_ in ("advmod", "aux") for c in children):
        return HEDGED
    if governs and lemma in _BELIEF_LEMMAS:
        return HEDGED
    if link in (None, "xcomp", "conj") and any(c.lower_ in _MODAL_PLAN and c.dep_ == "aux" for c in children):
        return PLANNED_M
    if link in ("xcomp", "acl") and lemma in _PLAN_LEMMAS:
        return PLANNED_M
    return ASSERTED


def sentence_hedges(sent: Span) -> list[tuple[int, int]]:
    """Character spans of hedging phrases in a sentence ("no one really knows why")."""
    low = sent.text.lower()
    found: list[tuple[int, int]] = []
    for phrase in _HEDGE_PHRASES:
        start = low.find(phrase)
        while start != -1:
            found.append((sent.start_char + start, sent.start_char + start + len(phrase)))
            start = low.find(phrase, start + 1)
    for tok in sent:
        if tok.lower_ in _HEDGE_ADVERBS:
            found.append((tok.idx, tok.idx + len(tok.text)))
    return sorted(found)


def is_opinion(sent: Span) -> bool:
    """Whether the author evaluates rather than reports in this sentence."""
    low = " " + sent.text.lower() + " "
    return any((" " + w + " ") in low or (" " + w + ",") in low for w in OPINION)


def containing_attribution(state: DocState, start: int, end: int) -> AttributionDraft | None:
    """The innermost attribution whose content holds [start, end)."""
    best: AttributionDraft | None = None
    for att in state.attributions:
        cs, ce = att.content
        if cs <= start and end <= ce:
            if best is None or (ce - cs) < (best.content[1] - best.content[0]):
                best = att
    return best


def assign(doc: Doc, state: DocState) -> None:
    """Set modality and attribution on every statement and event."""
    for st in state.statements:
        anchor = st.anchor if st.anchor is not None else st.evidence[0]
        st.modality = _combine(doc, state, st.modality, anchor, st.evidence, st.polarity_checked)
        if st.attribution is None:
            st.attribution = containing_attribution(state, anchor, anchor + 1)
    for ev in state.events:
        ev.modality = _combine(doc, state, ev.modality, ev.trigger[0], ev.evidence)
        if ev.attribution is None:
            ev.attribution = containing_attribution(state, ev.trigger[0], ev.trigger[1])
    _inherit_from_events(doc, state)
    for sent in doc.sents:
        if state.body_end is not None and sent.start_char >= state.body_end:
            break
        if is_opinion(sent) and containing_attribution(state, sent.start_char, sent.start_char + 1) is None:
            state.opinions.append((sent.start_char, sent.end_char))


_EVENT_NOUNS = word_set("modality", "event_nouns")


def _titles_a_name(tok: Token) -> bool:
    """A role noun that titles a name ("the Brigades' commander Qasim al-Sayyadi").

    Such a description says who someone is, whatever the clause around it says
    may happen: it is not under the clause's condition.
    """
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i for c in tok.children)


def _inherit_from_events(doc: Doc, state: DocState) -> None:
    """A statement told of "the meeting" a source spoke about is known from that source.

    "A source told X that the meeting discussed Y. At its close the sides agreed that Y
    would be named ..." : the second sentence has no attribution of its own, but what
    the article knows of the meeting it knows from the source, so the statement is
    the source's: the latest earlier attribution whose content speaks of the meeting
    (or the meeting event's own attribution).
    """
    for st in state.statements:
        if st.attribution is not None:
            continue
        span = doc.char_span(*st.evidence, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            lemma = tok.lemma_.lower()
            if lemma not in _EVENT_NOUNS or not any(c.lower_ in ("the", "that", "this") for c in tok.children):
                continue
            found = [ev.attribution for ev in state.events
                     if ev.type == "meeting" and ev.attribution is not None and ev.trigger[0] < tok.idx]
            for att in state.attributions:
                content = text_of(doc)[att.content[0]:att.content[1]].lower()
                if att.content[1] <= tok.idx and re.search(rf"\b(?:the|that|this) {lemma}\b", content):
                    found.append(att)
            if found:
                st.attribution = max(found, key=lambda a: a.content[0])
                if st.modality == ASSERTED:
                    st.modality = REPORTED
            break


def _combine(
    doc: Doc,
    state: DocState,
    current: str,
    anchor: int,
    evidence: tuple[int, int],
    polarity_checked: bool = False,
) -> str:
    span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    local = token_modality(doc, span[0].i) if span is not None and len(span) else ASSERTED
    if span is not None and len(span) and _titles_a_name(span[0]):
        # a title says who someone is: the clause's condition or denial is not about it
        local = ASSERTED
        current = ASSERTED if current in (CONDITIONAL, NEGATED) else current
    if (span is not None and len(span) and _RANK[local] < _RANK[CONDITIONAL] and is_conditional(span[0])
            and not _titles_a_name(span[0])):
        local = CONDITIONAL  # "..., if he accepts the position" reaches the whole clause
    if local == NEGATED and polarity_checked:
        local = ASSERTED  # the extractor already counted this clause's negations
    best = current if _RANK.get(current, 0) >= _RANK[local] else local
    around = containing_attribution(state, anchor, anchor + 1)
    if around is not None and around.modality == NEGATED and span is not None and len(span) and span[0].pos_ in ("VERB", "AUX"):
        return NEGATED  # "X denied that he had been promised a post if ...": the source denies the claim
    if best == ASSERTED:
        if containing_attribution(state, anchor, anchor + 1) is not None:
            return REPORTED
        sent = span[0].sent if span is not None and len(span) else None
        if sent is not None and sent_is_hedged(sent):
            return HEDGED
        if sent is not None and is_opinion(sent):
            return OPINION_M
    return best


def sent_is_hedged(sent: Span) -> bool:
    """Whether a sentence carries a hedge that covers its whole claim ("it is believed")."""
    low = sent.text.lower()
    return any(p in low for p in _SENTENCE_HEDGES)


__all__ = ["token_modality", "assign", "sentence_hedges", "containing_attribution"]
