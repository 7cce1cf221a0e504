"""Attribution: who said what, found over the spaCy parse.

A learned classifier (``classifier``) decides which verbs, "according to" phrases,
reporting nouns, dashes and colons (``cues``) are cues, from their features
(``features``) and from what the rules build around them; rules over the dependency
parse and the paired quote marks (``quotes``) find each cue's content (``contents``),
source and addressee (``speakers``). Reads the parse and the document's text; for
``colon_quotes``, also the entities on ``doc._.interlock``, to which it adds the
mention of a headline's speaker. ``find_attributions`` returns the drafts in text
order; ``candidate`` gives training a candidate's features.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from interlock.extract.attribution.classifier import (
    Priors,
    _ceiling,
    _with_rules,
    cue_probability,
    load_model,
)
from interlock.extract.attribution.contents import _content, content_kind
from interlock.extract.attribution.cues import (
    _cue_span,
    convention_cue,
    is_candidate,
    maybe_candidates,
)
from interlock.extract.attribution.features import features
from interlock.extract.attribution.quotes import QuoteIndex
from interlock.extract.attribution.spans import Offsets
from interlock.extract.attribution.speakers import (
    _addressee,
    _close_bracket,
    _source_span,
    is_anonymous,
)
from interlock.extract.state import AttributionDraft, DocState


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
