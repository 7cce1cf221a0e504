"""Issue 12, items 7 and 8: locked, read-only and foreign stores; an interrupted refresh is redone."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.ingest import ingest
from interlock.store import SQLiteStore

TEXT = ("The minister Ali Hasan met the envoy Omar Idris in Tripoli on Monday. "
        "Ali Hasan, the leader of the Unity Party, said the talks went well.")


def _doc(tmp_path: Path, n: int = 1) -> Path:
    path = tmp_path / f"docs{n}.jsonl"
    path.write_text(json.dumps({"id": f"d{n}", "text": TEXT + f" Report {n}.", "published": "2027-03-01"}) + "\n")
    return path


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("store")
    db = tmp / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(_doc(tmp)), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def _copy(store_file: Path, tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    src = sqlite3.connect(store_file)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_locked_store_waits_with_a_message_then_fails_with_one_line(store_file: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = _copy(store_file, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("INTERLOCK_LOCK_TIMEOUT", "2")
    started = time.monotonic()
    try:
        result = CliRunner().invoke(cli, ["ingest", str(_doc(tmp_path, 2)), "--db", str(db), "-q"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    assert "waiting up to 2 s for another process that is writing to" in result.output
    assert f"Error: the store {db} is locked by another writer; gave up after 2 s" in result.output
    assert "Traceback" not in result.output
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_locked_store_goes_on_when_the_other_writer_finishes(store_file: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = _copy(store_file, tmp_path)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("INTERLOCK_LOCK_TIMEOUT", "30")
    release = threading.Timer(2.5, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        result = CliRunner().invoke(cli, ["ingest", str(_doc(tmp_path, 3)), "--db", str(db), "-q"])
    finally:
        release.join()
        holder.close()
    assert result.exit_code == 0, result.output
    assert "waiting up to 30 s" in result.output
    assert {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents")} == {"d1", "d3"}


def test_a_bad_lock_timeout_setting_is_one_line(store_file: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = _copy(store_file, tmp_path)
    monkeypatch.setenv("INTERLOCK_LOCK_TIMEOUT", "soon")
    result = CliRunner().invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 1 and "INTERLOCK_LOCK_TIMEOUT='soon' is not a number" in result.output


FOREIGN = {
    "empty.db": b"",
    "notes.db": b"These are my notes, not a database.\n",
    "image.db": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
}


def _foreign_files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, data in FOREIGN.items():
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(p)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('bread')")
    conn.commit()
    conn.close()
    paths.append(other)
    return paths


@pytest.mark.parametrize("command", [["stats"], ["show", "Ali Hasan"], ["search", "talks"], ["vet"],
                                     ["timeline", "Ali Hasan"], ["outlets"], ["resolve"], ["alerts"],
                                     ["watch", "add", "Ali Hasan"], ["ingest", "DOC"], ["import-entities", "REF"]])
def test_a_file_that_is_not_a_store_is_refused_and_never_written(tmp_path: Path, command: list[str]) -> None:
    ref = tmp_path / "ref.csv"
    ref.write_text("name,type\nAli Hasan,person\n")
    args = [str(_doc(tmp_path)) if a == "DOC" else str(ref) if a == "REF" else a for a in command]
    for path in _foreign_files(tmp_path):
        before = _digest(path)
        result = CliRunner().invoke(cli, [*args, "--db", str(path)])
        assert result.exit_code != 0, (path.name, result.output)
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "not an Interlock store" in errors[0], (path.name, result.output)
        assert "Traceback" not in result.output
        assert _digest(path) == before, f"{command} wrote into {path.name}"
        assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-journal").exists()


def _readonly_run(db: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run commands against ``db`` in a read-only folder (chmod, or as root a read-only bind mount)."""
    folder = db.parent
    runs = []
    if os.geteuid() != 0:
        db.chmod(0o444)
        folder.chmod(0o555)
        try:
            for cmd in commands:
                runs.append(subprocess.run([sys.executable, "-m", "interlock.cli", *cmd], capture_output=True,
                                           text=True, timeout=300))
        finally:
            folder.chmod(0o755)
            db.chmod(0o644)
        return runs
    if shutil.which("unshare") is None:
        pytest.skip("root ignores file modes and unshare is absent: cannot make a read-only folder")
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount --bind {folder} {folder} && "
                            f"mount -o remount,bind,ro {folder} {folder}"], capture_output=True, timeout=20)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {probe.stderr.decode(errors='replace').strip()}")
    for cmd in commands:
        quoted = " ".join("'" + c.replace("'", "'\\''") + "'" for c in cmd)
        script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} {folder} && "
                  f"exec {sys.executable} -m interlock.cli {quoted}")
        runs.append(subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                                   timeout=300))
    return runs


def test_a_read_only_store_reads_and_refuses_writes_with_one_line(store_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = _copy(store_file, folder)
    before = _digest(db)
    doc = _doc(tmp_path, 4)
    reads = [["stats", "--db", str(db), "--json"], ["show", "Ali Hasan", "--db", str(db)],
             ["search", "talks", "--db", str(db)], ["timeline", "Ali Hasan", "--db", str(db)],
             ["vet", "--db", str(db)], ["outlets", "--db", str(db)]]
    writes = [["ingest", str(doc), "--db", str(db), "-q"], ["watch", "add", "Ali Hasan", "--db", str(db)],
              ["resolve", "--db", str(db)], ["merge", "Ali Hasan", "Omar Idris", "--db", str(db)]]
    runs = _readonly_run(db, reads + writes)
    for cmd, run in zip(reads, runs[:len(reads)], strict=True):
        assert run.returncode == 0, (cmd, run.stderr)
        assert "Traceback" not in run.stderr
    assert json.loads(runs[0].stdout)["documents"] == 1
    for cmd, run in zip(writes, runs[len(reads):], strict=True):
        assert run.returncode != 0, (cmd, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr, (cmd, run.stderr)
        errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "read-only" in errors[0], (cmd, run.stderr)
    assert _digest(db) == before


def test_an_interrupted_refresh_is_finished_by_the_next_command(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        report = ingest([str(_doc(tmp_path, 5))], store, refresh=False)  # stopped before the refresh
        assert report.counts["new"] == 1
        assert store.refresh_pending()
        assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    result = CliRunner().invoke(cli, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stopped before resolution and grading finished; finishing them now" in result.output
    with SQLiteStore(db) as store:
        assert not store.refresh_pending()
        assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        assert store.conn.execute("SELECT count(*) FROM actors").fetchone()[0] > 0
    again = CliRunner().invoke(cli, ["stats", "--db", str(db)])
    assert "finishing them now" not in again.output


def test_a_run_killed_between_storing_and_grading_leaves_the_marker(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import interlock.refresh

    def killed(store: SQLiteStore) -> list[str]:
        raise KeyboardInterrupt  # stands for kill -9 in the middle of resolution

    db = tmp_path / "s.db"
    monkeypatch.setattr(interlock.refresh, "refresh", killed)
    with SQLiteStore(db) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(_doc(tmp_path, 6))], store)
    monkeypatch.undo()
    with SQLiteStore(db) as store:
        assert store.refresh_pending()
    result = CliRunner().invoke(cli, ["show", "Ali Hasan", "--db", str(db)])
    assert "finishing them now" in result.output
    with SQLiteStore(db) as store:
        assert not store.refresh_pending()
        assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
