"""Relations between entities: roles and positions, memberships, backing, ties.

Pattern rules over the spaCy dependency parse. Role statements start from a
role noun (see ``interlock.extract.roles``) and find its holder by
apposition ("X, the commander of Y" and "the commander of Y, X"), by title
("Prime Minister X"), by copula ("X is a member of Y", "X, who is ..."), or by
a role verb ("served as", "was appointed", "named", "elected"); the
organisation comes from "of/for/to/at" phrases, possessives ("Iraq's Prime
Minister X") and modifiers ("Iraqi", "BBC"). Other links ("X-backed",
"ties to", verbs such as "founded", "joined") live in ``relations.links``.

Precision comes first: a role whose holder is not found in the parse gives
no statement, and every subject and object is an entity with a mention.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from interlock.extract import countries, roles
from interlock.extract.lexicon import DEMONYMS, PLACE_ALIASES
from interlock.extract.relations import links, tenure
from interlock.extract.relations.context import ORG_LIKE, Context, dedupe
from interlock.extract.relations.promises import promised_posts
from interlock.extract.state import DocState, EntityDraft, StatementDraft
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
#: role verbs and the copula: their subject holds the role they govern ("X is a member of Y")
_ROLE_OR_COPULA = roles.ROLE_VERBS | word_set("relations", "copulas")
#: words before a title that make it an honour, not a role: "Knight Commander of the Order of X"
_HONOUR_WORDS = word_set("relations", "honour_words")
#: role words that lead a nation, whose nationality is their country: "the South Korean president"
_NATION_LEADERS = word_set("relations", "nation_leaders")
#: verbs that are no role verbs but whose subject holds a role given "as"
SUBJECT_VERBS = word_set("relations", "subject_verbs")


def find_statements(doc: Doc, state: DocState) -> list[StatementDraft]:
    """Every statement the rules find in the document, deduplicated."""
    ctx = Context(doc, state)
    end = state.body_end if state.body_end is not None else len(state.text or doc.text)
    for token in doc:
        if token.idx >= end:
            break
        word = roles.role_head_word(token)
        if word is not None:
            _role_statements(ctx, token, word)
        before = len(ctx.statements)
        links.link_statements(ctx, token)
        _mark(ctx.statements[before:], "link")
        before = len(ctx.statements)
        promised_posts(ctx, token)
        _mark(ctx.statements[before:], "promise")
    before = len(ctx.statements)
    _successions(ctx, end)
    _in_place(ctx, end)
    _mark(ctx.statements[before:], "succession")
    before = len(ctx.statements)
    _counterparts(ctx, end)
    _mark(ctx.statements[before:], "counterpart")
    links.add_descriptors(ctx)
    _mark(ctx.statements, "role")
    _nominee_lists(doc, ctx.statements)
    statements = dedupe(ctx.statements)
    tenure.end_tenures(doc, state, statements)
    _link_attributions(statements, state)
    return statements


#: nouns that make a list of people and posts a list of proposals ("the list of nominees includes")
NOMINEE_NOUNS = word_set("relations", "nominee_nouns")
#: rules that find a post as one item of a list of names and posts
LIST_RULES = frozenset(("role:appos", "role:appos+conj", "role:copula+conj", "role:as+conj", "role:listed"))


def _nominee_lists(doc: Doc, statements: list[StatementDraft]) -> None:
    """ "The list of nominees includes A, minister of X, and B, minister of Y"; "C will be
    appointed minister of Z, D minister of W": posts listed in a sentence of nominees, or beside
    a post the sentence plans, are planned too."""
    by_sentence: dict[int, list[StatementDraft]] = {}
    for st in statements:
        by_sentence.setdefault(st.evidence[0], []).append(st)
    for start, group in by_sentence.items():
        listed = [st for st in group if st.rule in LIST_RULES and st.status == "current"]
        if not listed:
            continue
        planned = any(st.status == "planned" and st.rule.startswith(("role:copula", "role:as")) for st in group)
        if not planned:
            span = doc.char_span(start, group[0].evidence[1], alignment_mode="expand")
            planned = span is not None and any(t.lemma_.lower() in NOMINEE_NOUNS for t in span)
        if planned:
            for st in listed:
                st.status = "planned"


def _mark(drafts: list[StatementDraft], rule: str, basis: str | None = None) -> None:
    """Record which rule found these statements (and where their object came from)."""
    for d in drafts:
        d.rule = d.rule or rule
        if basis is not None:
            d.basis = basis


def _link_attributions(statements: list[StatementDraft], state: DocState) -> None:
    """A statement inside a quotation's content is the source's claim."""
    for st in statements:
        if st.anchor is None or st.attribution is not None:
            continue
        for att in state.attributions:
            if att.content[0] <= st.anchor < att.content[1]:
                st.attribution = att
                break


def _title_head(token: Token) -> Token | None:
    """The name a title stands before ("Prime Minister [Haider al-Abadi]")."""
    node = token
    for _ in range(6):
        if node.dep_ != "compound" or node.head.i <= node.i:
            break
        node = node.head
    if node is token or node.pos_ != "PROPN":
        return None
    return node


#: words of rank or honour between a title and the name: "Minister Sheikh X", "chief General Y"
_RANKS_BETWEEN = word_set("relations", "ranks_between")


def _person_right_before(ctx: Context, token: Token) -> EntityDraft | None:
    """The person named right before a role phrase and its comma, over a bracketed aside:
    "A (3rd L), Defence Minister of X, and B (2nd R), Defence Minister of Y" gives each
    title to the name just before it, whatever the parser hung it on."""
    doc = token.doc
    i = token.left_edge.i - 1
    if i < 0 or doc[i].text != ",":
        return None
    i -= 1
    if i >= 0 and doc[i].text == ")":
        depth = 0
        while i >= 0:
            if doc[i].text == ")":
                depth += 1
            elif doc[i].text == "(":
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        i -= 1
    if i < 0:
        return None
    ent = ctx.entity(doc[i], roles.PERSON_LABELS, named_only=True)
    if ent is None or ent.label != "PERSON":
        return None
    mention = next((m for m in ent.resolved().mentions if m.start <= doc[i].idx < m.end), None)
    return ent if mention is not None and mention.kind != "nominal" else None


def _name_right_after(ctx: Context, token: Token) -> Token | None:
    """The head of a person's name that starts right after a singular title, over ranks
    ("judiciary chief X, Council Secretary Y, former negotiator Z"): in such lists the parser
    hangs the titles on the wrong names, but the words stand side by side."""
    doc = token.doc
    if token.tag_ not in ("NN", "NNP") or token.i + 1 >= len(doc) or token.whitespace_ == "":
        return None
    i = token.i + 1
    if token.text[:1].isupper() and i + 1 < len(doc) and doc[i].lower_ == "of":
        # "Secretary of State X", "Chief of Defence Staff Y": a capitalised title's own words
        k = i + 1
        while k < len(doc) and k - i <= 3 and doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON":
            k += 1
        if k == i + 1:
            return None
        i = k
    while i < len(doc) and doc[i].lower_ in _RANKS_BETWEEN and i - token.i <= 5:
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return None
    ent = ctx.entity(doc[i], roles.PERSON_LABELS, named_only=True)
    if ent is None or ent.label != "PERSON":
        return None
    mention = next((m for m in ent.resolved().mentions if m.start == doc[i].idx), None)
    if mention is None or mention.kind == "nominal":
        return None
    end = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return end.root if end is not None else None


#: what the holder patterns return: (holder, governing verb, name head of a title)
_Found = tuple[EntityDraft | None, Token | None, Token | None]


def _holder(ctx: Context, token: Token) -> _Found:
    """(holder, governing verb, name head of a title) of a role noun, or (None, None, None).

    The patterns are tried in order: a name right after the title, the title inside a
    name's mention or in apposition, "one of" the holders, a verb that gives the role,
    and a first conjunct's holder. Which pattern found the holder is left in ``ctx.how``
    for the statement's rule."""
    # "Prime Minister Haider al-Abadi", "political analyst Ahmad al-Khafaji"
    head = _name_right_after(ctx, token) or _title_head(token)
    if head is not None:
        ent = ctx.entity(head, roles.PERSON_LABELS, named_only=True)
        if ent is not None and ctx.entity(token, ORG_LIKE) is None:
            ctx.how = "title"
            return ent, None, head
        return None, None, None
    found = _holder_by_name(ctx, token)
    if found is not None:
        return found
    if _one_of(token):
        return _holder(ctx, token.head.head)  # "X was one of the founders of Y": X is one
    found = _holder_by_verb(ctx, token)
    if found is not None:
        return found
    # "served as general manager of X and director of Y": the second post is the first's holder's
    if token.dep_ == "conj" and token.head.i < token.i and roles.role_head_word(token.head) is not None:
        how = ctx.how
        first, first_verb, _ = _holder(ctx, token.head)
        if first is not None:
            ctx.how = f"{ctx.how}+conj"
            return first, first_verb, None
        ctx.how = how
    return None, None, None


