"""Role nominals joined to the person they describe: appositions, predicatives, "the ambassador".

Reads the nominal drafts that ``interlock.extract.entities`` made and the parse
(``token.dep``, ``token.head``, ``token.pos``, ``token.tag``, ``token.lemma``,
``token.ent_type``, ``doc.sents``). Merges a nominal into the named person it stands in
apposition with ("X, the commander of Y"), that it is said of ("X is a Y", "X served as
Y"), or that it refers back to ("the ambassador"); drops a lone nominal that names a
post rather than a person ("on leave as head of X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from interlock.extract.coref.names import _PERSONAL, _WORD, _span_of
from interlock.extract.lexicon import GIVEN_NAMES, ROLE_NOUNS
from interlock.extract.state import DocState, EntityDraft
from interlock.vocab.words import word_set


def _merge_appositions(doc: Doc, state: DocState) -> None:
    """"X, the commander of Y" and "the commander of Y, X": the nominal joins the name."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or not ent.mentions or ent.mentions[0].kind != "nominal":
            continue
        span = _span_of(doc, ent.mentions[0])
        if span is None:
            continue
        head = _role_head(span)
        if head is None:
            continue
        partner = _apposition_partner(head) or _apposition_after(span, state)
        if partner is None or (head.tag_ in ("NNS", "NNPS") and partner.tag_ not in ("NNS", "NNPS")):
            continue  # "X, two sources said": plural sources are not X
        other = state.entity_at(partner.idx, partner.idx + len(partner.text))
        if other is None or other is ent or other.label not in _PERSONAL:
            continue
        keep = state.merge(other, ent)
        keep.anonymous = False


def _apposition_after(span: Span, state: DocState) -> Token | None:
    """"The commander of Y, X": a named person in apposition to any word of the nominal.

    The parser often hangs X on Y ("Kata'ib al-Sumud, Qasim al-Sayyadi") rather than on
    the role noun; what counts is that X follows the nominal, set off by a comma.
    """
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for t in doc[span.end + 1 : span.end + 8]:
        if t.dep_ == "appos" and span.start <= t.head.i < span.end:
            other = state.entity_at(t.idx, t.idx + len(t.text))
            if other is not None and other.resolved().label in _PERSONAL and not other.resolved().anonymous:
                return t
    return None


def _role_head(span: Span) -> Token | None:
    for t in span:
        if t.lower_ in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS:
            if t.head.i < span.start or t.head.i >= span.end or t.head == t:
                return t
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return heads[0] if heads else None


def _apposition_partner(head: Token) -> Token | None:
    """The proper noun in apposition with a role noun, either way round."""
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    # "the governor of Y province, X" is often parsed with X in apposition to Y
    for t in head.subtree:
        if (
            t.dep_ == "appos"
            and t.pos_ == "PROPN"
            and t.head is not head
            and t.head.i > head.i
            and t.head.ent_type_ != "PERSON"
            and (t.ent_type_ == "PERSON" or any(c.lower_ in GIVEN_NAMES for c in t.subtree))
        ):
            return t
    # "the commander of Y, X" is often parsed with X as the head's conj or npadvmod
    nxt = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.text == "," and nxt.i + 1 < len(head.doc):
        cand = head.doc[nxt.i + 1]
        if cand.pos_ == "PROPN" and cand.text[:1].isupper():
            return cand
    return None


def _predicated_person(head: Token) -> Token | None:
    """Whom a role noun is said of: "X is a Y", "X, who is a Y", "X served as Y", "appoint X as Y"."""
    if head.dep_ == "attr":
        verb = head.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            return subj
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        verb = head.head.head
        for dep in ("dobj", "nsubjpass", "nsubj"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                subj = found[0]
                if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    return verb.head
                return subj
    return None


#: nouns of a candidacy, which say whose party a pronoun stands for ("as the X candidate")
_CANDIDACY = word_set("roles", "candidate_in_roles")


def _predicative(head: Token) -> bool:
    """A role noun that says what someone is or becomes ("as head of X")."""
    return head.dep_ == "pobj" and head.head.lower_ == "as"


def _merge_predicatives(doc: Doc, state: DocState) -> None:
    """A role said of a named person is a description of that person, not someone else."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or not ent.mentions or ent.mentions[0].kind != "nominal":
            continue
        span = _span_of(doc, ent.mentions[0])
        head = _role_head(span) if span is not None else None
        if head is None:
            continue
        person = _predicated_person(head)
        other = state.entity_at(person.idx, person.idx + len(person.text)) if person is not None else None
        if other is None or other is ent or other.label not in _PERSONAL:
            if other is None and len(ent.mentions) == 1 and _predicative(head) and not (
                    person is not None and person.pos_ == "PRON" and head.lemma_.lower() in _CANDIDACY):
                # "going on leave as head of X": a post, not a person; but "she will stand as the
                # party's candidate" names her party, and pronoun resolution finds her later
                state.entities.remove(ent)
            continue
        state.merge(other, ent)


def _merge_definite_nominals(doc: Doc, state: DocState) -> None:
    """"The ambassador" and "the source" refer back to the last entity described so."""
    nominals = sorted(
        (e for e in state.live_entities() if e.mentions and e.mentions[0].kind == "nominal"),
        key=lambda e: e.first_start,
    )
    for ent in nominals:
        if ent.merged_into is not None:
            continue
        mention = ent.mentions[0]
        span = _span_of(doc, mention)
        if span is None or span[0].lower_ not in ("the", "this", "that"):
            continue
        head = _role_head(span)
        if head is None:
            continue
        lemma = head.lemma_.lower()
        target = _last_described(state, lemma, mention.start, ent)
        if target is None:
            target = _next_described(doc, state, lemma, span, ent)
        if target is not None:
            state.merge(target, ent)


def _last_described(state: DocState, lemma: str, before: int, exclude: EntityDraft) -> EntityDraft | None:
    best: EntityDraft | None = None
    best_pos = -1
    for other in state.live_entities():
        if other is exclude or other.label not in _PERSONAL:
            continue
        for d in other.descriptors:
            words = _WORD.findall(d.lower())
            if lemma in words or (lemma + "s") in words or lemma.rstrip("s") in words:
                pos = max((m.start for m in other.mentions if m.start < before), default=-1)
                if pos > best_pos:
                    best, best_pos = other, pos
    return best


def _next_described(
    doc: Doc, state: DocState, lemma: str, span: Span, exclude: EntityDraft
) -> EntityDraft | None:
    """A lead's "The commander of ..." named in one of the next two sentences."""
    sents = list(doc.sents)
    idx = next((i for i, s in enumerate(sents) if s.start <= span.start < s.end), None)
    if idx is None:
        return None
    limit = sents[min(idx + 2, len(sents) - 1)].end_char
    best: EntityDraft | None = None
    best_pos = limit
    for other in state.live_entities():
        if other is exclude or other.label not in _PERSONAL or other.anonymous:
            continue
        for d in other.descriptors:
            if lemma in _WORD.findall(d.lower()):
                pos = min((m.start for m in other.mentions), default=limit)
                if span.end_char <= pos < best_pos:
                    best, best_pos = other, pos
    return best
