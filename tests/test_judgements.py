"""Analysts' judgements and reference lists: made once, kept through re-resolution and re-ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.cli import cli
from interlock.query import find_actor, show
from interlock.store import open_store
from tests.conftest import BACKENDS, copy_store, new_store

CORPUS = Path(__file__).resolve().parent / "fixtures" / "resolution" / "articles.jsonl"
# one more article, written for this test, about a man the corpus already knows
LATER = {
    "id": "later-1", "published": "2018-05-20", "outlet": "Test Wire", "title": "[Fiction] Turnout figures",
    "text": "Hadi al-Amiri, the leader of the Fatah Alliance, said on Sunday that his list would talk to "
            "all blocs. The Badr Organization said the same.",
}


@pytest.fixture(scope="module", params=BACKENDS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    path = new_store(request.param, request, tmp_path_factory.mktemp("judgements"), "base.db")
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def db(built: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """A fresh copy of the built store for each test."""
    return copy_store(request, built, tmp_path, "j.db")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def actor(db: Path | str, name: str) -> str:
    with open_store(db) as store:
        return find_actor(store, name)


def test_same_no_splits_an_actor_and_survives_re_resolution_and_re_ingest(db: Path | str, tmp_path: Path) -> None:
    assert actor(db, "Hadi al-Amiri") == actor(db, "Hadi Al Ameri")
    run("same", "Hadi al-Amiri", "Hadi Al Ameri", "--no", "--by", "alice", "--note", "test", "--db", str(db))
    assert actor(db, "Hadi al-Amiri") != actor(db, "Hadi Al Ameri")
    run("resolve", "--db", str(db))
    assert actor(db, "Hadi al-Amiri") != actor(db, "Hadi Al Ameri")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(LATER) + "\n", encoding="utf-8")
    run("ingest", str(later), "--db", str(db), "-q")
    assert actor(db, "Hadi al-Amiri") != actor(db, "Hadi Al Ameri")
    with open_store(db) as store:
        profile = show(store, "Hadi Al Ameri")
        assert profile["judgements"][0]["kind"] == "never" and profile["judgements"][0]["who"] == "alice"
        # the new article's al-Amiri joined one of the two, not a third
        new = store.sql("SELECT actor_id FROM entities WHERE document_id = 'later-1' AND name = 'Hadi al-Amiri'")[0]
        assert new[0] in {find_actor(store, "Hadi al-Amiri"), find_actor(store, "Hadi Al Ameri")}


def test_merge_joins_two_actors_and_holds_after_re_ingest(db: Path | str, tmp_path: Path) -> None:
    assert actor(db, "Badr Organization") != actor(db, "Muqtada al-Sadr")
    run("merge", "Badr Organization", "Muqtada al-Sadr", "--by", "bob", "--db", str(db))
    assert actor(db, "Badr Organization") == actor(db, "Muqtada al-Sadr")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(LATER) + "\n", encoding="utf-8")
    run("ingest", str(later), "--db", str(db), "-q")
    assert actor(db, "Badr Organization") == actor(db, "Muqtada al-Sadr")
    text = run("show", "Muqtada al-Sadr", "--db", str(db))
    assert "judgement 1: merge" in text and "by bob" in text


def test_split_takes_a_document_out(db: Path | str) -> None:
    with open_store(db) as store:
        docs = sorted({r[0] for r in store.sql(
            "SELECT document_id FROM entities WHERE actor_id = ?", (find_actor(store, "Layla Hamdan"),))})
    assert len(docs) >= 2
    result = CliRunner().invoke(cli, ["split", "Layla Hamdan", "--db", str(db)])
    assert result.exit_code != 0 and "--document" in result.output and docs[0] in result.output
    run("split", "Layla Hamdan", "--document", docs[-1], "--db", str(db))
    with open_store(db) as store:
        ids = {r[0] for r in store.sql(
            "SELECT actor_id FROM entities WHERE name = 'Layla Hamdan' AND document_id IN (?, ?)", (docs[0], docs[-1]))}
    assert len(ids) == 2
    run("resolve", "--db", str(db))
    with open_store(db) as store:
        again = {r[0] for r in store.sql(
            "SELECT actor_id FROM entities WHERE name = 'Layla Hamdan' AND document_id IN (?, ?)", (docs[0], docs[-1]))}
    assert len(again) == 2


def test_judgements_refuse_what_makes_no_sense(db: Path | str) -> None:
    same_actor = CliRunner().invoke(cli, ["merge", "Hadi al-Amiri", "Hadi Al Ameri", "--db", str(db)])
    # one actor already: no judgement to make, and no error either (issue 11)
    assert same_actor.exit_code == 0 and "already one actor" in same_actor.output
    unknown = CliRunner().invoke(cli, ["merge", "Nobody Anywhere", "Hadi al-Amiri", "--db", str(db)])
    assert unknown.exit_code != 0 and "no actor named" in unknown.output


def test_import_entities_links_mentions_to_a_reference_list(db: Path | str, tmp_path: Path) -> None:
    ftm = tmp_path / "known.jsonl"
    ftm.write_text("\n".join([
        json.dumps({"id": "Q-pmu", "schema": "Organization", "properties": {
            "name": ["Popular Mobilization Forces"], "alias": ["Hashd al-Shaabi", "PMF"], "wikidataId": ["Q20044146"]}}),
        json.dumps({"id": "Q-amiri", "schema": "Person", "properties": {"name": ["Hadi al-Amiri"], "wikidataId": ["Q5637466"]}}),
        "not json",
        json.dumps({"id": "x", "schema": "Spaceship", "properties": {"name": ["Nothing"]}}),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-entities", str(ftm), "--db", str(db)])
    assert result.exit_code == 1, "two bad lines: the rest is stored, the exit code says so"
    assert f"{ftm}:3" in result.output and "not JSON" in result.output
    assert f"{ftm}:4" in result.output and "Spaceship" in result.output
    with open_store(db) as store:
        profile = show(store, "PMU")
        assert profile["reference"]["identifiers"] == {"wikidataId": ["Q20044146"]}
        assert profile["name"] == "Popular Mobilization Forces"
        assert find_actor(store, "al-Hashd al-Sha'abi") == find_actor(store, "Popular Mobilization Units")
        assert show(store, "Hadi Al Ameri")["reference"]["id"] == "Q-amiri"


def test_import_entities_from_csv(db: Path | str, tmp_path: Path) -> None:
    table = tmp_path / "known.csv"
    table.write_text("name,aliases,type,wikidata,kinds\n"
                     "Badr Organization,Badr Organisation;Badr Brigade,organization,Q1128063,armed-group\n"
                     ",,person,,\n"
                     "Someone,,robot,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-entities", str(table), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{table}:3" in result.output and "has no name" in result.output
    assert f"{table}:4" in result.output and "robot" in result.output
    with open_store(db) as store:
        ref = show(store, "Badr Organisation")["reference"]
        assert ref["identifiers"] == {"wikidataId": ["Q1128063"]} and ref["kinds"] == ["armed-group"]


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
@settings(max_examples=80, deadline=None)
def test_reference_files_of_any_content_give_entries_or_clear_errors(tmp_path_factory: pytest.TempPathFactory,
                                                                     text: str) -> None:
    from interlock.errors import BadInput
    from interlock.resolve import reference

    folder = tmp_path_factory.mktemp("ref")
    for suffix in (".csv", ".jsonl"):
        path = folder / f"list{suffix}"
        path.write_text(text, encoding="utf-8")
        for item in reference.read(path):
            assert isinstance(item, (reference.Entry, BadInput))
            if isinstance(item, BadInput):
                assert str(path) in str(item)
            else:
                assert item.name and item.names[0] == item.name


@given(st.text(max_size=300))
@settings(max_examples=80, deadline=None)
def test_registries_of_any_content_parse_or_fail_clearly(text: str) -> None:
    from interlock.credibility.outlets import BadRegistry, parse

    try:
        reg = parse(text, "r.yaml")
    except BadRegistry as exc:
        assert str(exc).startswith("r.yaml")
    else:
        assert all(o.reliability in "ABCDEF" for o in reg.outlets)


def test_judgements_are_edges_between_stable_keys_and_can_be_withdrawn(db: Path | str) -> None:
    """Issue 15: `interlock judgements` lists each judgement as an edge (positive, negative, tag) between
    the stable keys of its two sides, with who and when; --withdraw marks one, and it is replayed no more."""
    run("merge", "Badr Organization", "Muqtada al-Sadr", "--by", "bob", "--db", str(db))
    edges = json.loads(run("judgements", "--json", "--db", str(db)))
    assert [(e["kind"], e["judgement"], e["who"], e["withdrawn"]) for e in edges] == [("merge", "positive", "bob", None)]
    left, right = edges[0]["left"], edges[0]["right"]
    assert left["names"] == ["Badr Organization"] and right["names"] == ["Muqtada al-Sadr"]
    assert left["key"].startswith("ORG:badr@") and ":" in left["key"] and "@" in right["key"]
    number = edges[0]["id"]
    run("judgements", "--withdraw", str(number), "--by", "carol", "--db", str(db))
    edges = json.loads(run("judgements", "--json", "--db", str(db)))
    assert edges[0]["withdrawn"]["by"] == "carol" and edges[0]["withdrawn"]["at"]
    assert actor(db, "Badr Organization") != actor(db, "Muqtada al-Sadr"), "a withdrawn merge is not replayed"
    assert "withdrawn by carol" in run("judgements", "--db", str(db))


def test_a_judgement_finds_its_entities_again_by_their_stable_keys(db: Path | str) -> None:
    from interlock.resolve.judgements import current_entities, keys_of

    with open_store(db) as store:
        ids = store.column("resolution.actor_entities", (find_actor(store, "Layla Hamdan"),))
        keys = keys_of(store, ids)
        # an entity id re-extraction no longer gives: its key finds the entity the store has now
        side = {"entities": ["ent_gone", *ids[1:]], "keys": [keys[ids[0]], *(keys[i] for i in ids[1:])]}
        assert current_entities(store, side) == ids
        assert current_entities(store, {"entities": ["ent_gone"], "keys": ["PERSON:nobody@nowhere:Nobody"]}) == []


def test_judgements_of_an_older_store_migrate_to_edges(tmp_path: Path) -> None:
    import sqlite3

    from interlock.store.schema import LEGACY, STEPS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for _sub, _v, sql in STEPS[: LEGACY[6]]:  # the store as migration 6 left it
        conn.executescript(sql)
    conn.execute("INSERT INTO documents (id, content_hash, text, ingested_at) VALUES ('d1', 'h', 'Ali Hassan said.', 'x')")
    conn.execute("INSERT INTO entities (id, document_id, label, name, anonymous, descriptors, name_key, actor_id) "
                 "VALUES ('e1', 'd1', 'PERSON', 'Ali Hassan', 0, '[]', 'PERSON:ali hassan', 'PERSON:ali hassan')")
    conn.execute("INSERT INTO mentions (entity_id, document_id, start, end, text, kind) "
                 "VALUES ('e1', 'd1', 0, 10, 'Ali Hassan', 'name')")
    conn.execute("INSERT INTO judgements (kind, a, b, who, at) VALUES ('withdrawn:tag', ?, 'armed-group', 'ann', '1')",
                 (json.dumps({"names": ["Ali Hassan"], "entities": ["e1"]}),))
    conn.execute("INSERT INTO judgements (kind, a, b, who, at) VALUES ('withdraw', ?, NULL, 'ben', '2')",
                 (json.dumps({"judgement": 1, "kind": "tag"}),))
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        from interlock.resolve.judgements import listing

        edges = listing(store)
    assert [(e["id"], e["kind"], e["left"]["key"], e["right"]["key"]) for e in edges] == [
        (1, "tag", "PERSON:ali hassan@d1:Ali Hassan", "armed-group")]
    assert edges[0]["withdrawn"] == {"by": "ben", "at": "2"}
