"""Profiles and output on the sample corpus (our own fiction) and small stores: stats, ties, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interlock.query import ties
from interlock.store import SQLiteStore
from tests.helpers import copy_store, invoke

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def db(sample_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_store(sample_store_file, tmp_path_factory.mktemp("profiles"))


def run(*args: str) -> tuple[int, str, str]:
    return invoke(*args)


def test_stats_counts_articles_not_configuration(db: Path) -> None:
    code, out, _ = run("stats", "--json", "--db", str(db))
    counts = json.loads(out)
    assert code == 0 and counts["documents"] == 31 and counts["configuration"] == 1, "31 articles, the registry apart"
    outlets = {r["outlet"]: r["documents"] for r in counts["outlets_by_documents"]}
    assert outlets["Sawt al-Sha'b"] == 6, "the feed's long title is the outlet (registry alias)"
    assert counts["first_published"] == "2027-01-28" and counts["last_published"] == "2027-04-22"


def test_stats_of_an_empty_store_prints_no_none(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "e.db").close()
    code, out, _ = run("stats", "--db", str(tmp_path / "e.db"))
    assert code == 0 and "None" not in out and "documents        0" in out


def test_ties_show_grade_and_outlet_per_step_and_fold_parallel_edges(db: Path) -> None:
    with SQLiteStore(db) as store:
        paths = ties(store, "Jawad al-Khazraji", "Foreign Security Corps", 3)
    assert paths
    through = [tuple([p[0]["from"], *(e["to"] for e in p)]) for p in paths]
    assert len(through) == len(set(through)), "paths through the same actors are folded into one"
    for p in paths:
        for step in p:
            assert step["grade"] and step["outlet"] and step["published"]
            assert all(x["from"] == step["from"] and x["to"] == step["to"] for x in step["also"])
    first = paths[0][0]
    assert first["predicate"] == "met_with" and first["modality"] != "negated", "the report before the denial"
    assert any(x["modality"] == "negated" for x in first["also"]), "the denial folded in beside it"
    code, out, _ = run("ties", "Jawad al-Khazraji", "Foreign Security Corps", "--db", str(db))
    assert code == 0 and "[C" in out and "Nahr Press Agency, 2027-03-05, q12" in out


def test_show_quotes_only_real_speakers_aliases_once_posts_once(db: Path) -> None:
    from interlock.query import show

    with SQLiteStore(db) as store:
        khazraji = show(store, "Jawad al-Khazraji")
        sumud = show(store, "Kata'ib al-Sumud")
        sayyadi = show(store, "Qasim al-Sayyadi")
    for profile in (khazraji, sumud):
        for q in profile["quotes_about"]:
            assert q["source"] and q["source"][:1].isupper() or q["source"].endswith("(anonymous)"), q
            assert q["source"].split(" (")[0].lower() not in {"this", "al", "he", "it", "someone", "none"}, q
            assert not any(ch.isdigit() for ch in q["source"].split(" (")[0][:12]), f"a date is no speaker: {q}"
    aliases = [a["alias"].casefold() for a in sumud["stated_aliases"]]
    assert len(aliases) == len(set(aliases)), "each stated alias once"
    steadfast = next(a for a in sumud["stated_aliases"] if a["alias"] == "Steadfastness Brigades")
    assert steadfast["evidence"].startswith("DAR AL-NAHR"), "the whole sentence, its first letter too"
    posts = [(t["subject"], t["object"], t["role"], t["status"]) for t in sayyadi["ties"]
             if t["predicate"] in ("holds_position", "leader_of")]
    assert len(posts) == len(set(posts)), "holds_position and leader_of of one post shown once"
    assert any(t.get("predicates") == ["holds_position", "leader_of"] for t in sayyadi["ties"])


def test_show_prints_whole_evidence_wrapped(db: Path) -> None:
    code, out, _ = run("show", "Kata'ib al-Sumud", "--db", str(db))
    assert code == 0
    assert "April's parliamentary election, the group announced." in " ".join(out.split())
    assert "someone" not in out


POSTS = ("Karim Saleh, the mayor of Ras Tanwir, met Hadi Nouri, the governor of Sahil Province, and Omar Idris, the "
         "commander of the Tanwir Guards, in Ras Tanwir on Monday. Lina Haddad, the Qadiri ambassador to Varesh, "
         "attended.")


@pytest.fixture(scope="module")
def posts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from interlock.extract.api import extract
    from interlock.refresh import refresh

    path = tmp_path_factory.mktemp("posts") / "p.db"
    with SQLiteStore(path) as store:
        store.put(extract(POSTS, doc_id="p1", published="2027-05-01", outlet="Test Wire"), POSTS)
        list(refresh(store))
    return path


def test_show_a_post_with_its_organisation(posts: Path) -> None:
    from interlock.query import show

    with SQLiteStore(posts) as store:
        idris = show(store, "Omar Idris")
    assert any(t["predicate"] in ("holds_position", "leader_of") and t["object"] == "Tanwir Guards"
               and t["role"] == "commander" for t in idris["ties"])


def test_show_never_gives_a_place_as_a_posts_object(posts: Path) -> None:
    """Extraction gives the town of 'the mayor of Ras Tanwir' as the post's object (a national post's country
    is kept for scoring); show names the post with its place instead: 'mayor of Ras Tanwir'."""
    from interlock.query import show

    with SQLiteStore(posts) as store:
        places = {r[0] for r in store.conn.execute("SELECT name FROM actors WHERE label IN ('GPE', 'LOC', 'PLACE')")}
        profiles = [show(store, n) for n in ("Karim Saleh", "Hadi Nouri", "Omar Idris")]
    assert places, "the towns and the province are places"
    for profile in profiles:
        for t in profile["ties"]:
            if t["predicate"] in ("holds_position", "leader_of"):
                assert t["object"] not in places, t
    saleh = [t for t in profiles[0]["ties"] if t["predicate"] == "holds_position"]
    assert [(t["object"], t["role"]) for t in saleh] == [(None, "mayor of Ras Tanwir")]
