"""Query latency of a large synthetic store, and the cost of storing against extraction alone.

    python bench/store.py [--statements 1000000] [--entities 100000] [--queries 200]

1. Builds a store of generated statements (not extracted): ENTITIES actors in
   10,000 documents, STATEMENTS statements between them, and prints the median
   and 95th percentile time of ``show`` and of a 3-hop ``ties`` query between
   random actors. Targets: show p95 < 50 ms, ties p95 < 300 ms.
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

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock import query  # noqa: E402
from interlock.extract.api import extract_records  # noqa: E402
from interlock.refresh import refresh  # noqa: E402
from interlock.store import SQLiteStore  # noqa: E402

PREDICATES = ["holds_position", "member_of", "leader_of", "backed_by", "affiliated_with", "met_with"]


def build(store: SQLiteStore, n_entities: int, n_statements: int, rng: random.Random) -> list[str]:
    """Fill the store with synthetic documents, actors and statements; return actor names."""
    c = store.conn
    n_docs = 10_000
    names = [f"Actor{i:06d} Synth" for i in range(n_entities)]
    c.execute("BEGIN")
    c.executemany(
        "INSERT INTO documents (id, content_hash, text, ingested_at, published) VALUES (?, ?, '', '2024-01-01', ?)",
        [(f"d{i}", f"h{i}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(n_docs)],
    )
    c.executemany(
        "INSERT INTO entities (id, document_id, label, name, anonymous, descriptors, name_key, actor_id) "
        "VALUES (?, ?, 'PERSON', ?, 0, '[]', ?, ?)",
        [(f"e{i}", f"d{i % n_docs}", names[i], f"PERSON:actor{i:06d} synth", f"PERSON:actor{i:06d} synth")
         for i in range(n_entities)],
    )
    c.executemany(
        "INSERT INTO mentions (entity_id, document_id, start, end, text, kind) VALUES (?, ?, 0, 5, ?, 'name')",
        [(f"e{i}", f"d{i % n_docs}", names[i]) for i in range(n_entities)],
    )
    rows = []
    for j in range(n_statements):
        s, o = rng.randrange(n_entities), rng.randrange(n_entities)
        rows.append((f"s{j}", f"d{j % n_docs}", f"e{s}", rng.choice(PREDICATES), f"e{o}", "current",
                     "asserted", "synthetic evidence sentence", 0, 28))
        if len(rows) == 100_000:
            _insert_statements(c, rows)
            rows = []
    _insert_statements(c, rows)
    c.execute("COMMIT")
    c.execute("ANALYZE")
    return names


def _insert_statements(c: object, rows: list[tuple[object, ...]]) -> None:
    c.executemany(  # type: ignore[attr-defined]
        "INSERT INTO statements (id, document_id, subject_id, predicate, object_id, status, modality, "
        "evidence_text, evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        names = build(store, args.entities, args.statements, rng)
        print(f"built {args.statements:,} statements over {args.entities:,} actors "
              f"in {time.perf_counter() - start:.1f} s")
        picks = [rng.choice(names) for _ in range(args.queries)]
        show_ms = [timed(query.show, store, name) for name in picks]
        pairs = [(rng.choice(names), rng.choice(names)) for _ in range(args.queries)]
        ties_ms = [timed(query.ties, store, a, b, 3) for a, b in pairs]
        print(f"show          {percentiles(show_ms)}   (target p95 < 50 ms)")
        print(f"ties, 3 hops  {percentiles(ties_ms)}   (target p95 < 300 ms)")
        store.close()
    print(f"ingest (extract, store, resolve, grade) / extract alone = {ingest_ratio():.3f} (median of 5 rounds; target <= 1.15)")


if __name__ == "__main__":
    main()
