"""People the model misses or mislabels: given names, mislabelled names, later surnames.

Reads the tokens (``token.ent_type``, ``token.pos``, ``token.dep``, ``token.head``,
``token.lemma``) and the entities found so far. ``_given_name_spans`` gives the names
that start with a known given name (``mentions.build_entities`` adds them first, as
people); ``_people_mislabelled`` relabels as PERSON a name the model took for a
facility, a product or a work; ``_later_surnames`` adds a person's surname alone later on
as a "short" mention.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from interlock.extract.coref import word_key
from interlock.extract.entities.spans import _FAITHS
from interlock.extract.entities.words import _SPEECH_OR_ACTION, _with_monarch_title
from interlock.extract.lexicon import (
    GIVEN_NAMES,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
)
from interlock.extract.state import DocState, text_of


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
        if i > 0 and (
            (doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() and doc[i - 1].ent_type_ == "PERSON")
            or (doc[i - 1].text == "-" and not doc[i - 1].whitespace_)
        ):
            i += 1
            continue  # inside a name: one spaCy already has, or "Al-Wafa"
        j = i + 1
        while j < n:
            t = doc[j]
            if t.lower_ in NAME_PARTICLES and j + 1 < n and doc[j + 1].text == "-":
                j += 1
            elif t.text in ("’", "'") and not doc[j - 1].whitespace_ and t.whitespace_ == " " and j + 2 < n \
                    and doc[j + 1].lower_ in NAME_PARTICLES and doc[j + 2].text == "-":
                j += 1  # "Mohammed Shia’ al-Sudani": a final apostrophe (an ayn) does not end the name
            elif t.lower_ in NAME_PARTICLES and j + 1 < n and _is_name_word(doc[j + 1]):
                j += 2  # "Al Ameri": the word after a particle is a name, whatever the model tags it
            elif t.text == "-" and j + 1 < n and _is_name_word(doc[j + 1]) and (
                doc[j - 1].lower_ in NAME_PARTICLES or (not doc[j - 1].whitespace_ and not t.whitespace_)
            ):
                j += 1
            elif _is_name_word(t) and t.ent_type_ not in ("DATE", "TIME", "GPE") and t.lower_ not in ROLE_NOUNS:
                j += 1
            else:
                break
        if j - i >= 2 and _is_name_word(doc[j - 1]) and doc[j - 1].lower_ not in ORG_HEADS:
            spans.append(doc[_with_monarch_title(doc, i):j])
            i = j
        else:
            i += 1
    return spans


#: labels the small model gives now and then to a person's name ("Milorad Dodik" as a facility)
_ODD_LABELS = frozenset(("FAC", "PRODUCT", "WORK_OF_ART", "EVENT"))

#: a Roman numeral, as after a monarch's or a war's name
_ROMAN = re.compile(r"[IVXLC]+")


def _people_mislabelled(doc: Doc, state: DocState) -> None:
    """A person's name the model took for a building, a product or a work: its last word is a
    person's surname elsewhere ("Bazoum" beside "Mohamed Bazoum"), or stands alone elsewhere as
    a person does ("Dodik, the Serbian representative", "Dodik said")."""
    odd = [e for e in state.live_entities() if e.label in _ODD_LABELS]
    if not odd:
        return
    surnames = {word_key(e.name.split()[-1]) for e in state.live_entities()
                if e.label == "PERSON" and len(e.name.split()) >= 2 and e.mentions and e.mentions[0].kind == "name"}
    alone = {word_key(t.text) for t in doc if t.pos_ == "PROPN" and _person_like_token(t)}
    for ent in odd:
        if ent.label not in _ODD_LABELS:
            continue
        words = ent.name.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and re.sub(r"[-'’.]", "", w).isalpha() for w in words):
            continue
        if any(w.lower() in ORG_HEADS or w.lower() in PLACE_HEADS for w in words):
            continue
        if words[0].lower() in STOP_WORDS:
            continue  # "Without Tavakoli": a sentence's first word, not a given name
        if any(_ROMAN.fullmatch(w) or w.lower() in _FAITHS for w in words):
            continue  # "World War I", "Vatican II": a numbered war or council; a faith
        last = word_key(words[-1])
        if (len(words) == 1 and last in surnames) or (len(words) >= 2 and last in alone):
            ent.label = "PERSON"


def _person_like_token(tok: Token) -> bool:
    """A lone proper noun that acts as a person: tagged as one, in apposition with a role
    noun, or the subject of saying or doing."""
    if tok.ent_type_ == "PERSON":
        return True
    if any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in tok.children):
        return True
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH_OR_ACTION and not any(
        c.dep_ == "compound" for c in tok.children)


def _later_surnames(doc: Doc, state: DocState, body_end: int) -> None:
    """A person's surname alone later on ("Farouk"), when the model missed it."""
    surnames: set[str] = set()
    hyphenated: set[str] = set()
    for ent in state.entities:
        if ent.label != "PERSON" or ent.mentions[0].kind != "name":
            continue
        words = ent.mentions[0].text.split()
        if len(words) >= 2 and words[-1].split("-")[-1][:1].isupper():
            if "-" in words[-1] and words[-1].split("-")[0].lower() not in NAME_PARTICLES:
                hyphenated.add(words[-1])  # "Whitfield-Barnes"
            surnames.add(word_key(words[-1].split("-")[-1]))
    if not surnames:
        return
    covered = [(m.start, m.end) for e in state.entities for m in e.mentions]
    for name in hyphenated:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text_of(doc)[:body_end]):
            if not any(s < match.end() and match.start() < e for s, e in covered):
                state.new_entity("PERSON", match.start(), match.end(), match.group(), "short")
                covered.append((match.start(), match.end()))
    text = text_of(doc)
    for match in _CAP_WORD.finditer(text, 0, body_end):
        if word_key(match.group()) not in surnames:
            continue
        start, end = match.span()
        particle = _PARTICLE_BEFORE.search(text, max(0, start - 6), start)
        if particle is not None and particle.end() == start:
            start = particle.start()  # "al-Saadi", "Al-Sa'adi"
        if any(s < end and start < e for s, e in covered):
            continue
        state.new_entity("PERSON", start, end, text[start:end], "short")


_CAP_WORD = re.compile(r"(?<![\w'’])[A-Z][\w'’]{2,}")
_PARTICLE_BEFORE = re.compile(r"\b(?:[Aa]l|[Ee]l|[Uu]l)-")
