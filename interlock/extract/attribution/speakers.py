"""The speaker and the addressee of a cue, found by rules over the parse.

Reads each token's lemma, form, part of speech, tag, dependency, head, children and
entity type, the doc's text, and the line breaks of a ``QuoteIndex``; adds nothing to
the Doc. ``_source_span`` finds who spoke (the subject, the "according to" object, the
name after a dash or before a colon, the words between a quote and its cue),
``_addressee`` who was told, and ``is_anonymous`` whether the speaker names nobody.
Linking speakers to entities is ``sources``'s.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from interlock.extract.attribution.contents import TELL_VERBS, TO_VERBS
from interlock.extract.attribution.cues import colon_speaker, is_dash, subject_of
from interlock.extract.attribution.quotes import QuoteIndex
from interlock.extract.attribution.spans import Offsets, _span, _subtree
from interlock.vocab.words import word_set

_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")


def _source(tok: Token) -> Token | None:
    """The head word of the speaker of a cue."""
    if tok.lower_ == "according":
        for to in tok.children:
            if to.lower_ == "to":
                for p in to.children:
                    if p.dep_ == "pobj":
                        return p
        return None
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss":
                return c
        return None
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    subj = subject_of(tok)
    if subj is not None and subj.dep_ == "nsubjpass" and tok.lemma_.lower() != "quote":
        return None
    if subj is None and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head if tok.dep_ == "acl" else None
    return subj


def _addressee(tok: Token) -> Offsets | None:
    lemma = tok.lemma_.lower()
    if lemma in TELL_VERBS:
        # "told AFP the reshuffle was ...": the parser may take the name for a modifier of what
        # follows; a run of proper nouns right after the verb is who was told
        doc = tok.doc
        i = tok.i + 1
        while i < len(doc) and doc[i].dep_ == "det":
            i += 1
        j = i
        while j < len(doc) and (
            doc[j].pos_ == "PROPN"
            or (doc[j].text in ("-", "'", "’") and j > i and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")
        ):
            j += 1  # "Asharq al-Awsat": a hyphen inside the name
        if j > i:
            return _span(doc, i, j)
    for c in tok.children:
        if lemma in TELL_VERBS and c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return _span(tok.doc, *_subtree(c))
        if lemma in TO_VERBS and c.dep_ in ("prep", "dative") and c.lower_ == "to":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return _span(tok.doc, *_subtree(objs[0]))
    return None


def _between(doc: Doc, start_char: int, end_char: int) -> Offsets | None:
    """The words between two offsets when they read as a speaker (no verb, a few words)."""
    sp = doc.char_span(start_char, end_char, alignment_mode="contract")
    if sp is None or not len(sp) or len(sp) > 14:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title for t in sp if t.dep_ != "relcl"):
        return None
    return _span(doc, sp.start, sp.end)


def _source_span(
    tok: Token, quotes: QuoteIndex, cue: Offsets, content: Offsets
) -> Offsets | None:
    """The speaker's span: the subject, the "according to" object, or the words by a quote."""
    doc = tok.doc
    if is_dash(tok):
        # "” ―\u00a0Jane Doe": a no-break space may stand between the dash and the name
        start = tok.i + 1
        while start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
            start += 1
        end = start
        while end < len(doc) and end - start < 9 and doc[end].text != "," and not doc[end].is_space:
            if "\n" in doc[end].text_with_ws:
                end += 1
                break
            end += 1
        return _span(doc, start, end)
    if tok.text == ":":
        rng = colon_speaker(tok)
        return _span(doc, *rng) if rng else None
    src_tok = _source(tok)
    sp = _line_clip(doc, src_tok, quotes.newline) if src_tok is not None else None
    if sp is not None and (sp[0] <= cue[0] < sp[1] or (sp[0] < content[1] and content[0] < sp[1])):
        if not _relative_around(doc, content, cue, sp):
            sp = None  # the parse took the quote or the cue for the speaker
    if (sp is None or sp[0] > cue[0]) and content[1] <= cue[0]:
        # "“...,” The Hill reported": the words between the quote and the cue
        sp = _between(doc, content[1], cue[0]) or sp
    if sp is None:
        sp = _chunk_before(tok, cue)
        if sp is not None and tok.lower_ != "according" and content[1] > sp[0]:
            sp = None  # only the inverted "..., experts say" order is trusted
    if sp is None:
        # "Said Ellis: ...": a name right after the cue that the parse left unattached
        for c in tok.children:
            if c.i > tok.i and c.ent_type_ in ("PERSON", "ORG") and c.dep_ not in _CONTENT_DEPS:
                sp = _line_clip(doc, c, quotes.newline)
                break
    return sp


def _relative_around(doc: Doc, content: Offsets, cue: Offsets, source: Offsets) -> bool:
    """A content that opens with a relative word and runs over its cue and speaker.

    In "donations, which he said were favours" the complement's subtree starts at
    "which", so the content spans "he said"; "he" is still the speaker.
    """
    if not content[0] <= source[0] < source[1] <= cue[0] < content[1]:
        return False
    first = doc.char_span(content[0], content[1], alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].tag_ in ("WDT", "WP")


def _close_bracket(text: str, span: Offsets | None) -> Offsets | None:
    """A speaker's span that opens a parenthesis closes it: "Sen. Jane Doe (D-Ore.)".

    Edge trimming and the parse often leave the closing mark out.
    """
    if span is None:
        return None
    start, end = span
    if text.count("(", start, end) <= text.count(")", start, end):
        return span
    j = end
    while j < len(text) and j - end < 3 and text[j] in " \u00a0.":
        j += 1
    return (start, j + 1) if j < len(text) and text[j] == ")" else span


def _chunk_before(tok: Token, cue: Offsets) -> Offsets | None:
    """The noun phrase right before the cue ("experts say"), when the parse gave no subject."""
    doc = tok.doc
    if tok.lower_ == "according":
        # "according to their attorneys": the phrase after "to", up to the punctuation
        end = tok.i + 2
        while end < len(doc) and end - tok.i < 12 and not doc[end].is_punct and not doc[end].is_space:
            end += 1
        return _span(doc, tok.i + 2, end) if end > tok.i + 2 else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    first = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    start = first.start if first is not None else tok.i
    chunk_start = _chunk_ending_at(doc, start)
    if chunk_start is None:
        return None
    return _span(doc, chunk_start, start)


#: dependencies that head a noun chunk, as spaCy's English noun_chunks has them
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})


def _chunk_ending_at(doc: Doc, end: int) -> int | None:
    """Where the noun chunk that ends just before token ``end`` starts, if one does.

    The same test spaCy's English ``noun_chunks`` applies to each word, made for
    the one word before the cue: iterating every chunk of the document per
    candidate cost more than the rest of attribution together.
    """
    if end <= 0:
        return None
    word = doc[end - 1]
    if word.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    dep = word.dep_
    if dep == "conj":
        head = word.head
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        dep = head.dep_
    return word.left_edge.i if dep in _NP_DEPS else None


def _line_clip(doc: Doc, head: Token, newline: list[bool]) -> Offsets | None:
    """A token's subtree span, cut at line breaks around the head (parses run across lines)."""
    start, end = _subtree(head)
    for j in range(head.i - 1, start - 1, -1):
        if newline[j]:
            start = j + 1
            break
    for j in range(head.i, end):
        if newline[j]:
            end = j + 1
            break
    return _span(doc, start, end)


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
