"""Posts and ties of a FollowTheMoney file, read back into the store (``interlock import-entities``).

``interlock.resolve.reference`` reads a file's people and organisations as
reference entries; this module reads what links them: ``Occupancy`` with its
``Position`` (a post: holder, role, organisation, dates, status), a person's
``position`` property (OpenSanctions-style PEP data), ``Directorship``,
``Membership``, ``UnknownLink``, ``Employment``, ``Representation`` and
``Associate``. They are stored as statements of one document per file
(``reference:FILE``), whose text has one line per link as its evidence, like the
outlet registry: resolution joins the file's people with the articles' and the
posts feed vetting.

Files written by ``interlock export --format ftm`` come back whole: a link whose
id names a statement (``il-st_...``) keeps that statement's id, the predicate
written first in its ``summary`` comes back, and the status and modality in
``status`` ("former (hedged)"); a statement the store already has is not stored
twice, so exporting, importing into the same store and exporting again gives
the same entities with the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interlock.errors import BadInput
from interlock.model import Entity, ExtractedDocument, Mention, Span, Statement, stable_id
from interlock.store import Store

#: schemata this module reads (and the reference list reader leaves to it)
LINK_SCHEMATA = frozenset({"Position", "Occupancy", "Membership", "Directorship", "UnknownLink", "Employment",
                           "Representation", "Associate", "Article", "Documentation", "Event"})
#: link schema -> (subject property, object property, default predicate, predicates it may carry)
LINKS: dict[str, tuple[str, str, str, frozenset[str]]] = {
    "Directorship": ("director", "organization", "leader_of", frozenset({"leader_of", "founded"})),
    "Membership": ("member", "organization", "member_of", frozenset({"member_of", "part_of", "resigned_from"})),
    "UnknownLink": ("subject", "object", "affiliated_with", frozenset()),
    "Employment": ("employee", "employer", "employed_by", frozenset({"employed_by"})),
    "Representation": ("agent", "client", "affiliated_with", frozenset({"spokesperson_for", "advisor_to"})),
    "Associate": ("person", "associate", "affiliated_with", frozenset({"ally_of"})),
}
_LABELS = {"Person": "PERSON", "Organization": "ORG", "Company": "ORG", "PublicBody": "ORG", "LegalEntity": "ORG",
           "Address": "GPE", "Event": "EVENT"}
_FTM_SUFFIXES = (".jsonl", ".ndjson", ".json", ".ftm")


@dataclass
class Link:
    """One post or tie read from the file."""

    id: str
    predicate: str
    subject: str
    object: str | None
    role: str | None
    status: str
    modality: str
    valid_from: str | None
    valid_to: str | None


def is_ftm(path: str | Path) -> bool:
    return Path(path).suffix.lower() in _FTM_SUFFIXES


def _first(props: dict[str, Any], key: str) -> str | None:
    values = props.get(key)
    if isinstance(values, list):
        values = next((v for v in values if isinstance(v, str) and v.strip()), None)
    return values.strip() if isinstance(values, str) and values.strip() else None


def _predicates() -> set[str]:
    from interlock.vocab import load_predicates

    return set(load_predicates())


def _status(value: str | None) -> tuple[str, str]:
    """(status, modality) from an FtM status: ours ("former (hedged)") or a list's ("ended")."""
    if not value:
        return "current", "asserted"
    head, _, rest = value.partition("(")
    head, modality = head.strip().lower(), rest.rstrip(")").strip() or "asserted"
    status = {"ended": "former", "former": "former", "past": "former", "planned": "planned"}.get(head, "current")
    return status, modality


@dataclass
class Parsed:
    """What an FtM file holds for this module."""

    #: FtM id -> (schema, name) of every person, organisation, place or event
    named: dict[str, tuple[str, str]]
    #: the ids of those marked as anonymous sources (keyword "anonymous")
    anonymous: set[str]
    #: FtM id -> the other names of the entity (alias, weakAlias, previousName, abbreviation)
    aliases: dict[str, list[str]]
    links: list[Link]
    problems: list[BadInput]


