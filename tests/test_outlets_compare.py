"""`interlock outlets compare` on the sample corpus (our own fiction): which claims two outlets share,
corroborate, repeat from one origin or contradict, who had them first, and each outlet's record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.credibility.compare import UnknownOutlet, compare
from interlock.store import SQLiteStore
from tests.helpers import copy_store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def db(sample_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(sample_store_file, tmp_path_factory.mktemp("compare"))


def test_a_wire_and_the_broadcaster_that_runs_its_copy(db: Path) -> None:
    with SQLiteStore(db) as store:
        found = compare(store, "NPA", "state television")  # aliases of the registry
    (pair,) = found["pairs"]
    assert {pair["a"], pair["b"]} == {"Nahr Press Agency", "Qadira National Broadcasting"}
    # QNB runs NPA's wire story (q18, F13): one origin; Abu Hilal's post is reported by both on their own
    assert pair["same_origin"] >= 1 and pair["corroborate"] >= 1
    assert pair["shared"] >= max(pair["same_origin"], pair["corroborate"])
    assert sum(pair["first"].values()) == pair["shared"]
    assert {o["outlet"] for o in found["outlets"]} == {"Nahr Press Agency", "Qadira National Broadcasting"}


def test_a_denial_on_one_channel_contradicts_the_wire(db: Path) -> None:
    with SQLiteStore(db) as store:
        found = compare(store)
        pair = next(p for p in found["pairs"] if {p["a"], p["b"]} == {"Al-Ufuq TV", "Nahr Press Agency"})
        assert pair["contradict"] >= 1, "F10: al-Khazraji denies on Al-Ufuq TV what NPA reports"
        npa = next(o for o in found["outlets"] if o["outlet"] == "Nahr Press Agency")
        assert npa["contradicted"] >= 1 and 0 < npa["contradicted_share"] <= 1
        assert all(0 <= o["corroborated_share"] <= 1 for o in found["outlets"])
        # every pair once, most shared first
        keys = [(p["a"], p["b"]) for p in found["pairs"]]
        assert len(keys) == len(set(keys)) and all(a < b for a, b in keys)
        with pytest.raises(UnknownOutlet, match="no outlet"):
            compare(store, "Nowhere Times", "NPA")


def test_outlets_compare_command(db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["outlets", "compare", "--db", str(db)])
    assert out.exit_code == 0 and "claims both carry" in out.stdout and "later corroborated" in out.stdout
    out = runner.invoke(cli, ["outlets", "compare", "NPA", "QNB", "--json", "--db", str(db)])
    assert out.exit_code == 0 and len(json.loads(out.stdout)["pairs"]) == 1
    out = runner.invoke(cli, ["outlets", "compare", "NPA", "--db", str(db)])
    assert out.exit_code == 2 and "two outlets" in out.stderr
    out = runner.invoke(cli, ["outlets", "--json", "--db", str(db)])
    assert out.exit_code == 0 and json.loads(out.stdout)
