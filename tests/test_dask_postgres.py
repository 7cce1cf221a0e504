"""Ingest on a Dask cluster into a PostgreSQL store: the same documents, actors and grades as
one process storing into SQLite (docs/scale.md: the client stores, into whichever store the
address names; workers only extract)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from interlock.store import SQLiteStore, open_store
from interlock.store.postgres import PostgresStore
from tests.conftest import SAMPLE_CORPUS
from tests.helpers import copy_store, invoke

pytest.importorskip("distributed")

#: what ingest, resolution and grading made of a store, on either backend (no ingest times)
TABLES = {
    "documents": "SELECT id, content_hash, copy_of FROM documents",
    "entities": "SELECT id, document_id, label, name, actor_id FROM entities",
    "actors": "SELECT id, label, name, names, kinds FROM actors",
    "statements": "SELECT id, document_id, subject_id, predicate, object_id, status, modality FROM statements",
    "events": "SELECT id, document_id FROM events",
    "claims": "SELECT id, subject_actor, predicate, object_actor, corroboration, grade, reason FROM claims",
    "grades": "SELECT statement_id, claim_id, origin, grade, reason FROM statement_grades",
}


def snapshot(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {table: sorted(tuple(r) for r in store.sql(sql)) for table, sql in TABLES.items()}


@pytest.mark.slow
def test_two_workers_into_postgresql_store_what_one_process_stores_into_sqlite(
        pg_cluster: Any, sample_store_file: Path, tmp_path: Path) -> None:
    address = pg_cluster.create()
    code, _, err = invoke("ingest", str(SAMPLE_CORPUS), "--outlets", str(SAMPLE_CORPUS / "outlets.yaml"),
                          "--db", address, "--workers", "2")
    assert code == 0, err
    assert "extracting on 2 Dask worker(s) of a local cluster" in err
    assert "0 failed" in err
    with open_store(address) as store:
        assert isinstance(store, PostgresStore)
        distributed = snapshot(store)
    with SQLiteStore(copy_store(sample_store_file, tmp_path)) as store:
        single = snapshot(store)
    assert len(distributed["documents"]) > 20, "the sample corpus was not stored"
    assert distributed["actors"], "resolution made no actors"
    assert distributed["grades"], "grading graded nothing"
    for table in TABLES:
        assert distributed[table] == single[table], f"{table} differ between Dask into PostgreSQL and one process into SQLite"
