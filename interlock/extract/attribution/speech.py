"""Attribution: who said what, found over the spaCy parse.

A learned classifier (``attribution.classifier``) decides which verbs, "according
to" phrases and reporting nouns are cues; rules over the dependency parse and
the paired quote marks then find each cue's source, content and addressee.
Contents follow PolNeAR: a direct quote's content keeps its quote marks, an
indirect content keeps its "that".
"""

from __future__ import annotations

import math
import re
from itertools import repeat
from typing import Any

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from interlock.extract.attribution.classifier import (
    Priors,
    cue_probability,
    load_model,
    prior_bucket,
    prior_features,
)
from interlock.extract.attribution.cues import (
    colon_speaker,
    convention_cue,
    is_candidate,
    is_dash,
    maybe_candidates,
    subject_of,
)
from interlock.extract.attribution.features import content_kind, features, is_anonymous
from interlock.extract.attribution.quotes import (
    QUOTE_CLOSE,
    QuoteIndex,
    colon_quote,
    quote_before,
    quote_widen,
)
from interlock.extract.state import AttributionDraft, DocState
from interlock.vocab.words import word_set

Offsets = tuple[int, int]

#: verbs whose object is the person told ("told Al Arabiya that ...")
TELL_VERBS = word_set("attribution", "tell_verbs")
#: verbs whose "to" phrase is the addressee ("said to reporters")
TO_VERBS = word_set("attribution", "to_verbs")
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd")
#: words before a verb that belong to its cue
_CUE_GROUP = frozenset(("aux", "auxpass", "neg", "advmod"))
#: prepositions that PolNeAR keeps with their verb in a cue ("called for", "pointed to")
_CUE_PREPS = word_set("attribution", "cue_preps")
#: prepositions that carry the rest of a complement ("described it as ...", "accused X of ...")
_CONTENT_PREPS = word_set("attribution", "content_preps")
#: prepositions of time, place and company: what follows them is not what was said
_SETTING_PREPS = word_set("attribution", "setting_preps")
_EDGE_PUNCT = frozenset(",.;:-\u2014\u2013()")


def _span(doc: Doc, start: int, end: int) -> Offsets | None:
    """Character offsets of tokens [start, end) with edge punctuation trimmed."""
    while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    if start >= end:
        return None
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


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


#: features crossed with the lemma's training cue rate (see ``prior_bucket``)
_PRIOR_CONTEXT = (
    "dep=", "tag=", "subj_ent=", "subj_pos=", "subj=", "kid=", "rule=", "rule_source=",
    "quote_", "in_quote", "ccomp_", "under_report_verb", "kind=", "content_size=",
    "anonymous_source", "hdep=", "next=", "prev=",
)


def candidate(
    tok: Token, quotes: QuoteIndex, priors: Priors | None = None
) -> tuple[list[str], AttributionDraft | None]:
    """The features of a candidate cue, with the attribution the rules build around it.

    What the rules find (which rule gave the content, whether a speaker was
    found) tells the classifier much about the candidate, so it is a feature.
    """
    feats = features(tok, quotes)
    draft, rule = _draft(tok, quotes)
    return _with_rules(tok, feats, draft, rule, priors), draft


def _with_rules(
    tok: Token, feats: list[str], draft: AttributionDraft | None, rule: str, priors: Priors | None
) -> list[str]:
    """A candidate's own features with what the rules built and the prior crosses added."""
    lemma = tok.lemma_.lower()
    has_source = draft is not None and draft.source is not None
    feats += [
        f"rule={rule}",
        f"lemma_rule={lemma}|{rule}",
        f"rule_source={rule}|{has_source}",
        f"lemma_source={lemma}|{has_source}",
    ]
    if draft is not None:
        size = draft.content[1] - draft.content[0]
        feats.append(f"content_size={min(size // 40, 5)}")
        feats.append(f"kind={draft.kind}")
        if draft.anonymous:
            feats.append("anonymous_source")
    if priors is not None:
        context = [x for x in feats if x.startswith(_PRIOR_CONTEXT)]
        feats += prior_features(prior_bucket(lemma, priors), context)
    return feats


#: the features ``_with_rules`` adds that depend on what the rules built, by name
_RULE_FEATURES = frozenset(("rule", "rule_source", "content_size", "kind", "anonymous_source"))
_LEMMA_RULE_FEATURES = frozenset(("lemma_rule", "lemma_source"))


