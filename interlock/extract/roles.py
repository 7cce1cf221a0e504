"""Roles: which noun names a position, how it reads normalised, who holds it, and since when.

A *role noun* is the head of a phrase naming a position ("commander",
"prime minister", "member of parliament"). This module turns a role noun
token into a normalised role string, decides which vocabulary predicate the
role licenses (leader_of, spokesperson_for, member_of ...), finds the holder
of the role in the dependency parse, and reads the role's status (current,
former, planned). ``interlock.extract.relations`` assembles the statements.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.vocab.words import word_list, word_set

#: role head word -> predicate the role licenses when it has an organisation (one word list a predicate)
ROLE_PREDICATES: dict[str, str] = {
    **dict.fromkeys(word_list("roles", "leader_of_roles"), "leader_of"),
    **dict.fromkeys(word_list("roles", "spokesperson_for_roles"), "spokesperson_for"),
    **dict.fromkeys(word_list("roles", "advisor_to_roles"), "advisor_to"),
    **dict.fromkeys(word_list("roles", "member_of_roles"), "member_of"),
    **dict.fromkeys(word_list("roles", "founded_roles"), "founded"),
    **dict.fromkeys(word_list("roles", "candidate_in_roles"), "candidate_in"),
    **dict.fromkeys(word_list("roles", "employed_by_roles"), "employed_by"),
    **dict.fromkeys(word_list("roles", "holds_position_roles"), "holds_position"),
}

#: multi-word roles that lead a country or body whatever their head word says
LEADER_ROLES = word_set("roles", "leader_roles")

#: band and team roles: membership rather than employment (Re-DocRED's P463)
GROUP_MEMBER_ROLES = word_set("roles", "group_member_roles")
#: roles of elected politicians: with a party as their organisation they state membership
POLITICIAN_ROLES = word_set("roles", "politician_roles")
#: words that make an organisation a political party ("Labour", "the Democratic Party")
PARTY_WORDS = word_set("roles", "party_words")
#: words that make an organisation a legislature, whose members hold a seat (a position)
LEGISLATURE_WORDS = word_set("roles", "legislature_words")
#: role words that make a role second in command, not the leader
SECOND_WORDS = word_set("roles", "second_words")
#: roles whose "of" phrase names a portfolio or a subject, not an employer
PORTFOLIO_ROLES = word_set("roles", "portfolio_roles")


def name_words(name: str) -> set[str]:
    """The lowercased words of an entity name, for the word lists above."""
    return {w.strip(".,'’()").lower() for w in name.replace("-", " ").split()}


def is_party(name: str) -> bool:
    """True when an organisation's name reads like a political party's."""
    return bool(name_words(name) & PARTY_WORDS)


def is_legislature(name: str) -> bool:
    """True when an organisation's name reads like a legislature's."""
    return bool(name_words(name) & LEGISLATURE_WORDS)

#: modifiers that belong to the role's name ("prime minister", "media advisor")
ROLE_MODIFIERS = word_set("roles", "role_modifiers")

#: role modifiers that mark a past role
FORMER_WORDS = word_set("roles", "former_words")
#: participles of losing an office, before a title or a name ("the ousted president")
ENDED_PARTICIPLES = word_set("roles", "ended_participles")
#: participles before a title that say its holder lost it ("the dismissed Prime Minister, X")
ENDED_TITLE_WORDS = ENDED_PARTICIPLES | word_set("roles", "ended_title_participles")
#: role modifiers that mark a future role
PLANNED_WORDS = word_set("roles", "planned_words")
#: words never part of a role's name though they modify it
NOT_ROLE_WORDS = FORMER_WORDS | PLANNED_WORDS | word_set("roles", "not_role_words")

#: verbs that give someone a role: "was appointed X", "served as X"
ROLE_VERBS = word_set("roles", "role_verbs")
#: auxiliaries that leave a change of post open: "X may replace Y", "Y could resign"
OPEN_MODALS = word_set("roles", "open_modals")
#: role verbs whose role lies ahead when they govern an infinitive or an agreement
PLAN_NOUNS = word_set("roles", "plan_nouns")
#: verbs in a conjunct clause that end a role ("served as X, but cut his ties")
ENDING_VERBS = word_set("roles", "ending_verbs")
PERSON_LABELS = frozenset(("PERSON",))
#: bodies that complete a role's name when they follow "of" without a name
BODY_WORDS = word_set("roles", "body_words")
#: dependencies through which a clause's negation reaches a role or relation word
CLIMB_DEPS = frozenset(("attr", "acomp", "pobj", "prep", "xcomp", "ccomp", "oprd", "agent", "dobj"))


#: words after a capitalised role word that make it a given name: "Sultan bin Salem"
_SON_OF = word_set("roles", "son_of_particles")

def role_head_word(token: Token) -> str | None:
    """The lowercased role word of a token when it heads a role phrase, else None."""
    low = token.lower_
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for word in (low, token.lemma_.lower()):
        if word in ROLE_PREDICATES:
            if token.text[:1].isupper() and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in _SON_OF:
                return None  # "Sultan bin Salem", "Amir bin Khalid": a given name before "son of"
            return word
    if low == "prince" and token.i > 0 and token.nbor(-1).lower_ == "crown":
        return "prince"  # "crown prince" is a post; "Prince X" alone is a rank of birth
    if low.startswith("ex-") and low[3:] in ROLE_PREDICATES:
        return low[3:]
    if low.endswith("-general") and low.split("-")[0] in ROLE_PREDICATES:
        return low
    return None


#: body words the recogniser may tag as an organisation on their own ("Army chief X")
_BODY_MODIFIERS = word_set("roles", "body_modifiers")


def role_text(token: Token) -> str:
    """The normalised role a role noun names: "prime minister", "member of parliament"."""
    doc = token.doc
    words: list[str] = []
    i = token.i - 1
    # a contiguous run of role modifiers to the left belongs to the role's name
    while i >= 0:
        mod = doc[i]
        if mod.dep_ not in ("compound", "amod", "nmod") or not (i < mod.head.i <= token.i):
            break
        low = mod.lower_.strip("-")
        if low == "bank" and i > 0 and doc[i - 1].lower_ == "central" and not mod.ent_type_:
            words[:0] = ["central", "bank"]  # "central bank governor X", in lowercase: the bank is unnamed
            i -= 2
            continue
        alone = mod.ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
        if low in NOT_ROLE_WORDS or (mod.ent_type_ and low not in _BODY_MODIFIERS and not alone) \
                or low not in ROLE_MODIFIERS:
            # (a title word the model tagged as an entity on its own, "Supreme" Leader, stays)
            break
        words.insert(0, low)
        i -= 1
    head = token.lower_
    if head.startswith("ex-"):
        head = head[3:]
    if token.tag_ in ("NNS", "NNPS") and token.lemma_:
        head = token.lemma_.lower()
    # "secretary-general", "editor-in-chief": the tokenizer splits at the hyphens
    j = token.i + 1
    while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        head = f"{head}-{doc[j + 1].lower_}"
        j += 2
    words.append(head)
    role = " ".join(words)
    # a body without a name completes the role: "member of parliament"
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lower_ == "staff":
                    # "Chief of (the) Naval Staff": the whole title is the post
                    mods = [m.lower_ for m in pobj.lefts if m.dep_ in ("compound", "amod") and m.is_alpha]
                    role = " ".join([role, "of", *mods, "staff"])
                elif pobj.dep_ == "pobj" and not pobj.ent_type_ and pobj.lower_ in BODY_WORDS:
                    role = f"{role} of {pobj.lower_}"
                elif (pobj.dep_ == "pobj" and token.lemma_.lower() in ("minister", "secretary")
                      and pobj.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON") and pobj.pos_ in ("NOUN", "PROPN")):
                    # "minister of finance", "Minister of Foreign Affairs": the portfolio is the post's
                    words = [t.lower_ for t in pobj.lefts if t.dep_ in ("compound", "amod") and t.is_alpha]
                    role = " ".join([role, "of", *words, pobj.lower_])
    for old, new in (("spokesman", "spokesperson"), ("spokeswoman", "spokesperson"), ("adviser", "advisor")):
        role = role.replace(old, new)
    return role


def _of_a_former_body(token: Token) -> bool:
    """A role of a body the text calls former: "spokesperson for the previous government"
    (the parser may hang the "for" on the name the role is in apposition to)."""
    owners = [token]
    node = token
    while node.dep_ in ("conj", "appos") and node.head.i != node.i and len(owners) < 4:
        node = node.head
        owners.append(node)
    return any(prep.dep_ == "prep" and prep.i > token.i and prep.lower_ in ("for", "of", "in")
               and pobj.dep_ == "pobj" and any(m.dep_ == "amod" and m.lower_ in FORMER_WORDS for m in pobj.children)
               for owner in owners for prep in owner.children for pobj in prep.children)


#: adverbs that make a role past: "formerly X", "X, previously minister"
_FORMER_ADVERBS = word_set("roles", "former_adverbs")
#: modifiers of a role that make it past: the role modifiers and those adverbs
_FORMER_MODIFIERS = FORMER_WORDS | _FORMER_ADVERBS

#: words right after a role that make it planned: "President-elect X", "minister designate"
_PLANNED_AFTER = word_set("roles", "planned_after")

def status_of_role(token: Token) -> str:
    """Current, former or planned, from the role phrase's own modifiers ("former", "-elect")."""
    low = token.lower_
    doc = token.doc
    # "ex-president" is split "ex", "-", "president" by the tokenizer
    if low.startswith("ex-") or (token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "ex"):
        return "former"
    for child in token.children:
        word = child.lower_.strip("-")
        if child.dep_ in ("amod", "compound", "advmod", "nmod") and word in _FORMER_MODIFIERS:
            return "former"
        if child.dep_ in ("amod", "compound") and word in ENDED_TITLE_WORDS:
            return "former"  # "the dismissed Prime Minister, X": the title is the one he lost"
        if child.dep_ in ("amod", "compound", "advmod", "nmod") and word in PLANNED_WORDS:
            return "planned"
        if word == "ex" or child.lower_.startswith("ex-"):
            return "former"
    if token.dep_ == "conj" and not any(c.dep_ == "det" for c in token.children) and any(
            c.dep_ in ("amod", "advmod") and c.lower_.strip("-") in FORMER_WORDS and c.i < token.head.i
            for c in token.head.children):
        return "former"  # "a former trade minister and deputy head of X": one "former" for both
    if _of_a_former_body(token) or any(_of_a_former_body(c) for c in token.conjuncts if c.i > token.i):
        return "former"  # "spokesperson for the previous government", "minister and spokesperson for ..."
    edge = token.left_edge.i
    if edge > 0 and doc[edge - 1].lower_ in _FORMER_ADVERBS and doc[edge - 1].head.i != token.i:
        return "former"  # "X -- formerly Varesh security minister, now ...": the parser hung the adverb elsewhere
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ in _PLANNED_AFTER:
        return "planned"
    return "current"


