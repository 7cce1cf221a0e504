"""The model's entity spans repaired: joined, trimmed, grown, run on.

Reads ``doc.ents`` and the tokens around them (``token.pos``, ``token.dep``,
``token.head``, ``token.ent_type``, ``token.whitespace_``) and adds nothing itself:
``mentions.build_entities`` makes entities of the spans. A people's adjective is joined
to the name it begins ("Syrian Kurds") and a name cut in two is joined (``_joined``); a
leading "the", a title, a possessive, a trailing common noun are trimmed and a person's
name the model cut short is grown by the untagged words beside it (``_trim``); a name cut
before its "of" phrase runs on (``_of_name``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from interlock.extract.entities.words import (
    _CONNECTORS,
    _MONARCH_TITLES,
    _past_titles,
    _title_word,
    _with_monarch_title,
)
from interlock.extract.lexicon import (
    CAPITALS,
    COUNTRY_NAMES,
    DEMONYMS,
    GIVEN_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
)
from interlock.names import HONORIFICS
from interlock.vocab.words import word_set

_POSSESSIVE = ("'s", "’s", "'", "’")


def _joined(doc: Doc) -> list[Span]:
    """The model's entities, with a people's adjective joined to the name it begins: "Islamic"
    before an untagged "State" is the Islamic State (a group); "Syrian" before "Kurds" is one
    people, the Syrian Kurds."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "NORP" and nxt is not None and nxt.pos_ == "PROPN" and not nxt.ent_type_ \
                and nxt.text[:1].isupper() and (nxt.lower_ == "state" or nxt.lower_ in ORG_HEADS):
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
        elif ent.label_ == "NORP" and i + 1 < len(ents) and ents[i + 1].start == ent.end \
                and ents[i + 1].label_ == "NORP" and ents[i + 1].root.tag_ in ("NNPS", "NNS"):
            out.append(Span(doc, ent.start, ents[i + 1].end, label="NORP"))
            i += 1
        elif ent.label_ == "PERSON" and i + 1 < len(ents) and ents[i + 1].start == ent.end \
                and ents[i + 1].label_ == "PERSON" and ent[-1].whitespace_ and "\n" not in ent[-1].whitespace_ \
                and (ents[i + 1][0].lower_ not in GIVEN_NAMES or ent.end - _past_titles(doc, ent.start, ent.end) == 1) \
                and ent[-1].text not in _POSSESSIVE \
                and ents[i + 1].end - _past_titles(doc, ent.start, ent.end) <= 4:
            # one name cut in two ("Ibrahim Sheikh" "Muhiyadin Addow"); but a cast list's next name
            # starts with a given name, and "X's Y" is two people
            out.append(Span(doc, ent.start, ents[i + 1].end, label="PERSON"))
            i += 1
        elif ent.label_ == "PERSON" and i + 1 < len(ents) and ents[i + 1].label_ == "PERSON" \
                and ents[i + 1].start == ent.end + 1 and doc[ent.end].text in ("’", "'") \
                and not ent[-1].whitespace_ and doc[ent.end].whitespace_ == " ":
            # "Mohammed Shia’ al-Sudani": a final apostrophe (an ayn) does not end the name
            out.append(Span(doc, ent.start, ents[i + 1].end, label="PERSON"))
            i += 1
        else:
            out.append(ent)
        i += 1
    return out


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the", a trailing possessive, a "(" and what follows, and a trailing
    common noun ("the Saraya al-Fajr militia"); None when nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if start > 0 and _glued_name_word(doc[start - 1]):
        start -= 1  # "Kata’ib Hizbollah": the model left out a word with an inner apostrophe
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if ent.label_ == "PERSON":
        # "Iraqi Prime Minister X Y" tagged whole: the nationality and the title are not the name
        named = _past_titles(doc, start, end, keep=2)
        if doc[named].text[:1].isupper():
            start = _with_monarch_title(doc, named)
        elif start > 0 and start == ent.start and doc[start - 1].text.istitle() \
                and doc[start - 1].lower_ in _MONARCH_TITLES:
            start -= 1  # the model left the title out: "King" "Abdullah II"
    if ent.label_ == "PERSON":
        start, end = _grown_name(doc, start, end)
    owner = next((k for k in range(start + 1, end - 1) if doc[k].text in ("'s", "’s")), None)
    if owner is not None and owner - start == 1 and end - owner > 2 and doc[owner + 1].text[:1].isupper() and (
            doc[start].text.isupper() or doc[start].text in COUNTRY_NAMES or doc[start].lower_ in CAPITALS):
        # "the KLF’s Executive Committee", "Varesh's Security Corps": the body, its owner (an
        # acronym or a state) named apart; "People's Party" and longer owners stay in the name
        start = owner + 1
    for k in range(start, end):
        if doc[k].text == "(" or "\n" in doc[k].text or (k + 1 < end and "\n" in doc[k].whitespace_):
            # a name does not run on past a bracket or a line break ("... Peter Mwangi\nKenya's")
            end = k + 1 if doc[k].text != "(" and "\n" not in doc[k].text else k
            break
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN":
        end -= 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in _CONNECTORS or doc[end - 1].lower_ == "and"):
        end -= 1  # "the Foreign Security Corps of": the model stopped before the rest
    if start >= end:
        return None
    if not any(t.is_alpha for t in doc[start:end]) or (end - start == 1 and len(doc[start].text) == 1):
        return None  # "member of the H": a page cut off mid-name
    if not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
        return None  # "electoral", "welsh": a lowercase word is no name
    return doc[start:end]