def parse(path: str | Path) -> Parsed:
    """The named entities, posts and ties of an FtM file, and the links it cannot read."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8", errors="replace").split("\n")  # true line numbers (U+2028 is no break)
    except OSError:
        return Parsed({}, set(), {}, [], [])  # the reference reader says why
    found = _read_entities(lines)
    parsed = found.parsed
    known = _predicates()
    covered: set[tuple[str, str]] = set()
    for n, obj in found.raw:
        link = _read_link(obj, f"{p}:{n}", parsed.named, found.positions, known)
        if isinstance(link, BadInput):
            parsed.problems.append(link)
            continue
        if obj["schema"] == "Occupancy":  # a person's own "position" of this post is this link
            covered.add((link.subject, str(link.role)))
        parsed.links.append(link)
    for holder, post in found.person_posts:
        if (holder, post) not in covered:
            covered.add((holder, post))
            parsed.links.append(Link(f"{holder}:position:{post}", "holds_position", holder, None, post, "current",
                                     "asserted", None, None))
    return parsed


@dataclass
class _Entities:
    """What the first reading of an FtM file finds (``_read_entities``)."""

    #: the named entities, their aliases and anonymous sources (links and problems come later)
    parsed: Parsed
    #: FtM id -> (name, organisation id) of each Position
    positions: dict[str, tuple[str, str | None]]
    #: (line number, object) of each Occupancy and link of LINKS, read once the entities are known
    raw: list[tuple[int, dict[str, Any]]]
    #: (person id, post) of each person's ``position`` property
    person_posts: list[tuple[str, str]]


def _objects(lines: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each line's FtM object with its line number; lines that hold none are skipped."""
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("properties"), dict) or not obj.get("id"):
            continue
        # hostile values ("name": 12345, null, a number for a list): only strings are read; the
        # reference reader reports the entity with its line (interlock.resolve.reference)
        obj["properties"] = {k: [v for v in ([vals] if isinstance(vals, str) else vals) if isinstance(v, str)]
                             for k, vals in obj["properties"].items() if isinstance(vals, str | list)}
        yield n, obj


def _read_entities(lines: list[str]) -> _Entities:
    """The named entities and positions of the file, and the links to read once they are known."""
    found = _Entities(Parsed({}, set(), {}, [], []), {}, [], [])
    named, anonymous, aliases = found.parsed.named, found.parsed.anonymous, found.parsed.aliases
    for n, obj in _objects(lines):
        schema, eid, props = str(obj.get("schema")), str(obj["id"]), obj["properties"]
        name = _first(props, "name")
        if schema == "Position" and name:
            found.positions[eid] = (name, _first(props, "organization"))
        elif schema in _LABELS and name:
            named[eid] = (schema, name)
            if "anonymous" in props.get("keywords", []):
                anonymous.add(eid)
            other = [v.strip() for k in ("alias", "weakAlias", "previousName", "abbreviation")
                     for v in props.get(k, []) if isinstance(v, str) and v.strip() and v.strip() != name]
            if other:
                aliases[eid] = list(dict.fromkeys(other))
            if schema == "Person":
                found.person_posts += [(eid, v.strip()) for v in props.get("position", [])
                                       if isinstance(v, str) and v.strip()]
        elif schema == "Occupancy" or schema in LINKS:
            found.raw.append((n, obj))
    return found


