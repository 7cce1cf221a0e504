"""The phrases around an event word: the verb that governs it, and its own words.

Reads the parse only (``token.dep``, ``token.head``, ``token.lemma``, ``token.pos``,
``token.children``): the tokens of a phrase without the clauses inside it, the verb an
event noun belongs to ("held talks"), the subject a coordinated verb shares, the owner of
a visit, and the words that refer back to an event ("the meeting") or make meetings
separate ("separate meetings"). Adds nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.vocab.words import word_set

#: verbs that gather the sides of an event: "the talks brought together X and Y"
_GATHER_VERBS = word_set("events", "gather_verbs")
#: verbs that govern an event noun as their object: "held talks", "attended the summit"
_LIGHT_VERBS = word_set("events", "light_verbs")
#: verbs that give a welcome to someone: "accorded a warm welcome to X"
_WELCOMING = word_set("events", "welcoming_verbs")
_CLAUSES = ("relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis")


#: words that make meetings separate: "separate meetings", "met separately"
_SEPARATE_WORDS = word_set("events", "separate_words")


def _separately(tok: Token) -> bool:
    """ "separate meetings", "met separately", "in separate talks"."""
    near = list(tok.children) + (list(tok.head.children) if tok.head is not tok else [])
    return any(t.lower_ in _SEPARATE_WORDS for t in near)


def _refers_back(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


#: nouns of a trip whose owner meets those its meetings name
_TRIP_NOUNS = word_set("events", "trip_nouns")


def _visit_owner(noun: Token) -> Token | None:
    """ "X's visit ... included meetings with A and B": X, who made the visit."""
    head = noun.head
    if noun.dep_ != "dobj" or head.lemma_.lower() != "include":
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None and head.dep_ == "conj":
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _TRIP_NOUNS:
        return None
    return next((c for c in subj.children if c.dep_ == "poss"), None)


def _governing_verb(noun: Token) -> Token | None:
    """The verb an event noun belongs to: "held a meeting", "in a speech", "the meeting brought"."""
    head = noun.head
    if noun.dep_ == "dobj" and (head.lemma_.lower() in _LIGHT_VERBS or (
            noun.lemma_.lower() == "welcome" and head.lemma_.lower() in _WELCOMING)):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "during", "at") and head.head.pos_ == "VERB":
        return head.head
    if noun.dep_ in ("nsubj",) and head.lemma_.lower() in _GATHER_VERBS:
        return head
    return None


def _shared_subject(verb: Token) -> Token | None:
    """The subject a coordinated verb shares with the verb before it ("X met A and held talks
    with B"), when it has none of its own."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _own_subtree(tok: Token) -> list[Token]:
    """The tokens of a phrase, leaving out relative and complement clauses inside it."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(
            c for c in t.children
            if (c.dep_ not in _CLAUSES or (c.dep_ == "acl" and c.pos_ in ("PROPN", "VERB") and c.text.isupper()))
            and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        )  # a name the parser took for a clause ("the bloc ECOWAS" as a verb) stays in the phrase
    return sorted(out, key=lambda t: t.i)