def _holder_by_name(ctx: Context, token: Token) -> _Found | None:
    """The holder named with the role: the title inside the name's own mention ("President
    Obama" tagged whole), or a name in apposition after or before it; None when there is none."""
    if token.ent_type_ == "PERSON":
        ent = ctx.entity(token, roles.PERSON_LABELS, named_only=True)
        if ent is not None and token.i + 1 < len(token.doc) and token.nbor(1).ent_type_ == "PERSON":
            ctx.how = "title"
            return ent, None, token.nbor(1)
    # "X, the commander of Y"
    if token.dep_ == "appos":
        ent = _person_right_before(ctx, token) or ctx.holder(token.head)
        if ent is not None:
            ctx.how = "appos"
            return ent, None, None
    # "the commander of Y, X"
    for child in token.children:
        if child.dep_ == "appos" and child.i > token.i and not _quote_between(token, child):
            ent = ctx.entity(child, roles.PERSON_LABELS, named_only=True)
            if ent is not None:
                ctx.how = "appos-before"
                return ent, None, None
    return None


#: verbs whose subject (or object, for role verbs in the passive) holds the role after "as"
_AS_VERBS = roles.ROLE_VERBS | SUBJECT_VERBS


def _holder_by_verb(ctx: Context, token: Token) -> _Found | None:
    """The holder a verb gives the role to: "X is to assume the role of Y", "X is a member
    of Y", "X became president", or a verb with "as"; None when no such verb holds it (an
    answer with no holder, from a replacement, ends the search)."""
    taker = _role_taken(token)
    if taker is not None:
        verb, taker_tok = taker
        ent = ctx.holder(taker_tok)
        if ent is not None:
            ctx.how = "takes"
            return ent, verb, None
    verb = token.head
    # "X is a member of Y", "X, who is already a member of Y", "X became president"
    if token.dep_ in ("attr", "oprd", "xcomp", "acomp") and verb.lemma_.lower() in _ROLE_OR_COPULA:
        subj = _subject(verb, passive_first=True)
        ent = ctx.holder(subj)
        if ent is None and token.dep_ == "oprd":
            # "named Kevin Hart chief executive": the parser may hang the name on the role
            for child in token.lefts:
                if child.dep_ in ("nmod", "compound", "npadvmod"):
                    ent = ctx.entity(child, roles.PERSON_LABELS, named_only=True)
                    if ent is not None:
                        break
        if ent is not None:
            ctx.how = "copula"
            return ent, verb, None
    # "served as a spokesperson for Y", "was appointed as Y", "appoint X as Y"
    if token.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        return _holder_as(ctx, verb.head)
    return None


