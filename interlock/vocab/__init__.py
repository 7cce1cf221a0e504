"""The Interlock vocabulary of predicates, modalities and statuses, read from YAML.

``predicates.yaml`` beside this module is the single definition; everything
that emits a statement checks its predicate here (``require_predicate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from interlock.errors import InterlockError

#: entity labels a predicate may name as subject or object kinds
ENTITY_KINDS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "ANY"}
)


class VocabularyError(InterlockError):
    "The vocabulary file is malformed, or a predicate is not in it"


@dataclass(frozen=True)
class Predicate:
    """One predicate of the vocabulary with its documented constraints."""

    name: str
    description: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    takes_role: bool
    object_optional: bool = False
    inverse: str | None = None
    symmetric: bool = False
    #: Wikidata properties; a leading "^" marks a property read object -> subject
    wikidata: tuple[str, ...] = ()
    ftm: str | None = None


_REQUIRED = ("description", "subject", "object", "takes_role")
_ALLOWED = set(_REQUIRED) | {"object_optional", "inverse", "symmetric", "wikidata", "ftm"}


def _read() -> dict[str, Any]:
    text = resources.files("interlock.vocab").joinpath("predicates.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise VocabularyError("predicates.yaml: the top level must be a mapping")
    return data


def _kinds(name: str, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"predicate {name!r}: {field} must be a list of entity kinds")
    bad = [v for v in value if v not in ENTITY_KINDS]
    if bad:
        raise VocabularyError(f"predicate {name!r}: unknown entity kinds in {field}: {bad}")
    return tuple(value)


def parse_predicates(raw: Any) -> dict[str, Predicate]:
    """Validate the ``predicates`` mapping of the vocabulary and build Predicates."""
    if not isinstance(raw, dict) or not raw:
        raise VocabularyError("predicates.yaml: 'predicates' must be a non-empty mapping")
    out: dict[str, Predicate] = {}
    for name, spec in raw.items():
        if not isinstance(name, str) or not name.isidentifier() or name != name.lower():
            raise VocabularyError(f"predicate name {name!r} must be a lowercase identifier")
        if not isinstance(spec, dict):
            raise VocabularyError(f"predicate {name!r}: its definition must be a mapping")
        missing = [k for k in _REQUIRED if k not in spec]
        if missing:
            raise VocabularyError(f"predicate {name!r}: missing {', '.join(missing)}")
        unknown = sorted(set(spec) - _ALLOWED)
        if unknown:
            raise VocabularyError(f"predicate {name!r}: unknown fields {', '.join(unknown)}")
        description = spec["description"]
        if not isinstance(description, str) or not description.strip():
            raise VocabularyError(f"predicate {name!r}: description must be non-empty text")
        wikidata = spec.get("wikidata") or []
        for prop in wikidata:
            if not isinstance(prop, str) or not prop.lstrip("^").startswith("P"):
                raise VocabularyError(f"predicate {name!r}: bad Wikidata property {prop!r}")
        out[name] = Predicate(
            name=name,
            description=description.strip(),
            subject=_kinds(name, "subject", spec["subject"]),
            object=_kinds(name, "object", spec["object"]),
            takes_role=bool(spec["takes_role"]),
            object_optional=bool(spec.get("object_optional", False)),
            inverse=spec.get("inverse"),
            symmetric=bool(spec.get("symmetric", False)),
            wikidata=tuple(wikidata),
            ftm=spec.get("ftm"),
        )
    names = set(out)
    for pred in out.values():
        if pred.inverse is not None and pred.inverse in names:
            raise VocabularyError(
                f"predicate {pred.name!r}: inverse {pred.inverse!r} clashes with a predicate"
            )
    return out


def _definitions(data: dict[str, Any], key: str) -> dict[str, str]:
    raw = data.get(key)
    if not isinstance(raw, dict) or not raw:
        raise VocabularyError(f"predicates.yaml: '{key}' must be a non-empty mapping")
    for name, text in raw.items():
        if not isinstance(name, str) or not isinstance(text, str) or not text.strip():
            raise VocabularyError(f"{key} {name!r}: needs a non-empty definition")
    return {str(k): str(v) for k, v in raw.items()}


@lru_cache(maxsize=1)
def load_predicates() -> dict[str, Predicate]:
    """Every predicate of the vocabulary by name, validated (cached)."""
    return parse_predicates(_read().get("predicates"))


@lru_cache(maxsize=1)
def load_modalities() -> dict[str, str]:
    """Modalities (asserted, reported, hedged, negated, conditional, planned) with definitions."""
    return _definitions(_read(), "modalities")


@lru_cache(maxsize=1)
def load_statuses() -> dict[str, str]:
    """Statuses (current, former, planned) with definitions."""
    return _definitions(_read(), "statuses")


def require_predicate(name: str) -> str:
    """The name itself when the vocabulary defines it; a VocabularyError otherwise."""
    if name not in load_predicates():
        raise VocabularyError(
            f"predicate {name!r} is not in the vocabulary (interlock/vocab/predicates.yaml)"
        )
    return name
