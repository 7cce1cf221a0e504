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

The records, judgements and union-find are in ``records``; step 1 is ``blocking``, step 3
``people``; the rest is here.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable

from interlock.names import MATCH_THRESHOLD
from interlock.resolve.blocking import _cfind, _components, _index_names, _name_components
from interlock.resolve.people import _People, _surnames, _within_document
from interlock.resolve.records import Judgements, Record, _Clusters, _Frequencies, _strong

#: how many context features near names must share to join
NEAR_SHARED = 2
#: a context feature found in more documents than this share (and count) says too little
COMMON_FEATURE_SHARE = 0.25
COMMON_FEATURE_MIN = 20


def _kind(label: str) -> str | None:
    return "person" if label == "PERSON" else "org" if label in ("ORG", "NORP", "FAC") else None


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


def _join_all(recs: list[Record], rec_ids: list[int], uf: _Clusters) -> None:
    """One name, one actor; reference entries still keep apart from each other."""
    references = [i for i in rec_ids if recs[i].reference]
    plain = [i for i in rec_ids if not recs[i].reference]
    for j in plain[1:]:
        uf.union(plain[0], j)
    if plain and references:
        uf.union(plain[0], references[0])


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
