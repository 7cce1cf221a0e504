"""Temporal expressions (TIMEX3): find them in a parsed text and normalise their values.

A rule-based normaliser in the spirit of HeidelTime: regular expressions in
``times.patterns`` propose spans, the longest non-overlapping ones win, and
each is normalised against the anchor (the publication date) with the tense
of its clause deciding whether a bare "Friday" or "May" is the last or the
next one. Without an anchor, relative expressions stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from interlock.extract.state import text_of
from interlock.extract.times.calendar import interval_of
from interlock.extract.times.patterns import RULES, fold, may_match, words_of
from interlock.extract.times.rules import Context, Rule
from interlock.model import Timex
from interlock.vocab.words import word_set

_FUTURE_WORDS = word_set("times", "future_words")
_FUTURE_HEADS = word_set("times", "future_heads")
#: verbs whose time is when something is to happen ("scheduled a vote for Tuesday")
_SCHEDULE_VERBS = word_set("times", "schedule_verbs")
#: words before a bare four-digit number that make it a year
_YEAR_CUES = word_set("times", "year_cues")


def _clause_tense(tok: Token, depth: int = 0) -> int | None:
    """-1, 0 or +1 from the verb governing ``tok``, or None when no verb is found."""
    verb: Token | None = None
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.tag_.startswith("VB"):
            verb = cur
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_WORDS or verb.lemma_.lower() in _SCHEDULE_VERBS:
        return 1
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return -1
    if any(a.lower_ in ("has", "have", "'ve", "'s") for a in auxes) and verb.tag_ == "VBN":
        return -1
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in ("will", "'ll"):
            return 1
        return _clause_tense(head, depth + 1) if head.i != verb.i and depth < 4 else 0
    if verb.tag_ in ("VBZ", "VBP"):
        return 0
    return None


def _sentence_tense(sent: Span) -> int:
    """A fallback tense for a sentence: future words, else past verbs, else present."""
    if any(t.lower_ in ("will", "'ll", "shall") for t in sent):
        return 1
    if any(t.tag_ == "VBD" for t in sent):
        return -1
    return 0


def tense_at(doc: Doc, start: int, end: int) -> int:
    """The tense (-1 past, 0 present, +1 future) of the clause holding a character span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tense = _clause_tense(span.root)
    if tense is not None:
        return tense
    try:
        return _sentence_tense(span.sent)
    except ValueError:  # no sentence boundaries on this doc
        return 0


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset, if any."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _plausible(doc: Doc, rule: Rule, m: re.Match[str]) -> bool:
    """Filters for matches whose words are often not temporal ("May", "March", "1990")."""
    text = m.group(0)
    if rule.name in ("month", "month_year", "full_date", "day_month", "month_rel_year"):
        mon = m.group("mon")
        low = mon.lower()
        if "." not in mon and low in ("jan", "feb", "aug", "sept", "oct", "nov", "dec"):
            if rule.name in ("month", "month_rel_year"):
                return False
        tok = _token_at(doc, m.start("mon"))
        if tok is not None and tok.ent_type_ in _NOT_TIME_ENTS:
            return False
        if mon.lower() in ("may", "march") and not mon[0].isupper():
            return False
        if mon.lower() in ("may", "march") and rule.name == "month":
            tok = _token_at(doc, m.start("mon"))
            if tok is not None and (tok.tag_ == "MD" or tok.pos_ == "VERB"):
                return False
    if rule.name == "year" and re.fullmatch(r"\d{4}", text):
        before = m.string[max(0, m.start() - 20) : m.start()]
        prev = re.findall(r"[\w']+|[^\w\s]", before)
        tok = _token_at(doc, m.start())
        if tok is not None and tok.ent_type_ == "DATE":
            return True
        if prev and prev[-1].lower() in _YEAR_CUES:
            return True
        return False
    if rule.name in ("duration", "ago"):
        unit = m.group("unit")
        if unit[0].isupper() and m.start("unit") > 0:
            return False  # "60 Minutes": a title
        if unit.lower() == "second" and m.group("num").lower() in ("a", "an"):
            return False  # "a second attempt"
    if rule.name == "season" and not _season_ok(doc, m):
        return False
    if rule.name in ("reference",) and text.lower() in ("current", "future", "recent"):
        tok = _token_at(doc, m.start())
        nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(doc) else None
        # "current" as in "current account" is no time; "the current crisis" is
        if nxt is None or not nxt.tag_.startswith("NN"):
            return text.lower() != "current" or tok is None or tok.dep_ != "amod"
    return True


