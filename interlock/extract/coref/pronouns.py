"""Personal pronouns: he, his, she, her, each joined to its antecedent.

Reads the tokens (``token.lower_``, ``token.dep``, ``token.head``, ``token.lemma``),
``doc.sents`` and the clusters so far. Adds a "pronoun" mention to the most salient
earlier person of agreeing gender (by pronoun, title or given name), preferring the
subject of a clause above the pronoun, then the sentence's subjects; inside a quotation
its speaker is not the antecedent.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from interlock.extract.coref.names import _PERSONAL, _span_of
from interlock.extract.lexicon import FEMALE_NAMES, MALE_NAMES
from interlock.extract.state import DocState, EntityDraft, MentionDraft
from interlock.vocab.words import word_set

MALE = word_set("coref", "male_pronouns")
FEMALE = word_set("coref", "female_pronouns")
_MALE_TITLES = word_set("coref", "male_titles")
_FEMALE_TITLES = word_set("coref", "female_titles")


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
