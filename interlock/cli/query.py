"""Query commands: ``events`` (what happened when), ``timeline`` and ``search``.

Registered on the ``interlock`` group by ``cli.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from interlock.cli.common import (
    CONFIDENCE_OPTION,
    DB_OPTION,
    JSON_OPTION,
    answer,
    open_store,
    print_json,
    print_rows,
)


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
@CONFIDENCE_OPTION
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
    from interlock.cli.actor import pick_actor

    with open_store(db_path) as store:
        key = pick_actor(store, actor, as_json) if actor else None
        found = answer(query.events, store, date_from, date_to, kind, key, limit)
    print_rows(found, as_json, format_event, empty="no events")


_MIN_GRADE = click.option("--min-grade", default=None, metavar="GRADE",
                          help="Only statements and events graded at least this well on the Admiralty scale, e.g. B2.")


@click.command(name="timeline")
@CONFIDENCE_OPTION
@click.argument("name")
@_MIN_GRADE
@DB_OPTION
@JSON_OPTION
def timeline_command(name: str, min_grade: str | None, db_path: Path | None, as_json: bool) -> None:
    """Dated statements and events of an actor (a name or id), in order: each date's precision, the
    grade, who took part and where."""
    from interlock import query
    from interlock.cli.actor import pick_actor

    with open_store(db_path) as store:
        items = answer(query.timeline, store, pick_actor(store, name, as_json), min_grade)
    if as_json:
        print_json(items)
        return
    if not items:
        click.echo("nothing dated" + (f" graded {min_grade} or better" if min_grade else ""))
    for i in items:
        role = f" as {i['role']}" if i["role"] else ""
        grade = i["grade"] or "--"
        who = f" ({', '.join(i['participants'])})" if i.get("event") and i["participants"] else ""
        place = f" in {i['place']}" if i.get("place") else ""
        click.echo(f"{i['date'] or '?':12} ({i['precision']}) {grade} {i['what']}{role}{who}{place} [{i['modality']}]"
                   f" - {i.get('outlet') or '?'}, {i['document']}")


@click.command(name="search")
@CONFIDENCE_OPTION
@click.argument("text")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Only documents published on or after this date.")
@click.option("--to", "date_to", default=None, metavar="DATE", help="Only documents published on or before this date.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="At most this many of each.")
@DB_OPTION
@JSON_OPTION
def search_command(text: str, date_from: str | None, date_to: str | None, limit: int, db_path: Path | None,
                   as_json: bool) -> None:
    """Actors and documents matching TEXT: words (all of them), "quoted phrases", AND / OR / NOT."""
    from interlock import query

    with open_store(db_path) as store:
        found = answer(query.search, store, text, limit, date_from, date_to)
    if as_json:
        print_json(found)
        return
    if not found["actors"] and not found["documents"]:
        click.echo("no results")
    for actor in found["actors"]:
        click.echo(f"actor    {actor['name']} ({actor['label']}, {actor['documents']} documents) {actor['key']}")
    for doc in found["documents"]:
        click.echo(f"document {doc['id']} ({doc['published'] or '?'}, {doc['outlet'] or '?'}): {doc['title'] or ''}\n"
                   f"         {' '.join(doc['snippet'].split())}")


COMMANDS = [events_command, timeline_command, search_command]
