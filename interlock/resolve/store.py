"""Resolution over a store: read the records, resolve them, write the actors back.

``run`` re-resolves the whole store in one pass and one transaction: every
document entity gets an ``actor_id``, and the ``actors`` table lists each actor
with its display name, every spelling met and its reference-list entry. Running
it twice gives the same actors (ids derive from the members, not from the run),
and analysts' judgements are replayed every time.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

from interlock.extract.lexicon import GIVEN_NAMES
from interlock.model import stable_id
from interlock.names import tokens
from interlock.resolve.cluster import resolve
from interlock.resolve.records import Judgements, Record
from interlock.store import Store

#: labels resolution links across documents; places group by name alone
RESOLVED_LABELS = ("PERSON", "ORG", "NORP", "FAC", "GPE", "LOC", "EVENT")
#: mention kinds that name an entity (short forms and pronouns do not)
NAMING_KINDS = ("name", "acronym", "alias")
#: entity labels whose articles' other actors make up the context
_CONTEXT_LABELS = ("PERSON", "ORG", "NORP", "FAC")


@dataclass
class ResolveReport:
    """What a resolution run did."""

    records: int
    actors: int
    merged: int
    seconds: float

    def summary(self) -> str:
        return (f"resolved {self.records} entities into {self.actors} actors "
                f"({self.merged} joined across documents) in {self.seconds:.1f} s")


def _group(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else "ORG" if label in ("ORG", "NORP", "FAC") else label


def load_records(store: Store) -> list[Record]:
    """One record per named document entity and per reference-list entry."""
    names: dict[str, list[str]] = defaultdict(list)
    for entity_id, text in store.each("resolution.naming_mentions", NAMING_KINDS, kinds=len(NAMING_KINDS)):
        if text not in names[entity_id]:
            names[entity_id].append(text)
    rows = store.rows("resolution.named_entities", RESOLVED_LABELS, labels=len(RESOLVED_LABELS))
    context: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["label"] in _CONTEXT_LABELS:
            context[r["document_id"]].add(r["name_key"])
    records = []
    for r in rows:
        own = [r["name"], *[n for n in names.get(r["id"], []) if n != r["name"]]]
        records.append(Record(
            id=r["id"], document=r["document_id"], label=_group(r["label"]), names=tuple(own),
            context=frozenset(context[r["document_id"]] - {r["name_key"]}), key=r["name_key"],
        ))
    records = _repair_labels(records)
    for ref in store.each("resolution.reference_records"):
        records.append(Record(
            id="ref:" + ref["id"], document="ref:" + ref["id"], label=_group(ref["label"]),
            names=tuple(json.loads(ref["names"])), reference=True,
        ))
    return records


def _repair_labels(records: list[Record]) -> list[Record]:
    """A "person" whose name is an organisation's elsewhere, led by no given name, is that organisation.

    The recogniser takes Arabic organisation names ("al-Hashd al-Sha'abi") for people
    when nothing in the sentence says otherwise; another article that names it as an
    organisation settles it.
    """
    org_names = {" ".join(tokens(n)) for r in records if r.label == "ORG" for n in r.names}
    out = []
    for r in records:
        if r.label == "PERSON" and all(" ".join(tokens(n)) in org_names for n in r.names):
            first = tokens(r.names[0])[:1]
            if first and first[0] not in GIVEN_NAMES:
                r = replace(r, label="ORG")
        out.append(r)
    return out


def _display_rank(name: str, count: int) -> tuple[bool, bool, int, int, str]:
    """How fit a spelling is to name an actor: a full name over an acronym or a kunya, then the most used."""
    words = tokens(name)
    full = len(words) > 1 and not name.isupper()
    given = bool(words) and words[0] in GIVEN_NAMES
    return (full, given, count, len(name), name)


def load_judgements(store: Store) -> Judgements:
    """Merges, nevers and splits from the judgement log, in the order they were made."""
    out = Judgements()
    from interlock.resolve.judgements import current_entities

    for row in store.rows("judgements.replayed"):
        # the entities as extraction now gives them (an id it no longer gives is found by its stable key)
        a = frozenset(current_entities(store, json.loads(row["a"])))
        b = frozenset(current_entities(store, json.loads(row["b"] or "{}")))
        if row["kind"] == "merge":
            out.merges.append((a, b))
        else:
            out.nevers.append((a, b))
    return out


def run(store: Store) -> ResolveReport:
    """Resolve every entity of the store into actors and write them back."""
    started = time.monotonic()
    records = load_records(store)
    cluster_of = resolve(records, load_judgements(store))
    members: dict[str, list[Record]] = defaultdict(list)
    for rec in records:
        members[cluster_of[rec.id]].append(rec)
    labels = store.pairs("resolution.entity_labels")
    reference_names = {"ref:" + k: v for k, v in store.pairs("resolution.reference_names").items()}
    counts: Counter[str] = Counter(
        r[0] for r in store.each("resolution.naming_texts", NAMING_KINDS, kinds=len(NAMING_KINDS)))
    actors: list[tuple[Any, ...]] = []
    assignments: list[tuple[str, str]] = []
    merged = 0
    for group in members.values():
        refs = sorted(r.id for r in group if r.reference)
        entities = sorted(r.id for r in group if not r.reference)
        if not entities:
            continue  # a reference entry nobody mentions is not an actor
        actor_id = stable_id("actor", refs[0] if refs else entities[0])
        spellings = Counter({n: counts.get(n, 0) for r in group if not r.reference for n in r.names})
        if refs:
            name = reference_names[refs[0]]
        else:
            name = max(spellings, key=lambda n: _display_rank(n, spellings[n]))
        label = Counter(labels[e] for e in entities).most_common(1)[0][0]
        ordered = sorted(spellings, key=lambda n: (-spellings[n], n))
        actors.append((actor_id, label, name, json.dumps(ordered, ensure_ascii=False),
                       refs[0].removeprefix("ref:") if refs else None))
        assignments.extend((actor_id, e) for e in entities)
        if len({r.document for r in group if not r.reference}) > 1:
            merged += 1
    with store.transaction(exclusive=True):  # one transaction: readers never see half an answer
        # entities resolution does not cover keep their grouping key
        store.run("resolution.reset_actors")
        store.run("resolution.clear_actors")
        store.run_many("resolution.add_actor", actors)
        store.run_many("resolution.assign_actor", assignments)
    return ResolveReport(records=len(records), actors=len(actors), merged=merged,
                         seconds=time.monotonic() - started)
