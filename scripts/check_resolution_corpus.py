"""Check that extraction finds every expected name of the resolution corpus as an entity mention.

    python scripts/check_resolution_corpus.py [--corpus DIR] [--strict] [--quiet]

Reads ``tests/fixtures/resolution/articles.jsonl`` and ``expect.yaml``, runs
``interlock.extract.api.extract_records`` over the articles, and prints, for
every occurrence of every surface name listed in expect.yaml (the ``names`` of
the ``same`` groups and the ``mentions`` of ``people``), whether a mention of
an extracted entity covers it and with which label. Short forms (``short``)
are reported separately: they are resolved within a document, and a miss there
says something about in-document coreference, not about the corpus.

The last lines are ``found N of M expected mentions`` and the same for short
forms. With ``--strict`` the exit code is 1 when a name is missed or mislabelled.
The corpus is also checked for consistency first: every name must occur in at
least one article, and every ``people`` mention in its article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock.extract.api import DocumentError, extract_records  # noqa: E402
from interlock.model import ExtractedDocument  # noqa: E402

CORPUS = REPO / "tests" / "fixtures" / "resolution"

# Text a mention may carry around the name and still count as that name:
# "the PMU", "the PMU's", "Dr. Layla Hamdan".
_HARMLESS_PREFIX = re.compile(r"^(?:the |The |Dr\. |Professor )?$")
_HARMLESS_SUFFIX = re.compile(r"^(?:'s|’s|')?$")


@dataclass(frozen=True)
class Expected:
    """One surface name expected in one article, with the label its entity should carry."""

    doc_id: str
    name: str
    label: str
    group: str
    short: bool


@dataclass
class Outcome:
    """What extraction made of one occurrence of an expected name."""

    expected: Expected
    start: int
    verdict: str  # ok, mislabelled, partial, missed
    detail: str


def load_corpus(corpus: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The article records and the parsed expectations."""
    with (corpus / "articles.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    with (corpus / "expect.yaml").open(encoding="utf-8") as fh:
        expect = yaml.safe_load(fh)
    return records, expect


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Character spans where ``name`` occurs as whole words (case-sensitive)."""
    pattern = re.compile(r"(?<![\w'-])" + re.escape(name) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def expected_names(records: list[dict[str, Any]], expect: dict[str, Any]) -> list[Expected]:
    """Every (article, name) the expectations imply; groups apply to each article holding the name."""
    out: list[Expected] = []
    problems: list[str] = []
    for group in expect.get("same", []):
        for key, short in (("names", False), ("short", True)):
            for name in group.get(key, []):
                holders = [r["id"] for r in records if occurrences(r["text"], name)]
                if not holders:
                    problems.append(f"group {group['id']}: {name!r} occurs in no article")
                out.extend(Expected(d, name, group["label"], group["id"], short) for d in holders)
    texts = {r["id"]: r["text"] for r in records}
    for person, spec in expect.get("people", {}).items():
        for doc_id, name in spec["mentions"]:
            if not occurrences(texts.get(doc_id, ""), name):
                problems.append(f"people {person}: {name!r} does not occur in {doc_id}")
            out.append(Expected(doc_id, name, spec["label"], person, False))
    for pair in expect.get("different", []):
        for doc_id, name in pair:
            if not occurrences(texts.get(doc_id, ""), name):
                problems.append(f"different: {name!r} does not occur in {doc_id}")
    if problems:
        raise SystemExit("corpus and expect.yaml disagree:\n  " + "\n  ".join(problems))
    # a person's name listed both in a group and under people is checked once
    seen: set[tuple[str, str]] = set()
    unique: list[Expected] = []
    for exp in out:
        if (exp.doc_id, exp.name) not in seen:
            seen.add((exp.doc_id, exp.name))
            unique.append(exp)
    return unique


def judge(doc: ExtractedDocument, text: str, exp: Expected, start: int, end: int) -> Outcome:
    """Find the entity mention that covers one occurrence and say whether it fits."""
    best: tuple[int, str, str] | None = None  # (rank, verdict, detail); lower rank is better
    for ent in doc.entities:
        for men in ent.mentions:
            if men.end <= start or men.start >= end:
                continue
            covers = men.start <= start and men.end >= end
            harmless = covers and bool(
                _HARMLESS_PREFIX.match(text[men.start : start])
                and _HARMLESS_SUFFIX.match(text[end : men.end])
            )
            desc = f"{ent.label} {men.text!r} (entity {ent.name!r}, kind {men.kind})"
            if harmless and ent.label == exp.label:
                cand = (0, "ok", desc)
            elif harmless:
                cand = (1, "mislabelled", desc)
            else:
                cand = (2, "partial", desc)
            if best is None or cand[0] < best[0]:
                best = cand
    if best is None:
        return Outcome(exp, start, "missed", "no entity mention")
    return Outcome(exp, start, best[1], best[2])


def sentence_at(text: str, start: int) -> str:
    """The sentence (roughly) around a character offset, for the report."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 : right].strip()


def main(argv: list[str] | None = None) -> int:
    """Run extraction over the corpus and print the per-name report; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a full name is not ok")
    parser.add_argument("--quiet", action="store_true", help="print only problems and the summary")
    args = parser.parse_args(argv)

    records, expect = load_corpus(args.corpus)
    wanted = expected_names(records, expect)
    texts = {r["id"]: r["text"] for r in records}
    docs: dict[str, ExtractedDocument] = {}
    for out in extract_records(records):
        if isinstance(out, DocumentError):
            print(f"[error] {out.id}: {out.error}")
            continue
        docs[out.id] = out

    # an occurrence inside a longer expected name ("Hashd" in "Hashd al-Shaabi") is not its own mention
    spans: dict[str, list[tuple[int, int]]] = {}
    for exp in wanted:
        spans.setdefault(exp.doc_id, []).extend(occurrences(texts[exp.doc_id], exp.name))

    outcomes: list[Outcome] = []
    for exp in wanted:
        text = texts[exp.doc_id]
        doc = docs.get(exp.doc_id)
        for start, end in occurrences(text, exp.name):
            inside_longer = any(
                s <= start and e >= end and (e - s) > (end - start) for s, e in spans[exp.doc_id]
            )
            if inside_longer:
                continue
            if doc is None:
                outcomes.append(Outcome(exp, start, "missed", "document failed"))
            else:
                outcomes.append(judge(doc, text, exp, start, end))

    for short in (False, True):
        part = [o for o in outcomes if o.expected.short is short]
        print(f"\n== {'short forms (within-document)' if short else 'full names'} ==")
        for o in sorted(
            part, key=lambda o: (o.expected.group, o.expected.name, o.expected.doc_id, o.start)
        ):
            if args.quiet and o.verdict == "ok":
                continue
            e = o.expected
            print(
                f"[{o.verdict}] {e.group} {e.doc_id}@{o.start} {e.name!r} want {e.label} -> {o.detail}"
            )
            if o.verdict != "ok":
                print(f"        sentence: {sentence_at(texts[e.doc_id], o.start)}")

    full = [o for o in outcomes if not o.expected.short]
    short_forms = [o for o in outcomes if o.expected.short]
    n_full = sum(o.verdict == "ok" for o in full)
    n_short = sum(o.verdict == "ok" for o in short_forms)
    print()
    print(f"short forms: found {n_short} of {len(short_forms)} expected mentions")
    print(f"found {n_full} of {len(full)} expected mentions")
    return 1 if args.strict and n_full < len(full) else 0


if __name__ == "__main__":
    sys.exit(main())
