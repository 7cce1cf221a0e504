"""The outlet registry: each outlet's reliability on the Admiralty scale, and who stands behind it.

A YAML file the user edits::

    outlets:
      - name: Nahr Press Agency
        aliases: [NPA]              # other names and spellings
        domains: [npa.example]      # web domains its articles come from
        reliability: B              # A completely reliable ... E unreliable, F cannot be judged
        kind: wire service          # wire service, state media, party outlet, ...
        affiliation: Government of Qadira   # owner or movement it speaks for, if any

An outlet not listed is graded F. The registry is configuration, not news: ``load``
keeps the file and its entries in tables of their own (``outlet_registry``,
``registry_outlets``). So that the graph shows who stands behind an outlet the way
it shows anything else, each outlet is also an entity and each affiliation a
statement whose evidence is the line that says so, in a configuration document
(``registry:outlets``) that is not counted, searched, deduplicated or graded.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from interlock import yaml_guard
from interlock.credibility.grades import LETTERS
from interlock.errors import InterlockError
from interlock.model import Entity, ExtractedDocument, Mention, Span, Statement, stable_id
from interlock.names import tokens
from interlock.store import Store
from interlock.store.base import url_domain

REGISTRY_DOCUMENT = "registry:outlets"
_FIELDS = {"name", "aliases", "domains", "reliability", "kind", "affiliation", "notes"}


class BadRegistry(InterlockError):
    "An outlet registry that cannot be read"


@dataclass
class Outlet:
    """One registry entry, with where it stands in the file."""

    name: str
    reliability: str = "F"
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    kind: str | None = None
    affiliation: str | None = None
    start: int = 0
    end: int = 0


def outlet_key(name: str) -> str:
    """An outlet name folded for look-up: case, accents, apostrophes and "www." do not count."""
    name = name.strip().removeprefix("www.")
    return " ".join(tokens(name)) or name.lower()


@dataclass
class Registry:
    """Outlets by every name they go by."""

    outlets: list[Outlet] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        self._by_key: dict[str, Outlet] = {}
        for o in self.outlets:
            for n in (o.name, *o.aliases, *o.domains):
                self._by_key.setdefault(outlet_key(n), o)

    def find(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        return self._by_key.get(outlet_key(name))

    def canonical(self, name: str) -> str:
        """The key an outlet is counted under: its registry name's, else its own."""
        found = self.find(name)
        return outlet_key(found.name if found else name)

    def reliability(self, name: str | None) -> str:
        found = self.find(name)
        return found.reliability if found else "F"


