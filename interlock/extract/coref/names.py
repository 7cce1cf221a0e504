"""How names compare: their words, transliteration-folded keys and initials; a mention's span.

Reads a name's text and adds nothing. ``name_words``, ``name_keys``, ``folded_words`` and
``word_key`` make "al-Hashemi" and "Al-Hashimi" agree; ``initials_match`` says whether
an acronym is made of a name's initials (the entity finders and the relation rules use
them too). ``_span_of`` gives a mention's span of the Doc, which every rule of
``clusters``, ``nominals`` and ``pronouns`` looks at; ``_PERSONAL`` the labels of people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from interlock.extract.lexicon import NAME_PARTICLES
from interlock.extract.state import MentionDraft
from interlock.names import fold, skeleton
from interlock.vocab.words import word_set

_WORD = re.compile(r"[^\W\d_]+")
_STOP = word_set("coref", "name_stop_words")
_PERSONAL = ("PERSON",)


def name_words(text: str) -> list[str]:
    """Lowercased words of a name without Arabic/Persian particles and articles."""
    words = [w for w in _WORD.findall(text.lower())]
    kept = [w for w in words if w not in NAME_PARTICLES and w not in ("the",)]
    return kept or words


def name_keys(text: str) -> list[str]:
    """Transliteration-folded keys of a name's words ("al-Hashemi" and "Al-Hashimi" agree)."""
    return list(_name_keys(text))


@lru_cache(maxsize=65536)
def _name_keys(text: str) -> tuple[str, ...]:
    return tuple(skeleton(w) for w in folded_words(text))


@lru_cache(maxsize=65536)
def folded_words(text: str) -> tuple[str, ...]:
    """``name_words`` of the accent- and apostrophe-folded name ("Sa'adi" is one word)."""
    return tuple(name_words(fold(text)))


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The transliteration-folded key of one word."""
    return skeleton(fold(word))


def initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym is formed from the initials of a name's main words."""
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    words = [w for w in _WORD.findall(name) if w.lower() not in _STOP]
    if len(letters) < 2 or len(words) < 2:
        return False
    initials = "".join(w[0].lower() for w in words)
    return initials == letters or initials.rstrip("s") == letters


def _span_of(doc: Doc, m: MentionDraft) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")
