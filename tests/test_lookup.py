"""Finding an actor never dead-ends: ids, spelling variants, aliases, did-you-mean, and an
ambiguous name picked by number in a terminal or answered with the candidates and exit 2.

The small stores are built from sentences written for these tests.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.extract.api import extract
from interlock.query import Ambiguous, NotFound, find_actor, lookup, show
from interlock.store import SQLiteStore

TEXTS = {
    "a1": "Karim Saleh, the mayor of Ras Tanwir, met voters on Monday.",
    "a2": "Hadi Saleh, a commander of the Tanwir Guards, met voters on Tuesday.",
    "a3": "Ahmad al-Asadi, the leader of the Tanwir Party, spoke in the port city.",
    "a4": "The Tanwir Guards, also known as the Lantern Battalions, paraded in Ras Tanwir.",
    "a5": "Karim Saleh, the mayor of Ras Tanwir, opened a school in Ras Tanwir.",
}


def build(path: Path) -> Path:
    with SQLiteStore(path) as store:
        for doc_id, text in TEXTS.items():
            store.put(extract(text, doc_id=doc_id, published="2026-05-0" + doc_id[1]), text)
        from interlock.refresh import refresh

        list(refresh(store))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("lookup") / "l.db")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_actor_id_is_accepted_wherever_a_name_is(db: Path) -> None:
    with SQLiteStore(db) as store:
        key = find_actor(store, "Karim Saleh")
        assert key.startswith("actor_") and find_actor(store, key) == key
    code, out, _ = run("show", key, "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["name"] == "Karim Saleh"
    assert run("timeline", key, "--db", str(db))[0] == 0


#: every command that takes an actor, with how it is given one (ACTOR and OTHER stand for actors' ids)
ACTOR_COMMANDS = {
    "show": ["show", "ACTOR"], "timeline": ["timeline", "ACTOR"], "ties": ["ties", "ACTOR", "OTHER"],
    "events": ["events", "--actor", "ACTOR"], "graph": ["graph", "ACTOR"], "gantt": ["gantt", "ACTOR"],
    "export": ["export", "--format", "jsonl", "--out", "OUT", "--actor", "ACTOR"],
    "watch add": ["watch", "add", "ACTOR"], "watch remove": ["watch", "remove", "ACTOR"],
    "tag": ["tag", "ACTOR", "armed-group"], "same": ["same", "ACTOR", "OTHER", "--no"],
    "merge": ["merge", "ACTOR", "OTHER"], "split": ["split", "ACTOR", "--document", "a1"],
}
#: arguments and options that name an actor
ACTOR_PARAMS = {"name", "names", "a", "b", "actor", "entity", "target"}
#: commands whose such parameter names no actor (an outlet, a saved view)
NOT_ACTORS = {"outlets compare", "views save", "views delete"}


def _commands() -> dict[str, set[str]]:
    import click

    out: dict[str, set[str]] = {}

    def walk(group: click.Group, prefix: str) -> None:
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")
            else:
                out[prefix + name] = {p.name for p in command.params if p.name}
    walk(cli, "")
    return out


def test_every_command_that_takes_an_actor_takes_its_id(db: Path, tmp_path: Path) -> None:
    takers = {name for name, params in _commands().items() if params & ACTOR_PARAMS} - NOT_ACTORS
    assert takers == set(ACTOR_COMMANDS), "a command that takes an actor is missing here (or gone)"
    with SQLiteStore(db) as store:
        karim, hadi = find_actor(store, "Karim Saleh"), find_actor(store, "Hadi Saleh")
    for name, args in ACTOR_COMMANDS.items():
        copy = tmp_path / f"{name.split()[0]}.db"  # each on the store as built (a merge changes ids) ...
        if name != "watch remove":  # ... but the watch removed is the one just added
            copy.write_bytes(db.read_bytes())
        given = [{"ACTOR": karim, "OTHER": hadi, "OUT": str(tmp_path / "out.jsonl")}.get(a, a) for a in args]
        code, out, err = run(*given, "--db", str(copy))
        assert code == 0, (name, out, err)
        assert "Traceback" not in out + err and "no actor" not in err, (name, err)
        if name in ("show", "timeline", "ties", "graph", "gantt", "tag", "same", "merge"):
            assert "Karim Saleh" in out + err, (name, out, err)


def test_spelling_variants_the_matcher_accepts_are_found(db: Path) -> None:
    with SQLiteStore(db) as store:
        asadi = find_actor(store, "Ahmad al-Asadi")
        for variant in ("Ahmed Asadi", "ahmed al asadi", "Ahmad Al-Assadi", "Asadi"):
            assert find_actor(store, variant) == asadi, variant


def test_stated_and_reference_aliases_are_looked_up(db: Path, tmp_path: Path) -> None:
    with SQLiteStore(db) as store:
        assert lookup(store, "Lantern Battalions") == [find_actor(store, "Tanwir Guards")]
    ref = tmp_path / "known.csv"
    ref.write_text("name,aliases,type\nAhmad al-Asadi,Abu Jihad al-Tanwiri,person\n", encoding="utf-8")
    copy = tmp_path / "c.db"
    copy.write_bytes(db.read_bytes())
    code, _, err = run("import-entities", str(ref), "--db", str(copy))
    assert code == 0, err
    with SQLiteStore(copy) as store:
        assert find_actor(store, "Abu Jihad al-Tanwiri") == find_actor(store, "Ahmad al-Asadi")


def test_a_name_not_found_suggests_the_nearest(db: Path) -> None:
    with SQLiteStore(db) as store:
        with pytest.raises(NotFound) as info:
            find_actor(store, "Karem Salih Mansour")
    assert "did you mean" in str(info.value) and info.value.suggestions
    code, out, err = run("show", "Mahmoud Asadi", "--db", str(db))
    assert code == 1 and "did you mean 'Ahmad al-Asadi'" in err and "Traceback" not in err
    code, out, _ = run("show", "Mahmoud Asadi", "--db", str(db), "--json")
    assert code == 1 and json.loads(out)["suggestions"][0]["name"] == "Ahmad al-Asadi"


def test_ambiguous_candidates_say_what_tells_them_apart(db: Path) -> None:
    with SQLiteStore(db) as store, pytest.raises(Ambiguous) as info:
        find_actor(store, "Saleh")
    cands = {c["name"]: c for c in info.value.candidates}
    assert set(cands) == {"Karim Saleh", "Hadi Saleh"}
    karim = cands["Karim Saleh"]
    assert karim["label"] == "PERSON" and (karim["first_seen"], karim["last_seen"]) == ("2026-05-01", "2026-05-05")
    assert karim["documents"] == 2 and karim["key"].startswith("actor_")
    assert karim["post"] and "mayor" in karim["post"]


def test_ambiguous_without_a_terminal_exits_2_with_the_candidates(db: Path) -> None:
    code, out, _ = run("show", "Saleh", "--db", str(db), "--json")
    answer = json.loads(out)
    assert code == 2 and answer["error"] == "ambiguous"
    assert {c["name"] for c in answer["candidates"]} == {"Karim Saleh", "Hadi Saleh"}
    code, out, err = run("timeline", "Saleh", "--db", str(db))
    assert code == 2 and "Karim Saleh" in err and "Hadi Saleh" in err and "actor_" in err
    # any of the ids then works
    key = answer["candidates"][0]["key"]
    assert run("show", key, "--db", str(db))[0] == 0


def test_ambiguous_in_a_terminal_asks_for_a_number(db: Path) -> None:
    """The real command in a pseudo-terminal: it lists the candidates, reads '2', shows that one."""
    with SQLiteStore(db) as store, pytest.raises(Ambiguous) as info:
        find_actor(store, "Saleh")
    second = info.value.candidates[1]["name"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, on the terminal
        os.execv(sys.executable, [sys.executable, "-m", "interlock.cli", "show", "Saleh", "--db", str(db)])
    seen = b""

    def read_until(marker: bytes | None, timeout: float = 60) -> None:
        """Read until the marker shows, or (None) until the command ends."""
        nonlocal seen
        while marker is None or marker not in seen:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise AssertionError(f"no {marker!r} in {seen!r}")
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk

    try:
        read_until(b"which one")
        assert b" 1. " in seen and b" 2. " in seen and b"PERSON" in seen
        os.write(fd, b"2\n")
        read_until(None)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    text = seen.decode("utf-8", "replace")
    assert f"{second} (PERSON), in " in text
    assert os.waitstatus_to_exitcode(status) == 0


def test_most_connected_is_opened_by_id(db: Path) -> None:
    code, out, _ = run("show", "--most-connected", "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["key"].startswith("actor_")


def test_merge_by_id_and_b_is_never_a_itself(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "m.db"
    copy.write_bytes(db.read_bytes())
    code, _, err = run("merge", "Tanwir Guards", "Saleh", "--db", str(copy))
    assert code == 2, "Saleh is still two people"
    with SQLiteStore(copy) as store:
        hadi = find_actor(store, "Hadi Saleh")
    code, _, err = run("same", "Hadi Saleh", "Karim Saleh", "--no", "--db", str(copy))
    assert code == 0, err
    code, _, err = run("same", "Hadi Saleh", "Karim Saleh", "--db", str(copy))
    assert code == 0 and "Hadi Saleh = Karim Saleh" in err
    with SQLiteStore(copy) as store:
        assert find_actor(store, "Karim Saleh") == find_actor(store, "Hadi Saleh")
        number = show(store, "Karim Saleh")["judgements"][-1]["id"]
    code, _, err = run("withdraw", str(number), "--db", str(copy))
    assert code == 0, err
    with SQLiteStore(copy) as store:
        assert find_actor(store, "Karim Saleh") != find_actor(store, "Hadi Saleh")
        assert hadi in lookup(store, "Hadi Saleh") or lookup(store, "Hadi Saleh")
    assert run("withdraw", "999", "--db", str(copy))[0] == 1


def test_both_parts_of_a_split_can_be_addressed(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "s.db"
    copy.write_bytes(db.read_bytes())
    code, _, err = run("split", "Karim Saleh", "--document", "a5", "--db", str(copy))
    assert code == 0, err
    with SQLiteStore(copy) as store:
        keys = lookup(store, "Karim Saleh")
    assert len(keys) == 2, "two men called Karim Saleh now"
    docs = set()
    for key in keys:
        code, out, _ = run("show", key, "--db", str(copy), "--json")
        assert code == 0
        docs.add(json.loads(out)["documents"])
    assert docs == {1}
    assert run("show", "Karim Saleh", "--db", str(copy))[0] == 2
    # the split withdrawn: one man again; and a "never" withdrawn lets resolution join them again
    with SQLiteStore(copy) as store:
        number = max(j["id"] for key in keys for j in show(store, key)["judgements"])
    assert run("withdraw", str(number), "--db", str(copy))[0] == 0
    with SQLiteStore(copy) as store:
        assert len(lookup(store, "Karim Saleh")) == 1
        first, second = (find_actor(store, n) for n in ("Karim Saleh", "Hadi Saleh"))
    code, _, err = run("same", first, second, "--db", str(copy))
    assert code == 0, err
    # "not the same" after a merge would change nothing (merges come first): it says which to withdraw
    code, _, err = run("same", "Karim Saleh", "Hadi Saleh", "--no", "--db", str(copy))
    with SQLiteStore(copy) as store:
        merge = show(store, "Karim Saleh")["judgements"][-1]
    assert merge["kind"] == "merge"
    assert code == 1 and f"judgement {merge['id']} made" in err and f"interlock withdraw {merge['id']}" in err
    assert run("withdraw", str(merge["id"]), "--db", str(copy))[0] == 0
    code, _, err = run("same", "Karim Saleh", "Hadi Saleh", "--no", "--db", str(copy))
    assert code == 0, err
    with SQLiteStore(copy) as store:
        assert find_actor(store, "Karim Saleh") != find_actor(store, "Hadi Saleh")
        never = show(store, "Karim Saleh")["judgements"][-1]
    assert never["kind"] == "never"
    assert run("withdraw", str(never["id"]), "--db", str(copy))[0] == 0, "a 'never' can be withdrawn too"
    with SQLiteStore(copy) as store:
        assert [j["kind"] for j in show(store, "Karim Saleh")["judgements"]][-1] == "withdrawn:never"


def test_the_module_runs_as_a_command() -> None:
    done = subprocess.run([sys.executable, "-m", "interlock.cli", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and "interlock" in done.stdout
