"""Checks an ``ExtractedDocument`` against a declarative expect file of facts.

The expect format is documented in ``tests/fixtures/articles/README.md``. Each
check returns ``Failure`` items naming the expectation (``statements[2]`` or its
``id``) and saying, in words, what was expected and what was found nearest to
it, so that a failing golden test reads like a review comment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from interlock.model import Attribution, Entity, Event, ExtractedDocument, Statement

PREDICATES = frozenset(
    "holds_position member_of leader_of spokesperson_for part_of backed_by affiliated_with "
    "candidate_in met_with ally_of opposes employed_by advisor_to founded resigned_from".split()
)
STATUSES = frozenset({"current", "former", "planned"})
MODALITIES = frozenset({"asserted", "reported", "hedged", "negated", "conditional", "planned"})
EVENT_TYPES = frozenset(
    "meeting appointment agreement resignation candidacy election speech statement denial".split()
)
KINDS = frozenset({"direct", "indirect", "mixed"})

#: per section: required fields, optional fields
SECTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "entities": (frozenset({"label", "mentions"}), frozenset({"id"})),
    "not_entities": (frozenset({"text", "label"}), frozenset({"id"})),
    "statements": (
        frozenset({"subject", "predicate"}),
        frozenset({"object", "role", "status", "modality", "id"}),
    ),
    "absent_statements": (frozenset({"subject", "predicate"}), frozenset({"object", "id"})),
    "attributions": (
        frozenset({"source", "cue", "content_contains"}),
        frozenset({"kind", "anonymous", "via", "id"}),
    ),
    "times": (frozenset({"text", "type", "value"}), frozenset({"id"})),
    "events": (
        frozenset({"type"}),
        frozenset({"participants", "place", "time_text", "secret", "modality", "id"}),
    ),
    "modalities": (
        frozenset({"subject", "predicate", "modality"}),
        frozenset({"object", "role", "id"}),
    ),
}


@dataclass(frozen=True)
class Failure:
    """One unmet expectation: its key (``section[index]`` or id) and what went wrong."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


