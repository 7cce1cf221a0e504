"""Ties between organisations (and their people): which rule a token starts.

Real reports tie groups to each other in a few set phrases: "the Al
Qaeda-linked Shebab", "the Kenyan-led force", "forces loyal to X", "militias
allied with Y", "Z, the armed wing of W", "the Basij is a unit of the Guards",
"an umbrella group of A, B and C". Each phrase gives one statement per pair of
named actors; a phrase whose ends are not both entities gives nothing.

``link_statements`` reads one token (its lemma, part of speech, tag, dependency and entity
type) and runs the rules it can start: links and alliances (``alliances``), parts and
members (``parts``), fights and oustings (``conflicts``), backing and leading (``backing``);
all of them find their actors through ``actors`` and add statements to ``ctx.statements``.
A token that starts no rule is passed over at once.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract.relations.actors import GROUP_NOUNS
from interlock.extract.relations.alliances import (
    HYPHEN_LINKS,
    RIVAL_NOUNS,
    TO_LINKS,
    _alliance_with,
    _ally,
    _hyphen,
    _pro,
    _to_link,
)
from interlock.extract.relations.backing import (
    LED_BY,
    _backed_by,
    _backing,
    _backs,
    _behind,
    _led_by,
)
from interlock.extract.relations.conflicts import (
    _conflict,
    _demands_removal,
    _fights,
    _kills,
    _ousts,
    _strike,
)
from interlock.extract.relations.context import Context
from interlock.extract.relations.parts import (
    _includes,
    _made_of,
    _named_body,
    _owned_body,
    _part,
    _takes_chair,
    _under_umbrella,
)
from interlock.vocab.words import word_set

#: nouns that make their holder part of the "of" organisation: "the armed wing of X"
PART_NOUNS = word_set("org_ties", "part_nouns")
#: nouns that make their holder the ally of the word before them: "a key US ally", "its ally X"
ALLY_NOUNS = word_set("org_ties", "ally_nouns")
#: verbs of support whose passive names the backer: "groups backed by Iran"
BACKING_VERBS = word_set("org_ties", "backing_verbs")
#: nouns of support held by the subject of "have", "gain", "enjoy": "X has the backing of Y"
BACKING_NOUNS = word_set("org_ties", "backing_nouns")
#: verbs whose subject holds a backing noun: "X has the backing of Y"
_HAVING = word_set("org_ties", "having_verbs")
#: nouns of fighting: "clashes between A and B", "the war against X"
CONFLICT_NOUNS = word_set("org_ties", "conflict_nouns")
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
#: nouns of the chair of a body of states or groups: "Mali assumes the presidency of the X"
CHAIR_NOUNS = word_set("org_ties", "chair_nouns")
#: verbs of taking or holding a chair: "Mali assumes the presidency of the X"
_TAKING_CHAIR = word_set("org_ties", "taking_chair_verbs")
#: nouns of one side's armed blow at another: "an Israeli strike killed a Hezbollah commander"
STRIKE_NOUNS = word_set("org_ties", "strike_nouns")
#: nouns of someone's removal that an opponent asks for: "pushing for the removal of X"
REMOVAL_NOUNS = word_set("org_ties", "removal_nouns")
#: verbs of putting one's support somewhere: "threw its weight behind X"
_PUTTING = word_set("org_ties", "putting_verbs")
#: what is put behind someone: "its weight", "their support"
_PUT_NOUNS = BACKING_NOUNS | word_set("org_ties", "put_nouns")
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