def _holder_as(ctx: Context, verb: Token) -> _Found | None:
    """The holder of a role "as" which ``verb`` governs: who serves or is appointed as it,
    who replaced or was removed as it, whose appointment as it a noun names."""
    if verb.lemma_.lower() in _AS_VERBS:
        subj = _subject(verb, passive_first=verb.lemma_.lower() not in SUBJECT_VERBS)
        ent = ctx.holder(subj)
        if ent is not None:
            ctx.how = "as"
            return ent, verb, None
    if verb.lemma_.lower() in REPLACE_VERBS and verb.pos_ == "VERB":
        return _replacement(ctx, verb)
    if verb.lemma_.lower() in REMOVE_VERBS and verb.pos_ == "VERB":
        # "X was removed as governor of Y", "sacked X as army chief": X held the post
        ent = _named_just_before(ctx, verb) or ctx.holder(_subject(verb, passive_first=True))
        if ent is None and verb.dep_ == "acl":
            ent = ctx.holder(verb.head)  # "Jonas Brandt, sacked as the Chief of Defence Staff"
        if ent is not None:
            ctx.how = "removed"
            ctx.ended = True
            return ent, None, None
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in POST_NOUNS:
        return _appointee(ctx, verb)
    return None


def _appointee(ctx: Context, noun: Token) -> _Found | None:
    """Whose appointment a post noun names: "X's appointment as governor", "the appointment
    of X as governor", "... chief X's role as deputy premier"; None when it names nobody."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
            who = child if child.dep_ == "poss" else next(
                (p for p in child.children if p.dep_ == "pobj"), None)
            ent = ctx.entity(who, roles.PERSON_LABELS, named_only=True) if who is not None else None
            if ent is not None:
                ctx.how = "appointment"
                ctx.ended = _ends_noun(noun)
                return ent, None, None
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text in ("'s", "’s") and doc[noun.i - 2].ent_type_ == "PERSON":
        # "... chief X's role as deputy premier": a possessive the parser hung elsewhere
        ent = ctx.entity(doc[noun.i - 2], roles.PERSON_LABELS, named_only=True)
        if ent is not None:
            ctx.how = "appointment"
            return ent, None, None
    return None


#: words between a name and the participle that tells what befell it: "X, who was removed as"
_BEFORE_PARTICIPLE = word_set("relations", "before_participle")


#: quotation marks, which a title and the name it is said of do not stand across
_QUOTES = frozenset(('"', "“", "”", "«", "»", "‘", "’"))


def _quote_between(a: Token, b: Token) -> bool:
    """ "“The president is eager,” Colonel X said": a quotation closes between the two words."""
    return any(t.text in _QUOTES for t in a.doc[min(a.i, b.i) + 1 : max(a.i, b.i)])


def _named_just_before(ctx: Context, verb: Token) -> EntityDraft | None:
    """The person named right before a participle, over a comma or "who was" ("A, sacked as
    X; B, retired as Y"): in such lists the parser often hangs each clause on the first name."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].lower_ in _BEFORE_PARTICIPLE and verb.i - i <= 4:
        i -= 1
    if i < 0 or i == verb.i - 1:
        return None
    return ctx.entity(verb.doc[i], roles.PERSON_LABELS, named_only=True)


