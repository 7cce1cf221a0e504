"""Entities: spaCy's named entities, repaired, plus unnamed people known by their role.

Reads: ``doc.ents``, the dependency parse. Adds: ``state.entities`` (one draft
per mention at first), the outlet entity from a trailing "Source » outlet"
line; then ``interlock.extract.coref`` clusters them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from interlock.extract import coref
from interlock.extract.lexicon import (
    ENTITY_LABELS,
    EVENT_ORG_HEADS,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    NAME_PARTICLES,
    ROLE_NOUNS,
)
from interlock.extract.state import DocState

#: a closing line naming the outlet: "Source » ncr-iran", "Source: Reuters"
SOURCE_LINE = re.compile(r"(?:^|\n)[ \t]*Source[ \t]*(?:»|>>|:|-)[ \t]*(?P<outlet>[^\n]{1,80}?)[ \t]*\s*$")

_PARTICLE_NAME = re.compile(
    r"^[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*\s+(?:(?:al|el|Al|El|ul|bin|ibn|Abu|Abd|bint)(?:-|\s+))[A-Z][\w'’-]+",
)
#: nouns after "in"/"at" that make the phrase part of a post ("a candidate in the election")
_POST_CONTEXTS = frozenset(
    {"election", "vote", "race", "poll", "parliament", "government", "cabinet", "party",
     "alliance", "coalition", "army", "militia", "ministry", "embassy", "council", "assembly"}
)
_POSSESSIVE = ("'s", "’s", "'", "’")


def build_entities(doc: Doc, state: DocState) -> None:
    """Find every entity mention in the document and cluster them."""
    body_end = _find_outlet_line(doc, state)
    people = _given_name_spans(doc, body_end)
    taken: set[int] = set()
    for person in people:
        state.new_entity("PERSON", person.start_char, person.end_char, person.text, "name")
        taken.update(range(person.start, person.end))
    for ent in doc.ents:
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
        state.new_entity(label, span.start_char, span.end_char, span.text, _name_kind(span))
    _later_surnames(doc, state, body_end)
    _acronyms_in_parentheses(doc, state, body_end)
    _role_nominals(doc, state, body_end)
    coref.cluster(doc, state)


def _is_name_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start


def _given_name_spans(doc: Doc, body_end: int) -> list[Span]:
    """Person names that start with a known given name ("Nadia Farouk", "Hadi al-Ameri").

    The small model often labels such names as places or organisations, or misses them.
    """
    spans: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if tok.idx >= body_end:
            break
        if not (tok.is_alpha and tok.text[:1].isupper() and tok.lower_ in GIVEN_NAMES):
            i += 1
            continue
        if i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and doc[i - 1].ent_type_ == "PERSON":
            i += 1
            continue  # inside a name that spaCy already has
        j = i + 1
        while j < n:
            t = doc[j]
            if t.lower_ in NAME_PARTICLES and j + 1 < n and (doc[j + 1].text == "-" or _is_name_word(doc[j + 1])):
                j += 1
            elif t.text == "-" and j + 1 < n and _is_name_word(doc[j + 1]) and doc[j - 1].lower_ in NAME_PARTICLES:
                j += 1
            elif _is_name_word(t) and t.ent_type_ not in ("DATE", "TIME", "GPE") and t.lower_ not in ROLE_NOUNS:
                j += 1
            else:
                break
        if j - i >= 2 and _is_name_word(doc[j - 1]):
            spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return spans


def _later_surnames(doc: Doc, state: DocState, body_end: int) -> None:
    """A person's surname alone later on ("Farouk"), when the model missed it."""
    surnames: dict[str, str] = {}
    for ent in state.entities:
        if ent.label != "PERSON" or ent.mentions[0].kind != "name":
            continue
        words = ent.mentions[0].text.replace("-", " ").split()
        if len(words) >= 2 and words[-1][:1].isupper():
            surnames[words[-1]] = ent.mentions[0].text
    if not surnames:
        return
    covered = [(m.start, m.end) for e in state.entities for m in e.mentions]
    for tok in doc:
        if tok.idx >= body_end:
            break
        if tok.text not in surnames:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in NAME_PARTICLES:
            start = doc[tok.i - 2].idx
        if any(s < end and start < e for s, e in covered):
            continue
        state.new_entity("PERSON", start, end, doc.text[start:end], "short")


def _find_outlet_line(doc: Doc, state: DocState) -> int:
    """Record the outlet named on a closing "Source » X" line; return where the body ends."""
    text = doc.text
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


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive; None when nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    if not any(t.is_alpha for t in doc[start:end]):
        return None
    return doc[start:end]


