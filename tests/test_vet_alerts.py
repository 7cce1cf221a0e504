"""Watches and alerts: an ingest that adds a statement about a watched actor, or changes a watched rule's findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interlock.ingest import ingest
from interlock.store import open_store
from interlock.vet.alerts import (
    WatchError,
    add_watch,
    check,
    list_alerts,
    list_watches,
    remove_watch,
)
from tests.test_vet_engine import CORPUS, Mini

# our own fiction, in the sample corpus' world: one more article about the HEC spokesman
EXTRA = {
    "id": "vet-alert-1",
    "title": "[Fiction] Commission extends counting hours",
    "published": "2027-04-21",
    "outlet": "Nahr Press Agency",
    "url": "https://npa.example/vet-alert-1",
    "text": "DAR AL-NAHR, April 21 (NPA) - Ziad Abu Shanab, the spokesman of the Higher Electoral Commission, "
            "said on Wednesday that counting would go on through the night in Jabal Province.\n\n"
            "The commission will publish preliminary results on Thursday, he said.",
}


def test_nothing_watched_costs_nothing(fresh_store: Path | str) -> None:
    store = open_store(fresh_store)
    assert check(store, ["any"]) == []
    assert list_alerts(store) == []


def test_watched_actor_alert_lists_exactly_the_new_statement(fresh_store: Path | str, tmp_path: Path) -> None:
    store = open_store(fresh_store)
    assert ingest([str(CORPUS)], store).ok
    before = {r[0] for r in store.sql("SELECT id FROM statements")}
    watch = add_watch(store, "Ziad Abu Shanab", who="tester")
    assert watch["kind"] == "actor" and watch["entities"] >= 1
    assert check(store, ["q01", "q02"]) == []  # nothing about him there
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(EXTRA) + "\n", "utf-8")
    report = ingest([str(extra)], store)  # ingest checks the watches itself
    assert report.ok
    new = {r[0] for r in store.sql("SELECT id FROM statements")} - before
    about_him = {
        r[0] for r in store.sql(
            "SELECT s.id FROM statements s JOIN entities e ON e.id IN (s.subject_id, s.object_id) "
            "WHERE s.document_id = 'vet-alert-1' AND e.name LIKE '%Abu Shanab%'")
    }
    assert about_him and about_him <= new
    alerts = report.alerts
    assert [a["statement_id"] for a in alerts] == sorted(about_him)
    assert all(a["kind"] == "new-statement" and a["document_id"] == "vet-alert-1" for a in alerts)
    assert "spokesperson_for" in alerts[0]["message"]
    stored = list_alerts(store)
    assert [a["statement_id"] for a in stored] == [a["statement_id"] for a in alerts]
    assert stored[0]["target"] == "Ziad Abu Shanab"
    assert list_alerts(store, since="2999-01-01") == []


def test_watched_rule_alerts_on_new_and_changed_findings(tmp_path: Path) -> None:
    mini = Mini(tmp_path / "mini.db")
    doc, cand = mini.candidate("Faris Watched", registered="2027-02-17")
    group = mini.entity(doc, "Sumud Brigades", "ORG")
    add_watch(mini.store, "armed-post-at-registration", who="tester")
    assert check(mini.store, [doc]) == []  # no finding yet
    later = mini.doc("2027-02-18")
    post = mini.says(later, cand, "spokesperson_for", group, status="former", valid_to="2027-01-27")
    alerts = check(mini.store, [later])
    assert [a["kind"] for a in alerts] == ["new-finding"]
    assert "Faris Watched" in alerts[0]["message"]
    assert check(mini.store, [later]) == []  # unchanged: said once
    mini.c.execute("INSERT INTO statement_grades VALUES (?, 'c', 'outlet', 'o', 'B', 2, 'B2', 'two origins')", (post,))
    changed = check(mini.store, [later])
    assert [a["kind"] for a in changed] == ["changed-finding"]
    assert len(list_alerts(mini.store)) == 2


def test_watch_list_and_remove(tmp_path: Path) -> None:
    mini = Mini(tmp_path / "mini.db")
    mini.candidate("Someone Named")
    add_watch(mini.store, "met-foreign-security", who="tester")
    add_watch(mini.store, "Someone Named", who="tester")
    assert [(w["kind"], w["target"]) for w in list_watches(mini.store)] == [
        ("rule", "met-foreign-security"), ("actor", "Someone Named")]
    assert remove_watch(mini.store, "Someone Named") == 1
    with pytest.raises(WatchError):
        remove_watch(mini.store, "Someone Named")
    with pytest.raises(WatchError, match="to watch a rule"):
        add_watch(mini.store, "no-such-rule")
    assert add_watch(mini.store, "Nobody At All")["seen"] is False, "a name not seen yet is watched (issue 11)"


def test_commands_print_json(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from interlock.cli.vet import alerts_command, tag_command, vet_command, watch_group

    mini = Mini(tmp_path / "mini.db")
    doc, cand = mini.candidate("Faris Command", registered="2027-02-17")
    unit = mini.entity(doc, "Northern Unit", "ORG")
    mini.says(doc, cand, "holds_position", unit, role="officer")
    db = str(tmp_path / "mini.db")
    run = CliRunner().invoke
    assert json.loads(run(vet_command, ["--db", db, "--json"]).output) == []
    out = run(tag_command, ["Northern Unit", "armed-group", "--db", db, "--by", "tester", "--json"])
    assert out.exit_code == 0 and json.loads(out.output)["tag"] == "armed-group"
    found = json.loads(run(vet_command, ["--db", db, "--json"]).output)
    assert [f["rule"] for f in found] == ["armed-post-at-registration"]
    text = run(vet_command, ["--db", db]).output
    assert text.startswith("CRITICAL") and "Faris Command" in text and "Northern Unit" in text
    assert json.loads(run(vet_command, ["--db", db, "--min-grade", "C3", "--json"]).output) == []
    bad = run(tag_command, ["Northern Unit", "armed-gang", "--db", db])
    assert bad.exit_code == 1 and "accepted: armed-group" in bad.output
    pack = tmp_path / "bad.yaml"
    pack.write_text("rules:\n  - id: x\n    title: t\n    severity: high\n    subject: [candidat]\n"
                    "    path: [{predicates: [holds_position]}]\n", "utf-8")
    out = run(vet_command, ["--db", db, "--rules", str(pack)])
    assert out.exit_code == 1 and f"{pack}, line 5: unknown kind 'candidat'" in out.output
    assert run(watch_group, ["add", "Faris Command", "--db", db, "--by", "tester"]).exit_code == 0
    listed = json.loads(run(watch_group, ["list", "--db", db, "--json"]).output)
    assert [w["target"] for w in listed] == ["Faris Command"]
    assert json.loads(run(alerts_command, ["--db", db, "--json"]).output) == []
    assert run(watch_group, ["remove", "Faris Command", "--db", db]).exit_code == 0
