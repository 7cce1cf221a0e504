"""Ingest on a Dask cluster (interlock.scale): the same store as one process, a killed worker
loses and duplicates nothing, a running scheduler is used by its address, and bad input or a
bad address is a clear error."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from interlock.ingest import ingest
from interlock.store import SQLiteStore
from tests.conftest import SAMPLE_CORPUS
from tests.helpers import invoke

pytest.importorskip("distributed")

from interlock.scale import DaskExtractor, ScaleError, connect  # noqa: E402
from interlock.scale import cluster as scale_cluster  # noqa: E402


def dying_batch(records: list[dict[str, Any]]) -> list[Any]:
    """A worker's task that kills its worker process on the record with id "poison" (run on the workers)."""
    from interlock.scale.worker import extract_batch

    if any(r.get("id") == "poison" for r in records):
        os._exit(3)
    return extract_batch(records)


def snapshot(db: Path) -> dict[str, Any]:
    """What resolution and grading made of a store, in a form to compare (no times of ingest)."""
    conn = sqlite3.connect(db)
    try:
        def rows(sql: str) -> list[tuple[Any, ...]]:
            return sorted(tuple(r) for r in conn.execute(sql))

        return {
            "documents": rows("SELECT id, content_hash, copy_of FROM documents"),
            "entities": rows("SELECT id, document_id, actor_id FROM entities"),
            "actors": rows("SELECT id, label, name, names, kinds FROM actors"),
            "statements": rows("SELECT id, document_id, subject_id, predicate, object_id, confidence FROM statements"),
            "claims": rows("SELECT id, subject_actor, predicate, object_actor, corroboration, grade, reason FROM claims"),
            "grades": rows("SELECT statement_id, claim_id, origin, grade, reason FROM statement_grades"),
            "events": rows("SELECT id, document_id FROM events"),
        }
    finally:
        conn.close()


@pytest.mark.slow
def test_two_workers_make_the_same_actors_and_grades_as_one_process(tmp_path: Path, sample_store_file: Path) -> None:
    db = tmp_path / "dask.db"
    code, _, err = invoke("ingest", str(SAMPLE_CORPUS), "--outlets", str(SAMPLE_CORPUS / "outlets.yaml"),
                          "--db", str(db), "--workers", "2")
    assert code == 0, err
    assert "extracting on 2 Dask worker(s) of a local cluster" in err
    assert "0 failed" in err
    distributed, single = snapshot(db), snapshot(sample_store_file)
    assert distributed["actors"], "resolution made no actors"
    assert distributed["grades"], "grading graded nothing"
    for table in single:
        assert distributed[table] == single[table], f"{table} differ between a Dask ingest and one process"


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_no_document(tmp_path: Path, sample_store_file: Path) -> None:
    db = tmp_path / "killed.db"
    killed: list[int] = []
    with connect(workers=2) as client, SQLiteStore(db) as store:
        # a local cluster listens on loopback only: scheduler, workers and their nannies
        info = client.scheduler_info()
        listening = [client.scheduler.address, *info["workers"], *(w["nanny"] for w in info["workers"].values())]
        assert len(listening) == 5 and all(a.startswith("tcp://127.0.0.1:") for a in listening), listening
        extractor = DaskExtractor(client)

        def kill_a_busy_worker(done: int, _elapsed: float, _total: int | None) -> None:
            if killed:
                return
            # the first document is stored: kill a worker that is extracting others right now
            busy = {addr for addr, keys in client.processing().items() if keys}
            pids = client.run(os.getpid)
            assert busy, "no worker had a task in flight: the corpus is too small to test a kill"
            victim = sorted(busy)[0]
            killed.append(pids[victim])
            os.kill(pids[victim], signal.SIGKILL)

        from interlock.credibility import outlets as registry

        registry.load(store, registry.read(SAMPLE_CORPUS / "outlets.yaml"))
        before = {row[0] for row in snapshot(db)["documents"]}  # the registry, stored as a document
        report = ingest([str(SAMPLE_CORPUS)], store, progress=kill_a_busy_worker, extractor=extractor)
        # the nanny started a new worker in its place, which loaded the pipeline again
        alive = client.run(os.getpid)
    assert killed and killed[0] not in alive.values()
    assert report.ok, report.failures
    inputs = {row[0] for row in snapshot(sample_store_file)["documents"]} - before
    assert report.counts["new"] == len(inputs) == len(report.stored) and set(report.stored) == inputs
    after, single = snapshot(db), snapshot(sample_store_file)
    for table in single:
        assert after[table] == single[table], f"{table} differ after a worker was killed"


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and one worker started as docs/scale.md says (`dask scheduler`, `dask worker`)."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    started = [subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                 "--scheduler-file", str(info)], cwd=folder,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(1200):
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        started.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                         "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                                         "--no-dashboard"], cwd=folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=180)  # a busy machine starts a worker slowly
        yield address
    finally:
        for proc in reversed(started):
            proc.send_signal(signal.SIGINT)
        for proc in reversed(started):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.mark.slow
