"""Word lists our extractors share, loaded from ``interlock/vocab/lexicon.yaml``."""

from __future__ import annotations

from interlock.vocab.words import word_list, word_map, word_set


def words(name: str) -> frozenset[str]:
    """A lexicon list as a set of lowercased entries."""
    return frozenset(w.lower() for w in word_list("lexicon", name))


def mapping(name: str) -> dict[str, str]:
    """A lexicon mapping with lowercased keys."""
    return {k.lower(): v for k, v in word_map("lexicon", name).items()}


ENTITY_LABELS = word_set("lexicon", "entity_labels")
ROLE_NOUNS = words("role_nouns")
ANONYMOUS_HEADS = words("anonymous_heads")
NAME_PARTICLES = words("name_particles")
EVENT_ORG_HEADS = words("event_org_heads")
GENERIC_ORG_WORDS = words("generic_org_words")
DEMONYMS = mapping("demonyms")
CAPITALS = mapping("capitals")
PLACE_ALIASES = mapping("place_aliases")
#: the names of countries (the demonyms' targets), less those that are also given names
COUNTRY_NAMES = frozenset(DEMONYMS.values()) - word_set("lexicon", "countries_also_given_names")
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
