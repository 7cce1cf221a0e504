"""Labels the small model gets wrong on political news, repaired.

Reads a span and the parse around it (``token.dep``, ``token.head``, ``token.pos``,
``token.ent_type``) and adds nothing: ``_fix_label`` returns the label that
``mentions.build_entities`` gives the entity, or None when the span names nobody. A
country's name is a place, a nationality NORP, an outlet's name an organisation, a name in
apposition with a role noun a person; what a title belongs to ("Khyber Pakhtunkhwa Chief
Minister X") is a place or an organisation (``_owner_label``, ``_office_label``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from interlock.extract import roles
from interlock.extract.entities.words import _cap, _title_word
from interlock.extract.lexicon import (
    ARABIC_ORG_WORDS,
    ARABIC_PLACE_WORDS,
    CAPITALS,
    COUNTRY_NAMES,
    DEMONYMS,
    EVENT_ORG_HEADS,
    GENERIC_ORG_WORDS,
    ORG_HEADS,
    ROLE_NOUNS,
)
from interlock.vocab.words import word_set

_PARTICLE_NAME = re.compile(
    r"^[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*\s+(?:(?:al|el|Al|El|ul|bin|ibn|Abu|Abd|bint)(?:-|\s+))[A-Z][\w'’-]+",
)


#: titles of a region's or a city's office: the name before them is a place
_PLACE_OFFICES = word_set("entities", "place_offices")


def _owner_label(owner: Span) -> str | None:
    """GPE or ORG when capitalised title words and then a person's name follow ``owner``
    ("Khyber Pakhtunkhwa Chief Minister X", "Gazprom Chairman Y"), else None."""
    doc = owner.doc
    k = owner.end
    while k < len(doc) and _cap(doc[k]) and _title_word(doc[k]) and doc[k].lower_ not in DEMONYMS:
        k += 1
    if k == owner.end or k >= len(doc) or doc[k].ent_type_ != "PERSON" or not _cap(doc[k]):
        return None
    if any(t.lower_ in DEMONYMS or _title_word(t) or t.lower_ in roles.ROLE_MODIFIERS for t in owner):
        return None
    return _office_label([t.lower_ for t in doc[owner.end : k]])


def _office_label(title: list[str]) -> str:
    """GPE when the title's words are a region's or a city's office ("chief minister", "governor"),
    else ORG: the label of what the title belongs to."""
    return "GPE" if any(w in _PLACE_OFFICES for w in title) or title[:2] == ["chief", "minister"] else "ORG"


#: capitals that are also given names, left to the model
_GIVEN_CAPITALS = word_set("entities", "given_capitals")
#: prepositions after which a name is where something is
_LOCATIVES = word_set("entities", "locatives")


def _fix_label(span: Span, label: str) -> str | None:
    """Repair labels the small model gets wrong on political news."""
    words = [t.lower_.replace("’", "'") for t in span]
    if label in ("PERSON", "ORG", "NORP") and span.text.removeprefix("the ") in COUNTRY_NAMES:
        return "GPE"  # "Niger", "Chad": a country's own name is a place, whatever the model says
    if all(_title_word(t) for t in span) and not all(t.lower_ in DEMONYMS for t in span):
        return None  # "Brigadier-General", "Prime Minister": a rank or a title alone names nobody
    if label == "PERSON" and len(words) == 2 and words[0] == "the" and span[1].pos_ == "PROPN":
        return "ORG"  # "The Basij reputedly swung its weight": a person's name takes no article
    if label == "PERSON":
        owner = _owner_label(span)
        if owner is not None:
            return owner  # "Khyber Pakhtunkhwa Chief Minister X": what the title belongs to
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if label in ("GPE", "LOC", "PERSON", "NORP") and prev is not None and prev.is_lower and prev.lower_ in _OUTLET_NOUNS:
        return "ORG"  # "the news agency Saba", "the daily Al-Amana": an outlet, not a place or a person
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if label in ("PERSON", "GPE", "NORP") and nxt is not None and nxt.is_lower and nxt.lower_ in _OUTLET_NOUNS \
            and span.root.dep_ == "compound" and span.root.head.i == nxt.i and span.text not in COUNTRY_NAMES \
            and span.text.lower() not in DEMONYMS:
        return "ORG"  # "the Rudaw network", "Al-Amana newspaper": the outlet's own name
    if label in ("PERSON", "ORG") and len(span) == 1 and span.text.lower() in DEMONYMS and span.text[:1].isupper():
        return "NORP"  # "Azerbaijani", "Nigerien": a nationality, whatever the model says
    if label in ("PERSON", "ORG") and span.text.lower() in CAPITALS and span.text.lower() not in _GIVEN_CAPITALS:
        return "GPE"  # "Nile Wire - Cairo": a capital city
    if len(words) > 1 and words[0] in ARABIC_ORG_WORDS:
        return "ORG"
    if len(words) > 1 and words[0] in ARABIC_PLACE_WORDS and label in ("PERSON", "ORG", "NORP"):
        return "GPE"
    if label != "ORG" and len(words) > 1 and words[-1] in ORG_HEADS:
        return "ORG"  # "Reformist Coalition", "Martyrs of the Coast Brigade"
    if label == "ORG" and words[-1] in EVENT_ORG_HEADS:
        return "EVENT"
    if label == "ORG" and len(words) == 1 and words[0] in GENERIC_ORG_WORDS:
        return None
    if label in ("GPE", "LOC", "ORG", "NORP", "FAC") and _PARTICLE_NAME.match(span.text):
        prev = span.doc[span.start - 1] if span.start > 0 else None
        # "in Ras al-Khaimah" is a place; "Hadi al-Amiri said" is a person
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if prev is not None and prev.lower_ == "the" and nxt is not None and (
                nxt.text == "(" or (nxt.is_lower and nxt.lower_ in ORG_HEADS)):
            return label  # "the Hayat Tahrir al-Sham (HTS) group": a person's name takes no article
        if prev is None or prev.lower_ not in ("in", "at", "from", "near", "to", "into"):
            return "PERSON"
    if label in ("GPE", "ORG", "NORP", "LOC") and _is_role_apposition(span) and not (
            label in ("GPE", "LOC") and span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES):
        return "PERSON"  # but "director of X in Rural Damascus, chairman of Y": a place, and a list
    if label == "PERSON" and _before_place_title(span):
        return "GPE"  # "Teuchitlan Mayor X": the name before a mayor's title is the town
    if label == "ORG" and len(span) == 1 and _is_place_of_action(span.root):
        return "GPE"  # "met ... in Erbil": a one-word name where something happened
    return label


#: nouns of a news outlet that its name follows: "the news agency Saba"
_OUTLET_NOUNS = word_set("entities", "outlet_nouns")

#: titles of posts held in a place, which a place's name stands before: "Varesh Governor X"
_PLACE_TITLES = word_set("entities", "place_titles")


def _before_place_title(span: Span) -> bool:
    doc = span.doc
    end = span.end
    return (end + 1 < len(doc) and doc[end].lower_ in _PLACE_TITLES and doc[end].text[:1].isupper()
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ == "PERSON")


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
