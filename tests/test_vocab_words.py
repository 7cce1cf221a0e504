"""Word lists are data: the loader of ``interlock/vocab/*.yaml`` validates, and the
converted extraction modules hold no word lists of their own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from spacy.glossary import GLOSSARY

from interlock.vocab import VocabularyError
from interlock.vocab.words import load, number_map, parse, parse_text, word_list, word_map, word_set

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT / "interlock" / "vocab"
EXTRACT = ROOT / "interlock" / "extract"
#: the YAML files of interlock/vocab/ that hold word lists (predicates.yaml has its own schema)
WORD_FILES = sorted(p.stem for p in VOCAB.glob("*.yaml") if p.stem != "predicates")


# --- the loader ------------------------------------------------------------------------

@pytest.mark.parametrize("name", WORD_FILES)
def test_every_word_list_file_loads(name: str) -> None:
    lists = load(name)
    assert lists
    for key, entry in lists.items():
        assert entry, (name, key)


def test_accessors_check_the_shape() -> None:
    assert "say" in word_set("attribution", "report_verbs")
    assert word_list("modality", "sentence_hedges")[0] == "it is believed"
    assert word_map("times", "seasons")["autumn"] == "FA"
    assert number_map("times", "months")["sept"] == 9
    with pytest.raises(VocabularyError, match=r"times\.yaml: 'months': is a table"):
        word_list("times", "months")
    with pytest.raises(VocabularyError, match=r"times\.yaml: 'seasons': is not a table of words to integers"):
        number_map("times", "seasons")
    with pytest.raises(VocabularyError, match=r"times\.yaml has no 'no_such_list'"):
        word_set("times", "no_such_list")


_WORD = st.text(st.characters(whitelist_categories=("Ll",)), min_size=1, max_size=12)
_KEY = st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True)


@given(st.dictionaries(_KEY, st.lists(_WORD, min_size=1, max_size=6, unique=True), min_size=1, max_size=4))
def test_well_formed_lists_parse_as_written(data: dict[str, list[str]]) -> None:
    assert parse(data, "demo") == {k: tuple(v) for k, v in data.items()}


#: malformed entries, each with a word of the error it gets
_BAD_ENTRIES = st.one_of(
    st.tuples(st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none() | st.text(max_size=5),
              st.just("list of words or a table")),
    st.tuples(st.just([]), st.just("empty")),
    st.tuples(st.just({}), st.just("empty")),
    st.tuples(_WORD.map(lambda w: [w, w]), st.just("listed twice")),
    st.tuples(_WORD.map(lambda w: [w, " " + w]), st.just("spaces at its ends")),
    st.tuples(st.lists(st.integers() | st.booleans() | st.none(), min_size=1, max_size=3).map(lambda v: ["ok", *v]),
              st.just("not a string")),
    st.tuples(_WORD.map(lambda w: [w, [w]]), st.just("not a string")),
    st.tuples(_WORD.map(lambda w: {w: 1, w + "x": "one"}), st.just("all strings or all integers")),
    st.tuples(_WORD.map(lambda w: {w: True}), st.just("all strings or all integers")),
)


@given(
    st.dictionaries(_KEY, st.lists(_WORD, min_size=1, max_size=4, unique=True), max_size=3),
    _KEY,
    _BAD_ENTRIES,
)
def test_a_malformed_entry_is_refused_naming_the_file_and_key(
    good: dict[str, list[str]], key: str, bad: tuple[object, str]
) -> None:
    value, message = bad
    data: dict[str, object] = {**good, key: value}
    with pytest.raises(VocabularyError) as err:
        parse(data, "demo")
    text = str(err.value)
    assert text.startswith(f"demo.yaml: {key!r}"), text
    assert message in text, text


@given(st.one_of(st.lists(_WORD), st.text(), st.integers(), st.none(), st.just({})))
def test_a_file_that_is_not_a_mapping_is_refused(data: object) -> None:
    with pytest.raises(VocabularyError, match=r"^demo\.yaml: the top level must be a non-empty mapping"):
        parse(data, "demo")


@given(st.sampled_from(["Caps", "two words", "1st", "with-dash"]))
def test_keys_must_be_lowercase_identifiers(key: str) -> None:
    with pytest.raises(VocabularyError, match=re.escape(f"demo.yaml: {key!r}: a key must be a lowercase identifier")):
        parse({key: ["word"]}, "demo")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("negations: [not, no, never]", "'negations': the entry False is a bool"),  # YAML's bare no
        ("preps: [in, on]", "'preps': the entry True is a bool"),
        ("words: [a, null]", "the entry None is a NoneType"),
        ("words: [a]\nwords: [b]\n", "duplicate key 'words'"),
        ("words: [a, b", "not valid YAML"),
        ("- a\n- b\n", "the top level must be a non-empty mapping"),
    ],
)
def test_yaml_text_is_checked(text: str, message: str) -> None:
    with pytest.raises(VocabularyError, match=r"^demo\.yaml") as err:
        parse_text(text, "demo")
    assert message in str(err.value)


# --- no word lists in the converted modules ----------------------------------------------

#: modules of interlock/extract/ (paths under it, without ".py") whose word lists are in interlock/vocab/ (or that have none)
CONVERTED = [
    "__init__", "aliases", "api", "components", "confidence", "coref/__init__", "countries", "entities/__init__",
    "events/__init__", "events/dating", "events/denials", "events/drafts", "events/groups", "events/merging",
    "events/participants", "events/phrases", "events/statements", "events/triggers",
    "furniture", "lexicon", "modality", "pipeline", "result", "roles", "state",
    "entities/labels", "entities/mentions", "entities/nominals", "entities/organisations", "entities/people",
    "entities/runs", "entities/spans", "entities/words",
    "coref/clusters", "coref/names", "coref/nominals", "coref/pronouns",
    "attribution/__init__", "attribution/claims", "attribution/classifier", "attribution/contents",
    "attribution/cues", "attribution/features", "attribution/quotes", "attribution/sources",
    "attribution/speakers", "attribution/spans", "attribution/speech",
    "relations/__init__", "relations/actors", "relations/alliances", "relations/backing", "relations/conflicts",
    "relations/context", "relations/links", "relations/parts", "relations/promises", "relations/role_holders",
    "relations/role_objects", "relations/role_statements", "relations/statements", "relations/successions",
    "relations/tenure", "relations/ties",
    "times/__init__", "times/calendar", "times/lexicon", "times/patterns", "times/relative", "times/rules",
    "times/timexes",
]
#: modules still to convert (issue 16): none left, so the check covers the whole of interlock/extract/;
#: a new module goes to CONVERTED, its word lists to interlock/vocab/
TO_CONVERT: list[str] = []
#: sets of strings that are names the code itself defines, not English words (module, constant)
IDENTIFIERS = {
    ("attribution/classifier", "_RULE_FEATURES"),  # classifier feature names
    ("attribution/classifier", "_LEMMA_RULE_FEATURES"),
    ("attribution/features", "LEMMA_FEATURES"),
    ("events/participants", "_BELONGING"),  # predicate names
    ("state", "NAME_KINDS"),  # kinds of mention
    ("relations/tenure", "POST_PREDICATES"),  # predicate names
    ("times/timexes", "_EXPLICIT_RULES"),  # names of time rules
    ("relations/statements", "LIST_RULES"),  # names of extraction rules
}


def _strings(node: ast.expr) -> list[str] | None:
    """The strings of a literal collection of strings, of ``"a b".split()`` or of a string."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple) and node.elts:
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            return [e.value for e in node.elts if isinstance(e, ast.Constant)]
        return None
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
        return node.func.value.value.split()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return list(node.value)  # frozenset("abc"): a set of characters
    return None