def norm(text: str) -> str:
    """Text as compared: case-folded, curly apostrophes straightened, whitespace collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def load_expect(path: Path) -> dict[str, Any]:
    """An expect file, validated (see ``validate``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    problems = validate(data)
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return data


def validate(expect: dict[str, Any]) -> list[str]:
    """Problems with the form of an expect file; empty when it is well formed."""
    problems: list[str] = []
    for section, items in expect.items():
        if section == "known_gaps":
            if not isinstance(items, list) or not all(isinstance(g, str) for g in items):
                problems.append("known_gaps must be a list of expectation keys")
            continue
        if section not in SECTIONS:
            problems.append(f"unknown section {section!r}")
            continue
        if not isinstance(items, list):
            problems.append(f"{section} must be a list")
            continue
        required, optional = SECTIONS[section]
        for n, item in enumerate(items):
            where = f"{section}[{n}]"
            if not isinstance(item, dict):
                problems.append(f"{where} must be a mapping")
                continue
            missing = required - item.keys()
            extra = item.keys() - required - optional
            if missing:
                problems.append(f"{where} lacks {sorted(missing)}")
            if extra:
                problems.append(f"{where} has unknown fields {sorted(extra)}")
            problems.extend(_value_problems(where, item))
    keys = set(expectation_keys(expect))
    for gap in expect.get("known_gaps") or []:
        if isinstance(gap, str) and gap not in keys:
            problems.append(f"known_gaps names {gap!r}, which is no expectation")
    return problems


def _value_problems(where: str, item: dict[str, Any]) -> list[str]:
    checks: list[tuple[str, frozenset[str]]] = [
        ("predicate", PREDICATES),
        ("status", STATUSES),
        ("modality", MODALITIES),
        ("kind", KINDS),
    ]
    if where.startswith("events"):
        checks.append(("type", EVENT_TYPES))
    return [
        f"{where}: {name} {item[name]!r} is not one of {sorted(allowed)}"
        for name, allowed in checks
        if name in item and item[name] not in allowed
    ]


def expectation_keys(expect: dict[str, Any]) -> Iterable[str]:
    """The key of every expectation, in file order."""
    for section in SECTIONS:
        for n, item in enumerate(expect.get(section) or []):
            yield _key(section, n, item)


def _key(section: str, n: int, item: dict[str, Any]) -> str:
    return str(item["id"]) if isinstance(item, dict) and item.get("id") else f"{section}[{n}]"


# --- lookups on the document ---------------------------------------------------------


def mention_of(entity: Entity | None, text: str) -> bool:
    """Whether ``text`` reads as one of the entity's mentions (or its name)."""
    if entity is None:
        return False
    want = norm(text)
    return norm(entity.name) == want or any(norm(m.text) == want for m in entity.mentions)


def _ref_reads(doc: ExtractedDocument, ref: str | None, text: str) -> bool:
    """Whether an entity id (or, failing that, a literal value) reads as ``text``."""
    if ref is None:
        return False
    ent = doc.entity(ref)
    return mention_of(ent, text) if ent is not None else norm(ref) == norm(text)


def _describe_entity(doc: ExtractedDocument, ref: str | None) -> str:
    if ref is None:
        return "None"
    ent = doc.entity(ref)
    return repr(ent.name) if ent is not None else repr(ref)


def _describe_statement(doc: ExtractedDocument, st: Statement) -> str:
    return (
        f"({_describe_entity(doc, st.subject)} {st.predicate} {_describe_entity(doc, st.object)}"
        f", role={st.role!r}, status={st.status}, modality={st.modality})"
    )


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    low, want = text.casefold(), needle.casefold()
    spans, at = [], low.find(want)
    while at >= 0 and want:
        spans.append((at, at + len(want)))
        at = low.find(want, at + 1)
    return spans


# --- the checks, one per section -------------------------------------------------------


def check_document(doc: ExtractedDocument, expect: dict[str, Any], text: str) -> list[Failure]:
    """Every unmet expectation of ``expect`` in ``doc``; ``text`` is the article text."""
    checkers: dict[str, Callable[[ExtractedDocument, dict[str, Any], str], str | None]] = {
        "entities": _check_entity,
        "not_entities": _check_not_entity,
        "statements": _check_statement,
        "absent_statements": _check_absent_statement,
        "attributions": _check_attribution,
        "times": _check_time,
        "events": _check_event,
        "modalities": _check_modality,
    }
    failures: list[Failure] = []
    for section, checker in checkers.items():
        for n, item in enumerate(expect.get(section) or []):
            problem = checker(doc, item, text)
            if problem is not None:
                failures.append(Failure(_key(section, n, item), problem))
    return failures


def check(doc: ExtractedDocument, expect: dict[str, Any], text: str) -> list[str]:
    """Human-readable failures (see ``check_document``)."""
    return [str(f) for f in check_document(doc, expect, text)]


def split_known(
    failures: list[Failure], known_gaps: Iterable[str]
) -> tuple[list[Failure], list[Failure]]:
    """Failures split into (not listed as known gaps, listed as known gaps)."""
    known = set(known_gaps)
    return [f for f in failures if f.key not in known], [f for f in failures if f.key in known]


def met_gaps(failures: list[Failure], known_gaps: Iterable[str]) -> list[str]:
    """The listed known gaps that no failure reports any more (fixed: take them off the list)."""
    unmet = {f.key for f in failures}
    return [key for key in known_gaps if key not in unmet]


def _check_entity(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    texts: list[str] = item["mentions"]
    label = str(item["label"])
    holders = {t: [e for e in doc.entities if mention_of(e, t)] for t in texts}
    lost = [t for t, ents in holders.items() if not ents]
    if lost:
        return f"no entity has a mention reading {lost} (expected one {label} entity {texts})"
    shared = [e for e in holders[texts[0]] if all(e in holders[t] for t in texts[1:])]
    if not shared:
        split = "; ".join(f"{t!r} in {[e.name for e in holders[t]]}" for t in texts)
        return f"{texts} should be one {label} entity but are split: {split}"
    if not any(e.label.upper() == label.upper() for e in shared):
        return f"{texts} form one entity labelled {[e.label for e in shared]}, expected {label}"
    return None


def _check_not_entity(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    label = str(item["label"]).upper()
    wrong = [e for e in doc.entities if e.label.upper() == label and mention_of(e, item["text"])]
    if wrong:
        return f"{item['text']!r} is labelled {label} (entity {wrong[0].name!r})"
    return None


def _statement_matches(doc: ExtractedDocument, st: Statement, item: dict[str, Any]) -> bool:
    if st.predicate != item["predicate"] or not _ref_reads(doc, st.subject, item["subject"]):
        return False
    if item.get("object") is not None and not _ref_reads(doc, st.object, item["object"]):
        return False
    if item.get("role") is not None and norm(item["role"]) not in norm(st.role or ""):
        return False
    return all(
        item.get(name) is None or getattr(st, name) == item[name] for name in ("status", "modality")
    )


def _nearest_statements(doc: ExtractedDocument, item: dict[str, Any]) -> str:
    near = [
        _describe_statement(doc, st)
        for st in doc.statements
        if _ref_reads(doc, st.subject, item["subject"])
        and (st.predicate == item["predicate"] or item.get("object") is None)
    ]
    return f"; nearest: {', '.join(near[:4])}" if near else "; no statement about that subject"


def _check_statement(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    if any(_statement_matches(doc, st, item) for st in doc.statements):
        return None
    want = {k: v for k, v in item.items() if k != "id"}
    return f"missing statement {want}{_nearest_statements(doc, item)}"


def _check_absent_statement(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    found = [st for st in doc.statements if _statement_matches(doc, st, item)]
    if found:
        return f"unwanted statement {_describe_statement(doc, found[0])} from {found[0].evidence.text!r}"
    return None


def _attribution_problems(
    doc: ExtractedDocument, att: Attribution, item: dict[str, Any], text: str
) -> list[str]:
    problems: list[str] = []
    source = item["source"]
    if source is None:
        if att.source is not None:
            problems.append(f"source {att.source.text!r}, expected none")
    elif att.source is None:
        problems.append(f"no source, expected {source!r}")
    elif not any(
        s < att.source.end and att.source.start < e for s, e in _occurrences(text, source)
    ):
        problems.append(f"source {att.source.text!r}, expected {source!r}")
    if item.get("kind") is not None and att.kind != item["kind"]:
        problems.append(f"kind {att.kind}, expected {item['kind']}")
    if item.get("anonymous") is not None:
        anonymous = att.source is not None and (
            att.source.anonymous or bool(getattr(doc.entity(att.source.entity), "anonymous", False))
        )
        if anonymous != item["anonymous"]:
            problems.append(f"anonymous={anonymous}, expected {item['anonymous']}")
    for n, outlet in enumerate(item.get("via") or []):
        if n >= len(att.via) or not _ref_reads(doc, att.via[n], outlet):
            got = [_describe_entity(doc, v) for v in att.via]
            problems.append(f"via {got}, expected {item['via']} first")
            break
    return problems


def _check_attribution(doc: ExtractedDocument, item: dict[str, Any], text: str) -> str | None:
    candidates = [
        a
        for a in doc.attributions
        if norm(a.cue.text) == norm(item["cue"])
        and norm(item["content_contains"]) in norm(a.content.text)
    ]
    if not candidates:
        same_cue = [
            a.content.text[:60] for a in doc.attributions if norm(a.cue.text) == norm(item["cue"])
        ]
        return (
            f"no attribution with cue {item['cue']!r} whose content contains "
            f"{item['content_contains']!r}; contents with that cue: {same_cue[:4]}"
        )
    reports = [_attribution_problems(doc, a, item, text) for a in candidates]
    if any(not r for r in reports):
        return None
    best = min(reports, key=len)
    return f"attribution {item['cue']!r} / {item['content_contains']!r}: " + ", ".join(best)


def _check_time(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    same_text = [t for t in doc.times if norm(t.text) == norm(item["text"])]
    if any(t.type == item["type"] and t.value == item["value"] for t in same_text):
        return None
    if not same_text:
        covering = [t.text for t in doc.times if norm(item["text"]) in norm(t.text)]
        return f"no time expression reads {item['text']!r}" + (
            f" (found within {covering})" if covering else ""
        )
    got = [(t.type, t.value) for t in same_text]
    return f"{item['text']!r} normalised to {got}, expected ({item['type']}, {item['value']})"


def _event_problems(doc: ExtractedDocument, ev: Event, item: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for person in item.get("participants") or []:
        if not any(_ref_reads(doc, p, person) for p in ev.participants):
            problems.append(f"participant {person!r} missing")
    if item.get("place") is not None and not _ref_reads(doc, ev.place, item["place"]):
        problems.append(f"place {_describe_entity(doc, ev.place)}, expected {item['place']!r}")
    if item.get("time_text") is not None:
        want = norm(item["time_text"])
        values = {t.value for t in doc.times if norm(t.text) == want and t.value}
        if ev.time is None or (ev.time not in values and norm(ev.time) != want):
            problems.append(f"time {ev.time!r}, expected {item['time_text']!r}")
    for name in ("secret", "modality"):
        if item.get(name) is not None and getattr(ev, name) != item[name]:
            problems.append(f"{name}={getattr(ev, name)!r}, expected {item[name]!r}")
    return problems


def _check_event(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    candidates = [ev for ev in doc.events if ev.type == item["type"]]
    if not candidates:
        return f"no {item['type']} event (events found: {sorted({e.type for e in doc.events})})"
    reports = [_event_problems(doc, ev, item) for ev in candidates]
    if any(not r for r in reports):
        return None
    best = min(reports, key=len)
    return f"{item['type']} event: " + ", ".join(best)


def _check_modality(doc: ExtractedDocument, item: dict[str, Any], _text: str) -> str | None:
    probe = {k: v for k, v in item.items() if k not in ("modality", "id")}
    matching = [st for st in doc.statements if _statement_matches(doc, st, probe)]
    if not matching:
        return f"no statement {probe} to carry modality {item['modality']}"
    if any(st.modality == item["modality"] for st in matching):
        return None
    return f"{probe} has modality {sorted({st.modality for st in matching})}, expected {item['modality']}"


def main() -> None:
    """Print, per fixture article, how many expectations the extractor meets and the rest."""
    import json

    from interlock.extract.api import extract_record

    articles = Path(__file__).parent / "fixtures" / "articles"
    met_total = all_total = 0
    for path in sorted(articles.glob("*.expect.yaml")):
        slug = path.name[: -len(".expect.yaml")]
        record = json.loads((articles / f"{slug}.json").read_text(encoding="utf-8"))
        expect = load_expect(path)
        failures = check_document(extract_record(record), expect, record["text"])
        total = len(list(expectation_keys(expect)))
        met_total += total - len(failures)
        all_total += total
        print(f"{slug}: {total - len(failures)}/{total} met")
        for failure in failures:
            print(f"  - {failure}")
    print(f"all articles: {met_total}/{all_total} expectations met")


if __name__ == "__main__":
    main()
