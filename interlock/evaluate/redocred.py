"""Re-DocRED evaluation: our role and membership statements against Wikidata-style relations.

The dev split (``redocred-dev/dev_revised.json``) gives each document as token
lists per sentence, its entities (``vertexSet``: mentions with sentence and
token positions) and its relations (``labels``: head, tail, Wikidata property).
We rebuild the text (tokens joined with spaces, sentences joined with
spaces), run the whole Interlock pipeline on it and map our predicates to
properties:

* member_of -> P463 member of, P102 member of political party
* employed_by -> P108 employer; holds_position -> P108 with its organisation
  as employer, and P39 position held when the role words overlap a gold entity
* leader_of -> P488 chairperson (organisations), P6 head of government and
  P35 head of state (countries, chosen by the role), read object -> subject

Alignment and scoring. A statement is aligned to a gold entity pair when a
mention of its subject overlaps a mention of the gold head and a mention of
its object overlaps a mention of the gold tail (for leader_of, the other way
round). As in the DocRED task, where the entity set is given, statements
whose subject or object overlaps no gold entity cannot be judged and are not
scored (their number is reported in a note). Aligned predictions are deduped
by (gold head, gold tail, relation) before scoring, so one fact stated twice
counts once; each statement gives one triple at most: when it maps to several
properties or aligns with several gold pairs, it takes a triple the gold holds
if any, else the first property on the first pair (a false positive).
Matching is one-to-one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interlock.errors import DatasetNotFound
from interlock.evaluate.report import EvalResult
from interlock.evaluate.scoring import PRF, overlap
from interlock.extract.roles import is_legislature, name_words
from interlock.extract.state import EntityDraft, StatementDraft

MAPPED = ("P463", "P102", "P108", "P39", "P488", "P6", "P35")
#: roles that head a government (P6) or a state (P35) when their object is a country
GOVERNMENT_ROLES = frozenset(
    ("prime minister", "premier", "chancellor", "mayor", "first minister", "chief minister",
     "head of government", "governor")
)
STATE_ROLES = frozenset(("monarch", "king", "queen", "emperor", "monarch", "sultan", "emir", "shah", "head of state"))
#: armed forces: serving in one is Wikidata's P241, not employment
MILITARY_WORDS = frozenset(
    ("army", "navy", "military", "legion", "marines", "corps", "regiment", "brigade", "division",
     "battalion", "fleet", "squadron", "forces")
)
#: roles that chair or head an organisation (P488); a commander of a unit or ship does not
CHAIR_ROLES = frozenset(
    ("chairman", "chairwoman", "chairperson", "chair", "president", "head", "leader", "chief",
     "secretary-general", "director-general", "supreme leader", "party leader")
)
#: courts: presiding over one is a judicial office (P39), not chairing (P488)
JUDICIAL_WORDS = frozenset(("court", "tribunal", "bench"))
#: words of a country's name: leading one is heading a state or government, not chairing
COUNTRY_WORDS = frozenset(("republic", "kingdom", "empire", "state", "states", "federation", "emirate"))
PARTY_WORDS = ("party", "democrat", "republican", "labour", "conservative", "liberal", "socialist")

Offsets = tuple[int, int]


@dataclass
class GoldDoc:
    """One Re-DocRED document: text, mention offsets per entity, and mapped relations."""

    title: str
    text: str
    entities: list[list[Offsets]]
    #: (head index, tail index, property)
    relations: set[tuple[int, int, str]]


def build_text(sents: list[list[str]]) -> tuple[str, list[list[Offsets]]]:
    """The document text and each token's character offsets, per sentence."""
    parts: list[str] = []
    offsets: list[list[Offsets]] = []
    pos = 0
    for n, sent in enumerate(sents):
        if n:
            parts.append(" ")
            pos += 1
        sent_offsets: list[Offsets] = []
        for i, tok in enumerate(sent):
            if i:
                parts.append(" ")
                pos += 1
            sent_offsets.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        offsets.append(sent_offsets)
    return "".join(parts), offsets


def parse_document(raw: dict[str, Any]) -> GoldDoc:
    """A DocRED JSON document as text, mention offsets and mapped relations."""
    text, offsets = build_text(raw["sents"])
    entities: list[list[Offsets]] = []
    for vertex in raw["vertexSet"]:
        mentions: list[Offsets] = []
        for m in vertex:
            toks = offsets[m["sent_id"]]
            start, end = m["pos"]
            mentions.append((toks[start][0], toks[end - 1][1]))
        entities.append(mentions)
    relations = {(lab["h"], lab["t"], lab["r"]) for lab in raw.get("labels", []) if lab["r"] in MAPPED}
    return GoldDoc(raw.get("title", ""), text, entities, relations)


def load(data_dir: Path) -> list[GoldDoc]:
    """The Re-DocRED dev documents; DatasetNotFound when the folder or file is missing."""
    path = data_dir / "redocred-dev" / "dev_revised.json"
    if not path.is_file():
        raise DatasetNotFound(
            f"Re-DocRED dev data not found at {path}; it should be in the shared evaluation "
            f"data folder (set INTERLOCK_EVALDATA to its location)"
        )
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return [parse_document(d) for d in raw]


