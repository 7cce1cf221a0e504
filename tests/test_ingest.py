"""``interlock ingest`` and ``interlock stats`` through the CLI, and a crash mid-run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample.jsonl"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = run(["ingest", str(SAMPLE), "--db", db, "-q"])
    assert code == 0, err
    assert "5 new, 0 failed" in err
    code, out, _ = run(["stats", "--db", db, "--json"])
    first = json.loads(out)
    assert first["documents"] == 5 and first["statements"] > 0
    code, _, err = run(["ingest", str(SAMPLE), "--db", db, "-q"])
    assert code == 0 and "5 unchanged, 0 failed" in err
    assert json.loads(run(["stats", "--db", db, "--json"])[1]) == first


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Hadi Nouri resigned from the council on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"id": "a", "text": "The vote was held."}\n{oops\n', encoding="utf-8")
    (folder / "latin.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "cut.html").write_text("<html><head><title>x</title></head><body><div>", encoding="utf-8")
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>ok</title><description>The council met on Monday.</description></item>"
        "<item><title>broken</title></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "page.pdf").write_bytes(b"%PDF-1.4")
    db = str(tmp_path / "s.db")
    code, _, err = run(
        ["ingest", str(folder), str(tmp_path / "page.pdf"), str(tmp_path / "missing.jsonl"), "--db", db, "-q"]
    )
    assert code == 1
    assert "broken.jsonl line 2: is not valid JSON" in err
    assert "latin.txt: is not UTF-8 text" in err
    assert "binary.txt: is not UTF-8 text" in err
    assert "cut.html: is an HTML page with no article text" in err
    assert "feed.xml entry 2: has no text" in err
    assert "page.pdf: is not a format ingest reads" in err
    assert "missing.jsonl: cannot be read" in err
    assert "empty.txt: is empty" in err
    # good.txt, the good JSON line and the good feed entry are stored
    assert json.loads(run(["stats", "--db", db, "--json"])[1])["documents"] == 3


def test_stats_without_a_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(["stats", "--db", str(tmp_path / "none.db")])
    assert code != 0 and "run `interlock ingest` first" in err


@pytest.mark.slow
def test_killed_mid_run_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n in range(60):
            text = f"Council member Hadi Nouri {n} met voters in Basra on Monday, aides said. " * 20
            fh.write(json.dumps({"id": f"doc-{n}", "text": text, "published": "2021-04-05"}) + "\n")
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "interlock.cli", "ingest", str(src), "--db", str(db), "-q"]
    env = dict(os.environ, INTERLOCK_BATCH_SIZE="1")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 60, "the run should be killed part way through"
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    assert sorted(ids) == sorted(f"doc-{n}" for n in range(60))


def test_urls_are_fetched_only_from_public_addresses_unless_allowed(tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    site = tmp_path / "site"
    site.mkdir()
    page = next((REPO / "examples" / "corpus" / "html").glob("*.html"))
    (site / "story.html").write_bytes(page.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        db = str(tmp_path / "s.db")
        code, _, err = run(["ingest", url, "--db", db, "-q"])
        assert code == 1 and "loopback, private or link-local" in err
        code, _, err = run(["ingest", url, "--db", db, "-q", "--allow-private"])
        assert code == 0, err
        stats = json.loads(run(["stats", "--db", db, "--json"])[1])
        assert stats["documents"] == 1
    finally:
        server.shutdown()


@pytest.mark.slow
def test_sample_corpus_end_to_end(tmp_path: Path) -> None:
    corpus = REPO / "examples" / "corpus"
    db = str(tmp_path / "corpus.db")
    code, _, err = run(["ingest", str(corpus), "--db", db, "-q"])
    assert code == 0, err
    stats = json.loads(run(["stats", "--db", db, "--json"])[1])
    assert stats["documents"] == 31 and stats["copies"] >= 3  # the wire story and its three copies
    code, _, err = run(["ingest", str(corpus), "--db", db, "-q"])
    assert code == 0 and "31 unchanged" in err
    conn = sqlite3.connect(db)
    copies = {r[0]: r[1] for r in conn.execute("SELECT id, copy_of FROM documents WHERE copy_of IS NOT NULL")}
    assert {"q18", "q20"} <= set(copies) and copies["q18"] == "q17"
    top = json.loads(run(["show", "--most-connected", "--db", db, "--json"])[1])
    assert top["ties"] and all(src["outlet"] for tie in top["ties"] for src in tie["sources"])
    linked = next(t for t in top["ties"] if t["object"] and t["object"] != top["name"])
    for args in (["timeline", top["name"]], ["ties", top["name"], linked["object"]], ["search", "militia"], ["stats"]):
        code, out, err = run([*args, "--db", db, "--json"])
        assert code == 0, err
        assert isinstance(json.loads(out), (list, dict))
