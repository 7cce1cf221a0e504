"""Events: meetings, appointments, agreements, resignations, candidacies, elections, speeches.

Reads: the parse, entity clusters, ``state.times``. Adds: ``state.events``.
A later mention of the same meeting ("the meeting discussed X", "the meeting
has been kept secret") adds topics, secrecy and hedges to the event it refers
to rather than making a new one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from spacy.tokens import Doc, Span, Token

from interlock.extract import countries
from interlock.extract.lexicon import CAPITALS
from interlock.extract.modality import sentence_hedges
from interlock.extract.relations.context import one_actor
from interlock.extract.state import (
    AttributionDraft,
    DocState,
    EntityDraft,
    EventDraft,
    StatementDraft,
    text_of,
)
from interlock.model import Timex
from interlock.vocab.words import word_list, word_set

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
#: words and phrases that make a meeting secret
_SECRET = word_list("events", "secret_words")
_PARTICIPANT_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PLACE_PREPS = ("in", "at", "near")
#: nouns of a place whose name follows "of": "in the city of Karbala"
_PLACE_NOUNS = word_set("events", "place_nouns")
#: verbs that gather the sides of an event: "the talks brought together X and Y"
_GATHER_VERBS = word_set("events", "gather_verbs")
#: verbs that govern an event noun as their object: "held talks", "attended the summit"
_LIGHT_VERBS = word_set("events", "light_verbs")
#: verbs that give a welcome to someone: "accorded a warm welcome to X"
_WELCOMING = word_set("events", "welcoming_verbs")
_CLAUSES = ("relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis")


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


#: statements that make a person part of an organisation
_BELONGING = frozenset(("leader_of", "holds_position", "member_of", "spokesperson_for", "employed_by", "advisor_to"))


def _drop_own_bodies(events: list[EventDraft], known: list[StatementDraft]) -> None:
    """A meeting's organisation that another participant is part of is no side of its own
    ("talks between X and Y, commander of the Front": the Front is Y's description). The
    ``met_with`` statements are drawn from the sides, so none pairs Y with the Front."""
    own = [(st.subject.resolved(), st.object.resolved()) for st in known
           if st.predicate in _BELONGING and st.object is not None]
    for ev in events:
        if ev.type != "meeting" or len(ev.participants) < 2:
            continue
        people = [p.resolved() for p in ev.participants]
        ev.participants = [p for p in ev.participants if not any(
            person is other and (body is p.resolved() or one_actor(body, p.resolved()))
            for other in people for person, body in own)]


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


#: words that make meetings separate: "separate meetings", "met separately"
_SEPARATE_WORDS = word_set("events", "separate_words")


def _separately(tok: Token) -> bool:
    """ "separate meetings", "met separately", "in separate talks"."""
    near = list(tok.children) + (list(tok.head.children) if tok.head is not tok else [])
    return any(t.lower_ in _SEPARATE_WORDS for t in near)


def _has_first_side(tok: Token) -> bool:
    """True when a meeting word has someone who meets, or a group that meets mutually:
    a subject or possessor ("X met Y", "X's talks with Y", "X held talks with Y"), a
    "between" phrase, a gathering verb ("brought together"), or a verb with coordinated
    subjects ("X and Y met")."""
    nodes = [tok]
    verb = _governing_verb(tok) if tok.pos_ != "VERB" else None
    if verb is not None:
        nodes.append(verb)
        if _shared_subject(verb) is not None:
            return True
    if tok.pos_ == "VERB" and tok.dep_ in ("conj", "xcomp", "advcl"):
        nodes.append(tok.head)
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VBG":
        nodes.append(tok.head.head if tok.head.dep_ == "dobj" else tok.head)  # "taken on a role, visiting A"
    for node in nodes:
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent", "poss") and child is not tok:
                return True
            if child.dep_ == "prep" and child.lower_ == "between":
                return True
        if node.lemma_.lower() in _GATHER_VERBS:
            return True
    # "talks between X and Y", "a meeting of X and Y"
    return any(c.dep_ == "prep" and c.lower_ in ("between", "of") for c in tok.children)


def _distinct_actors(people: list[EntityDraft]) -> list[EntityDraft]:
    """One participant per actor, when coreference left two clusters for one: an acronym
    and its full name ("FARC", "Revolutionary Armed Forces of Colombia"), a surname and the
    full name ("Khan", "Imran Khan")."""
    out: list[EntityDraft] = []
    for p in people:
        if not any(_same_actor(p, o) for o in out):
            out.append(p)
    return out


def _bracketed_after(a: EntityDraft, b: EntityDraft) -> bool:
    """True when one actor's name is given in brackets right after the other's: "X (Y)"."""
    for first, second in ((a, b), (b, a)):
        for m in first.mentions:
            for n in second.mentions:
                if 0 < n.start - m.end <= 3:
                    return True
    return False


def _same_actor(a: EntityDraft, b: EntityDraft) -> bool:
    if a.label != b.label and {a.label, b.label} != {"ORG", "NORP"}:
        return False
    na, nb = a.name.strip(), b.name.strip()
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    words = [w for w in long_.replace("-", " ").split() if w[:1].isupper()]
    if short.isupper() and 2 <= len(short) <= 7 and "".join(w[0] for w in words) == short:
        return True
    if short.isupper() and 2 <= len(short) <= 7 and _bracketed_after(a, b):
        return True  # "the Sahel Liberation Army (ALS)": an acronym in another language
    short_words = short.lower().split()
    return len(short_words) == 1 and short_words[0] in long_.lower().split() and a.label == "PERSON"


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


#: nouns of an object that stand for a guest as a name does: "hosted the UN envoy"
_GUEST_NOUNS = word_set("events", "guest_nouns")

def _person_object(tok: Token) -> bool:
    """True when a verb's object is a name ("hosted the UN envoy Geir Pedersen")."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ == "PROPN"
                                     or c.lower_ in _GUEST_NOUNS)
               for c in tok.children)