class _RuleCeiling:
    """The most the rules' features can add to a candidate's score, to skip building
    a draft for a candidate that stays below the threshold whatever the rules find.

    Each feature ``_with_rules`` adds takes one value of its kind (one rule, one
    kind of content, ...), so the largest positive weight of each kind, summed,
    bounds what they add; a candidate whose other features and that bound stay
    under the threshold's log-odds is one the model would drop. Output is the same
    as building every draft; the drafts are most of attribution's time.
    """

    def __init__(self, model: dict[str, Any]) -> None:
        self.model = model
        threshold = float(model.get("threshold", 0.5))
        self.usable = 0.0 < threshold < 1.0
        self.log_odds = math.log(threshold / (1.0 - threshold)) if self.usable else 0.0
        self.top: dict[str, float] = {}  # rule features and their prior crosses, by name (and bucket)
        self.of_lemma: dict[tuple[str, str], float] = {}  # lemma_rule, lemma_source by lemma
        for key, weight in model["weights"].items():
            if weight <= 0:
                continue
            name, _, value = key.partition("=")
            if name in _RULE_FEATURES:
                slot = name
            elif name.startswith("prior|") and name[6:] in _RULE_FEATURES:
                slot = f"{name}={value.rpartition('=')[2]}"
            elif name in _LEMMA_RULE_FEATURES:
                lemma_key = (name, value.rpartition("|")[0])
                self.of_lemma[lemma_key] = max(self.of_lemma.get(lemma_key, 0.0), weight)
                continue
            else:
                continue
            self.top[slot] = max(self.top.get(slot, 0.0), weight)
        self.rules_top = sum(self.top.get(name, 0.0) for name in _RULE_FEATURES)

    def below(self, tok: Token, feats: list[str], priors: Priors | None) -> bool:
        """True when the candidate scores under the threshold whatever its draft holds."""
        if not self.usable:
            return False
        w: dict[str, float] = self.model["weights"]
        lemma = tok.lemma_.lower()
        z = float(self.model.get("intercept", 0.0)) + sum(map(w.get, feats, repeat(0.0)))
        z += self.rules_top + sum(self.of_lemma.get((name, lemma), 0.0) for name in _LEMMA_RULE_FEATURES)
        if priors is not None:
            bucket = prior_bucket(lemma, priors)
            z += w.get(f"prior={bucket}", 0.0)
            z += sum(w.get(f"prior|{x}={bucket}", 0.0) for x in feats if x.startswith(_PRIOR_CONTEXT))
            z += sum(self.top.get(f"prior|{name}={bucket}", 0.0) for name in _RULE_FEATURES)
        return z < self.log_odds - 1e-6


_CEILINGS: list[_RuleCeiling] = []


def _ceiling(model: dict[str, Any]) -> _RuleCeiling:
    """The rule ceiling of a model, kept for the last few models used."""
    for ceiling in _CEILINGS:
        if ceiling.model is model:
            return ceiling
    ceiling = _RuleCeiling(model)
    _CEILINGS[:] = [ceiling, *_CEILINGS[:3]]
    return ceiling


def _draft(tok: Token, quotes: QuoteIndex) -> tuple[AttributionDraft | None, str]:
    doc = tok.doc
    cue = _cue_span(tok)
    content, rule = _content(tok, quotes, cue)
    if content is None or content[1] <= content[0]:
        return None, "none"
    source = _close_bracket(quotes.text, _source_span(tok, quotes, cue, content))
    anonymous = False
    if source is not None:
        src_span = doc.char_span(*source, alignment_mode="expand")
        anonymous = bool(src_span is not None and len(src_span) and is_anonymous(src_span))
    draft = AttributionDraft(
        kind=content_kind(quotes.text[content[0] : content[1]]),
        cue=cue,
        content=content,
        source=source,
        addressee=_addressee(tok),
        anonymous=anonymous,
    )
    return draft, rule


def find_attributions(doc: Doc, model: dict[str, Any] | None = None) -> list[AttributionDraft]:
    """Every direct, indirect and mixed attribution in a parsed doc, in text order."""
    if len(doc) == 0:
        return []
    model = model or load_model()
    threshold = float(model.get("threshold", 0.5))
    priors: Priors | None = model.get("lemma_prior")
    quotes = QuoteIndex(doc)
    ceiling = _ceiling(model)
    out: list[AttributionDraft] = []
    seen: set[Offsets] = set()
    by_token: dict[int, AttributionDraft] = {}
    for i in maybe_candidates(doc):
        tok = doc[i]
        if not is_candidate(tok) or _never_cue(tok, priors):
            continue
        feats = features(tok, quotes)
        if not convention_cue(tok) and ceiling.below(tok, feats, priors):
            continue  # under the threshold whatever the rules would build
        draft, rule = _draft(tok, quotes)
        if draft is None:
            continue
        feats = _with_rules(tok, feats, draft, rule, priors)
        p = cue_probability(feats, model)
        if p < threshold and convention_cue(tok):
            p = max(p, 0.9)
        if p < threshold or draft.cue in seen:
            continue
        draft.confidence = round(p, 4)
        seen.add(draft.cue)
        out.append(draft)
        by_token[tok.i] = draft
    return _merge_chains(doc, out, by_token)


