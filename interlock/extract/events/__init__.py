"""Events: meetings, appointments, agreements, resignations, candidacies, elections, speeches.

The ``interlock_events`` component. It reads the parse (``token.lemma``, ``token.pos``,
``token.tag``, ``token.dep``, ``token.head``, ``token.ent_type``, ``doc.sents``) and what
the components before it left on ``doc._.interlock``: the entity clusters and their
mentions, the dateline and where the article's body ends, the times and the publication
date, the attributions (who speaks in a quotation, which outlet relays a report) and the
statements (a person's posts and memberships). It adds ``doc._.interlock.events``
(``doc._.interlock_events``): ``EventDraft`` objects with type, trigger, participants,
place, time, topics, secrecy and hedges. A later mention of the same meeting ("the
meeting discussed X", "the meeting has been kept secret") adds topics, secrecy and hedges
to the event it refers to rather than making a new one. It also adds ``met_with``,
``candidate_in`` and ``resigned_from`` statements and dates ``candidate_in`` statements
by their election; an election becomes an EVENT entity, a visited capital's country an
entity, and a denied meeting an attribution (negated) of the one who denies it.

Modules: ``triggers`` (the event words and their types), ``drafts`` (an event from its
trigger, or more about one told again: place, topics, secrecy), ``participants`` (who
takes part, from the verb or noun), ``groups`` (the entities a phrase names), ``phrases``
(the verb governing an event noun, a phrase's own words), ``dating`` (an event's time,
``time_basis``), ``merging`` (one event told twice, one phrase telling several),
``denials`` (meetings said not to have happened), ``statements`` (``met_with``,
``candidate_in``, ``resigned_from``). ``find_events`` here runs them in order.
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract import countries
from interlock.extract.events.dating import (
    _date_from_publication,
    _date_from_visit,
    date_elections,
    time_basis,
)
from interlock.extract.events.denials import _denied, _denier
from interlock.extract.events.drafts import _continue_event, _new_event
from interlock.extract.events.merging import (
    _absorb,
    _capital_for_country,
    _one_place_each,
    _same_election,
    _same_meeting,
)
from interlock.extract.events.participants import _drop_own_bodies
from interlock.extract.events.phrases import _TRIP_NOUNS, _refers_back, _separately
from interlock.extract.events.statements import (
    candidacy_statements,
    meeting_statements,
    resignation_statements,
)
from interlock.extract.events.triggers import _triggers
from interlock.extract.state import DocState, EventDraft, text_of

__all__ = ["find_events", "time_basis"]


def find_events(doc: Doc, state: DocState) -> list[EventDraft]:
    """Events with their participants, place, time and topics."""
    events: list[EventDraft] = []
    denials: set[int] = set()
    body_end = state.body_end if state.body_end is not None else len(text_of(doc))
    for sent in doc.sents:
        if sent.start_char >= body_end:
            break
        for tok, etype in _triggers(sent):
            if tok.pos_ == "NOUN" and _refers_back(tok) and _continue_event(doc, state, events, tok, etype):
                continue
            ev = _new_event(doc, state, tok, etype, sent)
            if ev is None:
                continue
            denied = _denied(tok)
            for one in _one_place_each(ev, _separately(tok)):
                if etype == "meeting" and tok.lemma_.lower() in _TRIP_NOUNS:
                    _capital_for_country(state, one)
                # "did not meet Y" is never the meeting with X told before; two denials are one
                same = _same_meeting([e for e in events if (id(e) in denials) == denied], one) \
                    if etype == "meeting" else None
                if same is None and denied:
                    denials.add(id(one))
                if etype == "election":
                    same = _same_election(events, one)
                if same is not None:
                    _absorb(same, one)
                else:
                    events.append(one)
    for ev in events:
        actors = [p for p in ev.participants if not (p.label == "GPE" and countries.country_name(p) is None)]
        if ev.type == "meeting" and len(actors) >= 2:
            ev.participants = actors  # a city is where two actors meet, not one of them
        named = [p for p in ev.participants if p.label in ("PERSON", "ORG")]
        if ev.type == "meeting" and len(named) >= 2:
            # "X and his Varesh counterpart Y": the nationality describes Y, who is there
            ev.participants = [p for p in ev.participants if p.label != "NORP"]
        if ev.type == "meeting":
            _denier(doc, state, ev)
    _drop_own_bodies(events, state.statements)
    _date_from_visit(doc, state, events)
    _date_from_publication(doc, state, events)
    date_elections(state, events)
    for rule, found in (
        ("meeting", meeting_statements(events)),
        ("candidacy", candidacy_statements(doc, state, events)),
        ("resignation", resignation_statements(doc, state, events)),
    ):
        for st in found:
            st.rule = st.rule or rule
        state.statements.extend(found)
    return events
