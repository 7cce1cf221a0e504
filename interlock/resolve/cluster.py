"""Cross-document resolution: which document entities are one actor.

Input is one ``Record`` per document entity (and per reference-list entry): its
names (the name, full-name mentions and stated aliases), its label and its
context, the other named actors of its article. Output maps every record to a
cluster. The steps, each linear in the number of records:

1. **Candidates by name.** Distinct names are filed under transliteration-aware
   blocking keys (``names.blocking_keys``); only names that share a key are
   scored (``names.score``). A block too large to compare fully (a very common
   name key) is compared by sorted neighbourhood instead. Pairs at or above the
   threshold join a *name component*; the names one record carries ("PMU",
   "Popular Mobilization Units", "Hashd al-Shaabi") join theirs too.
2. **Context inside a component.** A component is who the name *could* be. An
   organisation's name names one organisation, so its component is one actor.
   People's names are shared by many people: records join when they share a
   context feature (a co-mentioned actor; organisations are resolved first, so
   "Fateh Alliance" in one article and "Fatah Alliance" in another are one
   feature), and records with no context join the best supported cluster. Two
   people with one name whose articles share no actor stay apart: an analyst
   can merge them (step 5), while a wrong merge would put false ties on both.
3. **A surname alone** ("Maras") joins the one person of that family name the
   context points to, or the only one there is.
4. **Near names with shared context.** Name pairs a little under the threshold
   ("Fatah Alliance" / "Fateh Alliance") join when their clusters share context.
5. **Judgements** come first and last: analysts' merges are applied before
   anything else, and "never" pairs (also what a split leaves behind) veto any
   join that would put their two sides together.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, combinations

from interlock.names import (
    MATCH_THRESHOLD,
    PARTICLES,
    Token,
    blocking_keys,
    name_tokens,
    score_tokens,
    skeleton,
    tokens,
)

#: name pairs scoring at least this, but under the threshold, join only on shared context
NEAR_THRESHOLD = 0.75
#: how many context features near names must share to join
NEAR_SHARED = 2
#: a block larger than this is compared by sorted neighbourhood, not every pair
BLOCK_LIMIT = 6
#: how many following names each name is compared with in a large block
WINDOW = 4
#: a context feature found in more documents than this share (and count) says too little
COMMON_FEATURE_SHARE = 0.25
COMMON_FEATURE_MIN = 20
#: people's name pairs already in one name component are not scored (the same clusters,
#: fewer scores; False scores every candidate pair, as tests compare)
SKIP_JOINED_PAIRS = True


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


def _kind(label: str) -> str | None:
    return "person" if label == "PERSON" else "org" if label in ("ORG", "NORP", "FAC") else None


def _linking_names(rec: Record) -> list[str]:
    """The names that may link a record to others: a person's one-word name links nothing."""
    out = []
    for name in rec.names:
        words = tokens(name)
        if not words:
            continue
        if rec.label == "PERSON" and len([w for w in words if len(w) > 1]) < 2:
            continue  # "al-Asadi" alone could be anyone of that family
        out.append(name)
    return out


def resolve(records: Iterable[Record], judgements: Judgements | None = None,
            threshold: float = MATCH_THRESHOLD) -> dict[str, str]:
    """Map every record id to the id of its cluster's representative record."""
    # millions of small objects and no cycles: the cyclic collector would rescan them all
    # again and again, which makes a long run superlinear
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _resolve(list(records), judgements, threshold)
    finally:
        if collecting:
            gc.enable()


