"""Whose tenure the article ends: posts held by someone ousted, replaced, dead or resigned are former.

A post's status comes first from its own phrase ("former", "-elect") and its
clause ("served as X until ..."). Real reports often end a tenure elsewhere:
"the president dismissed Prime Minister X", "X was killed in a strike", "Y
replaces X", "the late X", "the ousting of X". This module finds the people
whose tenure the text ends and turns their current posts former, except a
post the same sentence gives them ("the dismissed premier X was appointed to
the council": the council seat is new).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from interlock.extract import roles
from interlock.extract.state import DocState, EntityDraft, StatementDraft
from interlock.vocab.words import word_set

#: verbs whose object (or passive subject) loses a post: "ousted X", "X was replaced"
OBJECT_ENDINGS = word_set("roles", "object_endings")
#: verbs whose subject leaves a post: "X resigned", "X died", "X stepped down"
SUBJECT_ENDINGS = word_set("roles", "subject_endings")
#: nouns that end someone's tenure: "the ousting of X", "X's death"
NOUN_ENDINGS = word_set("roles", "noun_endings")
#: modifiers of a name that say its bearer no longer holds office
ENDED_MODIFIERS = roles.ENDED_PARTICIPLES | word_set("roles", "ended_modifiers")
#: verbs that give a post in the same sentence ("was appointed", "named", "became")
GIVING_VERBS = word_set("roles", "giving_verbs")
_ENDING_LEMMAS = OBJECT_ENDINGS | SUBJECT_ENDINGS | NOUN_ENDINGS
POST_PREDICATES = frozenset(("holds_position", "leader_of", "spokesperson_for", "advisor_to", "employed_by"))


def _person_at(state: DocState, token: Token) -> EntityDraft | None:
    ent = state.entity_at(token.idx, token.idx + len(token.text), exact=False)
    if ent is None:
        return None
    ent = ent.resolved()
    return ent if ent.label == "PERSON" else None


def _heads(token: Token) -> list[Token]:
    """A phrase's head and its coordinated heads ("X and Y")."""
    out = [token]
    out.extend(t for t in token.conjuncts if t.i > token.i)
    return out


#: auxiliaries that leave an ending open: "may resign", "will be dismissed"
_OPEN_AUX = roles.OPEN_MODALS | word_set("roles", "open_infinitive")
#: auxiliaries and negations that leave an ending open or deny it: "did not resign"
_OPEN_OR_NEGATED = _OPEN_AUX | word_set("roles", "negations")
#: words over an ending noun that ask for it rather than report it: "calls for the removal of X"
_ASKING = word_set("roles", "asking_words")


#: verbs that make their object do what follows: "forcing X to flee" ("push X to" only asks: _ASKING)
_CAUSATIVES = word_set("roles", "causative_verbs")


def _caused(tok: Token) -> bool:
    """True for the infinitive a causative verb governs: "flee" in "forcing X to flee"."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _CAUSATIVES


def _forced(tok: Token) -> bool:
    """ "forced X to flee", "forcing X to resign": the ending happened to the object."""
    return _caused(tok) and not _open(tok.head) and any(c.dep_ == "dobj" for c in tok.head.children)


#: nouns of a seizure of power, whose purpose ("a coup to remove X") was achieved when it happened
_SEIZURE_NOUNS = word_set("roles", "seizure_nouns")


def _coup_purpose(tok: Token) -> bool:
    """ "staged a coup to remove President X": the infinitive of a coup that took place."""
    if tok.dep_ not in ("xcomp", "advcl", "acl"):
        return False
    head = tok.head
    if head.lemma_.lower() in _SEIZURE_NOUNS:
        head = head.head
    elif not any(c.dep_ == "dobj" and c.lemma_.lower() in _SEIZURE_NOUNS for c in head.children):
        return False
    return head.tag_ == "VBD" or (head.tag_ == "VBN" and any(c.lower_ in ("had", "has", "have") for c in head.children))


def _open(tok: Token) -> bool:
    """True when an ending is asked for, feared or denied, not reported: "push Y to dismiss X",
    "threatened to resign", "the motions for the removal of X", "did not resign"."""
    if _coup_purpose(tok):
        return False  # "staged a coup to remove X": done when the coup was
    if _caused(tok):
        return _open(tok.head)
    if any(c.dep_ in ("aux", "auxpass", "neg") and c.lower_ in _OPEN_OR_NEGATED
           for c in tok.children):
        return True
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VB":
        return True  # a bare infinitive: "to dismiss", "could resign"
    if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children):
        return True  # "he is being sidelined": under way, not done
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj"):
        return True  # "removing X could be a risky move": the act talked about, not reported
    node = tok
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in _ASKING:
            return True
    return False


#: verbs that announce what their clause says: "X announced that he is resigning"
_TELLING = word_set("roles", "telling_verbs")


def _teller(verb: Token) -> Token | None:
    """The subject of the announcing verb a clause hangs from, a few steps up."""
    node = verb
    for _ in range(3):
        if node.head is node:
            return None
        node = node.head
        if node.lemma_.lower() in _TELLING and node.pos_ == "VERB":
            return next((c for c in node.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return None


#: prepositions of company on a verb: "along with", "together with", "alongside"
_COMPANY_PREPS = word_set("roles", "company_preps")

def _along_with(verb: Token) -> list[Token]:
    """The objects of "along with", "together with", "alongside" on a verb."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _COMPANY_PREPS:
            continue
        preps = [c, *[d for d in c.children if d.dep_ == "prep" and d.lower_ == "with"]]
        if c.lower_ == "with" and not any(d.lower_ in ("along", "together") for d in c.children):
            continue  # "killed with a drone": only "along/together with" names a companion
        out.extend(p for prep in preps for p in prep.children if p.dep_ == "pobj")
    return out


