"""Cues: which words may be the cue of an attribution, the cues print convention fixes, and a cue's span.

Reads each token's part of speech, lemma, dependency, children and whitespace, and
the quote marks before and after it; adds nothing to the Doc. A candidate is a verb,
a copula with a complement, "according to", a reporting noun, a dash after a quote or a
colon after a speaker's name (``is_candidate``; ``maybe_candidates`` reads the doc's
arrays for the tokens that may be one). The learned classifier (``classifier``) decides
which candidates are cues; ``convention_cue`` marks transcripts' "SMITH:" and
testimonials' "” ― Jane Doe", which the training split rarely shows. ``_cue_span``
is the text a cue covers, as PolNeAR marks it: the verb group ("has said", "did not
respond"), a particle or preposition kept with the verb ("called for"), "in" of "in
a statement".
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from interlock.extract.attribution.quotes import QUOTE_CLOSE, QUOTE_OPEN
from interlock.extract.attribution.spans import Offsets
from interlock.vocab.words import word_set

#: nouns that introduce reported content ("the claim that ...", "in a statement")
REPORT_NOUNS = word_set("attribution", "report_nouns")


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


#: words before a verb that belong to its cue
_CUE_GROUP = frozenset(("aux", "auxpass", "neg", "advmod"))
#: prepositions that PolNeAR keeps with their verb in a cue ("called for", "pointed to")
_CUE_PREPS = word_set("attribution", "cue_preps")


def _cue_span(tok: Token) -> Offsets:
    doc = tok.doc
    end = tok.i + 1
    if tok.lower_ == "according" and end < len(doc) and doc[end].lower_ == "to":
        end = tok.i + 2
    else:
        for c in sorted(tok.children, key=lambda c: c.i):
            if c.i == end and (
                c.dep_ == "prt"
                or (c.dep_ == "prep" and c.lower_ in _CUE_PREPS and tok.lemma_ not in ("say", "tell"))
            ):
                end = c.i + 1
    start = tok.i
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.i < tok.i:
        # PolNeAR marks "in" of "in a statement" as the cue: keep the phrase whole
        start = tok.head.i
    elif tok.pos_ in ("VERB", "AUX"):
        # PolNeAR cues carry the verb group: "has said", "did not respond", "also said"
        left = {c.i for c in tok.children if c.dep_ in _CUE_GROUP and c.i < tok.i}
        while start - 1 in left:
            start -= 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