#: verbs that take a post away: "X was removed as governor", "sacked X as chief"
REMOVE_VERBS = word_set("relations", "remove_verbs")
#: verbs whose subject takes a post from their object: "X replaced Y as commander"
REPLACE_VERBS = word_set("relations", "replace_verbs")
#: nouns of giving a post: "X's appointment as governor"
POST_NOUNS = word_set("relations", "post_nouns")
#: words that end the post a noun gave: "the termination of X's appointment as governor"
_ENDING_HEADS = word_set("relations", "ending_heads")


def _ends_noun(noun: Token) -> bool:
    """ "the termination of X's appointment", "ended X's appointment": the post is over."""
    node = noun.head
    for _ in range(3):
        if node.lemma_.lower() in _ENDING_HEADS:
            return True
        if node.head is node:
            break
        node = node.head
    return False


def _successor_tokens(verb: Token) -> tuple[Token | None, Token | None]:
    """(new holder, old holder) tokens of "X replaced Y", "Y was replaced by X"."""
    new_tok: Token | None = None
    old_tok: Token | None = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            new_tok = child
        elif child.dep_ in ("dobj", "nsubjpass"):
            old_tok = child
        elif child.dep_ == "agent":
            new_tok = next((p for p in child.children if p.dep_ == "pobj"), new_tok)
    return new_tok, old_tok


def _replacement(ctx: Context, verb: Token) -> tuple[EntityDraft | None, Token | None, Token | None]:
    """ "X replaced Y as commander", "Y was replaced by X as commander": X holds the post,
    Y held it (left in ``ctx.replaced`` for a former statement)."""
    new_tok, old_tok = _successor_tokens(verb)
    if new_tok is None and verb.dep_ in ("advcl", "xcomp", "conj"):
        new_tok = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    new = ctx.holder(new_tok)
    old = ctx.holder(old_tok)
    ctx.replaced = old if old is not new else None
    if any(c.dep_ == "aux" and c.lower_ in roles.OPEN_MODALS for c in verb.children):
        ctx.replaced = None  # "X may replace Y as ...": Y still holds the post
    if new is None and ctx.replaced is not None:
        return None, None, None
    ctx.how = "replace"
    return new, verb, None


def _subject(verb: Token, passive_first: bool) -> Token | None:
    """Who a role verb gives the role to: the appointee, else the subject."""
    deps = ("nsubjpass", "dobj", "oprd", "nsubj") if passive_first else ("nsubj", "nsubjpass")
    for dep in deps:
        for child in verb.children:
            if child.dep_ == dep and (dep != "oprd" or (child.pos_ == "PROPN" and child.ent_type_ == "PERSON")):
                # "named Major General X as head": the parser may call the appointee a predicate
                return child
    # "was born in X and served as Y": the subject of the first conjunct; but "A will be
    # minister of X and B, the party's deputy, will be minister of Y": B, whom the parser
    # hung on the first clause, is the second one's subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        between = [t for t in verb.doc[verb.head.i + 1 : verb.i]
                   if t.dep_ == "conj" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
        if between and any(a.dep_ == "aux" for a in verb.children):
            return between[-1]
        if verb.pos_ == "AUX":
            # "X holds a degree and was one of Y's founders": the first verb's subject, not its object
            first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if first is not None:
                return first
        return _subject(verb.head, passive_first)
    if verb.dep_ == "relcl":
        return verb.head
    # "X is set to become head of Y": the subject of the governing verb
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, True)
    return None


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


