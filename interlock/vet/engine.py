"""The vetting engine: a rule pack over the store, giving findings with their sourced chains.

Paths are followed one step at a time for all partial paths at once: each step is
one indexed query round over ``statements`` (by subject or object entity, chunked),
so the cost follows the neighbourhoods of the actors a rule starts from (the
candidates), never the square of the store. Kinds of the actors a step reaches are
computed on demand (``interlock.vet.kinds``) and cached for the run.

A finding is one rule, one subject and the actor the path ends at; its chain is the
best-supported path (the candidacy evidence first), every link with its sentence,
outlet, date, attribution chain and grade; the finding's grade is its weakest link.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import defaultdict
from typing import Any

from interlock.credibility import grades
from interlock.query import source_chain
from interlock.store import Store
from interlock.vet import timing
from interlock.vet.kinds import CHUNK, KindIndex, chunks
from interlock.vet.rules import SEVERITIES, Pack, Rule, Step, load_pack

#: partial paths kept per subject and rule: a hub actor must not blow a rule up
MAX_PATHS = 200
UNGRADED = ("F6", "not graded")
#: SQLite page cache for a vetting run, in KiB (a ceiling, not an allocation): the random index
#: look-ups of path search over a large store stay in memory instead of re-reading pages
CACHE_KIB = 262144


class _Reach:
    """The statements of some predicates that join a set of actors to others, in one direction."""

    def __init__(self, owner: dict[str, str], direction: str) -> None:
        #: the actors' document entities, and the actor of each
        self.owner = owner
        #: the entities in the order they are asked about, and the batch each is asked in
        self.asked = sorted(owner)
        self.batch = {e: i // CHUNK for i, e in enumerate(self.asked)}
        self.forward, self.backward = direction in ("out", "any"), direction in ("in", "any")
        #: (stored order, statement id, subject entity, object entity) of each statement read
        self.found: list[Any] = []
        #: (actor, the other actor, which of ``found``) of each statement that joins two actors
        self.reached: list[tuple[str, str, int]] = []

    def place(self, edge: tuple[str, str, int]) -> tuple[Any, ...]:
        """Where an edge comes among its actor's: entity by entity in the order they are asked
        about (batch by batch, the subjects' side first), per entity in the order stored, as the
        entities' own indexes read them."""
        key, _sid, subject_id, object_id = self.found[edge[2]]
        at = []
        if self.forward and subject_id in self.owner:
            at.append((self.batch[subject_id], 0, subject_id, key))
        if self.backward and object_id in self.owner:
            at.append((self.batch[object_id], 1, object_id, key))
        return min(at)


class Engine:
    """One vetting run over a store: caches of actors, kinds, grades and names."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.cache_for_search(CACHE_KIB)
        self.kinds = KindIndex(store)
        self._entities: dict[str, list[str]] = {}
        self._actor: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._published: dict[str, str | None] = {}
        self._statements: dict[str, dict[str, Any]] = {}
        self._reached: dict[tuple[frozenset[str], tuple[str, ...], str], _Reach] = {}

    # -- store access ----------------------------------------------------------------------------

    def entities_of(self, actors: set[str]) -> dict[str, list[str]]:
        """The document entities of each actor."""
        todo = sorted(a for a in actors if a not in self._entities)
        for part in chunks(todo):
            for a in part:
                self._entities[a] = []
            for eid, actor in self.store.each("vetting.entities_of_actors", part, ids=len(part)):
                self._entities[actor].append(eid)
                self._actor[eid] = actor
        return {a: self._entities[a] for a in actors}

    def actor_of(self, entity_ids: set[str]) -> dict[str, str]:
        """The actor of each document entity (cached)."""
        todo = [e for e in entity_ids if e not in self._actor]
        self._actor.update(self.kinds.actor_of(todo))
        return {e: self._actor[e] for e in entity_ids if e in self._actor}

    def published(self, documents: set[str]) -> dict[str, str | None]:
        """Each document's publication date (cached)."""
        todo = sorted(d for d in documents if d not in self._published)
        for part in chunks(todo):
            self._published.update(self.store.pairs("vetting.published", part, ids=len(part)))
        return {d: self._published.get(d) for d in documents}

    def edges(self, actors: set[str], step: Step) -> dict[str, list[tuple[str, Any]]]:
        """Statements of the step's predicates from each actor, as (other actor, row).

        Two rounds: which statements of the step's predicates join the actors to others, read off
        an index alone (``_reach``, kept for the run: rules repeat the same first step from the
        same candidates); then, for only those that reach an actor of the step's kinds, the
        columns the step and the chains look at. Most statements a step reaches in a large store
        lead to actors of no wanted kind: they are never read whole.
        """
        reach = self._reach(frozenset(actors), tuple(sorted(step.predicates)), step.direction)
        reached = reach.reached
        if step.kinds:
            fits = self.kinds.having({other for _a, other, _n in reached}, step.kinds)
            reached = [edge for edge in reached if edge[1] in fits]
        found = reach.found
        rows = self.statements({found[n][1] for _a, _o, n in reached})
        out: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for a, other, n in sorted(reached, key=reach.place):
            r = rows[found[n][1]]
            if self._wanted(r, step):
                out[a].append((other, r))
        return out

    def _reach(self, actors: frozenset[str], preds: tuple[str, ...], direction: str) -> _Reach:
        """The statements of these predicates that join each actor to another (cached for the run)."""
        cached = self._reached.get((actors, preds, direction))
        if cached is not None:
            return cached
        ents = self.entities_of(set(actors))
        reach = _Reach({e: a for a, es in ents.items() for e in es}, direction)
        owner, forward, backward = reach.owner, reach.forward, reach.backward
        known = self._actor
        found, reached = reach.found, reach.reached
        # the entity at the asked side is the actor's; the other's actor is known, or asked for
        # below with every other unknown one
        pending: list[tuple[str, str, int]] = []  # (actor, other entity, which of found)
        for part in chunks(reach.asked):
            for side in [side for side, wanted in (("subject", forward), ("object", backward)) if wanted]:
                for row in self.store.rows(f"vetting.edge_keys_by_{side}", [*part, *preds], ids=len(part),
                                           preds=len(preds)):
                    subject_id, object_id = row[2], row[3]
                    if side == "subject":
                        mine, other_id = owner[subject_id], object_id
                        if backward and other_id in owner:
                            # both ends asked about: one edge each way, in the place of the first
                            n = len(found)
                            found.append(row)
                            if mine != owner[other_id]:
                                reached.append((mine, owner[other_id], n))
                                reached.append((owner[other_id], mine, n))
                            continue
                    else:
                        mine, other_id = owner[object_id], subject_id
                        if forward and other_id in owner:
                            continue  # read from its subject's side already
                    other = known.get(other_id)
                    if other is None:
                        pending.append((mine, other_id, len(found)))
                    elif other != mine:
                        reached.append((mine, other, len(found)))
                    found.append(row)
        if pending:
            known.update(self.kinds.actor_of({other_id for _m, other_id, _n in pending}))
            for mine, other_id, n in pending:
                other = known.get(other_id)
                if other is not None and other != mine:
                    reached.append((mine, other, n))
        self._reached[(actors, preds, direction)] = reach
        return reach

    def statements(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        """What path search reads of each statement, with its document's publication date (cached)."""
        todo = sorted(i for i in ids if i not in self._statements)
        read: list[dict[str, Any]] = []
        for part in chunks(todo):
            read.extend(dict(r) for r in self.store.each("vetting.edges_by_id", part, ids=len(part)))
        published = self.published({r["document_id"] for r in read})
        for r in read:
            r["published"] = published.get(r["document_id"])
            self._statements[r["id"]] = r
        return {i: self._statements[i] for i in ids}

    @staticmethod
    def _wanted(r: Any, step: Step) -> bool:
        if r["modality"] not in step.modality:
            return False
        if step.status and r["status"] not in step.status:
            return False
        if step.roles and not any(w in (r["role"] or "").lower() for w in step.roles):
            return False
        return True

    # -- rules -----------------------------------------------------------------------------------

    def subjects(self, rule: Rule) -> set[str]:
        """The actors a rule vets: those of its subject kinds."""
        found: set[str] = set()
        if "candidate" in rule.subject:
            found |= {a for a in self.kinds.candidacies if not a.startswith("anon:")}
        tagged = {e for verb, ents, _names, tag, _who in self.kinds._tags if tag in rule.subject and verb == "tag"
                  for e in ents}
        found |= set(self.actor_of(tagged).values())
        other = [k for k in rule.subject if k != "candidate"]
        if other:
            # a rule about organisations looks at every named actor (slower: kinds for all)
            everyone = set(self.store.column("vetting.named_actors"))
            kinds = self.kinds.kinds(everyone)
            found |= {a for a in everyone if any(k in kinds[a] for k in other)}
        kinds = self.kinds.kinds(found)
        # an untag removes an actor from the rule even when a candidacy is reported
        return {a for a in found if any(k in kinds[a] for k in rule.subject)}

    def paths(self, rule: Rule, subjects: set[str]) -> list[tuple[str, list[str], list[Any], list[str]]]:
        """Complete paths (subject, actors reached, statements, time notes) of every alternative of a rule."""
        done = []
        for path in rule.paths:
            partial: list[tuple[str, list[str], list[Any], list[str]]] = [(s, [s], [], []) for s in subjects]
            for step in path:
                starts = {p[0] if step.start == "subject" else p[1][-1] for p in partial}
                edges = self.edges(starts, step)
                grown: list[tuple[str, list[str], list[Any], list[str]]] = []
                per_subject: dict[str, int] = defaultdict(int)
                for subject, nodes, rows, notes in partial:
                    start = subject if step.start == "subject" else nodes[-1]
                    for other, row in edges.get(start, []):
                        if other == subject or any(row["id"] == r["id"] for r in rows):
                            continue
                        if step.same_as is not None and other != nodes[step.same_as + 1]:
                            continue
                        if step.same_as is None and other in nodes:
                            continue
                        note = ""
                        if step.time is not None:
                            ok, note = timing.check(step.time, row, rows, self.kinds.candidacies.get(subject), rule)
                            if not ok:
                                continue
                        if per_subject[subject] >= MAX_PATHS:
                            break
                        per_subject[subject] += 1
                        grown.append((subject, [*nodes, other], [*rows, row], [*notes, note]))
                partial = grown
                if not partial:
                    break
            done.extend(partial)
        return done

    # -- findings --------------------------------------------------------------------------------

    def grades_of(self, statement_ids: set[str]) -> dict[str, tuple[str, str]]:
        """Each statement's grade and reason; ungraded statements are F6."""
        out = {s: UNGRADED for s in statement_ids}
        for part in chunks(sorted(statement_ids)):
            for sid, grade, reason in self.store.each("vetting.grades", part, ids=len(part)):
                out[sid] = (grade, reason)
        return out

    def name(self, actor: str) -> str:
        """An actor's display name: resolution's name, else its longest, most used spelling."""
        if actor not in self._names:
            row = self.store.row("vetting.actor_name", (actor,))
            if row is None:
                row = self.store.row("vetting.actor_spelling", (actor,))
            self._names[actor] = row[0] if row else actor
        return self._names[actor]

    def candidacy_link(self, subject: str) -> dict[str, Any] | None:
        """The statement or event that makes the subject a candidate, best graded first."""
        cand = self.kinds.candidacies.get(subject)
        if cand is None:
            return None
        ids = [e["id"] for e in cand.evidence if e["kind"] == "statement"]
        if ids:
            rows = self.store.rows("vetting.statements_shown", ids, ids=len(ids))
            graded = self.grades_of({r["id"] for r in rows})
            best = min(rows, key=lambda r: (_rank(graded[r["id"]][0]), r["published"] or "", r["id"]))
            return self.link(best, graded[best["id"]], "candidacy")
        event_id = cand.evidence[0]["id"]
        v = self.store.row("vetting.event_shown", (event_id,))
        return {
            "kind": "event", "id": v["id"], "what": f"{self.name(subject)}: candidacy", "modality": v["modality"],
            "evidence": v["evidence_text"], "document": v["document_id"], "outlet": v["outlet"],
            "published": v["published"], "chain": source_chain(self.store, v["attribution_id"]) or [v["outlet"] or "?"],
            "grade": UNGRADED[0], "grade_reason": "events are not graded", "why": "candidacy",
        }

    def link(self, r: Any, graded: tuple[str, str], why: str, note: str = "") -> dict[str, Any]:
        """One statement of a chain as the finding shows it."""
        subject = self.name(self._actor.get(r["subject_id"]) or self.actor_of({r["subject_id"]})[r["subject_id"]])
        obj = self.name(self._actor.get(r["object_id"]) or self.actor_of({r["object_id"]})[r["object_id"]])
        role = f" ({r['role']})" if r["role"] else ""
        return {
            "kind": "statement", "id": r["id"], "what": f"{subject} {r['predicate']} {obj}{role}",
            "subject": subject, "predicate": r["predicate"], "object": obj, "role": r["role"],
            "status": r["status"], "modality": r["modality"], "valid_from": r["valid_from"], "valid_to": r["valid_to"],
            "evidence": r["evidence_text"], "document": r["document_id"], "outlet": r["outlet"],
            "published": r["published"], "chain": source_chain(self.store, r["attribution_id"]) or [r["outlet"] or "?"],
            "grade": graded[0], "grade_reason": graded[1], "why": why, "time": note or None,
        }

    def findings(self, rule: Rule, pack: Pack) -> list[dict[str, Any]]:
        """Every finding of one rule."""
        complete = self.paths(rule, self.subjects(rule))
        graded = self.grades_of({r["id"] for _s, _n, rows, _t in complete for r in rows})
        best: dict[tuple[str, str], tuple[tuple[Any, ...], Any]] = {}
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for path in complete:
            subject, nodes, rows, _notes = path
            key = (subject, nodes[-1])
            counts[key] += 1
            weakest = grades.weakest([graded[r["id"]][0] for r in rows])
            order = (_rank(weakest), len(rows), min(r["published"] or "" for r in rows), [r["id"] for r in rows])
            if key not in best or order < best[key][0]:
                best[key] = (order, path)
        out = []
        for key, (_order, (subject, nodes, rows, notes)) in best.items():
            out.append(self._finding(rule, pack, subject, nodes, rows, notes, graded, counts[key]))
        return out

    def full_rows(self, ids: list[str]) -> dict[str, Any]:
        """Statements with their evidence and outlet, for the chains a finding shows."""
        out: dict[str, Any] = {}
        for part in chunks(sorted(set(ids))):
            out.update((r["id"], r) for r in self.store.each("vetting.statements_shown", part, ids=len(part)))
        return out

    def _finding(self, rule: Rule, pack: Pack, subject: str, nodes: list[str], rows: list[Any], notes: list[str],
                 graded: dict[str, tuple[str, str]], alternatives: int) -> dict[str, Any]:
        steps = self._steps_of(rule, rows)
        full = self.full_rows([r["id"] for r in rows])
        rows = [full[r["id"]] for r in rows]
        chain = [self.link(r, graded[r["id"]], f"step {i}", notes[i]) for i, r in enumerate(rows)]
        cand = self.candidacy_link(subject) if "candidate" in rule.subject else None
        if cand is not None:
            chain.insert(0, cand)
        flags = sorted({m for r, st in zip(rows, steps, strict=True) for m in (r["modality"], r["status"])
                        if m in st.flag})
        weakest_link = max(chain, key=lambda c: (_rank(c["grade"]), c["id"]))
        grade = grades.weakest([c["grade"] for c in chain])
        kinds = self.kinds.kinds(set(nodes))
        entities = [{"actor": a, "name": self.name(a), "kinds": kinds[a]} for a in dict.fromkeys(nodes)]
        ident = hashlib.sha1(f"{rule.id}|{subject}|{nodes[-1]}".encode()).hexdigest()[:16]
        body = {
            "id": f"{rule.id}:{ident}", "rule": rule.id, "title": rule.title, "severity": rule.severity,
            "pack": pack.path, "subject": entities[0]["name"], "entities": entities, "flags": flags,
            "grade": grade, "grade_reason": f"weakest link: {weakest_link['what']} graded {weakest_link['grade']} "
            f"({weakest_link['grade_reason']}); {grades.explain(grade)}",
            "chain": chain, "alternatives": alternatives - 1,
        }
        body["fingerprint"] = hashlib.sha1(json.dumps(
            [grade, flags, [(c["id"], c["grade"]) for c in chain]], sort_keys=True).encode()).hexdigest()[:16]
        return body

    @staticmethod
    def _steps_of(rule: Rule, rows: list[Any]) -> list[Step]:
        """The steps of the alternative a path came from (the first whose length and predicates fit)."""
        for path in rule.paths:
            if len(path) == len(rows) and all(r["predicate"] in s.predicates and r["modality"] in s.modality
                                              and (not s.status or r["status"] in s.status)
                                              for r, s in zip(rows, path, strict=True)):
                return list(path)
        return list(rule.paths[0])[: len(rows)]


def _rank(grade: str) -> tuple[int, int]:
    letter, number = grades.parse(grade)
    return "ABCDEF".index(letter), number


def vet(store: Store, pack: Pack | None = None, min_grade: str | None = None,
        rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Findings of a rule pack (the shipped one by default), most severe then best supported first."""
    pack = pack or load_pack()
    if min_grade is not None:
        grades.parse(min_grade)
    # many small rows, tuples and dicts, and no cycles: the cyclic collector would scan the growing
    # caches again and again, a cost that grows faster than the store (as in interlock.resolve)
    collecting = gc.isenabled()
    gc.disable()
    try:
        engine = Engine(store)
        found: list[dict[str, Any]] = []
        for rule in pack.rules:
            if rules is not None and rule.id not in rules:
                continue
            for f in engine.findings(rule, pack):
                floor = [g for g in (rule.min_grade, min_grade) if g]
                if all(grades.meets(f["grade"], g) for g in floor):
                    found.append(f)
    finally:
        if collecting:
            gc.enable()
    return sorted(found, key=lambda f: (SEVERITIES.index(f["severity"]), _rank(f["grade"]), f["rule"], f["subject"]))
