"""The content of a cue: what was said, found by rules over the parse and the quote marks.

Reads each token's lemma, form, tag, dependency, head and children, the doc's
sentences and text, and the quotes and line breaks of a ``QuoteIndex``; adds nothing
to the Doc. ``_content`` tries a cue's rules in order and returns the span with the
rule that found it (the rule is a feature of the classifier too). Contents follow
PolNeAR: a direct quote's content keeps its quote marks, an indirect content keeps
its "that"; ``content_kind`` tells direct, indirect and mixed apart.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract.attribution.cues import is_dash
from interlock.extract.attribution.quotes import (
    QUOTE_CLOSE,
    QuoteIndex,
    colon_quote,
    quote_before,
    quote_widen,
)
from interlock.extract.attribution.spans import Offsets, _span, _subtree
from interlock.vocab.words import word_set

#: verbs whose object is the person told ("told Al Arabiya that ...")
TELL_VERBS = word_set("attribution", "tell_verbs")
#: verbs whose "to" phrase is the addressee ("said to reporters")
TO_VERBS = word_set("attribution", "to_verbs")


#: prepositions that carry the rest of a complement ("described it as ...", "accused X of ...")
_CONTENT_PREPS = word_set("attribution", "content_preps")
#: prepositions of time, place and company: what follows them is not what was said
_SETTING_PREPS = word_set("attribution", "setting_preps")


#: a content found by a rule: (offsets, or None when the rule matched but found nothing; rule)
_Content = tuple[Offsets | None, str]


def _content(tok: Token, quotes: QuoteIndex, cue: Offsets) -> _Content:
    """The content of a cue (a quote next to it, its complement, or its clause) and the rule used.

    A dash or a colon takes the quote or the line it opens, "according to" the clause around
    it; a verb's rules are tried in order, the first that finds something wins
    (``_verb_content``)."""
    if is_dash(tok):
        glued = tok.text[0] in QUOTE_CLOSE
        qi = quotes.of_token[tok.i if glued else tok.i - 1] if tok.i > 0 or glued else -1
        return quotes.spans[qi] if qi >= 0 else None, "dash"
    if tok.text == ":":
        line_end = quotes.text.find("\n", tok.idx)
        return _trim_chars(quotes.text, tok.idx + 1, len(quotes.text) if line_end < 0 else line_end), "colon"
    if tok.lower_ == "according":
        return _according_content(tok, quotes, cue)
    return _verb_content(tok, quotes, cue)


def _according_content(tok: Token, quotes: QuoteIndex, cue: Offsets) -> _Content:
    """The claim "according to X" qualifies: the clause around it, on both sides when it
    stands mid-clause, or the rest of the sentence when the parse made it the root."""
    doc = tok.doc
    head = tok.head
    if head is tok:
        # a parse that made "According to X" the root: the claim is the rest of the sentence
        to = tok.nbor(1)
        sp = _span(doc, max(to.right_edge.i, tok.i + 1) + 1, tok.sent.end)
        return quote_widen(sp, quotes, cue) if sp else None, "according"
    hs, he = _subtree(head)
    ps, pe = _subtree(tok)
    left, right = _span(doc, hs, ps), _span(doc, pe, he)
    if left and right:
        # "according to X" in mid-clause: the claim runs on both sides of it
        pick: Offsets | None = (left[0], right[1])
    else:
        pick = left or right
    return quote_widen(pick, quotes, cue) if pick else None, "according"


def _verb_content(tok: Token, quotes: QuoteIndex, cue: Offsets) -> _Content:
    """The content of a verb or noun cue, by the first rule that finds one: its clause, a
    passive's subject or a quote (``_clause_or_quote``), the quote right after it, its
    complements, a quote after it, a prepositional phrase, a quote held before it, and
    last the rest of the sentence after it, else before it."""
    doc = tok.doc
    found = _clause_or_quote(tok, quotes, cue)
    if found is not None:
        return found
    qa = quotes.after(tok) if not quotes.inside(tok) else -1
    if qa >= 0 and quotes.after(tok, window=3) == qa:
        return quotes.spans[qa], "quote_next"
    lemma = tok.lemma_.lower()
    sp = _complements(tok, lemma)
    if sp:
        return quote_widen(sp, quotes, cue), "complement"
    if qa >= 0:
        return quotes.spans[qa], "quote_after"
    prep = next(
        (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ not in _SETTING_PREPS),
        None,
    )
    if prep is not None:
        if not (prep.lower_ == "to" and lemma in TO_VERBS):
            sp = _span(doc, prep.i + 1, _subtree(prep)[1])
            if sp:
                return sp, "prep"
    held = _held_before(tok)
    if held is not None:
        return held, "held_before"
    # last resort: the rest of the sentence after the cue, else before it
    sent = tok.sent
    sp = _span(doc, tok.i + 1, sent.end)
    if sp and sp[1] - sp[0] > 8:
        return quote_widen(sp, quotes, cue), "rest"
    return _span(doc, sent.start, tok.i), "before"


def _clause_or_quote(tok: Token, quotes: QuoteIndex, cue: Offsets) -> _Content | None:
    """The first of: the clause after the cue, a passive's subject ("X is supported by Y"),
    a quote after a colon, a quote before the cue, the cue's clause before it, and the
    clause of a parenthetical cue ("X, he said, ..."); None when there is none of these."""
    doc = tok.doc
    # the first clause after the cue: a parse that ran two sentences together
    # hangs the next sentence on the verb as a second, later ccomp
    ccomps = [c for c in tok.children if c.dep_ == "ccomp" and not _adverbial(c, tok, quotes.newline)]
    comp = next((c for c in ccomps if c.i > tok.i), ccomps[0] if ccomps else None)
    if comp is not None and comp.i > tok.i:
        sp = _span(doc, *_subtree(comp))
        if sp:
            return quote_widen(sp, quotes, cue), "ccomp_after"
    if any(c.dep_ == "agent" for c in tok.children):
        # "X is supported by Y": the passive subject is what Y holds
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                sp = _span(doc, *_subtree(c))
                if sp:
                    return sp, "passive"
    qc = colon_quote(tok, quotes)
    if qc >= 0:
        return quotes.spans[qc], "colon_quote"
    qb = quote_before(tok, quotes)
    if qb >= 0 and not _object_after(tok):
        return quotes.spans[qb], "quote_before"
    if comp is not None:
        sp = _span(doc, *_subtree(comp))
        if sp:
            return quote_widen(sp, quotes, cue), "ccomp"
    if tok.dep_ in ("parataxis",) and tok.head.i != tok.i:
        hs, he = _subtree(tok.head)
        ts, te = _subtree(tok)
        left, right = _span(doc, hs, ts), _span(doc, te, he)
        pick = left if left and (not right or left[1] - left[0] >= right[1] - right[0]) else right
        if pick:
            return quote_widen(pick, quotes, cue), "parataxis"
    return None


def _complements(tok: Token, lemma: str) -> Offsets | None:
    """The span of a cue's complements after it, together: "called him a master", "accused X
    of Y" (not the person told: "told Al Arabiya"); None when it has none."""
    comps: list[Token] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "dobj" and lemma in TELL_VERBS and c.pos_ in ("PROPN", "PRON"):
            continue  # the person told, not what was said
        if c.dep_ in ("xcomp", "dobj", "attr", "oprd") or (
            c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and comps
        ):
            comps.append(c)
    if not comps:
        return None
    return _span(tok.doc, comps[0].left_edge.i, comps[-1].right_edge.i + 1)


