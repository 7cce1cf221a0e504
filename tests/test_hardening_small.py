"""Issue 12, item 9: vet --rule, alerts --since, watch add twice, searches of thousands of terms."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.vet.rules import load_pack

TEXT = ("The minister Ali Hasan met the envoy Omar Idris in Tripoli on Monday. "
        "Ali Hasan, the leader of the Unity Party, said the talks went well.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("small")
    doc = tmp / "d.jsonl"
    doc.write_text(json.dumps({"id": "d1", "text": TEXT, "published": "2027-03-01"}) + "\n")
    path = tmp / "s.db"
    assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(path), "-q"]).exit_code == 0
    return path


def test_vet_with_an_unknown_rule_is_an_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["vet", "--rule", "no-such-rule", "--db", str(db)])
    assert result.exit_code == 1
    assert "no rule 'no-such-rule' in the pack; rules: " in result.output
    known = load_pack().rules[0].id
    assert CliRunner().invoke(cli, ["vet", "--rule", known, "--db", str(db)]).exit_code == 0


# Issue 11 ("--since accepts dates only and says which date it filters") supersedes issue 12's
# acceptance of ISO times: a time is now refused like any other non-date, with the same one line,
# and the message names the date filtered (the ingest) and the option for the other (publication).
@pytest.mark.parametrize("since", ["yesterday", "2027-13-01", "2027-02-30", "", "1' OR '1'='1", "2027-03-01Tx",
                                   "2027-03-01T10:00:00", "2027-03-01T10:00:00+00:00", "20270301"])
def test_alerts_since_rejects_what_is_not_a_date(db: Path, since: str) -> None:
    result = CliRunner().invoke(cli, ["alerts", "--since", since, "--db", str(db)])
    assert result.exit_code == 2
    assert "is not a date (YYYY-MM-DD): it filters by the day an alert was raised (the ingest)" in result.output
    assert "--published-since filters by publication date" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("option", ["--since", "--published-since"])
def test_alerts_since_takes_dates_and_says_which_date_it_filters(db: Path, option: str) -> None:
    result = CliRunner().invoke(cli, ["alerts", option, " 2027-03-01 ", "--db", str(db)])
    assert result.exit_code == 0, result.output
    said = "raised (ingested) since 2027-03-01" if option == "--since" else "about documents published since 2027-03-01"
    assert said in result.output


def test_watching_twice_keeps_one_watch(db: Path) -> None:
    rule = load_pack().rules[0].id
    for target in ("Ali Hasan", "ali hasan", rule):
        first = CliRunner().invoke(cli, ["watch", "add", target, "--db", str(db), "--json"])
        again = CliRunner().invoke(cli, ["watch", "add", target, "--db", str(db)])
        assert first.exit_code == 0 and again.exit_code == 0, (first.output, again.output)
        assert "already watching" in again.output
    rows = sqlite3.connect(db).execute("SELECT kind, count(*) FROM watches GROUP BY kind").fetchall()
    assert dict(rows) == {"actor": 1, "rule": 1}


@pytest.mark.parametrize("terms", [65, 5_000])
def test_a_search_of_thousands_of_terms_is_refused_quickly(db: Path, terms: int) -> None:
    query = " OR ".join(f"word{n}" for n in range(terms // 2 + 1))
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["search", query, "--db", str(db)])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1 and "at most" in result.output and "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("Error:")]) == 1


def test_a_search_of_a_few_terms_still_works(db: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "talks OR envoy", "--db", str(db)])
    assert result.exit_code == 0, result.output