#: "Name: 'words'", a headline's way of quoting someone
_COLON_QUOTE = re.compile(r"(?P<quote>['‘“\"][^'’”\"\n]{8,}['’”\"])")


def colon_quotes(doc: Doc, state: DocState, found: list[AttributionDraft]) -> list[AttributionDraft]:
    """ "X: 'I have never met Y'": a person's name, a colon, then a quotation, as headlines
    quote people; the name is the source. Added where no attribution holds the quotation."""
    out = list(found)
    colon = get_string_id(":")
    for i, orth in enumerate(doc.to_array(ORTH).tolist() if len(doc) else []):
        if orth != colon or i == 0:
            continue
        tok = doc[i]
        name = doc[tok.i - 1]
        who = state.entity_at(name.idx, name.idx + len(name.text))
        if (who is None or who.resolved().label != "PERSON") and name.pos_ == "PROPN":
            # "[Exclusive] Brandt: '...'": the recogniser's span swallowed the label; the
            # surname is the person's the story names in full
            who = next((e for e in state.live_entities() if e.label == "PERSON" and not e.anonymous
                        and e.name.split()[-1].lower().endswith(name.lower_)), None)
            if who is not None:
                state.add_mention(who, name.idx, name.idx + len(name.text), name.text, "short")
        if who is None or who.resolved().label != "PERSON":
            continue
        match = _COLON_QUOTE.match(doc.text, tok.idx + len(tok.text) + len(tok.whitespace_))
        if match is None:
            continue
        start, end = match.span("quote")
        mention = min((m for m in who.resolved().mentions if m.start <= name.idx < m.end),
                      key=lambda m: m.end - m.start, default=None)
        source = (mention.start, mention.end) if mention is not None else (name.idx, name.idx + len(name.text))
        same_cue = next((a for a in out if a.cue == (tok.idx, tok.idx + 1)), None)
        if same_cue is not None:
            same_cue.source = source  # the model's source ran over the headline's label
        elif not any(a.content[0] <= start < a.content[1] for a in out):
            out.append(AttributionDraft(kind="direct", cue=(tok.idx, tok.idx + 1), content=(start, end),
                                        source=source))
    return sorted(out, key=lambda a: a.cue[0])


def _never_cue(tok: Token, priors: Priors | None) -> bool:
    """A lemma seen often in training and almost never as a cue: not worth building a draft for."""
    if priors is None or convention_cue(tok):
        return False
    pos, total = priors.get(tok.lemma_.lower(), (0, 0))
    return total >= 30 and (pos + 0.2) / (total + 1.0) < 0.02


def _merge_chains(
    doc: Doc, drafts: list[AttributionDraft], by_token: dict[int, AttributionDraft]
) -> list[AttributionDraft]:
    """One cue for "went on to say", "began by saying": the verb chain is a single cue."""
    dropped: set[int] = set()
    for i in sorted(by_token):
        tok = doc[i]
        up, reach = tok.head, 5
        if tok.dep_ == "pcomp" and up.dep_ == "prep":
            up = up.head
        elif tok.dep_ in ("acl", "relcl") and up.dep_ in ("dobj", "pobj"):
            # "issued a statement calling", "released a letter that says",
            # "unleashed a series of tweets saying": one cue
            if up.dep_ == "pobj" and up.head.lower_ == "of" and up.head.head.dep_ == "dobj":
                up = up.head.head
            up, reach = up.head, 10
        elif tok.dep_ not in ("xcomp", "advcl"):
            continue
        outer = by_token.get(up.i)
        inner = by_token[i]
        if outer is None or id(outer) in dropped or up.i > i or i - up.i > reach:
            continue
        if tok.dep_ == "advcl" and inner.cue[0] - outer.cue[1] > 1:
            continue  # an adverbial clause is one cue only when the words run on
        inner.cue = (outer.cue[0], inner.cue[1])
        if inner.source is None:
            inner.source, inner.anonymous = outer.source, outer.anonymous
        inner.confidence = max(inner.confidence, outer.confidence)
        dropped.add(id(outer))
    for i, draft in by_token.items():
        tok = doc[i]
        # "In a statement, Smith said ...": the noun belongs to the verb's cue, not a cue of its own
        if tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "dobj"):
            # "expressed concern that ...": likewise the verb's object
            verb = by_token.get(tok.head.head.i if tok.dep_ == "pobj" else tok.head.i)
            if verb is not None and verb is not draft and id(verb) not in dropped:
                dropped.add(id(draft))
    return [d for d in drafts if id(d) not in dropped]