#: a span of years in brackets: "(2018-2022)"
_YEARS = re.compile(r"\((?:\d{4})\s*[-–]\s*(\d{4})\)")


def _closed_terms(state: DocState) -> set[int]:
    """People named right before a closed span of years ("president X (2018-2022)"), when
    the span ends before the article's year."""
    out: set[int] = set()
    if state.published is None:
        return out
    for match in _YEARS.finditer(state.text):
        if int(match.group(1)) >= state.published.year:
            continue
        before = state.mentions_in(max(0, match.start() - 60), match.start())
        if not before:
            continue
        mention, ent = before[-1]
        if state.text[mention.end : match.start()].strip() == "" and ent.resolved().label == "PERSON":
            out.add(id(ent.resolved()))
    return out


def _unparsed_apposition(noun: Token) -> list[Token]:
    """ "the death of his cousin, Sultan X bin Said": the parser may not hang the name on the
    noun it stands beside (it reads "Said" as a verb); a name right after the noun and a comma is
    the noun's apposition."""
    doc = noun.doc
    k = noun.i + 1
    if k + 1 < len(doc) and doc[k].text == "," and noun.pos_ == "NOUN" and doc[k + 1].text[:1].isupper() \
            and not any(c.dep_ == "appos" for c in noun.children):
        return [doc[k + 1]]
    return []


def ended_people(doc: Doc, state: DocState) -> set[int]:
    """Ids of the person clusters whose tenure the text ends."""
    ended: set[int] = set()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma not in _ENDING_LEMMAS and tok.lower_ not in ENDED_MODIFIERS and not tok.lower_.startswith("then-"):
            continue
        if (lemma in _ENDING_LEMMAS) and _open(tok):
            continue
        names: list[Token] | None = []
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD"):
            names = _ended_by_verb(tok, lemma)
        elif tok.pos_ == "NOUN" and lemma in NOUN_ENDINGS:
            names = _ended_by_noun(tok)
        if names is None:
            continue  # "end" and "step" in another sense ("the end of the war", "stepped in")
        names.extend(_ended_by_modifier(tok))
        for name in names:
            _mark_ended(state, name, ended)
    return ended | _closed_terms(state)


def _mark_ended(state: DocState, token: Token, ended: set[int]) -> None:
    """Add to ``ended`` the person a name token (and those coordinated with it) stands for."""
    for t in _heads(token):
        # "dismissed Prime Minister X": the name is the head or its appositive
        head = t.head if t.dep_ == "compound" and t.head.i > t.i else t
        # a name the parser cut into a "preposition" ("governor Than Nyein": "Than" as prep)
        misread = [p for c in t.children if c.dep_ == "prep" and c.ent_type_ == "PERSON"
                   for p in (c, *c.children)]
        for cand in [t, head, *[c for c in t.children if c.dep_ == "appos"], *misread]:
            ent = _person_at(state, cand)
            if ent is not None:
                ended.add(id(ent))


#: nouns of a term of office: "end" ends a tenure only with one of these ("ended his term")
_TERM_NOUNS = word_set("roles", "term_nouns")
#: verbs of death, whose victims include those "along with" the one named
_DEATH_VERBS = word_set("roles", "death_verbs")

