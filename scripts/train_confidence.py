"""Train the statement confidence model on the real-news development set and calibrate it.

Usage::

    python scripts/train_confidence.py [--gold DIR] [--out PATH] [--report PATH]

Every post, tie and meeting statement that extraction makes on the articles of
``../shared/realnews/dev`` is labelled by the set's own scorer (``score.py``
beside the articles): right when it matches a gold or optional fact strictly.
A logistic regression (scikit-learn, at training time only) over the features
of ``interlock.extract.confidence`` learns the weights. Calibration is
measured out of fold, five folds grouped by article, so that the reliability
table in ``docs/confidence.md`` says how the model does on articles it did not
learn from; the shipped weights are then fitted on all articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from interlock.extract import confidence, pipeline, result

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "realnews" / "dev"
#: confidence bands of the reliability table
BANDS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
#: L2 regularisation strength (inverse); small data, many sparse features
C = 0.5
#: weights smaller than this are left out of the model file
PRUNE = 0.01


def _scorer(gold: Path) -> Any:
    spec = importlib.util.spec_from_file_location("realnews_score", gold.parent / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {gold.parent / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["realnews_score"] = module
    spec.loader.exec_module(module)
    return module


def examples(gold: Path) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """(features, label, article) for every post, tie and meeting statement on the set."""
    scorer = _scorer(gold)
    arts = scorer.load_gold([str(gold)])
    nlp = pipeline.load_pipeline()
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[str] = []
    for n, art in enumerate(arts, 1):
        title = next((ln.strip() for ln in art.text.splitlines() if ln.strip()), None)
        published = scorer.dt.date.fromisoformat(str(art.published)) if art.published else None
        doc = pipeline.make_doc(nlp, art.text, art.id, published, art.outlet)
        (doc,) = list(pipeline.run([doc], nlp))
        out = result.build(doc, title=title).to_dict()
        state = doc._.interlock
        pred = scorer.Prediction(out, art)
        right: dict[str, bool] = {}
        for unit in scorer.statement_units(pred):
            strict, lenient = scorer.unit_matches(pred, unit, art.facts)
            opt_strict, opt_lenient = scorer.unit_matches(pred, unit, art.optional)
            ok = bool(strict) or bool(opt_strict) or (not lenient and bool(opt_lenient))
            for member in unit.members:
                stmt = member.get("stmt")
                if stmt is not None:
                    right[stmt["id"]] = ok
            if unit.kind == "meetings":  # a pair's verdict holds for the met_with statements of that pair
                keys = {frozenset((m["a"].name, m["b"].name)) for m in unit.members}
                for stmt in out["statements"]:
                    if stmt["predicate"] == "met_with":
                        a, b = pred.ent(stmt["subject"]), pred.ent(stmt["object"])
                        if a is not None and b is not None and frozenset((a.name, b.name)) in keys:
                            right[stmt["id"]] = ok
        ids = state.cache.get("statement_ids", {})
        for st in state.statements:
            sid = ids.get(id(st))
            if sid is None or sid not in right:
                continue
            feats.append(dict(st.features))
            labels.append(int(right[sid]))
            groups.append(art.id)
        print(f"\r{n}/{len(arts)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    return feats, labels, groups


def reliability(probs: list[float], labels: list[int]) -> list[dict[str, Any]]:
    rows = []
    for lo, hi in BANDS:
        sel = [y for p, y in zip(probs, labels, strict=False) if lo <= p < hi]
        rows.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "statements": len(sel),
                     "right": sum(sel), "share_right": round(sum(sel) / len(sel), 3) if sel else None})
    return rows


def at_threshold(probs: list[float], labels: list[int], t: float) -> dict[str, Any]:
    kept = [y for p, y in zip(probs, labels, strict=False) if p >= t]
    return {"threshold": t, "kept": len(kept), "right": sum(kept),
            "precision": round(sum(kept) / len(kept), 3) if kept else None,
            "right_kept_share": round(sum(kept) / max(1, sum(labels)), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=confidence.MODEL_PATH)
    ap.add_argument("--report", type=Path, default=ROOT / "docs" / "figures" / "confidence.json")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        sys.exit(f"no real-news set at {args.gold}")
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    feats, labels, groups = examples(args.gold)
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(feats)
    oof = [0.0] * len(labels)
    for train, test in GroupKFold(n_splits=5).split(x, labels, groups):
        model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
        model.fit(x[train], [labels[i] for i in train])
        for i, p in zip(test, model.predict_proba(x[test])[:, 1], strict=False):
            oof[i] = float(p)
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(x, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=False)
               if abs(w) >= PRUNE}
    args.out.write_text(json.dumps({
        "version": 1,
        "trained_on": "real-news development set (score.py labels, strict)",
        "examples": len(labels),
        "weights": dict(sorted(weights.items())),
    }, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    report = {
        "examples": len(labels), "right": sum(labels), "base_precision": round(sum(labels) / len(labels), 3),
        "reliability_out_of_fold": reliability(oof, labels),
        "thresholds_out_of_fold": [at_threshold(oof, labels, t) for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)],
    }
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"wrote {args.out} ({len(weights)} weights) and {args.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
