"""The store owns its SQL (issue 15): no connection, cursor or SQL text outside interlock/store.

Every subsystem runs the catalogue's statements by name (``store.rows("query.actor_entities", ...)``);
these tests fail when code outside the store reaches for ``.conn`` or ``.execute``, names a
statement the catalogue does not have, or when the catalogue keeps a statement nothing runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from interlock.store.sql import CATALOG

PACKAGE = Path(__file__).resolve().parent.parent / "interlock"
STORE = PACKAGE / "store"
#: the store methods that run a catalogue statement by name
RUNNERS = {"each", "rows", "row", "value", "pairs", "column", "run", "run_many", "insert"}
#: a call that is SQL whatever object it is made on
SQL_CALLS = {"execute", "executemany", "executescript", "sql", "_x", "_xmany", "_cursor", "_cursor_many"}
#: SQL text in a string: a statement's opening words
SQL_TEXT = re.compile(r"^\s*(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                      r"CREATE\s+(TEMP\s+)?(TABLE|INDEX|VIEW)|DROP\s+(TABLE|VIEW))\b", re.I | re.S)


def _outside_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


def test_no_connection_or_sql_outside_the_store() -> None:
    found = []
    for path in _outside_store():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append(f"{where} uses .conn")
            elif isinstance(node, ast.Attribute) and node.attr in SQL_CALLS:
                found.append(f"{where} calls .{node.attr}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value):
                found.append(f"{where} has SQL text {node.value[:50]!r}")
            elif (isinstance(node, ast.Import) and any(a.name in ("sqlite3", "psycopg") for a in node.names)
                  and path.relative_to(PACKAGE).as_posix() != "cli/safety.py"):  # cli/safety.py only tells sqlite3's errors apart
                found.append(f"{where} imports a database driver")
    assert found == [], "SQL outside interlock/store (move it into the store's catalogue):\n" + "\n".join(found)


def _names_run() -> set[str]:
    names: set[str] = set()
    for path in [*_outside_store(), *STORE.rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNNERS
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and "." in node.args[0].value):
                names.add(node.args[0].value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CATALOG:
                names.add(node.value)  # a name held in a tuple or dict and run later
    return names


def test_every_statement_run_is_in_the_catalogue() -> None:
    missing = sorted(n for n in _names_run() if n not in CATALOG and not n.endswith((".py", ".json")))
    assert [n for n in missing if re.fullmatch(r"[a-z]+\.[a-z_]+", n)] == []


def test_every_catalogue_statement_is_run() -> None:
    assert sorted(set(CATALOG) - _names_run()) == []


def test_inserts_name_their_columns() -> None:
    sources = [p.read_text(encoding="utf-8") for p in STORE.rglob("*.py")]
    bare = [m.group(0) for text in sources
            for m in re.finditer(r"INSERT\s+(OR\s+\w+\s+)?INTO\s+\w+\s+(VALUES|SELECT)", text)]
    assert bare == []
