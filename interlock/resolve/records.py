"""What cross-document resolution works on: records, analysts' judgements, clusters, common features.

``Record`` is one document entity (or reference-list entry) as resolution sees it, and
``Judgements`` the analysts' merges and "never" pairs. ``_Clusters`` is the union-find over the
records that checks the "never" pairs on every join. ``_Frequencies`` counts in how many documents
each context feature is found, and ``_strong`` keeps the features of a record that are not so
common that they say too little. Used by ``cluster``, ``blocking`` and ``people``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain


@dataclass(frozen=True, slots=True)
class Record:
    """One document entity (or reference entry) as resolution sees it."""

    id: str
    document: str
    #: PERSON, ORG, PLACE, ...: only records of one label are compared
    label: str
    #: full names and stated aliases, the entity's own name first
    names: tuple[str, ...]
    #: context features: the grouping keys of the other named actors of the article
    context: frozenset[str] = frozenset()
    #: an entry of a reference list: two entries are never one actor
    reference: bool = False
    #: the record's own grouping key, as others' contexts name it (e.g. "ORG:alliance fata")
    key: str = ""


@dataclass
class Judgements:
    """Analysts' decisions as sets of record ids: join these; never join those."""

    merges: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)
    nevers: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)


class _Clusters:
    """Union-find over records, with "never" constraints checked on every join."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n
        # root -> {(constraint, side)}, only for clusters that carry a constraint
        self.vetoes: dict[int, set[tuple[int, int]]] = {}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def allowed(self, a: int, b: int) -> bool:
        va, vb = self.vetoes.get(a), self.vetoes.get(b)
        if not va or not vb:
            return True
        return not any((c, 1 - side) in vb for c, side in va)

    def union(self, i: int, j: int, force: bool = False) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not force and not self.allowed(a, b):
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        if b in self.vetoes:
            self.vetoes.setdefault(a, set()).update(self.vetoes.pop(b))
        return True


class _Frequencies:
    """Document frequencies of context features, gathered record by record in the pass that
    step 1 makes over the records (at a million records each pass over them costs more than its
    work), and counted document by document (the features of its records, once each), not as a
    set of documents per feature."""

    def __init__(self, canon: dict[str, str] | None) -> None:
        self.canon = canon
        self.by_document: dict[str, list[frozenset[str]]] = {}

    def add(self, r: Record) -> Record:
        """Count a record; the record, its context rewritten with ``canon`` when that names its features."""
        contexts = self.by_document.get(r.document)
        if contexts is None:
            contexts = self.by_document[r.document] = []
        if r.context:
            canon = self.canon
            if canon and not canon.keys().isdisjoint(r.context):
                # (the constructor, not dataclasses.replace, which looks the fields up on every call)
                r = Record(r.id, r.document, r.label, r.names, frozenset(canon.get(f, f) for f in r.context),
                           r.reference, r.key)
            contexts.append(r.context)
        return r

    def counts(self) -> tuple[dict[str, int], int]:
        """Each feature's document frequency, and the number of documents."""
        # (counted by Counter's loop in C: at a million records there are millions of features)
        df: Counter[str] = Counter()
        df.update(chain.from_iterable(
            contexts[0] if len(contexts) == 1 else frozenset().union(*contexts)
            for contexts in self.by_document.values() if contexts))
        return dict(df), len(self.by_document)


def _strong(rec: Record, df: dict[str, int], common: float) -> set[str]:
    return {f for f in rec.context if df[f] <= common}