def _refers_back(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


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


def _verb_participants(state: DocState, tok: Token) -> list[EntityDraft]:
    """Who takes part in an event a verb tells: its subject (shared with the verb before it,
    or the one of the clause a participle hangs on), object, agent and "with" group."""
    participants: list[EntityDraft] = []
    if tok.dep_ in ("conj", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "He sat in parliament and resigned his seat": the subject is shared
        participants.extend(
            p for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for p in _group(state, c)
        )
    elif tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
        # "X has taken on a diplomatic role, visiting A, B and C": X visits
        head = tok.head
        if tok.dep_ == "acl" and state.entity_at(head.idx, head.idx + len(head.text)) is None \
                and head.dep_ == "dobj":
            head = head.head  # "a role, visiting A": the one who took the role
        if tok.dep_ == "acl" and head.i == tok.head.i:
            participants.extend(_group(state, head))  # "a delegation visiting A"
        else:
            participants.extend(p for c in head.children if c.dep_ == "nsubj" for p in _group(state, c))
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") or (
            child.dep_ == "prep" and child.lower_ in ("with", "by", "between")
        ):
            participants.extend(_group(state, child))
    return participants


def _noun_participants(state: DocState, tok: Token) -> tuple[list[EntityDraft], bool] | None:
    """(participants, whether a visit gives the meeting its first side) of an event a noun
    names: its "with", "between", "of" and "by" groups and possessor, the owner of a visit
    it belongs to, and the sides its governing verb names. None when that verb's object is
    a meeting of its own ("the visit included meetings with X": those meetings say who)."""
    participants: list[EntityDraft] = []
    visited = False
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ in ("with", "between", "of", "by") or (
                child.lower_ == "to" and tok.lemma_.lower() == "welcome")):
            participants.extend(_group(state, child))
        elif child.dep_ == "poss":
            participants.extend(_group(state, child))
    visitor = _visit_owner(tok)
    if visitor is not None:
        participants[:0] = _group(state, visitor)  # "X's visit included meetings with A and B"
        visited = True
    verb = _governing_verb(tok)
    if verb is not None and not _verb_sides(state, tok, verb, participants):
        return None
    return participants, visited


def _verb_sides(state: DocState, tok: Token, verb: Token, participants: list[EntityDraft]) -> bool:
    """Add to ``participants`` the sides the verb governing an event noun names: "X held a
    secret meeting with Y", "X praised them in a speech", "the meeting brought together X,
    Y and Z", "X met A and held talks with B". False when its object is a meeting of its own."""
    between = any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)
    for child in verb.children:
        if child is tok or tok in child.subtree and child.dep_ != "nsubj":
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "agent"):
            if tok.dep_ in ("nsubj", "nsubjpass") or between:
                continue  # "Qatar hosted talks between A and B": Qatar is the host
            participants[:0] = _group(state, child)
        elif child.dep_ == "dobj" and tok.dep_ in ("nsubj", "nsubjpass"):
            if _event_type(child) == "meeting":
                return False  # "the visit included meetings with X": those meetings say who
            participants.extend(_group(state, child))
        elif child.dep_ in ("prep", "dative") and (child.lower_ in ("with", "between") or (
                child.lower_ == "to" and tok.lemma_.lower() == "welcome")):
            participants.extend(_group(state, child))
    shared = _shared_subject(verb)
    if shared is not None and tok.dep_ not in ("nsubj", "nsubjpass") and not between:
        participants[:0] = _group(state, shared)  # "X met A and held talks with B": X
    return True


