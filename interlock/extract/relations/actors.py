"""Actors of the tie rules: the organisation, state or person a phrase names.

Reads a token and the parse around it (compounds, appositions, conjuncts, "of" phrases, a
comma before or after a name) and the entities through ``Context``: the named actor a
participle, adjective or noun describes, the sides a phrase coordinates, the actors of a
word's prepositional phrases, the organisation "the group" stands for. Adds an organisation
entity where the parse names one the recogniser missed ("the NLF-linked brigade"); no
statements.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.lexicon import CAPITALS, DEMONYMS
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_set

#: words between a participle and the actor it describes: "Iran-backed [militia group] X"
_BETWEEN_POS = frozenset(("NOUN", "ADJ", "DET", "PUNCT"))
#: nouns of groups made of others: "an umbrella group of A, B and C", "a coalition of"
GROUP_NOUNS = word_set("org_ties", "group_nouns")
ACTOR_LABELS = ORG_LIKE | {"PERSON"}
#: nouns of a group's people that stand for the group on a side of a fight: "fighters from X"
STAND_IN_NOUNS = word_set("org_ties", "stand_in_nouns")
#: verbs that link a subject to what describes it: "X is loyal to Y", "X remains loyal to Y"
_LINKING = word_set("org_ties", "linking_verbs")
#: head words of an organisation's news outlet: "the Front's radio station"
OUTLET_HEADS = word_set("org_ties", "outlet_heads")
#: common nouns that carry an organisation's name as a compound: "the Rudaw network"
_NAME_CARRIERS = OUTLET_HEADS | word_set("org_ties", "name_carriers")
#: nouns that say an actor is a group ("another militia group", "a faction")
_GROUP_WORDS = word_set("org_ties", "group_words")


def _actor_norp(ctx: Context, token: Token, ent: EntityDraft) -> EntityDraft | None:
    """A nationality or a group's adjective as an actor: "the Kenyan-led force" is Kenya's
    when the text names it; "the Houthi-run agency" is the Houthis' (the group the text
    names in the plural, else by its adjective throughout)."""
    country = DEMONYMS.get(ent.name.lower())
    stem = ent.name.lower()
    for other in ctx.state.live_entities():
        if other.label == "GPE" and other.name == country:
            return other
        if country is None and other.label == "ORG" and other.name.lower().removeprefix("the ") in (
                stem + "s", stem + "es"):
            return other
    if country is None and (len(ent.name.split()) >= 2 or (token.pos_ == "PROPN" and len(ent.mentions) >= 2)):
        return ent  # "the Syrian Kurds", or a group's own adjective used throughout
    return None


def _actor(ctx: Context, token: Token) -> EntityDraft | None:
    ent = ctx.entity(token, ACTOR_LABELS)
    if ent is not None and ent.label == "NORP":
        return _actor_norp(ctx, token, ent)
    if ent is not None and ent.label == "GPE" and ent.name.lower() in CAPITALS:
        # "Tehran-aligned", "loyal to Abu Dhabi": the capital stands for its state
        country = CAPITALS[ent.name.lower()]
        return next((o for o in ctx.state.live_entities() if o.label == "GPE" and o.name == country), ent)
    if ent is None and token.pos_ == "NOUN" and token.lower_ in _NAME_CARRIERS:
        # "the Rudaw network, which is close to X": the name the noun carries
        named = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
        found = ctx.entity(named[-1], ("ORG",)) if named else None
        if found is not None:
            return found
    if ent is None and token.pos_ == "PROPN" and (token.ent_type_ == "ORG" or (
            token.text.isalpha() and token.text.isupper() and len(token.text) > 1)):
        # "the NLF-linked brigade": an acronym NER did not tag, or an organisation it
        # tagged and the entity step dropped ("the Al Qaeda-linked Shebab")
        ent = ctx.ensure_org(token)
    return ent


def _named_elsewhere(ctx: Context, token: Token) -> EntityDraft | None:
    """ "the Houthi-run agency" where this one word went untagged: the group the text names so
    elsewhere (only before a link participle, where nothing but a group or a state can stand)."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return None
    same = {id(e.resolved()): e.resolved() for e in ctx.state.live_entities()
            if e.label in ("ORG", "NORP") and not e.anonymous and any(m.text == token.text for m in e.mentions)}
    if len(same) != 1:
        return None
    found = next(iter(same.values()))
    return found if found.label == "ORG" else _actor_norp(ctx, token, found)