def candidate_relations(st: StatementDraft) -> list[tuple[str, bool]]:
    """The properties a statement may express, each with whether it reads object -> subject."""
    obj = st.object.resolved() if st.object is not None else None
    role = (st.role or "").lower()
    if st.predicate == "member_of" and obj is not None:
        names = " ".join([obj.name, *obj.descriptors]).lower()
        if obj.label == "NORP" or any(w in names for w in PARTY_WORDS):
            return [("P102", False), ("P463", False)]
        return [("P463", False), ("P102", False)]
    military = obj is not None and bool(name_words(obj.name) & MILITARY_WORDS)
    if st.predicate == "employed_by" and obj is not None and not military:
        return [("P108", False)]
    if st.predicate == "holds_position":
        # P39's tail is the position itself: only roles of a named body can be one. An
        # office (minister, judge, secretary) in an organisation is recorded by Wikidata as
        # P39, not as employment: on the dev set mapping it to P108 gave 1 true in 5.
        return [("P39", False)] if obj is not None else []
    if st.predicate == "leader_of" and obj is not None:
        words = name_words(obj.name)
        if military:
            return []  # commanding a unit is neither chairing nor governing
        country = obj.label != "ORG" or bool(words & COUNTRY_WORDS)
        if role in STATE_ROLES:
            return [("P35", True)]
        if role in GOVERNMENT_ROLES and country:
            return [("P6", True)]
        if not country:
            # presiding over a legislature is a position (P39) in Wikidata, not P488
            if is_legislature(obj.name) or words & JUDICIAL_WORDS or role not in CHAIR_ROLES:
                return []
            return [("P488", True)]
        if role.endswith(("leader", "president")):
            return [("P35", True), ("P6", True)]
        return []  # a commander or governor of a place is neither head of state nor government
    return []


def _spans(ent: EntityDraft) -> list[Offsets]:
    """Where an entity is mentioned, for alignment with gold mentions.

    Role nominals ("the President of Poland") span other entities' names, so
    they are left out when the entity has other mentions.
    """
    mentions = ent.resolved().mentions
    named = [(m.start, m.end) for m in mentions if m.kind != "nominal"]
    return named or [(m.start, m.end) for m in mentions]


def _aligned(spans: list[Offsets], gold: GoldDoc) -> list[int]:
    """Gold entities one of whose mentions overlaps one of ours."""
    return [
        i
        for i, mentions in enumerate(gold.entities)
        if any(overlap(s, g) for s in spans for g in mentions)
    ]


def _role_span(st: StatementDraft) -> list[Offsets]:
    """Where the role words are, for P39 whose tail is the position itself."""
    if st.anchor is None or not st.role:
        return []
    last = st.role.split()[-1]
    return [(st.anchor, st.anchor + len(last))]


def predictions(statements: Iterable[StatementDraft], gold: GoldDoc) -> tuple[set[tuple[int, int, str]], int]:
    """Our statements as (gold head, gold tail, property) triples; also how many could not align.

    Each statement gives at most one triple: among its aligned entity pairs and
    candidate properties, one the gold holds if there is one, else the first
    candidate property on the first aligned pair (a false positive).
    """
    out: set[tuple[int, int, str]] = set()
    unaligned = 0
    for st in statements:
        cands = candidate_relations(st)
        if not cands:
            continue
        obj_spans = _spans(st.object) if st.object is not None else []
        # a nominal subject that contains its object ("the Norwegian prime minister") would
        # align with the object's gold entity too: use only the subject's other mentions
        subj_spans = [s for s in _spans(st.subject) if not any(overlap(s, o) for o in obj_spans)]
        subj = _aligned(subj_spans, gold)
        options: list[tuple[bool, int, tuple[int, int, str]]] = []
        for rank, (rel, inverted) in enumerate(cands):
            if rel == "P39":
                tails = _aligned(_role_span(st), gold)
            elif st.object is None:
                continue
            else:
                tails = _aligned(obj_spans, gold)
            for h in subj:
                for t in tails:
                    if h != t:
                        triple = (t, h, rel) if inverted else (h, t, rel)
                        options.append((triple in gold.relations, -rank, triple))
        if not options:
            unaligned += 1
            continue
        out.add(max(options, key=lambda o: (o[0], o[1]))[2])
    return out, unaligned


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """P/R/F1 of our mapped statements on Re-DocRED dev, overall and per property."""
    from interlock.extract.pipeline import load_pipeline, make_doc, run

    docs = load(data_dir)
    if limit is not None:
        docs = docs[:limit]
    nlp = load_pipeline()
    per_rel = {r: PRF() for r in MAPPED}
    unaligned = 0
    errors = 0
    prepared = (make_doc(nlp, g.text, f"redocred-{n}") for n, g in enumerate(docs))
    for n, (gold, doc) in enumerate(zip(docs, run(prepared, nlp), strict=True)):
        state = doc._.interlock
        errors += len(state.errors)
        predicted, lost = predictions(state.statements, gold)
        unaligned += lost
        for rel in MAPPED:
            p = {x for x in predicted if x[2] == rel}
            g = {x for x in gold.relations if x[2] == rel}
            per_rel[rel].add(PRF(tp=len(p & g), predicted=len(p), gold=len(g)))
        if (n + 1) % 50 == 0:
            print(f"redocred: {n + 1}/{len(docs)} documents", file=sys.stderr)
    overall = PRF()
    for prf in per_rel.values():
        overall.add(prf)
    table = [["relation", "precision", "recall", "f1", "tp", "predicted", "gold"]]
    for rel, prf in [*per_rel.items(), ("all", overall)]:
        table.append(
            [rel, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
             str(prf.tp), str(prf.predicted), str(prf.gold)]
        )
    notes = [
        f"documents: {len(docs)}; statements not aligned to gold entities (not scored): {unaligned}; "
        f"component errors: {errors}",
    ]
    figures = {
        "documents": len(docs),
        "overall": overall.as_dict(),
        "per_relation": {r: p.as_dict() for r, p in per_rel.items()},
        "unaligned_statements": unaligned,
    }
    primary = (
        f"redocred F1 ours={overall.f1:.3f} precision={overall.precision:.3f} "
        f"recall={overall.recall:.3f}"
    )
    return EvalResult("redocred", figures, table, primary, notes)