def _ended_by_verb(tok: Token, lemma: str) -> list[Token] | None:
    """The names whose tenure an ending verb ends: its object or passive subject ("ousted
    X"), the subject of a verb of leaving ("X resigned"), the passive subject of one caused
    ("X was forced to resign"), and those killed along with them. None for "end" that ends
    no term and "step" that is not "step down" or "step aside"."""
    names: list[Token] = []
    if lemma in OBJECT_ENDINGS:
        if lemma == "end" and not any(c.lower_ in _TERM_NOUNS for c in tok.subtree):
            return None
        names.extend(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in tok.children):
            names.append(tok.head)  # "X, sacked as chief"
    elif lemma in SUBJECT_ENDINGS:
        if lemma == "step" and not any(c.lower_ in ("down", "aside") for c in tok.children):
            return None
        names.extend(_leavers(tok))
    if lemma in SUBJECT_ENDINGS and _caused(tok) and not _forced(tok) and not _open(tok.head) \
            and not any(c.dep_ == "dobj" for c in tok.children):
        # "X was forced to resign", "A and B were allowed to retire": the passive's subject
        names.extend(roles.climb_relative(c) for c in tok.head.children if c.dep_ == "nsubjpass")
    if lemma in _DEATH_VERBS:
        names.extend(_along_with(tok))  # "Along with commander X, Y was killed": X too
    return names


def _leavers(tok: Token) -> list[Token]:
    """Who leaves a post by a verb of leaving: its subject (a pronoun's referent: the
    relative clause's head, or the teller of "announced that he is resigning"), the head of
    "X, who resigned", the name before a subjectless "after its leader X died", and the
    object of "forcing X to flee"."""
    names: list[Token] = []
    for c in tok.children:
        if c.dep_ != "nsubj":
            continue
        if c.pos_ == "PRON" and tok.dep_ == "advcl" and tok.head.dep_ == "relcl":
            names.append(tok.head.head)  # "Y, who served as X until he resigned": Y
        elif c.pos_ == "PRON" and c.lower_ in ("he", "she") and tok.dep_ != "ROOT":
            teller = _teller(tok)  # "X announced that he is resigning": X
            if teller is not None:
                names.append(teller)
        elif c.pos_ != "PRON" or tok.dep_ == "ROOT":
            names.append(c)
    if tok.dep_ == "relcl":  # "X, who resigned in 2020"
        names.append(tok.head)
    if tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "after its leader X died": the parser made the leader the object of
        # "after"; the name just before the subjectless verb is who died
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.ent_type_ == "PERSON":
            names.append(before)
    if _forced(tok):  # "forcing President X to flee"
        names.extend(c for c in tok.head.children if c.dep_ == "dobj")
    return names


def _ended_by_noun(tok: Token) -> list[Token]:
    """The names an ending noun ends the tenure of: "X's death", "the ousting of X"."""
    names: list[Token] = []
    for c in tok.children:
        if c.dep_ == "poss":
            names.append(c)
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    names.append(p)
                    names.extend(_unparsed_apposition(p))
    return names


def _ended_by_modifier(tok: Token) -> list[Token]:
    """The name an ending modifier describes: "the late X", "the ousted President X",
    "then-President X"."""
    low = tok.lower_
    if (low in ENDED_MODIFIERS and tok.dep_ in ("amod", "compound", "nmod", "advmod")) or (
        low.startswith("then-") and len(low) > 5
    ):
        head = tok.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return [head]
    return []


def _gives_post(st: StatementDraft, doc: Doc, state: DocState) -> bool:
    """True when the statement's own sentence gives its subject a post ("X was appointed Y",
    "named X as Y", "X replaced Z"), so the post is new whatever ended before."""
    span = doc.char_span(st.evidence[0], st.evidence[1], alignment_mode="expand")
    if span is None:
        return False
    holder = st.subject.resolved()
    for t in span:
        if t.lemma_.lower() not in GIVING_VERBS or t.pos_ != "VERB" or t.dep_ == "amod":
            continue
        for child in t.children:
            if child.dep_ not in ("dobj", "nsubjpass", "nsubj", "oprd"):
                continue
            if t.lemma_.lower() in ("replace", "succeed") and child.dep_ in ("dobj", "nsubjpass"):
                continue  # "Varesh replaces its army chief X": X is the one who goes
            for node in [child, *child.conjuncts, *[c for c in child.children if c.dep_ == "appos"]]:
                ent = _person_at(state, node)
                if ent is holder:
                    return True
    return False


def end_tenures(doc: Doc, state: DocState, statements: list[StatementDraft]) -> None:
    """Turn the current posts of people whose tenure the text ends former."""
    ended = ended_people(doc, state)
    if not ended:
        return
    for st in statements:
        if (
            st.predicate in POST_PREDICATES
            and st.status == "current"
            and st.modality not in ("planned", "negated", "conditional")
            and id(st.subject.resolved()) in ended
            and not _gives_post(st, doc, state)
        ):
            st.status = "former"