def _listed_people(ctx: Context, token: Token) -> list[EntityDraft]:
    """The named people a plural role noun lists: "two members of X, A and B", "A and B,
    both members of X", "seven candidates, including A, B and C"."""
    heads: list[Token] = []
    if token.dep_ == "appos":
        heads.append(token.head)
    for t in token.subtree:
        if t.dep_ == "appos" and t.i != token.i and t.pos_ == "PROPN":
            heads.append(t)  # the parser may hang the list on the "of" phrase's noun
        elif t.dep_ == "conj" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON":
            heads.append(t)  # or coordinate it with that noun ("of X's Command, A and B")
    near = [token]
    if token.dep_ == "dobj":
        # "approved seven candidates for the election, including A": the list may hang on the
        # verb's "for" phrase
        near += [p for prep in token.head.children if prep.dep_ == "prep" and prep.lower_ in ("for", "in")
                 for p in prep.children if p.dep_ == "pobj"]
    for node in near:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "among"):
                heads.extend(p for p in prep.children if p.dep_ == "pobj")
    people: list[EntityDraft] = []
    for head in heads:
        for node in [head, *head.conjuncts]:
            ent = ctx.entity(node, roles.PERSON_LABELS, named_only=True)
            if ent is not None and ent.label == "PERSON" and ent not in people:
                people.append(ent)
    return people


def _listed_members(ctx: Context, token: Token, word: str) -> None:
    """Membership and candidacy of each person a plural "members of X" or "candidates for
    the election" lists by name."""
    predicate = roles.ROLE_PREDICATES.get(word)
    if predicate not in ("member_of", "candidate_in"):
        return
    people = _listed_people(ctx, token)
    if not people:
        return
    if predicate == "candidate_in":
        group = _election(ctx, token) or (_election(ctx, token.head) if token.dep_ == "dobj" else None)
    else:
        group = _object(ctx, token, "member_of", None)
    if group is None:
        return
    status = roles.status_of_role(token)
    for person in people:
        ctx.add(person, predicate, group, token, status=status)


def _one_among(token: Token) -> bool:
    """An indefinite role "in" a group: "a leader in the party" is one of several."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in token.children)


#: nouns of a post named by its "of" phrase: "the role of air force chief"
_POST_WORDS = word_set("relations", "post_words")
#: verbs whose subject takes such a post: "X took the post of navy chief"
_TAKING = word_set("relations", "taking_verbs")


def _role_taken(token: Token) -> tuple[Token, Token] | None:
    """(verb, taker) of "X is to assume the role of navy chief", "X took the post of
    governor": the role noun in the "of" phrase of a post word the verb's subject takes."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    post = token.head.head
    if post.lemma_.lower() not in _POST_WORDS or post.dep_ != "dobj":
        return None
    verb = post.head
    if verb.lemma_.lower() not in _TAKING:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in ("conj", "xcomp"):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return (verb, subj) if subj is not None else None


def _one_of(token: Token) -> bool:
    """A plural role noun after "one of the": "one of the founders of Y" names one holder."""
    return (token.tag_ in ("NNS", "NNPS") and token.dep_ == "pobj" and token.head.lower_ == "of"
            and token.head.head.lower_ == "one" and token.head.head.head.i != token.head.head.i)


def _role_statements(ctx: Context, token: Token, word: str) -> None:
    """The statements one role noun licenses, when its holder is found.

    The holder, the role's text, status and predicate come first; then its object (the
    organisation, or the country or national body of a post in the state), adjusted to
    the kind of role; then the statements, for the holder and for whoever the holder
    replaced."""
    if token.tag_ in ("NNS", "NNPS") and not _one_of(token):
        _shared_role(ctx, token, word)  # "members of X" names a group, not a holder; but
        before = len(ctx.statements)  # "A and B were appointed deputy rulers of X" gives each the post
        _listed_members(ctx, token, word)
        _mark(ctx.statements[before:], "role:listed")
        return
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PRODUCT", "GPE"):
        return  # "Premier League", "Best Director", "Knight Commander of the Order"
    found = _role_holder(ctx, token)
    if found is None:
        return
    holder, verb, name_head, nominal = found
    role = roles.role_text(token)
    status = roles.status_of_role(token)
    if status == "current" and verb is not None:
        status = roles.clause_status(verb)
    predicate = _role_predicate(word, role)
    if predicate == "candidate_in":
        _candidacy(ctx, token, holder, status, verb)
        return
    obj = _object(ctx, token, predicate, name_head)
    if obj is None and predicate == "leader_of" and _one_among(token) and _leader_among(
            ctx, token, holder, role, status, verb, name_head):
        return
    before = len(ctx.statements)
    if predicate == "member_of" and obj is None:
        if role.startswith("member of "):
            ctx.add(holder, "holds_position", _place(ctx, token), token, role, status, verb)
        return
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    if prev in _HONOUR_WORDS or (
        obj is not None and obj.name.lower().removeprefix("the ").startswith("order ")
    ):
        return  # "Knight Commander of the Order of X" is an honour, not a role
    predicate, role, obj = _kind_of_tie(word, role, predicate, obj)
    obj, predicate, basis = _state_object(ctx, token, role, predicate, obj, nominal)
    if obj is not None and obj.label == "ORG" and predicate != "member_of":
        obj, role = _owner_of_body(ctx, obj, role)  # a member of the bureau is tied to it
    if obj is None:
        if nominal or predicate in ("founded", "member_of"):
            return
        predicate = "holds_position"
    if ctx.ended:
        status = "former"
    _add_role(ctx, token, holder, predicate, obj, role, status, verb)
    _mark(ctx.statements[before:], f"role:{ctx.how}", basis)


