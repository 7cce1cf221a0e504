"""Credibility on the sample corpus: independent origins, contradictions and Admiralty grades.

The corpus (examples/corpus, fiction) plants the claims these tests read: a wire
story run by three more outlets (one origin), a fact reported by two outlets with
their own sources (two), a promise known from a single anonymous source and then
relayed by other outlets, and a meeting its subject denies.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.credibility import grades
from interlock.credibility.outlets import BadRegistry, parse
from interlock.query import show, timeline
from interlock.store import SQLStore, open_store
from tests.conftest import BACKENDS, new_store
from tests.helpers import require_shared

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"


def ingest(path: Path | str, *inputs: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", *map(str, inputs), "--outlets", str(CORPUS / "outlets.yaml"), "--db", str(path), "-q"]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SQLStore:
    path = new_store(request.param, request, tmp_path_factory.mktemp("credibility"), "c.db")
    ingest(path, CORPUS)
    return open_store(path)


def claim(store: SQLStore, subject: str, predicate: str, obj: str) -> dict[str, Any]:
    """The claim about two actors named so, with its statements' grades by document."""
    rows = store.sql(
        "SELECT c.*, a1.name AS s, a2.name AS o FROM claims c JOIN actors a1 ON a1.id = c.subject_actor "
        "JOIN actors a2 ON a2.id = c.object_actor WHERE c.predicate = ?", (predicate,)
    )
    found = [r for r in rows if subject in (r["s"], r["o"]) and obj in (r["s"], r["o"])]
    assert len(found) == 1, f"one claim {subject} {predicate} {obj}: {[(r['s'], r['o']) for r in rows]}"
    c = dict(found[0])
    c["statements"] = {
        r["document_id"]: dict(r) for r in store.sql(
            "SELECT s.document_id, g.* FROM statement_grades g JOIN statements s ON s.id = g.statement_id "
            "WHERE g.claim_id = ?", (c["id"],)
        )
    }
    c["origins"], c["contradicted_by"] = json.loads(c["origins"]), json.loads(c["contradicted_by"])
    return c


def test_a_wire_story_and_its_copies_are_one_origin(store: SQLStore) -> None:
    c = claim(store, "Qasim al-Sayyadi", "founded", "Wafa Alliance")
    assert {"q17", "q18", "q20"} <= set(c["statements"]), "the original and its copies all say it"
    assert c["origins"] == ["Nahr Press Agency"] and c["corroboration"] == 1
    # one origin on record, from a wire graded B: probably true, not confirmed
    assert c["grade"] == "B2"
    assert "all go back to it" in c["reason"]
    assert c["statements"]["q18"]["letter"] == "C", "the copy passed through a C outlet"


def test_two_outlets_with_their_own_sources_confirm_it(store: SQLStore) -> None:
    c = claim(store, "Faris Abu Hilal", "spokesperson_for", "Kata'ib al-Sumud")
    assert c["origins"] == ["Nahr Press Agency", "Qadira National Broadcasting"]
    assert c["corroboration"] == 2 and c["contradicted_by"] == []
    assert c["grade"] == "B1" and "confirmed by 2 independent origins" in c["reason"]


def test_a_single_anonymous_source_relayed_is_one_origin_and_denied(store: SQLStore) -> None:
    c = claim(store, "Mahmoud al-Qaysi", "holds_position", "Kata'ib al-Sumud")
    # the anonymous official spoke to Sawt al-Sha'b; QNB's relay (q31) is the same origin
    assert c["origins"] == ["Sawt al-Sha'b"] and c["corroboration"] == 1
    relay = c["statements"]["q31"]
    assert relay["attribution_type"] == "anonymous-relayed"
    assert "Sawt al-Sha'b > Qadira National Broadcasting" in relay["reason"]
    # the alliance denies it on record (q22): improbable, from an unreliable chain
    assert c["contradicted_by"] == ["The Wafa Alliance"]
    assert c["credibility"] == 5 and c["grade"] == "E5"
    assert "denied on record" in c["reason"]


def test_a_meeting_denied_by_its_subject(store: SQLStore) -> None:
    c = claim(store, "Jawad al-Khazraji", "met_with", "Teodor Maras")
    assert c["origins"] == ["Nahr Press Agency"]
    assert c["contradicted_by"] and "Khazraji" in c["contradicted_by"][0], "al-Khazraji himself denies it"
    assert c["credibility"] == 5
    denial = next(s for s in c["statements"].values() if s["statement_id"] != c["statements"].get("q12", {}).get("statement_id"))
    links = store.sql(
        "SELECT count(*) FROM contradictions WHERE statement_id = ? OR other_id = ?",
        (denial["statement_id"], denial["statement_id"]),
    )[0][0]
    assert links == 2, "a contradiction is linked both ways"


def test_show_prints_the_grade_beside_every_statement_and_filters(store: SQLStore) -> None:
    profile = show(store, "Faris Abu Hilal")
    graded = [s for t in profile["ties"] for s in t["sources"]]
    assert graded and all(s["grade"] for s in graded)
    spokesman = next(t for t in profile["ties"] if t["predicate"] == "spokesperson_for")
    assert spokesman["grade"] == "B1" and spokesman["origins"] == 2
    strict = show(store, "Faris Abu Hilal", min_grade="B1")
    assert all(grades.meets(s["grade"], "B1") for t in strict["ties"] for s in t["sources"])
    assert len(strict["ties"]) < len(profile["ties"])
    items = timeline(store, "Faris Abu Hilal", min_grade="C2")
    assert items and all(grades.meets(i["grade"], "C2") for i in items)