def _sworn_in_before(verb: Token) -> bool:
    """True when the story has already told a swearing-in ("swore in a new government", "was
    sworn in") before this sentence: its "X will serve as Y" is the government now in office."""
    doc = verb.doc
    for tok in doc[: verb.sent.start]:
        # "swore in", "was sworn in" (the tagger sometimes takes "swore" for a noun)
        if tok.lower_ in ("swore", "sworn") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "in" and not any(
                c.dep_ in ("aux", "neg") and c.lower_ in ("will", "shall", "not", "to") for c in tok.children):
            return True
    return False


#: adverbs of a role verb that put the role in the past: "formerly served as"
_PAST_ADVERBS = word_set("roles", "past_adverbs")
#: words of an "until" phrase that bring the role to the present: "until now", "to date"
_PRESENT_WORDS = word_set("roles", "present_words")
#: verbs governing a role that make it past: "resigned as X"
_LEAVING_VERBS = word_set("roles", "leaving_verbs")
#: verbs over a role verb's infinitive that make the role planned: "is set to become", "agreed to appoint"
_PLANNING_VERBS = word_set("roles", "planning_verbs")

def clause_status(verb: Token) -> str:
    """Status a governing verb gives a role: "served as X but cut his ties" is former."""
    for child in verb.children:
        if child.dep_ == "conj" and child.lemma_.lower() in ENDING_VERBS:
            return "former"
        if child.dep_ == "advmod" and child.lower_ in _PAST_ADVERBS:
            return "former"
        if child.dep_ == "prep" and child.lower_ == "until" and verb.tag_ in ("VBD", "VBN") and not any(
            p.lower_ in _PRESENT_WORDS for p in child.subtree
        ):
            return "former"  # "served until 2019"; "from 2014 until now" is still
        if (
            child.dep_ == "advcl"
            and verb.tag_ in ("VBD", "VBN")
            and any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in child.children)
            and child.tag_ in ("VBD", "VBN")
        ):
            return "former"  # "served as spokesperson until he resigned"
    if verb.lemma_.lower() in _LEAVING_VERBS:
        return "former"
    if verb.lemma_.lower() in ("be", "serve") and any(
        a.dep_ == "aux" and a.lower_ == "had" for a in verb.children
    ) and verb.dep_ in ("relcl", "advcl", "ccomp"):
        return "former"  # "X, who had been Turkey's intelligence chief since 2010, was appointed ..."
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall") for a in aux):
        if verb.lemma_.lower() == "serve" and _sworn_in_before(verb):
            return "current"  # "Sisi swore in a new government ... X will serve as prime minister"
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(a.lower_ == "to" for a in aux):
        return "planned"  # "X is to assume the role of Y"
    if verb.lemma_.lower() == "serve" and verb.tag_ == "VBD" and not aux:
        return "former"  # "X, who served as chairman of Y, was appointed ...": a past post
    if any(c.lower_ == "set" for c in verb.children) or (
        verb.dep_ in ("xcomp",)
        and verb.head.lemma_.lower()
        in _PLANNING_VERBS
    ):
        return "planned"
    if verb.tag_ == "VB" and verb.dep_ in ("acl", "xcomp") and verb.head.lemma_.lower() in PLAN_NOUNS:
        return "planned"
    if verb.dep_ in ("acl", "xcomp") and verb.head.lower_ in PLAN_NOUNS:
        return "planned"
    return "current"