def _fix_label(span: Span, label: str) -> str | None:
    """Repair labels the small model gets wrong on political news."""
    words = [t.lower_ for t in span]
    if label == "ORG" and words[-1] in EVENT_ORG_HEADS:
        return "EVENT"
    if label == "ORG" and len(words) == 1 and words[0] in GENERIC_ORG_WORDS:
        return None
    if label in ("GPE", "LOC", "ORG", "NORP", "FAC") and _PARTICLE_NAME.match(span.text):
        prev = span.doc[span.start - 1] if span.start > 0 else None
        # "in Ras al-Khaimah" is a place; "Hadi al-Amiri said" is a person
        if prev is None or prev.lower_ not in ("in", "at", "from", "near", "to", "into"):
            return "PERSON"
    if label in ("GPE", "ORG", "NORP", "LOC") and _is_role_apposition(span):
        return "PERSON"
    if label == "ORG" and len(span) == 1 and _is_place_of_action(span.root):
        return "GPE"  # "met ... in Erbil": a one-word name where something happened
    return label


def _is_place_of_action(tok: Token) -> bool:
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ in ("in", "near")
        and prep.head.pos_ in ("VERB", "AUX")
        and tok.lower_ not in GENERIC_ORG_WORDS
    )


def _is_role_apposition(span: Span) -> bool:
    """A name in apposition with a person's role noun ("X, the commander of Y")."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in ROLE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in root.children)


def _name_kind(span: Span) -> str:
    text = span.text
    if len(span) == 1 and text.isupper() and 2 <= len(text) <= 7:
        return "acronym"
    return "name"


def _acronyms_in_parentheses(doc: Doc, state: DocState, body_end: int) -> None:
    """"Popular Mobilization Units (PMU)": the acronym becomes a mention of the name."""
    for match in re.finditer(r"\(([A-Z][A-Za-z&.-]{1,9})\)", doc.text[:body_end]):
        start, end = match.start(1), match.end(1)
        if state.entity_at(start, end, exact=True) is not None:
            continue
        before = state.mentions_in(max(0, start - 120), start - 1)
        if not before:
            continue
        mention, ent = before[-1]
        gap = doc.text[mention.end : match.start()]
        if gap.strip(" ’'s") == "" and coref.initials_match(match.group(1), mention.text):
            state.add_mention(ent, start, end, match.group(1), "acronym")


def _role_nominals(doc: Doc, state: DocState, body_end: int) -> None:
    """Noun phrases headed by a role noun become person mentions (named or unnamed)."""
    for token in doc:
        if token.idx >= body_end or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.lower_ not in ROLE_NOUNS and token.lemma_.lower() not in ROLE_NOUNS:
            continue
        if token.dep_ == "compound" and token.head.pos_ in ("PROPN", "NOUN"):
            continue  # "analyst" in "Political analyst Ahmad al-Khafaji": a title
        if token.ent_type_ and token.ent_type_ not in ("PERSON",):
            continue
        if token.tag_ in ("NNS", "NNPS") and token.lower_ not in ("sources", "officials"):
            continue  # plural groups ("members of X") are not one person
        span = nominal_span(token)
        if span is None or state.entity_at(span.start_char, span.end_char, exact=True):
            continue
        ent = state.new_entity("PERSON", span.start_char, span.end_char, span.text, "nominal")
        ent.descriptors.append(descriptor_text(span))
        ent.anonymous = True  # unnamed until coreference joins it to a name


def nominal_span(head: Token) -> Span | None:
    """The noun phrase of a role noun: determiner, modifiers and "of/to/for" phrases."""
    doc = head.doc
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "advmod", "case"):
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("in", "at", "from", "on"):
            # "the ambassador in Baghdad" names a post; "the ambassador in such meetings" does not
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (
                objects[0].ent_type_ in ("GPE", "LOC", "ORG", "FAC", "NORP")
                or objects[0].lemma_.lower() in _POST_CONTEXTS
            ):
                right = max(right, child.right_edge.i)
        elif child.dep_ in ("compound", "amod") and child.i == right + 1:
            right = child.i
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc", "punct")):
        right -= 1
    # a relative clause or apposition is not part of the name
    for t in doc[head.i + 1 : right + 1]:
        if t.dep_ in ("relcl", "acl", "appos") and left <= t.head.i <= right:
            right = min(right, t.left_edge.i - 1)
            break
    while right > head.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    if left > head.i or right < head.i:
        return None
    return doc[left : right + 1]


def descriptor_text(span: Span) -> str:
    """The role description without a leading article ("Iranian ambassador to Iraq")."""
    words = span.text
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if words.startswith(article):
            return words[len(article) :]
    return words


__all__ = ["build_entities", "nominal_span", "descriptor_text", "SOURCE_LINE", "NAME_PARTICLES"]
