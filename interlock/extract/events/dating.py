"""Dating: the time of an event, and of the statements its elections date.

Reads ``state.times`` and the parse around them (a date that modifies a verb, not a
noun), the sentence before an undated meeting, the tense of its verb, and
``state.published``. Sets ``EventDraft.time``: a time in the trigger's own phrase or the
one date of its sentence, the date of the sentence just before ("arrived on Thursday
... welcomed X"), or the week of publication for a meeting told in the past with no
date; and the time of ``candidate_in`` statements in ``state.statements`` from their
election. ``time_basis`` tells a time read from the text from one given by publication.
"""

from __future__ import annotations

from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from interlock.extract.events.phrases import _own_subtree
from interlock.extract.state import DocState, EventDraft
from interlock.model import Timex
from interlock.vocab.words import word_set

#: how far back (in characters) a dated meeting lends its date to an undated one
_DATE_REACH = 600


def _date_from_visit(doc: Doc, state: DocState, events: list[EventDraft]) -> None:
    """An undated meeting told right after a dated sentence about one of its participants
    happened then: "X arrived in Y on Thursday for a two-day visit. Z welcomed X at the
    airport" (the welcome was on Thursday). Only the sentence just before counts, and only a
    date it gives to a clause, naming a day."""
    for ev in events:
        if ev.type != "meeting" or ev.time is not None or len(ev.participants) < 2:
            continue
        here = doc.char_span(ev.evidence[0], ev.evidence[1], alignment_mode="expand")
        if here is None or here.start == 0:
            continue
        before = doc[here.start - 1].sent
        if ev.evidence[0] - before.start_char > _DATE_REACH:
            continue
        people = {id(p.resolved()) for p in ev.participants}
        named = {id(e.resolved()) for _, e in state.mentions_in(before.start_char, before.end_char)}
        if not people & named:
            continue
        dates = [t for t in state.times if before.start_char <= t.start < before.end_char and t.type == "DATE"
                 and _dates_a_clause(before, t) and t.value is not None and len(t.value) == 10]
        if len(dates) == 1:
            ev.time = dates[0]


#: words that put a meeting told without a date back before the news of the day
_EARLIER_WORDS = word_set("events", "earlier_words")


def _date_from_publication(doc: Doc, state: DocState, events: list[EventDraft]) -> None:
    """A meeting the story tells in the past tense with no date at all is news of the days
    before publication: it is dated to the week of publication, a week and never a day
    ("the minister said he held talks with his Varesh counterpart" in a story of that week). A sentence
    with any date, a word that puts it earlier ("their previous talks", "have met several
    times"), or a planned, denied or conditional meeting keeps no date."""
    if state.published is None:
        return
    year, week, _ = state.published.isocalendar()
    monday = state.published - timedelta(days=state.published.weekday())
    for ev in events:
        if ev.type != "meeting" or ev.time is not None or len(ev.participants) < 2:
            continue
        if ev.modality not in ("asserted", "reported"):
            continue
        here = doc.char_span(ev.evidence[0], ev.evidence[1], alignment_mode="expand")
        trigger = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
        if here is None or trigger is None:
            continue
        if any(here.start_char <= t.start < here.end_char and t.type in ("DATE", "TIME", "DURATION")
               for t in state.times):
            continue
        if any(_puts_earlier(t) for t in here):
            continue
        if not _told_as_past(trigger.root):
            continue
        ev.time = Timex(start=ev.trigger[0], end=ev.trigger[0], text="", type="DATE",
                        value=f"{year}-W{week:02d}",
                        interval=(monday.isoformat(), (monday + timedelta(days=6)).isoformat()), anchored=True)


def time_basis(timex: Timex | None) -> str | None:
    """"published" for a time the text does not give (the week of publication, which has no
    words of its own in the text); None for a time read from the text, or no time."""
    return "published" if timex is not None and timex.text == "" and timex.anchored else None


def _puts_earlier(tok: Token) -> bool:
    """A word that puts a meeting before the news of the day: "their previous talks", "had met
    before", "met several times"; not "before the announcement" or "earlier in the day"."""
    if tok.lower_ not in _EARLIER_WORDS:
        return False
    if tok.lower_ == "before":
        return tok.dep_ == "advmod"  # "had met before"; "before the announcement" is a preposition
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "earlier" and nxt is not None and nxt.lower_ in ("today", "this", "in", "on"):
        return False  # "earlier in the day", "earlier this week"
    return True


def _told_as_past(tok: Token) -> bool:
    """The meeting word, or the verb that governs it, is in the simple past ("met", "held
    talks") or the present perfect ("has met")."""
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head is verb:
            return False
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)


def _dates_a_clause(sent: Span, timex: Timex) -> bool:
    """True when a date modifies a verb ("ended on Sunday", "met last week"), not a noun
    ("the 2018 elections")."""
    span = sent.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return root.dep_ in ("npadvmod", "pobj", "obl", "advmod", "tmod") and head.pos_ in ("VERB", "AUX")


def _refine_time(ev: EventDraft, time: Timex | None) -> None:
    """Take a more precise time that agrees with the one known ("the May vote" of "the 2018 elections")."""
    if time is None or time.value is None:
        return
    if ev.time is None or ev.time.value is None or time.value.startswith(ev.time.value):
        ev.time = time


def date_elections(state: DocState, events: list[EventDraft]) -> None:
    """A candidacy takes the time of the election it is in, when the statement has none."""
    elections = [e for e in events if e.type == "election" and e.time is not None]
    if not elections:
        return
    for st in state.statements:
        if st.predicate != "candidate_in" or st.time is not None or st.object is None:
            continue
        obj = st.object.resolved()
        match = [e for e in elections if any(m.start <= e.trigger[0] < m.end for m in obj.mentions)]
        chosen = match[-1] if match else (elections[-1] if len(elections) == 1 else None)
        if chosen is not None:
            st.time = chosen.time


def _time(state: DocState, tok: Token, sent: Span) -> Timex | None:
    """A time expression within the trigger's own phrase ("met ... last week")."""
    own = {(t.idx) for t in _own_subtree(tok)}
    attached = [
        t
        for t in state.times
        if sent.start_char <= t.start < sent.end_char
        and t.type in ("DATE", "TIME")
        and any(i in own for i in range(t.start, t.end))
    ]
    if not attached:
        # "Talks between A and B ended on Sunday": the one date of the sentence
        dates = [
            t for t in state.times
            if sent.start_char <= t.start < sent.end_char and t.type == "DATE" and _dates_a_clause(sent, t)
        ]
        return dates[0] if len(dates) == 1 else None
    return min(attached, key=lambda t: abs(t.start - tok.idx))
