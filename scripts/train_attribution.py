"""Train the attribution cue classifier on PolNeAR train, tune on dev, write the model JSON.

Usage::

    python scripts/train_attribution.py [--evaldata DIR] [--cache DIR] [--out PATH]

Every candidate cue (see ``interlock.extract.attribution.cues``) is labelled
by whether it overlaps a gold ``Cue`` span of the first annotator's file. A
logistic regression (scikit-learn, at training time only) learns the weights;
the regularisation strength and the decision threshold are chosen on dev by the
mean of the end-to-end attribution, cue and content F1, and the dev figures
reached are printed. Each lemma's training cue rate is a feature too (crossed
with context); the rates ship in the model file.

Only features that can transfer get a weight: the words in them are lemmas of
cue words, closed-class words and punctuation, with names, numbers and handles
replaced by their kind (``attribution.features.word``); a feature must be seen
in at least ``--min-docs`` training articles (default
``attribution.features.MIN_DOCS``) and pass ``attribution.features.transferable``,
so that nothing one article alone taught (a user handle, a timestamp, a
surname, a scrap of markup read as a verb) is kept. Lemmas' cue rates must pass ``transferable`` and be seen in
``--prior-min-docs`` articles (default 1): that a rare verb ("uphold") was never
a cue is what keeps it from reading as an unseen one (with 5, the sample
corpus gains a court's "upheld" as a claim and loses a group's "announced").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin, Token

from interlock import settings
from interlock.evaluate import polnear
from interlock.evaluate.scoring import PRF
from interlock.extract.attribution import speech
from interlock.extract.attribution.classifier import MODEL_PATH, Priors
from interlock.extract.attribution.cues import is_candidate
from interlock.extract.attribution.features import MIN_DOCS, transferable
from interlock.extract.attribution.quotes import QuoteIndex
from interlock.extract.pipeline import load_nlp

#: weights smaller than this are dropped: the model file shrinks to a third, dev F1 moves < 0.002
PRUNE = 0.05
#: folds for out-of-fold lemma priors
FOLDS = 5


def parsed(split: Path, cache: Path | None) -> tuple[list[polnear.PolnearDoc], list[Doc]]:
    """The articles of a split with their spaCy parses (cached as a DocBin when asked)."""
    docs = polnear.read_split(split)
    nlp = load_nlp()
    cached = cache / f"{split.name}.spacy" if cache else None
    if cached is not None and cached.is_file():
        parses = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        if len(parses) == len(docs):
            return docs, parses
    parses = []
    for n, d in enumerate(nlp.pipe((x.text for x in docs), batch_size=16), 1):
        parses.append(d)
        print(f"\rparsing {split.name}: {n}/{len(docs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for d in parses:
            bin_.add(d)
        bin_.to_disk(cached)
    return docs, parses


def _labelled(pd: polnear.PolnearDoc, doc: Doc) -> list[tuple[Token, int]]:
    """The candidate cues of one article, each with whether it overlaps a gold cue."""
    cues = pd.role_spans("cue")
    out = []
    for tok in doc:
        if is_candidate(tok):
            s, e = tok.idx, tok.idx + len(tok)
            out.append((tok, int(any(a < e and s < b for a, b in cues))))
    return out


def _count(priors: Priors, lemma: str, label: int, sign: int = 1) -> None:
    row = priors.setdefault(lemma, [0, 0])
    row[0] += sign * label
    row[1] += sign


def lemma_priors(docs: list[polnear.PolnearDoc], parses: list[Doc], min_docs: int = MIN_DOCS) -> Priors:
    """How often each candidate lemma was a cue, over the whole split.

    Only lemmas that are candidates in at least ``min_docs`` articles and can
    transfer are kept; the others read as unseen.
    """
    priors: Priors = {}
    seen_in: dict[str, int] = {}
    for pd, doc in zip(docs, parses, strict=True):
        lemmas = set()
        for tok, label in _labelled(pd, doc):
            lemma = tok.lemma_.lower()
            _count(priors, lemma, label)
            lemmas.add(lemma)
        for lemma in lemmas:
            seen_in[lemma] = seen_in.get(lemma, 0) + 1
    return {k: v for k, v in priors.items() if seen_in[k] >= min_docs and transferable(f"lemma={k}")}


def examples(
    docs: list[polnear.PolnearDoc], parses: list[Doc], priors: Priors, min_docs: int = MIN_DOCS
) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate cue, with only the features that can transfer.

    Each fold's lemma priors leave that fold's own articles out, so the model
    sees priors as noisy as those of unseen articles rather than its labels.
    A feature is kept when ``transferable`` and seen in ``min_docs`` articles.
    """
    X: list[list[str]] = []
    y: list[int] = []
    docs_of: list[int] = []
    labelled = [_labelled(pd, doc) for pd, doc in zip(docs, parses, strict=True)]
    for fold in range(FOLDS):
        held = {k: list(v) for k, v in priors.items()}
        for n in range(fold, len(docs), FOLDS):
            for tok, label in labelled[n]:
                if tok.lemma_.lower() in held:
                    _count(held, tok.lemma_.lower(), label, -1)
        for n in range(fold, len(docs), FOLDS):
            quotes = QuoteIndex(parses[n])
            for tok, label in labelled[n]:
                X.append(speech.candidate(tok, quotes, held)[0])
                y.append(label)
                docs_of.append(n)
    keep = kept_features(X, docs_of, min_docs)
    return [[f for f in feats if f in keep] for feats in X], y


