"""Quotes around a cue: paired quote marks, which token lies in which, and the quote next to a cue.

Reads the document's text (its quote marks and line breaks) and, per token, its offsets,
whether it is a full stop, question or exclamation mark, and its children in the parse;
adds nothing to the Doc. A ``QuoteIndex`` is built once per document and read by the
cue features (``features``) and the rules that find a cue's content (``contents``) and
speaker (``speakers``); ``quote_widen`` stretches a content found in the parse to the
quote marks it lies in or runs into.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from interlock.extract.state import text_of

QUOTE_OPEN = "\u201c\"\u00ab\u201e"
QUOTE_CLOSE = "\u201d\"\u00bb\u201f"


_MARKS = re.compile("[\n" + re.escape(QUOTE_OPEN + QUOTE_CLOSE) + "\u201c\u201d]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Paired double-quote spans (marks included); never crosses a line break.

    An opening mark with no closing mark before the end of its line closes at the
    line end: news prints multi-paragraph quotes with no closing mark on the
    first paragraphs, and an odd count of marks must not swallow the article.
    """
    # some papers print double quotes as two apostrophes: read them as one mark
    text = text.replace("''", '"\u2063')
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    depth = 0  # curly quotes nested inside a curly quote ("he calls “hell” than ...")
    # only quote marks and line breaks matter: visit them, not every character
    for mark in _MARKS.finditer(text):
        i = mark.start()
        ch = text[i]
        if ch == "\n":
            depth = 0
            if open_at is not None:
                end = i
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                spans.append((open_at, end))
                open_at = None
            continue
        if open_at is None:
            if ch in QUOTE_OPEN:
                open_at = i
            elif ch in QUOTE_CLOSE and ch != '"':
                # a stray closing mark: the quote began at the start of the line
                start = text.rfind("\n", 0, i) + 1
                if spans and spans[-1][1] > start:
                    start = spans[-1][1]
                while start < i and text[start].isspace():
                    start += 1
                if start < i:
                    spans.append((start, i + 1))
        elif ch == "\u201c" and text[open_at] == "\u201c":
            depth += 1
        elif ch == "\u201d" and depth > 0:
            depth -= 1
        elif ch in QUOTE_CLOSE or (ch == "\u201c" and text[open_at] == '"'):
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        end = len(text)
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((open_at, end))
    # a closing two-apostrophe mark ends one character later
    spans = [(s, e + 1) if e < len(text) and text[e] == "\u2063" else (s, e) for s, e in spans]
    return [s for s in spans if s[1] - s[0] > 2]


class QuoteIndex:
    """Which quote, if any, covers each token of a doc; with the doc's text and, per
    token, its offsets and whether it ends a sentence or holds a line break (read
    from the doc's arrays once, not from a token object per look)."""

    def __init__(self, doc: Doc) -> None:
        self.text = text_of(doc)
        self.spans = quote_spans(self.text)
        self.of_token: list[int] = [-1] * len(doc)
        for qi, (s, e) in enumerate(self.spans):
            for t in doc.char_span(s, e, alignment_mode="expand") or []:
                self.of_token[t.i] = qi
        cols = doc.to_array([IDX, LENGTH, ORTH]) if len(doc) else None
        #: each token's start and end offsets
        self.starts: list[int] = cols[:, 0].tolist() if cols is not None else []
        self.ends: list[int] = (cols[:, 0] + cols[:, 1]).tolist() if cols is not None else []
        stops = {get_string_id(mark) for mark in (".", "?", "!")}
        #: tokens that are a full stop, a question or an exclamation mark
        self.stop: list[bool] = [o in stops for o in cols[:, 2].tolist()] if cols is not None else []
        #: tokens that hold a line break (a token's trailing whitespace is a space at most)
        self.newline: list[bool] = [False] * len(doc)
        at = self.text.find("\n")
        while at >= 0:
            self.newline[bisect_right(self.starts, at) - 1] = True
            at = self.text.find("\n", at + 1)

    def inside(self, tok: Token) -> bool:
        """True when the token lies in a quote (not on its marks)."""
        qi = self.of_token[tok.i]
        return qi >= 0 and self.spans[qi][0] < tok.idx < self.spans[qi][1] - 1

    def before(self, tok: Token, window: int = 12) -> int:
        """Index of the quote ending within ``window`` tokens before ``tok``, else -1."""
        for j in range(tok.i - 1, max(-1, tok.i - window - 1), -1):
            qi = self.of_token[j]
            if qi >= 0:
                return qi if self.ends[j] >= self.spans[qi][1] else -1
            if self.stop[j] or self.newline[j]:
                return -1
        return -1

    def after(self, tok: Token, window: int = 6) -> int:
        """Index of the quote starting within ``window`` tokens after ``tok``, else -1."""
        for j in range(tok.i + 1, min(len(self.of_token), tok.i + window + 1)):
            qi = self.of_token[j]
            if qi >= 0:
                return qi if self.starts[j] <= self.spans[qi][0] else -1
            if self.stop[j] or self.newline[j - 1]:
                return -1
        return -1


def quote_widen(content: tuple[int, int], quotes: QuoteIndex, cue: tuple[int, int]) -> tuple[int, int]:
    """Stretch a parse-based content to the quote marks it lies in or runs into."""
    s, e = content
    for qs, qe in quotes.spans:
        if qe <= s or qs >= e:
            continue
        if qs <= cue[0] < qe:
            continue  # the cue is inside this quote: do not swallow the speaker
        if qs >= s - 1:
            e = max(e, qe)
        if qs < s:
            s = qs
            e = max(e, qe) if qe - e < 400 else e
    return (s, e)


def quote_before(tok: Token, quotes: QuoteIndex) -> int:
    """The quote ending right before a cue and its speaker ("“...,” Flynn said"), else -1."""
    if quotes.inside(tok):
        return -1
    left = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass", "aux", "advmod", "neg", "npadvmod"):
            if quotes.of_token[c.left_edge.i] < 0:
                left = min(left, c.left_edge.i)
    j, skipped = left - 1, 0
    while j >= 0 and skipped <= 2:
        if quotes.of_token[j] >= 0:
            qi = quotes.of_token[j]
            qs, qe = quotes.spans[qi]
            text = quotes.text
            # a quote closed by a full stop ends its sentence: the next one is not its speaker
            mark = 2 if text[qe - 2 : qe] == "''" else 1
            closed = (mark == 2 or text[qe - 1] in QUOTE_CLOSE) and text[qe - mark - 1] != "."
            if text[qe - mark - 1] in "?!" and left < tok.i:
                # "“...?” He offered no proof": a capitalised pronoun after the quote starts a sentence
                first = tok.doc[left]
                closed = closed and not (first.pos_ == "PRON" and first.is_title)
            return qi if qe <= tok.idx and closed else -1
        if tok.doc[j].text in (".", "?", "!") or not (tok.doc[j].is_punct or tok.doc[j].is_space):
            return -1
        j, skipped = j - 1, skipped + 1
    return -1


def colon_quote(tok: Token, quotes: QuoteIndex) -> int:
    """The quote after a colon that follows the cue ("said Thursday: “...”"), else -1."""
    qa = quotes.after(tok)
    if qa < 0:
        return -1
    between = quotes.text[tok.idx : quotes.spans[qa][0]]
    return qa if ":" in between else -1
