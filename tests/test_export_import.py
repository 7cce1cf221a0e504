"""import-entities reads back what export --format ftm writes, and OpenSanctions-style PEP data.

Export, import into the same store and export again gives the same FtM entities with the same
ids; into an empty store, every post and tie comes back under its id. A PEP list's people,
posts (Position and Occupancy, or a person's position property) join the articles' actors.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.query import find_actor, show
from interlock.store import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def entities(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "corpus.db"
    run("ingest", str(CORPUS), "--outlets", str(CORPUS / "outlets.yaml"), "--db", str(path), "-q")
    return path


def copy_store(src: Path, dst: Path) -> Path:
    with SQLiteStore(src) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(src, dst)
    return dst


def test_export_import_export_gives_the_same_ids(corpus_db: Path, tmp_path: Path) -> None:
    db = copy_store(corpus_db, tmp_path / "copy.db")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    run("export", "--format", "ftm", "--out", str(first), "--db", str(db), "-q")
    run("import-entities", str(first), "--db", str(db))
    run("export", "--format", "ftm", "--out", str(second), "--db", str(db), "-q")
    a, b = entities(first), entities(second)
    assert {e["id"] for e in a} == {e["id"] for e in b}
    assert {(e["id"], e["schema"]) for e in a} == {(e["id"], e["schema"]) for e in b}
    with SQLiteStore(db) as store:
        # the store already had every statement: the import added none
        assert store.conn.execute("SELECT count(*) FROM statements WHERE document_id LIKE 'reference:%'").fetchone()[0] == 0
        linked = store.conn.execute("SELECT count(*) FROM actors WHERE reference_id IS NOT NULL").fetchone()[0]
        assert linked > 20  # named actors (anonymous sources keep their own keys)


def test_a_new_store_gets_every_post_and_tie_back(corpus_db: Path, tmp_path: Path) -> None:
    first, again = tmp_path / "first.json", tmp_path / "again.json"
    run("export", "--format", "ftm", "--out", str(first), "--db", str(corpus_db), "-q")
    fresh = tmp_path / "fresh.db"
    run("import-entities", str(first), "--db", str(fresh))
    run("export", "--format", "ftm", "--out", str(again), "--db", str(fresh), "-q")
    a, b = entities(first), entities(again)
    links = {"Occupancy", "Directorship", "Membership", "UnknownLink", "Position"}

    def by_schema(items: list[dict[str, Any]]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for e in items:
            if e["schema"] in links:
                out.setdefault(e["schema"], set()).add(e["id"])
        return out

    assert by_schema(a) == by_schema(b), "every post and tie, under its id"
    names_a = {(e["schema"], e["properties"]["name"][0]) for e in a if e["schema"] in ("Person", "Organization")}
    names_b = {(e["schema"], e["properties"]["name"][0]) for e in b if e["schema"] in ("Person", "Organization")}
    assert names_a == names_b, "every actor, by name"
    aliases_a = {a for e in a if e["schema"] == "Organization" for a in e["properties"].get("alias", [])}
    aliases_b = {a for e in b if e["schema"] == "Organization" for a in e["properties"].get("alias", [])}
    assert aliases_a <= aliases_b, "every alias"

    def ties(items: list[dict[str, Any]]) -> set[tuple[str, ...]]:
        name = {e["id"]: e["properties"].get("name", [""])[0] for e in items}
        props = {"Directorship": ("director", "organization"), "Membership": ("member", "organization"),
                 "UnknownLink": ("subject", "object"), "Occupancy": ("holder", "post")}
        return {(e["id"], name[e["properties"][s][0]], name[e["properties"][o][0]], e["properties"]["summary"][0].split(";")[0])
                for e in items if e["schema"] in props for s, o in [props[e["schema"]]]}

    assert ties(a) == ties(b), "every tie between the same names, with its predicate"


PEP = [
    {"id": "pep-khazraji", "schema": "Person",
     "properties": {"name": ["Jawad al-Khazraji"], "position": ["Member of the Provincial Council"],
                    "topics": ["role.pep"]}},
    {"id": "pep-post-water", "schema": "Position", "properties": {"name": ["Minister of Water Resources"],
                                                                   "country": ["zz"]}},
    {"id": "pep-occ-1", "schema": "Occupancy",
     "properties": {"holder": ["pep-khazraji"], "post": ["pep-post-water"], "startDate": ["2019-05-01"],
                    "endDate": ["2022-10-01"], "status": ["ended"]}},
    {"id": "pep-occ-2", "schema": "Occupancy",
     "properties": {"holder": ["pep-nobody"], "post": ["pep-post-water"]}},
]


def test_pep_data_seeds_posts_of_known_people(corpus_db: Path, tmp_path: Path) -> None:
    db = copy_store(corpus_db, tmp_path / "pep.db")
    path = tmp_path / "peps.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in PEP), "utf-8")
    result = CliRunner().invoke(cli, ["import-entities", str(path), "--db", str(db)])
    # the Occupancy whose holder the file lacks is one clear error; the rest is stored
    assert result.exit_code == 1
    assert "pep-occ-2" in result.output and "Traceback" not in result.output
    with SQLiteStore(db) as store:
        key = find_actor(store, "Jawad al-Khazraji")
        actor = store.conn.execute("SELECT reference_id FROM actors WHERE id = ?", (key,)).fetchone()
        assert actor[0] == "pep-khazraji", "the PEP entry joins the articles' actor"
        profile = show(store, "Jawad al-Khazraji")
        posts = {(t["role"], t["status"], t["valid_from"], t["valid_to"]) for t in profile["ties"]
                 if t["predicate"] == "holds_position"}
        assert ("Minister of Water Resources", "former", "2019-05-01", "2022-10-01") in posts
        assert any(p[0] == "Member of the Provincial Council" for p in posts)
        # and the export carries them
    out = tmp_path / "after.json"
    run("export", "--format", "ftm", "--out", str(out), "--db", str(db), "-q", "--actor", "Jawad al-Khazraji",
        "--hops", "0")
    got = entities(out)
    person = [e for e in got if e["schema"] == "Person"]
    assert [p["id"] for p in person] == ["pep-khazraji"]
    assert "Minister of Water Resources" in {e["properties"]["name"][0] for e in got if e["schema"] == "Position"}
