"""What every command module shares: the --db and --json options, opening the store, and the one
way a command reports a problem (docs/cli.md).

Errors: a command that cannot do what was asked raises ``click.ClickException`` (``fail``, or
``answer`` and ``library_errors`` around a library call), which ``SafeGroup`` prints as one line
``Error: ...`` on stderr, exit code 1. A batch that goes on past a bad input says so with
``error`` (the same ``Error: ...`` line) and exits ``FAILED`` at its end. Something the user should
know that is no failure is a ``warning: ...`` line (``warn``). A wrong option or argument is
click's usage error, exit code 2, as is an ambiguous actor name outside a terminal
(``interlock.cli.actor``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from interlock import settings
from interlock.errors import InterlockError
from interlock.store import SQLStore, is_address
from interlock.store import open_store as open_any

#: the exit codes: done; failed (an error, or some inputs of a batch failed); a usage error or an
#: ambiguous actor name (ask again, with an id)
OK, FAILED, ASK_AGAIN = 0, 1, 2

DB_OPTION = click.option(
    "--db", "db_path", type=click.UNPROCESSED, default=None, callback=lambda _c, _p, v: store_location(v),
    help="The store: a file, or postgresql://... for a PostgreSQL database (default: the INTERLOCK_DB "
         "setting, interlock.db).",
)


def store_location(value: str | Path | None) -> Path | str | None:
    """A --db value: a PostgreSQL address as given, anything else a file path."""
    if value is None or isinstance(value, Path):
        return value
    if is_address(value):
        return value
    if not value:
        raise click.BadParameter("give a file or a postgresql:// address", param_hint="--db")
    return Path(value)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")


def _keep_confidence(ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    ctx.meta["min_confidence"] = value if value is not None else settings.get_confidence()
    return value


#: statements below this confidence are left out of the answer (docs/confidence.md)
CONFIDENCE_OPTION = click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, expose_value=False,
    callback=_keep_confidence, is_eager=False,
    help="Leave out statements less likely right than this (0-1; default: the INTERLOCK_MIN_CONFIDENCE "
         "setting, 0.4; 0 shows everything).",
)


def store_path(db_path: Path | str | None, must_exist: bool = True) -> Path | str:
    """Where the store named by --db (else the INTERLOCK_DB setting) is: a file path or a PostgreSQL
    address; a clear error when it should exist and does not."""
    path = store_location(db_path or settings.get("db"))
    assert path is not None
    if must_exist and isinstance(path, Path) and not path.exists():
        fail(f"no store at {path}: run `interlock ingest` first")
    return path


def open_store(db_path: Path | str | None, must_exist: bool = True, finish: bool = True) -> SQLStore:
    """The store named by --db (else the setting), the one way every command opens it.

    With ``finish`` (all but ``ingest``, which does it itself), resolution and grading that a killed
    run left unfinished are completed first; a query command (one with ``--min-confidence``) answers
    from the confident statements only.
    """
    path = store_path(db_path, must_exist)
    with library_errors():
        store = open_any(path)
        if finish:
            # a run killed before resolution and grading finished: finish them first (interlock.refresh)
            from interlock.refresh import complete_pending

            complete_pending(store, lambda line: click.echo(line, err=True))
        ctx = click.get_current_context(silent=True)
        if ctx is not None and "min_confidence" in ctx.meta:
            # a query command: it answers from the confident statements only
            store.read_confident(float(ctx.meta["min_confidence"]))
    return store


def fail(message: str) -> NoReturn:
    """Stop the command: ``Error: message`` on stderr, exit code 1."""
    raise click.ClickException(message)


def error(message: object) -> None:
    """Report one failed input of a batch that goes on (``Error: message`` on stderr); the command
    then exits ``FAILED`` (``done``)."""
    click.echo(f"Error: {message}", err=True)


def warn(message: object) -> None:
    """Something the user should know that is no failure: ``warning: message`` on stderr."""
    click.echo(f"warning: {message}", err=True)


def done(failed: int | bool) -> None:
    """The end of a batch: exit ``FAILED`` if any input failed (each said with ``error``)."""
    if failed:
        sys.exit(FAILED)


@contextmanager
def library_errors() -> Iterator[None]:
    """The library's own errors (``InterlockError``) in this block become the command's one-line error."""
    try:
        yield
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None


def answer(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a library query; its error becomes the command's one-line error."""
    with library_errors():
        return fn(*args, **kwargs)


def print_json(data: Any) -> None:
    """A command's --json answer, indented, with its text as written."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def print_rows(rows: Sequence[Any], as_json: bool, line: Callable[[Any], str], empty: str | None = None,
               title: str | None = None) -> None:
    """A listing's answer: the rows as JSON with --json; else ``title`` (if any), ``empty`` when there
    are no rows (if given), and one ``line(row)`` each."""
    if as_json:
        print_json(rows)
        return
    if title:
        click.echo(title)
    if not rows and empty is not None:
        click.echo(empty)
    for row in rows:
        click.echo(line(row))
