"""Role objects: the organisation, country, election or place a role is of.

Reads the role noun's "of/for/to/at" phrases, possessives ("Iraq's Prime Minister X") and
modifiers ("Iraqi", "BBC"), the dateline, and the entities; a post in the state whose
organisation the text does not name is of the country the sentence or the article is about
(``interlock.extract.countries``). Adds an entity where the text names an organisation, a
body it only describes or an election that no cluster held yet.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from interlock.extract import countries, roles
from interlock.extract.lexicon import DEMONYMS, PLACE_ALIASES
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_list, word_set

#: prepositions that attach a role's organisation, by role predicate
OBJECT_PREPS: dict[str, tuple[str, ...]] = {
    "leader_of": word_list("relations", "leader_of_preps"),
    "spokesperson_for": word_list("relations", "spokesperson_for_preps"),
    "advisor_to": word_list("relations", "advisor_to_preps"),
    "member_of": word_list("relations", "member_of_preps"),
    "founded": word_list("relations", "founded_preps"),
    "employed_by": word_list("relations", "employed_by_preps"),
    "holds_position": word_list("relations", "holds_position_preps"),
}
#: words heading an election phrase ("a candidate in the upcoming election")
ELECTION_WORDS = word_set("relations", "election_words")


def _object(ctx: Context, token: Token, predicate: str, name_head: Token | None) -> EntityDraft | None:
    """The organisation or country of a role; a nationality becomes its country when named."""
    ent = _object_entity(ctx, token, predicate, name_head)
    if ent is not None and ent.label == "NORP":
        country = DEMONYMS.get(ent.name.lower())
        for other in ctx.state.live_entities():
            if other.label == "GPE" and country is not None and other.name == country:
                return other  # "the Iranian ambassador", with Iran named in the text: Iran
        if country is not None and country in countries.COUNTRY_SET:
            # "Belarusian leader X" where the text never names Belarus: the demonym is its mention
            return countries.country_entity(ctx.state, country) or ent
        if country is None and any(c.pos_ == "ADJ" and c.i < token.i and ctx.entity(c, ("NORP",)) is ent
                                   for c in token.children):
            return None  # "Islamist President X", "a Shiite minister": a creed is no body to hold a post in
    return ent


def _object_entity(ctx: Context, token: Token, predicate: str, name_head: Token | None) -> EntityDraft | None:
    """The organisation or country of a role, from prepositions, possessives and modifiers."""
    portfolio = token.lemma_.lower() in roles.PORTFOLIO_ROLES
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in OBJECT_PREPS.get(predicate, ()):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if portfolio and prep.lower_ in ("of", "for"):
                # "Minister of Justice", "Professor of Law": a portfolio, only a country counts
                ent = ctx.entity(pobj, ("GPE",))
            elif predicate in ("advisor_to", "spokesperson_for") and ctx.entity(
                pobj, roles.PERSON_LABELS, named_only=True
            ):
                ent = ctx.entity(pobj, roles.PERSON_LABELS, named_only=True)  # "adviser to Trump"
            else:
                ent = ctx.ensure_org(pobj) if pobj.pos_ == "PROPN" else ctx.entity(pobj, ORG_LIKE)
                if ent is None and pobj.pos_ == "NOUN":
                    ent = _body(ctx, pobj)  # "head of the state control committee"
                if ent is None and pobj.pos_ == "NOUN" and pobj.lower_ in GROUP_WORDS:
                    # "a senior figure in the Jabhat al-Sahil group": the group's name
                    ent = next((e for c in pobj.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                                for e in [ctx.entity(c, ("ORG",))] if e is not None), None)
            if ent is not None and not _covers(ent, token):
                return ent
    # "Iraq's Prime Minister X", "Iran's president", "BBC journalist X", "Iraqi Prime Minister"
    holders = [token] + ([name_head] if name_head is not None else [])
    for node in holders:
        for child in node.lefts:
            if child.dep_ not in ("poss", "compound", "amod", "nmod", "npadvmod"):
                continue
            if child.i >= token.i and node is not token:
                continue
            if child.ent_type_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW"):
                continue  # "The Lord of the Rings film director": a work, not an employer
            if ctx.state.dateline_end is not None and child.idx < ctx.state.dateline_end:
                continue  # "KYIV - President X": the dateline is where the story was filed
            ent = ctx.entity(child, ORG_LIKE)
            if ent is None and child.dep_ == "amod" and DEMONYMS.get(child.lower_) in countries.COUNTRY_SET:
                # "Belarusian leader X", a nationality the recogniser missed: the country
                ent = countries.country_entity(ctx.state, DEMONYMS[child.lower_])
            if ent is None and child.pos_ == "PROPN" and child.dep_ in ("compound", "poss") and _maybe_org(child):
                ent = ctx.ensure_org(child)  # "HTS leader X": an acronym NER did not tag
            if ent is not None and ent.label == "ORG" and child.tag_ == "JJ" and not roles.is_party(ent.name):
                continue  # an adjective ("Welsh singer") names no organisation, whatever NER says
            if ent is not None and not _covers(ent, token) and not _portfolio_like(ent):
                return _owned_body(ctx, node, child, ent) or ent
    # "the group's spokesman", "its leader": the organisation named just before
    for child in token.lefts:
        if child.dep_ == "poss" and (child.lower_ in ("its", "their") or child.lemma_.lower() in GROUP_WORDS):
            if countries.is_national_role(roles.role_text(token)):
                return None  # "its long-time ruler": the country, which the national rule finds
            if token.dep_ == "conj" and token.head.ent_type_ and child.lower_ == "its":
                # "the Front and its leader X": "its" is the conjunct, or nobody we can name
                return ctx.entity(token.head, ("ORG", "NORP"))
            return ctx.org_named_before(child)
    return None


def _owned_body(ctx: Context, node: Token, owner: Token, ent: EntityDraft) -> EntityDraft | None:
    """ "Libya's Central Bank Governor": the body named between a country's possessive and the
    title is the title's organisation, not the country."""
    if ent.label != "GPE" or owner.dep_ not in ("poss", "nmod"):
        return None
    for child in node.lefts:
        if child.i > owner.i and child.dep_ == "compound" and child.ent_type_ == "ORG":
            body = ctx.entity(child, ("ORG",))
            if body is not None and body.name.split()[-1].lower() in BODY_NOUNS and not _covers(body, node):
                return body
    return None