def test_cli_show_and_outlets(store: SQLStore) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["show", "Faris Abu Hilal", "--min-grade", "B1", "--db", str(store.path)])
    assert out.exit_code == 0 and "[B1]" in out.output
    bad = runner.invoke(cli, ["show", "Faris Abu Hilal", "--min-grade", "Z9", "--db", str(store.path)])
    assert bad.exit_code != 0 and "not an Admiralty grade" in bad.output
    listing = runner.invoke(cli, ["outlets", "--json", "--db", str(store.path)])
    rows = {r["outlet"]: r for r in json.loads(listing.output)}
    assert rows["Nahr Press Agency"]["reliability"] == "B"
    # the feed's name is an alias in the registry: one outlet, counted once
    feed = rows["Sawt al-Sha'b - Voice of the People (fiction)"]
    assert feed["reliability"] == "D" and feed["counted_as"] == rows["Sawt al-Sha'b"]["counted_as"]


def test_outlets_are_entities_with_affiliations_as_statements(store: SQLStore) -> None:
    profile = show(store, "Al-Ufuq TV")
    tie = next(t for t in profile["ties"] if t["predicate"] == "affiliated_with")
    assert tie["object"] == "Federation of Varesh"
    assert "affiliation: Federation of Varesh" in tie["sources"][0]["evidence"]


def test_the_outlet_registry_is_configuration_not_news(store: SQLStore) -> None:
    """Issue 15: the registry lives in tables of its own; its outlets and affiliations are in the graph,
    but it is not counted as an article, searched, deduplicated or graded."""
    from interlock.query import search, stats

    text = (CORPUS / "outlets.yaml").read_text(encoding="utf-8")
    assert store.sql("SELECT text FROM outlet_registry")[0][0] == text
    names = {r[0] for r in store.sql("SELECT name FROM registry_outlets")}
    assert "Nahr Press Agency" in names
    assert store.sql("SELECT count(*) FROM documents_fts WHERE document_id LIKE 'registry:%'")[0][0] == 0
    assert store.sql("SELECT count(*) FROM document_bands WHERE document_id LIKE 'registry:%'")[0][0] == 0
    assert store.sql("SELECT count(*) FROM documents WHERE copy_of LIKE 'registry:%' "
                     "OR (id LIKE 'registry:%' AND minhash IS NOT NULL)")[0][0] == 0
    assert store.sql("SELECT count(*) FROM statement_grades g JOIN statements s ON s.id = g.statement_id "
                     "WHERE s.document_id LIKE 'registry:%'")[0][0] == 0
    counts = stats(store)
    assert counts["configuration"] == 1
    assert counts["documents"] == store.sql("SELECT count(*) FROM documents")[0][0] - 1
    assert not [d for d in search(store, "reliability")["documents"] if d["id"].startswith("registry:")]


def test_grades_compare_and_explain() -> None:
    assert grades.meets("B2", "C3") and not grades.meets("C2", "B2") and not grades.meets("B4", "B3")
    assert grades.weakest(["A1", "C2", "B5"]) == "C5"
    assert grades.weakest([]) == "F6"
    assert grades.explain("B2") == "usually reliable source, probably true"
    for bad in ("", "G1", "B7", "2B", "B22"):
        with pytest.raises(grades.BadGrade):
            grades.parse(bad)


@pytest.mark.parametrize("text, message", [
    ("outlets: [", "not valid YAML"),
    ("outlets: {}", "list under 'outlets'"),
    ("outlets:\n  - name: X\n    reliability: G\n", ":2: reliability 'G'"),
    ("outlets:\n  - name: X\n  - name: Y\n    owner: Z\n", ":3: unknown field(s) owner"),
    ("outlets:\n  - reliability: B\n", "needs a name"),
])
def test_registry_errors_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(BadRegistry, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        parse(text, "my-outlets.yaml")
    assert "my-outlets.yaml" in str(err.value)


def test_the_seed_shows_its_relay_chain_and_grade(tmp_path: Path) -> None:
    seed = require_shared("seed")
    path = tmp_path / "s.db"
    ingest(path, CORPUS, seed)
    with open_store(path) as s:
        profile = show(s, "Ahmad al-Asadi")
    relayed = [(t, src) for t in profile["ties"] for src in t["sources"]
               if src["chain"][:1] and "(anonymous)" in src["chain"][0]]
    assert relayed, "some of his ties are known from the anonymous source"
    for tie, src in relayed:
        assert src["chain"][1:] == ["Al Arabiya", "ncr-iran"]
        assert src["attribution_type"] == "anonymous-relayed"
        # neither outlet is in the registry (F), one anonymous source, nothing else: F6
        assert src["grade"] == "F6" and "single anonymous source, relayed through Al Arabiya, ncr-iran" in tie["claim"]["reason"]
    assert any(t["predicate"] == "candidate_in" for t, _ in relayed)
    assert any(t["predicate"] == "advisor_to" and t["status"] == "planned" for t, _ in relayed)
