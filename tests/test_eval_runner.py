"""The evaluation harness and its commands, on tiny inputs written here."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from interlock.cli.evaluate import eval_command, match_names_command
from interlock.evaluate import runner
from interlock.evaluate.report import EvalResult


def _group() -> click.Group:
    return click.Group(commands={"eval": eval_command, "match-names": match_names_command})


@pytest.fixture
def fake_datasets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Two fake dataset modules: one that works, one that raises."""
    good = types.ModuleType("fake_eval_good")

    def good_evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
        return EvalResult(
            dataset="good",
            figures={"f1": 0.5, "limit": limit},
            table=[["a", "b"], ["1", "2"]],
            primary="good F1 ours=0.500 peer=0.400",
        )

    good.evaluate = good_evaluate  # type: ignore[attr-defined]
    bad = types.ModuleType("fake_eval_bad")

    def bad_evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
        raise RuntimeError("broken on purpose")

    bad.evaluate = bad_evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_eval_good", good)
    monkeypatch.setitem(sys.modules, "fake_eval_bad", bad)
    monkeypatch.setattr(
        runner,
        "DATASETS",
        {"bad": "fake_eval_bad", "missing": "fake_eval_not_there", "good": "fake_eval_good"},
    )
    yield


def test_registry_names_every_dataset() -> None:
    assert set(runner.DATASETS) == {"polnear", "timeml", "redocred", "names", "gap", "factuality", "ner", "realnews"}
    assert runner.dataset_names("all") == list(runner.DATASETS)


def test_unknown_dataset_is_a_clear_error() -> None:
    with pytest.raises(runner.UnknownDataset, match="choose one of"):
        runner.run("nosuch", Path("."))
    result = CliRunner().invoke(_group(), ["eval", "nosuch"])
    assert result.exit_code != 0
    assert "unknown dataset 'nosuch'" in result.output


def test_all_goes_on_past_failures(fake_datasets: None, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = CliRunner().invoke(
        _group(), ["eval", "all", "--data", str(tmp_path), "--save", str(out), "--limit", "3"]
    )
    assert result.exit_code == 1
    assert "good F1 ours=0.500 peer=0.400" in result.output
    assert "broken on purpose" in result.output
    assert "cannot be imported" in result.output
    doc = json.loads(out.read_text())
    assert set(doc) >= {"commit", "date", "datasets"}
    assert doc["datasets"] == {"good": {"f1": 0.5, "limit": 3}}
    assert set(doc["failures"]) == {"bad", "missing"}


def test_single_dataset_saves_valid_json(fake_datasets: None, tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    result = CliRunner().invoke(_group(), ["eval", "good", "--data", str(tmp_path), "--save", str(out)])
    assert result.exit_code == 0, result.output
    # the primary line closes the dataset's output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines[lines.index("good F1 ours=0.500 peer=0.400") - 1].startswith("1")
    doc = json.loads(out.read_text())
    assert doc["datasets"]["good"]["f1"] == 0.5
    assert doc["commit"] is None or len(doc["commit"]) == 40


def test_run_raises_on_failure(fake_datasets: None) -> None:
    assert runner.run("good", Path("."))[0].dataset == "good"
    with pytest.raises(RuntimeError, match="broken on purpose"):
        runner.run("bad", Path("."))


def test_match_names_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        '{"a": "Hadi al-Amiri", "b": "Hadi Al Ameri"}\n'
        "this is not json\n"
        '{"a": "Hadi al-Amiri"}\n'
        '{"a": "Hadi al-Amiri", "b": "Haider al-Abadi"}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(_group(), ["match-names", "--input", str(pairs), "--threshold", "0.85"])
    assert result.exit_code == 1
    assert "line 2:" in result.output and "line 3:" in result.output
    printed = [json.loads(ln) for ln in result.output.splitlines() if ln.startswith("{")]
    assert [(p["a"], p["b"]) for p in printed] == [
        ("Hadi al-Amiri", "Hadi Al Ameri"),
        ("Hadi al-Amiri", "Haider al-Abadi"),
    ]
    assert printed[0]["match"] is True and printed[1]["match"] is False
    assert 0.0 <= printed[1]["score"] < printed[0]["score"] <= 1.0


def test_match_names_reads_stdin() -> None:
    result = CliRunner().invoke(
        _group(), ["match-names", "--input", "-"], input='{"a": "PMU", "b": "Popular Mobilization Units"}\n'
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["score"] > 0.85
