"""Links that are not roles: backing, ties, founding, joining, leading, parts; org descriptors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.extract import countries, roles
from interlock.extract.relations import ties
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_map, word_set

#: participles that make "X-backed Y" or "Y, backed by X"
BACKING_WORDS = word_set("relations", "backing_words")
#: nouns of ties: "strong ties to Y", "his links to Y"
TIE_NOUNS = word_set("relations", "tie_nouns")
#: verbs whose subject leads their object ("X heads Y")
LEAD_VERBS = word_map("relations", "lead_verbs")
#: regnal numbers that mark a monarch's name ("Gustav III")
REGNAL = word_set("relations", "regnal")
#: bodies one joins as a member ("joined the Fatah Alliance", "joined the Academy")
MEMBER_BODIES = word_set("relations", "member_bodies")
#: words that make an organisation a body of its country's state ("Turkey's Border Guard")
STATE_BODY_WORDS = word_set("relations", "state_body_words")
#: organisation type nouns kept as descriptors of the entity they describe
ORG_TYPES = word_set("relations", "org_types")


#: nouns of a national office held, with the post they name: "X's premiership"
TENURE_NOUNS = word_map("relations", "tenure_nouns")


def _tenure_noun(ctx: Context, noun: Token) -> None:
    """"Min Aung Hlaing's premiership", "during X's presidency": X holds (or held) the national
    post of the article's country; a tenure told in the past ("flourished during X's
    presidency") is over."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    holder = ctx.entity(owner, roles.PERSON_LABELS, named_only=True) if owner is not None else None
    if holder is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return  # "the presidency of the council" is a body's
    country = countries.national_country(ctx.state, noun)
    if country is None:
        return
    prep = noun.head if noun.dep_ == "pobj" else None
    past = prep is not None and prep.lower_ in ("during", "under") and prep.head.tag_ == "VBD"
    role = TENURE_NOUNS[noun.lower_]
    for predicate in ("leader_of", "holds_position") if role == "president" else ("holds_position",):
        ctx.add(holder, predicate, country, noun, role, "former" if past else "current")


def link_statements(ctx: Context, token: Token) -> None:
    """Every non-role link licensed by this token."""
    low = token.lower_
    if low in BACKING_WORDS:
        _backed(ctx, token)
    elif low in TIE_NOUNS or (token.lemma_.lower() == "affiliate" and token.tag_ == "VBN"):
        _ties(ctx, token)
    elif token.pos_ == "VERB":
        _verb(ctx, token)
    if token.dep_ == "poss" and token.ent_type_ in ("GPE",):
        _part_of(ctx, token)
    if token.text == "(" and token.i > 0:
        _party_in_brackets(ctx, token)
    if token.dep_ in ("compound", "amod", "nmod") and token.ent_type_ in ("NORP", "ORG"):
        _party_before_name(ctx, token)
    if token.lower_ == "of" and token.dep_ == "prep" and token.head.ent_type_ == "PERSON":
        _person_of_org(ctx, token)
    if token.lower_ == "of" and token.i > 0 and token.nbor(-1).text in REGNAL:
        _regnal(ctx, token)
    if token.lower_ in TENURE_NOUNS and token.pos_ == "NOUN":
        _tenure_noun(ctx, token)
    ties.link_statements(ctx, token)


def _party_in_brackets(ctx: Context, bracket: Token) -> None:
    """ "Janne Johnsen (Conservative Party)": a politician's party in brackets after the name."""
    doc = bracket.doc
    person = ctx.entity(doc[bracket.i - 1], roles.PERSON_LABELS, named_only=True)
    if person is None:
        return
    close = next((t for t in doc[bracket.i + 1 : bracket.i + 8] if t.text == ")"), None)
    if close is None or close.i == bracket.i + 1:
        return
    inside = doc[bracket.i + 1 : close.i]
    party = ctx.entity(inside[-1], ("ORG", "NORP"))
    if party is None or not roles.is_party(party.name):
        return
    mention = next((m for m in party.mentions if m.start <= inside[-1].idx < m.end), None)
    # the brackets must hold the party's name and nothing else
    if mention is not None and mention.start <= inside.start_char + 4 and mention.end >= inside.end_char:
        ctx.add(person, "member_of", party, bracket)