def _modified(ctx: Context, token: Token) -> EntityDraft | None:
    """The actor a participle or adjective describes ("the X-linked [Shebab]", "forces loyal to")."""
    ent = _described(ctx, token)
    if ent is None or ent.anonymous or (ent.label == "PERSON" and ctx.mention_kind(token.head, ent) == "nominal"):
        return None  # "sources close to", "the Iran-aligned group's chief": nobody named
    return ent


def _described(ctx: Context, token: Token) -> EntityDraft | None:
    head = token.head
    if token.dep_ in ("amod", "compound", "acl", "npadvmod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        found = _actor(ctx, head)
        if found is None and head.dep_ == "appos" and head.pos_ == "NOUN":
            found = _org_before_comma(ctx, head) or _actor(ctx, head.head)  # "X, another militia allied with Iran"
        if found is None and token.i < head.i:
            # "the Iran-backed Houthi group": the name between them; else "Hezbollah ... the
            # Iran-backed group": the one named before
            found = _after(ctx, token) or _named_before(ctx, head)
        return found
    if token.dep_ in ("acomp", "attr") and head.lemma_ in _LINKING:
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    if token.pos_ == "VERB" and token.tag_ == "VBN":
        # "the brigade is aligned with X": the participle heads its clause
        subj = next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        return _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    return None


def _after(ctx: Context, token: Token) -> EntityDraft | None:
    """The named actor just after a participle, over a few common words ("Iran-backed
    [militia group] Kataib Hezbollah"), when the parse did not attach it."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 5, len(doc))):
        tok = doc[i]
        if tok.pos_ == "PROPN" or tok.ent_type_:
            ent = _actor(ctx, tok)
            if ent is None or ent.anonymous or ctx.mention_kind(tok, ent) == "nominal":
                return None
            return ent
        if tok.pos_ not in _BETWEEN_POS or tok.text in (",", ";", ":", "("):
            return None
    return None


def _same_name(a: EntityDraft, b: EntityDraft) -> bool:
    """True when one actor's name holds the other's ("Kiri" and "the Kiri news agency")."""
    x, y = a.name.lower().removeprefix("the "), b.name.lower().removeprefix("the ")
    return x in y or y in x


def _prep_actors(ctx: Context, head: Token, preps: tuple[str, ...]) -> list[EntityDraft]:
    """The actors named in a word's prepositional phrases, coordinated ones too ("allied with A
    and B", "a coalition of A, B and C")."""
    found: list[EntityDraft] = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for node in [pobj, *pobj.conjuncts]:
                ent = _actor(ctx, node)
                if ent is None and node.tag_ in ("NNS", "NNPS"):
                    # "a federation of five member states -- A, B and C": the list the plural names
                    for c in node.children:
                        if c.dep_ == "appos":
                            found.extend(e for e in _sides(ctx, c) if e not in found)
                    continue
                if ent is None:  # "the largest militia in the north, the Sahel Front"
                    ent = next((e for c in node.children if c.dep_ == "appos"
                                for e in [_actor(ctx, c)] if e is not None), None)
                if ent is not None:
                    found.append(ent)
    return found


def _holder_of_noun(ctx: Context, token: Token) -> EntityDraft | None:
    """Who a noun describes: "Y, the armed wing of X", "the armed wing of X, Y", "Y is a unit of X"."""
    if token.dep_ == "appos":
        return _actor(ctx, token.head)
    fronted = token.head if token.dep_ == "conj" and token.head.pos_ == "NOUN" else token
    if fronted.dep_ == "npadvmod" and fronted.head.pos_ in ("AUX", "VERB") and fronted.i < fronted.head.i:
        # "A farmer by trade and a loyal ally of X, Y was ...": the subject after the comma
        subj = next((c for c in fronted.head.children if c.dep_ == "nsubj" and c.i > fronted.i), None)
        if subj is not None:
            return _actor(ctx, subj)
    if token.dep_ == "conj" and token.head.dep_ == "appos" and token.head.pos_ == "NOUN":
        return _actor(ctx, token.head.head)  # "X, the biggest exporter and a key Y ally"
    for child in token.children:
        if child.dep_ == "appos":
            return _actor(ctx, child)
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return _actor(ctx, roles.climb_relative(subj)) if subj is not None else None
    return _named_after_comma(ctx, token)


def _named_after_comma(ctx: Context, token: Token) -> EntityDraft | None:
    """The organisation named right after a noun's phrase and a comma, when that name ends
    its clause ("X's armed wing, the Y Brigades."): an apposition the parser hung elsewhere."""
    doc = token.doc
    i = token.right_edge.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return None
    ent = _actor(ctx, doc[i])
    if ent is None or ent.label not in ORG_LIKE:
        return None
    j = i
    while j + 1 < len(doc) and _actor(ctx, doc[j + 1]) is ent:
        j += 1
    if j + 1 < len(doc) and doc[j + 1].text not in (",", ".", ";", ")", "\n") and not doc[j + 1].is_space:
        return None
    return ent


def _sides(ctx: Context, tok: Token) -> list[EntityDraft]:
    """The named actors a phrase coordinates ("A and B", "A, B and C")."""
    out: list[EntityDraft] = []
    for node in [tok, *tok.conjuncts]:
        ent = _actor(ctx, node)
        if ent is None and node.pos_ == "NOUN":
            # "his cousins Karim and Samir Nassar": the names the noun stands before
            named = [c for c in node.children if c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"]
            if named:
                out.extend(e for e in _sides(ctx, named[0]) if e not in out)
                continue
        if ent is None and node.lemma_.lower() in STAND_IN_NOUNS:
            # "fighters from the Sahel Front", "forces of the Council": the group fights
            ent = next((e for prep in node.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                        for p in prep.children if p.dep_ == "pobj" for e in [_actor(ctx, p)] if e is not None), None)
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            if ent is None:
                # "American forces", "Houthi fighters": the nation or group they are of
                ent = next((e for c in node.children if c.dep_ in ("amod", "compound") and c.i < node.i
                            and c.ent_type_ in ("NORP", "ORG", "GPE") for e in [_actor(ctx, c)] if e is not None), None)
            if ent is None and owner is not None:
                # "the Front's fighters"; "its forces", with the group the sentence is about
                ent = _actor(ctx, owner) if owner.pos_ != "PRON" else _sentence_group(ctx, owner)
            if ent is None:
                # "forces loyal to the Council": whom they are loyal to is the side
                ent = next((e for adj in node.children if adj.dep_ == "amod" and adj.lower_ in ("loyal", "allied")
                            for e in _prep_actors(ctx, adj, ("to", "with"))), None)
        if ent is not None and not ent.anonymous and ctx.mention_kind(node, ent) != "nominal" and ent not in out:
            out.append(ent)
    return out


#: nouns of an organisation that "the X" stands for, named before it
_STANDING_NOUNS = GROUP_NOUNS | word_set("org_ties", "organisation_nouns")

def _named_before(ctx: Context, noun: Token) -> EntityDraft | None:
    """The organisation "the alliance" or "the group" stands for: the last one named before
    it, in its sentence or the one before, whose name ends in the same word ("the
    Northern Alliance ... The alliance, comprising ...") or, for "the group", any."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    if lemma not in _STANDING_NOUNS:
        return None
    return ctx.org_named_before(noun, None if lemma == "group" else lemma)


def _sentence_group(ctx: Context, pronoun: Token) -> EntityDraft | None:
    """The organisation "its" or "their" stands for: the subject of the sentence's main clause,
    when that is an organisation named before the pronoun."""
    if pronoun.lower_ not in ("its", "their"):
        return None
    root = pronoun.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    ent = _actor(ctx, subj) if subj is not None else None
    return ent if ent is not None and ent.label == "ORG" else None


def _org_before_comma(ctx: Context, noun: Token) -> EntityDraft | None:
    """The organisation named right before an apposition's comma ("a commander in X, another
    militia allied with Y": the parser hung the militia on the commander; it is X)."""
    edge = noun.left_edge.i
    doc = noun.doc
    if noun.lemma_.lower() not in _GROUP_WORDS or edge < 2 or doc[edge - 1].text != ",":
        return None
    ent = _actor(ctx, doc[edge - 2])
    return ent if ent is not None and ent.label == "ORG" and not ent.anonymous else None
