"""Participants: who takes part in an event, from the verb or noun that tells it.

Reads the parse around the trigger (subject, object, agent, "with", "between", "of" and
"by" groups, the possessor, the verb that governs an event noun, the owner of a visit),
the entity clusters and ``state.attributions`` (unnamed sources that report an event take
no part), and ``state.statements`` that make a person part of an organisation (a
meeting's organisation that a participant belongs to is no side of its own). Sets
``EventDraft.participants``: each actor once, one participant per actor when
coreference left two clusters for one ("FARC" and its full name).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.extract.events.groups import _dedupe, _group
from interlock.extract.events.phrases import (
    _GATHER_VERBS,
    _governing_verb,
    _separately,
    _shared_subject,
    _visit_owner,
)
from interlock.extract.events.triggers import _event_type
from interlock.extract.relations.context import one_actor
from interlock.extract.state import DocState, EntityDraft, EventDraft, StatementDraft

_PARTICIPANT_LABELS = ("PERSON", "ORG", "NORP", "GPE")


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
