"""Time and peak memory of `interlock export` on the synthetic store, per format, full size and a tenth.

    python bench/export.py [--statements 1000000] [--entities 100000] [--formats ftm,stix,...]

Builds the synthetic store of bench/store.py (generated statements between
generated actors in 10,000 documents), at full size and at a tenth of it, adds
actors, claims and statement grades as resolution and grading would (random
grades), then runs each export in its own process and prints the wall time and
the process's peak resident memory. Exports stream, so memory must not follow the
store: the target is peak(full) / peak(tenth) <= 1.5 for every format.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

FORMATS = ["jsonl", "csv", "cypher", "gexf", "graphml", "stix", "ftm"]


def build(path: Path, statements: int, entities: int) -> float:
    """The synthetic store of bench/store.py, resolved and graded with made-up grades."""
    from store import build as build_statements  # bench/store.py

    from interlock.store import SQLiteStore

    start = time.perf_counter()
    with SQLiteStore(path) as store:
        build_statements(store, entities, statements, random.Random(7))
        c = store.conn
        c.execute("BEGIN")
        c.execute("UPDATE documents SET title = 'Synthetic document ' || id, url = 'https://example.invalid/' || id")
        c.execute("INSERT INTO actors (id, label, name, names, kinds) SELECT actor_id, label, name, "
                  "json_array(name, 'Synth ' || name), '[]' FROM entities")
        key = "'claim_' || subject_id || '_' || predicate || '_' || object_id"
        c.execute(
            f"INSERT INTO claims (id, subject_actor, predicate, object_actor, origins, corroboration, "  # noqa: S608
            f"contradicted_by, letter, credibility, grade, reason) SELECT {key}, subject_id, predicate, object_id, "
            f"'[]', count(*), CASE WHEN min(id) LIKE '%7' THEN '[\"someone\"]' ELSE '[]' END, "
            f"substr('ABCDEF', 1 + abs(random()) % 6, 1), 1 + abs(random()) % 6, '', 'synthetic' "
            f"FROM statements GROUP BY subject_id, predicate, object_id"
        )
        c.execute("UPDATE claims SET grade = letter || credibility")
        c.execute(
            f"INSERT INTO statement_grades (statement_id, claim_id, attribution_type, origin, letter, credibility, "  # noqa: S608
            f"grade, reason) SELECT s.id, {key.replace('subject_id', 's.subject_id').replace('predicate', 's.predicate').replace('object_id', 's.object_id')}, "
            f"'outlet', 'outlet:synthetic', c.letter, c.credibility, c.grade, 'synthetic' FROM statements s "
            f"JOIN claims c ON c.id = {key.replace('subject_id', 's.subject_id').replace('predicate', 's.predicate').replace('object_id', 's.object_id')}"
        )
        c.execute("COMMIT")
        c.execute("ANALYZE")
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss would carry the parent's over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(fmt: str, db: str, out: str) -> None:
    """One export in this process; prints its summary, time and peak memory as JSON."""
    from interlock.export import export
    from interlock.store import SQLiteStore

    with SQLiteStore(db) as store:
        start = time.perf_counter()
        summary = export(store, fmt, out)
        seconds = time.perf_counter() - start
    peak_mb = peak_rss_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "written": summary["written"]}))


def run_child(fmt: str, db: Path, tmp: Path) -> dict[str, object]:
    out = tmp / (fmt if fmt == "csv" else f"export.{fmt}")
    done = subprocess.run([sys.executable, __file__, "--child", fmt, str(db), str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"export {fmt} failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in out.iterdir()) if out.is_dir() else out.stat().st_size
    result["mb_written"] = size / 1e6
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    formats = [f for f in args.formats.split(",") if f]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sizes = {"full": (args.statements, args.entities), "tenth": (args.statements // 10, args.entities // 10)}
        dbs = {}
        for name, (n_st, n_ent) in sizes.items():
            dbs[name] = tmp / f"{name}.db"
            took = build(dbs[name], n_st, n_ent)
            print(f"built the {name} store: {n_st:,} statements, {n_ent:,} actors, graded, in {took:.1f} s", flush=True)
        print(f"{'format':8} {'full: s':>9} {'peak MB':>8} {'MB out':>8} {'tenth: s':>9} {'peak MB':>8}  "
              f"{'peak ratio':>10}  (target <= 1.5)")
        worst = 0.0
        for fmt in formats:
            full = run_child(fmt, dbs["full"], tmp)
            tenth = run_child(fmt, dbs["tenth"], tmp)
            ratio = float(full["peak_mb"]) / float(tenth["peak_mb"])  # type: ignore[arg-type]
            worst = max(worst, ratio)
            print(f"{fmt:8} {full['seconds']:9.1f} {full['peak_mb']:8.0f} {full['mb_written']:8.0f} "
                  f"{tenth['seconds']:9.1f} {tenth['peak_mb']:8.0f}  {ratio:10.2f}  {json.dumps(full['written'])}",
                  flush=True)
        print(f"worst peak-memory ratio full/tenth: {worst:.2f} ({'meets' if worst <= 1.5 else 'misses'} the 1.5 target)")


if __name__ == "__main__":
    main()
