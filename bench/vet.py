"""Vetting time of the shipped rule pack over the synthetic store, at two sizes.

    python bench/vet.py [--small 100000] [--large 1000000] [--rounds 3]

Builds the synthetic store of ``bench/store.py`` (one entity per ten statements,
10,000 documents) and adds what the rules look for: organisations described as
militias, coalitions and foreign security services; candidacies (statements and
dated registration events); former posts with end dates; planned and conditional
posts; and grades for a third of the statements. Then times ``vet`` with the
shipped pack at both sizes: each round vets the small store then the large one, back to
back, and the figure is the median of the rounds' ratios (at least three), so that it holds
from run to run on a shared machine. Vetting must grow no worse than linearly (ratio at
most 12 for 10x the statements).
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
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from store import build  # noqa: E402

from interlock.store import SQLiteStore  # noqa: E402
from interlock.vet.engine import vet  # noqa: E402
from interlock.vet.rules import load_pack  # noqa: E402

ORG_DESCRIPTORS = [["militia"], ["political coalition"], ["foreign security service"], ["ministry"]]
GRADES = ["A1", "B2", "B3", "C3", "D4", "E5", "F6"]


def enrich(store: SQLiteStore, n_entities: int, n_statements: int, rng: random.Random) -> dict[str, int]:
    """Give the synthetic store the kinds, candidacies, dates, modalities and grades the rules need."""
    c = store.conn
    c.execute("BEGIN")
    # one entity in 25 is an organisation of one of four kinds
    orgs = [(json.dumps(ORG_DESCRIPTORS[i // 25 % 4]), f"e{i}") for i in range(0, n_entities, 25)]
    c.executemany("UPDATE entities SET label = 'ORG', descriptors = ? WHERE id = ?", orgs)
    c.execute("UPDATE entities SET actor_id = name_key WHERE actor_id IS NULL")
    c.execute("INSERT INTO entities (id, document_id, label, name, anonymous, descriptors, name_key, actor_id) "
              "VALUES ('vote', 'd0', 'EVENT', 'general election', 0, '[]', 'EVENT:vote', 'EVENT:vote')")
    # one person in 50 is a candidate; half of them with a dated registration
    people = [i for i in range(n_entities) if i % 25 and i % 50 == 1]
    c.executemany(
        "INSERT INTO statements (id, document_id, subject_id, predicate, object_id, status, modality, time, "
        "evidence_text, evidence_start, evidence_end) VALUES (?, ?, ?, 'candidate_in', 'vote', 'current', "
        "'asserted', '2024-11-05', 'synthetic candidacy', 0, 18)",
        [(f"c{i}", f"d{i % 10_000}", f"e{i}") for i in people],
    )
    c.executemany(
        "INSERT INTO events (id, document_id, type, participants, time, interval_from, interval_to, topics, secret, "
        "modality, uncertain, evidence_start, evidence_end, evidence_text) VALUES (?, ?, 'candidacy', ?, ?, ?, ?, "
        "'[]', 0, 'asserted', '[]', 0, 10, 'registered')",
        [(f"v{i}", f"d{i % 10_000}", json.dumps([f"e{i}"]), day, day, day)
         for i in people[::2] for day in [f"2024-{1 + i % 9:02d}-{1 + i % 27:02d}"]],
    )
    # statements: a tenth are former posts with an end date, a twentieth planned or conditional
    updates = []
    for j in range(0, n_statements, 10):
        updates.append(("former", "asserted", f"2023-{1 + j % 12:02d}-{1 + j % 28:02d}", f"s{j}"))
    for j in range(5, n_statements, 20):
        updates.append(("planned", rng.choice(["planned", "conditional"]), None, f"s{j}"))
    c.executemany("UPDATE statements SET status = ?, modality = ?, valid_to = ? WHERE id = ?", updates)
    graded = [(f"s{j}", g[0], int(g[1]), g) for j in range(0, n_statements, 3) for g in [rng.choice(GRADES)]]
    c.executemany("INSERT INTO statement_grades VALUES (?, 'c', 'outlet', 'o', ?, ?, ?, 'synthetic grade')", graded)
    c.execute("COMMIT")
    c.execute("ANALYZE")
    # the bulk load left every page in the write-ahead log: fold it into the database file, as a
    # store that was ingested document by document would be, so reads do not search a huge WAL index
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"organisations": len(orgs), "candidates": len(people), "graded": len(graded)}


def make(n_statements: int, folder: Path) -> SQLiteStore:
    """The synthetic store of that size, built and enriched for the rules."""
    rng = random.Random(7)
    n_entities = max(1000, n_statements // 10)
    store = SQLiteStore(folder / f"bench-{n_statements}.db")
    start = time.perf_counter()
    build(store, n_entities, n_statements, rng)
    added = enrich(store, n_entities, n_statements, rng)
    print(f"{n_statements:>9,} statements, {n_entities:,} entities ({added['organisations']:,} organisations, "
          f"{added['candidates']:,} candidates, {added['graded']:,} graded) built in "
          f"{time.perf_counter() - start:.1f} s", flush=True)
    return store


def timed(store: SQLiteStore, pack: Any) -> tuple[float, list[dict[str, Any]]]:
    start = time.perf_counter()
    found = vet(store, pack)
    return time.perf_counter() - start, found


def findings(n: int, times: list[float], found: list[dict[str, Any]]) -> None:
    by_rule: dict[str, int] = {}
    for f in found:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    print(f"{n:>9,} statements: vet median {statistics.median(times):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times)}); {len(found):,} findings {json.dumps(by_rule)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of small then large (at least 3)")
    args = parser.parse_args()
    rounds = max(3, args.rounds)
    pack = load_pack()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = make(args.small, Path(tmp)), make(args.large, Path(tmp))
        small_times, large_times, ratios = [], [], []
        small_found: list[dict[str, Any]] = []
        large_found: list[dict[str, Any]] = []
        for k in range(rounds):
            s_time, small_found = timed(small, pack)
            l_time, large_found = timed(large, pack)
            small_times.append(s_time)
            large_times.append(l_time)
            ratios.append(l_time / s_time)
            print(f"round {k + 1}: {s_time:.2f} s and {l_time:.2f} s, ratio {l_time / s_time:.2f}", flush=True)
        small.close()
        large.close()
    findings(args.small, small_times, small_found)
    findings(args.large, large_times, large_found)
    ratio = statistics.median(ratios)
    print(f"ratio {args.large:,} / {args.small:,} statements = {ratio:.2f} (median of {rounds} rounds: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; target <= 12)")
    sys.exit(0 if ratio <= 12 else 1)


if __name__ == "__main__":
    main()
