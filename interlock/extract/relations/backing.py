"""Backing and leading: "groups backed by Iran", "Iran backs the Front", "the army led by X".

Reads passive participles with "by" (verbs of backing and of leading), verbs of backing in
the active, backing nouns someone has ("X has the backing of Y") and support put "behind"
someone. Adds backed_by statements, and leader_of (with holds_position for a person) for a
body led by someone.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.relations.actors import (
    GROUP_NOUNS,
    _actor,
    _described,
    _prep_actors,
    _same_name,
    _sides,
)
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_map, word_set

#: verbs whose passive names who leads: "the army led by X", with the post it gives a person
LED_BY = word_map("org_ties", "led_by_verbs")


def _passive_agent(verb: Token) -> Token | None:
    """The "by" of a passive participle that is not negated ("led by", "backed by")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "agent"), None)


def _led_by(ctx: Context, verb: Token) -> None:
    """ "the National Army led by X": X leads it; "forces led by the Front": the Front leads them."""
    agent = _passive_agent(verb)
    if agent is None:
        return
    led = _described(ctx, verb)
    if led is None or led.anonymous or led.label not in ORG_LIKE:
        return
    for p in agent.children:
        if p.dep_ != "pobj":
            continue
        first = _actor(ctx, p)
        for node in [p, *p.conjuncts]:
            leader = _actor(ctx, node)
            if leader is None or leader is led or leader.anonymous or _same_name(leader, led):
                continue
            if first is not None and leader.label != first.label:
                break  # "the KDP led by X and the PUK": the parser joined the second party to X
            if leader.label == "PERSON":
                if ctx.mention_kind(node, leader) == "nominal":
                    continue
                role = LED_BY[verb.lemma_.lower()]
                ctx.add(leader, "leader_of", led, verb, role)
                ctx.add(leader, "holds_position", led, verb, role)
            elif leader.label == "ORG":
                ctx.add(leader, "leader_of", led, verb)


#: nouns of a group of groups, whose members' backers back it: "an umbrella of groups backed by Y"
_UMBRELLAS = GROUP_NOUNS | word_set("org_ties", "umbrella_nouns")

def _backed_by(ctx: Context, verb: Token) -> None:
    """ "the Front, which is backed by Iran", "militias funded by X", "an umbrella of groups
    backed by Iran" (the umbrella is backed)."""
    agent = _passive_agent(verb)
    if agent is None:
        return
    backers = [e for p in agent.children if p.dep_ == "pobj" for node in [p, *p.conjuncts]
               for e in [_actor(ctx, node)] if e is not None and not e.anonymous]
    backed = _described(ctx, verb)
    if (backed is None and verb.dep_ == "acl" and verb.head.dep_ == "pobj"
            and verb.head.head.head.lemma_.lower() in _UMBRELLAS):
        group = verb.head.head.head  # "X, an umbrella of groups backed by Y"
        backed = _actor(ctx, group) or (_actor(ctx, group.head) if group.dep_ == "appos" else None)
        if backed is None:  # the parser did not hang the description on the name before it
            before = [t for t in verb.doc[max(0, group.left_edge.i - 4):group.left_edge.i] if not t.is_punct]
            backed = _actor(ctx, before[-1]) if before else None
    if backed is None and verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        backed = _described(ctx, verb.head)  # "supported by X and funded by Y"
    if backed is None or backed.anonymous:
        return
    for backer in backers:
        if backer is not backed and not _same_name(backer, backed):
            ctx.add(backed, "backed_by", backer, verb, verb=verb)


def _backing(ctx: Context, noun: Token) -> None:
    """ "the KPP has the backing of the army", "X gained the support of Y"."""
    verb = noun.head
    if any(c.dep_ == "neg" for c in verb.children):
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    backed = _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    if backed is None:
        return
    for backer in _prep_actors(ctx, noun, ("of", "from")):
        if backer is not backed and not _same_name(backer, backed):
            ctx.add(backed, "backed_by", backer, noun, verb=verb)


def _backs(ctx: Context, verb: Token) -> None:
    """"Iran backs the Front", "the party supported Y": the object is backed by the subject
    (both named actors; what is supported must be an actor, not a plan or a bill)."""
    if any(c.dep_ == "neg" for c in verb.children) or roles.clause_status(verb) == "planned":
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    backers = _sides(ctx, roles.climb_relative(subj)) if subj is not None else []
    backed = [e for c in verb.children if c.dep_ == "dobj" for e in _sides(ctx, c)]
    _add_backing(ctx, backers, backed, verb)


def _behind(ctx: Context, noun: Token) -> None:
    """"the Basij swung its weight behind X", "threw their support behind Y"."""
    verb = noun.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    backers = _sides(ctx, roles.climb_relative(subj)) if subj is not None else []
    backed = [e for prep in [*verb.children, *noun.children] if prep.dep_ == "prep" and prep.lower_ == "behind"
              for p in prep.children if p.dep_ == "pobj" for e in _sides(ctx, p)]
    _add_backing(ctx, backers, backed, noun)


def _add_backing(ctx: Context, backers: list[EntityDraft], backed: list[EntityDraft], token: Token) -> None:
    for a in backers:
        for b in backed:
            if a is not b and not _same_name(a, b):
                ctx.add(b, "backed_by", a, token)
