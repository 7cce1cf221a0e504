"""The ``interlock`` command, driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock import jsonlines
from interlock.cli import cli
from interlock.errors import BadInput
from interlock.readers import read_records
from tests.helpers import SCHEMA


def run(args: list[str], stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_extract_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Samir Haddad, the governor of Nineveh, met Hadi Nouri.",
                    "published": "2021-04-02"}) + "\n"
        + "{broken json\n"
        + json.dumps({"id": "b", "text": "The vote was held last week.", "published": "2021-04-02"}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(["extract", "--input", str(src), "-q"])
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in lines] == ["a", "b"]
    assert f"{src} line 2: is not valid JSON" in err
    assert lines[1]["times"][0]["value"] == "2021-W12"


def test_extract_text_file_and_stdin(tmp_path: Path) -> None:
    src = tmp_path / "note.txt"
    src.write_text("Officials met in Mosul on Monday.\n\nSource » river-post", encoding="utf-8")
    code, out, _ = run(["extract", "-i", str(src), "--published", "2021-04-07", "-q"])
    assert code == 0
    doc = json.loads(out)
    assert doc["id"] == "note" and doc["outlet"] == "river-post" and doc["published"] == "2021-04-07"
    code, out, _ = run(["extract", "-q"], stdin="Hadi Nouri resigned.")
    assert code == 0 and json.loads(out)["entities"][0]["name"] == "Hadi Nouri"


def test_extract_unreadable_and_non_utf8_inputs(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("The mayor met voters.", encoding="utf-8")
    code, out, err = run(["extract", "-i", str(tmp_path / "missing.jsonl"), "-i", str(latin),
                          "-i", str(good), "-q"])
    assert code == 1
    assert "missing.jsonl: cannot be read" in err
    assert "latin.txt: is not UTF-8 text" in err
    assert json.loads(out)["id"] == "good"


def test_settings_lists_every_setting_as_json() -> None:
    code, out, _ = run(["settings", "--json"])
    assert code == 0
    names = {row["name"] for row in json.loads(out)}
    assert {"spacy_model", "max_chars", "batch_size", "evaldata"} <= names


def test_schema_file_is_valid_json_schema() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA.read_text("utf-8")))


def test_extract_text_format_reads_like_a_summary() -> None:
    text = (
        "Samir Haddad, the governor of Nineveh, met the Turkish envoy in Mosul on Monday. "
        'A senior official told Rudaw TV that the talks failed. "It is over," Haddad said.'
    )
    # everything, whatever its confidence: this checks how the text format reads
    code, out, _ = run(["extract", "-q", "--format", "text", "--published", "2021-04-07", "--min-confidence", "0"],
                       stdin=text)
    assert code == 0
    assert "Samir Haddad holds_position" in out and "as governor" in out
    assert "meeting: Samir Haddad" in out and "in Mosul [2021-04-05]" in out
    assert "A senior official [anonymous] via Rudaw TV" in out


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["docs.jsonl", "note.txt"]))
def test_reading_random_bytes_never_raises(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("in") / name
    path.write_bytes(data)
    items = list(read_records(str(path), None, None))
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n"):
        assert len(items) == 1 and isinstance(items[0], BadInput) and "is empty" in str(items[0])
        return
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        if name.endswith(".txt") or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
            # a text file, or a JSON array (a .jsonl file may hold one), is decoded whole
            assert len(items) == 1 and isinstance(items[0], BadInput) and "not UTF-8" in str(items[0])
        else:  # JSON lines are decoded a line at a time: a bad line is one error, the others are read
            assert all(f"{path} line " in str(i) for i in items if isinstance(i, BadInput))
        return
    if name.endswith(".txt"):
        if jsonlines.text_problem(text):
            assert len(items) == 1 and isinstance(items[0], BadInput) and "empty text" in str(items[0])
        else:
            assert items == [{"id": "note", "text": text, "published": None, "outlet": None}]
        return
    for item in items:
        if isinstance(item, BadInput):  # a line of JSON lines, or the whole file when it is a JSON array
            assert f"{path} line " in str(item) or (data.lstrip()[:1] == b"[" and str(item).startswith(str(path)))
        else:
            assert isinstance(item, dict) and "id" in item
