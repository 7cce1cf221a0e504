"""Resolution over our own 17-article corpus (tests/fixtures/resolution): every spelling, one actor;
two people called Ahmad al-Asadi, two actors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from interlock.cli import cli
from interlock.store import SQLStore, open_store
from tests.conftest import BACKENDS, new_store

HERE = Path(__file__).resolve().parent / "fixtures" / "resolution"
EXPECT = yaml.safe_load((HERE / "expect.yaml").read_text(encoding="utf-8"))
_ORG_HEADS = ("coalition", "alliance", "party", "movement", "militia", "bloc")


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SQLStore:
    path = new_store(request.param, request, tmp_path_factory.mktemp("resolution"), "r.db")
    result = CliRunner().invoke(cli, ["ingest", str(HERE / "articles.jsonl"), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return open_store(path)


def actors_named(store: SQLStore, surface: str, document: str | None = None) -> set[str]:
    """The actors of the entities that have a mention reading ``surface`` (or it without a lower-case head)."""
    forms = [surface]
    words = surface.split()
    if len(words) > 1 and words[-1] in _ORG_HEADS:
        forms.append(" ".join(words[:-1]))  # "the Al Fatih coalition": the name is "Al Fatih"
    found: set[str] = set()
    for form in forms:
        sql = ("SELECT DISTINCT e.actor_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
               "WHERE m.text = ? AND m.kind IN ('name', 'acronym', 'alias')")
        args = [form]
        if document:
            sql += " AND e.document_id = ?"
            args.append(document)
        found |= {r[0] for r in store.sql(sql, args)}
        if found:
            break
    return found


@pytest.mark.parametrize("group", EXPECT["same"], ids=[g["id"] for g in EXPECT["same"]])
def test_every_spelling_is_one_actor(store: SQLStore, group: dict[str, object]) -> None:
    names = group["names"]
    assert isinstance(names, list)
    found = {name: actors_named(store, name) for name in names}
    missing = [n for n, a in found.items() if not a]
    assert not missing, f"extraction found no mention reading {missing}"
    actors = set().union(*found.values())
    assert len(actors) == 1, f"{group['id']}: {found}"


def test_the_two_ahmad_al_asadis_are_two_actors(store: SQLStore) -> None:
    people = EXPECT["people"]
    actor_of = {}
    for who, spec in people.items():
        found = [actors_named(store, name, doc) for doc, name in spec["mentions"]]
        assert all(len(f) == 1 for f in found), f"{who}: {found}"
        ids = set().union(*found)
        assert len(ids) == 1, f"every mention of {who} is one actor: {spec['mentions']} -> {found}"
        actor_of[who] = ids.pop()
    assert len(set(actor_of.values())) == len(actor_of), "two different people must not be merged"
    for (doc_a, name_a), (doc_b, name_b) in EXPECT["different"]:
        assert actors_named(store, name_a, doc_a).isdisjoint(actors_named(store, name_b, doc_b))


def test_stated_aliases_are_kept_with_their_evidence(store: SQLStore) -> None:
    rows = store.sql(
        "SELECT a.alias, a.start, a.end, d.text FROM aliases a JOIN documents d ON d.id = a.document_id"
    )
    assert any(r["alias"] == "Hashd al-Shaabi" for r in rows)
    assert all(r["text"][r["start"]:r["end"]] == r["alias"] for r in rows)


def test_resolution_runs_again_to_the_same_actors(store: SQLStore) -> None:
    from interlock.resolve.store import run

    before = dict(store.sql("SELECT id, actor_id FROM entities"))
    run(store)
    assert dict(store.sql("SELECT id, actor_id FROM entities")) == before
