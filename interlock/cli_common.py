"""What every command module shares: the --db and --json options and opening the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from interlock import settings
from interlock.errors import InterlockError
from interlock.store import SQLStore, is_address
from interlock.store import open_store as open_any

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


def open_store(db_path: Path | str | None, must_exist: bool = True) -> SQLStore:
    """The store named by --db (else the setting); a clear error when it should exist and does not."""
    path = store_location(db_path or settings.get("db"))
    assert path is not None
    if must_exist and isinstance(path, Path) and not path.exists():
        raise click.ClickException(f"no store at {path}: run `interlock ingest` first")
    try:
        store = open_any(path)
        # a run killed before resolution and grading finished: finish them first (interlock.refresh)
        from interlock.refresh import complete_pending

        complete_pending(store, lambda line: click.echo(line, err=True))
        ctx = click.get_current_context(silent=True)
        if ctx is not None and "min_confidence" in ctx.meta:
            # a query command: it answers from the confident statements only
            store.read_confident(float(ctx.meta["min_confidence"]))
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None
    return store


def answer(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a library query; its error becomes the command's one-line error."""
    try:
        return fn(*args, **kwargs)
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None


def print_json(data: Any) -> None:
    """A command's --json answer, indented, with its text as written."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))
