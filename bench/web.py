"""Response times of the web explorer on a large synthetic store, over loopback.

    python bench/web.py [--statements 1000000] [--entities 100000] [--requests 60]

Builds the synthetic store of ``bench/store.py`` (generated statements, not extracted), grades a
third of its statements into claims (as credibility would: a claim row and a statement grade
each), starts ``interlock serve`` on a free loopback port in its own process, and times
``--requests`` requests per endpoint, each for a different random actor or claim: the actor,
graph (2 hops) and claim pages and their JSON twins. Prints the median and 95th percentile.
Targets: actor and claim p95 < 100 ms, graph p95 < 500 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from store import build  # noqa: E402

from interlock.store import SQLiteStore  # noqa: E402

GRADES = ["A1", "B2", "B3", "C3", "D4", "E5", "F6"]
TARGETS = {"actor": 100.0, "claim": 100.0, "graph": 500.0}


def grade_claims(store: SQLiteStore) -> list[str]:
    """A claim for every third statement, graded; one in 50 of them contradicted. Returns claim ids."""
    c = store.conn
    c.execute("BEGIN")
    c.execute(
        "INSERT INTO claims (id, subject_actor, predicate, object_actor, origins, corroboration, contradicted_by, "
        "letter, credibility, grade, reason) SELECT 'claim_' || s.id, se.actor_id, s.predicate, oe.actor_id, "
        "'[\"synthetic outlet\"]', 1 + s.rowid % 4, CASE WHEN s.rowid % 150 = 0 THEN '[\"other\"]' ELSE '[]' END, "
        "substr('ABCDEF', 1 + s.rowid % 6, 1), 1 + s.rowid % 6, "
        "substr('ABCDEF', 1 + s.rowid % 6, 1) || (1 + s.rowid % 6), 'synthetic grade' "
        "FROM statements s JOIN entities se ON se.id = s.subject_id JOIN entities oe ON oe.id = s.object_id "
        "WHERE s.rowid % 3 = 0")
    c.execute(
        "INSERT INTO statement_grades (statement_id, claim_id, attribution_type, origin, letter, credibility, grade, "
        "reason) SELECT s.id, 'claim_' || s.id, 'outlet', 'synthetic outlet', substr('ABCDEF', 1 + s.rowid % 6, 1), "
        "1 + s.rowid % 6, substr('ABCDEF', 1 + s.rowid % 6, 1) || (1 + s.rowid % 6), 'synthetic grade' "
        "FROM statements s WHERE s.rowid % 3 = 0")
    c.execute("COMMIT")
    c.execute("ANALYZE")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [r[0] for r in c.execute("SELECT id FROM claims ORDER BY random() LIMIT 2000")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return statistics.median(ms), ms[round(0.95 * (len(ms) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per endpoint")
    args = parser.parse_args()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        with SQLiteStore(db) as store:
            build(store, args.entities, args.statements, rng)
            claims = grade_claims(store)
        print(f"built {args.statements:,} statements over {args.entities:,} actors, "
              f"{len(claims):,} sampled claims, in {time.perf_counter() - start:.1f} s")
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(REPO))
        server = subprocess.Popen([sys.executable, "-m", "interlock.cli", "serve", "--db", str(db), "--port", str(port)],
                                  env=env, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=600, trust_env=False) as client:
                deadline = time.monotonic() + 120
                while True:
                    try:
                        client.get("/api/stats")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline or server.poll() is not None:
                            raise SystemExit("the server did not start") from None
                        time.sleep(0.2)
                actors = [f"PERSON:actor{rng.randrange(args.entities):06d} synth" for _ in range(args.requests * 2 + 4)]
                # warm up: the findings of the rule pack and the actor kinds are computed once per server
                start = time.perf_counter()
                for a in actors[:4]:
                    for url in (f"/actors/{quote(a)}", f"/graph?actor={quote(a)}&hops=2"):
                        r = client.get(url)
                        assert r.status_code == 200, (url, r.status_code, r.text[:300])
                print(f"warm-up (findings of the rule pack, actor kinds) {time.perf_counter() - start:.1f} s")
                picks = actors[4:]
                endpoints = {
                    "actor": lambda i: f"/actors/{quote(picks[i])}",
                    "actor API": lambda i: f"/api/actors/{quote(picks[i])}",
                    "graph": lambda i: f"/graph?actor={quote(picks[-1 - i])}&hops=2",
                    "graph API": lambda i: f"/api/graph?actor={quote(picks[-1 - i])}&hops=2",
                    "claim": lambda i: f"/claims/{claims[i]}",
                    "claim API": lambda i: f"/api/claims/{claims[i]}",
                }
                sizes: dict[str, list[int]] = {}
                failed = False
                for name, url_of in endpoints.items():
                    times = []
                    for i in range(args.requests):
                        t0 = time.perf_counter()
                        r = client.get(url_of(i))
                        times.append((time.perf_counter() - t0) * 1000)
                        assert r.status_code == 200, (url_of(i), r.status_code, r.text[:300])
                        if name == "graph API":
                            sizes.setdefault("nodes", []).append(len(r.json()["nodes"]))
                            sizes.setdefault("edges", []).append(len(r.json()["edges"]))
                    median, p95 = percentiles(times)
                    target = TARGETS[name.split()[0]]
                    ok = p95 < target
                    failed |= not ok
                    print(f"{name:10} median {median:7.1f} ms   p95 {p95:7.1f} ms   (target p95 < {target:.0f} ms)"
                          f"{'' if ok else '   MISSED'}")
                if sizes:
                    print(f"graph, 2 hops: median {statistics.median(sizes['nodes']):.0f} actors and "
                          f"{statistics.median(sizes['edges']):.0f} ties drawn")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