def word_set_literals(module: str, source: str | None = None) -> list[str]:
    """``frozenset(...)`` and ``{...}`` literals of words in ``module``, as "line: words".

    Sets of spaCy's labels (dependencies, parts of speech, entity types), of characters
    without letters, and the IDENTIFIERS are grammar or code, not vocabulary.
    """
    if source is None:
        source = (EXTRACT / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    names: dict[int, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for node in ast.walk(stmt):
                names.setdefault(id(node), next((t.id for t in targets if isinstance(t, ast.Name)), ""))
    found = []
    inside_call: set[int] = set()  # the {...} of a frozenset({...}), reported with its call
    for node in ast.walk(tree):
        words = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("frozenset", "set"):
            words = _strings(node.args[0]) if node.args else None
            inside_call.update(id(a) for a in node.args)
        elif isinstance(node, ast.Set) and id(node) not in inside_call:
            words = _strings(node)
        if not words or (module, names.get(id(node), "")) in IDENTIFIERS:
            continue
        if all(w in GLOSSARY for w in words) or not any(c.isalpha() for w in words for c in w):
            continue
        found.append(f"{module}.py:{node.lineno}: {sorted(words)[:5]}")
    return found


def test_the_two_lists_cover_interlock_extract() -> None:
    modules = {p.relative_to(EXTRACT).with_suffix("").as_posix() for p in EXTRACT.rglob("*.py")}
    assert not set(CONVERTED) & set(TO_CONVERT)
    assert set(CONVERTED) | set(TO_CONVERT) == modules


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_modules_hold_no_word_sets(module: str) -> None:
    assert word_set_literals(module) == []


def test_the_check_finds_word_sets_and_passes_grammar() -> None:
    """The check is not vacuous: it reports each way of writing a set of words."""
    source = """
A = frozenset({"say", "tell"})
B = frozenset("deny refute".split())
C = frozenset(("may", "might"))
D = {"will", "shall"}
DEPS = frozenset({"nsubj", "dobj", "ROOT"})
POS = frozenset(("VERB", "AUX"))
DASHES = frozenset("\u2014\u2015")
_RULE_FEATURES = frozenset(("rule", "kind"))
"""
    found = word_set_literals("attribution/classifier", source)
    assert [f.split(":")[1] for f in found] == ["2", "3", "4", "5"], found


# --- documentation ----------------------------------------------------------------------

def test_docs_list_every_word_list_file_and_key() -> None:
    doc = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    for name in WORD_FILES:
        assert f"interlock/vocab/{name}.yaml" in doc, name
        for key in yaml.safe_load((VOCAB / f"{name}.yaml").read_text(encoding="utf-8")):
            assert f"`{key}`" in doc, (name, key)
