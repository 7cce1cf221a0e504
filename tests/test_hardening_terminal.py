"""Issue 12, item 4: control characters and escape sequences are shown escaped, never written raw."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from interlock.cli import cli
from interlock.textsafe import clean_name, escape

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CSI = "\x1b[2J\x1b[31m"
OSC = "\x1b]0;owned\x07"


def _hostile(tmp_path: Path) -> Path:
    text = (f"The minister Ali{CSI}Hasan met the envoy Omar Idris{OSC} in Tripoli on Monday. "
            f"Ali Hasan, the leader of the Unity\x9b6n Party, said the talks\u202e went well.\x1b[0m")
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps({"id": "h\x1b[1m1", "text": text, "published": "2027-03-01",
                                "outlet": f"Evil{CSI} Wire", "title": f"Title{OSC}"}) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("term")
    db = tmp / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(_hostile(tmp)), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_stored_names_hold_no_escape_sequence(hostile_store: Path) -> None:
    names = [r[0] for r in sqlite3.connect(hostile_store).execute("SELECT name FROM entities")]
    assert names
    for name in names:
        assert not RAW.search(name), name
        assert "[31m" not in name and "[2J" not in name and "owned" not in name


@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["show", "Ali Hasan"], ["search", "talks"],
                                     ["outlets"], ["outlets", "--json"], ["timeline", "Ali Hasan"],
                                     ["show", "--most-connected", "--json"], ["vet"]])
def test_query_output_is_escaped(hostile_store: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", str(hostile_store)])
    assert result.exit_code in (0, 1), result.output
    assert not RAW.search(result.output), repr(result.output)
    if "--json" in command:
        json.loads(result.output)  # still valid JSON


def test_extract_output_is_escaped_and_json_keeps_its_meaning(tmp_path: Path) -> None:
    path = _hostile(tmp_path)
    for fmt in ("json", "text"):
        result = CliRunner().invoke(cli, ["extract", "--input", str(path), "--format", fmt, "-q"])
        assert result.exit_code == 0, result.output
        assert not RAW.search(result.output), repr(result.output)
    out = tmp_path / "out.jsonl"
    CliRunner().invoke(cli, ["extract", "--input", str(path), "--output", str(out), "-q"])
    written = out.read_text("utf-8")
    assert not RAW.search(written)
    doc = json.loads(written)
    assert doc["id"] == "h\x1b[1m1"  # escaped on output, the same value when read back
    assert all(not RAW.search(e["name"]) for e in doc["entities"])


def test_error_messages_naming_an_input_are_escaped(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / f"missing{CSI}.jsonl"),
                                      "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 1
    assert "missing" in result.output and not RAW.search(result.output)  # click strips CSI off a pipe; we escape
    bad = CliRunner().invoke(cli, ["show", f"Nobody{OSC}", "--db", str(tmp_path / f"none{CSI}.db")])
    assert bad.exit_code != 0 and not RAW.search(bad.output)


def test_an_outlet_registry_with_control_characters_is_shown_escaped(hostile_store: Path, tmp_path: Path) -> None:
    registry = tmp_path / "outlets.yaml"
    registry.write_text('outlets:\n  - name: "Evil\\e[2J Wire"\n    reliability: C\n', "utf-8")
    result = CliRunner().invoke(cli, ["outlets", "--load", str(registry), "--db", str(hostile_store)])
    assert not RAW.search(result.output), repr(result.output)
    listed = CliRunner().invoke(cli, ["outlets", "--db", str(hostile_store)])
    assert not RAW.search(listed.output), repr(listed.output)


@given(st.text(max_size=40))
def test_escape_and_clean_name_leave_nothing_raw(text: str) -> None:
    assert not RAW.search(escape(text))
    assert json.loads(escape(json.dumps(text, ensure_ascii=False))) == text
    cleaned = clean_name(text)
    assert not RAW.search(cleaned) and "\x1b" not in cleaned