def kept_features(X: list[list[str]], docs_of: list[int], min_docs: int) -> set[str]:
    """The features that can transfer and fire in at least ``min_docs`` articles."""
    seen: dict[str, set[int]] = {}
    for feats, n in zip(X, docs_of, strict=True):
        for f in feats:
            seen.setdefault(f, set()).add(n)
    return {f for f, ns in seen.items() if len(ns) >= min_docs and transferable(f)}


def dev_scores(
    docs: list[polnear.PolnearDoc], parses: list[Doc], model: dict[str, object]
) -> dict[str, PRF]:
    """End-to-end dev scores of ``find_attributions`` with this model."""
    totals: dict[str, PRF] = {}
    for pd, doc in zip(docs, parses, strict=True):
        preds = polnear.from_drafts(speech.find_attributions(doc, model=model))
        for key, prf in polnear.score_doc(preds, pd.attributions).items():
            totals.setdefault(key, PRF()).add(prf)
    return totals


def main(argv: list[str] | None = None) -> int:
    """Train, tune on dev, write the model and print the dev figures."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaldata", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed DocBins")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument(
        "--min-docs", type=int, default=MIN_DOCS, help="articles a feature must be seen in to get a weight"
    )
    ap.add_argument(
        "--prior-min-docs",
        type=int,
        default=1,
        help="articles a lemma must be a candidate in for its cue rate to ship (default 1: every lemma)",
    )
    args = ap.parse_args(argv)
    root = args.evaldata or settings.evaldata_dir()
    train_docs, train_parses = parsed(root / "polnear-train", args.cache)
    dev_docs, dev_parses = parsed(root / "polnear-dev", args.cache)
    priors = lemma_priors(train_docs, train_parses, args.prior_min_docs)
    Xtr, ytr = examples(train_docs, train_parses, priors, args.min_docs)
    print(f"train candidates: {len(ytr)} ({sum(ytr)} cues); min docs {args.min_docs}", file=sys.stderr)
    vec = DictVectorizer()
    A = vec.fit_transform([dict.fromkeys(f, 1) for f in Xtr])
    names = vec.get_feature_names_out()
    best: tuple[float, dict[str, object], dict[str, PRF]] | None = None
    for C in (0.1, 0.3):
        clf = LogisticRegression(C=C, max_iter=2000)
        clf.fit(A, ytr)
        weights = {
            str(n): round(float(w), 4)
            for n, w in zip(names, clf.coef_[0], strict=True)
            if abs(w) >= PRUNE
        }
        for threshold in (0.35, 0.4, 0.45, 0.5, 0.55):
            model: dict[str, object] = {
                "intercept": round(float(clf.intercept_[0]), 4),
                "weights": weights,
                "threshold": threshold,
                "lemma_prior": priors,
            }
            scores = dev_scores(dev_docs, dev_parses, model)
            # attributions, and cues and contents on their own, count alike
            f1 = sum(scores[k + "/overlap"].f1 for k in ("attribution", "cue", "content")) / 3
            roles = " ".join(f"{r}={scores[r + '/overlap'].f1:.3f}" for r in polnear.ROLES)
            print(f"C={C} threshold={threshold}: attribution F1 {f1:.3f}  {roles}", file=sys.stderr)
            if best is None or f1 > best[0]:
                best = (f1, model, scores)
    assert best is not None
    f1, model, scores = best
    model["trained_on"] = "PolNeAR v1.0.0 train split (840 articles), tuned on dev"
    model["min_docs"] = args.min_docs
    model["prior_min_docs"] = args.prior_min_docs
    model["dev_figures"] = {k: v.as_dict() for k, v in sorted(scores.items())}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} (threshold {model['threshold']})")
    print("dev figures (PolNeAR dev, first annotator):")
    for key, prf in sorted(scores.items()):
        print(f"  {key:22} P={prf.precision:.3f} R={prf.recall:.3f} F1={prf.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
