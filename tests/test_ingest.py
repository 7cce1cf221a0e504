"""``interlock ingest`` and ``interlock stats`` through the CLI, and a crash mid-run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample.jsonl"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = run(["ingest", str(SAMPLE), "--db", db, "-q"])
    assert code == 0, err
    assert "5 new, 0 failed" in err
    code, out, _ = run(["stats", "--db", db, "--json"])
    first = json.loads(out)
    assert first["documents"] == 5 and first["statements"] > 0
    code, _, err = run(["ingest", str(SAMPLE), "--db", db, "-q"])
    assert code == 0 and "5 unchanged, 0 failed" in err
    assert json.loads(run(["stats", "--db", db, "--json"])[1]) == first


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Hadi Nouri resigned from the council on Monday.", encoding="utf-8")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"id": "a", "text": "The vote was held."}\n{oops\n', encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.4")
    db = str(tmp_path / "s.db")
    code, _, err = run(["ingest", str(folder), str(tmp_path / "page.pdf"), "--db", db, "-q"])
    assert code == 1
    assert "broken.jsonl line 2: is not valid JSON" in err
    assert "latin.txt: is not UTF-8 text" in err
    assert "page.pdf: is not a format ingest reads" in err
    assert json.loads(run(["stats", "--db", db, "--json"])[1])["documents"] == 2


def test_stats_without_a_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(["stats", "--db", str(tmp_path / "none.db")])
    assert code != 0 and "run `interlock ingest` first" in err


@pytest.mark.slow
def test_killed_mid_run_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n in range(60):
            text = f"Council member Hadi Nouri {n} met voters in Basra on Monday, aides said. " * 20
            fh.write(json.dumps({"id": f"doc-{n}", "text": text, "published": "2021-04-05"}) + "\n")
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "interlock.cli", "ingest", str(src), "--db", str(db), "-q"]
    env = dict(os.environ, INTERLOCK_BATCH_SIZE="1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 60, "the run should be killed part way through"
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    assert sorted(ids) == sorted(f"doc-{n}" for n in range(60))
