"""Peak memory of ingesting the sample corpus once against ingesting it 40 times over.

    python bench/ingest_memory.py [--times 40]

Each ingest runs in its own process (``interlock ingest``) into a fresh store; the
corpus repeated N times gets new ids per copy, so every document is extracted and
stored. Prints both peak resident sizes and their ratio, which must stay within
1.20: memory does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus" / "articles.jsonl"


def write_corpus(path: Path, times: int) -> int:
    records = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for k in range(times):
            for rec in records:
                fh.write(json.dumps(dict(rec, id=f"{rec['id']}-{k}"), ensure_ascii=False) + "\n")
    return len(records) * times


def peak_rss_mb(corpus: Path, db: Path) -> float:
    """Peak resident memory of one ingest process, in MB."""
    code = (
        "import resource, sys; from interlock.cli import main; sys.argv = ['interlock', 'ingest', "
        f"{str(corpus)!r}, '--db', {str(db)!r}, '-q'];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        once, many = Path(tmp) / "once.jsonl", Path(tmp) / "many.jsonl"
        n_once = write_corpus(once, 1)
        n_many = write_corpus(many, args.times)
        small = peak_rss_mb(once, Path(tmp) / "once.db")
        large = peak_rss_mb(many, Path(tmp) / "many.db")
    print(f"ingest {n_once} documents: peak {small:.0f} MB")
    print(f"ingest {n_many} documents: peak {large:.0f} MB")
    print(f"peak memory ratio = {large / small:.3f} (limit 1.20)")


if __name__ == "__main__":
    main()
