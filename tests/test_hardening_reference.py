"""Issue 12, item 6: reference lists with bad rows are reported with file and line; the rest is imported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from interlock.cli import cli
from interlock.errors import BadInput
from interlock.resolve import reference


def _entity(n: int, **props: object) -> str:
    return json.dumps({"id": f"e{n}", "schema": "Person", "properties": props})


def test_ftm_entities_with_wrong_types_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    path = tmp_path / "ref.jsonl"
    path.write_text("\n".join([
        _entity(1, name=["Ali Hasan"]),
        _entity(2, name=12345),
        _entity(3, name=None),
        _entity(4, name=["Omar Idris"], alias=7),
        _entity(5, name=[None]),
        json.dumps({"id": ["x"], "schema": "Person", "properties": {"name": ["A"]}}),
        json.dumps({"id": "e7", "schema": 5, "properties": {"name": ["A"]}}),
        _entity(8, name="Salma Noor"),
        _entity(9, name=["Karim Fadel"], topics=[1, 2]),
        "\u2028not json",
        _entity(11, name=["Huda Saleh"]),
    ]), "utf-8")
    items = list(reference.read(path))
    good = [i.name for i in items if isinstance(i, reference.Entry)]
    bad = [i for i in items if isinstance(i, BadInput)]
    assert good == ["Ali Hasan", "Salma Noor", "Huda Saleh"]
    assert [b.where for b in bad] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7, 9, 10)]
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["import-entities", str(path), "--db", str(db)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "3 reference entries stored, 8 failed" in result.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reference_entities").fetchone()[0] == 3


def test_csv_rows_with_extra_missing_or_overlong_fields_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "ref.csv"
    huge = "x" * 200_000
    path.write_bytes("\n".join([
        "name,type,aliases",
        "Ali Hasan,person,Ali Hassan",
        "Omar Idris,person,,extra,more",
        "Salma Noor",
        f"{huge},person,",
        f'"{huge}",person,',
        "Karim Fadel,person,K. Fadel",
    ]).encode() + b"\nBad \xff Name,person,\nHuda Saleh,person,\n")
    items = list(reference.read(path))
    good = [i.name for i in items if isinstance(i, reference.Entry)]
    bad = {i.where: i.problem for i in items if isinstance(i, BadInput)}
    assert good == ["Ali Hasan", "Karim Fadel", "Huda Saleh"]
    assert set(bad) == {f"{path}:{n}" for n in (3, 4, 5, 6, 8)}
    assert bad[f"{path}:3"] == "has 5 fields where the header has 3"
    assert "UTF-8" in bad[f"{path}:8"]