def _object_after(tok: Token) -> bool:
    """True when the verb has its own object or clause after it ("“...,” comparing him to ...")."""
    tell = tok.lemma_.lower() in TELL_VERBS
    for c in tok.children:
        if c.i > tok.i and (c.dep_ == "xcomp" or (c.dep_ == "dobj" and not tell)):
            return True
    return False


def _held_before(tok: Token) -> Offsets | None:
    """What a cue with nothing after it is about: "All of this is documented", "a view echoed"."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "nsubjpass" and c.i < tok.i:
            return _span(doc, *_subtree(c))
    if tok.dep_ == "relcl":
        for c in tok.children:
            if c.dep_ == "dobj" and c.i < tok.i and c.tag_ in ("WDT", "WP"):
                return _span(doc, c.i, c.i + 1)  # "which the bank detailed"
    if tok.dep_ == "acl" and tok.head.i < tok.i and tok.head.pos_ == "NOUN":
        return _span(doc, tok.head.left_edge.i, tok.head.i + 1)  # "a view echoed by ..."
    return None


#: subordinators of a clause the parse hung on a verb as ccomp though it says when or why
_ADVERBIAL_MARKS = word_set("attribution", "adverbial_marks")


def _adverbial(comp: Token, tok: Token, newline: list[bool]) -> bool:
    """True for a "complement" that is an adverbial clause or lies across a line break."""
    if any(g.dep_ in ("mark", "advmod") and g.lower_ in _ADVERBIAL_MARKS for g in comp.children):
        return True
    lo, hi = sorted((comp.i, tok.i))
    return any(newline[lo:hi])


def _trim_chars(text: str, start: int, end: int) -> Offsets | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def content_kind(text: str) -> str:
    """Direct (whole quote), mixed (quotes inside) or indirect content."""
    marks = "\u201c\u201d\""
    stripped = text.strip()
    if stripped[:1] in marks and stripped[-1:] in marks:
        return "direct"
    if any(m in stripped for m in marks):
        return "mixed"
    return "indirect"
