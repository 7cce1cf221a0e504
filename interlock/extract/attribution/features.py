"""Cue candidates, their features, and the learned cue classifier applied without scikit-learn.

A candidate cue is a verb (or "according", or a reporting noun) in the parse.
Its features describe the word, its dependency context and nearby quote marks;
a logistic model trained on PolNeAR (``scripts/train_attribution.py``) weighs
them. The weights live in ``interlock/models/attribution.json`` as a sparse
feature -> weight map, applied here with plain Python.

Only features that can carry over to unseen articles get a weight: the cue's
lemma, dependency labels and paths, punctuation and quote marks, positions, and
neighbouring words with names, numbers and handles replaced by their kind
(``word``); training drops the rest (``transferable``) and whatever was seen in
fewer than ``MIN_DOCS`` training articles.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, LENGTH, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from interlock.extract.state import text_of
from interlock.vocab.words import word_set

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "attribution.json"

#: nouns that introduce reported content ("the claim that ...", "in a statement")
REPORT_NOUNS = word_set("attribution", "report_nouns")

#: reporting verbs the rules trust even without the model (used as a feature too)
REPORT_VERBS = word_set("attribution", "report_verbs")

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


#: head nouns of sources that name nobody ("a source", "officials familiar with ...")
ANON_NOUNS = word_set("attribution", "anonymous_nouns")


def is_anonymous(span: Span) -> bool:
    """True for a source that names nobody: "a source", "officials familiar with it"."""
    root = span.root
    if root.pos_ in ("PROPN", "PRON") or root.ent_type_ == "PERSON":
        return False
    # "its spokesman, John Doe" names the speaker in apposition
    if any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON") for c in root.children):
        return False
    return span.root.lower_ in ANON_NOUNS or span.root.lemma_.lower() in ANON_NOUNS


def content_kind(text: str) -> str:
    """Direct (whole quote), mixed (quotes inside) or indirect content."""
    marks = "\u201c\u201d\""
    stripped = text.strip()
    if stripped[:1] in marks and stripped[-1:] in marks:
        return "direct"
    if any(m in stripped for m in marks):
        return "mixed"
    return "indirect"


#: dashes that print a quote's speaker after it ("“...” ― Name, 34")
DASHES = frozenset("\u2015\u2014")


def is_dash(tok: Token) -> bool:
    """A dash that may name a quote's speaker, alone or glued to the closing mark ("”―")."""
    t = tok.text
    return t in DASHES or (len(t) == 2 and t[0] in QUOTE_CLOSE and t[1] in DASHES)


#: forms a dash that may name a speaker takes, alone or glued to a closing mark (``is_dash``)
_DASH_FORMS = frozenset(DASHES | {q + d for q in QUOTE_CLOSE for d in DASHES})
_MAYBE_ORTH = frozenset(get_string_id(form) for form in _DASH_FORMS | {":"})


def maybe_candidates(doc: Doc) -> list[int]:
    """The tokens ``is_candidate`` may accept, from the doc's arrays: verbs,
    auxiliaries, nouns, dashes, colons and "according" (the others cannot be).
    """
    if not len(doc):
        return []
    according = get_string_id("according")
    return [
        i
        for i, (pos, orth, lower) in enumerate(doc.to_array([POS, ORTH, LOWER]).tolist())
        if pos in (VERB, AUX, NOUN) or orth in _MAYBE_ORTH or lower == according
    ]


def is_candidate(tok: Token) -> bool:
    """Words that may be the cue of an attribution."""
    if is_dash(tok):
        if tok.text[0] in QUOTE_CLOSE:
            return True
        j = tok.i - 1
        while j > 0 and tok.doc[j].is_space:
            j -= 1
        return j >= 0 and tok.doc[j].text in QUOTE_CLOSE
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass") and tok.lemma_ == "be":
        # a copula heading its clause: PolNeAR takes "is sure", "was clear" as cues
        return any(c.dep_ in ("acomp", "attr") for c in tok.children)
    if tok.text == ":":
        return colon_speaker(tok) is not None
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in REPORT_NOUNS


