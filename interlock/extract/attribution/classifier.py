"""The learned cue classifier: its model file, the lemmas' training cue rates, and a candidate's probability.

Reads no Doc: it weighs the features of a candidate cue (``features``). A logistic
model trained on PolNeAR (``scripts/train_attribution.py``) lives in
``interlock/models/attribution.json`` as a sparse feature -> weight map with an
intercept, a threshold and each lemma's cue rate over the training split
(``lemma_prior``), and is applied here with plain Python, without scikit-learn.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "attribution.json"


#: lemma -> [times a cue, times a candidate] over the training split
Priors = dict[str, list[int]]


def prior_bucket(lemma: str, priors: Priors | None) -> str:
    """How often a lemma was a cue in training, as a coarse bucket.

    The linear model cannot cross a lemma with its context; a bucket of the
    lemma's cue rate can be crossed with a few context features instead, which
    also carries what was learnt from frequent lemmas over to rare ones.
    """
    if priors is None:
        return "none"
    pos, total = priors.get(lemma, (0, 0))
    if total == 0:
        return "unseen"
    rate = (pos + 0.2) / (total + 1.0)
    bucket = min(int(rate * 8), 7)
    return f"{bucket}{'r' if total < 4 else ''}"


def prior_features(bucket: str, context: list[str]) -> list[str]:
    """The prior bucket alone and crossed with each context feature."""
    return [f"prior={bucket}"] + [f"prior|{c}={bucket}" for c in context]


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> dict[str, Any]:
    """The cue model: ``{"weights": {feature: weight}, "threshold": t, ...}``."""
    p = Path(path) if path else MODEL_PATH
    with p.open(encoding="utf-8") as fh:
        model: dict[str, Any] = json.load(fh)
    return model


def cue_probability(feats: list[str], model: dict[str, Any]) -> float:
    """The model's probability that a candidate with these features is a cue."""
    w: dict[str, float] = model["weights"]
    z = float(model.get("intercept", 0.0)) + sum(map(w.get, feats, repeat(0.0)))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
