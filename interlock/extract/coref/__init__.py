"""Within-document coreference: names, short names, acronyms, role nominals, pronouns.

Reads: the entity drafts (one per mention) and the parse. Merges drafts into
clusters in ``state``. Rules run from the most to the least reliable: equal
names, then short names and acronyms, then appositions, then definite role
nominals ("the ambassador"), then personal pronouns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from interlock.extract.aliases import merge_stated_aliases
from interlock.extract.lexicon import (
    FEMALE_NAMES,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    MALE_NAMES,
    NAME_PARTICLES,
    PLACE_ALIASES,
    ROLE_NOUNS,
)
from interlock.extract.state import DocState, EntityDraft, MentionDraft, text_of
from interlock.names import fold, skeleton
from interlock.vocab.words import word_set

_WORD = re.compile(r"[^\W\d_]+")
_STOP = word_set("coref", "name_stop_words")
MALE = word_set("coref", "male_pronouns")
FEMALE = word_set("coref", "female_pronouns")
_MALE_TITLES = word_set("coref", "male_titles")
_FEMALE_TITLES = word_set("coref", "female_titles")
_PERSONAL = ("PERSON",)


def name_words(text: str) -> list[str]:
    """Lowercased words of a name without Arabic/Persian particles and articles."""
    words = [w for w in _WORD.findall(text.lower())]
    kept = [w for w in words if w not in NAME_PARTICLES and w not in ("the",)]
    return kept or words


def name_keys(text: str) -> list[str]:
    """Transliteration-folded keys of a name's words ("al-Hashemi" and "Al-Hashimi" agree)."""
    return list(_name_keys(text))


@lru_cache(maxsize=65536)
def _name_keys(text: str) -> tuple[str, ...]:
    return tuple(skeleton(w) for w in folded_words(text))


@lru_cache(maxsize=65536)
def folded_words(text: str) -> tuple[str, ...]:
    """``name_words`` of the accent- and apostrophe-folded name ("Sa'adi" is one word)."""
    return tuple(name_words(fold(text)))


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The transliteration-folded key of one word."""
    return skeleton(fold(word))


def initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym is formed from the initials of a name's main words."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    words = [w for w in _WORD.findall(name) if w.lower() not in _STOP]
    if len(letters) < 2 or len(words) < 2:
        return False
    initials = "".join(w[0].lower() for w in words)
    return initials == letters or initials.rstrip("s") == letters


def cluster(doc: Doc, state: DocState) -> None:
    """Merge the entity drafts of one document into clusters."""
    _merge_names(doc, state)
    merge_stated_aliases(state.text or text_of(doc), state)
    _merge_appositions(doc, state)
    _merge_predicatives(doc, state)
    _merge_definite_nominals(doc, state)
    _resolve_pronouns(doc, state)
    _merge_predicatives(doc, state)  # again, for "He is believed to be a member of X"
    for ent in state.live_entities():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
        _choose_name(ent)
        if ent.label == "PERSON" and _only_ever_a_place(doc, ent):
            ent.label = "GPE"


_LOCATIVE = word_set("coref", "locative_preps")


def _only_ever_a_place(doc: Doc, ent: EntityDraft) -> bool:
    """A "person" never described, never a pronoun's antecedent, only ever "in X"."""
    if any(m.kind in ("nominal", "pronoun") for m in ent.mentions) or ent.descriptors:
        return False
    for m in ent.mentions:
        span = _span_of(doc, m)
        if span is None:
            return False
        root = span.root
        if not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
            return False
    return True


def _key(ent: EntityDraft) -> str:
    text = ent.mentions[0].text
    if ent.label in ("GPE", "LOC"):
        text = PLACE_ALIASES.get(text.lower(), text)
    if ent.label == "PERSON":
        return " ".join(name_keys(text))
    return " ".join(name_words(text))


def _merge_names(doc: Doc, state: DocState) -> None:
    """Equal names, then short names and acronyms, in text order."""
    named = sorted(
        (e for e in state.live_entities() if e.mentions and e.mentions[0].kind != "nominal"),
        key=lambda e: e.first_start,
    )
    by_key: dict[tuple[str, str], EntityDraft] = {}
    for ent in named:
        group = "PERSON" if ent.label == "PERSON" else ("PLACE" if ent.label in ("GPE", "LOC") else ent.label)
        k = (group, _key(ent))
        if k in by_key:
            state.merge(by_key[k], ent)
        else:
            by_key[k] = ent
    live = [e for e in named if e.merged_into is None]
    full = sorted(live, key=lambda e: -len(name_words(e.mentions[0].text)))
    for ent in sorted(live, key=lambda e: e.first_start):
        if ent.merged_into is not None:
            continue
        target = _longer_form(ent, full)
        if target is not None and target.label in ("PERSON", "ORG") and ent.label in ("NORP", "ORG") \
                and _group_word(doc, ent):
            target = None  # "the Houthi group" is neither Abdul-Malik al-Houthi nor the Houthi Supreme Council
        if target is not None:
            keep = state.merge(target, ent)
            if ent.label == "PERSON" or target.label == "PERSON":
                keep.label = "PERSON"