def colon_speaker(tok: Token) -> tuple[int, int] | None:
    """Token range of a speaker before a colon at a line or sentence start.

    Transcripts ("SMITH: ...") and headlines ("Pat Caddell: Voters Worried ...")
    put the speaker, a few words with a name and no verb, before a colon.
    """
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < 7:
        prev = doc[start - 1]
        if "\n" in prev.text_with_ws or prev.is_space or prev.text in QUOTE_OPEN:
            break
        if prev.is_sent_end and start < tok.i:
            break
        start -= 1
    else:
        if start > 0:
            return None
    words = doc[start : tok.i]
    if not len(words):
        return None
    capitalised = all(t.is_title or t.is_upper for t in words if t.is_alpha)
    if any(t.pos_ in ("VERB", "AUX") for t in words) and not (capitalised and len(words) <= 3):
        return None
    if words[-1].is_punct or not (capitalised or any(t.pos_ == "PROPN" for t in words)):
        return None
    return (start, tok.i)


def convention_cue(tok: Token) -> bool:
    """Cues fixed by print convention, which the training split rarely shows.

    A transcript names each speaker in capitals before a colon at the start of
    a line ("SMITH: ..."), possibly inside the quote marks that open the line;
    a testimonial puts the speaker's name after a dash that follows the quote
    and ends the line ("“...” ― Jane Doe").
    """
    doc = tok.doc
    if tok.text == ":":
        rng = colon_speaker(tok)
        if rng is None or rng[1] - rng[0] > 3:
            return False
        words = doc[rng[0] : rng[1]]
        before = doc[rng[0] - 1] if rng[0] > 0 else None
        line_start = before is None or "\n" in before.text_with_ws or before.text in QUOTE_OPEN
        return line_start and all(t.is_upper for t in words if t.is_alpha)
    if is_dash(tok) and is_candidate(tok):
        names = []
        for t in doc[tok.i + 1 : tok.i + 7]:
            if t.is_space:
                if "\n" in t.text:
                    break
                continue
            names.append(t)
            if "\n" in t.text_with_ws:
                break
        else:
            if tok.i + 7 < len(doc):
                return False
        return bool(names) and all(t.pos_ == "PROPN" or t.is_punct for t in names)
    return False


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, borrowed up the chain for "..., adding" or "began by saying"."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if cur.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or cur.head is cur:
            return None
        cur = cur.head
    return None


#: a feature must fire in this many training articles to get a weight (see ``transferable``)
MIN_DOCS = 5


def word(tok: Token) -> str:
    """A neighbour's or complement's word as a feature value, where it can transfer.

    Names, numbers and handles say which article the model saw, not how
    attribution reads: they become their kind ("<name>", "<num>"), so that what
    is learnt from "Smith said" carries over to any "Jones said". Days and
    months stay words: they are few, and every article has them.
    """
    if tok.ent_type_ in ("DATE", "TIME") and tok.is_alpha:
        return tok.lower_
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "<name>"
    if tok.is_title and not tok.is_sent_start and tok.i > 0 and tok.nbor(-1).text not in QUOTE_OPEN:
        return "<name>"  # a capitalised word inside a sentence the tagger took for a verb or noun
    if tok.like_num or any(map(str.isdigit, tok.text)):
        return "<num>"
    if tok.like_url or tok.like_email or "@" in tok.text or "<" in tok.text:
        return "<link>"
    return tok.lemma_.lower() if tok.pos_ in ("VERB", "NOUN", "ADJ", "AUX") else tok.lower_


#: features whose value starts with the candidate's own lemma (or, for ``lower``, its form)
LEMMA_FEATURES = frozenset(
    "lemma lower lemma_dep lemma_kid lemma_prep lemma_kidlemma lemma_subjent lemma_subjlemma "
    "quote_before_lemma quote_after_lemma clause_lemma lemma_tag lemma_inq lemma_nextpos "
    "lemma_ccomp_finite lemma_rule lemma_source".split()
)

#: a word: letters with inner hyphens, apostrophes or full stops ("u.s.-led", "’s"), or a mark or two (":", "”―")
_WORDLIKE = re.compile(r"[’']?[^\W\d_]+(?:[-'’.][^\W\d_]*)*|[^\w\s]{1,2}")


def wordlike(value: str) -> bool:
    """Whether a cue's lemma or form reads as a word, not markup, a number or a broken encoding.

    ``stop.</tweet``, ``top:1px``, ``54and`` and ``tomã¡s`` are leftovers of
    one page each; a lemma's cue rate or weight on them teaches nothing.
    """
    return _WORDLIKE.fullmatch(value) is not None


