"""Queries over a store built from our own sample articles: show, timeline, ties, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.extract.api import extract
from interlock.query import Ambiguous, NotFound, find_actor, search, show, ties, timeline
from interlock.store import open_store
from tests.conftest import BACKENDS, new_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample.jsonl"


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    path = new_store(request.param, request, tmp_path_factory.mktemp("store"))
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.stderr
    return path


def test_show_gathers_names_ties_and_sources(db: Path | str) -> None:
    with open_store(db) as store:
        profile = show(store, "jaafar al-saadi")  # case does not matter
    assert profile["name"] == "Jaafar al-Saadi" and profile["label"] == "PERSON"
    assert {"Saadi", "Al-Sa'adi"} <= set(profile["aliases"])
    positions = [t for t in profile["ties"] if t["predicate"] == "holds_position" and t["role"] == "commander"]
    assert positions and positions[0]["object"] == "Popular Defence Brigades"
    source = positions[0]["sources"][0]
    assert source["outlet"] == "Levant Wire Service" and source["published"] == "2025-03-14"
    assert source["chain"][-1] == "Levant Wire Service" and "(anonymous)" in source["chain"][0]
    assert positions[0]["reports"] == len(positions[0]["sources"])


def test_names_are_looked_up_forgivingly_and_clearly_refused(db: Path | str) -> None:
    with open_store(db) as store:
        assert find_actor(store, "Jaafar al-Saadi") == find_actor(store, "Jaafar Al Saadi")
        with pytest.raises(NotFound, match="no actor named"):
            find_actor(store, "Nobody Known Here")


def test_ambiguous_names_list_the_candidates(fresh_store: Path | str) -> None:
    with open_store(fresh_store) as store:
        for n, text in enumerate(["Karim Saleh met voters.", "Hadi Saleh met voters."]):
            store.put(extract(text, doc_id=f"d{n}"), text)
        with pytest.raises(Ambiguous) as info:
            find_actor(store, "Saleh")
    assert {c["name"] for c in info.value.candidates} == {"Karim Saleh", "Hadi Saleh"}


def test_timeline_is_in_date_order_with_precision(db: Path | str) -> None:
    with open_store(db) as store:
        items = timeline(store, "Jaafar al-Saadi")
    dates = [i["date"] for i in items]
    assert dates == sorted(dates)
    resignation = [i for i in items if i["what"] == "resignation"]
    assert resignation and resignation[0]["date"] == "2021-03-03" and resignation[0]["precision"] == "day"


def test_ties_find_a_sourced_two_step_path(db: Path | str) -> None:
    with open_store(db) as store:
        paths = ties(store, "Jaafar al-Saadi", "Iran", hops=2)
    assert paths, "al-Saadi leads the PDB, which Iran backs"
    assert all(p[0]["from"] == "Jaafar al-Saadi" and p[-1]["to"] == "Iran" for p in paths)
    assert all(len(p) == len(paths[0]) <= 2 for p in paths), "shortest paths only, none longer than asked"
    via_pdb = [p for p in paths if p[-1]["predicate"] == "backed_by" and p[-1]["from"] == "Popular Defence Brigades"]
    assert via_pdb
    assert all(step["evidence"] and step["document"] for p in paths for step in p)


def test_search_finds_actors_and_documents(db: Path | str) -> None:
    with open_store(db) as store:
        found = search(store, "ambassador")
        assert any(d["id"] == "01_pdb_secret_meeting" for d in found["documents"])
        assert search(store, '"') == {"actors": [], "documents": []}


@pytest.mark.parametrize(
    "args",
    [["show", "Jaafar al-Saadi"], ["timeline", "Jaafar al-Saadi"], ["ties", "Saadi", "Iran"], ["search", "Saadi"]],
)
def test_every_query_command_has_valid_json(db: Path | str, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)


def test_query_without_store_or_with_unknown_name_is_a_clear_error(db: Path | str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["show", "X", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "run `interlock ingest` first" in result.stderr
    result = CliRunner().invoke(cli, ["show", "Nobody Known Here", "--db", str(db)])
    assert result.exit_code != 0 and "no actor named" in result.stderr