def _role_holder(ctx: Context, token: Token) -> tuple[EntityDraft, Token | None, Token | None, bool] | None:
    """(holder, governing verb, name head of a title, whether the holder is unnamed) of a role
    noun: the holder ``_holder`` finds, else an unnamed person known by this role ("the
    Iranian ambassador to Iraq"); None when there is neither. Resets the notes the holder
    patterns leave in ``ctx`` (how, whom the holder replaced, whether the post ended)."""
    ctx.how = "nominal"
    ctx.replaced = None
    ctx.ended = False
    holder, verb, name_head = _holder(ctx, token)
    if holder is not None:
        return holder, verb, name_head, False
    ent = ctx.entity(token, roles.PERSON_LABELS)
    if ent is None or ctx.mention_kind(token, ent) != "nominal":
        return None
    return ent, verb, name_head, True


def _role_predicate(word: str, role: str) -> str:
    """The predicate a role licenses: its head word's, "leader_of" for the leading roles
    ("prime minister"), but never for a deputy ("deputy leader" holds a position)."""
    predicate = roles.ROLE_PREDICATES.get(word, "holds_position")
    if role in roles.LEADER_ROLES:
        predicate = "leader_of"
    if predicate == "leader_of" and set(role.split()) & roles.SECOND_WORDS:
        predicate = "holds_position"  # a deputy leader does not lead
    return predicate


def _candidacy(ctx: Context, token: Token, holder: EntityDraft, status: str, verb: Token | None) -> None:
    """A candidate's statements: candidate in the election, and member of the party that
    fields them ("the Republican candidate", "the MMD candidate")."""
    ctx.add(holder, "candidate_in", _election(ctx, token), token, status=status, verb=verb)
    party = _party_modifier(ctx, token)
    if party is not None:
        ctx.add(holder, "member_of", party, token, status=status, verb=verb)


def _leader_among(ctx: Context, token: Token, holder: EntityDraft, role: str, status: str,
                  verb: Token | None, name_head: Token | None) -> bool:
    """"X, a leader in the Y party", "a commander in the Z": one of its leaders, so a member
    holding a post in it. True when the group is found and the statements are made."""
    group = _object(ctx, token, "member_of", name_head)
    if group is None or group.label not in ("ORG", "NORP"):
        return False
    ctx.add(holder, "member_of", group, token, status=status, verb=verb)
    ctx.add(holder, "holds_position", group, token, role, status, verb)
    _mark(ctx.statements[-2:], f"role:{ctx.how}")
    return True


def _kind_of_tie(word: str, role: str, predicate: str, obj: EntityDraft | None,
                 ) -> tuple[str, str, EntityDraft | None]:
    """(predicate, role, object) adjusted to what the role and its organisation are: a
    faculty member is employed, a nationality is no organisation to lead or work for, a band
    member is a member, a politician of a party is its member, a seat in a legislature is a
    position, and only an organisation employs."""
    if word == "member" and role.split()[0] in ("faculty", "staff"):
        predicate = "employed_by"  # "a faculty member of X" works there
    if obj is not None and obj.label == "NORP" and predicate in ("leader_of", "employed_by"):
        # "South Korean Presbyterian leader": a nationality is no organisation to lead
        keep = role in roles.LEADER_ROLES or word in _NATION_LEADERS
        if not keep and not (word == "leader" and roles.is_party(obj.name)):
            obj = None  # but "Conservative leader X" leads the party
    if word in roles.GROUP_MEMBER_ROLES:
        # "Fall Out Boy bassist X" is a band member; "British singer X" is nothing
        predicate = "member_of" if obj is not None and obj.label == "ORG" else "holds_position"
        obj = obj if predicate == "member_of" else None
    if obj is not None and obj.label in ("ORG", "NORP") and word in roles.POLITICIAN_ROLES:
        if roles.is_party(obj.name) and predicate != "leader_of":
            predicate = "member_of"  # "a Labour Party politician", "a Republican member of"
    if predicate == "member_of" and obj is not None and roles.is_legislature(obj.name):
        predicate, role = "holds_position", "member"  # a seat in a legislature is a position
    if predicate == "employed_by" and obj is not None and obj.label not in ("ORG",):
        predicate = "holds_position"
    return predicate, role, obj


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