def transferable(feature: str) -> bool:
    """Whether a feature can carry over to articles unlike the training ones.

    Its values may be lemmas, dependency labels, tags, punctuation, the kinds
    ``word`` gives and small counts, never a number of three or more digits
    (years, timestamps, ids), a handle or an address; the candidate's own
    lemma must be ``wordlike``. A crossed feature (``prior|next=x=3``) is read
    without its bucket.
    """
    name, _, value = feature.partition("=")
    if name.startswith("prior|"):
        value = value.rpartition("=")[0]
    parts = value.split("|")
    for part in parts:
        if sum(ch.isdigit() for ch in part) >= 3 or "@" in part or "://" in part or part.startswith("www."):
            return False
    if name.removeprefix("prior|") in LEMMA_FEATURES and not wordlike(parts[0]):
        return False
    return True


def features(tok: Token, quotes: QuoteIndex) -> list[str]:
    """The sparse binary features of one candidate cue.

    Always in the same order: the word's own, its children's (``_kid_features``), its
    subject's (``_subject_features``), the quotes and colons around it
    (``_quote_features``), its clause, and its context (``_context_features``)."""
    # each attribute of a token is read once: every read looks a string up
    lemma = tok.lemma_.lower()
    dep = tok.dep_
    f = [
        "bias",
        f"lemma={lemma}",
        f"lower={tok.lower_}",
        f"tag={tok.tag_}",
        f"dep={dep}",
        f"lemma_dep={lemma}|{dep}",
        f"pos={tok.pos_}",
        f"hdep={tok.head.dep_}|{dep}",
    ]
    if lemma in REPORT_VERBS:
        f.append("lexicon")
        f.append(f"lexicon_dep={dep}")
    ccomps = _kid_features(tok, lemma, f)
    subj_word = _subject_features(tok, lemma, f)
    inside = _quote_features(tok, lemma, quotes, f)
    if dep in ("conj", "advcl", "xcomp"):
        f.append(f"head_lemma={word(tok.head)}|{dep}")
    if dep == "relcl" or dep == "acl":
        f.append(f"clause_lemma={lemma}|{dep}")
    if tok.lower_ == "according":
        f.append("according_to")
    f.extend(_context_features(tok, lemma, inside, ccomps, subj_word))
    return f


def _kid_features(tok: Token, lemma: str, f: list[str]) -> list[Token]:
    """Append the features of a cue's children to ``f`` (their dependencies, prepositions,
    clauses, objects and complement words, then the set of their dependencies); return its
    clausal complements."""
    kids = set()
    ccomps: list[Token] = []
    for c in tok.children:
        cdep = c.dep_
        kids.add(cdep)
        if cdep in ("ccomp", "dobj", "xcomp", "prep", "prt", "dative", "advcl", "npadvmod"):
            f.append(f"lemma_kid={lemma}|{cdep}")
        if cdep in ("prep", "prt"):
            f.append(f"lemma_prep={lemma}|{c.lower_}")
        if cdep == "ccomp":
            ccomps.append(c)
            marks = [g.lower_ for g in c.children if g.dep_ == "mark"]
            f.append(f"ccomp_mark={marks[0] if marks else '-'}")
            f.append(f"ccomp_side={'after' if c.i > tok.i else 'before'}")
        if cdep == "dobj":
            f.append(f"dobj_pos={c.pos_}")
        if cdep in ("acomp", "attr", "xcomp", "dobj", "ccomp"):
            # "is sure", "is a supporter", "wants to": the complement word says much
            kid_word = word(c)
            f.append(f"lemma_kidlemma={lemma}|{cdep}|{kid_word}")
            f.append(f"kidlemma={cdep}|{kid_word}")
    for k in sorted(kids):
        f.append(f"kid={k}")
    return ccomps


def _subject_features(tok: Token, lemma: str, f: list[str]) -> str | None:
    """Append the features of a cue's subject to ``f`` (or that it has none); return the
    subject's word."""
    subj = subject_of(tok)
    if subj is None:
        f.append("subj=none")
        return None
    ent = subj.ent_type_ or "-"
    subj_pos = subj.pos_
    subj_word = word(subj)
    f.append(f"subj_pos={subj_pos}")
    f.append(f"subj_ent={ent}")
    f.append(f"lemma_subjent={lemma}|{ent}|{subj_pos}")
    f.append(f"subj_lemma={subj_word}")
    f.append(f"subj_side={'before' if subj.i < tok.i else 'after'}")
    return subj_word


