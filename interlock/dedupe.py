"""Near-duplicate detection: syndicated copies and light rewrites of one story.

MinHash over word 5-shingles estimates how much of two texts is shared; LSH
banding (16 bands of 4 rows) finds the candidates through an index, so a new
document is compared with the few stored ones that share a band, never with the
whole corpus. Two copies of one wire story are one origin, not two sources.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
#: estimated Jaccard similarity of shingles above which a text is a copy
COPY_THRESHOLD = 0.6

_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20180220)  # fixed: signatures must be the same in every run
_A = _rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    """Hashes of the word 5-grams of a text (lowercased), or of its words when shorter."""
    words = _WORD.findall(text.lower())
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=7).digest(), "big") for g in grams if g}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text: PERMUTATIONS minima of universal hashes."""
    values = np.fromiter(shingles(text), dtype=np.uint64)
    if values.size == 0:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    # (a * x + b) mod p in uint64 wraps; the wrap is a fixed permutation too, which is all MinHash needs
    hashed = (np.outer(values, _A) + _B) % np.uint64(_PRIME)
    return np.asarray(hashed.min(axis=0), dtype=np.uint64)


def bands(sig: np.ndarray) -> list[str]:
    """The LSH band keys of a signature: texts that share one are candidates."""
    return [
        hashlib.blake2b(sig[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for i in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    return float(np.mean(a == b))