def _add_role(ctx: Context, token: Token, holder: EntityDraft, predicate: str, obj: EntityDraft | None,
              role: str, status: str, verb: Token | None) -> None:
    """The role's statement for its holder, and as former for whoever the holder replaced; a
    leader also holds the post ("commander of the Border Guard" is a position)."""
    for who, when in ((holder, status), (ctx.replaced, "former")):
        if who is None:
            continue
        ctx.add(who, predicate, obj, token, role, when, verb if who is holder else None)
        if predicate == "leader_of":
            ctx.add(who, "holds_position", obj, token, role, when, verb if who is holder else None)


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


def _succession_sides(ctx: Context, verb: Token) -> tuple[EntityDraft | None, EntityDraft | None]:
    """(new holder, old holder) of "A replaced B", "B was replaced by A", "appointed A ...,
    replacing B", "A will succeed B"."""
    new_tok, old_tok = _successor_tokens(verb)
    if new_tok is None and verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
        head = verb.head
        # "appointed X ..., replacing Y", "tasked X with ..., succeeding Y": the person the
        # governing verb acts on, else its subject
        new_tok = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "oprd")
                        and ctx.holder(c) is not None), None)
        if new_tok is None:
            new_tok = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    new, old = ctx.holder(new_tok), ctx.holder(old_tok)
    if new is not None and new.label not in roles.PERSON_LABELS:
        new = None
    if old is not None and old.label not in roles.PERSON_LABELS:
        old = None
    return (new, old) if new is not old else (None, None)


def _in_sentence(st: StatementDraft, sent: Span) -> bool:
    return st.anchor is not None and sent.start_char <= st.anchor < sent.end_char


def _successions(ctx: Context, end: int) -> None:
    """A post handed from one person to another: the new holder takes it, the old one held it.

    "Z replaced Y as commander of X", "Y was replaced by Z as police chief", "Z was named
    director of X, replacing Y", "He replaces longtime chief Y": the post is the one the
    clause names ("as ..."), else the one either side holds in the sentence."""
    for verb in ctx.doc:
        if verb.idx >= end:
            break
        if verb.lemma_.lower() not in REPLACE_VERBS or verb.pos_ != "VERB":
            continue
        new, old = _succession_sides(ctx, verb)
        if new is None or old is None:
            continue
        sent = verb.sent
        role_tok = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                         for p in c.children if p.dep_ == "pobj"), None)
        posts = [st for st in ctx.statements if _in_sentence(st, sent) and st.predicate in tenure.POST_PREDICATES]
        if role_tok is not None:
            posts = [st for st in posts if st.anchor == role_tok.idx]
        else:
            # the new holder's post in the sentence, else the old one's; a post with no
            # organisation is too little to hand over
            posts = [st for st in posts if st.object is not None]
            mine = [st for st in posts if st.subject.resolved() is new]
            posts = mine or [st for st in posts if st.subject.resolved() is old]
        status = roles.clause_status(verb)
        if status != "current" or any(c.dep_ == "aux" and c.lower_ in roles.OPEN_MODALS for c in verb.children):
            continue  # "X may replace Y", "X will succeed Y": Y still holds the post
        if role_tok is not None and not posts and roles.role_head_word(role_tok) is not None:
            # "Y was replaced by Z as police commissioner": the role rule found no holder
            role = roles.role_text(role_tok)
            obj = _object(ctx, role_tok, "holds_position", None)
            ctx.add(new, "holds_position", obj, verb, role, status, verb)
            ctx.add(old, "holds_position", obj, verb, role, "former")
            continue
        for st in list(posts):
            holder = st.subject.resolved()
            if holder is old:
                st.status = "former"  # "replaces longtime chief Y": Y's title was his
                other, other_status = new, status
            else:
                other, other_status = old, "former"
            if holder not in (new, old):
                continue
            made = ctx.add(other, st.predicate, st.object, verb, st.role, other_status,
                           verb if other is new else None)
            if made is not None and other is old:
                made.status = "former"

