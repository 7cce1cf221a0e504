"""interlock export on the sample corpus: each format checked by its own ecosystem's library.

FtM entities validate one by one against followthemoney's model; the STIX bundle passes
stix2-validator with no errors and loads with stix2.parse; GEXF and GraphML load back with
networkx with the same nodes, edges and attributes; the CSV headers are neo4j-admin's.
The filters cut the export as asked, and the grade -> STIX confidence map is the
specification's.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.export import export
from interlock.export.select import (
    STIX_CONFIDENCE,
    ExportError,
    Filters,
    Selection,
    confidence,
    credibility_of,
)
from interlock.query import find_actor
from interlock.store import SQLiteStore
from tests.helpers import copy_store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"


@pytest.fixture(scope="module")
def db(sample_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(sample_store_file, tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def store(db: Path) -> SQLiteStore:
    return SQLiteStore(db)


def counts(store: SQLiteStore, filters: Filters | None = None) -> dict[str, int]:
    sel = Selection(store, filters)
    try:
        return sel.counts()
    finally:
        sel.close()


def test_the_whole_corpus_is_selected(store: SQLiteStore) -> None:
    got = counts(store)
    total = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    assert got["statements"] == total
    assert got["actors"] > 30 and got["ties"] > 30 and got["documents"] > 20


# -- FollowTheMoney ---------------------------------------------------------------------------


def test_ftm_entities_validate_one_by_one(store: SQLiteStore, tmp_path: Path) -> None:
    from followthemoney import model

    out = tmp_path / "corpus.ftm.json"
    summary = export(store, "ftm", out)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == summary["written"]["entities"]
    ids = [e["id"] for e in lines]
    assert len(ids) == len(set(ids)), "every entity once"
    by_id = {e["id"]: e for e in lines}
    for data in lines:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract
        schema.validate(data)  # raises on a missing required property or a bad value
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.id == data["id"]
        # every entity a property points at is in the file, and of the property's range
        for prop_name, values in data["properties"].items():
            prop = schema.get(prop_name)
            assert prop is not None, f"{data['schema']} has no property {prop_name}"
            if prop.type.name == "entity":
                for v in values:
                    assert v in by_id, f"{data['id']} {prop_name} -> {v} is not exported"
                    assert model.get(by_id[v]["schema"]).is_a(prop.range), (prop_name, by_id[v]["schema"])
    schemata = {e["schema"] for e in lines}
    assert {"Person", "Organization", "PublicBody", "Position", "Occupancy", "Directorship", "Membership",
            "UnknownLink", "Article", "Event"} <= schemata


def test_ftm_keeps_each_statements_evidence(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "corpus.ftm.json"
    export(store, "ftm", out)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    articles = {e["id"] for e in lines if e["schema"] == "Article"}
    occupancies = [e for e in lines if e["schema"] == "Occupancy"]
    hilal = [e for e in lines if e["schema"] == "Person" and "Faris Abu Hilal" in e["properties"]["name"]]
    assert len(hilal) == 1
    his = [o for o in occupancies if o["properties"]["holder"] == [hilal[0]["id"]]]
    assert his, "Faris Abu Hilal's posts are Occupancies"
    for o in his:
        p = o["properties"]
        assert set(p["proof"]) <= articles
        assert p["description"] and p["recordId"][0].startswith("st_")
        assert p["summary"][0].startswith("holds_position")
        assert p["status"]
    graded = [o for o in occupancies if "grade" in o["properties"]["summary"][0]]
    assert graded, "grades are kept in the summary"


def test_ftm_ids_are_stable_across_runs(store: SQLiteStore, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    export(store, "ftm", a)
    export(store, "ftm", b)
    assert a.read_text("utf-8") == b.read_text("utf-8")


# -- STIX 2.1 -------------------------------------------------------------------------------


def test_stix_bundle_validates_and_parses(store: SQLiteStore, tmp_path: Path) -> None:
    import stix2
    from stix2validator import ValidationOptions, validate_instance

    out = tmp_path / "corpus.stix.json"
    summary = export(store, "stix", out)
    bundle = json.loads(out.read_text("utf-8"))
    result = validate_instance(bundle, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    assert not result.errors
    parsed = stix2.parse(bundle, allow_custom=True)
    assert len(parsed.objects) == summary["written"]["objects"]
    types = {o["type"] for o in bundle["objects"]}
    assert {"identity", "threat-actor", "relationship", "report", "note", "extension-definition"} <= types
    sumud = [o for o in bundle["objects"] if o["type"] == "threat-actor" and o["name"] == "Kata'ib al-Sumud"]
    assert sumud and "armed-group" in sumud[0]["x_interlock_kinds"], "an armed group is a threat actor"
    ids = {o["id"] for o in bundle["objects"]}
    for o in bundle["objects"]:
        for ref in o.get("object_refs", []) + [o.get("source_ref"), o.get("target_ref")]:
            assert ref is None or ref in ids, f"{o['id']} points at {ref}, not in the bundle"
    rels = [o for o in bundle["objects"] if o["type"] == "relationship"]
    for r in rels:
        if "x_interlock_admiralty_grade" in r:
            number = int(r["x_interlock_admiralty_grade"][1])
            assert r.get("confidence") == STIX_CONFIDENCE.get(number)
            assert r["x_interlock_credibility"] == number
            assert r["x_interlock_source_reliability"] == r["x_interlock_admiralty_grade"][0]
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    urls = dict(store.conn.execute("SELECT id, url FROM documents").fetchall())
    assert reports and all(r["external_references"][0].get("url") == urls[r["x_interlock_document"]]
                           for r in reports)


def test_stix_ids_are_stable(store: SQLiteStore, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    export(store, "stix", a)
    export(store, "stix", b)
    ids = [{o["id"] for o in json.loads(p.read_text("utf-8"))["objects"]} for p in (a, b)]
    assert ids[0] == ids[1]


def test_grade_to_stix_confidence_follows_the_specification() -> None:
    # STIX 2.1, appendix A, Admiralty Credibility: 6 -> (not present), 5 -> 10, 4 -> 30,
    # 3 -> 50, 2 -> 70, 1 -> 90; and back: 0-19 -> 5, 20-39 -> 4, 40-59 -> 3, 60-79 -> 2, 80-100 -> 1
    assert [confidence(n) for n in range(1, 7)] == [90, 70, 50, 30, 10, None]
    assert [credibility_of(v) for v in (0, 19, 20, 39, 40, 59, 60, 79, 80, 100)] == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    for number, value in STIX_CONFIDENCE.items():
        assert credibility_of(value) == number
    with pytest.raises(ExportError):
        credibility_of(101)


# -- GEXF, GraphML ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_loads_back_with_networkx(store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    out = tmp_path / f"corpus.{fmt}"
    summary = export(store, fmt, out)
    g = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    sel = Selection(store)
    try:
        nodes = {n["key"]: n for n in sel.nodes()}
        edges = list(sel.edges())
    finally:
        sel.close()
    assert g.number_of_nodes() == len(nodes) == summary["written"]["nodes"]
    assert g.number_of_edges() == len(edges) == summary["written"]["edges"]
    for key, data in g.nodes(data=True):
        n = nodes[key]
        assert data["name"] == n["name"] and data["kind"] == n["label"]
        assert int(data["degree"]) == n["degree"]
        assert data["anonymous"] is n["anonymous"]
        if len(n["names"]) > 1:
            assert data["aliases"].split(";") == [a for a in n["names"] if a != n["name"]]
    want = {(e["source"], e["target"], e["predicate"]): e for e in edges}
    got = {(s, t, d["predicate"]): d for s, t, d in g.edges(data=True)}
    assert got.keys() == want.keys()
    for k, d in got.items():
        e = want[k]
        assert d.get("grade") == e["grade"]
        assert (int(d["confidence"]) if "confidence" in d else None) == e["confidence"]
        assert (int(d["corroboration"]) if "corroboration" in d else None) == e["corroboration"]
        assert d.get("valid_from") == e["valid_from"] and d.get("valid_to") == e["valid_to"]
        assert int(d["statements"]) == e["statements"]
    # degree is the number of exported ties at the node
    for key, n in nodes.items():
        assert n["degree"] == g.in_degree(key) + g.out_degree(key)


# -- Neo4j ---------------------------------------------------------------------------------------


def test_csv_has_the_headers_neo4j_admin_import_reads(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "neo4j"
    summary = export(store, "csv", out)
    with open(out / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.reader(f))
    with open(out / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.reader(f))
    # one ID column and one :LABEL column for nodes; :START_ID, :END_ID, :TYPE for relationships;
    # other columns name:type with types the importer knows
    assert nodes[0][0] == "id:ID" and nodes[0][-1] == ":LABEL"
    assert edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    known = {"string", "int", "long", "float", "double", "boolean", "date", "string[]"}
    for header in (nodes[0], edges[0]):
        for col in header:
            if ":" in col and not col.startswith(":") and col != "id:ID":
                assert col.split(":", 1)[1] in known, col
    assert len(nodes) - 1 == summary["written"]["nodes"] and len(edges) - 1 == summary["written"]["edges"]
    ids = {r[0] for r in nodes[1:]}
    assert all(r[0] in ids and r[1] in ids for r in edges[1:])
    assert all(r[2].isupper() and " " not in r[2] for r in edges[1:])
    assert all(r[-1].startswith("Actor;") for r in nodes[1:])


def test_cypher_merges_every_actor_and_tie(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "corpus.cypher"
    summary = export(store, "cypher", out)
    lines = out.read_text("utf-8").splitlines()
    merges = [line for line in lines if line.startswith("MERGE (a:Actor")]
    ties = [line for line in lines if line.startswith("MATCH (s:Actor")]
    assert len(merges) == summary["written"]["nodes"] and len(ties) == summary["written"]["edges"]
    assert all(line.endswith(";") for line in merges + ties)


# -- JSON lines ----------------------------------------------------------------------------------


def test_jsonl_has_every_claim_with_its_statements(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    summary = export(store, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == summary["written"]["claims"]
    assert sum(len(c["statements"]) for c in lines) == store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    graded = {c["claim"] for c in lines if c["claim"]}
    assert graded == {r[0] for r in store.conn.execute("SELECT id FROM claims")}
    for c in lines:
        for s in c["statements"]:
            assert s["evidence"] and s["document"]


# -- filters -------------------------------------------------------------------------------------


def test_min_grade_keeps_only_statements_graded_that_well(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "b3.jsonl"
    export(store, "jsonl", out, Filters(min_grade="B3"))
    kept = [s for line in out.read_text("utf-8").splitlines() for s in json.loads(line)["statements"]]
    assert kept
    assert all(s["grade"][0] in "AB" and int(s["grade"][1]) <= 3 for s in kept)
    want = store.conn.execute(
        "SELECT count(*) FROM statement_grades WHERE substr(grade, 1, 1) IN ('A', 'B') AND credibility <= 3"
    ).fetchone()[0]
    assert len(kept) == want
    assert counts(store, Filters(min_grade="B3"))["statements"] < counts(store)["statements"]


def test_min_stix_confidence_uses_the_stix_scale(store: SQLiteStore) -> None:
    high = counts(store, Filters(min_stix_confidence=80))["statements"]
    graded_1 = store.conn.execute("SELECT count(*) FROM statement_grades WHERE credibility = 1").fetchone()[0]
    assert high == graded_1
    assert counts(store, Filters(min_stix_confidence=0))["statements"] >= \
        counts(store, Filters(min_stix_confidence=50))["statements"]


def test_since_and_until_cut_by_publication_date(store: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "march.jsonl"
    export(store, "jsonl", out, Filters(since="2027-03-01", until="2027-03"))
    dates = {s["published"] for line in out.read_text("utf-8").splitlines() for s in json.loads(line)["statements"]}
    assert dates and all("2027-03-01" <= d <= "2027-03-31" for d in dates)
    assert counts(store, Filters(since="2027-03-01"))["statements"] < counts(store)["statements"]


def test_actor_and_hops_keep_a_neighbourhood(store: SQLiteStore, tmp_path: Path) -> None:
    import networkx as nx

    hilal = find_actor(store, "Faris Abu Hilal")
    one, two = (tmp_path / f"hop{n}.graphml" for n in (1, 2))
    export(store, "graphml", one, Filters(actor="Faris Abu Hilal", hops=1))
    export(store, "graphml", two, Filters(actor="Faris Abu Hilal", hops=2))
    g1, g2 = nx.read_graphml(one), nx.read_graphml(two)
    assert hilal in g1 and g1.number_of_nodes() > 1
    undirected = g1.to_undirected()
    assert all(nx.shortest_path_length(undirected, hilal, n) <= 1 for n in g1.nodes)
    assert set(g1.nodes) < set(g2.nodes)
    assert g2.number_of_nodes() < counts(store)["actors"]
    assert counts(store, Filters(actor="Faris Abu Hilal", hops=0))["ties"] == 0


def test_filters_refuse_what_cannot_be_applied(store: SQLiteStore) -> None:
    for bad in (Filters(min_grade="Z9"), Filters(min_stix_confidence=120), Filters(since="2027-13-01"),
                Filters(since="2027-03-01", until="2027-02-01"), Filters(hops=2)):
        with pytest.raises(Exception) as info:
            counts(store, bad)
        assert "Error" in type(info.value).__name__ or "Grade" in type(info.value).__name__


# -- the command ---------------------------------------------------------------------------------


def test_command_writes_and_summarises(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.gexf"
    result = CliRunner().invoke(cli, ["export", "--format", "gexf", "--out", str(out), "--db", str(db),
                                      "--min-grade", "C3", "--json"])
    assert result.exit_code == 0, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    assert summary["written"]["nodes"] > 0 and summary["filters"]["min_grade"] == "C3"
    assert out.exists()


def test_command_leaves_out_what_the_extractor_doubts_as_queries_do(db: Path, tmp_path: Path) -> None:
    def exported(*args: str) -> int:
        out = tmp_path / "c.jsonl"
        result = CliRunner().invoke(cli, ["export", "--format", "jsonl", "--out", str(out), "--db", str(db), "--json",
                                          *args])
        assert result.exit_code == 0, result.output
        return int(json.loads(result.stdout)["written"]["statements"])

    with SQLiteStore(db) as store:
        total = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        sure = store.conn.execute("SELECT count(*) FROM statements WHERE confidence >= 0.9").fetchone()[0]
    assert exported("--min-confidence", "0") == total
    assert exported("--min-confidence", "0.9") == sure


@pytest.mark.parametrize("args, message", [
    (["--min-grade", "Z9"], "not an Admiralty grade"),
    (["--since", "yesterday"], "is not a date"),
    (["--actor", "Nobody At All"], "Nobody At All"),
    (["--hops", "2"], "--hops needs --actor"),
])
def test_command_errors_are_one_line(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "ftm", "--out", str(tmp_path / "x.json"),
                                      "--db", str(db), *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_command_refuses_a_missing_folder_or_store(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "stix", "--out", str(tmp_path / "no" / "x.json"), "--db", str(db)])
    assert result.exit_code != 0 and "no folder" in result.output
    result = runner.invoke(cli, ["export", "--format", "stix", "--out", str(tmp_path / "x.json"),
                                 "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "no store" in result.output
    result = runner.invoke(cli, ["export", "--format", "stix", "--out", str(tmp_path), "--db", str(db)])
    assert result.exit_code != 0 and "is a folder" in result.output


def test_ftm_without_followthemoney_is_one_clear_error(db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "followthemoney", None)  # as if the export extra were not installed
    out = tmp_path / "x.json"
    result = CliRunner().invoke(cli, ["export", "--format", "ftm", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 1
    assert "pip install 'interlock[export]'" in result.output and "Traceback" not in result.output
    assert not out.exists()
