"""Report the size of the library's functions and files.

    python scripts/function_sizes.py [--top N] [--limit LINES] [--root DIR]

Walks every ``.py`` file under ``interlock/`` with ``ast`` and prints the largest
functions (qualified name, file, lines), the largest files (lines), and every
function over the limit (60 lines by default), each marked with whether its
docstring gives a reason: a docstring line that starts with ``Long because:``
(the convention in docs/architecture.md, "Code size"). A function's size counts
from its ``def`` line (decorators excluded) to its last line, docstring
included. Nested functions and methods are counted on their own, under a
qualified name such as ``Store.add`` or ``build.<locals>.walk``.

``tests/test_function_sizes.py`` uses :func:`function_sizes` to fail on a long
function without a reason.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIMIT = 60
REASON = "Long because:"


@dataclass(frozen=True)
class FunctionSize:
    """One function or method: where it is, how long it is, and its stated reason if any."""

    qualname: str
    path: str  # relative to the repository, with forward slashes
    line: int
    lines: int
    reason: str | None

    @property
    def module(self) -> str:
        """The dotted module name: ``interlock.lookup`` for ``interlock/lookup.py``, ``interlock.query`` for ``interlock/query/__init__.py``."""
        parts = self.path.removesuffix(".py").split("/")
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)


def long_reason(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The text after ``Long because:`` on a line of the docstring, or None."""
    doc = ast.get_docstring(node)
    for line in (doc or "").splitlines():
        line = line.strip()
        if line.startswith(REASON):
            return line.removeprefix(REASON).strip() or None
    return None


def _walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            yield name, child
            yield from _walk(child, f"{name}.<locals>.")
        elif isinstance(child, ast.ClassDef):
            yield from _walk(child, f"{prefix}{child.name}.")
        else:
            yield from _walk(child, prefix)


def file_functions(path: Path, root: Path = REPO) -> list[FunctionSize]:
    """Every function and method in one source file, in source order."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    rel = path.relative_to(root).as_posix()
    return [
        FunctionSize(
            qualname=name,
            path=rel,
            line=node.lineno,
            lines=(node.end_lineno or node.lineno) - node.lineno + 1,
            reason=long_reason(node),
        )
        for name, node in _walk(tree, "")
    ]


def source_files(package: Path) -> list[Path]:
    """The package's Python files, sorted."""
    return sorted(package.rglob("*.py"))


def function_sizes(package: Path = REPO / "interlock", root: Path = REPO) -> list[FunctionSize]:
    """Every function and method of the package."""
    return [size for path in source_files(package) for size in file_functions(path, root)]


def file_sizes(package: Path = REPO / "interlock", root: Path = REPO) -> list[tuple[str, int]]:
    """Each file of the package with its number of lines."""
    return [
        (path.relative_to(root).as_posix(), len(path.read_text("utf-8").splitlines()))
        for path in source_files(package)
    ]


def report(top: int, limit: int, package: Path, root: Path) -> str:
    """The printed report: largest functions, largest files, functions over the limit."""
    functions = sorted(function_sizes(package, root), key=lambda f: (-f.lines, f.path, f.line))
    files = sorted(file_sizes(package, root), key=lambda f: (-f[1], f[0]))
    over = [f for f in functions if f.lines > limit]
    out = [f"Largest {top} functions:"]
    out += [f"  {f.lines:5d}  {f.module}.{f.qualname}  ({f.path}:{f.line})" for f in functions[:top]]
    out += ["", f"Largest {top} files:"]
    out += [f"  {lines:5d}  {path}" for path, lines in files[:top]]
    with_reason = sum(f.reason is not None for f in over)
    out += [
        "",
        f"Functions over {limit} lines: {len(over)} "
        f"({with_reason} with a '{REASON}' reason, {len(over) - with_reason} without)",
    ]
    for f in over:
        mark = f"reason: {f.reason}" if f.reason else "NO REASON"
        out.append(f"  {f.lines:5d}  {f.module}.{f.qualname}  ({f.path}:{f.line})  [{mark}]")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="how many functions and files to list")
    parser.add_argument("--limit", type=int, default=LIMIT, help="the longest a function may be")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository root")
    args = parser.parse_args(argv)
    print(report(args.top, args.limit, args.root / "interlock", args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
