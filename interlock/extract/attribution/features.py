"""The features of a candidate cue, as the learned cue classifier weighs them.

A candidate cue (``cues``) is a verb (or "according", or a reporting noun) in the
parse. Its features describe the word, its dependency context and nearby quote marks
(``quotes``); the classifier (``classifier``) weighs them. Reads each token's lemma,
form, tag, part of speech, dependency, head, children and entity type; adds nothing
to the Doc.

Only features that can carry over to unseen articles get a weight: the cue's
lemma, dependency labels and paths, punctuation and quote marks, positions, and
neighbouring words with names, numbers and handles replaced by their kind
(``word``); training drops the rest (``transferable``) and whatever was seen in
fewer than ``MIN_DOCS`` training articles.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from interlock.extract.attribution.cues import colon_speaker, is_dash, subject_of
from interlock.extract.attribution.quotes import QUOTE_OPEN, QuoteIndex
from interlock.vocab.words import word_set

#: reporting verbs the rules trust even without the model (used as a feature too)
REPORT_VERBS = word_set("attribution", "report_verbs")


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
