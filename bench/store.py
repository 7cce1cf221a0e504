"""Query latency of a large synthetic store, and the cost of storing against extraction alone.

    python bench/store.py [--statements 1000000] [--entities 100000] [--queries 200]
                          [--backend sqlite|postgresql|both] [--pg postgresql://...]

1. Builds a store of generated statements (not extracted): ENTITIES actors in
   10,000 documents, STATEMENTS statements between them, and prints the median
   and 95th percentile time of ``show`` and of a 3-hop ``ties`` query between
   random actors, on SQLite and on PostgreSQL side by side (the same actors and
   pairs on both). Targets: show p95 < 50 ms, ties p95 < 300 ms. PostgreSQL is
   the database ``--pg`` names (emptied first), else a throwaway cluster started
   as the tests start theirs (tests/pg.py). On PostgreSQL it also times the
   same search as one recursive CTE (``TIES_CTE``), the alternative to the
   breadth-first search that ``ties`` does there (one query round per step),
   after checking that both find the same paths for every pair.
2. Ingests our own test articles twice over in one run: extraction alone, then
   extraction and storing, and prints the ratio of the times (storing may cost
   at most 15% more: ratio <= 1.15).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock import query  # noqa: E402
from interlock.extract.api import extract_records  # noqa: E402
from interlock.query import paths as query_paths  # noqa: E402
from interlock.refresh import refresh  # noqa: E402
from interlock.store import SQLiteStore, SQLStore, open_store  # noqa: E402

PREDICATES = ["holds_position", "member_of", "leader_of", "backed_by", "affiliated_with", "met_with"]


def rows(n_entities: int, n_statements: int, rng: random.Random) -> tuple[list[str], dict[str, list[tuple[object, ...]]]]:
    """Synthetic documents, actors, mentions and statements (the same for every backend); actor names."""
    n_docs = 10_000
    names = [f"Actor{i:06d} Synth" for i in range(n_entities)]
    out: dict[str, list[tuple[object, ...]]] = {
        "documents": [(f"d{i}", f"h{i}", "", "2024-01-01", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
                      for i in range(n_docs)],
        "entities": [(f"e{i}", f"d{i % n_docs}", "PERSON", names[i], 0, "[]", f"PERSON:actor{i:06d} synth",
                      f"PERSON:actor{i:06d} synth") for i in range(n_entities)],
        "mentions": [(f"e{i}", f"d{i % n_docs}", 0, 5, names[i], "name") for i in range(n_entities)],
        "statements": [],
    }
    for j in range(n_statements):
        s, o = rng.randrange(n_entities), rng.randrange(n_entities)
        out["statements"].append((f"s{j}", f"d{j % n_docs}", f"e{s}", rng.choice(PREDICATES), f"e{o}", "current",
                                  "asserted", "synthetic evidence sentence", 0, 28))
    return names, out


COLUMNS = {
    "documents": "id, content_hash, text, ingested_at, published",
    "entities": "id, document_id, label, name, anonymous, descriptors, name_key, actor_id",
    "mentions": 'entity_id, document_id, start, "end", text, kind',
    "statements": "id, document_id, subject_id, predicate, object_id, status, modality, evidence_text, "
                  "evidence_start, evidence_end",
}


def build(store: SQLStore, n_entities: int, n_statements: int, rng: random.Random) -> list[str]:
    """Fill the store with synthetic documents, actors and statements; return actor names
    (bench/export.py and bench/vet.py build theirs so)."""
    names, data = rows(n_entities, n_statements, rng)
    fill(store, data)
    return names


def fill(store: SQLStore, data: dict[str, list[tuple[object, ...]]]) -> None:
    """Fill the store with the synthetic rows (SQLite: executemany in one transaction; PostgreSQL: COPY)."""
    if isinstance(store, SQLiteStore):
        c = store.conn
        c.execute("BEGIN")
        for table, columns in COLUMNS.items():
            marks = ", ".join("?" * len(columns.split(",")))
            c.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", data[table])  # noqa: S608
        c.execute("COMMIT")
        c.execute("ANALYZE")
        return
    conn = store.conn  # type: ignore[attr-defined]
    with conn.transaction():
        for table, columns in COLUMNS.items():
            with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in data[table]:
                    copy.write_row(row)
    conn.execute("ANALYZE")


def timed(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):7.1f} ms   p95 {ms[int(0.95 * (len(ms) - 1))]:7.1f} ms"


def ingest_ratio(rounds: int = 5) -> float:
    """Time of extraction, storing, resolution and grading over extraction alone, on the same texts.

    Each round times both back to back; the median of the rounds' ratios is robust
    to the drift of a shared machine.
    """
    records = [json.loads(p.read_text("utf-8")) for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*.json"))]
    records = [dict(r, id=f"{r['id']}-{k}") for k in range(4) for r in records]
    list(extract_records(records[:2]))  # load the pipeline first
    extract_only, with_store = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        results = list(extract_records(records))
        extract_only.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "s.db") as store:
            start = time.perf_counter()
            for rec, res in zip(records, extract_records(records), strict=True):
                store.put(res, rec["text"])  # type: ignore[arg-type]
            refresh(store)  # what ingest does once documents are stored: resolve, grade
            with_store.append(time.perf_counter() - start)
        del results
    ratios = sorted(w / e for w, e in zip(with_store, extract_only, strict=True))
    return ratios[len(ratios) // 2]


def latencies(store: SQLStore, picks: list[str], pairs: list[tuple[str, str]]) -> tuple[list[float], list[float]]:
    for name in picks[:5]:
        query.show(store, name)  # warm the caches as a running server would have them
    show_ms = [timed(query.show, store, name) for name in picks]
    ties_ms = [timed(query.ties, store, a, b, 3) for a, b in pairs]
    return show_ms, ties_ms


#: the paths of a ``ties`` search as one recursive CTE: every simple path from the start
#: actor, one statement a step in either direction, up to ``hops`` steps (the last one only
#: to the goal) and not past the goal; the shortest of those that reach the goal are the
#: paths ``query.ties`` finds
TIES_CTE = """
WITH RECURSIVE walk(actor, depth, statements, actors) AS (
    SELECT %(start)s::text, 0, ARRAY[]::text[], ARRAY[%(start)s::text]
  UNION ALL
    SELECT e.other, w.depth + 1, w.statements || e.id, w.actors || e.other
    FROM walk w CROSS JOIN LATERAL (
        SELECT s.id, o.actor_id AS other FROM entities a
          JOIN statements s ON s.subject_id = a.id JOIN entities o ON o.id = s.object_id
          WHERE a.actor_id = w.actor
        UNION ALL
        SELECT s.id, o.actor_id FROM entities a
          JOIN statements s ON s.object_id = a.id JOIN entities o ON o.id = s.subject_id
          WHERE a.actor_id = w.actor
    ) e
    WHERE w.depth < %(hops)s AND w.actor <> %(goal)s AND e.other IS NOT NULL AND e.other <> ALL(w.actors)
      AND (w.depth < %(hops)s - 1 OR e.other = %(goal)s)  -- the last step only to the goal
)
SELECT statements, actors FROM walk
WHERE actor = %(goal)s AND depth = (SELECT min(depth) FROM walk WHERE actor = %(goal)s)
"""


def ties_cte(store: SQLStore, a: str, b: str, hops: int = 3) -> set[tuple[str, ...]]:
    """The shortest paths between two actors (each as its statement ids) by one recursive CTE (PostgreSQL)."""
    start, goal = query.find_actor(store, a), query.find_actor(store, b)
    if start == goal:
        return set()
    rows = store.conn.execute(TIES_CTE, {"start": start, "goal": goal, "hops": hops})  # type: ignore[attr-defined]
    return {tuple(r[0]) for r in rows}


def ties_bfs(store: SQLStore, a: str, b: str, hops: int = 3) -> set[tuple[str, ...]]:
    """The paths ``query.ties`` finds between two actors (each as its statement ids), all of them,
    before they are named, graded and folded."""
    with mock.patch.object(query_paths, "_fold", lambda _store, paths: paths):
        found = query.ties(store, a, b, hops, limit=10**9)
    return {tuple(e["statement"] for e in path) for path in found}


def compare_cte(store: SQLStore, pairs: list[tuple[str, str]]) -> tuple[list[float], list[float], int]:
    """Times of the breadth-first search (its paths unfolded, as the CTE gives them) and of the
    recursive CTE for the same pairs, after checking that both find the same paths; the paths found."""
    found = 0
    for a, b in pairs:
        bfs, cte = ties_bfs(store, a, b), ties_cte(store, a, b)
        if bfs != cte:
            raise SystemExit(f"the recursive CTE and the breadth-first search differ for {a!r} and {b!r}: "
                             f"{len(bfs)} and {len(cte)} paths, {len(bfs & cte)} in both")
        found += len(bfs)
    with mock.patch.object(query_paths, "_fold", lambda _store, paths: paths):
        bfs_ms = [timed(query.ties, store, a, b, 3) for a, b in pairs]
    cte_ms = [timed(ties_cte, store, a, b, 3) for a, b in pairs]
    return bfs_ms, cte_ms, found


def postgres_address(given: str | None) -> tuple[str, object | None]:
    """The database to bench on: the one given (emptied), else a new one in a throwaway cluster."""
    if given:
        import psycopg

        with psycopg.connect(given, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return given, None
    from tests.pg import Cluster

    cluster = Cluster()
    cluster.start()
    return cluster.create(), cluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg", help="a PostgreSQL database to bench on (emptied first); default: a throwaway cluster")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest ratio (part 2)")
    args = parser.parse_args()
    rng = random.Random(7)
    names, data = rows(args.entities, args.statements, rng)
    picks = [rng.choice(names) for _ in range(args.queries)]
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(args.queries)]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results: dict[str, tuple[list[float], list[float]]] = {}
    searches: tuple[list[float], list[float], int] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            cluster = None
            spec: str | Path = Path(tmp) / "bench.db"
            if backend == "postgresql":
                spec, cluster = postgres_address(args.pg)
            try:
                with open_store(spec) as store:
                    start = time.perf_counter()
                    fill(store, data)
                    print(f"{backend}: built {args.statements:,} statements over {args.entities:,} actors "
                          f"in {time.perf_counter() - start:.1f} s", flush=True)
                    results[backend] = latencies(store, picks, pairs)
                    if backend == "postgresql":
                        searches = compare_cte(store, pairs)
            finally:
                if cluster is not None:
                    cluster.stop()  # type: ignore[attr-defined]
    print(f"{'':14}" + "".join(f"{b:>42}" for b in results))
    for label, k, target in (("show", 0, "p95 < 50 ms"), ("ties, 3 hops", 1, "p95 < 300 ms")):
        print(f"{label:14}" + "".join(f"{percentiles(r[k]):>42}" for r in results.values()) + f"   (target {target})")
    if searches is not None:
        print(f"PostgreSQL, 3-hop search alone (before naming, grading, folding): the same {searches[2]:,} "
              f"paths for the {len(pairs)} pairs both ways")
        print(f"{'  breadth-first':14}{percentiles(searches[0]):>42}   (query.ties: one query round per step)")
        print(f"{'  recursive CTE':14}{percentiles(searches[1]):>42}   (TIES_CTE: one statement)")
    if not args.no_ingest and "sqlite" in backends:
        print(f"ingest (extract, store, resolve, grade) / extract alone = {ingest_ratio():.3f} "
              "(median of 5 rounds; target <= 1.15)")


if __name__ == "__main__":
    main()
