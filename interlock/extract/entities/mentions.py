"""Entity mentions: the order in which the finders run over a document, then coreference.

Reads the text (an opening dateline, a closing "Source » outlet" line), ``doc.ents`` and
what the finders read. ``build_entities`` records ``state.dateline_end`` and the outlet
(``state.outlet``, ``state.outlet_entity``, ``state.body_end``), adds one entity draft
per mention to ``state.entities`` (people from given names first, then the model's
entities repaired and relabelled, then the finders of ``runs``, ``people``,
``organisations`` and ``nominals``), then has ``interlock.extract.coref`` cluster them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from interlock.extract import coref
from interlock.extract.entities.labels import _fix_label
from interlock.extract.entities.nominals import _role_nominals
from interlock.extract.entities.organisations import (
    _acronyms_in_parentheses,
    _bare_acronyms,
    _state_bodies,
)
from interlock.extract.entities.people import (
    _given_name_spans,
    _later_surnames,
    _people_mislabelled,
)
from interlock.extract.entities.runs import _proper_name_runs
from interlock.extract.entities.spans import _joined, _of_name, _trim
from interlock.extract.lexicon import ENTITY_LABELS, ORG_HEADS, PLACE_HEADS
from interlock.extract.state import DocState, text_of

#: a closing line naming the outlet: "Source » ncr-iran", "Source: Reuters"
SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Source[ \t]*(?:»|>>|:|-)[ \t]*(?P<outlet>[^\n]{1,80}?)[ \t]*\s*$")

#: an opening dateline: "TRIPOLI, Nov 24 (MWS) -", "BAGHDAD (Reuters) -", "TEHRAN, April 10 -"
DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]{1,12}(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s"
)


def build_entities(doc: Doc, state: DocState) -> None:
    """Find every entity mention in the document and cluster them."""
    body_end = _find_outlet_line(doc, state)
    dateline = DATELINE.match(text_of(doc))
    if dateline is not None:
        state.dateline_end = dateline.end()
    people = _given_name_spans(doc, body_end)
    taken: set[int] = set()
    for person in people:
        state.new_entity("PERSON", person.start_char, person.end_char, person.text, "name")
        taken.update(range(person.start, person.end))
    for ent in _joined(doc):
        if ent.label_ not in ENTITY_LABELS or ent.start_char >= body_end:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # a name our list of given names already took as a person
        span = _trim(ent)
        if span is None:
            continue
        label = _fix_label(span, ent.label_)
        if label is None:
            continue
        if label in ("ORG", "GPE"):
            longer = _of_name(span)
            if longer is not span:
                span = longer
                taken.update(range(span.start, span.end))  # "the Congo" is part of it, no entity of its own
        dropped = [t.lower_ for t in ent if t.i >= span.end and t.is_alpha]
        if dropped and dropped[-1] in ORG_HEADS and label in ("FAC", "PERSON", "GPE", "LOC", "WORK_OF_ART"):
            label = "ORG"  # "the Saraya al-Fajr militia"
        elif dropped and dropped[-1] in PLACE_HEADS and label in ("PERSON", "ORG", "NORP", "WORK_OF_ART"):
            label = "GPE"  # "Golestan-e Now province"
        new = state.new_entity(label, span.start_char, span.end_char, span.text, _name_kind(span))
        if dropped and dropped[-1] in ORG_HEADS:
            new.descriptors.append(dropped[-1])
    _proper_name_runs(doc, state, body_end)
    _people_mislabelled(doc, state)
    _later_surnames(doc, state, body_end)
    _acronyms_in_parentheses(doc, state, body_end)
    _bare_acronyms(doc, state, body_end)
    _state_bodies(doc, state, body_end)
    _role_nominals(doc, state, body_end)
    coref.cluster(doc, state)


def _find_outlet_line(doc: Doc, state: DocState) -> int:
    """Record the outlet named on a closing "Source » X" line; return where the body ends."""
    text = text_of(doc)
    match = SOURCE_LINE.search(text[-200:]) if text else None
    if match is None:
        return len(text)
    offset = len(text) - len(text[-200:])
    start, end = offset + match.start("outlet"), offset + match.end("outlet")
    name = text[start:end].strip()
    if not name:
        return len(text)
    if state.outlet is None:
        state.outlet = name
    state.outlet_entity = state.new_entity("ORG", start, end, text[start:end], "name")
    state.outlet_entity.descriptors.append("outlet")
    state.body_end = offset + match.start()
    return state.body_end


def _name_kind(span: Span) -> str:
    text = span.text
    if len(span) == 1 and text.isupper() and 2 <= len(text) <= 7:
        return "acronym"
    return "name"
