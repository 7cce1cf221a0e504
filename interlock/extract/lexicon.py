"""Word lists our extractors share, loaded from ``interlock/vocab/lexicon.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    text = (Path(__file__).resolve().parents[1] / "vocab" / "lexicon.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def words(name: str) -> frozenset[str]:
    """A lexicon list as a set of lowercased entries."""
    return frozenset(str(w).lower() for w in _load()[name])


def mapping(name: str) -> dict[str, str]:
    """A lexicon mapping with lowercased keys."""
    return {str(k).lower(): str(v) for k, v in _load()[name].items()}


ENTITY_LABELS = frozenset(_load()["entity_labels"])
ROLE_NOUNS = words("role_nouns")
ANONYMOUS_HEADS = words("anonymous_heads")
NAME_PARTICLES = words("name_particles")
EVENT_ORG_HEADS = words("event_org_heads")
GENERIC_ORG_WORDS = words("generic_org_words")
DEMONYMS = mapping("demonyms")
CAPITALS = mapping("capitals")
PLACE_ALIASES = mapping("place_aliases")
#: the names of countries (the demonyms' targets), less those that are also given names
COUNTRY_NAMES = frozenset(DEMONYMS.values()) - {"Europe", "Jordan", "Georgia", "Chad", "Israel"}
HEDGES = words("hedges")
NEGATIONS = words("negations")
CONDITIONALS = words("conditionals")
OPINION = words("opinion")
MALE_NAMES = words("male_given_names")
FEMALE_NAMES = words("female_given_names")
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
ARABIC_ORG_WORDS = words("arabic_org_words")
ARABIC_PLACE_WORDS = words("arabic_place_words")
ORG_HEADS = words("org_heads")
PLACE_HEADS = words("place_heads")