def test_a_running_scheduler_is_used_by_its_address(tmp_path: Path, scheduler: str) -> None:
    folder = SAMPLE_CORPUS / "text"
    code, _, err = invoke("ingest", str(folder), "--db", str(tmp_path / "s.db"), "--scheduler", scheduler)
    assert code == 0, err
    assert f"Dask worker(s) of {scheduler}" in err
    expected = len(list(folder.glob("*.txt")))
    assert f"{expected} new" in err
    # the same again stores nothing twice
    code, _, err = invoke("ingest", str(folder), "--db", str(tmp_path / "s.db"), "--scheduler", scheduler, "-q")
    assert code == 0 and f"{expected} unchanged" in err, err


@pytest.mark.slow
def test_bad_records_are_reported_as_in_one_process_and_the_rest_goes_on(tmp_path: Path, scheduler: str) -> None:
    lines = [json.dumps({"id": "good-1", "text": "The minister met the ambassador in Baghdad on Monday."}),
             "{not json",
             json.dumps({"id": "no-text", "title": "empty"}),
             json.dumps({"id": "bad-date", "text": "A text.", "published": "last week"}),
             json.dumps({"id": "good-2", "text": "Jawad al-Khazraji denied meeting the general."})]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = invoke("ingest", str(source), "--db", str(tmp_path / "one.db"), "-q")
    many = invoke("ingest", str(source), "--db", str(tmp_path / "many.db"), "-q", "--scheduler", scheduler)
    assert one[0] == many[0] == 1
    # the failures and the summary, word for word (resolution's lines say how long it took)
    errors = [[line.replace(name, "DB") for line in err.splitlines() if "rror" in line or " new," in line]
              for (_, _, err), name in ((one, str(tmp_path / "one.db")), (many, str(tmp_path / "many.db")))]
    assert len(errors[0]) == 4, errors[0]
    assert errors[0] == errors[1]
    assert any("bad-date" in line for line in errors[1]) and "2 new" in many[2]
    assert "Traceback" not in many[2]


def test_a_bad_scheduler_address_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = invoke("ingest", str(SAMPLE_CORPUS / "text"), "--db", str(tmp_path / "x.db"),
                          "--scheduler", "not an address")
    assert code == 1 and "is not a scheduler address: give tcp://HOST:PORT" in err
    assert "Traceback" not in err
    code, _, err = invoke("ingest", str(SAMPLE_CORPUS / "text"), "--db", str(tmp_path / "x.db"),
                          "--scheduler", "tcp://127.0.0.1:1", "--workers", "2")
    assert code == 2 and "not both" in err


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale_cluster, "CONNECT_TIMEOUT", 1)
    code, _, err = invoke("ingest", str(SAMPLE_CORPUS / "text"), "--db", str(tmp_path / "x.db"),
                          "--scheduler", "tcp://127.0.0.1:9")
    assert code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err, err
    assert "dask scheduler" in err and "Traceback" not in err


def test_connect_needs_workers_or_a_scheduler() -> None:
    with pytest.raises(ScaleError, match="not both"), connect(workers=2, scheduler="tcp://127.0.0.1:1"):
        pass
    with pytest.raises(ScaleError, match="not a scheduler address"):
        scale_cluster.check_address("tcp://127.0.0.1:99999")
    assert scale_cluster.check_address("10.0.0.5:8786") == "tcp://10.0.0.5:8786"


def test_the_readme_and_docs_show_both_forms() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "--workers" in readme and "--scheduler" in readme
    assert (Path(__file__).resolve().parents[1] / "docs" / "scale.md").exists()


def test_a_result_the_store_cannot_hold_is_that_documents_failure(tmp_path: Path) -> None:
    """Two entities under one id (seen on a PolNeAR article) fail that document, not the run."""
    from collections.abc import Iterable

    from interlock.extract.api import DocumentError, extract_records
    from interlock.model import ExtractedDocument

    def doubling(records: Iterable[dict[str, Any]]) -> Iterator[ExtractedDocument | DocumentError]:
        for res in extract_records(records):
            if isinstance(res, ExtractedDocument) and res.id == "twice" and res.entities:
                res.entities.append(res.entities[0])
            yield res

    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(json.dumps({"id": i, "text": "Karim Haddad met the US ambassador in Baghdad."})
                                for i in ("twice", "once")) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "t.db") as store:
        report = ingest([str(source)], store, extractor=doubling, refresh=False)
        assert store.status_of("once", "Karim Haddad met the US ambassador in Baghdad.") == "unchanged"
        assert store.status_of("twice", "Karim Haddad met the US ambassador in Baghdad.") == "new"
    assert report.stored == ["once"]
    assert len(report.failures) == 1 and report.failures[0].startswith("twice: extraction gave two items the id")


@pytest.mark.slow
def test_a_document_that_keeps_killing_workers_is_reported_alone(tmp_path: Path) -> None:
    """Dask gives up on a task that killed its workers (here at once); its other documents are run
    alone and stored, and only the document at fault is reported."""
    import dask

    lines = [json.dumps({"id": i, "text": f"Karim Haddad met the US ambassador in Baghdad ({i})."})
             for i in ("a", "poison", "b", "c")]
    source = tmp_path / "poison.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), connect(workers=1) as client, \
            SQLiteStore(tmp_path / "p.db") as store:
        report = ingest([str(source)], store, refresh=False, extractor=DaskExtractor(client, task=dying_batch))
    assert report.stored == ["a", "b", "c"]
    assert len(report.failures) == 1, report.failures
    assert report.failures[0].startswith("poison: extraction failed on the Dask cluster: it killed its worker")