def _kept_participants(state: DocState, tok: Token, etype: str, sent: Span,
                       participants: list[EntityDraft]) -> list[EntityDraft]:
    """The participants an event keeps: the guests of separate meetings, each actor once,
    of a participant's kind, without the unnamed sources that report the event ("..., two
    sources told GDA"); for a meeting, distinct actors."""
    if etype == "meeting" and tok.pos_ == "NOUN" and _separately(tok):
        participants = _separate_guests(state, tok, sent, participants)
    speakers = {id(a.source_entity.resolved()) for a in state.attributions if a.source_entity is not None}
    participants = [
        p for p in _dedupe(participants)
        if p.label in _PARTICIPANT_LABELS and not (p.anonymous and id(p) in speakers)
    ]  # "..., two sources told GDA": the unnamed sources report the event
    if etype == "meeting":
        participants = _distinct_actors(participants)
    return participants


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


def _separate_guests(state: DocState, tok: Token, sent: Span, found: list[EntityDraft]) -> list[EntityDraft]:
    """ "separate meetings with former premier and Front leader A, Party head B, and C": the
    named people of the list, read off the text up to the clause's end, since the parser
    loses long lists of titled names; a title or an organisation that only introduces a
    name is no guest of its own."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if prep is None:
        return found
    doc = tok.doc
    # to the clause's end, over a sentence break the parser may put after a comma
    end = next((t.idx for t in doc[prep.i:] if t.text in (";", ":", ".", "!", "?")), sent.end_char)
    guests: list[EntityDraft] = []
    for m, ent in state.mentions_in(prep.idx, end):
        ent = ent.resolved()
        if ent.label == "PERSON" and not ent.anonymous and m.kind != "nominal" and ent not in guests:
            guests.append(ent)
    if not guests:
        return found
    hosts = [p for p in found if p.resolved() not in guests and not _in_list(state, p, prep.idx, end)]
    return [*hosts, *guests]


def _in_list(state: DocState, ent: EntityDraft, start: int, end: int) -> bool:
    return any(start <= m.start < end for m in ent.resolved().mentions)


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


def _group(state: DocState, tok: Token) -> list[EntityDraft]:
    """Entities named in a phrase: "X and Y", "members of the Z alliance" (Z stands for them)."""
    found: list[EntityDraft] = []
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "X, who has met Y": X
    for t in _own_subtree(tok):
        if t.head.dep_ == "prep" and t.head.lower_ in _PLACE_PREPS and t.head is not tok:
            continue  # "candidates in Baghdad": a place, not a participant
        if state.dateline_end is not None and t.idx < state.dateline_end:
            continue  # "TRIPOLI, Nov 24 (MWS) -" is where the story was filed
        ent = state.entity_at(t.idx, t.idx + len(t.text))
        if ent is None and t.lower_ in ("i", "me"):
            ent = _speaker(state, t.idx)  # "I have never met X," he said: "I" is the speaker
        if ent is None:
            continue
        ent = ent.resolved()
        if ent.label == "NORP" and t.dep_ == "amod":
            continue  # "Iraqi political candidates": a description, not a participant
        root = _mention_root(t, ent)
        if root.dep_ == "poss" and root.i != tok.i and root.head.pos_ == "NOUN" and state.entity_at(
                root.head.idx, root.head.idx + len(root.head.text)) is None and not _is_occasion(root.head):
            continue  # "his party leaders met X", "West Africa's bloc": whose they are, not who met
        if ent.label == "PERSON" and ent.anonymous:
            ent = _named_beside(state, ent, t.idx) or ent
        if any(ent is f for f in found):
            continue
        # skip entities nested in another's description ("the commander of Turkey's Border Guard")
        if found and _nested_in_description(t, found, state):
            continue
        if _modifies_other(state, t, tok, ent) or _is_relay(state, ent):
            continue
        found.append(ent)
    return found


def _shared_subject(verb: Token) -> Token | None:
    """The subject a coordinated verb shares with the verb before it ("X met A and held talks
    with B"), when it has none of its own."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _is_occasion(noun: Token) -> bool:
    """A trip or a meeting word, whose owner takes part ("X's visit", "X's talks")."""
    return noun.lemma_.lower() in _TRIP_NOUNS or noun.lemma_.lower() in TRIGGERS["meeting"]


def _mention_root(t: Token, ent: EntityDraft) -> Token:
    """The syntactic head of the mention of ``ent`` that holds ``t`` ("Africa" of "West Africa")."""
    mention = next((m for m in ent.mentions if m.start <= t.idx < m.end), None)
    if mention is None:
        return t
    span = t.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else t


def _named_beside(state: DocState, ent: EntityDraft, offset: int) -> EntityDraft | None:
    """The named person an unnamed description stands beside: "Head of the delegation X"
    (a title right before the name) or "X, the Serbian representative" (an apposition)."""
    mention = next((m for m in ent.mentions if m.start <= offset < m.end), None)
    if mention is None:
        return None
    text = state.text
    for m, other in state.mentions_in(mention.end, min(len(text), mention.end + 80)):
        if text[mention.end:m.start].strip() == "":
            named = other.resolved()
            return named if named.label == "PERSON" and not named.anonymous and m.kind != "nominal" else None
        break
    for m, other in reversed(state.mentions_in(max(0, mention.start - 80), mention.start)):
        if text[m.end:mention.start].strip() == ",":
            named = other.resolved()
            return named if named.label == "PERSON" and not named.anonymous and m.kind != "nominal" else None
        break
    return None


#: dependencies through which a name describes the phrase it sits in rather than heading it
_MODIFIER_DEPS = frozenset(("compound", "poss", "amod", "nmod", "pobj", "prep", "case", "npadvmod"))


def _modifies_other(state: DocState, t: Token, root: Token, ent: EntityDraft) -> bool:
    """True when ``t`` only describes another actor: "Iran" and "Quds Force" in
    "Iran's Quds Force chief Esmail Qaani" describe Qaani, who is the participant."""
    node = t
    for _ in range(8):
        if node is not t and node.dep_ == "appos" and node.head is not root:
            # "X, commander of the Front": the Front is in X's description
            other = state.entity_at(node.head.idx, node.head.idx + len(node.head.text))
            return other is not None and other.resolved() is not ent and other.resolved().label == "PERSON"
        if node is root or node.dep_ not in _MODIFIER_DEPS or node.head is node:
            return False
        node = node.head
        other = state.entity_at(node.idx, node.idx + len(node.text))
        if other is not None and other.resolved() is not ent and other.resolved().label in ("PERSON", "ORG"):
            return True
    return False


def _is_relay(state: DocState, ent: EntityDraft) -> bool:
    """The publishing outlet, or an outlet that passes a report on, takes no part in what it reports."""
    if state.outlet_entity is not None and state.outlet_entity.resolved() is ent:
        return True
    return any(any(v.resolved() is ent for v in a.via) for a in state.attributions)


def _speaker(state: DocState, offset: int) -> EntityDraft | None:
    """Who speaks in the direct quotation holding ``offset``, when the text names them."""
    for a in state.attributions:
        if a.kind in ("direct", "mixed") and a.content[0] <= offset < a.content[1] and a.source_entity is not None:
            speaker = a.source_entity.resolved()
            return speaker if speaker.label == "PERSON" and not speaker.anonymous else None
    return None


def _nested_in_description(t: Token, found: list[EntityDraft], state: DocState) -> bool:
    for ent in found:
        for m in ent.mentions:
            if m.kind == "nominal" and m.start <= t.idx < m.end:
                return True
    head = t
    while head.dep_ in ("pobj", "prep", "poss", "compound", "case") and head.head is not head:
        head = head.head
        owner = state.entity_at(head.idx, head.idx + len(head.text))
        if owner is not None and any(owner.resolved() is f for f in found) and head.lower_ != "members":
            return True
    return False


def _dedupe(ents: list[EntityDraft]) -> list[EntityDraft]:
    out: list[EntityDraft] = []
    for e in ents:
        e = e.resolved()
        if not any(e is o for o in out):
            out.append(e)
    return out


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
