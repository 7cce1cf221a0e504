"""Everyday CLI consistency: --by everywhere, a name watched before it is seen, alerts filtered by
the day they were raised or by the documents' publication date. Articles are our own writing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from interlock.cli import cli

FIRST = {"id": "ev-1", "published": "2027-05-02", "outlet": "Test Wire", "title": "[Fiction] Port reopens",
         "text": "Karim Saleh, the mayor of Ras Tanwir, reopened the port on Sunday."}
LATER = {"id": "ev-2", "published": "2027-05-09", "outlet": "Test Wire", "title": "[Fiction] A new envoy",
         "text": "Hassan Nouri, a Lantern League envoy, met Karim Saleh in Ras Tanwir on Sunday."}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, record: dict[str, str]) -> str:
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return str(path)


def test_a_name_not_yet_seen_is_watched_and_alerts_when_it_first_appears(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    assert run("ingest", write(tmp_path / "a.jsonl", FIRST), "--db", db, "-q")[0] == 0
    code, out, err = run("watch", "add", "Hassan Nouri", "--by", "tester", "--db", db)
    assert code == 0 and "not in the store yet" in out, err
    code, _, err = run("ingest", write(tmp_path / "b.jsonl", LATER), "--db", db, "-q")
    assert code == 0, err
    code, out, _ = run("alerts", "--json", "--db", db)
    alerts = json.loads(out)
    first = [a for a in alerts if a["kind"] == "first-seen"]
    assert len(first) == 1 and first[0]["document_id"] == "ev-2" and "Hassan Nouri" in first[0]["message"]
    code, out, _ = run("watch", "list", "--json", "--db", db)
    assert json.loads(out)[0]["who"] == "tester"
    # filtered by publication date: the article of 9 May is after the 5th, not after the 10th
    code, out, _ = run("alerts", "--published-since", "2027-05-05", "--db", db)
    assert code == 0 and "about documents published since 2027-05-05" in out and "Hassan Nouri" in out
    code, out, _ = run("alerts", "--published-since", "2027-05-10", "--json", "--db", db)
    assert json.loads(out) == []
    code, _, err = run("alerts", "--published-since", "May 5", "--db", db)
    assert code == 2 and "not a date" in err


def test_by_is_the_one_spelling_of_who_judges(tmp_path: Path) -> None:
    from interlock.cli.resolve import merge, same, split, withdraw
    from interlock.cli.vet import tag_command, watch_add

    for command in (merge, same, split, withdraw, tag_command, watch_add):
        opts = {o for p in command.params for o in getattr(p, "opts", [])}
        assert "--by" in opts and "--who" not in opts, command.name


def test_watch_add_of_an_ambiguous_name_gives_the_candidates(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    texts = [{"id": "s1", "published": "2027-05-01", "outlet": "Test Wire", "text": "Karim Saleh met voters in Ras Tanwir."},
             {"id": "s2", "published": "2027-05-02", "outlet": "Test Wire", "text": "Hadi Saleh met voters in Qasr Bayda."}]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    assert run("ingest", str(path), "--db", db, "-q")[0] == 0
    code, out, _ = run("watch", "add", "Saleh", "--json", "--db", db)
    assert code == 2 and {c["name"] for c in json.loads(out)["candidates"]} == {"Karim Saleh", "Hadi Saleh"}
    key = json.loads(out)["candidates"][0]["key"]
    code, out, _ = run("watch", "add", key, "--db", db)
    assert code == 0 and "not in the store yet" not in out


def test_a_tag_can_be_withdrawn(tmp_path: Path) -> None:
    from interlock.query import find_actor
    from interlock.store import SQLiteStore
    from interlock.vet.kinds import KindIndex

    db = str(tmp_path / "t.db")
    assert run("ingest", write(tmp_path / "b.jsonl", LATER), "--db", db, "-q")[0] == 0
    code, out, err = run("tag", "Lantern League", "armed-group", "--by", "tester", "--json", "--db", db)
    assert code == 0, err
    with SQLiteStore(tmp_path / "t.db") as store:
        league = find_actor(store, "Lantern League")
        assert "armed-group" in KindIndex(store).kinds([league])[league]
        number = store.conn.execute("SELECT max(id) FROM judgements WHERE kind = 'tag'").fetchone()[0]
    code, _, err = run("withdraw", str(number), "--by", "tester", "--db", db)
    assert code == 0 and f"judgement {number} withdrawn" in err
    with SQLiteStore(tmp_path / "t.db") as store:
        assert "armed-group" not in KindIndex(store).kinds([league]).get(league, {})
        kinds = [r[0] for r in store.conn.execute("SELECT kind FROM judgements ORDER BY id")]
    assert kinds == ["withdrawn:tag", "withdraw"], "the log keeps the tag, marked withdrawn, and who withdrew it"
    assert run("withdraw", str(number), "--db", db)[0] == 1, "a withdrawn judgement cannot be withdrawn again"


def test_output_to_a_closed_pipe_exits_0_quietly(tmp_path: Path) -> None:
    """``interlock show X | head -1``: the reader has gone before we write; no error, no traceback, exit 0."""
    import subprocess
    import sys

    db = str(tmp_path / "p.db")
    assert run("ingest", write(tmp_path / "a.jsonl", FIRST), "--db", db, "-q")[0] == 0
    for args in (["show", "Karim Saleh"], ["show", "Karim Saleh", "--json"], ["stats"], ["search", "port"]):
        proc = subprocess.Popen([sys.executable, "-m", "interlock.cli", *args, "--db", db],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before the first line is written
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0 and err == "", (args, err)
    # and through a shell pipe that closes after the first line
    done = subprocess.run(["bash", "-o", "pipefail", "-c",
                           f"{sys.executable} -m interlock.cli show 'Karim Saleh' --db {db} | head -1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == "" and done.stdout.startswith("Karim Saleh"), done


def test_every_error_has_one_prefix(tmp_path: Path) -> None:
    """Errors of our own (a bad input line, a failed refresh, a bad reference entry) say "Error: " as click's
    usage and command errors do: one prefix however an error comes about."""
    db = str(tmp_path / "e.db")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(FIRST) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    ref = tmp_path / "ref.csv"
    ref.write_text("name,schema\n,Person\n", encoding="utf-8")
    runs = [run("ingest", str(bad), "--db", db, "-q"), run("import-entities", str(ref), "--db", db),
            run("show", "Nobody Anywhere", "--db", db), run("alerts", "--since", "May", "--db", db),
            run("vet", "--rule", "no-such-rule", "--db", db), run("show", "--db", str(tmp_path / "none.db"))]
    said = [line for code, out, err in runs for line in (out + err).splitlines()
            if line.lower().startswith("error") or "error:" in line.lower()]
    assert len(said) >= len(runs), runs
    assert all(line.startswith("Error: ") for line in said), said
