"""The stores: idempotent writes, versions, integrity, search tables (SQLite and PostgreSQL where both apply)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from interlock.extract.api import extract
from interlock.store import SQLiteStore, StoreError, open_store
from interlock.store.schema import LATEST

TEXT = (
    "Samir Haddad, the governor of Nineveh, met the Turkish envoy in Mosul on Monday. "
    'A senior official told Rudaw TV that the talks failed. "It is over," Haddad said.'
)


def test_put_is_idempotent_and_a_changed_text_is_a_new_version(fresh_store: Path | str) -> None:
    doc = extract(TEXT, published="2021-04-07", doc_id="d1", outlet="Northern Wire")
    with open_store(fresh_store) as store:
        assert not isinstance(store, SQLiteStore) or store.version == LATEST
        assert store.put(doc, TEXT) == "new"
        before = store.stats()
        assert store.put(doc, TEXT) == "unchanged"
        assert store.stats() == before
        assert before.documents == 1 and before.outlets == 1
        assert before.statements == len(doc.statements) and before.entities == len(doc.entities)
        edited = TEXT.replace("Monday", "Tuesday")
        doc2 = extract(edited, published="2021-04-07", doc_id="d1", outlet="Northern Wire")
        assert store.put(doc2, edited) == "changed"
        after = store.stats()
        assert after.documents == 1 and after.entities == len(doc2.entities)
        row = store.sql("SELECT text FROM documents WHERE id = 'd1'")[0]
        assert row["text"] == edited
        assert store.integrity_ok()


def test_rows_are_queryable_with_plain_sql(tmp_path: Path) -> None:
    doc = extract(TEXT, published="2021-04-07", doc_id="d1")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.put(doc, TEXT)
    conn = sqlite3.connect(tmp_path / "s.db")  # any SQLite tool can read it
    subject = conn.execute(
        "SELECT e.name FROM statements s JOIN entities e ON e.id = s.subject_id "
        "WHERE s.predicate = 'holds_position'"
    ).fetchall()
    assert ("Samir Haddad",) in subject
    hits = conn.execute("SELECT entity_id FROM names_fts WHERE names_fts MATCH 'Haddad'").fetchall()
    assert hits
    docs = conn.execute("SELECT document_id FROM documents_fts WHERE documents_fts MATCH 'envoy'").fetchall()
    assert docs == [("d1",)]
    via = conn.execute("SELECT via FROM attributions WHERE cue_text = 'told'").fetchone()[0]
    assert "ent_" in via


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this Interlock knows"):
        SQLiteStore(path)


def test_each_subsystem_records_its_version_and_a_newer_one_is_refused(tmp_path: Path) -> None:
    from interlock.store.schema import known

    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        assert store.versions() == known()
        assert set(known()) == {"documents", "extraction", "resolution", "credibility", "vetting"}
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_versions SET version = version + 1 WHERE subsystem = 'credibility'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"credibility schema version \d+, newer than this Interlock knows"):
        SQLiteStore(path)


def test_a_store_from_before_the_grouping_migrates_and_records_its_versions(tmp_path: Path) -> None:
    from interlock.store.schema import LEGACY, STEPS, known, versions_after

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    # the store as the numbered migrations 1-4 left it: documents, extraction, copies and versions
    for _sub, _v, sql in STEPS[: LEGACY[4]]:
        conn.executescript(sql)
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    assert versions_after(LEGACY[4]) == {"documents": 3, "extraction": 2, "resolution": 0, "credibility": 0,
                                         "vetting": 0}
    with SQLiteStore(path) as store:
        assert store.versions() == known()
        assert store.version == len(STEPS)



STORY = (
    "The electoral commission in Basra said on Wednesday that the provincial vote would be "
    "delayed by two weeks because ballots had not arrived from the printer. Commission "
    "spokesman Hadi Nouri told reporters that the new date would be announced on Sunday. "
    "Opposition parties said the delay favoured the governing alliance, which denied it."
)


def test_syndicated_copies_point_at_the_first_version(fresh_store: Path | str) -> None:
    copy = STORY.replace("Wednesday", "Wednesday evening").replace("denied it", "rejected the charge")
    other = "Farmers in Diyala protested against water cuts for a third day, local officials said."
    with open_store(fresh_store) as store:
        for doc_id, text in (("wire", STORY), ("paper", copy), ("other", other)):
            store.put(extract(text, doc_id=doc_id), text)
        rows = {r["id"]: r["copy_of"] for r in store.sql("SELECT id, copy_of FROM documents")}
        assert store.stats().copies == 1
    assert rows == {"wire": None, "paper": "wire", "other": None}


def test_a_registry_stored_as_a_document_moves_to_its_own_tables(tmp_path: Path) -> None:
    """Issue 15: an older store kept the outlet registry as a searched, deduplicated document; migrating
    moves its text to outlet_registry and takes it out of search and deduplication."""
    from interlock.store.schema import LEGACY, STEPS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for _sub, _v, sql in STEPS[: LEGACY[6]]:
        conn.executescript(sql)
    text = "outlets:\n  - name: Northern Wire\n    reliability: B\n"
    conn.execute("INSERT INTO documents (id, content_hash, text, ingested_at, source, minhash) "
                 "VALUES ('registry:outlets', 'h', ?, '2027-01-01', 'outlet registry', x'00')", (text,))
    conn.execute("INSERT INTO documents_fts (document_id, title, text) VALUES ('registry:outlets', '', ?)", (text,))
    conn.execute("INSERT INTO document_bands (band, key, document_id) VALUES (0, 'k', 'registry:outlets')")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with SQLiteStore(path) as store:
        from interlock.credibility.outlets import stored

        assert stored(store).find("Northern Wire") is not None
        assert store.sql("SELECT text, loaded_at FROM outlet_registry")[0][:] == (text, "2027-01-01")
        assert store.sql("SELECT count(*) FROM documents_fts")[0][0] == 0
        assert store.sql("SELECT count(*) FROM document_bands")[0][0] == 0
        assert store.sql("SELECT minhash FROM documents")[0][0] is None


def test_only_path_search_reads_the_vetting_indexes(tmp_path: Path) -> None:
    """The partial indexes vetting's path search reads statements' keys from (``statements_vet_*``) must
    serve those two statements, and no other: another statement planned on them would read its rows
    in another order. Checked with and without the planner's statistics."""
    import re

    from interlock.store.sql import CATALOG

    with SQLiteStore(tmp_path / "s.db") as store:
        for analysed in (False, True):
            if analysed:
                store.conn.execute("ANALYZE")
            for name, sql in CATALOG.items():
                if not re.match(r"\s*(SELECT|WITH)\b", sql, re.I) or not re.search(r"\bstatements\b", sql):
                    continue
                text = sql.format(**{k: "?,?,?" for k in re.findall(r"\{(\w+)\}", sql)})
                plan = " ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + text,
                                                                 ["x"] * text.count("?")))
                side = name.removeprefix("vetting.edge_keys_by_")
                if side in ("subject", "object"):
                    assert f"COVERING INDEX statements_vet_{side}" in plan, (name, plan)
                else:
                    assert "statements_vet_" not in plan, (name, plan)