def _group_word(doc: Doc, ent: EntityDraft) -> bool:
    """A people's name used as one: every mention qualifies a noun ("the Houthi group", "Houthi-run") or is plural."""
    for m in ent.mentions:
        span = _span_of(doc, m)
        if span is None:
            return False
        root = span.root
        # (the token after, not doc.text: Doc.text rebuilds the whole string on each access)
        hyphened = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
        qualifies = root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i and root.head.pos_ == "NOUN"
        if not (hyphened or qualifies or root.tag_ in ("NNPS", "NNS")):
            return False
    return True


def _longer_form(ent: EntityDraft, candidates: list[EntityDraft]) -> EntityDraft | None:
    """The entity whose name this shorter mention abbreviates, when it is unambiguous."""
    text = ent.mentions[0].text
    words = list(folded_words(text))  # folded first: "Sa'adi" is one word
    found: list[EntityDraft] = []
    for other in candidates:
        if other is ent or other.merged_into is not None:
            continue
        other_text = other.mentions[0].text
        other_words = list(folded_words(other_text))
        if len(other_words) <= len(words):
            continue
        if ent.mentions[0].kind == "acronym" or (text.isupper() and len(text) <= 7):
            if other.label in ("ORG", "EVENT", "FAC", "GPE") and initials_match(text, other_text):
                found.append(other)
            continue
        if other.label == "PERSON":
            # "Asadi" or "al-Asadi" for "Ahmad al-Asadi": the last name must agree
            keys, other_keys = name_keys(text), name_keys(other_text)
            if keys and other_keys and keys[-1] == other_keys[-1] and set(keys) <= set(other_keys):
                if ent.label in ("PERSON", "GPE", "ORG", "NORP", "LOC"):
                    found.append(other)
        elif other.label == ent.label and ent.label in ("ORG", "FAC", "EVENT"):
            if len(words) == 1 and words[0] not in GENERIC_ORG_WORDS and other_words[-1:] == words and text[:1].isupper():
                # "the Brigades" after "the Steadfastness Brigades": the head names it again
                found.append(other)
                continue
            if len(words) == 1 and words[0] in GENERIC_ORG_WORDS:
                continue
            if other_words[: len(words)] == words:
                found.append(other)
    distinct = {id(f.resolved()): f.resolved() for f in found}
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    return None


