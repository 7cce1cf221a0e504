"""Our spaCy components (interlock/extract/components.py): each is registered by name, the
pipeline's ``analyze_pipes()`` finds nothing missing, docs/extraction.md shows what it reports,
each component's ``requires`` names what its modules read of the parse, the attribution
component reads the model file its config names, and a failure goes to the error handler."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.util import raise_error

from interlock.extract import components, pipeline
from interlock.extract.state import DocState
from tests.helpers import REPO

DOC = REPO / "docs" / "extraction.md"
EXTRACT = REPO / "interlock" / "extract"
OURS = [pipeline.LINE_BREAKS] + [name for name, _ in components.COMPONENTS]


@cache
def nlp() -> Language:
    return pipeline.load_pipeline()


def render(summary: dict[str, dict[str, Any]]) -> str:
    """``analyze_pipes(pretty=False)["summary"]`` as the page's table."""

    def attrs(values: list[str]) -> str:
        return ", ".join(f"`{v}`" for v in values)

    rows = ["| component | assigns | requires |", "|---|---|---|"]
    rows += [f"| `{name}` | {attrs(info['assigns'])} | {attrs(info['requires'])} |" for name, info in summary.items()]
    return "\n".join(rows)


def page_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Pipeline components\n", 1)
    assert len(section) == 2, "docs/extraction.md has no '## Pipeline components' section"
    found = re.search(r"^\| component \| assigns \| requires \|\n(?:\|.*\n?)+", section[1], re.M)
    assert found, "the 'Pipeline components' section has no table of component, assigns, requires"
    return found.group(0).strip()


def test_each_of_our_components_is_registered_by_name() -> None:
    for name in OURS:
        assert Language.has_factory(name), f"{name} is not a registered spaCy factory"
        assert nlp().get_pipe_meta(name).factory == name
    assert [n for n in nlp().pipe_names if n.startswith("interlock_")] == OURS
    assert nlp().pipe_names[0] == pipeline.LINE_BREAKS, "line breaks must run before the parser"


def test_analyze_pipes_finds_no_problems() -> None:
    report = nlp().analyze_pipes(pretty=False)
    assert {name: missing for name, missing in report["problems"].items() if missing} == {}
    for name in OURS:
        assert report["summary"][name]["assigns"], f"{name} declares nothing it assigns"


def test_the_page_shows_what_analyze_pipes_reports() -> None:
    table = render(nlp().analyze_pipes(pretty=False)["summary"])
    assert page_table() == table, (
        "docs/extraction.md ('Pipeline components') is not what nlp.analyze_pipes() reports; "
        "replace its table with:\n" + table
    )


def _module_files() -> dict[str, Path]:
    """Each module of ``interlock.extract`` by its dotted name under it (``times.rules``; a
    package is its ``__init__.py``: ``times``)."""
    files = {}
    for path in EXTRACT.rglob("*.py"):
        parts = path.relative_to(EXTRACT).with_suffix("").parts
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def _imports(node: ast.AST) -> set[str]:
    """The modules of ``interlock.extract`` this code imports, by their names under it
    (``from interlock.extract.times import rules`` is ``times.rules``, ``from
    interlock.extract.times.rules import Rule`` is ``times.rules``)."""
    modules = _module_files()
    found: set[str] = set()
    for n in ast.walk(node):
        if not (isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("interlock.extract")):
            continue
        under = n.module.removeprefix("interlock.extract").removeprefix(".")
        for a in n.names:
            inner = f"{under}.{a.name}" if under else a.name
            found.add(inner if inner in modules else under)
    return found - {""}


#: what reading each attribute looks like in our source
READS = {
    "token.tag": r"\btag_\b", "token.dep": r"\bdep_\b", "token.head": r"\.head\b", "token.lemma": r"\blemma_\b",
    "token.ent_type": r"\bent_type_?\b", "token.ent_iob": r"\bent_iob_?\b", "doc.ents": r"\.ents\b",
    "doc.sents": r"\.sents?\b", "token.is_sent_start": r"\bis_sent_(start|end)\b",
}


def test_each_component_requires_what_its_modules_read_of_the_parse() -> None:
    """The modules a component's step imports (and what they import, within interlock.extract)
    read these attributes; each must be in its ``requires`` (a new kind of reading fails here
    until the factory declares it)."""
    tree = ast.parse((EXTRACT / "components.py").read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    files = _module_files()
    per_module = {m: _imports(ast.parse(p.read_text(encoding="utf-8"))) for m, p in files.items()}
    for name, _ in components.COMPONENTS:
        step = functions["_" + name.removeprefix("interlock_")]
        seen: set[str] = set()
        todo = list(_imports(step))
        while todo:
            module = todo.pop()
            if module not in seen and module in per_module:
                seen.add(module)
                todo += per_module[module]
        seen -= {"pipeline", "components"}
        source = "\n".join(files[m].read_text(encoding="utf-8") for m in sorted(seen))
        read = {attr for attr, pattern in READS.items() if re.search(pattern, source)}
        missing = read - set(nlp().get_pipe_meta(name).requires)
        assert not missing, f"{name} reads {sorted(missing)} (in {sorted(seen)}) but does not require it"


def test_the_attribution_model_is_the_file_the_config_names(tmp_path: Path) -> None:
    bare = spacy.blank("en")
    packaged = bare.add_pipe("interlock_attribution", name="packaged")
    assert bare.get_pipe_config("packaged")["model"] is None
    assert packaged is not None
    with pytest.raises(FileNotFoundError):
        bare.add_pipe("interlock_attribution", name="elsewhere", config={"model": str(tmp_path / "none.json")})


def test_a_failure_is_recorded_and_the_error_handler_can_raise() -> None:
    def boom(doc: Any, state: DocState) -> None:
        raise KeyError("no such thing")

    bare = spacy.blank("en")
    step = bare.add_pipe("interlock_times")
    assert isinstance(step, components.Step)
    step.step = boom
    doc = bare("He resigned on Monday.")
    assert doc._.interlock.errors == ["E102 interlock_times failed: KeyError: 'no such thing'"]
    (piped,) = bare.pipe(["He resigned on Monday."])
    assert piped._.interlock.errors == ["E102 interlock_times failed: KeyError: 'no such thing'"]
    bare.set_error_handler(raise_error)
    assert step.get_error_handler() is raise_error
    with pytest.raises(KeyError):
        list(bare.pipe(["He resigned on Monday."]))


def test_the_views_show_the_state() -> None:
    doc = nlp()("Mara Velton, the finance minister of Oskaria, resigned on Monday.")
    state = doc._.interlock
    assert doc._.interlock_entities == [e for e in state.entities if e.merged_into is None]
    assert doc._.interlock_statements is state.statements and doc._.interlock_times is state.times
    assert doc._.interlock_entities and doc._.interlock_statements
