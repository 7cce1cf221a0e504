"""Statements that events give: ``met_with``, ``candidate_in``, ``resigned_from``.

Reads the events, the parse of a resignation ("resigned from the Y Front"), the entity
clusters and ``state.statements`` (a person already ``candidate_in`` an election gets no
second one). Returns ``StatementDraft`` objects: one ``met_with`` per pair of people or
groups at a meeting, ``candidate_in`` the election nearest a candidacy (an EVENT entity,
made from the election's phrase if no cluster holds it), ``resigned_from`` ending at the
resignation's time.
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract.state import DocState, EntityDraft, EventDraft, StatementDraft


def _election_entity(doc: Doc, state: DocState, ev: EventDraft) -> EntityDraft | None:
    """The election an election event names, as an EVENT entity (made from its phrase if new)."""
    start, end = ev.trigger
    found = state.entity_at(start, end)
    if found is not None and found.resolved().label == "EVENT":
        return found.resolved()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in ("amod", "compound", "nummod", "npadvmod", "nmod")])
    phrase = doc[left : head.i + 1]
    made = state.entity_labelled(phrase.start_char, phrase.end_char, "EVENT")
    if made is not None:
        return made  # a second event on the same phrase: one entity, one id
    return state.new_entity("EVENT", phrase.start_char, phrase.end_char, phrase.text, "nominal")


def candidacy_statements(doc: Doc, state: DocState, events: list[EventDraft]) -> list[StatementDraft]:
    """A candidacy ("registered as a candidate", "announced his bid") is ``candidate_in`` the election."""
    elections = [e for e in events if e.type == "election"]
    out: list[StatementDraft] = []
    for ev in events:
        if ev.type != "candidacy" or not elections:
            continue
        # the election mentioned nearest the candidacy, preferring one after it
        election = min(elections, key=lambda e: abs(e.trigger[0] - ev.trigger[0]) + (0 if e.trigger[0] >= ev.trigger[0] else 200))
        target = _election_entity(doc, state, election)
        if target is None:
            continue
        already = {id(st.subject.resolved()) for st in state.statements if st.predicate == "candidate_in"}
        for person in ev.participants:
            if person.resolved().label != "PERSON" or id(person.resolved()) in already:
                continue
            out.append(
                StatementDraft(
                    subject=person.resolved(), predicate="candidate_in", object=target,
                    evidence=ev.evidence, anchor=ev.trigger[0], time=election.time,
                )
            )
    return out


def resignation_statements(doc: Doc, state: DocState, events: list[EventDraft]) -> list[StatementDraft]:
    """"X resigned from the Y Front on August 19": ``resigned_from``, ending then."""
    out: list[StatementDraft] = []
    for ev in events:
        if ev.type != "resignation":
            continue
        span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
        if span is None:
            continue
        orgs = [
            ent.resolved()
            for prep in span.root.children if prep.dep_ == "prep" and prep.lower_ == "from"
            for pobj in prep.children if pobj.dep_ == "pobj"
            for ent in [state.entity_at(pobj.idx, pobj.idx + len(pobj.text))] if ent is not None
        ]
        for org in orgs:
            if org.label not in ("ORG", "GPE"):
                continue
            for person in ev.participants:
                if person.resolved().label != "PERSON":
                    continue
                when = ev.time.interval[1] if ev.time is not None and ev.time.interval else None
                out.append(
                    StatementDraft(
                        subject=person.resolved(), predicate="resigned_from", object=org,
                        evidence=ev.evidence, anchor=ev.trigger[0], time=ev.time, valid_to=when,
                        status="former",
                    )
                )
    return out


def meeting_statements(events: list[EventDraft]) -> list[StatementDraft]:
    """Who met whom: one ``met_with`` statement per pair of people or groups at a meeting."""
    out: list[StatementDraft] = []
    for ev in events:
        if ev.type != "meeting":
            continue
        people = [p.resolved() for p in ev.participants if p.resolved().label in ("PERSON", "ORG")]
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                out.append(
                    StatementDraft(
                        subject=a,
                        predicate="met_with",
                        object=b,
                        evidence=ev.evidence,
                        anchor=ev.trigger[0],
                        time=ev.time,
                        valid_from=ev.time.interval[0] if ev.time and ev.time.interval else None,
                        valid_to=ev.time.interval[1] if ev.time and ev.time.interval else None,
                    )
                )
    return out