def _quote_features(tok: Token, lemma: str, quotes: QuoteIndex, f: list[str]) -> bool:
    """Append the features of the quotes and colons around a cue to ``f``; return whether it
    is inside a quote."""
    text = tok.text
    inside = quotes.inside(tok)
    if inside:
        # a transcript printed inside quote marks still names its speakers with colons
        f.append("colon_in_quote" if text == ":" else "in_quote")
    qb, qa = quotes.before(tok), quotes.after(tok)
    if qb >= 0:
        f.append("quote_before")
        f.append(f"quote_before_lemma={lemma}")
    if qa >= 0:
        f.append("quote_after")
        f.append(f"quote_after_lemma={lemma}")
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        f.append("colon_after")
    if text == ":":
        rng = colon_speaker(tok)
        if rng is not None:
            words = doc[rng[0] : rng[1]]
            f.append(f"colon_words={min(len(words), 5)}")
            f.append(f"colon_upper={all(t.is_upper for t in words if t.is_alpha)}")
            f.append(f"colon_ent={words.root.ent_type_ or '-'}")
            before = doc[rng[0] - 1] if rng[0] > 0 else None
            line_start = before is None or "\n" in before.text_with_ws or before.text in QUOTE_OPEN
            f.append(f"colon_line_start={line_start}")
    return inside


def _context_features(
    tok: Token, lemma: str, inside: bool, ccomps: list[Token], subj_word: str | None
) -> list[str]:
    """Conjunctions and neighbourhood: what a linear model cannot combine by itself."""
    doc = tok.doc
    f = [f"lemma_tag={lemma}|{tok.tag_}", f"lemma_inq={lemma}|{inside}"]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prv = doc[tok.i - 1] if tok.i > 0 else None
    f.append(f"next={word(nxt) if nxt is not None else '<end>'}")
    f.append(f"prev={word(prv) if prv is not None else '<start>'}")
    f.append(f"lemma_nextpos={lemma}|{nxt.pos_ if nxt is not None else '-'}")
    for c in ccomps:
        finite = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        f.append(f"ccomp_finite={finite}")
        f.append(f"lemma_ccomp_finite={lemma}|{finite}")
    # nested under another reporting verb ("he said she had claimed ..."): the head and
    # the three governors above it (a root's head is the root again)
    anc = tok.head
    for _ in range(4):
        if anc.lemma_.lower() in REPORT_VERBS:
            f.append("under_report_verb")
            break
        anc = anc.head
    if is_dash(tok):
        names = []
        for t in doc[tok.i + 1 : tok.i + 6]:
            if "\n" in t.text_with_ws or t.i == len(doc) - 1:
                names.append(t)
                break
            names.append(t)
        if names and all(t.pos_ == "PROPN" or t.is_space for t in names):
            f.append("dash_name_line")
    if subj_word is not None:
        f.append(f"lemma_subjlemma={lemma}|{subj_word}")
    return f


#: lemma -> [times a cue, times a candidate] over the training split
Priors = dict[str, list[int]]


def prior_bucket(lemma: str, priors: Priors | None) -> str:
    """How often a lemma was a cue in training, as a coarse bucket.

    The linear model cannot cross a lemma with its context; a bucket of the
    lemma's cue rate can be crossed with a few context features instead, which
    also carries what was learnt from frequent lemmas over to rare ones.
    """
    if priors is None:
        return "none"
    pos, total = priors.get(lemma, (0, 0))
    if total == 0:
        return "unseen"
    rate = (pos + 0.2) / (total + 1.0)
    bucket = min(int(rate * 8), 7)
    return f"{bucket}{'r' if total < 4 else ''}"


def prior_features(bucket: str, context: list[str]) -> list[str]:
    """The prior bucket alone and crossed with each context feature."""
    return [f"prior={bucket}"] + [f"prior|{c}={bucket}" for c in context]


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> dict[str, Any]:
    """The cue model: ``{"weights": {feature: weight}, "threshold": t, ...}``."""
    p = Path(path) if path else MODEL_PATH
    with p.open(encoding="utf-8") as fh:
        model: dict[str, Any] = json.load(fh)
    return model


def cue_probability(feats: list[str], model: dict[str, Any]) -> float:
    """The model's probability that a candidate with these features is a cue."""
    w: dict[str, float] = model["weights"]
    z = float(model.get("intercept", 0.0)) + sum(map(w.get, feats, repeat(0.0)))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