_NOT_TIME_ENTS = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "GPE", "NORP", "LAW", "PRODUCT"}
_SEASON_CUES = word_set("times", "season_cues")


def _season_ok(doc: Doc, m: re.Match[str]) -> bool:
    """A season word is a time after "the", "in", "last"..., and as a noun."""
    tok = _token_at(doc, m.start("season"))
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if m.group(0).lower() != m.group("season").lower():
        return True
    prev = m.string[max(0, m.start() - 12) : m.start()].split()
    return bool(prev) and prev[-1].lower() in _SEASON_CUES


#: rules whose values are written out in the text, the antecedents of "that year"
_EXPLICIT_RULES = {"full_date", "day_month", "numeric_date", "month_year", "year", "spelled_year"}


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, int, Rule, re.Match[str]]]:
    """Every rule match, keeping the longest where they overlap, in text order."""
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    folded = fold(text)
    words = words_of(folded)
    for order, rule in enumerate(RULES):
        if not may_match(rule.name, folded, words):
            continue  # a word every match needs is not in the text
        for m in rule.pattern.finditer(text):
            if m.end() > m.start() and _plausible(doc, rule, m):
                found.append((m.start(), m.end(), order, rule, m))
    # the longest match wins; on equal length, the rule listed first
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    used = bytearray(len(text))
    taken: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for cand in found:
        if not any(used[cand[0] : cand[1]]):
            used[cand[0] : cand[1]] = b"\x01" * (cand[1] - cand[0])
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    return taken


def _sentence_of(doc: Doc, text: str, start: int, end: int) -> str:
    """The lower-cased sentence holding a span, or a window of text around it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    try:
        return span.sent.text.lower()
    except ValueError:  # no sentence boundaries: a window of text instead
        return text[max(0, start - 200) : end + 200].lower()


def find_timexes(doc: Doc, anchor: date | None) -> list[Timex]:
    """Every temporal expression in ``doc`` as a TIMEX3, resolved against ``anchor``."""
    text = text_of(doc)
    if not text.strip():
        return []
    out: list[Timex] = []
    last_quarter: str | None = None
    last_date: str | None = None
    quarter_seen_at = -10_000
    for start, end, _order, rule, m in _candidates(doc, text):
        sent = _sentence_of(doc, text, start, end)
        ctx = Context(
            anchor=anchor,
            tense=tense_at(doc, start, end),
            last_quarter=last_quarter,
            last_date=last_date,
            quarter_talk="quarter" in sent or start - quarter_seen_at < 400,
            before=text[max(0, start - 30) : start].lower(),
            after=text[end : end + 30].lower(),
        )
        try:
            result = rule.handler(m, ctx)
        except (ValueError, OverflowError, KeyError):
            result = None
        if result is None:
            continue
        typ, value, anchored = result
        if (value and rule.name.startswith("quarter") and "year-" not in m.group(0).lower()
                and re.fullmatch(r"\d{4}-Q[1-4]", value)):
            last_quarter = value
            quarter_seen_at = end
        if value and rule.name in _EXPLICIT_RULES and re.match(r"\d{4}", value):
            last_date = value
        out.append(
            Timex(start=start, end=end, text=text[start:end], type=typ, value=value,
                  interval=interval_of(value) if typ in ("DATE", "TIME") else None,
                  anchored=anchored and value is not None)
        )
    return out
