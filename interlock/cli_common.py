"""What every command module shares: the --db and --json options and opening the store."""

from __future__ import annotations

from pathlib import Path

import click

from interlock import settings
from interlock.errors import InterlockError
from interlock.store import SQLiteStore

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The store file (default: the INTERLOCK_DB setting, interlock.db).",
)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")


def open_store(db_path: Path | None, must_exist: bool = True) -> SQLiteStore:
    """The store named by --db (else the setting); a clear error when it should exist and does not."""
    path = db_path or Path(settings.get("db"))
    if must_exist and not path.exists():
        raise click.ClickException(f"no store at {path}: run `interlock ingest` first")
    try:
        store = SQLiteStore(path)
        # a run killed before resolution and grading finished: finish them first (interlock.refresh)
        from interlock.refresh import complete_pending

        complete_pending(store, lambda line: click.echo(line, err=True))
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None
    return store
