"""Long documents: extraction of one 200 KB text against ten 20 KB texts, in one run.

    python bench/long_docs.py [--size 200000] [--parts 10]

The texts are our own writing (the fictional corpus in examples/corpus and the
test articles), joined paragraph by paragraph into one stream: the long text is
its first SIZE characters, the short texts that same text cut at paragraph
breaks into PARTS pieces, so both sides extract the same words. Prints both
times and the ratio long/short, which must stay at or below 2 (extraction near
linear in the length of a document: every per-document look-up goes through an
index, not a scan). Absolute times depend on the machine; the ratio is what to
compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock.extract.api import extract  # noqa: E402

LIMIT = 2.0


def paragraphs() -> list[str]:
    """Paragraphs of our own articles, in a fixed order."""
    texts = [json.loads(line)["text"] for line in (REPO / "examples" / "corpus" / "articles.jsonl")
             .read_text("utf-8").splitlines() if line.strip()]
    texts += [p.read_text("utf-8") for p in sorted((REPO / "examples" / "corpus" / "text").glob("*.txt"))]
    texts += [json.loads(p.read_text("utf-8"))["text"]
              for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*.json"))]
    return [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]


def build(size: int, parts: int) -> tuple[str, list[str]]:
    """The long text of ``size`` characters and the same text in ``parts`` pieces."""
    paras = paragraphs()
    chosen: list[str] = []
    total = 0
    i = 0
    while total < size:
        p = paras[i % len(paras)]
        chosen.append(p)
        total += len(p) + 2
        i += 1
    long_text = "\n\n".join(chosen)[:size]
    pieces: list[str] = []
    current: list[str] = []
    length = 0
    for p in long_text.split("\n\n"):
        current.append(p)
        length += len(p) + 2
        if length >= size / parts and len(pieces) < parts - 1:
            pieces.append("\n\n".join(current))
            current, length = [], 0
    pieces.append("\n\n".join(current))
    return long_text, pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="characters of the long text")
    parser.add_argument("--parts", type=int, default=10, help="how many short texts it is cut into")
    args = parser.parse_args()

    long_text, pieces = build(args.size, args.parts)
    extract("A warm-up sentence. The minister Ali Hasan met the envoy.", published="2027-03-01")
    start = time.perf_counter()
    for piece in pieces:
        extract(piece, published="2027-03-01")
    short = time.perf_counter() - start
    start = time.perf_counter()
    doc = extract(long_text, published="2027-03-01")
    long = time.perf_counter() - start
    ratio = long / short
    print(f"{len(pieces)} texts of about {len(long_text) // len(pieces):,} characters: {short:.1f} s")
    print(f"one text of {len(long_text):,} characters: {long:.1f} s "
          f"({len(doc.entities)} entities, {len(doc.statements)} statements)")
    print(f"ratio long/short: {ratio:.2f} (at most {LIMIT})")
    sys.exit(0 if ratio <= LIMIT else 1)


if __name__ == "__main__":
    main()