#: nouns after a group's name: "the X group", "the Y movement"
GROUP_WORDS = word_set("relations", "group_words")
#: nouns that head the name of a body: "the state control committee", "the Guards' air force"
BODY_NOUNS = word_set("relations", "body_nouns")


def _body(ctx: Context, noun: Token) -> EntityDraft | None:
    """An organisation the text describes rather than names ("the state control committee",
    "the Hiran regional administration"), made an entity when its phrase says more than the noun."""
    if noun.lemma_.lower() not in BODY_NOUNS or (noun.tag_ in ("NNS", "NNPS") and noun.lower_ != "forces"):
        return None
    left = noun.left_edge.i
    doc = noun.doc
    while left < noun.i and doc[left].dep_ in ("det", "predet"):
        left += 1
    span = doc[left : noun.i + 1]
    if len(span) < 2 or any(t.pos_ in ("VERB", "PUNCT", "NUM") for t in span):
        return None
    found = ctx.state.entity_at(span.start_char, span.end_char, exact=True)
    if found is not None:
        return found.resolved()
    return ctx.state.new_entity("ORG", span.start_char, span.end_char, span.text, "nominal")


#: words that, making up a whole "organisation" name before a role, name a portfolio or a
#: rank ("Defence Minister X", "Supreme Leader", "Chief of Air Staff"), not a body
_PORTFOLIO_WORDS = (roles.ROLE_MODIFIERS - word_set("relations", "body_modifiers")) | word_set(
    "relations", "portfolio_words")


def _maybe_org(token: Token) -> bool:
    """A capitalised word before a role that could name an organisation: letters only, not
    a place ("U.S."), a nationality or a word of the role itself ("State", "Assistant")."""
    low = token.lower_
    return (
        token.text.replace(".", "").isalpha()
        and low not in PLACE_ALIASES and low not in DEMONYMS
        and low not in _PORTFOLIO_WORDS and low not in roles.ROLE_MODIFIERS and low not in roles.ROLE_PREDICATES
    )


def _portfolio_like(ent: EntityDraft) -> bool:
    """True when an ORG entity's whole name is portfolio or rank words."""
    words = [w for w in roles.name_words(ent.name) if w not in ("the", "of", "and")]
    return ent.label == "ORG" and bool(words) and all(w in _PORTFOLIO_WORDS for w in words)


def _covers(ent: EntityDraft, token: Token) -> bool:
    """True when a mention of the entity contains the role word itself ("Knight Commander of X")."""
    return any(m.start <= token.idx < m.end for m in ent.resolved().mentions)


def _party_modifier(ctx: Context, token: Token) -> EntityDraft | None:
    """A party named in a role's modifiers ("the Republican candidate")."""
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            ent = ctx.entity(child, ("ORG", "NORP"))
            # an organisation fielding a candidate is a party ("the MMD candidate")
            if ent is not None and (roles.is_party(ent.name) or ent.label == "ORG"):
                return ent
    return None