def parse(text: str, where: str) -> Registry:
    """A registry from YAML text; errors name the file, the line and what is accepted."""
    try:
        yaml_guard.check_size(text, where)
        root = yaml.compose(text)
        yaml_guard.check(root, where)  # duplicate keys, alias expansion, before anything is constructed
        data = yaml.safe_load(text) if root is not None else None
    except yaml_guard.YamlLimitError as exc:
        raise BadRegistry(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        said = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise BadRegistry(f"{where}{line}: not valid YAML: {said}") from None
    if root is None:
        return Registry([], text)
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise BadRegistry(f"{where}:1: a registry is a mapping with a list under 'outlets'")
    nodes = next(v for k, v in root.value if k.value == "outlets").value
    outlets = []
    for node, entry in zip(nodes, data["outlets"], strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict) or not entry.get("name"):
            raise BadRegistry(f"{where}:{line}: each outlet needs a name")
        problem = _type_problem(entry)
        if problem:
            raise BadRegistry(f"{where}:{line}: {problem}")
        unknown = set(entry) - _FIELDS
        if unknown:
            raise BadRegistry(f"{where}:{line}: unknown field(s) {', '.join(sorted(unknown))}; "
                              f"accepted: {', '.join(sorted(_FIELDS))}")
        letter = str(entry.get("reliability") or "F").strip().upper()
        if letter not in LETTERS:
            raise BadRegistry(f"{where}:{line}: reliability {entry.get('reliability')!r} of {entry['name']!r} "
                              "is not an Admiralty letter A-F (A completely reliable ... E unreliable, F cannot be judged)")
        for listed in ("aliases", "domains"):
            if not isinstance(entry.get(listed, []), list):
                raise BadRegistry(f"{where}:{line}: {listed} of {entry['name']!r} must be a list")
        outlets.append(Outlet(
            name=str(entry["name"]), reliability=letter, aliases=[str(a) for a in entry.get("aliases", [])],
            domains=[str(d) for d in entry.get("domains", [])], kind=entry.get("kind"),
            affiliation=entry.get("affiliation"), start=node.start_mark.index, end=node.end_mark.index,
        ))
    return Registry(outlets, text)


_TEXT_FIELDS = ("name", "reliability", "kind", "affiliation", "notes")


def _type_problem(entry: dict[Any, Any]) -> str | None:
    """Why an entry's values are of the wrong type (a list for a name, a mapping for an alias), or None."""
    for key in _TEXT_FIELDS:
        value = entry.get(key)
        if value is not None and (not isinstance(value, str | int | float) or isinstance(value, bool)):
            return f"{key} must be text, not {type(value).__name__}"
    for key in ("aliases", "domains"):
        for value in entry.get(key) or []:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                return f"each of {key} must be text, not {type(value).__name__}"
    return None


def read(path: str | Path) -> Registry:
    """A registry file, parsed and checked."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadRegistry(f"{path}: cannot be read: {exc}") from None
    return parse(text, str(path))


def stored(store: Store) -> Registry:
    """The registry last loaded into the store (empty when none was)."""
    row = store.row("credibility.registry_text")
    if not row:
        return Registry()
    try:
        return parse(row[0], REGISTRY_DOCUMENT)
    except BadRegistry as exc:
        # stored under older, laxer checks: it must not break every later command
        print(f"warning: the stored outlet registry no longer passes its checks ({exc}); outlets are graded F "
              "until a valid one is loaded with `interlock outlets --load`", file=sys.stderr)
        return Registry()


def _document(reg: Registry) -> ExtractedDocument:
    """The registry as a document: outlets and their affiliations, with their lines as evidence."""
    doc = ExtractedDocument(id=REGISTRY_DOCUMENT, published=None, title="Outlet registry")
    text = reg.text
    for o in reg.outlets:
        def mention(name: str, kind: str = "name", o: Outlet = o) -> Mention | None:
            at = text.find(name, o.start, o.end)
            return Mention(at, at + len(name), name, kind) if at >= 0 else None

        found = [m for m in (mention(o.name), *(mention(a, "alias") for a in o.aliases)) if m is not None]
        if not found:
            continue
        outlet = Entity(stable_id("ent", REGISTRY_DOCUMENT, o.name), "ORG", o.name, found, descriptors=["outlet"])
        doc.entities.append(outlet)
        if o.affiliation:
            m = mention(o.affiliation)
            if m is None:
                continue
            owner = Entity(stable_id("ent", REGISTRY_DOCUMENT, o.name, o.affiliation), "ORG", o.affiliation, [m])
            doc.entities.append(owner)
            doc.statements.append(Statement(
                id=stable_id("st", REGISTRY_DOCUMENT, o.name, o.affiliation), subject=outlet.id,
                predicate="affiliated_with", object=owner.id, role=o.kind, valid_from=None, valid_to=None,
                modality="asserted", attribution=None, evidence=Span(o.start, o.end, text[o.start:o.end]),
            ))
    return doc


def load(store: Store, reg: Registry) -> int:
    """Store a registry (replacing the last one) and grade the store's outlets by it."""
    if reg.text:
        with store.transaction():
            store.run("credibility.set_registry",
                      (reg.text, "outlet registry", datetime.now(UTC).isoformat(timespec="seconds")))
            store.run("credibility.clear_registry_outlets")
            store.run_many("credibility.add_registry_outlet", [
                (o.name, json.dumps(o.aliases, ensure_ascii=False), json.dumps(o.domains), o.reliability, o.kind,
                 o.affiliation) for o in reg.outlets])
        store.put(_document(reg), reg.text, source="outlet registry", configuration=True)
    return apply(store, reg)


def apply(store: Store, reg: Registry | None = None) -> int:
    """Set each stored outlet's reliability, kind, affiliation and counting key from the registry."""
    reg = reg if reg is not None else stored(store)
    rows = store.rows("credibility.outlets_with_url")
    updates: list[tuple[Any, ...]] = []
    graded = 0
    for outlet_id, name, url in rows:
        entry = reg.find(name) or reg.find(url_domain(url))
        if entry is not None:
            graded += 1
            updates.append((entry.reliability, entry.kind, entry.affiliation, "outlet:" + outlet_key(entry.name), outlet_id))
        else:
            updates.append(("F", None, None, "outlet:" + outlet_key(name), outlet_id))
    with store.transaction():
        store.run_many("credibility.grade_outlet", updates)
    return graded


def listing(store: Store) -> list[dict[str, Any]]:
    """Every stored outlet and registry entry: reliability, kind, affiliation, documents."""
    reg = stored(store)
    rows = store.rows("credibility.outlet_listing")
    out = [{"outlet": r["name"], "reliability": r["reliability"], "kind": r["kind"], "affiliation": r["affiliation"],
            "counted_as": r["actor_id"], "documents": r["documents"], "copies": r["copies"] or 0,
            "in_registry": reg.find(r["name"]) is not None} for r in rows]
    seen = {outlet_key(r["outlet"]) for r in out} | {str(r["counted_as"]).removeprefix("outlet:") for r in out}
    for o in reg.outlets:
        if outlet_key(o.name) not in seen:
            out.append({"outlet": o.name, "reliability": o.reliability, "kind": o.kind, "affiliation": o.affiliation,
                        "counted_as": "outlet:" + outlet_key(o.name), "documents": 0, "copies": 0, "in_registry": True})
    return out