#: capitalised words that are never part of a person's name
_WEEKDAYS_AND_MONTHS = word_set("entities", "weekdays_and_months")


def _untagged_name_word(tok: Token) -> bool:
    """A capitalised proper noun the model left out of a name beside it."""
    low = tok.lower_
    return (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_
            and not tok.is_sent_start and not _title_word(tok) and low not in ORG_HEADS and low not in PLACE_HEADS
            and tok.text not in COUNTRY_NAMES and low not in _WEEKDAYS_AND_MONTHS and low.rstrip(".") not in HONORIFICS
            and low not in DEMONYMS and low not in _NOT_IN_NAMES)


#: titles before a name that are not part of it ("Pope", "Detective"), unlike a monarch's
_TITLES_BEFORE_NAMES = word_set("entities", "titles_before_names")

#: faiths, adjectives never grown into a name ("Sunni Endowment")
_FAITHS = word_set("entities", "faiths")

#: words never grown into a person's name: titles, faiths, a place's qualifiers ("Old Kisumu")
_NOT_IN_NAMES = _TITLES_BEFORE_NAMES | _FAITHS | word_set("entities", "place_qualifiers")


#: lower-case words inside a name: "bin", "al", and the European "de", "van", "von"
_INNER_PARTICLES = NAME_PARTICLES | word_set("entities", "inner_particles")


def _portfolio_of_a_title(doc: Doc, i: int) -> bool:
    """The word at ``i`` ends a title: "Secretary of State", "Minister of Defence" before a name."""
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    low = doc[i - 2].lower_  # "Secretaries of State": the parser keeps a capitalised plural
    return any(w in ROLE_NOUNS for w in (low, low[:-3] + "y" if low.endswith("ies") else low.removesuffix("s")))


def _acronym(tok: Token) -> bool:
    """A word in capitals ("NAMBA", "NATO"): a band's or a body's name, never more of a person's."""
    return len(tok.text) > 1 and tok.text.isupper()


def _grown_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name the model cut short: "Iván" before "Archivaldo Guzmán", "Kyelem de Tambela"
    after "Apollinaire Joachim", where the parser joins the words into one name."""
    inside = range(start, end)
    while start > 0 and _untagged_name_word(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i in inside and doc[start - 1].whitespace_ == " " \
            and not _portfolio_of_a_title(doc, start - 1):
        start -= 1
    k = end
    # "Amos Kimani 's Roadhouse": nothing after a possessive is more of the owner's name
    while k < len(doc) and doc[end - 1].whitespace_ == " " and doc[end - 1].text not in _POSSESSIVE and (
            (_untagged_name_word(doc[k]) and not _acronym(doc[k])) or (doc[k].lower_ in _INNER_PARTICLES and doc[k].pos_ == "PROPN"
                                            and k + 1 < len(doc) and _untagged_name_word(doc[k + 1]))):
        if doc[k].lower_ in _INNER_PARTICLES:
            k += 1
        k += 1
        if not (doc[k - 1].whitespace_ == " "):
            break
    if k > end and (doc[end - 1].head.i in range(end, k) or all(doc[i].head.i in range(end, k) for i in range(end, k - 1))):
        end = k  # the words the model left out hang together as one name
    return start, end


#: last words of a name that runs on with "of the X": "the Democratic Republic of the Congo"
_OF_HEADS = word_set("entities", "of_heads")


def _of_name(span: Span) -> Span:
    """A name the model cut before its "of" phrase ("the Democratic Republic" of the Congo,
    "Central Bank" of Libya) runs on to the capitalised words after "of (the)"."""
    doc = span.doc
    if span[-1].lower_ not in _OF_HEADS or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return span
    k = span.end + 1
    if doc[k].lower_ == "the":
        k += 1
    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].ent_type_ != "PERSON":
        end += 1
    if end == k or "\n" in doc[span.start : end].text:
        return span
    return doc[span.start : end]


def _glued_name_word(tok: Token) -> bool:
    """A capitalised word with an apostrophe inside it ("Kata’ib", "Asa'ib") outside any entity."""
    text = tok.text.replace("’", "'")
    return (not tok.ent_type_ and tok.text[:1].isupper() and "'" in text[1:-1]
            and text.replace("'", "").isalpha() and not tok.is_sent_start)
