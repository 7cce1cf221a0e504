"""Re-extraction: a store made by an older extraction is brought up to date, judgements and all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.extract.result import EXTRACTION_VERSION
from interlock.query import find_actor
from interlock.store import SQLiteStore

CORPUS = Path(__file__).resolve().parent / "fixtures" / "resolution" / "articles.jsonl"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reextract") / "base.db"
    run("ingest", str(CORPUS), "--db", str(path), "-q")
    return path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    shutil.copy(built, path)
    return path


def _age(db: Path) -> dict[str, int]:
    """Make the store look as an older extraction left it: another version, fewer rows."""
    with SQLiteStore(db) as store, store.transaction() as c:
        before = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("statements", "events")}
        c.execute("UPDATE documents SET extraction_version = 'older'")
        c.execute("DELETE FROM statements WHERE rowid % 2 = 0")
        c.execute("DELETE FROM events WHERE rowid % 2 = 0")
    return before


def test_documents_record_the_extraction_version(db: Path) -> None:
    with SQLiteStore(db) as store:
        versions = {r[0] for r in store.conn.execute("SELECT extraction_version FROM documents")}
    assert versions == {EXTRACTION_VERSION}


def test_nothing_to_redo_when_the_store_is_current(db: Path) -> None:
    out = json.loads(run("reextract", "--db", str(db), "--json"))
    assert out["done"] == 0 and out["failed"] == []


def test_an_older_store_is_re_extracted_with_judgements_kept(db: Path) -> None:
    run("merge", "Badr Organization", "Muqtada al-Sadr", "--by", "bob", "--db", str(db))
    full = _age(db)
    out = json.loads(run("reextract", "--db", str(db), "--json"))
    assert out["done"] > 0 and out["failed"] == []
    assert out["after"]["statements"] == full["statements"] > out["before"]["statements"]
    assert out["after"]["events"] == full["events"]
    with SQLiteStore(db) as store:
        assert {r[0] for r in store.conn.execute("SELECT extraction_version FROM documents")} == {EXTRACTION_VERSION}
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the analyst's merge applies to the new rows
        assert find_actor(store, "Badr Organization") == find_actor(store, "Muqtada al-Sadr")
        assert not store.refresh_pending()


def test_where_limits_the_documents(db: Path) -> None:
    _age(db)
    with SQLiteStore(db) as store:
        first = store.conn.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
    out = json.loads(run("reextract", "--db", str(db), "--where", first, "--json"))
    assert out["done"] >= 1
    with SQLiteStore(db) as store:
        left = store.conn.execute("SELECT count(*) FROM documents WHERE extraction_version = 'older'").fetchone()[0]
    assert left > 0


def test_re_ingesting_a_text_with_new_metadata_updates_it(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    text = "Colonel Samuel Otieno met the envoy Amina Yusuf in Nairobi on Monday, officials said."
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "m1", "text": text, "outlet": "Wire A"}) + "\n", encoding="utf-8")
    run("ingest", str(first), "--db", str(db), "-q")
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps({"id": "m1", "text": text, "outlet": "Wire A"}) + "\n", encoding="utf-8")
    assert "1 unchanged" in run("ingest", str(again), "--db", str(db))
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "m1", "text": text, "outlet": "Wire B", "published": "2024-03-06"}) + "\n",
                     encoding="utf-8")
    assert "1 updated" in run("ingest", str(later), "--db", str(db))
    with SQLiteStore(db) as store:
        row = store.conn.execute(
            "SELECT d.published, o.name FROM documents d JOIN outlets o ON o.id = d.outlet_id WHERE d.id = 'm1'"
        ).fetchone()
        assert tuple(row) == ("2024-03-06", "Wire B")
        # the meeting is dated now that the publication date is known
        times = [r[0] for r in store.conn.execute("SELECT time FROM events WHERE document_id = 'm1'")]
        assert "2024-03-04" in times
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
