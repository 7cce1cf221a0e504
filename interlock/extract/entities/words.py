"""The words names are made of and the titles before them: token tests the finders share.

Reads tokens only (``token.lower_``, ``token.text``, ``token.whitespace_``) and adds
nothing. Title words (nationalities, role nouns, ranks, "Prime", "Deputy") and where a
name starts past them; a monarch's title, which is part of the name; the small words
inside one name ("Ministry of the Interior"); verbs of saying or doing, whose subject is
a person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from interlock.extract.lexicon import DEMONYMS, ROLE_NOUNS
from interlock.vocab.words import word_set


def _past_titles(doc: Doc, start: int, end: int, keep: int = 1) -> int:
    """Where a name starts in ``doc[start:end]``, past its leading nationality, ranks and
    titles, leaving at least ``keep`` words."""
    k = start
    while end - k > keep and _title_word(doc[k]):
        k += 1
    return k


#: small words inside one capitalised name ("Ministry of the Interior")
_CONNECTORS = word_set("entities", "connectors")
#: verbs of saying or doing whose subject, a short capitalised name, is a person
_SPEECH_OR_ACTION = word_set("entities", "speech_or_action_verbs")


def _cap(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


#: a monarch's title is part of the name the world uses for the monarch ("King Abdullah II",
#: "Sultan Qaboos bin Said"), where other titles are not
_MONARCH_TITLES = word_set("entities", "monarch_titles")


def _with_monarch_title(doc: Doc, named: int) -> int:
    """Where the name starting at ``named`` starts when a monarch's title stands right before it."""
    if named > 0 and doc[named - 1].text.istitle() and doc[named - 1].lower_ in _MONARCH_TITLES \
            and doc[named].text[:1].isupper() \
            and doc[named].lower_ != "bin":
        return named - 1
    return named


def _title_word(tok: Token) -> bool:
    """A nationality or a word of a title, which a name the model missed may start with."""
    low = tok.lower_
    return low in DEMONYMS or low in ROLE_NOUNS or low in _TITLE_WORDS or low in _RANKS or (
        low == "-" and not tok.whitespace_)


#: military ranks, which run before a name as titles do ("Brigadier-General X Y")
_RANKS = word_set("extract", "military_ranks") | word_set("extract", "rank_abbreviations")
#: words of a title that run before a person's name: "Prime" (Minister), "Deputy", "Foreign"
_TITLE_WORDS = word_set("entities", "title_words")