def _read_link(obj: dict[str, Any], at: str, named: dict[str, tuple[str, str]],
               positions: dict[str, tuple[str, str | None]], known: set[str]) -> Link | BadInput:
    """The post or tie of an Occupancy or a link of LINKS, or why it cannot be read (at ``at``)."""
    schema, eid, props = obj["schema"], str(obj["id"]), obj["properties"]
    status, modality = _status(_first(props, "status"))
    dates = (_first(props, "startDate"), _first(props, "endDate"))
    if schema == "Occupancy":
        holder, post = _first(props, "holder"), _first(props, "post")
        if holder not in named or post not in positions:
            return BadInput(at, f"Occupancy {eid}: its holder or post is not in the file")
        role, org = positions[post]
        if org is not None and org in named and role.endswith(", " + named[org][1]):
            role = role[: -len(named[org][1]) - 2]
        elif org is not None and org not in named:
            org = None
        return Link(eid, "holds_position", holder, org, role, status, modality, *dates)
    sprop, oprop, default, allowed = LINKS[schema]
    subject, obj_id = _first(props, sprop), _first(props, oprop)
    if subject not in named or obj_id not in named:
        return BadInput(at, f"{schema} {eid}: its {sprop} or {oprop} is not in the file")
    summary = (_first(props, "summary") or "").split(";")[0].strip()
    predicate = summary if summary in known and (not allowed or summary in allowed) else default
    stated = _first(props, "role")
    return Link(eid, predicate, str(subject), obj_id,
                None if stated == predicate.replace("_", " ") else stated, status, modality, *dates)


def check(path: str | Path) -> Iterator[BadInput]:
    """The links of an FtM file that cannot be read (a holder or organisation the file lacks)."""
    if is_ftm(path):
        yield from parse(path).problems


def statement_id(link_id: str, doc_id: str) -> str:
    """A link's statement id: the one it was exported from (``il-st_...``), else a new stable one."""
    if link_id.startswith("il-st_"):
        return link_id[3:]
    return stable_id("st", doc_id, link_id)


def store_links(store: Store, path: str | Path) -> int:
    """Store the posts and ties of an FtM file as statements of the document ``reference:NAME``.

    Returns how many statements are stored (those the store already has are left as they are).
    """
    if not is_ftm(path):
        return 0
    parsed = parse(path)
    named, links = parsed.named, parsed.links
    doc_id = f"reference:{Path(path).name}"
    lines: list[str] = []
    entities: dict[str, Entity] = {}
    statements: list[Statement] = []
    at = 0
    for link in links:
        sid = statement_id(link.id, doc_id)
        if store.row("export.statement_elsewhere", (sid, doc_id)):
            continue  # the store has it from its article
        subject_name = named[link.subject][1]
        object_name = named[link.object][1] if link.object else None
        line = f"{subject_name} | {link.predicate} | {link.role or ''} | {object_name or ''}"
        start = at
        ids: list[str | None] = []
        for ftm_id, name, offset in ((link.subject, subject_name, 0),
                                     (link.object, object_name, len(line) - len(object_name or ""))):
            if ftm_id is None or name is None:
                ids.append(None)
                continue
            schema = named[ftm_id][0]
            ent = entities.setdefault(ftm_id, Entity(stable_id("ent", doc_id, ftm_id), _LABELS[schema], name, [],
                                                     anonymous=ftm_id in parsed.anonymous,
                                                     # a public body stays one (its kind, and its schema
                                                     # when exported again)
                                                     descriptors=["public body"] if schema == "PublicBody" else []))
            ent.mentions.append(Mention(start + offset, start + offset + len(name), name, "name"))
            ids.append(ent.id)
        statements.append(Statement(
            id=sid, subject=str(ids[0]), predicate=link.predicate, object=ids[1], role=link.role,
            valid_from=link.valid_from, valid_to=link.valid_to, modality=link.modality, attribution=None,
            evidence=Span(start, start + len(line), line), status=link.status,
        ))
        lines.append(line)
        at += len(line) + 1
    if not statements:
        return 0
    for ftm_id, ent in entities.items():  # the other names the file gives, one line each
        for alias in parsed.aliases.get(ftm_id, []) if not ent.anonymous else []:
            line = f"{ent.name} | also known as | {alias}"
            ent.mentions.append(Mention(at + len(line) - len(alias), at + len(line), alias, "alias"))
            lines.append(line)
            at += len(line) + 1
    doc = ExtractedDocument(id=doc_id, published=None, title=f"Reference list {Path(path).name}",
                            entities=list(entities.values()), statements=statements)
    store.put(doc, "\n".join(lines) + "\n", source=str(path))
    return len(statements)
