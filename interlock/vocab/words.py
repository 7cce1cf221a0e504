"""Word lists and word tables read from the YAML files of ``interlock/vocab/``.

A word-list file is a mapping from a key (a lowercase identifier) to either a
list of words (strings, none repeated) or a table from words to a string or an
integer ("january: 1", "iranian: Iran"). ``load`` reads and validates a file
once; ``word_set``, ``word_list``, ``word_map`` and ``number_map`` take one key
of it in the shape the code needs. Modules build their constants from these at
import, so a list is read once per process.

YAML reads some bare words as other things (``no`` and ``off`` as false, ``null``
as nothing, ``1st`` stays text but ``10`` is a number): such words are written
in quotes, and anything that is not a string is refused with the file and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from interlock import yaml_guard
from interlock.vocab import VocabularyError

#: what a key of a word-list file holds: a list of words, or a table from words to values
Entry = tuple[str, ...] | dict[str, str] | dict[str, int]


def _where(name: str, key: object) -> str:
    return f"{name}.yaml: {key!r}"


def _word(name: str, key: str, value: object, what: str) -> str:
    if not isinstance(value, str):
        hint = "" if isinstance(value, (list, dict)) else (
            ' (quote words YAML reads otherwise, such as "no", "on" or "null")')
        raise VocabularyError(
            f"{_where(name, key)}: {what} {value!r} is a {type(value).__name__}, not a string{hint}"
        )
    if not value or value != value.strip():
        raise VocabularyError(f"{_where(name, key)}: {what} {value!r} is empty or has spaces at its ends")
    return value


def _entry(name: str, key: str, raw: object) -> Entry:
    if isinstance(raw, list):
        if not raw:
            raise VocabularyError(f"{_where(name, key)}: the list is empty")
        words = tuple(_word(name, key, w, "the entry") for w in raw)
        seen: set[str] = set()
        for w in words:
            if w in seen:
                raise VocabularyError(f"{_where(name, key)}: {w!r} is listed twice")
            seen.add(w)
        return words
    if isinstance(raw, dict):
        if not raw:
            raise VocabularyError(f"{_where(name, key)}: the table is empty")
        table = {_word(name, key, k, "the word"): v for k, v in raw.items()}
        if all(isinstance(v, str) for v in table.values()):
            return {k: _word(name, key, v, "the value") for k, v in table.items()}
        if all(isinstance(v, int) and not isinstance(v, bool) for v in table.values()):
            return table
        raise VocabularyError(
            f"{_where(name, key)}: a table's values must be all strings or all integers"
        )
    raise VocabularyError(
        f"{_where(name, key)}: must be a list of words or a table of words, not a {type(raw).__name__}"
    )


def parse(data: Any, name: str) -> dict[str, Entry]:
    """Validate the parsed YAML of the word-list file ``name`` (without ``.yaml``).

    Raises VocabularyError naming the file and the key when the top level is not
    a mapping, a key is not a lowercase identifier, or an entry is not a
    non-empty list of distinct words or a non-empty table of words.
    """
    if not isinstance(data, dict) or not data:
        raise VocabularyError(f"{name}.yaml: the top level must be a non-empty mapping of keys to word lists")
    out: dict[str, Entry] = {}
    for key, raw in data.items():
        if not isinstance(key, str) or not key.isidentifier() or key != key.lower():
            raise VocabularyError(f"{_where(name, key)}: a key must be a lowercase identifier")
        out[key] = _entry(name, key, raw)
    return out


def parse_text(text: str, name: str) -> dict[str, Entry]:
    """Validate the text of the word-list file ``name``: YAML without duplicate keys, then ``parse``."""
    where = f"{name}.yaml"
    try:
        yaml_guard.check_size(text, where)
        yaml_guard.check(yaml.compose(text, Loader=yaml.SafeLoader), where)  # duplicate keys
        data = yaml.safe_load(text)
    except yaml_guard.YamlLimitError as exc:
        raise VocabularyError(str(exc)) from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{where}: not valid YAML: {exc}") from exc
    return parse(data, name)


@cache
def load(name: str) -> Mapping[str, Entry]:
    """The validated word lists of ``interlock/vocab/<name>.yaml`` (read once)."""
    return parse_text(resources.files("interlock.vocab").joinpath(f"{name}.yaml").read_text("utf-8"), name)


def _get(name: str, key: str) -> Entry:
    lists = load(name)
    if key not in lists:
        raise VocabularyError(f"{name}.yaml has no {key!r}")
    return lists[key]


def word_list(name: str, key: str) -> tuple[str, ...]:
    """A list of words in its order, as written."""
    entry = _get(name, key)
    if not isinstance(entry, tuple):
        raise VocabularyError(f"{_where(name, key)}: is a table, not a list of words")
    return entry


def word_set(name: str, key: str) -> frozenset[str]:
    """A list of words as a set, as written."""
    return frozenset(word_list(name, key))


def word_map(name: str, key: str) -> dict[str, str]:
    """A table from words to strings, in its order (a fresh dict: callers may keep it)."""
    entry = _get(name, key)
    if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
        raise VocabularyError(f"{_where(name, key)}: is not a table of words to strings")
    return {k: str(v) for k, v in entry.items()}


def number_map(name: str, key: str) -> dict[str, int]:
    """A table from words to integers, in its order (a fresh dict: callers may keep it)."""
    entry = _get(name, key)
    if not isinstance(entry, dict) or not all(isinstance(v, int) for v in entry.values()):
        raise VocabularyError(f"{_where(name, key)}: is not a table of words to integers")
    return {k: int(v) for k, v in entry.items()}
