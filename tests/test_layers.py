"""The import rules of the ``interlock`` package (docs/architecture.md), checked on the source.

A *unit* is a top-level module or package of ``interlock`` (``interlock.query``,
``interlock.resolve``, ...). The units stand in layers; each may import from its own layer and
those below it, never from above:

0. foundation, no Interlock but each other: errors, settings, model, names (name folding and
   matching), textsafe, jsonlines, yaml_guard, vocab, dedupe, fetch, summary;
1. extraction and storage: extract, scale (extraction on Dask), readers, store;
2. actors and grades: lookup (naming an actor), resolve, credibility;
3. questions: query;
4. what is built on the answers: records, network, saved_views, vet, export, refresh;
5. runs over many documents: ingest, reextract, evaluate;
6. the library surface: api and the package ``interlock`` itself;
7. entry points: cli, web.

And across units:

* no import circles, not even through an import inside a function;
* no import of another unit's private (``_underscore``) name or module, and no use of one
  through a module imported from another unit (``query._chain``); ``KNOWN_PRIVATE_USES`` is
  where an exception would be listed, and is empty.

Every ``import`` statement counts, at module level or inside a function, ``TYPE_CHECKING`` too.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "interlock"

LAYERS: list[set[str]] = [
    {"errors", "settings", "model", "names", "textsafe", "jsonlines", "yaml_guard", "vocab", "dedupe", "fetch",
     "summary"},
    {"extract", "scale", "readers", "store"},
    {"lookup", "resolve", "credibility"},
    {"query"},
    {"records", "network", "saved_views", "vet", "export", "refresh"},
    {"ingest", "reextract", "evaluate"},
    {"api", "interlock"},
    {"cli", "web"},
]
LAYER = {unit: n for n, units in enumerate(LAYERS) for unit in units}

#: private names of another unit still used through its module: (using module, "module._name").
#: None now; a name another unit needs is made public instead (docs/architecture.md).
KNOWN_PRIVATE_USES: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """``interlock.resolve.cluster`` -> ``resolve``; the package itself is ``interlock``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "interlock"


def is_module(module: str) -> bool:
    path = REPO.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield module_name(path), ast.parse(path.read_text(encoding="utf-8"), str(path))


def imports(tree: ast.Module) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) for each Interlock import: ``name`` is what ``from module import`` takes."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "interlock":
                    yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "interlock":
                for alias in node.names:
                    yield node.lineno, node.module, alias.name


def imported_module(module: str, name: str | None) -> str:
    """The module an import statement depends on: ``from interlock import query`` is ``interlock.query``."""
    if name is not None and is_module(f"{module}.{name}"):
        return f"{module}.{name}"
    return module


def unit_graph() -> dict[str, dict[str, list[str]]]:
    """For each unit, the units it imports, each with where (``module:line``)."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for module, tree in sources():
        for line, target, name in imports(tree):
            to = unit_of(imported_module(target, name))
            if to != unit_of(module):
                graph[unit_of(module)][to].append(f"{module}:{line}")
    return graph


def test_every_unit_has_a_layer() -> None:
    units = {unit_of(m) for m, _ in sources()}
    missing = sorted(units - LAYER.keys())
    assert not missing, f"give these units a layer in LAYERS (and docs/architecture.md): {missing}"
    gone = sorted(LAYER.keys() - units)
    assert not gone, f"LAYERS names units that no longer exist: {gone}"


def test_imports_point_down() -> None:
    upward = [f"{where}: {unit} (layer {LAYER[unit]}) imports {to} (layer {LAYER[to]})"
              for unit, targets in unit_graph().items() for to, places in targets.items()
              for where in places if LAYER.get(to, -1) > LAYER.get(unit, -1)]
    assert upward == [], "imports that point up a layer:\n" + "\n".join(upward)


def find_cycle(graph: dict[str, dict[str, list[str]]]) -> list[str]:
    """One import circle between units (as a path that comes back to its start), or none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(unit: str) -> list[str]:
        state[unit] = 1
        stack.append(unit)
        for to in sorted(graph.get(unit, {})):
            if state.get(to) == 1:
                return [*stack[stack.index(to):], to]
            if to not in state:
                found = visit(to)
                if found:
                    return found
        stack.pop()
        state[unit] = 2
        return []

    for unit in sorted(graph):
        if unit not in state:
            found = visit(unit)
            if found:
                return found
    return []


def test_no_import_circles_between_units() -> None:
    graph = unit_graph()
    cycle = find_cycle(graph)
    steps = [f"{a} -> {b} ({', '.join(graph[a][b][:3])})" for a, b in zip(cycle, cycle[1:], strict=False)]
    assert not cycle, "an import circle:\n" + "\n".join(steps)


def test_the_cycle_finder_finds_one() -> None:
    graph = {"a": {"b": ["a.py:1"]}, "b": {"c": ["b.py:1"]}, "c": {"a": ["c.py:1"]}, "d": {"a": ["d.py:1"]}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": ["a.py:1"]}, "b": {}}) == []


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_private_names_of_another_unit() -> None:
    found: list[str] = []
    used: set[tuple[str, str]] = set()
    for module, tree in sources():
        modules_bound: dict[str, str] = {}  # local name -> another unit's module
        for line, target, name in imports(tree):
            if any(private(part) for part in target.split(".")) and unit_of(target) != unit_of(module):
                found.append(f"{module}:{line} imports the private module {target}")
            if name is None:
                continue
            if private(name) and unit_of(target) != unit_of(module):
                found.append(f"{module}:{line} imports {target}.{name}")
            full = imported_module(target, name)
            if full != target and unit_of(full) != unit_of(module):
                modules_bound[name] = full
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and private(node.attr) and isinstance(node.value, ast.Name)
                    and node.value.id in modules_bound):
                use = f"{node.value.id}.{node.attr}"
                used.add((module, use))
                if (module, use) not in KNOWN_PRIVATE_USES:
                    found.append(f"{module}:{node.lineno} uses {modules_bound[node.value.id]}.{node.attr}")
    assert found == [], "private names of another unit (make them public, or move them):\n" + "\n".join(found)
    stale = sorted(KNOWN_PRIVATE_USES - used)
    assert not stale, f"take these off KNOWN_PRIVATE_USES, they are gone: {stale}"


def test_interlock_extract_stays_the_function() -> None:
    """``interlock.extract`` is the library's function (docs/api.md), whatever extraction modules
    are imported. The extraction package has the same name, so ``import interlock.extract.X``
    (which reaches X through that attribute) is never written: ``from interlock.extract import X``."""
    import inspect

    import interlock
    from interlock.extract import api, pipeline  # noqa: F401 - imported after interlock, on purpose

    assert inspect.isfunction(interlock.extract) and interlock.extract is interlock.extract_text
    found = [f"{path.relative_to(REPO)}:{node.lineno} imports {alias.name}"
             for folder in ("interlock", "tests", "scripts", "bench", "examples")
             for path in sorted((REPO / folder).rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
             if isinstance(node, ast.Import)
             for alias in node.names if alias.name.startswith("interlock.extract.")]
    assert found == [], "write 'from interlock.extract import X' instead:\n" + "\n".join(found)