def _party_before_name(ctx: Context, token: Token) -> None:
    """ "fellow Democrat Sidney Yates", "Labour MP Jo Cox": a party word before a name."""
    head = token.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    person = ctx.entity(head, roles.PERSON_LABELS, named_only=True)
    party = ctx.entity(token, ("NORP", "ORG"))
    if person is None or party is None or not roles.is_party(party.name):
        return
    if ctx.entity(token, roles.PERSON_LABELS) is person:
        return
    ctx.add(person, "member_of", party, token)


def _person_of_org(ctx: Context, of: Token) -> None:
    """ "Hadi al-Amiri of the Badr Organization": a person named with their organisation."""
    person = ctx.entity(of.head, roles.PERSON_LABELS, named_only=True)
    if person is None or of.i != of.head.i + 1:
        return
    for pobj in of.children:
        if pobj.dep_ == "pobj" and pobj.ent_type_ == "ORG":
            org = ctx.entity(pobj, ("ORG",))
            if org is not None:
                # "Anna Berg of the Green Party" is a party member; otherwise only a tie
                predicate = "member_of" if roles.is_party(org.name) else "affiliated_with"
                ctx.add(person, predicate, org, of)


def _regnal(ctx: Context, of: Token) -> None:
    """ "Gustav III of Sweden": a monarch's regnal name with the realm."""
    person = ctx.entity(of.nbor(-1), roles.PERSON_LABELS, named_only=True) or ctx.entity(
        of.nbor(-2), roles.PERSON_LABELS, named_only=True
    )
    if person is None or of.i + 1 >= len(of.doc):
        return
    realm = ctx.entity(of.nbor(1), ("GPE",))
    if realm is not None:
        ctx.add(person, "leader_of", realm, of, "monarch")


def _backed(ctx: Context, token: Token) -> None:
    """ "the Iran-backed PMU", "a militia backed by Iran" -> PMU backed_by Iran."""
    if token.dep_ not in ("amod", "acl", "compound"):
        return
    backed = ctx.ensure_org(token.head) if token.head.pos_ == "PROPN" else ctx.entity(token.head, ORG_LIKE)
    backer = None
    for child in token.children:
        if child.dep_ in ("npadvmod", "compound", "nmod", "amod") and child.i < token.i:
            backer = ctx.entity(child, ORG_LIKE | {"PERSON"}) or ctx.ensure_org(child)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    backer = ctx.entity(pobj, ORG_LIKE | {"PERSON"}) or ctx.ensure_org(pobj)
    if backer is not None and backed is not None:
        ctx.add(backed, "backed_by", backer, token)


#: verbs whose subject has the ties they govern: "X maintains ties to Y"
_TIE_VERBS = word_set("relations", "tie_verbs")

