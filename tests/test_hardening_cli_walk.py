"""Issue 12, what it must show 2: every command, walked from the click tree, with odd arguments.

Each run must end with an exit code and at most one ``Error:`` line (besides one per bad input
it names, for a command that goes on with the rest): never a traceback (an exception escaping
the command), whatever the arguments.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from interlock.cli import cli

TEXT = ("The minister Ali Hasan met the envoy Omar Idris in Tripoli on Monday. "
        "Ali Hasan, the leader of the Unity Party, said the talks went well.")


def commands(group: click.Group = cli, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield (*path, name), cmd  # a group alone, then its commands
            yield from commands(cmd, (*path, name))
        else:
            yield (*path, name), cmd


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("walk")
    doc = tmp / "d.jsonl"
    doc.write_text(json.dumps({"id": "d1", "text": TEXT, "published": "2027-03-01"}) + "\n")
    db = tmp / "s.db"
    assert CliRunner().invoke(cli, ["ingest", str(doc), "--db", str(db), "-q"]).exit_code == 0
    binary = tmp / "binary.jsonl"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp / "empty.db"
    empty.write_bytes(b"")
    folder = tmp / "folder"
    folder.mkdir()
    return {"tmp": tmp, "db": db, "binary": binary, "empty": empty, "folder": folder}


def odd_values(world: dict[str, Path]) -> list[str]:
    return ["", "\x00", "-1", "9" * 400, "x" * 5000, str(world["tmp"] / "missing" / "file.jsonl"),
            str(world["binary"]), str(world["folder"]), "\x1b[2J", "0", "2027-02-30", "A1Z9"]


def _plain(param: click.Parameter) -> str:
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0])
    if isinstance(param.type, click.types._NumberParamTypeBase):
        return "1"
    return "Ali Hasan"


def _runs(cmd: click.Command, world: dict[str, Path], db: Path) -> Iterator[list[str]]:
    args = [p for p in cmd.params if isinstance(p, click.Argument)]
    opts = [p for p in cmd.params if isinstance(p, click.Option) and not p.is_flag and p.name != "db_path"]
    has_db = any(p.name == "db_path" for p in cmd.params)
    base = ["--db", str(db)] if has_db else []
    yield base  # nothing else given
    plain = [_plain(a) for a in args]
    for i, _arg in enumerate(args):
        for value in odd_values(world):
            yield [*plain[:i], value, *plain[i + 1:], *base]
    for opt in opts:
        for value in odd_values(world):
            yield [*plain, opt.opts[0], value, *base]
    if has_db:
        for bad_db in (world["empty"], world["binary"], world["folder"], world["tmp"] / "none" / "s.db"):
            yield [*plain, "--db", str(bad_db)]


def _check(path: tuple[str, ...], argv: list[str], result: click.testing.Result) -> str | None:
    shown = f"interlock {' '.join(path)} {argv!r}"[:300]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{shown}: raised {type(result.exception).__name__}: {result.exception}"
    if "Traceback" in result.output:
        return f"{shown}: printed a traceback"
    if not isinstance(result.exit_code, int):
        return f"{shown}: no exit code"
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    # Issue 11 ("one error prefix") makes a bad record or an unreadable input an "Error: " line too
    # (it was "error: "): a command that goes on with the rest reports one line per bad input, each
    # naming it; apart from those, one error line at most.
    inputs = [a for a in argv if a and not a.startswith("-")]
    if len([line for line in errors if not any(line.startswith(f"Error: {a}") for a in inputs)]) > 1:
        return f"{shown}: more than one error line"
    return None


@pytest.mark.parametrize(("path", "cmd"), list(commands()), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_with_odd_arguments_fails_in_one_line(path: tuple[str, ...], cmd: click.Command,
                                                            world: dict[str, Path], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # commands that write files write them here
    if path == ("serve",):
        # serve's checks run; a server that passed them would serve until stopped, so none starts
        uvicorn = pytest.importorskip("uvicorn")
        monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    db = tmp_path / "s.db"
    shutil.copy(world["db"], db)
    problems = []
    for argv in _runs(cmd, world, db):
        result = CliRunner().invoke(cli, [*path, *argv], input=b"\x00\xff\xfe not text")
        problem = _check(path, argv, result)
        if problem:
            problems.append(problem)
    assert not problems, "\n".join(problems[:20])