def _span_of(doc: Doc, m: MentionDraft) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _merge_appositions(doc: Doc, state: DocState) -> None:
    """"X, the commander of Y" and "the commander of Y, X": the nominal joins the name."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or not ent.mentions or ent.mentions[0].kind != "nominal":
            continue
        span = _span_of(doc, ent.mentions[0])
        if span is None:
            continue
        head = _role_head(span)
        if head is None:
            continue
        partner = _apposition_partner(head) or _apposition_after(span, state)
        if partner is None or (head.tag_ in ("NNS", "NNPS") and partner.tag_ not in ("NNS", "NNPS")):
            continue  # "X, two sources said": plural sources are not X
        other = state.entity_at(partner.idx, partner.idx + len(partner.text))
        if other is None or other is ent or other.label not in _PERSONAL:
            continue
        keep = state.merge(other, ent)
        keep.anonymous = False


def _apposition_after(span: Span, state: DocState) -> Token | None:
    """"The commander of Y, X": a named person in apposition to any word of the nominal.

    The parser often hangs X on Y ("Kata'ib al-Sumud, Qasim al-Sayyadi") rather than on
    the role noun; what counts is that X follows the nominal, set off by a comma.
    """
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for t in doc[span.end + 1 : span.end + 8]:
        if t.dep_ == "appos" and span.start <= t.head.i < span.end:
            other = state.entity_at(t.idx, t.idx + len(t.text))
            if other is not None and other.resolved().label in _PERSONAL and not other.resolved().anonymous:
                return t
    return None


def _role_head(span: Span) -> Token | None:
    for t in span:
        if t.lower_ in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS:
            if t.head.i < span.start or t.head.i >= span.end or t.head == t:
                return t
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return heads[0] if heads else None


def _apposition_partner(head: Token) -> Token | None:
    """The proper noun in apposition with a role noun, either way round."""
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    # "the governor of Y province, X" is often parsed with X in apposition to Y
    for t in head.subtree:
        if (
            t.dep_ == "appos"
            and t.pos_ == "PROPN"
            and t.head is not head
            and t.head.i > head.i
            and t.head.ent_type_ != "PERSON"
            and (t.ent_type_ == "PERSON" or any(c.lower_ in GIVEN_NAMES for c in t.subtree))
        ):
            return t
    # "the commander of Y, X" is often parsed with X as the head's conj or npadvmod
    nxt = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.text == "," and nxt.i + 1 < len(head.doc):
        cand = head.doc[nxt.i + 1]
        if cand.pos_ == "PROPN" and cand.text[:1].isupper():
            return cand
    return None


def _predicated_person(head: Token) -> Token | None:
    """Whom a role noun is said of: "X is a Y", "X, who is a Y", "X served as Y", "appoint X as Y"."""
    if head.dep_ == "attr":
        verb = head.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                return verb.head
            return subj
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        verb = head.head.head
        for dep in ("dobj", "nsubjpass", "nsubj"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                subj = found[0]
                if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    return verb.head
                return subj
    return None


#: nouns of a candidacy, which say whose party a pronoun stands for ("as the X candidate")
_CANDIDACY = word_set("roles", "candidate_in_roles")


def _predicative(head: Token) -> bool:
    """A role noun that says what someone is or becomes ("as head of X")."""
    return head.dep_ == "pobj" and head.head.lower_ == "as"


def _merge_predicatives(doc: Doc, state: DocState) -> None:
    """A role said of a named person is a description of that person, not someone else."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or not ent.mentions or ent.mentions[0].kind != "nominal":
            continue
        span = _span_of(doc, ent.mentions[0])
        head = _role_head(span) if span is not None else None
        if head is None:
            continue
        person = _predicated_person(head)
        other = state.entity_at(person.idx, person.idx + len(person.text)) if person is not None else None
        if other is None or other is ent or other.label not in _PERSONAL:
            if other is None and len(ent.mentions) == 1 and _predicative(head) and not (
                    person is not None and person.pos_ == "PRON" and head.lemma_.lower() in _CANDIDACY):
                # "going on leave as head of X": a post, not a person; but "she will stand as the
                # party's candidate" names her party, and pronoun resolution finds her later
                state.entities.remove(ent)
            continue
        state.merge(other, ent)


def _merge_definite_nominals(doc: Doc, state: DocState) -> None:
    """"The ambassador" and "the source" refer back to the last entity described so."""
    nominals = sorted(
        (e for e in state.live_entities() if e.mentions and e.mentions[0].kind == "nominal"),
        key=lambda e: e.first_start,
    )
    for ent in nominals:
        if ent.merged_into is not None:
            continue
        mention = ent.mentions[0]
        span = _span_of(doc, mention)
        if span is None or span[0].lower_ not in ("the", "this", "that"):
            continue
        head = _role_head(span)
        if head is None:
            continue
        lemma = head.lemma_.lower()
        target = _last_described(state, lemma, mention.start, ent)
        if target is None:
            target = _next_described(doc, state, lemma, span, ent)
        if target is not None:
            state.merge(target, ent)


def _last_described(state: DocState, lemma: str, before: int, exclude: EntityDraft) -> EntityDraft | None:
    best: EntityDraft | None = None
    best_pos = -1
    for other in state.live_entities():
        if other is exclude or other.label not in _PERSONAL:
            continue
        for d in other.descriptors:
            words = _WORD.findall(d.lower())
            if lemma in words or (lemma + "s") in words or lemma.rstrip("s") in words:
                pos = max((m.start for m in other.mentions if m.start < before), default=-1)
                if pos > best_pos:
                    best, best_pos = other, pos
    return best


def _next_described(
    doc: Doc, state: DocState, lemma: str, span: Span, exclude: EntityDraft
) -> EntityDraft | None:
    """A lead's "The commander of ..." named in one of the next two sentences."""
    sents = list(doc.sents)
    idx = next((i for i, s in enumerate(sents) if s.start <= span.start < s.end), None)
    if idx is None:
        return None
    limit = sents[min(idx + 2, len(sents) - 1)].end_char
    best: EntityDraft | None = None
    best_pos = limit
    for other in state.live_entities():
        if other is exclude or other.label not in _PERSONAL or other.anonymous:
            continue
        for d in other.descriptors:
            if lemma in _WORD.findall(d.lower()):
                pos = min((m.start for m in other.mentions), default=limit)
                if span.end_char <= pos < best_pos:
                    best, best_pos = other, pos
    return best


def _gender(ent: EntityDraft, doc: Doc) -> str | None:
    for m in ent.mentions:
        w = m.text.lower()
        if m.kind == "pronoun":
            return "m" if w in MALE else "f"
        first = w.split()[0] if w.split() else ""
        if first in _MALE_TITLES or (m.kind == "name" and first in MALE_NAMES):
            return "m"
        if first in _FEMALE_TITLES or (m.kind == "name" and first in FEMALE_NAMES):
            return "f"
    return None


