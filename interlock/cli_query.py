"""Query commands that live outside ``cli.py``: ``events`` (what happened when) and ``outlets compare``.

Registered on the ``interlock`` group with the other command modules' commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from interlock.cli_common import DB_OPTION, JSON_OPTION, open_store
from interlock.errors import InterlockError


def _answer(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None


def _dump(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def format_event(e: dict[str, Any]) -> str:
    """One event on one line: date (precision), grade, type, who, where, outlet and document."""
    who = ", ".join(e["participants"]) or "-"
    about = f" about {', '.join(e['topics'])}" if e.get("topics") else ""
    place = f" in {e['place']}" if e["place"] else ""
    flags = "".join(f" [{f}]" for f in (("secret" if e["secret"] else ""),
                                        (e["modality"] if e["modality"] != "asserted" else "")) if f)
    return (f"{e['date'] or '?':12} ({e['precision']}) {e['grade']} {e['type']}: {who}{about}{place}{flags}"
            f" - {e['outlet'] or '?'}, {e['document']}")


@click.command(name="events")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--to", "date_to", default=None, metavar="DATE", help="Only events on or before this date.")
@click.option("--type", "kind", default=None, metavar="TYPE",
              help="Only this type: meeting, appointment, resignation, agreement, candidacy, election, speech, denial.")
@click.option("--actor", default=None, metavar="NAME", help="Only events this actor (a name or id) takes part in.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many events.")
@DB_OPTION
@JSON_OPTION
def events_command(date_from: str | None, date_to: str | None, kind: str | None, actor: str | None,
                   limit: int | None, db_path: Path | None, as_json: bool) -> None:
    """What happened when: events in date order, with participants, place, outlet and grade.

    An event is dated by the time its sentence states; one without is dated by its article
    (precision "published").
    """
    from interlock import query
    from interlock.cli_actor import pick_actor

    with open_store(db_path) as store:
        key = pick_actor(store, actor, as_json) if actor else None
        found = _answer(query.events, store, date_from, date_to, kind, key, limit)
    if as_json:
        _dump(found)
        return
    if not found:
        click.echo("no events")
    for e in found:
        click.echo(format_event(e))


COMMANDS = [events_command]
