"""Shared helpers for tests: locating ../shared, schema validation, lookups by text."""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from interlock import settings
from interlock.model import Entity, ExtractedDocument

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "interlock" / "schema" / "extraction.json"


def shared_dir() -> Path:
    """The ../shared folder beside the checkout (CI lays it there)."""
    return settings.evaldata_dir().parent


def require_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the project's ../shared folder")
    return path


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def check_document(doc: ExtractedDocument, text: str) -> None:
    """Fail unless the result is valid against the schema, spans match the text, ids resolve."""
    data = doc.to_dict()
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    ent_ids = {e["id"] for e in data["entities"]}
    att_ids = {a["id"] for a in data["attributions"]}

    def span_ok(span: dict[str, Any] | None) -> None:
        if span is None:
            return
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span

    for e in data["entities"]:
        for m in e["mentions"]:
            span_ok(m)
    for a in data["attributions"]:
        span_ok(a["cue"])
        span_ok(a["content"])
        span_ok(a["source"])
        if a["source"] and a["source"]["entity"]:
            assert a["source"]["entity"] in ent_ids
        assert all(v in ent_ids for v in a["via"])
        assert a["same_source_as"] is None or a["same_source_as"] in att_ids
    for t in data["times"]:
        span_ok(t)
    for s in data["statements"]:
        span_ok(s["evidence"])
        assert s["subject"] in ent_ids
        assert s["object"] is None or s["object"] in ent_ids
        assert s["attribution"] is None or s["attribution"] in att_ids
    for ev in data["events"]:
        span_ok(ev["evidence"])
        span_ok(ev["trigger"])
        assert all(p in ent_ids for p in ev["participants"] + ev["topics"])
        assert ev["place"] is None or ev["place"] in ent_ids
        assert ev["attribution"] is None or ev["attribution"] in att_ids
    if data["outlet_entity"] is not None:
        assert data["outlet_entity"] in ent_ids
    assert len(ent_ids) == len(data["entities"]), "entity ids must be unique"


def entity(doc: ExtractedDocument, text: str) -> Entity:
    """The one entity with a mention reading ``text``; fails if none or several."""
    found = doc.find_entities(text)
    assert found, f"no entity has a mention {text!r}; entities: {[e.name for e in doc.entities]}"
    assert len(found) == 1, f"{text!r} is a mention of several entities: {[e.name for e in found]}"
    return found[0]


def invoke(*args: str) -> tuple[int, str, str]:
    """Run the CLI in process: (exit code, standard output, standard error)."""
    from click.testing import CliRunner

    from interlock.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def copy_store(src: Path, folder: Path) -> Path:
    """A copy of a store file (and its write-ahead log, if any) in ``folder``."""
    dest = folder / src.name
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(src) + suffix)
        if part.exists():
            shutil.copy(part, Path(str(dest) + suffix))
    return dest


def read_news(text: str, published: str = "2024-03-06") -> dict[str, Any]:
    """One text of our own through the whole extraction, as the JSON a user sees."""
    from interlock.extract.api import extract_record

    return extract_record({"id": "t", "text": text, "published": published}).to_dict()


def statement_facts(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Each statement as (subject name, predicate, object name, role, status)."""
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return [(names.get(s["subject"]), s["predicate"], names.get(s["object"]), s["role"], s["status"])
            for s in doc["statements"]]