def _resolve_pronouns(doc: Doc, state: DocState) -> None:
    """He, his, she, her: the most salient earlier person of agreeing gender."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for token in doc:
        low = token.lower_
        if low not in MALE and low not in FEMALE:
            continue
        if state.body_end is not None and token.idx >= state.body_end:
            break
        gender = "m" if low in MALE else "f"
        target = _antecedent(doc, state, token, gender, sents, starts)
        if target is not None:
            state.add_mention(target, token.idx, token.idx + len(token.text), token.text, "pronoun")


def _antecedent(
    doc: Doc, state: DocState, pron: Token, gender: str, sents: list[Span], starts: list[int]
) -> EntityDraft | None:
    k = max(0, bisect_right(starts, pron.idx) - 1)
    sent = sents[k]
    window_start = sents[max(0, k - 3)].start_char
    candidates: list[tuple[MentionDraft, EntityDraft]] = [
        (m, e)
        for m, e in state.mentions_in(window_start, pron.idx)
        if e.label in _PERSONAL and _gender(e, doc) in (None, gender)
    ]
    if not candidates:
        return None
    in_sent = [(m, e) for m, e in candidates if m.start >= sent.start_char]
    opened = _quote_opened(doc, sent, pron)
    if opened is not None:
        # "X noted that ... “he is a commander”": in X's own words "he" is someone else
        speakers = {id(e) for m, e in in_sent if m.start < opened and _speaker(doc, m)}
        in_sent = [(m, e) for m, e in in_sent if id(e) not in speakers]
        candidates = [(m, e) for m, e in candidates if id(e) not in speakers]
    ancestors = {a.i for a in pron.ancestors}
    for m, e in reversed(in_sent):
        span = _span_of(doc, m)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.i in ancestors:
            return e
    if in_sent and pron.dep_ not in ("nsubj", "nsubjpass"):
        # "met X at his home" and "X said his party" favour the nearest subject
        subjects = [(m, e) for m, e in in_sent if _is_subject(doc, m)]
        if subjects:
            return subjects[-1][1]
        return in_sent[-1][1]
    if in_sent:
        subjects = [(m, e) for m, e in in_sent if _is_subject(doc, m)]
        return (subjects or in_sent)[-1][1]
    earlier = [(m, e) for m, e in candidates if m.start < sent.start_char]
    if not earlier:
        return in_sent[-1][1] if in_sent else None
    last_sent_start = max(starts[max(0, bisect_right(starts, m.start) - 1)] for m, _ in earlier)
    recent = [(m, e) for m, e in earlier if m.start >= last_sent_start]
    subjects = [(m, e) for m, e in recent if _is_subject(doc, m)]
    if subjects:
        return subjects[0][1]
    return recent[0][1]


#: opening and closing quotation marks
_OPENING_QUOTES = frozenset(("“", "«"))
_CLOSING_QUOTES = frozenset(("”", "»"))


def _quote_opened(doc: Doc, sent: Span, pron: Token) -> int | None:
    """Where the quotation the pronoun stands in opens within its sentence, or None when the
    pronoun is not inside curly or angle quotation marks opened in that sentence."""
    opened: int | None = None
    for tok in doc[sent.start : pron.i]:
        if tok.text in _OPENING_QUOTES:
            opened = tok.idx
        elif tok.text in _CLOSING_QUOTES:
            opened = None
    return opened


#: verbs of saying: their subject is the speaker of the quotation they introduce
_REPORT_VERBS = word_set("attribution", "report_verbs")


def _speaker(doc: Doc, m: MentionDraft) -> bool:
    span = _span_of(doc, m)
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in _REPORT_VERBS


def _is_subject(doc: Doc, m: MentionDraft) -> bool:
    span = _span_of(doc, m)
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _choose_name(ent: EntityDraft) -> None:
    """The cluster's display name: its longest proper name, else its first nominal."""
    names = [m for m in ent.mentions if m.kind in ("name", "short")]
    if names:
        ent.name = max(names, key=lambda m: (len(folded_words(m.text)), -m.start)).text
        ent.anonymous = False
        for m in ent.mentions:
            if m.kind == "name" and len(folded_words(m.text)) < len(folded_words(ent.name)):
                m.kind = "short"
        return
    acronyms = [m for m in ent.mentions if m.kind == "acronym"]
    if acronyms:
        ent.name = acronyms[0].text
        ent.anonymous = False
        return
    nominals = [m for m in ent.mentions if m.kind == "nominal"]
    if nominals:
        ent.name = nominals[0].text


__all__ = ["cluster", "name_words", "initials_match"]
