"""Candidates by name (step 1 of ``cluster``): one label's distinct names, blocked, scored, joined.

Each record's linking names become nodes of a ``_NameIndex``, filed under transliteration-aware
blocking keys (``names.blocking_keys``); only names that share a key are scored
(``names.score_tokens``), a large block by sorted neighbourhood. Strong pairs and the names one
record carries join *name components* (a union-find over the nodes); pairs a little under the
threshold are kept as near pairs for step 4. The same pass over the records counts their context
features (``records._Frequencies``) and, for people, what step 3 reads (``people._People``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations

from interlock.names import Token, blocking_keys, name_tokens, score_tokens, tokens
from interlock.resolve.people import _Facts, _People
from interlock.resolve.records import Record, _Frequencies

#: name pairs scoring at least this, but under the threshold, join only on shared context
NEAR_THRESHOLD = 0.75
#: a block larger than this is compared by sorted neighbourhood, not every pair
BLOCK_LIMIT = 6
#: how many following names each name is compared with in a large block
WINDOW = 4
#: people's name pairs already in one name component are not scored (the same clusters,
#: fewer scores; False scores every candidate pair, as tests compare)
SKIP_JOINED_PAIRS = True


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


def _pairs(nodes: list[int], norms: list[str]) -> Iterable[tuple[int, int]]:
    """Every pair of a small block; neighbours in normalised-name order for a large one."""
    if len(nodes) <= BLOCK_LIMIT:
        return combinations(nodes, 2)  # (in the order of two nested loops)
    ordered = sorted(nodes, key=lambda n: norms[n])
    return [(ordered[x], ordered[y]) for x in range(len(ordered))
            for y in range(x + 1, min(x + 1 + WINDOW, len(ordered)))]


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
