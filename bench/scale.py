"""Ingest on a local Dask cluster: 2 workers over 1, sustained articles per second, peak memory.

    python bench/scale.py [--data ../shared/evaldata] [--ratio-articles 200] [--articles 2000] [--rounds 1]

Input: PolNeAR news articles (train then dev, about 740 words each, read from the
evaluation data and never copied into the repository), cycled under new ids
when more are asked for than there are; without the data, the sample corpus's
articles are cycled instead (and the figures say so). The input is written to a
temporary JSON lines file, which every run reads.

Each run is its own process, as ``interlock ingest --workers N`` is: a local
cluster of N worker processes (one thread and one pipeline each), the client
reading, checking and storing into a fresh SQLite store while the workers
extract. A run's time is the ``ingest`` call alone, from the first document read
to the last stored (starting the cluster and loading the pipelines happen
before, resolution and grading after, and are printed apart).

1. Throughput with 2 workers over 1 worker on the first RATIO-ARTICLES articles,
   each round running both back to back; the median of the rounds' ratios
   (target at least 1.7 on a 2-core machine).
2. Sustained ingest with 2 workers over the first ARTICLES articles, in articles
   per second, overall and per quarter of the run (it must not slow down as the
   store grows).
3. The peak resident memory of the client and of each worker.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def polnear_records(data: Path | None) -> tuple[list[dict[str, Any]], str]:
    """PolNeAR articles as input records (train, then dev), or the sample corpus when absent."""
    from interlock import settings

    root = data or settings.evaldata_dir()
    records: list[dict[str, Any]] = []
    for split in ("polnear-train", "polnear-dev"):
        folder = root / split
        meta: dict[str, dict[str, str]] = {}
        if (folder / "metadata.tsv").exists():
            lines = (folder / "metadata.tsv").read_text("utf-8").splitlines()
            head = lines[0].split("\t")
            for line in lines[1:]:
                row = dict(zip(head, line.split("\t"), strict=False))
                meta[row.get("filename", "")] = row
        for path in sorted((folder / "text").glob("*.txt")) if (folder / "text").exists() else []:
            row = meta.get(path.stem, {})
            records.append({"id": path.stem, "text": path.read_text("utf-8"), "outlet": row.get("publisher"),
                            "published": row.get("publication_date") or None})
    if records:
        return records, f"PolNeAR ({root})"
    sample = REPO / "examples" / "corpus" / "articles.jsonl"
    return [json.loads(line) for line in sample.read_text("utf-8").splitlines() if line.strip()], \
        "the sample corpus (PolNeAR absent)"


def cycled(records: list[dict[str, Any]], n: int) -> Iterator[dict[str, Any]]:
    """The first ``n`` records, cycling under new ids when there are fewer."""
    for i in range(n):
        rec = records[i % len(records)]
        round_ = i // len(records)
        yield rec if round_ == 0 else dict(rec, id=f"{rec['id']}~{round_}")


def write_input(records: list[dict[str, Any]], n: int, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in cycled(records, n):
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_run(workers: int, source: Path, db: Path) -> dict[str, Any]:
    """Ingest ``source`` on a fresh local cluster of ``workers``; times, rates and memory (in this process)."""
    from interlock.ingest import ingest
    from interlock.scale import DaskExtractor, connect
    from interlock.store import SQLiteStore

    started = time.perf_counter()
    stamps: list[float] = []
    with connect(workers=workers) as client, SQLiteStore(db) as store:
        ready = time.perf_counter() - started
        extractor = DaskExtractor(client)
        workers_cpu0 = client.run(_cpu_seconds)
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        report = ingest([str(source)], store, refresh=False, extractor=extractor,
                        progress=lambda done, _e, _t: stamps.append(time.perf_counter() - t0))
        seconds = time.perf_counter() - t0
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        workers_cpu1 = client.run(_cpu_seconds)
        # per worker: an idle one would show a task distribution problem, not a busy machine
        each_cpu = sorted(workers_cpu1[w] - workers_cpu0.get(w, 0.0) for w in workers_cpu1)
        workers_cpu = sum(each_cpu)
        client_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before resolution and grading
        worker_rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        t1 = time.perf_counter()
        from interlock.refresh import refresh

        refresh(store)
        refresh_seconds = time.perf_counter() - t1
    n = len(stamps)
    quarters = []
    for q in range(4):
        lo, hi = n * q // 4, n * (q + 1) // 4
        begin = stamps[lo - 1] if lo else 0.0
        if hi > lo:
            quarters.append((hi - lo) / max(stamps[hi - 1] - begin, 1e-9))
    return {
        "workers": workers, "documents": n, "failed": len(report.failures), "seconds": seconds,
        "rate": n / seconds, "quarters": quarters, "cluster_start": ready, "refresh_seconds": refresh_seconds,
        "workers_cpu": workers_cpu, "each_cpu": each_cpu,
        "client_cpu": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
        "client_rss_mb": client_rss, "load": os.getloadavg()[0],
        "refresh_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": sorted(worker_rss.values()),
    }


def run_child(workers: int, source: Path, folder: Path) -> dict[str, Any]:
    """``one_run`` in its own process, so that its peak memory is its own."""
    db = folder / f"w{workers}-{time.monotonic_ns()}.db"
    out = subprocess.run([sys.executable, __file__, "--child", str(workers), "--input", str(source), "--db", str(db)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"the {workers}-worker run failed:\n{out.stderr[-3000:]}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def show(label: str, r: dict[str, Any]) -> None:
    print(f"{label}: {r['documents']} documents ({r['failed']} failed) in {r['seconds']:.1f} s = "
          f"{r['rate']:.2f} articles/s; the workers had {r['workers_cpu'] / r['seconds']:.2f} cores "
          f"({' + '.join(f'{c:.0f}' for c in r['each_cpu'])} CPU s), "
          f"{r['workers_cpu'] / max(r['documents'], 1):.2f} CPU s per article; quarters {', '.join(f'{q:.2f}' for q in r['quarters'])}; client CPU "
          f"{r['client_cpu']:.1f} s ({100 * r['client_cpu'] / r['seconds']:.0f}% of a core); cluster start "
          f"{r['cluster_start']:.1f} s, resolution and grading after {r['refresh_seconds']:.1f} s (peak RSS then "
          f"{r['refresh_rss_mb']:.0f} MB); peak RSS while ingesting: client "
          f"{r['client_rss_mb']:.0f} MB, workers {', '.join(f'{m:.0f}' for m in r['worker_rss_mb'])} MB; "
          f"load average after {r['load']:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="evaluation data folder (PolNeAR)")
    parser.add_argument("--ratio-articles", type=int, default=200, help="articles for the 2-over-1 ratio")
    parser.add_argument("--articles", type=int, default=2000,
                        help="articles for the sustained 2-worker run (0: the ratio only)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the ratio (1 worker, then 2)")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(one_run(args.child, args.input, args.db)))
        return

    records, origin = polnear_records(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, large = folder / "ratio.jsonl", folder / "sustained.jsonl"
        words = write_input(records, args.ratio_articles, small)
        print(f"input: {origin}; {args.ratio_articles} articles, {words / args.ratio_articles:.0f} words each "
              f"on average; {os.cpu_count()} cores", flush=True)
        ratios: list[float] = []
        cores: list[float] = []  # how much more CPU the two workers got than the one: on a busy machine, less than 2
        for k in range(args.rounds):
            one = run_child(1, small, folder)
            show(f"round {k + 1}, 1 worker ", one)
            two = run_child(2, small, folder)
            show(f"round {k + 1}, 2 workers", two)
            ratios.append(two["rate"] / one["rate"])
            cores.append((two["workers_cpu"] / two["seconds"]) / (one["workers_cpu"] / one["seconds"]))
        ratio = statistics.median(ratios)
        if args.articles <= 0:  # the ratio only
            print(f"throughput 2 workers / 1 worker = {statistics.median(ratios):.2f} (median of {len(ratios)} "
                  f"round(s): {', '.join(f'{r:.2f}' for r in ratios)}; target >= 1.7); CPU the 2 workers had over "
                  f"the 1 worker's = {statistics.median(cores):.2f}")
            return
        words = write_input(records, args.articles, large)
        print(f"sustained: {args.articles} articles, {words / args.articles:.0f} words each on average", flush=True)
        sustained = run_child(2, large, folder)
        show("sustained, 2 workers", sustained)
    print(f"throughput 2 workers / 1 worker = {ratio:.2f} (median of {len(ratios)} round(s): "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; target >= 1.7)")
    print(f"CPU the 2 workers had over the 1 worker's = {statistics.median(cores):.2f} (2.00 on an idle machine); "
          f"articles per worker CPU second, 2 workers over 1 = {ratio / statistics.median(cores):.2f} "
          "(1.00: splitting the work costs nothing)")
    print(f"sustained with 2 workers: {sustained['rate']:.2f} articles/s over {sustained['documents']} articles")
    print(f"peak RSS while ingesting: client {sustained['client_rss_mb']:.0f} MB, workers "
          f"{', '.join(f'{m:.0f}' for m in sustained['worker_rss_mb'])} MB (client with resolution and grading "
          f"after: {sustained['refresh_rss_mb']:.0f} MB)")
    sys.exit(0 if ratio >= 1.7 else 1)


if __name__ == "__main__":
    main()
