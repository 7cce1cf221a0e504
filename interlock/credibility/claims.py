"""Claims, their independent origins, contradictions and an Admiralty grade for each.

A *claim* is what statements in many articles say about the same actors: one
subject actor, one predicate, one object actor (or role). Each statement counts
for an *origin*, the place the information first came from:

- a named source on record ("X said", "X, citing Y": Y) is its own origin,
  whichever outlets relay it;
- an anonymous source is one origin per outlet that carries it and per telling
  (``interlock.credibility.tellings``): each story in which it spoke to the outlet
  that published it is a telling, however often the story refers back to it, and a
  relay by another outlet ("told Al Arabiya") counts for that outlet's telling;
- the outlet's own reporting counts for that outlet, and a syndicated copy
  (``documents.copy_of``) for the outlet of the story it copies.

So a wire story run by three outlets is one origin, and two outlets with their
own sources are two. A negated statement ("X denied meeting Y") contradicts the
claim; contradicting origins are counted the same way.

The grade is the Admiralty pair. The letter is the weakest outlet of the chain
(the registry's reliability, F when unknown), one step lower for an anonymous
source or an author's opinion. The number comes from the claim as a whole:

== ==============================================================================
1  two or more independent origins, none contradicting
2  one origin on record (named source or the outlet's own reporting) graded A-C
3  one origin otherwise, or more origins for it than against it
4  as many origins against as for it
5  more origins against than for it, or denied on record against anonymous sources
6  a single anonymous source with nothing to judge it by
== ==============================================================================
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from interlock.credibility.grades import LETTERS, NUMBER_MEANING, grade, weakest_letter
from interlock.credibility.outlets import Registry, outlet_key, stored
from interlock.credibility.tellings import fold, telling
from interlock.model import stable_id
from interlock.store import Store

#: predicates whose subject and object can be swapped ("A met B" is "B met A")
SYMMETRIC = frozenset({"met_with", "ally_of"})
#: labels of entities that can be a named source (an origin of their own)
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
#: words in a named source's description that make them an official on record
OFFICIAL_WORDS = frozenset(
    """minister official spokesman spokeswoman spokesperson commander ambassador president premier
    chairman chairwoman chair mp lawmaker deputy governor judge head leader general colonel councillor
    secretary director mayor envoy attache officer chief member candidate prosecutor""".split()
)
ANALYST_WORDS = frozenset(
    """analyst expert researcher professor scholar academic witness resident worker observer journalist
    lawyer activist doctor""".split()
)


@dataclass
class Support:
    """One statement as evidence for or against a claim."""

    statement: str
    negated: bool
    origin: str
    origin_name: str
    attribution_type: str
    letter: str
    chain: list[str]
    source: str | None = None
    hedged: bool = False
    #: what the statement says of the time: its status, when it ended, when it was published, the role
    status: str | None = None
    ended: str | None = None
    published: str = ""
    role: str | None = None
    modality: str = "asserted"
    #: the day (or month, year) the statement gives what it says, if any
    time: str | None = None


@dataclass
class Claim:
    """A claim and the statements for and against it."""

    id: str
    subject: str
    predicate: str
    object: str | None
    support: list[Support] = field(default_factory=list)


@dataclass
class CredibilityReport:
    """What a grading run did."""

    statements: int
    claims: int
    corroborated: int
    contradicted: int
    seconds: float

    def summary(self) -> str:
        return (f"graded {self.statements} statements in {self.claims} claims "
                f"({self.corroborated} corroborated, {self.contradicted} contradicted) in {self.seconds:.1f} s")


def _lower(letter: str) -> str:
    """One step less reliable; E stays E and F (unknown) stays F."""
    if letter in ("E", "F"):
        return letter
    return LETTERS[LETTERS.index(letter) + 1]


class _Context:
    """What grading needs to know of the store, read once."""

    def __init__(self, store: Store, registry: Registry) -> None:
        self.registry = registry
        self.actor = store.pairs("credibility.entity_actors")
        self.name = store.pairs("credibility.entity_names")
        self.label = store.pairs("credibility.entity_labels")
        self.anonymous = set(store.column("credibility.anonymous_entities"))
        # an origin is named as its actor is (one name however each article spells it)
        self.actor_name = store.pairs("credibility.actor_names")
        self.descriptors = store.pairs("credibility.entity_descriptors")
        self.outlet_name = store.pairs("credibility.outlet_names")
        # entities that can stand for an outlet in a relay chain: named organisations
        # (only those already named above: another writer may store a document between the two reads)
        self.outlet_like = set(store.column("credibility.outlet_like_entities")) & self.name.keys()
        self.doc_outlet: dict[str, str | None] = {}
        self.doc_root: dict[str, str] = {}
        for doc_id, outlet_id, copy_of in store.each("credibility.document_outlets"):
            self.doc_outlet[doc_id] = self.outlet_name.get(outlet_id) if outlet_id else None
            self.doc_root[doc_id] = copy_of or doc_id
        # a named source's roles: what statements say they hold
        self.roles: dict[str, set[str]] = defaultdict(set)
        for subject, role in store.each("credibility.roles"):
            self.roles[self.actor.get(subject, subject)].update(role.lower().split())

    def outlet_of(self, doc_id: str) -> str:
        if doc_id.startswith("registry:"):
            return "the outlet registry"
        return self.doc_outlet.get(doc_id) or "unknown outlet"

    def outlet_display(self, name: str) -> str:
        """An outlet under its registry name (an alias or a feed's long title counts as the outlet)."""
        found = self.registry.find(name)
        return found.name if found else name

    def speaker_name(self, entity_id: str, fallback: str | None) -> str:
        actor = self.actor.get(entity_id)
        named = self.actor_name.get(actor) if actor is not None else None
        return str(named or self.name.get(entity_id) or fallback or "?")

    def can_speak(self, entity_id: str) -> bool:
        """Whether an entity can be a named source: a person or an organisation, not an anonymous
        description or a fragment the parser took for a name (a title, a date)."""
        return entity_id not in self.anonymous and self.label.get(entity_id) in SPEAKER_LABELS

    def source_kind(self, entity_id: str) -> str:
        words: set[str] = set()
        for d in json.loads(self.descriptors.get(entity_id, "[]")):
            words.update(d.lower().split())
        words |= self.roles.get(self.actor.get(entity_id, entity_id), set())
        if words & OFFICIAL_WORDS:
            return "official"
        if words & ANALYST_WORDS:
            return "analyst"
        return "named"


def _support(ctx: _Context, row: Any, attribution: Any | None) -> Support:
    doc = row["document_id"]
    publisher = ctx.outlet_of(doc)
    root_publisher = ctx.outlet_of(ctx.doc_root.get(doc, doc))
    # the outlets in the chain: extraction's via may also hold the speaker itself
    via = [ctx.name[v] for v in json.loads(attribution["via"]) if v in ctx.outlet_like
           and v != attribution["source_entity_id"]] if attribution is not None else []
    # the outlets a report passed through, innermost first, ending with the one that published it
    outlets = [v for v in via if outlet_key(v) != outlet_key(publisher)] + [publisher]
    if root_publisher != publisher:
        outlets.insert(0, root_publisher)
    outlets = list({ctx.registry.canonical(o): o for o in reversed(outlets)}.values())[::-1]  # once each, innermost first
    letter = weakest_letter([ctx.registry.reliability(o) for o in outlets])
    negated, hedged = row["modality"] == "negated", row["modality"] == "hedged"
    own_origin = "outlet:" + ctx.registry.canonical(root_publisher)
    own_name = ctx.outlet_display(root_publisher)
    if row["modality"] == "opinion":
        return Support(row["id"], negated, own_origin, own_name, "opinion", _lower(letter), [publisher])
    source_id = attribution["source_entity_id"] if attribution is not None else None
    anonymous = attribution is not None and (bool(attribution["anonymous"]) or source_id in ctx.anonymous)
    if attribution is None or (not anonymous and (source_id is None or not ctx.can_speak(source_id))):
        # the outlet's own reporting, or "This does not mean that ...": no source but the author
        # (a "source" that is a fragment of a sentence is no origin of its own)
        return Support(row["id"], negated, own_origin, own_name, "outlet", letter, outlets, hedged=hedged)
    relayed = len(outlets) > 1
    if anonymous or source_id is None:
        # an anonymous source that spoke to the outlet of the story (or of the wire story a copy copies)
        # is a telling of its own; one that spoke to another outlet counts for that outlet's telling
        told = outlets[0]
        told_key = ctx.registry.canonical(told)
        origin = (telling(told_key, ctx.doc_root.get(doc, doc), attribution["source_text"])
                  if told_key == ctx.registry.canonical(root_publisher) else "outlet:" + told_key)
        speaker = (attribution["source_text"] or "an unnamed source") + " (anonymous)"
        return Support(row["id"], negated, origin, ctx.outlet_display(told),
                       "anonymous-relayed" if relayed else "anonymous", _lower(letter), [speaker, *outlets],
                       hedged=hedged)
    speaker_actor = ctx.actor.get(source_id, source_id)
    speaker = ctx.speaker_name(source_id, attribution["source_text"])
    kind = ctx.source_kind(source_id)
    return Support(row["id"], negated, "source:" + speaker_actor, speaker, kind + ("-relayed" if relayed else ""),
                   letter, [speaker, *outlets], source=speaker_actor, hedged=hedged)


def _sides(claim: Claim) -> tuple[dict[str, Support], dict[str, Support]]:
    """The origins for and against a claim, each at its best telling (the wire's own story, not a copy's)."""
    pro: dict[str, Support] = {}
    con: dict[str, Support] = {}
    for s in claim.support:
        side = con if s.negated else pro
        if s.origin not in side or LETTERS.index(s.letter) < LETTERS.index(side[s.origin].letter):
            side[s.origin] = s
    return pro, con


def origin_names(side: dict[str, Support]) -> list[str]:
    """One name per origin, sorted; two origins under one name are told apart, so the list is as long
    as the count."""
    names = sorted(s.origin_name for s in side.values())
    out: list[str] = []
    for n in names:
        k = 2
        name = n
        while name in out:
            name, k = f"{n} ({k})", k + 1
        out.append(name)
    return out


def _number(claim: Claim) -> tuple[int, str]:
    """The credibility number of a claim and why."""
    pro, con = _sides(claim)
    names = "; ".join(origin_names(pro))
    if not pro:
        return 6, "only denials: nothing reports it"
    if not con:
        if len(pro) >= 2:
            return 1, f"confirmed by {len(pro)} independent origins ({names})"
        only = next(iter(pro.values()))
        copies = len([s for s in claim.support if not s.negated])
        also = f", in {copies} reports that all go back to it" if copies > 1 else ""
        if only.attribution_type.startswith("anonymous"):
            relay = f", relayed through {', '.join(only.chain[1:])}" if only.attribution_type.endswith("relayed") else ""
            if only.letter in "ABC" and not only.hedged:
                return 3, f"a single anonymous source{relay}{also}; nothing confirms or denies it"
            return 6, f"a single anonymous source{relay}{also}; nothing to judge it by"
        if only.letter in "ABC" and not only.hedged:
            return 2, f"one origin on record ({names}){also}, not confirmed independently"
        return 3, f"one origin ({names}){also}, not confirmed independently"
    against = "; ".join(origin_names(con))
    on_record = [s for s in con.values() if not s.attribution_type.startswith("anonymous")]
    all_anonymous = all(s.attribution_type.startswith("anonymous") for s in pro.values())
    if len(pro) >= 2 and len(pro) > len(con) and not all_anonymous:
        # independent origins, one at least on record, outweigh the denial: corroborated, and disputed
        return 2, f"confirmed by {len(pro)} independent origins ({names}), denied by {len(con)} ({against})"
    if len(pro) > len(con):
        return 3, f"{len(pro)} origins report it ({names}) and {len(con)} deny it ({against})"
    if len(pro) == len(con) and not (all_anonymous and on_record):
        return 4, f"as many deny it ({against}) as report it ({names})"
    return 5, f"denied on record by {against}, against {'anonymous ' if all_anonymous else ''}origin(s) {names}"


def _first_telling(attributions: dict[str, Any], attribution_id: str | None) -> Any | None:
    """The attribution where a source first spoke: "The source said" later is the same source,
    and the relay chain of its first telling ("told Al Arabiya") is the chain of everything it said."""
    att = attributions.get(attribution_id) if attribution_id else None
    seen = set()
    while att is not None and att["same_source_as"] and att["same_source_as"] not in seen:
        seen.add(att["id"])
        first = attributions.get(att["same_source_as"])
        if first is None:
            break
        att = first
    return att


def build(store: Store, registry: Registry | None = None) -> list[Claim]:
    """Every claim of the store with its supporting and contradicting statements."""
    ctx = _Context(store, registry if registry is not None else stored(store))
    attributions = {r["id"]: r for r in store.each("credibility.attributions")}
    claims: dict[str, Claim] = {}
    for row in store.each("credibility.statements"):
        subject = ctx.actor.get(row["subject_id"], row["subject_id"])
        obj = ctx.actor.get(row["object_id"], row["object_id"]) if row["object_id"] else None
        if obj is None and row["role"]:
            obj = "role:" + row["role"].lower()
        if row["predicate"] in SYMMETRIC and obj is not None and obj < subject:
            subject, obj = obj, subject
        claim_id = stable_id("claim", subject, row["predicate"], obj)
        claim = claims.setdefault(claim_id, Claim(claim_id, subject, row["predicate"], obj))
        support = _support(ctx, row, _first_telling(attributions, row["attribution_id"]))
        support.status, support.ended, support.published = row["status"], row["valid_to"], row["published"] or ""
        support.role, support.modality = (row["role"] or "").lower() or None, row["modality"]
        support.time = row["time"]
        claim.support.append(support)
    for claim in claims.values():
        fold(claim.support)  # relays and the outlet's own reporting join its anonymous telling
    return list(claims.values())


def run(store: Store, registry: Registry | None = None) -> CredibilityReport:
    """Grade every statement of the store; writes claims, statement_grades and contradictions."""
    started = time.monotonic()
    claims = build(store, registry)
    claim_rows: list[tuple[Any, ...]] = []
    grade_rows: list[tuple[Any, ...]] = []
    contradiction_rows: list[tuple[str, str, str]] = []
    corroborated = contradicted = 0
    from interlock.credibility.conflicts import value_conflicts
    from interlock.credibility.meeting_dates import meeting_date_conflicts

    conflicts = value_conflicts(store, claims)
    for claim_id, found in meeting_date_conflicts(claims).items():
        conflicts.setdefault(claim_id, []).extend(found)
    for claim in claims:
        number, why = _number(claim)
        disputes = conflicts.get(claim.id, [])
        if disputes:
            # reports that give another value for the same thing: at best possibly true
            number = max(number, 3)
            why = f"{why}; disputed: {disputes[0][2]}" + (f" (and {len(disputes) - 1} more)" if len(disputes) > 1 else "")
            for a, b, reason in disputes:
                contradiction_rows.append((a, b, reason))
                contradiction_rows.append((b, a, reason))
        pro = [s for s in claim.support if not s.negated]
        con = [s for s in claim.support if s.negated]
        pro_origins, con_origins = _sides(claim)
        # the origins listed are the origins counted: one name each
        origins = origin_names(pro_origins)
        against = origin_names(con_origins)
        best = min((s.letter for s in pro), key=LETTERS.index, default="F")
        claim_rows.append((claim.id, claim.subject, claim.predicate, claim.object, json.dumps(origins, ensure_ascii=False),
                           len(pro_origins), json.dumps(against, ensure_ascii=False), best, number,
                           grade(best, number), why if why.startswith(NUMBER_MEANING[number]) else
                           f"{NUMBER_MEANING[number]}: {why}"))
        corroborated += len(pro_origins) >= 2
        contradicted += bool(con and pro) or bool(disputes)
        for s in claim.support:
            chain = " > ".join(s.chain)
            if s.negated:
                own_number, own_why = (2 if s.letter in "ABC" else 3), f"a denial ({chain}) of a claim graded {grade(best, number)}"
            else:
                own_number, own_why = number, why
            grade_rows.append((s.statement, claim.id, s.attribution_type, s.origin, s.letter, own_number,
                               grade(s.letter, own_number), f"{_letter_reason(s)}; {own_why}"))
        for d in con:
            for p in pro:
                reason = f"{d.origin_name} denies what {p.origin_name} reports"
                contradiction_rows.append((d.statement, p.statement, reason))
                contradiction_rows.append((p.statement, d.statement, reason))
    with store.transaction(exclusive=True):  # one grading at a time, whoever else writes
        store.run("credibility.clear_claims")
        store.run("credibility.clear_grades")
        store.run("credibility.clear_contradictions")
        store.run_many("credibility.add_claim", claim_rows)
        store.run_many("credibility.add_grade", grade_rows)
        store.run_many("credibility.add_contradiction", contradiction_rows)
    return CredibilityReport(len(grade_rows), len(claim_rows), corroborated, contradicted, time.monotonic() - started)


def _letter_reason(s: Support) -> str:
    kinds = {
        "outlet": "the outlet's own reporting", "opinion": "the author's opinion",
        "anonymous": "an anonymous source", "anonymous-relayed": "an anonymous source, relayed",
        "official": "a named official on record", "analyst": "a named analyst or witness",
        "named": "a named source", "official-relayed": "a named official, relayed",
        "analyst-relayed": "a named analyst or witness, relayed", "named-relayed": "a named source, relayed",
    }
    return f"{s.letter}: {kinds.get(s.attribution_type, s.attribution_type)} ({' > '.join(s.chain)})"
