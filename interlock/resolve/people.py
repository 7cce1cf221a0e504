"""People's names in cross-document resolution (step 3 of ``cluster``): a shorter name and a surname.

Inside one article, a shorter name ("Jawad") joins the one fuller name there that holds all its
words; a person named by one word ("Maras") joins the one person of that family name the context
points to, or the only one there is. ``_People`` gathers what these read of each person record, in
the one pass over the records that step 1 (``blocking``) makes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from interlock.names import PARTICLES, skeleton, tokens
from interlock.resolve.records import Record, _Clusters, _strong


def _name_words(name: str) -> frozenset[str]:
    return frozenset(skeleton(w) for w in tokens(name) if len(w) > 1 and w not in PARTICLES)


class _People:
    """What steps 3 reads of each person record, gathered in the one pass over the records that
    step 1 makes (at a million records each pass over them costs more than its work); each
    distinct name is read once."""

    def __init__(self) -> None:
        #: document -> (record, the words of its name) of each person named in it
        self.by_document: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
        #: family name -> records with a linking name of that family
        self.by_family: dict[str, list[int]] = defaultdict(list)
        #: (record, family name) of each person named by one word
        self.single: list[tuple[int, str]] = []
        self._words: dict[str, frozenset[str]] = {}
        self._family: dict[str, str] = {}
        self._one_word: dict[str, str | None] = {}

    def facts(self, names: tuple[str, ...], linking: list[str]) -> _Facts:
        """What step 3 reads of a person by these names: the words of the first name, the family name
        of the first linking name, and the one word of a one-word name (None where there is none)."""
        if not names:
            return _Facts(None, None, None, empty=True)
        name = names[0]
        words = self._words.get(name)
        if words is None:
            words = self._words[name] = _name_words(name)
        family = one = None
        if linking:
            family = self._family.get(linking[0])
            if family is None:
                parts = [w for w in tokens(linking[0]) if len(w) > 1]
                family = self._family[linking[0]] = skeleton(parts[-1])
        else:
            if name not in self._one_word:
                parts = [w for w in tokens(name) if len(w) > 1 and w not in PARTICLES]
                self._one_word[name] = skeleton(parts[0]) if len(parts) == 1 else None
            one = self._one_word[name]
        return _Facts(words, family, one)

    def add(self, i: int, rec: Record, facts: _Facts) -> None:
        if facts.empty:
            return
        if not rec.reference and facts.words:
            self.by_document[rec.document].append((i, facts.words))
        if facts.family is not None:
            self.by_family[facts.family].append(i)
        elif not rec.reference and facts.one is not None:
            self.single.append((i, facts.one))


@dataclass(frozen=True, slots=True)
class _Facts:
    """What step 3 reads of a person's names (``_People.facts``)."""

    words: frozenset[str] | None
    family: str | None
    one: str | None
    empty: bool = False


def _within_document(people: _People, uf: _Clusters) -> None:
    """A person's shorter name in an article joins the one fuller name of that article that holds
    all its words: "Jawad" and "Jawad Abd al-Amir al-Khazraji", "Abu Tariq" and "Abu Tariq
    al-Sayyadi". Two fuller names that could be meant ("Ahmad" beside "Ahmad Hasan" and "Ahmad
    Nouri") join neither; reference entries are no article's."""
    for named in people.by_document.values():
        if len(named) < 2:
            continue
        longest = max(len(words) for _, words in named)
        for i, words in named:
            if len(words) == longest:
                continue  # (no name of the article is fuller)
            fuller = {uf.find(j) for j, other in named if len(other) > len(words) and words < other}
            if len(fuller) == 1:
                uf.union(next(iter(fuller)), i)


def _surnames(recs: list[Record], people: _People, uf: _Clusters, df: dict[str, int], common: float) -> None:
    for i, family in people.single:
        candidates = people.by_family.get(family, [])
        if not candidates:
            continue
        roots = {uf.find(j) for j in candidates}
        own = _strong(recs[i], df, common)
        sharing = {uf.find(j) for j in candidates if own & _strong(recs[j], df, common)}
        chosen = sharing if sharing else roots
        if len(chosen) == 1:
            uf.union(next(iter(chosen)), i)
