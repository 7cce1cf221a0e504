"""No library function over 60 lines, and no library file over 500, without a reason (issue 16;
docs/architecture.md, "Code size").

A function's size counts from its ``def`` line to its last line, docstring included
(``scripts/function_sizes.py``, which prints the full report). A function may be longer
when its docstring has a line starting ``Long because:`` that says why.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from types import ModuleType
from typing import Any

from tests.helpers import REPO

LIMIT = 60
#: STYLE.md: "split a file before it passes about 500 lines"
FILE_LIMIT = 500


def _load_script() -> ModuleType:
    path = REPO / "scripts" / "function_sizes.py"
    spec = importlib.util.spec_from_file_location("function_sizes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("function_sizes", module)  # dataclasses looks the module up by name
    spec.loader.exec_module(module)
    return module


function_sizes = _load_script()

#: Functions over the limit, without a reason, in the two packages being reworked by others
#: at the time of writing (interlock/extract/ and interlock/resolve/). Qualified as
#: "module.function". This list only shrinks: the test fails when a function here is no longer
#: over the limit or no longer exists, so take it off when you shorten or remove it. Nothing
#: outside those two packages may be listed, and nothing may be added.
KNOWN_LONG: frozenset[str] = frozenset()
ALLOWED_PACKAGES = ("interlock.extract.", "interlock.resolve.")


def _sizes() -> dict[str, Any]:
    return {f"{size.module}.{size.qualname}": size for size in function_sizes.function_sizes()}


def test_no_long_function_without_a_reason() -> None:
    found = [
        f"{size.path}:{size.line} {name} is {size.lines} lines"
        for name, size in sorted(_sizes().items())
        if size.lines > LIMIT and size.reason is None and name not in KNOWN_LONG
    ]
    assert found == [], (
        f"functions over {LIMIT} lines: split them into well-named helpers, or give the docstring "
        "a line 'Long because: <why splitting would hurt>':\n" + "\n".join(found)
    )


def test_the_allow_list_holds_only_long_functions_of_extract_and_resolve() -> None:
    assert all(name.startswith(ALLOWED_PACKAGES) for name in KNOWN_LONG)
    sizes = _sizes()
    stale = sorted(
        name for name in KNOWN_LONG
        if name not in sizes or sizes[name].lines <= LIMIT or sizes[name].reason is not None
    )
    assert stale == [], f"take these off KNOWN_LONG, they are gone, short or explained now: {stale}"


def test_the_reason_is_read_from_a_docstring_line() -> None:
    source = '''
def long():
    """Does a lot.

    Long because: one table, read top to bottom.
    """
    return 1


class C:
    def method(self):
        def inner():
            return 2
        return inner
'''
    tree = ast.parse(source)
    first = tree.body[0]
    assert isinstance(first, ast.FunctionDef)
    assert function_sizes.long_reason(first) == "one table, read top to bottom."
    names = [name for name, _ in function_sizes._walk(tree, "")]
    assert names == ["long", "C.method", "C.method.<locals>.inner"]


def test_no_long_file_without_a_reason() -> None:
    """A module over the file limit needs a ``Long because:`` line in its module docstring."""
    found = []
    for path, lines in function_sizes.file_sizes():
        if lines <= FILE_LIMIT:
            continue
        tree = ast.parse((REPO / path).read_text("utf-8"))
        doc = ast.get_docstring(tree) or ""
        if not any(line.strip().startswith("Long because:") for line in doc.splitlines()):
            found.append(f"{path} is {lines} lines")
    assert found == [], (
        f"files over {FILE_LIMIT} lines: split them by concern into sibling modules or a package, "
        "or give the module docstring a line 'Long because: <why>':\n" + "\n".join(found)
    )