def _resolve(recs: list[Record], judgements: Judgements | None, threshold: float) -> dict[str, str]:
    judgements = judgements or Judgements()
    # record ids are looked up only to apply judgements
    index = {r.id: i for i, r in enumerate(recs)} if judgements.nevers or judgements.merges else {}
    uf = _Clusters(len(recs))
    for c, (side_a, side_b) in enumerate(judgements.nevers):
        for side, ids in ((0, side_a), (1, side_b)):
            for rid in ids:
                if rid in index:
                    uf.vetoes.setdefault(index[rid], set()).add((c, side))
    for side_a, side_b in judgements.merges:
        present = [index[r] for r in (*side_a, *side_b) if r in index]
        for other in present[1:]:
            uf.union(present[0], other, force=True)

    by_label: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_label[r.label].append(i)
    # organisations and places first: once they are resolved, a person's context names
    # them by their actor, whatever the spelling ("Fateh Alliance" is "Fatah Alliance")
    canon: dict[str, str] = {}
    for label in sorted(by_label, key=lambda lab: lab == "PERSON"):
        members = by_label[label]
        _resolve_label(recs, members, _kind(label), uf, threshold, canon if label == "PERSON" else None)
        if label != "PERSON":
            for i in members:
                if recs[i].key:
                    canon.setdefault(recs[i].key, "actor:" + recs[uf.find(i)].id)
    # (the ids in a list of their own: a cluster's representative is then read from it, not
    # fetched as a record from anywhere in memory; most records hang from their root, and need
    # no call; the dictionary is built in one call, not a million stores from the interpreter)
    record_ids = [r.id for r in recs]
    find, parent = uf.find, uf.parent
    roots = [p if parent[p] == p else find(i) for i, p in enumerate(parent)]
    return dict(zip(record_ids, [record_ids[root] for root in roots], strict=True))


def _document_frequency(recs: list[Record], members: list[int],
                        canon: dict[str, str] | None = None) -> tuple[dict[str, int], int]:
    """In how many documents each context feature of ``members`` is found, and how many documents
    they come from. With ``canon`` (grouping key -> actor), contexts are first rewritten in
    ``recs`` to name resolved actors by their actor."""
    counting = _Frequencies(canon)
    for i in members:
        recs[i] = counting.add(recs[i])
    return counting.counts()


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


def _resolve_label(recs: list[Record], members: list[int], kind: str | None, uf: _Clusters,
                   threshold: float, canon: dict[str, str] | None = None) -> None:
    """Resolve the records ``members`` of one label, steps 1 to 4 of the module's docstring.

    ``canon`` (grouping key -> actor), for people, names the resolved organisations in contexts.
    """
    # 1. distinct names, blocked and scored (and, in the same pass, the context features' document
    #    frequencies, read from step 2 on)
    people = _People() if kind == "person" else None
    counting = _Frequencies(canon)
    index = _index_names(recs, members, kind, counting, people)
    df, documents = counting.counts()
    common = max(COMMON_FEATURE_MIN, COMMON_FEATURE_SHARE * documents)
    comp, near = _name_components(index, kind, threshold)
    # 2. context inside each component: people with one name may be several people; an
    #    organisation's or a place's name names one (the blocking score already keeps
    #    "Hezbollah" from "Kataib Hezbollah")
    for group_ids in _components(index, comp):
        if kind == "person":
            _cluster_component(recs, group_ids, uf, df, common)
        else:
            _join_all(recs, group_ids, uf)
    # 3. inside one article, a shorter name ("Jawad", "Abu Tariq") is the one person whose
    #    fuller name there holds all its words ("Jawad al-Khazraji", "Abu Tariq al-Sayyadi");
    #    then a person named by one word ("Maras") joins the one actor of that family name
    #    the context points to, or the only one there is
    if people is not None:
        _within_document(people, uf)
        _surnames(recs, people, uf, df, common)
    # 4. near names whose clusters share context
    _join_near(recs, near, index.records, comp, uf, df, common)


