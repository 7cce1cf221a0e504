"""Triggers: the words that tell an event, and the type of event each tells.

Reads the parse of a sentence (``token.lemma``, ``token.pos``, ``token.dep``,
``token.children``, ``token.ent_type``): a trigger lemma of ``TRIGGERS`` in the right
use ("stepped down", "ran for", "talks", "a phone call", "chose X as"), and the
agreements that are meetings too ("X signed a memorandum with President Y", "A and B
reached a consensus"). Adds nothing: ``find_events`` makes events of them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.extract.events.phrases import _WELCOMING, _own_subtree
from interlock.vocab.words import word_set

#: trigger lemmas (verbs and nouns) per event type
TRIGGERS: dict[str, frozenset[str]] = {
    "meeting": word_set("events", "meeting_triggers"),
    "appointment": word_set("events", "appointment_triggers"),
    "agreement": word_set("events", "agreement_triggers"),
    "resignation": word_set("events", "resignation_triggers"),
    "candidacy": word_set("events", "candidacy_triggers"),
    "election": word_set("events", "election_triggers"),
    "speech": word_set("events", "speech_triggers"),
    "denial": word_set("events", "denial_triggers"),
}


def _triggers(sent: Span) -> list[tuple[Token, str]]:
    """The event words of a sentence with their types. Two people signing with each other
    ("X signed a memorandum with President Y") also met, so that word is a meeting too."""
    out: list[tuple[Token, str]] = []
    for tok in sent:
        etype = _event_type(tok)
        if etype is None and tok.lemma_.lower() == "reach" and _people_agreeing(tok):
            out.append((tok, "meeting"))  # "A and B reached a consensus"
            continue
        if etype is None:
            continue
        out.append((tok, etype))
        if etype == "agreement" and (_signed_with_person(tok) or _people_agreeing(tok)):
            out.append((tok, "meeting"))
    return out


#: what two sides reach when they settle something together
_SETTLEMENTS = word_set("events", "settlements")


def _people_agreeing(tok: Token) -> bool:
    """"A and B agreed to ...", "A and B reached a consensus": two named people settling
    something together met, as two discussing did."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() == "reach":
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _SETTLEMENTS for c in verb.children):
            return False
    elif verb.lemma_.lower() != "agree":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    people = [t for t in [subj, *subj.conjuncts] if t.ent_type_ == "PERSON"]
    people += [a for t in [subj, *subj.conjuncts] for a in t.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
    return len(people) >= 2


def _signed_with_person(tok: Token) -> bool:
    """"X signed an agreement with Y", both people: a signing in each other's presence."""
    if tok.lemma_.lower() != "sign" or tok.pos_ != "VERB":
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ != "PERSON":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(p.ent_type_ == "PERSON" for p in c.subtree)
               for c in _own_subtree(tok))


#: verbs of choosing that, with "as", tell an appointment: "chose X as his chief of staff"
_CHOOSING_VERBS = word_set("events", "choosing_verbs")

def _event_type(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if lemma == "step" and not any(c.lower_ == "down" for c in tok.children):
        return None
    if lemma in ("run", "stand") and not any(c.lower_ in ("for", "in") for c in tok.children):
        return None
    if lemma == "name" and tok.pos_ != "VERB":
        return None
    if lemma in ("deal", "accord") and tok.pos_ == "VERB":
        return None  # "deal with Iran" is handling, not a deal
    if lemma in ("discuss", "negotiate"):
        # "A and B discussed the reshuffle": two named people discussing met; "A discussed
        # the plan" or "the cabinet discussed" says nothing of a meeting
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        people = [t for t in [subj, *subj.conjuncts] if t.ent_type_ == "PERSON"] if subj is not None else []
        return "meeting" if tok.pos_ == "VERB" and len(people) >= 2 else None
    if lemma == "welcome" and tok.pos_ == "NOUN":
        # "X accorded a warm welcome to Y": the welcome is a meeting of X and Y
        return "meeting" if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WELCOMING and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(p.ent_type_ == "PERSON" for p in c.subtree)
            for c in [*tok.children, *tok.head.children]) else None
    if lemma == "welcome" and not any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children):
        return None  # "welcomed the efforts of X" is approval; "welcomed X" a visit
    if lemma in ("host", "receive") and not (tok.pos_ == "VERB" and _person_object(tok)):
        return None  # "hosted talks", "received a letter", "welcomed the move": no meeting
    if lemma == "talk" and tok.pos_ == "NOUN" and tok.lower_ == "talks":
        return "meeting"  # "talks between A and B", "held talks with"; "a talk" is a lecture
    if lemma in ("talk", "speak") and not (
        tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    ):
        return None
    if lemma == "speak":
        # "spoke with his Ugandan counterpart X": a conversation between two people; "spoke
        # with Reuters" is an interview
        with_people = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                       for p in c.subtree if p.ent_type_ == "PERSON" or p.lower_ == "counterpart"]
        return "meeting" if with_people else None
    if lemma == "call" and not (
        tok.pos_ == "NOUN" and any(c.lower_ in ("phone", "telephone") for c in tok.lefts)
    ):
        return None  # a phone call is a meeting; a call for calm is not
    if lemma == "conference" and any(c.lower_ in ("press", "news") for c in tok.lefts):
        return None  # a press conference is no meeting
    if lemma in _CHOOSING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in tok.children
    ):
        return "appointment"  # "chose X as his chief of staff"
    for etype, lemmas in TRIGGERS.items():
        if lemma in lemmas:
            if etype == "election" and tok.pos_ == "VERB":
                return None
            return etype
    return None


#: nouns of an object that stand for a guest as a name does: "hosted the UN envoy"
_GUEST_NOUNS = word_set("events", "guest_nouns")

def _person_object(tok: Token) -> bool:
    """True when a verb's object is a name ("hosted the UN envoy Geir Pedersen")."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ == "PROPN"
                                     or c.lower_ in _GUEST_NOUNS)
               for c in tok.children)