def _tie_holder(ctx: Context, token: Token) -> tuple[EntityDraft | None, Token | None]:
    """The entity that has the ties, and the verb of the clause."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _TIE_VERBS:
        verb = token.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            # the parser often hangs "who has ties" on the nearest noun: climb to the person
            node = verb.head
            for _ in range(4):
                ent = ctx.entity(node, roles.PERSON_LABELS | {"ORG"}, named_only=True)
                if ent is not None:
                    return ent, verb
                if node.dep_ in ("pobj", "prep", "appos") and node.head is not node:
                    node = node.head
                else:
                    break
            return None, verb
        if subj is not None:
            return ctx.entity(roles.climb_relative(subj), roles.PERSON_LABELS | {"ORG"}), verb
    for child in token.children:
        if child.dep_ == "poss":
            return ctx.entity(child, roles.PERSON_LABELS | {"ORG"}), None
    if token.tag_ == "VBN":
        subj = next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is not None:
            return ctx.entity(roles.climb_relative(subj), roles.PERSON_LABELS | {"ORG"}), token
    return None, None


def _ties(ctx: Context, token: Token) -> None:
    """ "X has strong ties to Y", "his links to Y", "X is affiliated with Y"."""
    holder, verb = _tie_holder(ctx, token)
    if holder is None:
        return
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                obj = ctx.ensure_org(pobj) if pobj.pos_ == "PROPN" else ctx.entity(pobj, ORG_LIKE | {"PERSON"})
                if obj is not None:
                    ctx.add(holder, "affiliated_with", obj, token, verb=verb or token)


def _dobj_entity(ctx: Context, verb: Token, labels: frozenset[str]) -> tuple[EntityDraft | None, Token | None]:
    for child in verb.children:
        if child.dep_ == "dobj":
            ent = _called(ctx, child, labels)  # "set up an NGO called X": X, not the NGO
            if ent is None:
                ent = ctx.ensure_org(child) if child.pos_ == "PROPN" and "ORG" in labels else ctx.entity(child, labels)
            return ent, child
    return None, None


#: verbs that name a body: "an NGO called X", "a group known as Y"
_NAMING_VERBS = word_set("relations", "naming_verbs")

def _called(ctx: Context, noun: Token, labels: frozenset[str]) -> EntityDraft | None:
    """The name a common noun is given: "set up an NGO called X", "a group known as Y"."""
    # the parser hangs "called X" on the noun, or on the verb after it ("set up an NGO in 1984 called X")
    clauses = [c for c in noun.children if c.dep_ == "acl"]
    clauses += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i and c.tag_ in ("VBN", "VBD")]
    for acl in clauses:
        if acl.lemma_.lower() not in _NAMING_VERBS:
            continue
        names = [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj")]
        names += [p for prep in acl.children if prep.dep_ == "prep" and prep.lower_ == "as"
                  for p in prep.children if p.dep_ == "pobj"]
        for name in names:
            ent = ctx.entity(name, labels)
            if ent is not None:
                return ent
    return None


#: verbs of founding ("set up" is tested apart): "X founded Y"
_FOUNDING_VERBS = word_set("relations", "founding_verbs")
#: verbs of being elected to a body: "X was elected to the Y"
_ELECTING_VERBS = word_set("relations", "electing_verbs")

def _verb(ctx: Context, verb: Token) -> None:
    """ "X leads Y", "X founded Y", "X joined Y", "X works for Y", "X was elected to Y"."""
    lemma = verb.lemma_.lower()
    subj_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj_tok is None and verb.dep_ == "conj":
        subj_tok = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    subj = ctx.holder(subj_tok)
    if lemma in LEAD_VERBS and subj is not None:
        obj, _ = _dobj_entity(ctx, verb, frozenset(("ORG",)))
        if obj is not None:
            status = "former" if verb.tag_ == "VBD" else roles.clause_status(verb)
            ctx.add(subj, "leader_of", obj, verb, LEAD_VERBS[lemma], status, verb)
    elif (lemma in _FOUNDING_VERBS
          or (lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))) \
            and verb.tag_ in ("VBD", "VBN"):
        founder = subj if subj_tok is not None else None
        if verb.tag_ == "VBN":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            org = next((roles.climb_relative(c) for c in verb.children if c.dep_ == "nsubjpass"), None)
            if org is None and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
                org = verb.head  # "a party founded by X"
            if by is not None and org is not None:
                org_ent = ctx.ensure_org(org) if org.pos_ == "PROPN" else None
                ctx.add(ctx.holder(by), "founded", org_ent, verb, verb=verb)
            return
        obj, _ = _dobj_entity(ctx, verb, frozenset(("ORG",)))
        if founder is not None and obj is not None:
            ctx.add(founder, "founded", obj, verb, verb=verb)
    elif lemma == "join" and subj is not None:
        obj, _ = _dobj_entity(ctx, verb, frozenset(("ORG",)))
        # joining a company or an army is employment or service: only bodies with members
        if obj is not None and (
            roles.is_party(obj.name) or roles.name_words(obj.name) & MEMBER_BODIES
            or any(d.split()[-1] in MEMBER_BODIES for d in obj.descriptors)
        ):
            ctx.add(subj, "member_of", obj, verb, verb=verb)
    elif lemma in ("work", "teach") and subj is not None:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        obj = ctx.entity(pobj, ("ORG",))
                        if obj is not None:
                            status = "former" if verb.tag_ == "VBD" else "current"
                            ctx.add(subj, "employed_by", obj, verb, None, status, verb)
    elif lemma in _ELECTING_VERBS and verb.tag_ == "VBN":
        person = ctx.holder(next((c for c in verb.children if c.dep_ == "nsubjpass"), None))
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for pobj in prep.children:
                    obj = ctx.entity(pobj, ("ORG",)) if pobj.dep_ == "pobj" else None
                    if obj is not None and person is not None:
                        if roles.is_legislature(obj.name):
                            ctx.add(person, "holds_position", obj, verb, "member", verb=verb)
                        else:
                            ctx.add(person, "member_of", obj, verb, verb=verb)


def _part_of(ctx: Context, token: Token) -> None:
    """ "Turkey's Border Guard" -> Border Guard part_of Turkey (an organisation of a country)."""
    owner = ctx.entity(token, ("GPE",))
    head = token.head
    if owner is None or head.pos_ != "PROPN" or head.ent_type_ not in ("ORG",):
        return
    part = ctx.entity(head, ("ORG",))
    if part is not None and roles.name_words(part.name) & STATE_BODY_WORDS:
        ctx.add(part, "part_of", owner, token)


def add_descriptors(ctx: Context) -> None:
    """Keep an organisation's type as a descriptor ("an Iraqi political coalition", "a militia")."""
    doc = ctx.doc
    for ent in ctx.state.live_entities():
        if ent.label not in ("ORG", "NORP"):
            continue
        for mention in list(ent.mentions):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            i = span.end
            # skip an acronym in parentheses: "Popular Mobilization Units (PMU), a militia"
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                i += 3
            apposed = i + 1 < len(doc) and doc[i].text in (",", "–", "—", "-", "--")
            if not apposed or doc[i + 1].lower_ not in ("a", "an"):
                descriptor = _copula_type(span)
                if descriptor and descriptor not in ent.descriptors:
                    ent.descriptors.append(descriptor)
                continue
            descriptor = _org_type(doc[i + 2 : i + 7])
            if descriptor is None:
                descriptor = _copula_type(span)
            if descriptor and descriptor not in ent.descriptors:
                ent.descriptors.append(descriptor)


def _copula_type(span: Span) -> str | None:
    """ "The Fatah Alliance is an Iraqi political coalition": the type after "is a"."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    attr = next((c for c in root.head.children if c.dep_ == "attr"), None)
    if attr is None or attr.lemma_.lower() not in ORG_TYPES:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children):
        return None
    return _org_type(span.doc[attr.left_edge.i + 1 : attr.i + 1])


def _org_type(tokens: Span) -> str | None:
    """ "political coalition" from "Iraqi political coalition that ...": modifiers and a type noun."""
    words: list[str] = []
    for tok in tokens:
        if tok.ent_type_ in ("NORP", "GPE") and not words:
            continue  # the nationality is not part of the type
        if tok.pos_ in ("ADJ", "NOUN") and not tok.ent_type_:
            words.append(tok.lower_)
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_TYPES:
                # the type noun ends the descriptor unless another noun follows it
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                if nxt is None or nxt.pos_ != "NOUN":
                    return " ".join(words)
            continue
        return None
    return None
