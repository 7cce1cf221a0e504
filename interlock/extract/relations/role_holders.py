"""Role holders: the person a role noun is said of, found in the dependency parse.

Reads the parse around a role noun (``token.dep``, ``token.head``, ``token.lemma``,
``token.tag``, ``token.ent_type``) and the entities through ``Context``; adds no statement.
The holder is found by title ("Prime Minister X"), by apposition ("X, the commander of Y",
"the commander of Y, X"), by copula ("X is a member of Y", "X, who is ..."), by a role verb
("served as", "was appointed", "named", "elected"), by "one of" the holders, by a
replacement ("X replaced Y as ...") or a removal ("X was removed as ..."). Which pattern
found it is left in ``ctx.how``, whom the holder replaced in ``ctx.replaced``, and whether
the post ended in ``ctx.ended``.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.relations.context import ORG_LIKE, Context
from interlock.extract.state import EntityDraft
from interlock.vocab.words import word_set

#: role verbs and the copula: their subject holds the role they govern ("X is a member of Y")
_ROLE_OR_COPULA = roles.ROLE_VERBS | word_set("relations", "copulas")
#: verbs that are no role verbs but whose subject holds a role given "as"
SUBJECT_VERBS = word_set("relations", "subject_verbs")


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
