"""Issue 12, item 5: outlet registries the user edits are validated like rule packs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.cli import cli
from interlock.credibility import outlets
from interlock.credibility.outlets import BadRegistry, parse
from interlock.store import SQLiteStore

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
) + "outlets:\n  - name: Wire\n    aliases: *i\n"


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("outlets:\n  - name: Wire\n    name: Other Wire\n", 3, "duplicate key 'name'"),
    ("outlets:\n  - name: Wire\noutlets:\n  - name: B\n", 3, "duplicate key 'outlets'"),
    ("outlets:\n  - name: [a, b]\n", 2, "name must be text"),
    ("outlets:\n  - name: Wire\n    kind: {x: 1}\n", 2, "kind must be text"),
    ("outlets:\n  - name: Wire\n    aliases: [[nested]]\n", 2, "each of aliases must be text"),
    ("outlets:\n  - name: Wire\n    affiliation: [A, B]\n", 2, "affiliation must be text"),
    ("outlets:\n  - name: Wire\n    reliability: true\n", 2, "reliability must be text"),
    ("outlets: &r\n  - name: Wire\n    aliases: *r\n", 1, "refers to itself"),
])
def test_bad_registries_name_file_line_and_problem(text: str, line: int, problem: str) -> None:
    with pytest.raises(BadRegistry) as err:
        parse(text, "reg.yaml")
    assert str(err.value).startswith(f"reg.yaml:{line}: ") and problem in str(err.value), str(err.value)


def test_alias_expansion_is_bounded_without_expanding() -> None:
    started = time.monotonic()
    with pytest.raises(BadRegistry, match="aliases expand to more than"):
        parse(LAUGHS, "laughs.yaml")
    assert time.monotonic() - started < 5


def test_a_registry_over_the_size_limit_is_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("outlets:\n" + "".join(f"  - name: Outlet {n}\n    notes: {'x' * 200}\n" for n in range(12_000)))
    result = CliRunner().invoke(cli, ["outlets", "--load", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "over the limit of 2,000,000" in result.output and "Traceback" not in result.output


def test_a_stored_registry_with_a_bad_value_does_not_break_later_commands(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    doc = tmp_path / "d.jsonl"
    doc.write_text(json.dumps({"id": "d1", "text": "The minister Ali Hasan met the envoy Omar Idris in Tripoli.",
                               "outlet": "Wire"}) + "\n")
    assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(db), "-q"]).exit_code == 0
    with SQLiteStore(db) as store:  # as an older Interlock with laxer checks could have stored it
        store.conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                           ("outlets:\n  - name: Wire\n    name: Again\n", outlets.REGISTRY_DOCUMENT))
        if store.conn.execute("SELECT changes()").fetchone()[0] == 0:
            reg = parse("outlets:\n  - name: Wire\n    reliability: B\n", "r.yaml")
            outlets.load(store, reg)
            store.conn.execute("UPDATE documents SET text = ? WHERE id = ?",
                               ("outlets:\n  - name: Wire\n    name: Again\n", outlets.REGISTRY_DOCUMENT))
    for command in (["outlets"], ["stats"], ["resolve"], ["show", "Ali Hasan"], ["vet"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code == 0, (command, result.output)
        assert "Traceback" not in result.output


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_any_text_parses_or_is_one_bad_registry_error(text: str) -> None:
    try:
        parse(text, "r.yaml")
    except BadRegistry as exc:
        assert str(exc).startswith("r.yaml") and "\n" not in str(exc).strip()
