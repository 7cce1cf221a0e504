"""Issue 12, item 2: one bad record never costs the batch (extract, ingest, match-names)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock import jsonlines
from interlock.cli import cli
from interlock.errors import BadInput
from interlock.readers import read_records

GOOD = "The minister Ali Hasan met the envoy Omar Idris in Tripoli on Monday."


def _good(n: int) -> bytes:
    return json.dumps({"id": f"good-{n}", "text": f"{GOOD} Report {n}."}).encode()


def hostile_file(path: Path) -> Path:
    """Good records between every kind of bad one; line numbers below are the true ones."""
    lines = [
        _good(1),                                                                     # 1
        json.dumps({"id": "seps", "text": f"{GOOD}\u2028Line\u2029para\u0085next."},
                   ensure_ascii=False).encode(),                                      # 2: valid, kept
        b'{"id": "deep", "text": "x", "m": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # 3
        b'{"id": "esc-surrogate", "text": "lone \\ud800 here"}',                       # 4
        b'{"id": "raw-surrogate", "text": "raw \xed\xa0\x80 here"}',                   # 5
        b'{"id": "nul", "text": "\\u0000\\u0000"}',                                     # 6
        b'{"id": "empty", "text": ""}',                                               # 7
        _good(2),                                                                     # 8
        b"\xff\xfe not utf-8 at all",                                                 # 9
        _good(3),                                                                     # 10
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_the_reader_reports_each_bad_line_with_its_true_number(tmp_path: Path) -> None:
    items = list(read_records(str(hostile_file(tmp_path / "h.jsonl"))))
    good = [i["id"] for i in items if isinstance(i, dict)]
    bad = {str(i).split(":")[0]: i.problem for i in items if isinstance(i, BadInput)}
    assert good == ["good-1", "seps", "good-2", "good-3"]
    assert set(bad) == {f"{tmp_path / 'h.jsonl'} line {n}" for n in (3, 4, 5, 6, 7, 9)}
    assert "nested too deeply" in bad[f"{tmp_path / 'h.jsonl'} line 3"]
    assert "surrogate" in bad[f"{tmp_path / 'h.jsonl'} line 4"]
    assert "UTF-8" in bad[f"{tmp_path / 'h.jsonl'} line 5"]
    seps = next(i for i in items if isinstance(i, dict) and i["id"] == "seps")
    assert "\u2028" in seps["text"] and "\u0085" in seps["text"]


def test_ingest_stores_every_good_record_of_a_hostile_file(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(hostile_file(tmp_path / "h.jsonl")), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents")}
    assert ids == {"good-1", "seps", "good-2", "good-3"}


def test_extract_writes_every_good_record_of_a_hostile_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--input", str(hostile_file(tmp_path / "h.jsonl")),
                                      "--output", str(out), "-q"])
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in out.read_text("utf-8").split("\n") if x] == \
        ["good-1", "seps", "good-2", "good-3"]
    assert "line 9" in result.output


def test_a_text_file_of_nuls_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 50)
    (tmp_path / "ok.txt").write_text(GOOD, "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 1
    assert "nul.txt: has an empty text" in result.output
    assert "1 new" in result.output


def test_match_names_goes_on_past_hostile_lines(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_bytes(b"\n".join([
        json.dumps({"a": "Hadi al-Amiri", "b": "Hadi Al Ameri"}).encode(),
        json.dumps({"a": "Hadi\u2028al-Amiri", "b": "x"}, ensure_ascii=False).encode(),
        b'{"a": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"a": "\\udc00", "b": "x"}',
        b"\xc3\x28 bad utf-8",
        json.dumps({"a": "Omar Idris", "b": "Umar Idriss"}).encode(),
    ]))
    result = CliRunner().invoke(cli, ["match-names", "--input", str(pairs)])
    assert result.exit_code == 1
    printed = [json.loads(x) for x in result.output.split("\n") if x.startswith("{")]
    assert [p["a"] for p in printed] == ["Hadi al-Amiri", "Hadi\u2028al-Amiri", "Omar Idris"]
    for n in (3, 4, 5):
        assert f"line {n}:" in result.output


@given(st.lists(st.one_of(st.binary(max_size=40), st.text(max_size=40).map(lambda t: t.encode("utf-8")),
                          st.builds(lambda t: json.dumps({"id": "x", "text": t}).encode(), st.text(max_size=30))),
                max_size=8))
@settings(max_examples=300, deadline=None)
def test_any_bytes_give_records_or_clear_errors(chunks: list[bytes]) -> None:
    data = b"\n".join(chunks)
    for n, line in jsonlines.lines(data, "f"):
        assert 1 <= n <= data.count(b"\n") + 1
        if isinstance(line, BadInput):
            continue
        value = jsonlines.loads(line, f"f line {n}")
        if isinstance(value, BadInput):
            assert value.where == f"f line {n}"
        else:
            json.dumps(value).encode("utf-8")  # storable text
