"""Conflicts between actors: fights, oustings, strikes, killings, demands for removal.

Reads verbs and nouns of fighting ("A clashed with B", "clashes between A and B", "the war
against X"), verbs of ousting ("A ousted B"), strikes ("an Israeli strike killed a Hezbollah
commander"), killings of a group's people and demands for someone's removal ("pushing for
the removal of Y"). Adds opposes statements between the sides.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.lexicon import DEMONYMS
from interlock.extract.relations.actors import _actor, _same_name, _sides
from interlock.extract.relations.context import Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_set

#: verbs of what a strike does to its victims
_HITTING = word_set("org_ties", "hitting_verbs")
#: verbs of carrying out strikes: their subject strikes
_CARRYING_OUT = word_set("org_ties", "carrying_out_verbs")
#: verbs of asking for something
_DEMANDING = word_set("org_ties", "demanding_verbs")


def _fights(ctx: Context, verb: Token) -> None:
    """ "A clashed with B", "A fought B", "A is fighting against B", "A opposes B"."""
    subjects: list[EntityDraft] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            subjects = _sides(ctx, roles.climb_relative(child))
    if not subjects and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        subjects = _fighter(ctx, verb)
    if not subjects:
        return
    targets: list[EntityDraft] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            targets += _sides(ctx, child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "against"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    targets += _sides(ctx, pobj)
    for a in subjects:
        for b in targets:
            if a is not b:
                ctx.add(a, "opposes", b, verb, verb=verb)


def _ousts(ctx: Context, verb: Token) -> None:
    """ "A ousted B", "B was toppled by A", "A seeks to overthrow B": A opposes B (a
    state's own dismissals are "dismiss" or "sack", not these)."""
    doers: list[EntityDraft] = []
    targets: list[EntityDraft] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            doers = _sides(ctx, roles.climb_relative(child))
        elif child.dep_ == "agent":
            doers = [e for p in child.children if p.dep_ == "pobj" for e in _sides(ctx, p)]
        elif child.dep_ == "dobj":
            targets = _sides(ctx, child)
        elif child.dep_ == "nsubjpass":
            targets = _sides(ctx, roles.climb_relative(child))
    if not doers and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        doers = _sides(ctx, roles.climb_relative(subj)) if subj is not None else []
    if not targets and verb.dep_ == "acl" and verb.tag_ == "VBN":
        targets = _sides(ctx, verb.head)  # "X, ousted by Y in 2019"
    for a in doers:
        for b in targets:
            if a is not b and not _same_name(a, b):
                ctx.add(a, "opposes", b, verb, verb=verb)


def _fighter(ctx: Context, verb: Token) -> list[EntityDraft]:
    """Who fights when the verb has no subject: "the army fighting against X" (the noun it
    describes), "a coalition set up to fight the Sahel Front" (the group the purpose is of)."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("acl", "xcomp", "advcl", "relcl") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            sides = _sides(ctx, node)
            if not sides and node.dep_ == "appos":
                sides = _sides(ctx, node.head)  # "the KRF, a coalition set up to fight X"
            for child in node.children if not sides else ():
                if child.dep_ == "appos":
                    sides = _sides(ctx, child)
            return sides
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _sides(ctx, roles.climb_relative(subj))
    return []


def _conflict(ctx: Context, noun: Token) -> None:
    """ "clashes between A and B", "A's war against B", "the fight against B"."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if noun.dep_ == "nsubj" and not any(p.lower_ == "between" for p in preps):
        # "fierce fighting broke out on Tuesday between A and B"
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"]
    for child in preps:
        pobjs = [p for p in child.children if p.dep_ == "pobj"]
        if child.lower_ == "between" and pobjs:
            sides = _sides(ctx, pobjs[0])
            for i, a in enumerate(sides):
                for b in sides[i + 1:]:
                    ctx.add(a, "opposes", b, noun)
        elif child.lower_ == "against" and pobjs:
            owners = [c for c in noun.children if c.dep_ == "poss"]
            subjects = _sides(ctx, owners[0]) if owners else []
            if not subjects and noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
                subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                subjects = _sides(ctx, roles.climb_relative(subj)) if subj is not None else []
            for a in subjects:
                for b in _sides(ctx, pobjs[0]):
                    if a is not b:
                        ctx.add(a, "opposes", b, noun)


def _strike(ctx: Context, noun: Token) -> None:
    """"An Israeli strike killed a Hezbollah commander", "ministers of the Houthi government
    were killed in an Israeli strike", "a US raid on the Front's base": the striking state or
    group opposes the group it struck (an organisation; a person struck is not a side here)."""
    attackers = [e for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i
                 for e in [_actor(ctx, c)] if e is not None and e.label in ("GPE", "ORG")]
    carrier = noun
    if carrier.dep_ == "pobj" and carrier.head.lower_ == "of":
        carrier = carrier.head.head  # "a series of assassinations"
    if carrier.dep_ == "dobj":
        carrier = carrier.head
    if not attackers and carrier.i != noun.i and carrier.lemma_.lower() in _CARRYING_OUT:
        # "Varesh conducted a wave of raids on ...": who conducted them
        subj = next((c for c in carrier.children if c.dep_ == "nsubj"), None)
        attackers = [e for e in [_actor(ctx, subj)] if e is not None and e.label in ("GPE", "ORG")] if subj else []
    if len(attackers) != 1:
        return
    victims: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            victims += [p for p in prep.children if p.dep_ == "pobj"]
    verb = noun.head
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in _HITTING:
            victims += [c for c in acl.children if c.dep_ == "dobj"]  # "assassinations targeting X"
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in _HITTING:
        victims += [c for c in verb.children if c.dep_ == "dobj"]
    elif noun.dep_ == "pobj" and verb.lower_ in ("in", "by") and verb.head.lemma_.lower() in _HITTING:
        victims += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    targets: list[EntityDraft] = []
    for victim in victims:
        for node in [victim, *victim.conjuncts]:
            for group in _group_of(ctx, node):
                if group not in targets:
                    targets.append(group)
    for target in targets:
        if target is not attackers[0] and not _same_name(target, attackers[0]):
            ctx.add(attackers[0], "opposes", target, noun)


def _group_of(ctx: Context, node: Token) -> list[EntityDraft]:
    """The organisation a struck thing or person belongs to: the group itself, or the one named
    in its phrase ("a Hezbollah commander", "the group's chief", "ministers of the Houthi government")."""
    ent = _actor(ctx, node)
    if ent is not None and _a_group(ent):
        return [ent]
    if ent is not None and ent.label != "PERSON":
        return []  # a place struck is where, not whom
    out: list[EntityDraft] = []
    for child in node.children:
        if child.dep_ in ("compound", "poss", "nmod") and child.i < node.i:
            out += [e for e in [_actor(ctx, child)] if e is not None and e.label in ("ORG", "NORP")]
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += _group_of(ctx, pobj)
    return [e for e in out if _a_group(e)]


def _a_group(ent: EntityDraft) -> bool:
    """An organisation, or a people named as a group ("Houthi"), not a nationality."""
    return ent.label == "ORG" or (ent.label == "NORP" and ent.name.lower() not in DEMONYMS)


def _demands_removal(ctx: Context, noun: Token) -> None:
    """"X has been pushing for the removal of Y", "X called for Y's resignation": X opposes Y."""
    targets: list[EntityDraft] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            targets += _sides(ctx, child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            targets += [e for p in child.children if p.dep_ == "pobj" for e in _sides(ctx, p)]
    if not targets:
        return
    node = noun
    for _ in range(3):
        if node.head.i == node.i:
            return
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in _DEMANDING:
            break
    else:
        return
    if any(c.dep_ == "neg" for c in node.children):
        return
    subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    for doer in _sides(ctx, roles.climb_relative(subj)) if subj is not None else []:
        for target in targets:
            if doer is not target and not _same_name(doer, target):
                ctx.add(doer, "opposes", target, noun)


def _kills(ctx: Context, verb: Token) -> None:
    """"American forces killed Front members", "the army killed two Front commanders": a state
    or group whose forces kill a group's people opposes that group."""
    if any(c.dep_ == "neg" for c in verb.children):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    killers = [e for e in (_sides(ctx, roles.climb_relative(subj)) if subj is not None else [])
               if e.label in ("GPE", "ORG")]
    victims = [g for c in verb.children if c.dep_ == "dobj" for node in [c, *c.conjuncts]
               for g in _group_of(ctx, node)]
    for a in killers:
        for b in victims:
            if a is not b and not _same_name(a, b):
                ctx.add(a, "opposes", b, verb, verb=verb)