def _election(ctx: Context, token: Token) -> EntityDraft | None:
    """The election a candidate stands in, made an EVENT entity when none exists."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.lower_ not in ELECTION_WORDS:
                continue
            ent = ctx.entity(pobj, ("EVENT",))
            if ent is not None:
                return ent
            left = pobj.left_edge.i
            doc = token.doc
            while left < pobj.i and doc[left].dep_ == "det":
                left += 1
            span = doc[left : pobj.i + 1]
            made = ctx.state.entity_labelled(span.start_char, span.end_char, "EVENT")
            if made is not None:
                return made  # made by an earlier role on this phrase: one entity, one id
            return ctx.state.new_entity("EVENT", span.start_char, span.end_char, span.text, "nominal")
    return None


def _place(ctx: Context, token: Token) -> EntityDraft | None:
    """The place a member of parliament is elected from ("... from Baghdad")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "for"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    ent = ctx.entity(pobj, ("GPE", "LOC"))
                    if ent is not None:
                        return ent
    return None


def _the_country_s(token: Token) -> bool:
    """A role owned by "the country", "the nation" or "the state" ("the country's leader")."""
    return any(c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation") and any(
        d.lower_ == "the" for d in c.children) for c in token.children)


def _state_object(ctx: Context, token: Token, role: str, predicate: str, obj: EntityDraft | None,
                  nominal: bool) -> tuple[EntityDraft | None, str, str]:
    """(object, predicate, basis) of a named holder's post in the state when the text names no
    organisation: "President X" and "the foreign minister" hold a post of the country the
    sentence or the article is about, "the country's leader X" of the country named last,
    "army chief X" of the one army the story names, else of the country. The basis says
    where the object came from: "text", "country" or "body"."""
    basis = "text"
    in_state = not nominal and predicate in ("leader_of", "holds_position")
    if obj is None and in_state and countries.is_national_role(role) and not _body_title(token):
        obj = countries.national_country(ctx.state, token)
        basis = "country" if obj is not None else basis
        if obj is not None and predicate == "leader_of" and (
                set(role.split()) & roles.SECOND_WORDS or role.split()[-1] == "speaker"):
            predicate = "holds_position"  # a deputy, or the speaker of its parliament, does not lead the country
    if obj is None and in_state and _the_country_s(token):
        # "the country's leader X", "the nation's army chief": the country named last
        obj = countries.country_named_last(ctx.state, token)
        basis = "country" if obj is not None else basis
    if obj is not None and role.endswith(" staff") and obj.name.lower().endswith(" staff"):
        obj = None  # "Chief of Air Staff": the staff is the title's, the post the country's
    if obj is None and in_state and role.endswith(" staff"):
        obj = countries.national_country(ctx.state, token)
        basis = "country" if obj is not None else basis
    if obj is None and in_state and countries.is_body_role(role):
        # "army chief X": the one army the story names, else the country's
        obj = countries.national_body(ctx.state, role)
        basis = "body" if obj is not None else basis
        if obj is None:
            obj = countries.national_country(ctx.state, token)
            basis = "country" if obj is not None else basis
    return obj, predicate, basis


#: nouns before a title that make it the title of a body, not of the state: "Council president X"
_TITLE_BODIES = word_set("relations", "title_bodies")
# (a country's legislature is of its state: "Parliament Speaker X" holds a national post, so
# "parliament", "senate" and "congress" are not among them)


def _body_title(token: Token) -> bool:
    """ "Council president X", "Commission President Y": a body's title, whose state is unknown."""
    return any(c.dep_ in ("compound", "nmod") and c.i < token.i and c.lower_ in _TITLE_BODIES
               for c in token.children)


_OWNED_BODY = re.compile(r"^(?:the )?(.+?)['’]s? ([a-z][a-z ]+)$")


def _owner_of_body(ctx: Context, obj: EntityDraft, role: str) -> tuple[EntityDraft, str]:
    """ "head of the Front's political bureau": a body the text only describes, in lowercase,
    is no organisation of its own; the post is "head of the political bureau" in the Front."""
    match = _OWNED_BODY.match(obj.name)
    if match is None:
        return obj, role
    owner_name, body = match.group(1).lower(), match.group(2)
    owner = next((e for e in ctx.state.live_entities() if e.label == "ORG" and e is not obj and not e.anonymous
                  and e.name.lower().removeprefix("the ") == owner_name), None)
    if owner is None:
        return obj, role
    return owner, f"{role} of the {body}"
