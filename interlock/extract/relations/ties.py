"""Ties between organisations (and their people): linked, aligned, led, loyal, wings and parts.

Real reports tie groups to each other in a few set phrases: "the Al
Qaeda-linked Shebab", "the Kenyan-led force", "forces loyal to X", "militias
allied with Y", "Z, the armed wing of W", "the Basij is a unit of the Guards",
"an umbrella group of A, B and C". Each phrase gives one statement per pair of
named actors; a phrase whose ends are not both entities gives nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.lexicon import CAPITALS, DEMONYMS
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_map, word_set

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
#: words between a participle and the actor it describes: "Iran-backed [militia group] X"
_BETWEEN_POS = frozenset(("NOUN", "ADJ", "DET", "PUNCT"))
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
#: nouns that make their holder part of the "of" organisation: "the armed wing of X"
PART_NOUNS = word_set("org_ties", "part_nouns")
#: nouns of groups made of others: "an umbrella group of A, B and C", "a coalition of"
GROUP_NOUNS = word_set("org_ties", "group_nouns")
ACTOR_LABELS = ORG_LIKE | {"PERSON"}
#: nouns that make their holder the ally of the word before them: "a key US ally", "its ally X"
ALLY_NOUNS = word_set("org_ties", "ally_nouns")
#: nouns that make their holder the opponent of the word before them: "X's political rival Y"
RIVAL_NOUNS = word_set("org_ties", "rival_nouns")
#: verbs whose passive names who leads: "the army led by X", with the post it gives a person
LED_BY = word_map("org_ties", "led_by_verbs")
#: verbs of support whose passive names the backer: "groups backed by Iran"
BACKING_VERBS = word_set("org_ties", "backing_verbs")
#: nouns of support held by the subject of "have", "gain", "enjoy": "X has the backing of Y"
BACKING_NOUNS = word_set("org_ties", "backing_nouns")
#: verbs whose subject holds a backing noun: "X has the backing of Y"
_HAVING = word_set("org_ties", "having_verbs")
#: nouns of fighting: "clashes between A and B", "the war against X"
CONFLICT_NOUNS = word_set("org_ties", "conflict_nouns")
#: nouns of a group's people that stand for the group on a side of a fight: "fighters from X"
STAND_IN_NOUNS = word_set("org_ties", "stand_in_nouns")
#: verbs of fighting: "A clashed with B", "A fought B", "A fights against B"
CONFLICT_VERBS = word_set("org_ties", "conflict_verbs")
#: verbs of driving someone from power: who does it opposes who suffers it
OUSTING_VERBS = word_set("org_ties", "ousting_verbs")
#: words before a hyphen whose phrase sides with what follows: "the pro-Iran Front"
_PRO_WORDS = word_set("org_ties", "pro_words")
#: verbs of killing: who kills a group's members opposes the group
_KILLING_VERBS = word_set("org_ties", "killing_verbs")
#: the words and lemmas any rule here starts from, to pass over every other token at once
_WORDS = frozenset(HYPHEN_LINKS) | frozenset(TO_LINKS) | CONFLICT_NOUNS | _PRO_WORDS
#: verbs whose subject is made of their objects: "the committee includes A and B"
INCLUDE_VERBS = word_set("org_ties", "include_verbs")
#: head words of a body inside an organisation: "the Front's parliamentary bloc"
BODY_HEADS = word_set("org_ties", "body_heads")
#: verbs that link a subject to what describes it: "X is loyal to Y", "X remains loyal to Y"
_LINKING = word_set("org_ties", "linking_verbs")
#: head words of an organisation's news outlet: "the Front's radio station"
OUTLET_HEADS = word_set("org_ties", "outlet_heads")
#: nouns of the chair of a body of states or groups: "Mali assumes the presidency of the X"
CHAIR_NOUNS = word_set("org_ties", "chair_nouns")
#: verbs of taking or holding a chair: "Mali assumes the presidency of the X"
_TAKING_CHAIR = word_set("org_ties", "taking_chair_verbs")
#: nouns of one side's armed blow at another: "an Israeli strike killed a Hezbollah commander"
STRIKE_NOUNS = word_set("org_ties", "strike_nouns")
#: verbs of what a strike does to its victims
_HITTING = word_set("org_ties", "hitting_verbs")
#: verbs of carrying out strikes: their subject strikes
_CARRYING_OUT = word_set("org_ties", "carrying_out_verbs")
#: nouns of someone's removal that an opponent asks for: "pushing for the removal of X"
REMOVAL_NOUNS = word_set("org_ties", "removal_nouns")
#: verbs of asking for something
_DEMANDING = word_set("org_ties", "demanding_verbs")
#: verbs of putting one's support somewhere: "threw its weight behind X"
_PUTTING = word_set("org_ties", "putting_verbs")
#: what is put behind someone: "its weight", "their support"
_PUT_NOUNS = BACKING_NOUNS | word_set("org_ties", "put_nouns")
#: common nouns that carry an organisation's name as a compound: "the Rudaw network"
_NAME_CARRIERS = OUTLET_HEADS | word_set("org_ties", "name_carriers")
#: nouns that say an actor is a group ("another militia group", "a faction")
_GROUP_WORDS = word_set("org_ties", "group_words")
_LEMMAS = _KILLING_VERBS | REMOVAL_NOUNS | STRIKE_NOUNS | CHAIR_NOUNS | PART_NOUNS | GROUP_NOUNS | CONFLICT_VERBS | OUSTING_VERBS | ALLY_NOUNS | RIVAL_NOUNS | INCLUDE_VERBS | BACKING_NOUNS


def link_statements(ctx: Context, token: Token) -> None:
    """Every organisation tie licensed by this token."""
    lemma = token.lemma_.lower()
    if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
        _named_body(ctx, token)
    if token.dep_ == "poss" and token.pos_ == "PROPN":
        _owned_body(ctx, token)
    if lemma in BACKING_VERBS and token.tag_ == "VBN":
        _backed_by(ctx, token)
    elif lemma in BACKING_VERBS and token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
        _backs(ctx, token)  # "Iran backs the Front"
    if lemma in _PUT_NOUNS and token.dep_ == "dobj" and token.head.lemma_.lower() in _PUTTING:
        _behind(ctx, token)  # "the Basij swung its weight behind X"
    if lemma in LED_BY and token.tag_ == "VBN":
        _led_by(ctx, token)
    if token.lower_ == "umbrella" and token.dep_ == "pobj" and token.head.lower_ == "under":
        _under_umbrella(ctx, token)
    if lemma not in _LEMMAS and token.lower_ not in _WORDS:
        return
    if lemma in CONFLICT_VERBS and token.pos_ == "VERB":
        _fights(ctx, token)
    elif lemma in OUSTING_VERBS and token.pos_ == "VERB":
        _ousts(ctx, token)
    elif token.lower_ in CONFLICT_NOUNS and token.pos_ == "NOUN":
        _conflict(ctx, token)
    low = token.lower_
    if low in HYPHEN_LINKS and token.i >= 2 and token.nbor(-1).text == "-":
        _hyphen(ctx, token, token.nbor(-2))
    elif low in HYPHEN_LINKS and token.i >= 1 and token.nbor(-1).pos_ == "PROPN" and low != "led":
        _hyphen(ctx, token, token.nbor(-1))  # "Al-Qaeda affiliated Jund al-Sahil"
    if low in TO_LINKS:
        _to_link(ctx, token)
    if token.lemma_.lower() in PART_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        _part(ctx, token)  # a headline's "Is Part of"
    if token.lemma_.lower() in GROUP_NOUNS and token.pos_ == "NOUN":
        _made_of(ctx, token)
        _alliance_with(ctx, token)
    if (lemma in ALLY_NOUNS or lemma in RIVAL_NOUNS) and token.pos_ == "NOUN":
        _ally(ctx, token)
    if lemma in INCLUDE_VERBS and token.pos_ == "VERB":
        _includes(ctx, token)
    if lemma in BACKING_NOUNS and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ in _HAVING:
        _backing(ctx, token)
    if lemma in CHAIR_NOUNS and token.dep_ == "dobj" and token.head.lemma_.lower() in _TAKING_CHAIR:
        _takes_chair(ctx, token)
    if lemma in STRIKE_NOUNS and token.pos_ == "NOUN":
        _strike(ctx, token)
    if lemma in _KILLING_VERBS and token.pos_ == "VERB":
        _kills(ctx, token)
    if token.lower_ in _PRO_WORDS and token.i + 2 < len(token.doc) and token.nbor(1).text == "-":
        _pro(ctx, token)
    if lemma in REMOVAL_NOUNS and token.pos_ == "NOUN":
        _demands_removal(ctx, token)


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


def _sentence_group(ctx: Context, pronoun: Token) -> EntityDraft | None:
    """The organisation "its" or "their" stands for: the subject of the sentence's main clause,
    when that is an organisation named before the pronoun."""
    if pronoun.lower_ not in ("its", "their"):
        return None
    root = pronoun.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    ent = _actor(ctx, subj) if subj is not None else None
    return ent if ent is not None and ent.label == "ORG" else None


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


def _org_before_comma(ctx: Context, noun: Token) -> EntityDraft | None:
    """The organisation named right before an apposition's comma ("a commander in X, another
    militia allied with Y": the parser hung the militia on the commander; it is X)."""
    edge = noun.left_edge.i
    doc = noun.doc
    if noun.lemma_.lower() not in _GROUP_WORDS or edge < 2 or doc[edge - 1].text != ",":
        return None
    ent = _actor(ctx, doc[edge - 2])
    return ent if ent is not None and ent.label == "ORG" and not ent.anonymous else None