@dataclass
class _NameIndex:
    """The distinct names of one label's records (step 1), each a node numbered from 0."""

    #: normalised name -> its node
    node_of: dict[str, int] = field(default_factory=dict)
    #: each node's name (as first met), normalised name, and tokens (what names.score compares)
    names: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    tokens: list[tuple[Token, ...]] = field(default_factory=list)
    #: each node's records
    records: list[list[int]] = field(default_factory=list)
    #: the nodes of each record with more than one linking name
    record_nodes: dict[int, list[int]] = field(default_factory=dict)
    #: each named record and its first name node, in record order (step 2 groups them by component)
    named: list[int] = field(default_factory=list)
    named_node: list[int] = field(default_factory=list)
    #: blocking key -> the nodes filed under it
    blocks: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, name: str, norm: str, kind: str | None) -> int:
        """A new node for ``name``, filed under its blocking keys (while its tokens are at hand)."""
        node = self.node_of[norm] = len(self.names)
        self.names.append(name)
        self.norms.append(norm)
        self.tokens.append(name_tokens(name))
        self.records.append([])
        for key in blocking_keys(name, kind):
            self.blocks[key].append(node)
        return node


def _index_names(recs: list[Record], members: list[int], kind: str | None, counting: _Frequencies,
                 people: _People | None) -> _NameIndex:
    """Step 1's one pass over the records: their distinct names as nodes, blocked; each record
    counted in ``counting`` (and rewritten in ``recs`` as it says) and, for people, in ``people``."""
    index = _NameIndex()
    node_of, node_records, record_nodes = index.node_of, index.records, index.record_nodes
    named, named_node = index.named, index.named_node
    norms: dict[str, str] = {}  # each distinct spelling is normalised once
    # what a record's names give (its name nodes, and what step 3 reads of a person), worked out
    # for the first record that carries them and looked up once for each other: at a million
    # records, the look-ups of a record's every name cost more than the names' work
    given: dict[tuple[str, ...], tuple[list[int], _Facts | None]] = {}
    for i in members:
        rec = recs[i] = counting.add(recs[i])
        seen = given.get(rec.names)
        if seen is None:
            own = _linking_names(rec)
            nodes = []
            for name in own:
                norm = norms.get(name)
                if norm is None:
                    norm = norms[name] = " ".join(tokens(name))
                node = node_of.get(norm)
                nodes.append(index.add(name, norm, kind) if node is None else node)
            seen = given[rec.names] = (nodes, people.facts(rec.names, own) if people is not None else None)
        mine, facts = seen
        if facts is not None and people is not None:
            people.add(i, rec, facts)
        if mine:
            named.append(i)
            named_node.append(mine[0])
            for n in mine:
                node_records[n].append(i)
            if len(mine) > 1:
                record_nodes[i] = mine
    return index


def _cfind(comp: list[int], x: int) -> int:
    """The root of ``x`` in the name components' union-find (path halving)."""
    while comp[x] != x:
        comp[x] = comp[comp[x]]
        x = comp[x]
    return x


def _name_components(index: _NameIndex, kind: str | None,
                     threshold: float) -> tuple[list[int], set[tuple[int, int]]]:
    """The name components (a union-find over the nodes: strong pairs, and the names each record
    carries together), and the near pairs step 4 reads."""
    comp = list(range(len(index.names)))
    strong, near = _score_blocks(index, comp, kind, threshold)
    if kind == "person":
        for a, b in strong:  # (none when they were joined as they were scored)
            comp[_cfind(comp, a)] = _cfind(comp, b)
    else:
        # organisations and places: a name joins the most used name it matches, not a chain
        # of look-alikes ("Reform Sula Movement" ~ "Reform Suha Movement" ~ "Reform Suwa
        # Movement" are three), since their component becomes one actor outright
        _star(strong, index.records, comp, partial(_cfind, comp))
    for mine in index.record_nodes.values():
        for other in mine[1:]:
            comp[_cfind(comp, other)] = _cfind(comp, mine[0])
    return comp, near


