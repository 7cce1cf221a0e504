"""Parts and members of organisations: wings, units, umbrellas, bodies, outlets, chairs.

Reads part and group nouns ("Z, the armed wing of W", "an umbrella group of A, B and C"),
"under the X umbrella", verbs of including ("the committee includes A and B"), bodies named
with their organisation ("the Front's parliamentary bloc", "the KLF Central Committee") and
a chair taken ("Mali assumes the presidency of the X"). Adds part_of, member_of,
affiliated_with (an outlet) and leader_of statements.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.relations.actors import (
    OUTLET_HEADS,
    _actor,
    _holder_of_noun,
    _named_before,
    _prep_actors,
    _same_name,
)
from interlock.extract.relations.context import Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_set

#: head words of a body inside an organisation: "the Front's parliamentary bloc"
BODY_HEADS = word_set("org_ties", "body_heads")


def _part(ctx: Context, token: Token) -> None:
    """ "Y, the armed wing of X", "X's armed wing, Y", "Y is a unit of X"."""
    part = _holder_of_noun(ctx, token)
    whole: EntityDraft | None = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            # "part of Varesh's Front" is part of the Front, however the parser hung the possessive
            whole = _named_after_of(ctx, child) or next(
                (_actor(ctx, p) for p in child.children if p.dep_ == "pobj"), None)
        elif child.dep_ == "poss":
            whole = _actor(ctx, child)
    if part is None or whole is None or part is whole or part.label == "PERSON" or whole.label == "PERSON":
        return
    ctx.add(part, "part_of", whole, token)


def _named_after_of(ctx: Context, of: Token) -> EntityDraft | None:
    """The organisation after "of" and a country's possessive ("Is Part of Varesh's Front"):
    the Front is the whole, the country only its owner."""
    doc = of.doc
    i = of.i + 1
    if not (i + 1 < len(doc) and doc[i].ent_type_ == "GPE" and doc[i + 1].text in ("'s", "’s")):
        return None
    i += 2
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    ent = _actor(ctx, doc[i]) if i < len(doc) else None
    return ent if ent is not None and ent.label == "ORG" else None


def _under_umbrella(ctx: Context, token: Token) -> None:
    """"the brigade, which operates under the SDF umbrella", "fighting under the umbrella of
    X": the subject is part of X."""
    whole: EntityDraft | None = None
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i < token.i:
            whole = _actor(ctx, child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            whole = next((_actor(ctx, p) for p in child.children if p.dep_ == "pobj"), None)
        if whole is not None:
            break
    verb = token.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("relcl", "acl"):
        subj = verb.head
    part = _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    if part is None or whole is None or part is whole or part.label == "PERSON" or whole.label == "PERSON":
        return
    ctx.add(part, "part_of", whole, token)


def _made_of(ctx: Context, token: Token) -> None:
    """ "an umbrella group of A, B and C": each is part of the group."""
    group = _holder_of_noun(ctx, token)
    if group is None and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "group":
        group = _holder_of_noun(ctx, token.nbor(1))
    if group is None or group.label == "PERSON":
        return
    head = token.nbor(1) if token.lower_ == "umbrella" and token.i + 1 < len(token.doc) else token
    for ent in _prep_actors(ctx, head, ("of", "comprising", "including")):
        if ent is not group and (ent.label in ("ORG", "NORP") or (ent.label in ("GPE", "LOC") and group.label == "GPE")):
            ctx.add(ent, "part_of", group, token)  # "Varesh is a federation of A, B and C": places too


def _includes(ctx: Context, verb: Token) -> None:
    """ "the committee includes A, B and C", "the League, which also includes A and B":
    each is a member (a person, a country) or a part (an organisation) of the subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    objects: tuple[str, ...] = ("dobj",)
    if subj is None and verb.lemma_.lower() == "comprise" and verb.dep_ == "acl" and verb.i > 0:
        # "the Platform comprising A, B and C": the name just before, whatever the parse hung it on
        subj = verb.head if _named_before(ctx, verb.head) is not None else next(
            (t for t in reversed(verb.doc[max(0, verb.i - 5):verb.i]) if not t.is_punct and _actor(ctx, t) is not None),
            None)
        objects = ("dobj", "npadvmod", "attr", "appos")
    if subj is None:
        return
    group = _actor(ctx, roles.climb_relative(subj)) or _named_before(ctx, roles.climb_relative(subj))
    if group is None or group.label not in ("ORG",) or group.anonymous:
        return
    for child in verb.children:
        if child.dep_ not in objects:
            continue
        nodes = [child, *child.conjuncts]
        # "key figures such as A, B and C"
        for such in child.children:
            if such.dep_ == "prep" and such.lower_ == "as":
                nodes += [p for pobj in such.children if pobj.dep_ == "pobj" for p in [pobj, *pobj.conjuncts]]
        for node in nodes:
            member = _actor(ctx, node)
            if member is None or member is group or member.anonymous:
                continue
            if ctx.mention_kind(node, member) == "nominal":
                continue
            ctx.add(member, "part_of" if member.label == "ORG" else "member_of", group, verb)


def _owned_body(ctx: Context, poss: Token) -> None:
    """ "the Front's parliamentary bloc", "the Movement's Youth Brigade": a body named
    with its organisation's possessive is part of it; "the Front's radio, Voice of X": an
    outlet so named is affiliated with it."""
    owner = _actor(ctx, poss)
    if owner is None or owner.label != "ORG" or owner.anonymous:
        return
    head = poss.head
    words = {t.lower_ for t in head.subtree if t.i > poss.i and t.i <= head.i} | {head.lemma_.lower()}
    outlet = bool(words & OUTLET_HEADS)
    named = head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.ent_iob_ != "O"
    if not outlet and not named and head.lemma_.lower() not in BODY_HEADS and head.lower_ not in BODY_HEADS:
        return  # "the Union's External Action Service" (a named body) or "the Front's youth wing"
    body = _actor(ctx, head)
    if body is None:  # "the Front's radio, Voice of X"
        body = next((e for c in head.children if c.dep_ == "appos" for e in [_actor(ctx, c)] if e is not None), None)
    if body is None or body is owner or body.label != "ORG" or _same_name(body, owner):
        return
    ctx.add(body, "affiliated_with" if outlet else "part_of", owner, head)


def _named_body(ctx: Context, first: Token) -> None:
    """ "the KLF Central Committee", "the SDF General Command": an organisation whose name
    starts with another's name or acronym and ends in a body word is part of it."""
    doc = first.doc
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[end - 1].lower_ not in BODY_HEADS:
        return
    span = doc[first.i + 1 if first.lower_ == "the" else first.i:end]
    if len(span) < 2:
        return
    body = ctx.entity(span[0], ("ORG",))
    if body is None or body.anonymous:
        return
    for size in range(1, len(span) - 1):
        prefix = span[:size].text
        for other in ctx.state.live_entities():
            if other is body or other.label != "ORG" or other.anonymous:
                continue
            if any(m.text == prefix for m in other.mentions) and not _same_name(other, body):
                ctx.add(body, "part_of", other, span[-1])
                return


def _takes_chair(ctx: Context, noun: Token) -> None:
    """"Mali assumes the presidency of the X for one year": a state or group chairing a body
    leads it and is one of its members (a person taking a chair holds a post, found elsewhere)."""
    verb = noun.head
    if any(c.dep_ == "neg" for c in verb.children) or roles.clause_status(verb) != "current":
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    chair = _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    if chair is None or chair.label not in ("GPE", "ORG"):
        return
    for body in _prep_actors(ctx, noun, ("of",)):
        if body is not chair and body.label == "ORG" and not _same_name(body, chair):
            ctx.add(chair, "leader_of", body, noun)
            ctx.add(chair, "member_of", body, noun)
