"""Golden tests: our own fictional articles, their expected facts, and output snapshots.

For each article in ``tests/fixtures/articles`` three things are tested:

- the facts of its ``.expect.yaml`` (``test_article_facts``): every expectation
  not listed under ``known_gaps`` must be met;
- the known gaps themselves (``test_article_known_gaps_are_current``): every
  entry of ``known_gaps`` must still be unmet, so fixing a gap fails the test
  until the list says so (a list that only ever grows would hide regressions);
- the full JSON output against the snapshot in ``tests/golden``.

How to update, after an intended change to the extractor:

1. ``python scripts/sync_known_gaps.py`` rewrites each article's ``known_gaps``
   to what the extractor misses now and prints, per article, the gaps it
   removes (now met) and adds (newly unmet: a regression to explain in the
   commit); ``--check`` only reports.
2. ``pytest tests/test_golden_articles.py --update-golden`` rewrites the
   snapshots; read ``git diff tests/golden`` before committing them.
"""

from __future__ import annotations

import difflib
import json
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from golden_check import (
    Failure,
    check,
    check_document,
    expectation_keys,
    load_expect,
    met_gaps,
    split_known,
    validate,
)

from interlock.model import (
    Attribution,
    Entity,
    Event,
    ExtractedDocument,
    Mention,
    Source,
    Span,
    Statement,
    Timex,
)

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
GOLDEN = HERE / "golden"
SAMPLE = HERE.parent / "examples" / "sample.jsonl"
SLUGS = sorted(p.name[: -len(".json")] for p in ARTICLES.glob("*.json"))


def _record(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ARTICLES / f"{slug}.json").read_text(encoding="utf-8"))
    return data


def _expect(slug: str) -> dict[str, Any]:
    return load_expect(ARTICLES / f"{slug}.expect.yaml")


@cache
def _extracted(slug: str) -> ExtractedDocument:
    """The extractor's output for an article, computed once per test session."""
    from interlock.extract.api import extract_record

    return extract_record(_record(slug))


def _slugs_with_gaps() -> list[str]:
    return [slug for slug in SLUGS if _expect(slug).get("known_gaps")]


# --- the fixtures themselves -------------------------------------------------------


def test_there_are_enough_articles() -> None:
    assert len(SLUGS) >= 10


@pytest.mark.parametrize("slug", SLUGS)
def test_article_record_is_well_formed(slug: str) -> None:
    rec = _record(slug)
    assert set(rec) >= {"id", "text", "published", "outlet", "title"}
    assert rec["id"] == slug
    assert len(rec["published"]) == 10 and rec["published"][4] == "-"
    assert "fiction" in (rec["title"] + rec.get("note", "")).lower()
    words = len(rec["text"].split())
    assert 150 <= words <= 450, f"{slug} has {words} words"


@pytest.mark.parametrize("slug", SLUGS)
def test_expectations_name_text_of_the_article(slug: str) -> None:
    """Every text an expectation names occurs in the article, so a typo cannot hide."""
    text = _record(slug)["text"].casefold()
    expect = _expect(slug)
    named: list[str] = []
    for item in expect.get("entities") or []:
        named += item["mentions"]
    for section in ("statements", "absent_statements", "modalities"):
        for item in expect.get(section) or []:
            named += [item["subject"]] + ([item["object"]] if item.get("object") else [])
    for item in expect.get("attributions") or []:
        named += [item["cue"], item["content_contains"], *(item.get("via") or [])]
        named += [item["source"]] if item["source"] else []
    named += [item["text"] for item in expect.get("times") or []]
    named += [item["text"] for item in expect.get("not_entities") or []]
    for item in expect.get("events") or []:
        named += item.get("participants") or []
        named += [item[k] for k in ("place", "time_text") if item.get(k)]
    missing = [n for n in named if n.casefold() not in text]
    assert not missing, f"{slug}: expectations name text absent from the article: {missing}"


# --- the extractor against the articles -------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_article_facts(slug: str) -> None:
    doc = _extracted(slug)
    expect = _expect(slug)
    failures = check_document(doc, expect, _record(slug)["text"])
    unexpected, known = split_known(failures, expect.get("known_gaps") or [])
    if known:
        warnings.warn(
            f"{slug}: {len(known)} known gap(s): " + " | ".join(str(f) for f in known),
            stacklevel=1,
        )
    assert not unexpected, f"{slug}: {len(unexpected)} unmet expectation(s):\n" + "\n".join(
        f"  - {f}" for f in unexpected
    )


@pytest.mark.parametrize("slug", _slugs_with_gaps())
def test_article_known_gaps_are_current(slug: str) -> None:
    """Every listed known gap is still unmet: a gap that is fixed fails here.

    Then take it off the list (``python scripts/sync_known_gaps.py``), so that
    a later regression on it fails ``test_article_facts``.
    """
    doc = _extracted(slug)
    expect = _expect(slug)
    failures = check_document(doc, expect, _record(slug)["text"])
    met = met_gaps(failures, expect.get("known_gaps") or [])
    assert not met, (
        f"{slug}: known gap(s) now met: {met}; remove them from known_gaps in "
        f"{slug}.expect.yaml (python scripts/sync_known_gaps.py)"
    )