def _score_blocks(index: _NameIndex, comp: list[int], kind: str | None,
                  threshold: float) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The strong and near pairs of names that share a blocking key.

    People's names join in ``comp`` as their pairs are scored, and a pair already in one
    (through other variants: a block holds many spellings of one name) needs no score:
    strong, it would join nothing more; near, step 4 skips it. This keeps the scoring from
    growing with the square of a block as blocks fill up in a bigger corpus; their strong
    pairs are then not kept."""
    joining = kind == "person" and SKIP_JOINED_PAIRS
    node_names, node_norms, node_tokens = index.names, index.norms, index.tokens
    strong: set[tuple[int, int]] = set()
    near: set[tuple[int, int]] = set()
    scored: set[tuple[int, int]] = set()
    for nodes in index.blocks.values():
        if len(nodes) < 2:
            continue
        for a, b in _pairs(nodes, node_norms):
            if joining:
                # (a name is mostly its component's root or hangs from it: no call then)
                root_a, root_b = comp[a], comp[b]
                if comp[root_a] != root_a:
                    root_a = _cfind(comp, a)
                if comp[root_b] != root_b:
                    root_b = _cfind(comp, b)
                if root_a == root_b:
                    continue
            pair = (a, b) if a < b else (b, a)
            if pair in scored:
                continue  # variants share several keys: score each pair once
            # (names.score of the two names: the tokens in the order of the names' strings)
            s = (score_tokens(node_tokens[a], node_tokens[b], kind) if node_names[a] <= node_names[b]
                 else score_tokens(node_tokens[b], node_tokens[a], kind))
            if s >= threshold:
                if joining:
                    # (joined, the pair is skipped above if it comes again: it need not be kept)
                    comp[root_a] = root_b
                else:
                    scored.add(pair)
                    strong.add(pair)
            else:
                scored.add(pair)
                if s >= NEAR_THRESHOLD:
                    near.add(pair)
    return strong, near


def _components(index: _NameIndex, comp: list[int]) -> list[list[int]]:
    """Each name component's records, in record order: a record's names are all in one component,
    and components come in the order of their first record (which is also that of their first name).

    (Each name's root is found once, in name order, and the groups kept in a list by root: at a
    million records, two reads of the union-find and a dictionary's for each record cost more.)
    """
    node_root = [_cfind(comp, n) for n in range(len(comp))]
    by_root: list[list[int] | None] = [None] * len(comp)
    components: list[list[int]] = []
    for i, n in zip(index.named, index.named_node, strict=True):
        root = node_root[n]
        group = by_root[root]
        if group is None:
            group = by_root[root] = []
            components.append(group)
        group.append(i)
    return components


def _join_near(recs: list[Record], near: set[tuple[int, int]], node_records: list[list[int]],
               comp: list[int], uf: _Clusters, df: dict[str, int], common: float) -> None:
    """Step 4: near names whose clusters share context, compared cluster by cluster (a common
    name has many records, and comparing them pairwise would not stay linear).

    Each name's records' features by cluster are gathered once and kept while none of those
    clusters joins another (a common name is in many near pairs); and, for the first name of a
    pair, which of those clusters holds each feature (the pairs come in order, a name's all
    together)."""
    gathered: dict[int, dict[int, set[str]]] = {}
    indexed: tuple[dict[int, set[str]], dict[str, list[int]]] | None = None

    def features(node: int) -> dict[int, set[str]]:
        kept = gathered.get(node)
        if kept is None or any(uf.parent[root] != root for root in kept):
            kept = gathered[node] = _features_by_root(recs, node_records[node], uf, df, common)
        return kept

    for a, b in sorted(near):
        if _cfind(comp, a) == _cfind(comp, b):
            continue
        side_a = features(a)
        side_b = features(b)
        if indexed is not None and indexed[0] is side_a:
            by_feature = indexed[1]
        else:
            by_feature = defaultdict(list)
            for root, feats in side_a.items():
                for f in feats:
                    by_feature[f].append(root)
            indexed = (side_a, by_feature)
        for root, feats in side_b.items():
            if by_feature.keys().isdisjoint(feats):
                continue  # (most near pairs are namesakes with nothing in common: no count)
            # two shared neighbours, not one: a near name is weak evidence, and one common
            # neighbour is often a namesake
            shared = Counter(r for f in feats for r in by_feature.get(f, ()))
            hit = next((r for r, n in shared.most_common(1) if n >= NEAR_SHARED), None)
            if hit is not None:
                uf.union(hit, root)


def _features_by_root(recs: list[Record], rec_ids: list[int], uf: _Clusters, df: dict[str, int],
                      common: float) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for i in rec_ids:
        out[uf.find(i)] |= _strong(recs[i], df, common)
    return out


def _star(strong: set[tuple[int, int]], node_records: list[list[int]], comp: list[int],
          cfind: Callable[[int], int]) -> None:
    """Each name joins the most used of its matches that is itself a centre, or becomes one."""
    neighbours: dict[int, list[int]] = defaultdict(list)
    for a, b in strong:
        neighbours[a].append(b)
        neighbours[b].append(a)
    order = sorted(neighbours, key=lambda n: (-len(node_records[n]), n))
    centre: dict[int, int] = {}
    for n in order:
        if n in centre:
            continue
        centre[n] = n
        for m in neighbours[n]:
            if m not in centre:
                centre[m] = n
                comp[cfind(m)] = cfind(n)


def _join_all(recs: list[Record], rec_ids: list[int], uf: _Clusters) -> None:
    """One name, one actor; reference entries still keep apart from each other."""
    references = [i for i in rec_ids if recs[i].reference]
    plain = [i for i in rec_ids if not recs[i].reference]
    for j in plain[1:]:
        uf.union(plain[0], j)
    if plain and references:
        uf.union(plain[0], references[0])


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


def _pairs(nodes: list[int], norms: list[str]) -> Iterable[tuple[int, int]]:
    """Every pair of a small block; neighbours in normalised-name order for a large one."""
    if len(nodes) <= BLOCK_LIMIT:
        return combinations(nodes, 2)  # (in the order of two nested loops)
    ordered = sorted(nodes, key=lambda n: norms[n])
    return [(ordered[x], ordered[y]) for x in range(len(ordered))
            for y in range(x + 1, min(x + 1 + WINDOW, len(ordered)))]


def _strong(rec: Record, df: dict[str, int], common: float) -> set[str]:
    return {f for f in rec.context if df[f] <= common}


def _cluster_component(recs: list[Record], rec_ids: list[int], uf: _Clusters, df: dict[str, int],
                       common: float) -> None:
    if len(rec_ids) < 2:
        return
    # records sharing a feature: a co-mentioned actor
    # (the set _strong would give, built here: a call less for each of a million records)
    strong = {i: {f for f in recs[i].context if df[f] <= common} for i in rec_ids}
    by_feature: dict[str, list[int]] = defaultdict(list)
    for i, feats in strong.items():
        for f in feats:
            by_feature[f].append(i)
    union, find, parent = uf.union, uf.find, uf.parent
    for group in by_feature.values():
        first = group[0]
        for j in group[1:]:
            union(first, j)
    # records without context join the best supported cluster the name offers: the
    # largest of those with context, else the largest of all
    featured: set[int] = set()
    sizes: dict[int, int] = defaultdict(int)
    for i in rec_ids:
        root = parent[i]
        if parent[root] != root:  # (most records hang from their root: no call for them)
            root = find(i)
        sizes[root] += 1
        if strong[i]:
            featured.add(root)
    ranked = sorted(featured or set(sizes), key=lambda r: (-sizes[r], r))
    references = [i for i in rec_ids if recs[i].reference]
    for i in rec_ids:
        if strong[i] or recs[i].reference or uf.find(i) in featured:
            continue
        for target in ranked:
            if uf.find(i) == uf.find(target) or uf.union(target, i):
                break
    # a reference entry joins the cluster its name offers, one entry per cluster
    for i in references:
        others = {uf.find(r) for r in references if r != i}
        for target in ranked:
            root = uf.find(target)
            if root == uf.find(i) or (root not in others and uf.union(root, i)):
                break
