"""Organisations the model misses: acronyms and a state's bodies.

Reads the text, the parse (``token.pos``, ``token.dep``, ``token.head``) and the
entities found so far. Adds to ``state.entities``: an acronym in parentheses after a
name, as a mention of it ("Popular Mobilization Units (PMU)"); an acronym used at least
twice that no entity holds, as an organisation; a state's body named by its country
("the Nigerian government"), as an organisation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from interlock.extract import coref
from interlock.extract.lexicon import CAPITALS, COUNTRY_NAMES, DEMONYMS
from interlock.extract.state import DocState, text_of
from interlock.vocab.words import word_set


def _acronyms_in_parentheses(doc: Doc, state: DocState, body_end: int) -> None:
    """"Popular Mobilization Units (PMU)": the acronym becomes a mention of the name."""
    for match in re.finditer(r"\(([A-Z][A-Za-z&.-]{1,9})\)", text_of(doc)[:body_end]):
        start, end = match.start(1), match.end(1)
        if state.entity_at(start, end, exact=True) is not None:
            continue
        before = state.mentions_in(max(0, start - 120), start - 1)
        if not before:
            continue
        mention, ent = before[-1]
        gap = text_of(doc)[mention.end : match.start()]
        if gap.strip(" ’'s") == "" and coref.initials_match(match.group(1), mention.text):
            state.add_mention(ent, start, end, match.group(1), "acronym")


#: capitals-only words that are no organisation's name
_NOT_ACRONYMS = word_set("entities", "not_acronyms")
_ACRONYM = re.compile(r"(?<![\w.-])[A-Z][A-Z0-9]{2,6}(?![\w.-])")


def _bare_acronyms(doc: Doc, state: DocState, body_end: int) -> None:
    """An organisation's acronym the model never tagged ("the bloc ECOWAS", "M23 rebels"),
    when the text uses it at least twice outside any entity and outside all-capitals lines
    (headlines, datelines). Places, countries and common abbreviations are not taken."""
    text = text_of(doc)
    seen: dict[str, list[tuple[int, int]]] = {}
    for match in _ACRONYM.finditer(text, 0, body_end):
        word = match.group()
        if word in _NOT_ACRONYMS or word.lower() in CAPITALS or word.title() in COUNTRY_NAMES:
            continue
        if state.dateline_end is not None and match.start() < state.dateline_end:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not any(ch.islower() for ch in line):
            continue  # an all-capitals headline or dateline
        if state.entity_at(match.start(), match.end()) is not None:
            continue
        seen.setdefault(word, []).append(match.span())
    for word, spans in seen.items():
        if len(spans) < 2:
            continue
        ent = state.new_entity("ORG", spans[0][0], spans[0][1], word, "acronym")
        for start, end in spans[1:]:
            state.add_mention(ent, start, end, word, "acronym")


#: nouns of a state's bodies that a nationality or a country's name before them names
_STATE_BODY_NOUNS = word_set("entities", "state_body_nouns")


_STATE_BODY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_STATE_BODY_NOUNS)) + r")\b", re.IGNORECASE)


def _state_bodies(doc: Doc, state: DocState, body_end: int) -> None:
    """"the Nigerian government", "DR Congo's government", "the Sudan's main army": a state's
    body named by its country is an organisation of its own, so that it can meet, talk and
    be talked to (a bare "the government" is left to coreference)."""
    text = text_of(doc)
    starts = {m.start() for m in _STATE_BODY_WORD.finditer(text, 0, body_end)}
    if not starts:
        return
    for found in (doc.char_span(i, i + 1, alignment_mode="expand") for i in sorted(starts)):
        if found is None:
            continue
        head = found.root
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in _STATE_BODY_NOUNS:
            continue
        if head.dep_ == "compound" and head.head.lower_ in _STATE_BODY_NOUNS:
            continue  # "government delegation": the phrase's head is the last noun
        owner = None
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and (
                    child.lower_ in DEMONYMS or (child.text[:1].isupper() and any(
                        e.label == "GPE" for _, e in state.mentions_in(child.left_edge.idx, child.idx + len(child.text))))):
                owner = child
        if owner is None:
            continue
        start = owner.left_edge.i
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        end = head.i + 1
        if end < len(doc) and doc[end].lower_ in _STATE_BODY_NOUNS and doc[end].pos_ == "NOUN":
            end += 1  # "the Colombian government delegation"
        span = doc[start:end]
        if "\n" in span.text or state.entity_at(span.start_char, span.end_char, exact=True) is not None:
            continue
        if any(e.label == "PERSON" for _, e in state.mentions_in(span.start_char, span.end_char)):
            continue
        # a name in all but form: the body is known, so its statements are no anonymous source's
        state.new_entity("ORG", span.start_char, span.end_char, span.text, "name")