def _readable_diff(old: str, new: str, name: str, limit: int = 200) -> str:
    lines = list(
        difflib.unified_diff(
            old.splitlines(),
            new.splitlines(),
            f"{name} (snapshot)",
            f"{name} (now)",
            lineterm="",
            n=2,
        )
    )
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
    return "\n".join(lines)


def _flatten(value: Any, path: str = "") -> dict[str, Any]:
    """Leaf values by JSON path (``entities[3].mentions[0].text``), for a change list."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list) and value:
        out = {}
        for n, item in enumerate(value):
            out.update(_flatten(item, f"{path}[{n}]"))
        return out
    return {path: value}


def _changes(old: dict[str, Any], new: dict[str, Any], limit: int = 40) -> str:
    """The changed, added and removed leaves between two outputs, one per line."""
    before, after = _flatten(old), _flatten(new)
    lines = []
    for path in sorted(before.keys() | after.keys()):
        if path not in after:
            lines.append(f"  removed {path} = {before[path]!r}")
        elif path not in before:
            lines.append(f"  added   {path} = {after[path]!r}")
        elif before[path] != after[path]:
            lines.append(f"  changed {path}: {before[path]!r} -> {after[path]!r}")
    if len(lines) > limit:
        lines = lines[:limit] + [f"  ... {len(lines) - limit} more changes"]
    return "\n".join(lines)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("slug", SLUGS)
def test_article_snapshot(slug: str, update_golden: bool) -> None:
    data = _extracted(slug).to_dict()
    now = _dump(data)
    path = GOLDEN / f"{slug}.json"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(now, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path}; create it with: pytest {__file__} --update-golden")
    old = path.read_text(encoding="utf-8")
    if old != now:
        pytest.fail(
            f"output of {slug} differs from its snapshot; if the change is intended, "
            f"rerun with --update-golden\nchanges:\n{_changes(json.loads(old), data)}\n"
            f"diff:\n{_readable_diff(old, now, slug)}",
            pytrace=False,
        )


def test_sample_jsonl_holds_fixture_articles() -> None:
    lines = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    assert len(lines) == 5
    for rec in lines:
        assert set(rec) == {"id", "text", "published", "outlet", "title"}
        fixture = _record(rec["id"])
        assert {k: fixture[k] for k in rec} == rec


# --- golden_check itself, on a hand-built document -----------------------------------------

HAND_TEXT = (
    "The commander of the Popular Defence Brigades (PDB), Jaafar al-Saadi, met envoys "
    "last week, a senior official told Al Rafidain TV. Saadi denied it."
)


def _span(text: str, start: int = 0) -> Span:
    at = HAND_TEXT.index(text, start)
    return Span(at, at + len(text), text)


def _mention(text: str, kind: str = "name", start: int = 0) -> Mention:
    s = _span(text, start)
    return Mention(s.start, s.end, s.text, kind)


def _hand_doc() -> ExtractedDocument:
    saadi = Entity(
        "e1",
        "PERSON",
        "Jaafar al-Saadi",
        [_mention("Jaafar al-Saadi"), _mention("Saadi", "short", 100)],
    )
    pdb = Entity(
        "e2",
        "ORG",
        "Popular Defence Brigades",
        [_mention("Popular Defence Brigades"), _mention("PDB", "acronym")],
    )
    tv = Entity("e3", "ORG", "Al Rafidain TV", [_mention("Al Rafidain TV")])
    src = _span("a senior official")
    att = Attribution(
        "a1",
        "indirect",
        Source(src.start, src.end, src.text, None, True),
        _span("told"),
        _span(
            "The commander of the Popular Defence Brigades (PDB), Jaafar al-Saadi, met envoys last week"
        ),
        via=["e3"],
    )
    st = Statement(
        "s1",
        "e1",
        "holds_position",
        "e2",
        "commander",
        None,
        None,
        "asserted",
        None,
        _span("The commander of the Popular Defence Brigades (PDB), Jaafar al-Saadi"),
    )
    week = _span("last week")
    timex = Timex(week.start, week.end, week.text, "DATE", "2025-W10")
    meeting = Event("v1", "meeting", ["e1"], None, "2025-W10", [], _span("met envoys last week"))
    return ExtractedDocument(
        "hand",
        "2025-03-14",
        entities=[saadi, pdb, tv],
        attributions=[att],
        times=[timex],
        statements=[st],
        events=[meeting],
    )


HAND_EXPECT: dict[str, Any] = {
    "entities": [
        {"label": "PERSON", "mentions": ["jaafar al-saadi", "Saadi"]},
        {"label": "ORG", "mentions": ["Popular Defence Brigades", "PDB"]},
    ],
    "not_entities": [{"text": "Al Rafidain TV", "label": "PERSON"}],
    "statements": [
        {
            "subject": "Saadi",
            "predicate": "holds_position",
            "object": "PDB",
            "role": "Commander",
            "status": "current",
        }
    ],
    "absent_statements": [{"subject": "Saadi", "predicate": "member_of"}],
    "attributions": [
        {
            "source": "a senior official",
            "cue": "told",
            "content_contains": "met envoys",
            "kind": "indirect",
            "anonymous": True,
            "via": ["Al Rafidain TV"],
        }
    ],
    "times": [{"text": "last week", "type": "DATE", "value": "2025-W10"}],
    "events": [{"type": "meeting", "participants": ["Jaafar al-Saadi"], "time_text": "last week"}],
    "modalities": [
        {"subject": "Jaafar al-Saadi", "predicate": "holds_position", "modality": "asserted"}
    ],
}


def test_golden_check_passes_a_matching_document() -> None:
    assert validate(HAND_EXPECT) == []
    assert check(_hand_doc(), HAND_EXPECT, HAND_TEXT) == []


def test_golden_check_reports_each_unmet_expectation() -> None:
    wrong: dict[str, Any] = {
        "entities": [
            {"label": "ORG", "mentions": ["Jaafar al-Saadi"]},  # wrong label
            {"label": "PERSON", "mentions": ["Saadi", "PDB"]},  # split across entities
        ],
        "not_entities": [{"text": "PDB", "label": "ORG"}],
        "statements": [
            {
                "subject": "Saadi",
                "predicate": "holds_position",
                "object": "PDB",
                "status": "former",
            },
            {"subject": "Saadi", "predicate": "holds_position", "role": "spokesman"},
        ],
        "absent_statements": [
            {"subject": "Jaafar al-Saadi", "predicate": "holds_position", "object": "PDB"}
        ],
        "attributions": [
            {"source": "Saadi", "cue": "told", "content_contains": "met envoys"},  # wrong source
            {
                "source": "a senior official",
                "cue": "told",
                "content_contains": "met envoys",
                "anonymous": False,
            },
            {
                "source": "a senior official",
                "cue": "told",
                "content_contains": "met envoys",
                "via": ["PDB"],
            },
            {"source": "Saadi", "cue": "denied", "content_contains": "it"},  # no such attribution
        ],
        "times": [{"text": "last week", "type": "DATE", "value": "2025-W11"}],
        "events": [
            {"type": "meeting", "participants": ["PDB"]},
            {"type": "denial"},
        ],
        "modalities": [{"subject": "Saadi", "predicate": "holds_position", "modality": "hedged"}],
        "known_gaps": ["events[1]"],
    }
    assert validate(wrong) == []
    failures = check_document(_hand_doc(), wrong, HAND_TEXT)
    keys = [f.key for f in failures]
    assert keys == [k for k in expectation_keys(wrong)], "\n".join(map(str, failures))
    unexpected, known = split_known(failures, wrong["known_gaps"])
    assert [f.key for f in known] == ["events[1]"]
    assert len(unexpected) == len(failures) - 1
    assert "split" in str(failures[1]) and "2025-W11" in str(failures[10])
    # events[1] is unmet, so it stays a gap; statements[0] is met, so listing it is stale
    assert met_gaps(failures, ["events[1]"]) == []
    assert met_gaps(check_document(_hand_doc(), HAND_EXPECT, HAND_TEXT), ["statements[0]"]) == [
        "statements[0]"
    ]


def test_validate_rejects_typos() -> None:
    bad = {
        "statement": [],
        "statements": [{"subject": "X", "predicate": "leads", "stauts": "current"}],
        "events": [{"type": "party"}],
        "known_gaps": ["statements[5]"],
    }
    problems = validate(bad)
    assert any("unknown section 'statement'" in p for p in problems)
    assert any("'leads'" in p for p in problems)
    assert any("stauts" in p for p in problems)
    assert any("'party'" in p for p in problems)
    assert any("statements[5]" in p for p in problems)


def test_failure_reads_as_key_and_message() -> None:
    assert str(Failure("times[0]", "no time expression")) == "times[0]: no time expression"


def test_snapshot_changes_name_each_changed_path() -> None:
    old = {"entities": [{"name": "A", "mentions": [1]}], "times": []}
    new = {"entities": [{"name": "B"}], "times": [{"value": "2021"}]}
    report = _changes(old, new)
    assert "changed entities[0].name: 'A' -> 'B'" in report
    assert "removed entities[0].mentions[0] = 1" in report
    assert "added   times[0].value = '2021'" in report
    assert "removed times = []" in report


@pytest.mark.parametrize("slug", SLUGS)
def test_article_extracts_without_component_errors(slug: str) -> None:
    """A component that raises is caught per document; on our articles none may raise."""
    assert _extracted(slug).errors == []