def is_conditional(token: Token) -> bool:
    """True when an if-clause governs the clause of this token ("..., if he accepts")."""
    node: Token | None = token
    seen = 0
    while node is not None and seen < 12:
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless", "provided") for m in child.children
            ):
                return True
        if node.head is node or node.dep_ in ("appos", "nsubj", "nsubjpass", "relcl"):
            # a role in apposition to a clause's subject is not under that clause's condition
            break
        node = node.head
        seen += 1
    return False


def _has_neg(node: Token) -> bool:
    return any(
        c.dep_ == "neg" and not (c.nbor(1).lower_ == "longer" if c.i + 1 < len(c.doc) else False)
        for c in node.children
    )


def _no_longer(node: Token) -> bool:
    return any(c.lower_ == "longer" and c.dep_ == "advmod" for c in node.children)


def polarity(token: Token) -> tuple[bool, bool]:
    """(negated, no-longer) for the clause of a licensing word.

    Negations are counted up the predication ("is not a member", "does not
    mean that ... no longer"), stopping at appositions and relative clauses
    so that a negated main verb does not negate a role in apposition; an even
    count cancels out.
    """
    count = 0
    no_longer = False
    node = token
    for _ in range(10):
        if _has_neg(node):
            count += 1
        if _no_longer(node):
            no_longer = True
        if node.dep_ not in CLIMB_DEPS or node.head is node:
            break
        node = node.head
    if no_longer:
        # "no longer" is itself a negation of the present: the role has ended, unless a
        # negation above cancels it ("this does not mean X is no longer affiliated")
        return False, count % 2 == 0
    return count % 2 == 1, False


def climb_relative(token: Token) -> Token:
    """The noun a relative pronoun stands for ("Asadi, who is ..." -> Asadi)."""
    if token.tag_ in ("WP", "WDT") or token.lower_ in ("who", "which", "that"):
        verb = token.head
        if verb.dep_ == "relcl":
            antecedent = verb.head
            if token.lower_ in ("that", "which"):
                # "the KDP and the PUK (PUK) that was founded by X": the parser hangs the
                # clause on the first name; it is of the name just before it
                for conj in antecedent.conjuncts:
                    gap = token.doc[conj.right_edge.i + 1 : token.i]
                    if conj.i > antecedent.i and conj.pos_ == "PROPN" and all(t.is_punct for t in gap):
                        return conj
            return antecedent
    return token
