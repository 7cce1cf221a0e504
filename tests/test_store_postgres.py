"""The PostgreSQL store (issue 15): its dialect, its full-text search, its schema versions, and
several ``interlock ingest`` processes writing one store at once.

Skipped with the reason when no PostgreSQL server can be started here (tests/pg.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.store import StoreError, open_store
from interlock.store.postgres import PostgresStore, translate, tsquery
from tests.conftest import SAMPLE_CORPUS

REPO = Path(__file__).resolve().parents[1]


def test_sqlite_statements_translate_to_postgresql() -> None:
    assert translate("SELECT a.start, a.end FROM aliases a WHERE id LIKE 'registry:%' AND x = ?") == (
        "SELECT a.start, a.\"end\" FROM aliases a WHERE id ILIKE 'registry:%%' AND x = %s")
    assert translate("INSERT OR IGNORE INTO times (document_id, start, end) VALUES (?, ?, ?)") == (
        'INSERT INTO times (document_id, start, "end") VALUES (%s, %s, %s) ON CONFLICT DO NOTHING')
    assert translate("INSERT OR REPLACE INTO statement_grades (statement_id, grade) VALUES (?, ?)").endswith(
        'ON CONFLICT (statement_id) DO UPDATE SET "grade" = EXCLUDED."grade"')
    assert translate("SELECT group_concat(DISTINCT role) FROM x") == "SELECT string_agg(DISTINCT role, ',') FROM x"
    assert translate("SELECT CASE WHEN a THEN 1 END FROM t") == "SELECT CASE WHEN a THEN 1 END FROM t"


def test_fts5_queries_become_tsqueries() -> None:
    expr, params = tsquery('"Teodor Maras" "general" OR "Khaz"* NOT "trade"')
    assert expr == ("(phraseto_tsquery('simple', %s) && phraseto_tsquery('simple', %s)) || "
                    "(to_tsquery('simple', %s) && !!phraseto_tsquery('simple', %s))")
    assert params == ["Teodor Maras", "general", "khaz:*", "trade"]
    assert tsquery("") == ("to_tsquery('simple', '')", [])


@pytest.fixture(scope="module")
def corpus_pg(pg_cluster: Any) -> str:
    """The sample corpus ingested once into a PostgreSQL database."""
    address = str(pg_cluster.create())
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_CORPUS), "--outlets", str(SAMPLE_CORPUS / "outlets.yaml"),
                                      "--db", address, "-q"])
    assert result.exit_code == 0, result.output
    return address


def test_search_uses_postgresql_full_text(corpus_pg: str) -> None:
    from interlock.query import search

    with open_store(corpus_pg) as store:
        assert isinstance(store, PostgresStore)
        found = search(store, '"Teodor Maras"')
        assert found["actors"] and found["actors"][0]["name"] == "Teodor Maras"
        assert found["documents"] and all("[" in d["snippet"] for d in found["documents"])
        plain = store.sql("SELECT count(*) FROM documents_fts WHERE tsv @@ plainto_tsquery('simple', 'Maras')")
        assert plain[0][0] == len(search(store, "Maras", limit=1000)["documents"])
        assert search(store, '"Maras" NOT "Khazraji"')["documents"] != found["documents"]


def test_each_subsystem_records_its_schema_version_and_a_newer_one_is_refused(pg_cluster: Any) -> None:
    address = pg_cluster.create()
    with open_store(address) as store:
        assert isinstance(store, PostgresStore)
        assert set(store.versions()) == {"documents", "extraction", "resolution", "credibility", "vetting"}
        store.sql("UPDATE schema_versions SET version = 99 WHERE subsystem = 'vetting'")
    with pytest.raises(StoreError, match=r"vetting schema version 99, newer than this Interlock knows .*upgrade"):
        open_store(address)


def _counts(address: str) -> dict[str, Any]:
    with open_store(address) as store:
        out: dict[str, Any] = {t: store.sql(f"SELECT count(*) FROM {t}")[0][0]  # noqa: S608
                               for t in ("documents", "entities", "mentions", "statements", "attributions", "events",
                                         "documents_fts", "names_fts", "document_bands")}
        out["ids"] = sorted(r[0] for r in store.sql("SELECT id FROM documents"))
        out["per_document"] = sorted(tuple(r) for r in store.sql(
            "SELECT d.id, d.content_hash, (SELECT count(*) FROM entities e WHERE e.document_id = d.id), "
            "(SELECT count(*) FROM statements s WHERE s.document_id = d.id) FROM documents d"))
        out["actors"] = store.sql("SELECT count(*) FROM actors")[0][0]
        out["graded"] = store.sql("SELECT count(*) FROM statement_grades")[0][0]
        out["copies"] = store.sql("SELECT count(*) FROM documents WHERE copy_of IS NOT NULL")[0][0]
    return out


def test_two_ingest_processes_on_overlapping_inputs_store_each_document_once(pg_cluster: Any,
                                                                             tmp_path: Path) -> None:
    lines = (SAMPLE_CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 20
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[: len(lines) * 2 // 3]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[len(lines) // 3 :]) + "\n", encoding="utf-8")  # a third in both
    everything = tmp_path / "all.jsonl"
    everything.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def ingest(path: Path, address: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "interlock.cli", "ingest", str(path), "--db", address, "-q"],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    # the one-process reference runs as the writers do (a process of its own, the same code)
    alone = pg_cluster.create()
    reference = ingest(everything, alone)
    assert reference.wait(timeout=900) == 0, reference.communicate()[1]
    shared = pg_cluster.create()
    runs = [ingest(path, shared) for path in (first, second)]
    outputs = [run.communicate(timeout=900) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    stored = [json.loads(x) for x in lines]

    together, single = _counts(shared), _counts(alone)
    assert together["documents"] == len({d["id"] for d in stored if d.get("id")} or lines)
    assert together == single  # no document lost, none twice, the same extraction, resolution and grades


def _bench_store() -> Any:
    """bench/store.py, whose recursive CTE is the measured alternative to the breadth-first ``ties``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_store", REPO / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_recursive_cte_finds_the_paths_ties_finds(pg_cluster: Any, corpus_pg: str) -> None:
    """docs/scale.md compares both on PostgreSQL: both must give the same answer, on the sample
    corpus (several entities per actor, self-ties, statements without an object) and on a
    generated graph dense enough for three hops."""
    import random

    bench = _bench_store()
    with open_store(corpus_pg) as store:
        names = [r[0] for r in store.sql(
            "SELECT a.name FROM actors a WHERE a.label = 'PERSON' AND EXISTS (SELECT 1 FROM entities e "
            "JOIN statements s ON s.subject_id = e.id OR s.object_id = e.id WHERE e.actor_id = a.id) "
            "ORDER BY a.name LIMIT 12")]
        assert len(names) >= 6
        found = 0
        for a in names:
            for b in names:
                if a < b:
                    bfs = bench.ties_bfs(store, a, b)
                    assert bench.ties_cte(store, a, b) == bfs, (a, b)
                    found += len(bfs)
        assert found, "no two of the actors are tied: the comparison compares nothing"
    rng = random.Random(5)
    with open_store(pg_cluster.create()) as store:
        names = bench.build(store, 400, 4000, rng)  # twenty statements touch an actor, as in bench/store.py
        lengths = set()
        for _ in range(40):
            a, b = rng.choice(names), rng.choice(names)
            bfs = bench.ties_bfs(store, a, b)
            assert bench.ties_cte(store, a, b) == bfs, (a, b)
            lengths |= {len(p) for p in bfs}
        assert 3 in lengths and 2 in lengths, lengths
