"""Links and alliances: "X-linked Y", "loyal to X", "X's ally Y", "the pro-Iran Front".

Reads hyphenated participles ("the Al Qaeda-linked Shebab", "the Kenyan-led force"),
adjectives and participles with "to"/"with" ("forces loyal to X"), ally, rival and client
nouns, "pro-" before a name, and alliance nouns ("X's alliance with Y in the fight against
Z"). Adds affiliated_with, ally_of, backed_by, leader_of (with holds_position for a person)
and opposes statements between the actors they name.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.relations.actors import (
    _LINKING,
    _actor,
    _after,
    _holder_of_noun,
    _modified,
    _named_elsewhere,
    _prep_actors,
    _same_name,
    _sides,
)
from interlock.extract.relations.context import Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_set

#: participles after a hyphen ("X-linked Y"): predicate, and whether X is the subject (this table
#: and TO_LINKS stay here: they give predicates, which are rules, not word lists)
HYPHEN_LINKS: dict[str, tuple[str, bool]] = {
    "linked": ("affiliated_with", False),
    "affiliated": ("affiliated_with", False),
    "aligned": ("affiliated_with", False),
    "allied": ("ally_of", False),
    "led": ("leader_of", True),
    "dominated": ("leader_of", True),
    "controlled": ("affiliated_with", False),
    "run": ("affiliated_with", False),
    "owned": ("affiliated_with", False),
    "backed": ("backed_by", False),
    "supported": ("backed_by", False),
    "sponsored": ("backed_by", False),
    "funded": ("backed_by", False),
    "financed": ("backed_by", False),
    "trained": ("backed_by", False),
    "equipped": ("backed_by", False),
}
#: adjectives and participles with "to"/"with": "loyal to X", "allied with X", "linked to X"
TO_LINKS: dict[str, str] = {
    "loyal": "ally_of",
    "allied": "ally_of",
    "aligned": "affiliated_with",
    "close": "ally_of",
    "linked": "affiliated_with",
    "affiliated": "affiliated_with",
    "tied": "affiliated_with",
}
#: nouns that make their holder the opponent of the word before them: "X's political rival Y"
RIVAL_NOUNS = word_set("org_ties", "rival_nouns")


def _hyphen(ctx: Context, token: Token, before: Token) -> None:
    """ "the Al Qaeda-linked Shebab", "the Kenyan-led force", "Iran-backed militias"."""
    predicate, first_is_subject = HYPHEN_LINKS[token.lower_]
    other = _actor(ctx, before) or _named_elsewhere(ctx, before)
    if other is None and before.pos_ == "PROPN" and token.nbor(-1).text == "-" and not before.ent_type_:
        other = ctx.ensure_org(before, linked=True)  # "the Al Qaeda-linked Shebab": a name NER missed
    this = _modified(ctx, token) or _after(ctx, token)
    if other is None or this is None or other is this:
        return
    if _same_name(other, this):
        return  # "Kiri, the state-run Kiri news agency": one actor named twice
    subject, obj = (other, this) if first_is_subject else (this, other)
    if predicate == "leader_of" and subject.label == "PERSON":
        ctx.add(subject, "leader_of", obj, token, "leader")
        ctx.add(subject, "holds_position", obj, token, "leader")
        return
    ctx.add(subject, predicate, obj, token)


def _to_link(ctx: Context, token: Token) -> None:
    """ "forces loyal to Haftar", "militias allied with Iran", "X is linked to Y"."""
    this = _modified(ctx, token)
    if this is None:
        return
    for other in _prep_actors(ctx, token, ("to", "with")):
        if other is not this:
            predicate = TO_LINKS[token.lower_]
            if token.lower_ == "close" and this.label != "PERSON":
                predicate = "affiliated_with"  # "a network close to the SDF" is its outlet, not its ally
            elif token.lower_ == "aligned" and other.label == "PERSON":
                predicate = "ally_of"  # "a brigade aligned with the premier" sides with a person
            ctx.add(this, predicate, other, token)


#: nouns of an alliance between sides: "X's alliance with Y", "an alliance between A and B"
_ALLIANCE_NOUNS = word_set("org_ties", "alliance_nouns")
#: nouns of a fight that allies wage together: "in the fight against Z"
_FIGHT_NOUNS = word_set("org_ties", "fight_nouns")

def _alliance_with(ctx: Context, token: Token) -> None:
    """"X's alliance with Y" (ally), and what that alliance fights "in the fight against Z"
    (both oppose Z); "an alliance between A and B"."""
    if token.lemma_.lower() not in _ALLIANCE_NOUNS:
        return
    owners = [e for c in token.children if c.dep_ == "poss" for e in _sides(ctx, c)]
    partners = _prep_actors(ctx, token, ("with",))
    between = _prep_actors(ctx, token, ("between",))
    sides = owners + partners if owners and partners else between
    if len(sides) < 2:
        return
    for i, a in enumerate(sides):
        for b in sides[i + 1:]:
            if a is not b and not _same_name(a, b):
                ctx.add(a, "ally_of", b, token)
    # "... alliance with Y in the fight against Z": the fight may hang on any word before
    near = [t for t in token.sent if 0 < t.i - token.i <= 12]
    foes = [e for p in near if p.dep_ == "pobj" and p.head.lower_ == "against"
            and p.head.head.lemma_.lower() in _FIGHT_NOUNS
            and p.head.head.i > token.i for e in _sides(ctx, p)]
    for a in sides:
        for b in foes:
            if a is not b:
                ctx.add(a, "opposes", b, token)


#: nouns of a side another backs: "Y's proxy X", "a client of Y"
_CLIENT_NOUNS = word_set("org_ties", "client_nouns")

def _ally(ctx: Context, token: Token) -> None:
    """ "Ghana, a close EU ally", "X and its Lebanese ally Y", "X, an ally of Y"; and with a
    rival's noun the opposite: "Y, X's old rival"."""
    named = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
    if token.tag_ in ("NNS", "NNPS") and not named:
        return  # "Iran's allies" names nobody; "their Front allies" names the Front
    holder = _actor(ctx, named[-1]) if token.tag_ in ("NNS", "NNPS") else _holder_of_noun(ctx, token)
    if holder is None:
        # "its Lebanese ally Y": the name the noun stands before
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            holder = _actor(ctx, nxt)
    partner: EntityDraft | None = None
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i < token.i and child.pos_ in ("PROPN", "ADJ"):
            partner = _actor(ctx, child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            partner = next((_actor(ctx, p) for p in child.children if p.dep_ == "pobj"), None)
        if partner is not None:
            break
    if partner is None:
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and token.dep_ in ("conj", "appos") and token.head.pos_ == "PROPN":
            partner = _actor(ctx, token.head)  # "X and its ally Y"
        elif owner is not None and owner.i >= 2 and token.doc[owner.i - 1].lower_ == "and":
            partner = _actor(ctx, token.doc[owner.i - 2])  # the same, where the parser lost the "and"
    if holder is None or partner is None or holder is partner or partner.label == "NORP":
        return
    predicate = "ally_of"
    if token.lemma_.lower() in RIVAL_NOUNS:
        predicate = "opposes"  # "Y, X's political rival"
    elif token.lemma_.lower() in _CLIENT_NOUNS:
        predicate = "backed_by"
    elif token.lemma_.lower() == "patron":
        holder, partner, predicate = partner, holder, "backed_by"  # "Y, the patron of X": X is backed
    ctx.add(holder, predicate, partner, token)


def _pro(ctx: Context, token: Token) -> None:
    """"Qatar, a resolutely pro-US Gulf state", "the pro-Iran Front": the actor the phrase
    describes sides with the one after "pro-"."""
    side = _actor(ctx, token.doc[token.i + 2])
    head = token.head
    if side is None or head.pos_ not in ("NOUN", "PROPN"):
        return
    this = _actor(ctx, head) if head.pos_ == "PROPN" else None
    if this is None and head.dep_ == "attr" and head.head.lemma_ in _LINKING:
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        this = _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    elif this is None and head.dep_ == "appos":
        this = _actor(ctx, head.head)  # "Qatar, the pro-US emirate"
    if this is None or this is side or this.anonymous or _same_name(this, side):
        return
    ctx.add(this, "ally_of", side, token)
