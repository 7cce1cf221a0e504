"""Throughput of the full extraction against bare spaCy on the same texts, in one run.

    python bench/throughput.py [--data ../shared/evaldata] [--repeat 3]

Texts: our own test articles, plus the PolNeAR dev articles when the evaluation
data is present. Prints words per second of bare ``nlp.pipe`` and of the full
pipeline (our components on top, plus building the JSON-ready result), and the
ratio full/bare (the median over rounds, each round timing both back to back),
which must stay at or above 0.77 (our components may cost at most 30% on top of
the parse). Absolute speeds depend on the machine; the ratio
is what to compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock import settings  # noqa: E402
from interlock.extract import pipeline, result  # noqa: E402


def load_texts(data: Path | None) -> list[str]:
    texts = [
        json.loads(p.read_text("utf-8"))["text"]
        for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*.json"))
    ]
    folder = (data or settings.evaldata_dir()) / "polnear-dev" / "text"
    if folder.exists():
        texts += [p.read_text("utf-8") for p in sorted(folder.rglob("*.txt"))]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="evaluation data folder")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds of each")
    args = parser.parse_args()

    texts = load_texts(args.data)
    words = sum(len(t.split()) for t in texts)
    bare = pipeline.load_nlp()
    full = pipeline.load_pipeline()
    # warm both up so that lazy loading is not timed
    list(bare.pipe(texts[:3]))
    list(full.pipe([pipeline.make_doc(full, t, "warm") for t in texts[:3]]))

    def time_bare() -> float:
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - start

    def time_full() -> float:
        start = time.perf_counter()
        docs = (pipeline.make_doc(full, t, f"d{i}") for i, t in enumerate(texts))
        for doc in full.pipe(docs, batch_size=16):
            result.build(doc).to_dict()
        return time.perf_counter() - start

    bare_times, full_times = [], []
    for _ in range(args.repeat):  # interleaved so that machine load affects both alike
        bare_times.append(time_bare())
        full_times.append(time_full())
    b, f = min(bare_times), min(full_times)
    # each round's own ratio, bare and full run back to back: the median is robust to drift
    ratios = sorted(bt / ft for bt, ft in zip(bare_times, full_times, strict=True))
    print(f"texts={len(texts)} words={words} rounds={args.repeat}")
    print(f"bare spaCy nlp.pipe      {words / b:10.0f} words/s (best round)")
    print(f"full extraction          {words / f:10.0f} words/s (best round)")
    print(f"per-round ratios: {', '.join(f'{r:.3f}' for r in ratios)}")
    print(f"throughput ratio full/bare = {ratios[len(ratios) // 2]:.3f} (median of rounds; floor 0.77)")


if __name__ == "__main__":
    main()
