"""Merging: events that are one, and events that are several.

Reads the events found so far and the country entities (``countries.country_entity``).
"Visited Islamabad, Ankara and Cairo" and "held separate meetings with A, B and C" are
one meeting each; a meeting told again with a shared participant and no conflicting
place or time, or an election whose times agree, is absorbed into the earlier event; a
visit to a capital is a visit to its country, the capital being where.
"""

from __future__ import annotations

from dataclasses import replace

from interlock.extract import countries
from interlock.extract.events.dating import _refine_time
from interlock.extract.lexicon import CAPITALS
from interlock.extract.state import DocState, EventDraft


def _capital_for_country(state: DocState, ev: EventDraft) -> None:
    """A visit to a capital ("visiting Kampala") is a visit to its country: the country takes
    part, the capital is where."""
    for k, p in enumerate(ev.participants):
        country = CAPITALS.get(p.name.lower()) if p.label == "GPE" else None
        if country is None or country not in countries.COUNTRY_SET:
            continue
        found = countries.country_entity(state, country)
        if found is None or any(found.resolved() is q.resolved() for q in ev.participants):
            continue
        ev.participants[k] = found.resolved()
        ev.place = ev.place or p


def _one_place_each(ev: EventDraft, separate: bool = False) -> list[EventDraft]:
    """ "visited Islamabad, Ankara and Cairo": one visit per place, the places did not meet;
    "held separate meetings with A, B and C": one meeting each, A, B and C did not meet."""
    if ev.type != "meeting":
        return [ev]
    if separate and len(ev.participants) > 2:
        host, *guests = ev.participants
        return [replace(ev, participants=[host, guest], topics=list(ev.topics)) for guest in guests]
    places = [p for p in ev.participants if p.label == "GPE"]
    others = [p for p in ev.participants if p.label != "GPE"]
    if len(places) < 2 or not others:
        return [ev]
    return [replace(ev, participants=[*others, place], topics=list(ev.topics)) for place in places]


def _same_meeting(events: list[EventDraft], ev: EventDraft) -> EventDraft | None:
    """An earlier meeting this one restates: a shared participant and no conflicting place or time."""
    for prior in reversed(events):
        if prior.type != "meeting" or prior.trigger == ev.trigger:
            continue  # one of the separate meetings one phrase names
        if prior.place is not None and ev.place is not None and prior.place is not ev.place:
            continue
        if prior.time is not None and ev.time is not None and prior.time.value != ev.time.value:
            continue
        shared = any(p.resolved() is q.resolved() for p in prior.participants for q in ev.participants)
        if shared and not (_others(prior, ev) and _others(ev, prior)):
            return prior  # "X met Y" then "X, Y and Z met": one meeting; "X met Z" is another
    return None


def _others(a: EventDraft, b: EventDraft) -> bool:
    """True when ``a`` has a participant ``b`` has not."""
    return any(not any(p.resolved() is q.resolved() for q in b.participants) for p in a.participants)


def _same_election(events: list[EventDraft], ev: EventDraft) -> EventDraft | None:
    """An article usually speaks of one election: join mentions whose times agree."""
    for prior in reversed(events):
        if prior.type != "election":
            continue
        a = prior.time.value if prior.time is not None else None
        b = ev.time.value if ev.time is not None else None
        if a is None or b is None or a.startswith(b) or b.startswith(a):
            return prior
    return None


def _absorb(prior: EventDraft, ev: EventDraft) -> None:
    for p in ev.participants:
        if not any(p.resolved() is q.resolved() for q in prior.participants):
            prior.participants.append(p)
    prior.place = prior.place or ev.place
    _refine_time(prior, ev.time)
    prior.secret = prior.secret or ev.secret
    for t in ev.topics:
        if t not in prior.topics:
            prior.topics.append(t)
    prior.hedges.extend(h for h in ev.hedges if h not in prior.hedges)
    for u in ev.uncertain:
        if u not in prior.uncertain:
            prior.uncertain.append(u)