class _Source:
    """Records 0..n-1 (a reading error instead of record ``fail_at``), counting how many were read."""

    def __init__(self, n: int, fail_at: int | None = None) -> None:
        self.n, self.fail_at, self.read = n, fail_at, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in range(self.n):
            if i == self.fail_at:
                raise OSError(f"cannot read record {i}")
            self.read += 1
            yield {"id": f"r{i}", "text": f"Record {i}."}


def test_read_ahead_is_bounded_in_order_and_raises_a_reading_error_in_its_place() -> None:
    from interlock.scale.runner import ReadAhead

    source = _Source(10)
    ahead = ReadAhead(source, 3)
    assert ahead.fill() == 3 and source.read == 3 and ahead.fill() == 0 and source.read == 3
    assert next(ahead)["id"] == "r0" and len(ahead) == 2
    polls = iter([True, False])
    assert ahead.fill(while_=lambda: next(polls)) == 1 and source.read == 4  # stops when the task is done
    assert [r["id"] for r in ahead] == [f"r{i}" for i in range(1, 10)]  # the rest asked for read as asked

    failing = _Source(10, fail_at=4)
    ahead = ReadAhead(failing, 8)
    assert ahead.fill() == 4 and failing.read == 4  # the error ends the reading ahead
    assert [next(ahead)["id"] for _ in range(4)] == ["r0", "r1", "r2", "r3"]
    with pytest.raises(OSError, match="cannot read record 4"):
        next(ahead)
    assert list(ahead) == []


class _Future:
    """A task that is done after it has been asked ``polls`` times."""

    def __init__(self, value: list[Any], polls: int) -> None:
        self.value, self.polls = value, polls

    def done(self) -> bool:
        self.polls -= 1
        return self.polls < 0

    def result(self) -> list[Any]:
        return self.value

    def release(self) -> None:
        pass


class _Client:
    """A cluster whose tasks each take a few polls, and that counts the records submitted."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, task: Any, records: list[dict[str, Any]], pure: bool = True) -> _Future:
        self.submitted += len(records)
        return _Future(task(records), polls=5)


def _echo(records: list[dict[str, Any]]) -> list[Any]:
    return [r["id"] for r in records]


def test_records_are_read_ahead_while_a_task_runs_within_the_bound_and_results_keep_input_order() -> None:
    client = _Client()
    source = _Source(40)
    extractor = DaskExtractor(client, task_size=2, in_flight=2, task=_echo, read_ahead=5)  # type: ignore[arg-type]
    seen = []
    for result in extractor(source):
        # never more read than submitted, a task being filled (under task_size) and the read-ahead
        assert source.read - client.submitted <= 5 + 1
        seen.append(result)
    assert seen == [f"r{i}" for i in range(40)]

    # reading ahead ran: by the first result, records of tasks not yet submitted had been read
    client, source = _Client(), _Source(40)
    results = DaskExtractor(client, task_size=2, in_flight=2, task=_echo, read_ahead=5)(source)  # type: ignore[arg-type]
    assert next(results) == "r0" and source.read == client.submitted + 5

    # a reading error surfaces where it would without reading ahead: after the same results
    plain = list(_run_until_error(DaskExtractor(_Client(), task_size=2, in_flight=2, task=_echo, read_ahead=0),  # type: ignore[arg-type]
                                  _Source(40, fail_at=13)))
    ahead = list(_run_until_error(DaskExtractor(_Client(), task_size=2, in_flight=2, task=_echo, read_ahead=5),  # type: ignore[arg-type]
                                  _Source(40, fail_at=13)))
    assert ahead == plain and plain[-1] == "OSError: cannot read record 13" and len(plain) > 1


def _run_until_error(extractor: DaskExtractor, source: _Source) -> Iterator[str]:
    try:
        yield from extractor(source)
    except OSError as exc:
        yield f"OSError: {exc}"


def _dask_level() -> int:
    import logging

    return logging.getLogger("distributed.worker").getEffectiveLevel()


@pytest.mark.slow
def test_a_local_cluster_closes_without_its_workers_logging_and_this_process_keeps_its_levels() -> None:
    """Closing a local cluster races a worker's heartbeat against the scheduler's close; the
    worker then logs a traceback (CI saw one after `ingest --workers 2`). The workers and
    their nannies are silenced before the close; this process's levels come back after it."""
    import logging

    before = logging.getLogger("distributed").level
    with connect(workers=1) as client:
        scale_cluster.quiet_shutdown(client)
        assert set(client.run(_dask_level).values()) == {logging.CRITICAL}
        assert set(client.run(_dask_level, nanny=True).values()) == {logging.CRITICAL}
        assert _dask_level() == logging.CRITICAL
    assert logging.getLogger("distributed").level == before