def _counterparts(ctx: Context, end: int) -> None:
    """"President X of Varesh and his Kelani counterpart Y": Y holds X's post, in the country
    the counterpart's nationality names. X is the person the possessive stands for: the one
    named last before it in the sentence with a post there."""
    if "counterpart" not in ctx.state.text[:end].lower():
        return
    for noun in ctx.doc:
        if noun.idx >= end:
            break
        if noun.lemma_.lower() != "counterpart" or noun.pos_ != "NOUN" or noun.tag_ != "NN":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
            continue
        head = _name_right_after(ctx, noun) or next(
            (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        other = ctx.entity(head, roles.PERSON_LABELS, named_only=True) if head is not None else None
        demonym = next((c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.lower_ in DEMONYMS), None)
        if other is None or demonym is None or DEMONYMS[demonym.lower_] not in countries.COUNTRY_SET:
            continue
        sent = noun.sent
        posts = [st for st in ctx.statements if _in_sentence(st, sent) and st.anchor is not None
                 and st.anchor < noun.idx and st.predicate in ("leader_of", "holds_position") and st.role
                 and st.object is not None and st.object.resolved().label == "GPE"
                 and st.subject.resolved() is not other]
        if not posts:
            continue
        last = max(posts, key=lambda st: st.anchor or 0)
        country = countries.country_entity(ctx.state, DEMONYMS[demonym.lower_])
        if country is None or last.object is None or country.resolved() is last.object.resolved():
            continue
        for st in posts:
            if st.subject.resolved() is last.subject.resolved() and st.role == last.role:
                ctx.add(other, st.predicate, country, noun, st.role, st.status, None)


#: verbs that put someone "in the place" of another: "appointed X in his place"
_PLACE_VERBS = word_set("relations", "place_verbs")


def _in_place(ctx: Context, end: int) -> None:
    """"ended Y's appointment as governor of Z, appointing X in his place": X takes the post
    Y held, which the sentence names; "X was named in her stead" likewise. The post handed
    over is the one in the same sentence whose holder is not X and whose term has ended."""
    low = ctx.state.text[:end].lower()
    if "his place" not in low and "her place" not in low and "stead" not in low:
        return
    for noun in ctx.doc:
        if noun.idx >= end:
            break
        if noun.lower_ not in ("place", "stead") or noun.dep_ != "pobj" or noun.head.lower_ != "in":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
            continue
        verb = noun.head.head
        if verb.lemma_.lower() not in _PLACE_VERBS or verb.pos_ != "VERB":
            continue
        who = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        new = ctx.holder(who)
        if new is None or new.label not in roles.PERSON_LABELS:
            continue
        status = roles.clause_status(verb)
        if status != "current" or any(c.dep_ == "aux" and c.lower_ in roles.OPEN_MODALS for c in verb.children):
            continue
        sent = verb.sent
        ended = [st for st in ctx.statements if _in_sentence(st, sent) and st.predicate in tenure.POST_PREDICATES
                 and st.object is not None and st.status == "former" and st.subject.resolved() is not new
                 and st.anchor is not None and st.anchor < verb.idx]
        if not ended:
            continue
        last = max(ended, key=lambda st: st.anchor or 0)
        for st in [st for st in ended if st.subject.resolved() is last.subject.resolved() and st.role == last.role]:
            ctx.add(new, st.predicate, st.object, verb, st.role, status, verb)


def _shared_role(ctx: Context, token: Token, word: str) -> None:
    """ "A and B were appointed deputy rulers of X", "A and B are co-chairs": one post each."""
    verb = token.head
    if token.dep_ not in ("attr", "oprd") or verb.lemma_.lower() not in _ROLE_OR_COPULA:
        return
    subj = _subject(verb, passive_first=True)
    if subj is None:
        return
    people: list[EntityDraft] = []
    for node in [subj, *subj.conjuncts]:
        for cand in [node, *[c for c in node.children if c.dep_ == "appos"]]:
            ent = ctx.entity(cand, roles.PERSON_LABELS, named_only=True)
            if ent is not None and ent not in people:
                people.append(ent)
    if len(people) < 2:
        return
    predicate = roles.ROLE_PREDICATES.get(word, "holds_position")
    if predicate not in ("leader_of", "holds_position", "employed_by", "advisor_to", "spokesperson_for", "member_of"):
        return
    role = roles.role_text(token)
    if predicate == "leader_of" and set(role.split()) & roles.SECOND_WORDS:
        predicate = "holds_position"
    obj = _object(ctx, token, predicate, None)
    if obj is None:
        return
    status = roles.clause_status(verb)
    before = len(ctx.statements)
    for person in people:
        ctx.add(person, predicate, obj, token, role, status, verb)
    _mark(ctx.statements[before:], "role:shared")

