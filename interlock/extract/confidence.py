"""How likely each statement is right: a small logistic model over what the rules saw.

Reads: the statements and events the other components drafted, the parse and
the entity clusters. Adds: ``StatementDraft.confidence`` and, for meetings,
the confidence of the event (the best of its pairs).

The features say which rule found a statement, where its object came from,
how well its subject is named, what kind of object it has, how crowded its
sentence is. The weights are learned by ``scripts/train_confidence.py`` on
the real-news development set and kept in
``interlock/models/statement_confidence.json``; the scores are calibrated
there (reliability table in ``docs/confidence.md``). Without the weights file
every statement keeps confidence 1.0.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from interlock.extract import countries, roles
from interlock.extract.state import NAME_KINDS, DocState, EntityDraft, StatementDraft
from interlock.vocab.words import word_set

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "statement_confidence.json"
#: role words that are military ranks: the text rarely ties them to an organisation
RANKS = word_set("extract", "military_ranks")


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict[str, Any] | None:
    """The learned weights, or None when no model file is installed."""
    file = Path(path) if path else MODEL_PATH
    if not file.exists():
        return None
    data = json.loads(file.read_text("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        return None
    return data


def _named(ent: EntityDraft) -> bool:
    return any(m.kind in NAME_KINDS for m in ent.mentions)


def _title_like(name: str) -> bool:
    """A "name" that is only role words ("Army Chief", "Prime Minister")."""
    words = roles.name_words(name)
    return bool(words) and all(w in roles.ROLE_PREDICATES or w in roles.ROLE_MODIFIERS or w in ("the", "of") for w in words)


def _in_span(ent: EntityDraft, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in ent.mentions)


def _headline_end(state: DocState) -> int:
    cached = state.cache.get("headline_end")
    if isinstance(cached, int):
        return cached
    text = state.text
    offset = len(text) - len(text.lstrip())
    nl = text.find("\n", offset)
    end = nl if nl >= 0 else len(text)
    state.cache["headline_end"] = end
    return end


def statement_features(st: StatementDraft, state: DocState, crowd: int) -> dict[str, float]:
    """The features of one statement (names as in the weights file)."""
    subj = st.subject.resolved()
    obj = st.object.resolved() if st.object is not None else None
    start, end = st.evidence
    f: dict[str, float] = {
        "bias": 1.0,
        f"pred={st.predicate}": 1.0,
        f"rule={st.rule.split(':')[0] or 'none'}": 1.0,
        f"how={st.rule}": 1.0,
        f"basis={st.basis}": 1.0,
        f"status={st.status}": 1.0,
        f"modality={st.modality}": 1.0,
        f"subj={subj.label}": 1.0,
        f"obj={obj.label if obj is not None else 'none'}": 1.0,
        "subj_named": float(_named(subj)),
        "subj_title_like": float(_title_like(subj.name)),
        "subj_one_word": float(len(subj.name.split()) == 1),
        "subj_mentions": math.log1p(len(subj.mentions)),
        "subj_in_sentence": float(_in_span(subj, start, end)),
        "attributed": float(st.attribution is not None),
        "headline": float(start < _headline_end(state)),
        "crowd": math.log1p(crowd),
        "sentence_long": float(end - start > 250),
    }
    if obj is not None:
        f["obj_named"] = float(_named(obj))
        f["obj_one_word"] = float(len(obj.name.split()) == 1)
        f["obj_in_sentence"] = float(_in_span(obj, start, end))
        f["obj_title_like"] = float(_title_like(obj.name))
    if st.role:
        head = st.role.split()[-1]
        f["role_rank"] = float(head in RANKS)
        f["role_national"] = float(countries.is_national_role(st.role))
        f["role_deputy"] = float(bool(set(st.role.split()) & roles.SECOND_WORDS))
    if st.basis == "country":
        f["country_dominant"] = float(countries.dominant_country(state) is not None)
    return f


def _score(model: dict[str, Any], features: dict[str, float]) -> float:
    weights: dict[str, float] = model["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def assign(doc: Doc, state: DocState) -> None:
    """Set the confidence of every statement, and of each meeting from its pairs."""
    model = load_model()
    crowd: dict[tuple[int, int], int] = {}
    for st in state.statements:
        crowd[st.evidence] = crowd.get(st.evidence, 0) + 1
    for st in state.statements:
        features = statement_features(st, state, crowd[st.evidence])
        st.features = features
        st.confidence = round(_score(model, features), 3) if model is not None else 1.0
    for ev in state.events:
        pairs = [
            st.confidence for st in state.statements
            if st.predicate == "met_with" and st.anchor == ev.trigger[0]
        ]
        ev.confidence = max(pairs) if pairs else (1.0 if model is None else _event_default(model))


def _event_default(model: dict[str, Any]) -> float:
    """The confidence of an event that gives no pair of participants (a speech, an election)."""
    value = model.get("event_default", 1.0)
    return float(value) if isinstance(value, (int, float)) else 1.0
