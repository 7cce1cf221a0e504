"""The learned cue classifier: its model file, the lemmas' training cue rates, and a candidate's probability.

Reads no Doc: it weighs the features of a candidate cue (``features``), to which
``_with_rules`` adds what the rules built around the cue (which rule gave the
content, whether a speaker was found) and the lemma's cue rate crossed with its
context. A logistic model trained on PolNeAR (``scripts/train_attribution.py``) lives
in ``interlock/models/attribution.json`` as a sparse feature -> weight map with an
intercept, a threshold and each lemma's cue rate over the training split
(``lemma_prior``), and is applied here with plain Python, without scikit-learn.
``_RuleCeiling`` bounds what the rules' features can add, so that a candidate the
model would drop whatever the rules find is not built.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from interlock.extract.state import AttributionDraft

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


#: features crossed with the lemma's training cue rate (see ``prior_bucket``)
_PRIOR_CONTEXT = (
    "dep=", "tag=", "subj_ent=", "subj_pos=", "subj=", "kid=", "rule=", "rule_source=",
    "quote_", "in_quote", "ccomp_", "under_report_verb", "kind=", "content_size=",
    "anonymous_source", "hdep=", "next=", "prev=",
)


def _with_rules(
    tok: Token, feats: list[str], draft: AttributionDraft | None, rule: str, priors: Priors | None
) -> list[str]:
    """A candidate's own features with what the rules built and the prior crosses added."""
    lemma = tok.lemma_.lower()
    has_source = draft is not None and draft.source is not None
    feats += [
        f"rule={rule}",
        f"lemma_rule={lemma}|{rule}",
        f"rule_source={rule}|{has_source}",
        f"lemma_source={lemma}|{has_source}",
    ]
    if draft is not None:
        size = draft.content[1] - draft.content[0]
        feats.append(f"content_size={min(size // 40, 5)}")
        feats.append(f"kind={draft.kind}")
        if draft.anonymous:
            feats.append("anonymous_source")
    if priors is not None:
        context = [x for x in feats if x.startswith(_PRIOR_CONTEXT)]
        feats += prior_features(prior_bucket(lemma, priors), context)
    return feats


#: the features ``_with_rules`` adds that depend on what the rules built, by name
_RULE_FEATURES = frozenset(("rule", "rule_source", "content_size", "kind", "anonymous_source"))
_LEMMA_RULE_FEATURES = frozenset(("lemma_rule", "lemma_source"))


class _RuleCeiling:
    """The most the rules' features can add to a candidate's score, to skip building
    a draft for a candidate that stays below the threshold whatever the rules find.

    Each feature ``_with_rules`` adds takes one value of its kind (one rule, one
    kind of content, ...), so the largest positive weight of each kind, summed,
    bounds what they add; a candidate whose other features and that bound stay
    under the threshold's log-odds is one the model would drop. Output is the same
    as building every draft; the drafts are most of attribution's time.
    """

    def __init__(self, model: dict[str, Any]) -> None:
        self.model = model
        threshold = float(model.get("threshold", 0.5))
        self.usable = 0.0 < threshold < 1.0
        self.log_odds = math.log(threshold / (1.0 - threshold)) if self.usable else 0.0
        self.top: dict[str, float] = {}  # rule features and their prior crosses, by name (and bucket)
        self.of_lemma: dict[tuple[str, str], float] = {}  # lemma_rule, lemma_source by lemma
        for key, weight in model["weights"].items():
            if weight <= 0:
                continue
            name, _, value = key.partition("=")
            if name in _RULE_FEATURES:
                slot = name
            elif name.startswith("prior|") and name[6:] in _RULE_FEATURES:
                slot = f"{name}={value.rpartition('=')[2]}"
            elif name in _LEMMA_RULE_FEATURES:
                lemma_key = (name, value.rpartition("|")[0])
                self.of_lemma[lemma_key] = max(self.of_lemma.get(lemma_key, 0.0), weight)
                continue
            else:
                continue
            self.top[slot] = max(self.top.get(slot, 0.0), weight)
        self.rules_top = sum(self.top.get(name, 0.0) for name in _RULE_FEATURES)

    def below(self, tok: Token, feats: list[str], priors: Priors | None) -> bool:
        """True when the candidate scores under the threshold whatever its draft holds."""
        if not self.usable:
            return False
        w: dict[str, float] = self.model["weights"]
        lemma = tok.lemma_.lower()
        z = float(self.model.get("intercept", 0.0)) + sum(map(w.get, feats, repeat(0.0)))
        z += self.rules_top + sum(self.of_lemma.get((name, lemma), 0.0) for name in _LEMMA_RULE_FEATURES)
        if priors is not None:
            bucket = prior_bucket(lemma, priors)
            z += w.get(f"prior={bucket}", 0.0)
            z += sum(w.get(f"prior|{x}={bucket}", 0.0) for x in feats if x.startswith(_PRIOR_CONTEXT))
            z += sum(self.top.get(f"prior|{name}={bucket}", 0.0) for name in _RULE_FEATURES)
        return z < self.log_odds - 1e-6


_CEILINGS: list[_RuleCeiling] = []


def _ceiling(model: dict[str, Any]) -> _RuleCeiling:
    """The rule ceiling of a model, kept for the last few models used."""
    for ceiling in _CEILINGS:
        if ceiling.model is model:
            return ceiling
    ceiling = _RuleCeiling(model)
    _CEILINGS[:] = [ceiling, *_CEILINGS[:3]]
    return ceiling
