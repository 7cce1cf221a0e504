"""Drafts: one event from its trigger word, or more about an event told again.

Reads the trigger's sentence and phrase: its participants, place ("in Erbil", "in the
city of Karbala"), time, topics ("talks on the border"), secrecy and hedges
(``sentence_hedges``), and ``state.pending_events`` (where and when an event with no
participants yet took place). Makes an ``EventDraft``; "the meeting discussed X" adds
topics, secrecy and hedges to the last event of its type instead. A one-word ORG named
where an event happened ("met ... in Erbil") becomes a GPE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from interlock.extract.events.dating import _refine_time, _time
from interlock.extract.events.groups import _PLACE_PREPS, _dedupe, _group
from interlock.extract.events.participants import (
    _has_first_side,
    _kept_participants,
    _noun_participants,
    _verb_participants,
)
from interlock.extract.events.phrases import _governing_verb, _own_subtree, _refers_back
from interlock.extract.modality import sentence_hedges
from interlock.extract.state import DocState, EntityDraft, EventDraft, text_of
from interlock.model import Timex
from interlock.vocab.words import word_list, word_set

#: words and phrases that make a meeting secret
_SECRET = word_list("events", "secret_words")


_PLACE_LABELS = ("GPE", "LOC", "FAC")


#: nouns of a place whose name follows "of": "in the city of Karbala"
_PLACE_NOUNS = word_set("events", "place_nouns")


#: verbs whose subject, a meeting told again, has their object as its topics: "the meeting discussed X"
_TOPIC_VERBS = word_set("events", "topic_verbs")


def _continue_event(doc: Doc, state: DocState, events: list[EventDraft], tok: Token, etype: str) -> bool:
    """"The meeting discussed X": add to the last event of that type."""
    prior = [e for e in events if e.type == etype]
    if not prior:
        return False
    ev = prior[-1]
    sent = tok.sent
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None and verb.lemma_.lower() in _TOPIC_VERBS:
        for ent in _entities_in(state, verb, exclude=tok):
            if ent not in ev.topics and ent not in ev.participants:
                ev.topics.append(ent)
    for ent in _about(state, tok):
        if ent not in ev.topics:
            ev.topics.append(ent)
    if etype == "election":
        _refine_time(ev, _time(state, tok, sent))
    if _is_secret(sent):
        ev.secret = True
    ev.hedges.extend(h for h in sentence_hedges(sent) if h not in ev.hedges)
    _mark_uncertain(doc, ev)
    return True


#: subject words that name nobody in particular: "No person who ... may stand"
_NOBODY = word_set("events", "nobody_words")


def _nobody(subject: Token) -> bool:
    """"No person who ... may stand": a subject that names nobody in particular."""
    return subject.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ in _NOBODY for c in subject.children)


def _new_event(doc: Doc, state: DocState, tok: Token, etype: str, sent: Span) -> EventDraft | None:
    """The event of type ``etype`` that ``tok`` triggers, with its participants, place, time,
    topics, secrecy and hedges. None for a rule about anyone ("No person who ... may stand"),
    for a meeting with one side only, and for an event with no participants, whose place and
    time then wait for a later mention ("The meeting brought together X and Y")."""
    # for a meeting: someone must meet someone. A "with" group alone ("separate meetings
    # with A, B and C") names one side only, and its members did not meet each other.
    sided = _has_first_side(tok)
    if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in tok.children):
        return None  # a rule about anyone, not an event of someone's
    if tok.pos_ == "VERB":
        participants = _verb_participants(state, tok)
    else:
        found = _noun_participants(state, tok)
        if found is None:
            return None
        participants, visited = found
        sided = sided or visited
    participants = _kept_participants(state, tok, etype, sent, participants)
    if etype == "meeting" and not sided and len(participants) > 1:
        return None
    place, time = _where_and_when(state, tok, sent)
    if not participants and etype not in ("election",):
        if place is not None or time is not None:
            # "agreed at a meeting in Karbala on Monday": keep where and when for a later
            # "The meeting brought together X and Y"
            state.pending_events[etype] = (place, time)
        return None
    if _refers_back(tok) and etype in state.pending_events:
        before_place, before_time = state.pending_events.pop(etype)
        place = place or before_place
        time = time or before_time
    ev = EventDraft(
        type=etype,
        trigger=(tok.idx, tok.idx + len(tok.text)),
        evidence=(sent.start_char, sent.end_char),
        participants=participants,
        place=place,
        time=time,
    )
    ev.topics = [e for e in _about(state, tok) if e not in participants]
    ev.secret = _is_secret(sent)
    ev.hedges = sentence_hedges(sent)
    _mark_uncertain(doc, ev)
    return ev


def _where_and_when(state: DocState, tok: Token, sent: Span) -> tuple[EntityDraft | None, Timex | None]:
    """The place and time of an event: the trigger's own, else those of the verb governing
    an event noun ("held talks in Baghdad on Monday")."""
    place = _place(state, tok)
    time = _time(state, tok, sent)
    verb = _governing_verb(tok) if tok.pos_ != "VERB" else None
    if verb is not None:
        place = place or _place(state, verb)
        time = time or _time(state, verb, sent)
    return place, time


def _mark_uncertain(doc: Doc, ev: EventDraft) -> None:
    """"No one really knows why": the event's purpose is uncertain."""
    for start, end in ev.hedges:
        after = text_of(doc)[end : end + 12].lower().split()
        if (after and after[0].strip(",.") in ("why", "what")) or text_of(doc)[start:end].lower().endswith("why"):
            if "purpose" not in ev.uncertain:
                ev.uncertain.append("purpose")


def _place(state: DocState, tok: Token) -> EntityDraft | None:
    for t in _own_subtree(tok):
        if t.dep_ == "pobj" and t.lower_ in _PLACE_NOUNS:
            continue  # "in the city of Karbala": the name after "of" is the place
        if t.dep_ == "pobj" and (t.head.lower_ in _PLACE_PREPS or t.head.head.lower_ in _PLACE_NOUNS):
            ent = state.entity_at(t.idx, t.idx + len(t.text))
            if ent is None:
                continue
            ent = ent.resolved()
            if ent.label in _PLACE_LABELS:
                return ent
            if ent.label == "ORG" and " " not in ent.name and t.dep_ == "pobj" and t.head.lower_ == "in":
                ent.label = "GPE"  # "met ... in Erbil": a one-word name where the event happened
                return ent
    return None


def _about(state: DocState, tok: Token) -> list[EntityDraft]:
    found: list[EntityDraft] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("about", "on", "over", "regarding", "concerning"):
            found.extend(_group(state, child))
    return _dedupe(found)


def _entities_in(state: DocState, verb: Token, exclude: Token) -> list[EntityDraft]:
    found: list[EntityDraft] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "ccomp", "attr") and child is not exclude:
            for t in child.subtree:
                if t.dep_ in ("relcl", "acl", "appos"):
                    break
                ent = state.entity_at(t.idx, t.idx + len(t.text))
                if ent is not None and ent.label in ("PERSON", "ORG", "EVENT", "GPE"):
                    found.append(ent.resolved())
                    break
    return _dedupe(found)


def _is_secret(sent: Span) -> bool:
    low = sent.text.lower()
    return any(w in low for w in _SECRET)
