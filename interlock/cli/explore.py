"""Commands behind the web explorer's pages: ``graph``, ``claim``, ``document``, ``gantt``, ``views``,
and ``serve``, which starts the explorer itself.

Each prints what the matching page shows; with ``--json`` the same data as the page's JSON twin
under ``/api/``. Registered on the ``interlock`` group by ``cli.py``.
"""

from __future__ import annotations

from pathlib import Path

import click

from interlock.cli.common import (
    CONFIDENCE_OPTION,
    DB_OPTION,
    JSON_OPTION,
    answer,
    fail,
    open_store,
    print_json,
    print_rows,
    store_path,
)
from interlock.web import is_loopback


@click.command(name="graph")
@CONFIDENCE_OPTION
@click.argument("name")
@click.option("--hops", type=click.IntRange(1, 3), default=1, show_default=True, help="How many steps out from the actor.")
@click.option("--min-grade", default=None, metavar="GRADE", help="Only ties whose claim is graded at least this well, e.g. C3.")
@click.option("--predicate", "predicates", multiple=True, help="Only this predicate (repeat for several).")
@click.option("--from", "date_from", default=None, metavar="DATE", help="Only ties reported on or after this date.")
@click.option("--to", "date_to", default=None, metavar="DATE", help="Only ties reported on or before this date.")
@DB_OPTION
@JSON_OPTION
def graph_command(name: str, hops: int, min_grade: str | None, predicates: tuple[str, ...], date_from: str | None,
                  date_to: str | None, db_path: Path | None, as_json: bool) -> None:
    """The network of an actor (a name or id) to --hops steps: actors, graded ties, a layout."""
    from interlock.cli.actor import pick_actor
    from interlock.network import graph

    with open_store(db_path) as store:
        found = answer(graph, store, pick_actor(store, name, as_json), hops, min_grade, list(predicates),
                        date_from, date_to)
    if as_json:
        print_json(found)
        return
    names = {n["key"]: n["name"] for n in found["nodes"]}
    click.echo(f"{found['name']}: {len(found['nodes'])} actors, {len(found['edges'])} ties within {hops} hop(s)"
               + (" (the nearest kept)" if found["truncated"] else ""))
    for e in found["edges"]:
        flags = "".join(f" [{f}]" for f, on in (("contradicted", e["contradicted"]), ("weak", e["weak"])) if on)
        click.echo(f"  [{e['grade'] or '--'}] {names[e['source']]} {e['predicate']} {names[e['target']]}"
                   f" - {e['origins']} origin(s){flags} {e['claim'] or ''}")


@click.command(name="claim")
@CONFIDENCE_OPTION
@click.argument("claim_id")
@DB_OPTION
@JSON_OPTION
def claim_command(claim_id: str, db_path: Path | None, as_json: bool) -> None:
    """One claim (its id, as graph and show --json give it) with every statement behind it."""
    from interlock.records import claim

    with open_store(db_path) as store:
        found = answer(claim, store, claim_id)
    if as_json:
        print_json(found)
        return
    obj = f" {found['object']['name']}" if found["object"] else ""
    click.echo(f"[{found['grade']}] {found['subject']['name']} {found['predicate']}{obj}")
    click.echo(f"  why: {found['reason']}")
    click.echo(f"  {found['corroboration']} independent origin(s): {', '.join(found['origins'])}"
               + (f"; denied by {', '.join(found['contradicted_by'])}" if found["contradicted_by"] else ""))
    for s in found["statements"]:
        copy = f" (copy of {s['copy_of']})" if s["copy_of"] else ""
        click.echo(f"  [{s['grade']}] {s['published'] or '?'} {s['outlet'] or '?'}, {s['document']}{copy}: "
                   f"{' > '.join(s['chain']) or '-'} [{s['attribution_type']}, {s['modality']}]")
        click.echo(f"      \"{' '.join(s['evidence'].split())}\"")
    for x in found["contradictions"]:
        click.echo(f"  contradicted by {x['other']} ({x['document']}): {x['reason']}")


@click.command(name="document")
@CONFIDENCE_OPTION
@click.argument("document_id")
@DB_OPTION
@JSON_OPTION
def document_command(document_id: str, db_path: Path | None, as_json: bool) -> None:
    """A stored document with what was extracted from it, each part with its character span."""
    from interlock.records import document

    with open_store(db_path) as store:
        found = answer(document, store, document_id)
    if as_json:
        print_json(found)
        return
    click.echo(f"{found['id']}: {found['title'] or ''} ({found['outlet'] or '?'}, {found['published'] or '?'}; "
               f"extraction {found['extraction_version'] or '?'})")
    click.echo(f"  {len(found['entities'])} entities, {len(found['attributions'])} attributions, "
               f"{len(found['statements'])} statements, {len(found['events'])} events, "
               f"{len(found['copies'])} copies, {len(found['versions'])} earlier versions")
    for s in found["statements"]:
        click.echo(f"  [{s['grade'] or '--'}] {s['subject']} {s['predicate']} {s['object'] or ''} "
                   f"({s['evidence']['start']}-{s['evidence']['end']})")


@click.command(name="gantt")
@CONFIDENCE_OPTION
@click.argument("names", nargs=-1, required=True)
@click.option("--min-grade", default=None, metavar="GRADE", help="Only posts whose claim is graded at least this well.")
@DB_OPTION
@JSON_OPTION
def gantt_command(names: tuple[str, ...], min_grade: str | None, db_path: Path | None, as_json: bool) -> None:
    """Posts and memberships of several actors over time, one row each (open ends marked)."""
    from interlock.cli.actor import pick_actor
    from interlock.records import gantt

    with open_store(db_path) as store:
        rows = answer(gantt, store, [pick_actor(store, n, as_json) for n in names], min_grade)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        click.echo(f"{row['name']}:")
        if not row["posts"]:
            click.echo("  no posts")
        for p in row["posts"]:
            start = ("? " if p["open_start"] else "") + (p["start"] or "?")
            end = (p["end"] or "") + (" ..." if p["open_end"] else "")
            what = " of ".join(x for x in (p["role"], p["object"]) if x) or p["predicate"]
            click.echo(f"  {start} .. {end}  {p['predicate']}: {what} ({p['status']}, {p['modality']}) {p['grade'] or '--'}")


@click.group(name="views", invoke_without_command=True)
@DB_OPTION
@JSON_OPTION
@click.pass_context
def views_group(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """Saved views of the web explorer (graph, timeline, Gantt states): list them, or save one."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db_path": db_path, "as_json": as_json}
        return
    from interlock.saved_views import listing

    with open_store(db_path) as store:
        rows = listing(store)
    print_rows(rows, as_json, lambda v: f"{v['name']}: /{v['page']}?{v['query']} ({v['who']}, {v['at']})",
               empty="no saved views")


@views_group.command(name="save")
@click.argument("name")
@click.argument("page", type=click.Choice(["graph", "timeline", "gantt"]))
@click.argument("params", default="")
@click.option("--by", "who", default=None, help="Who saves it (default: INTERLOCK_USER or the login name).")
@DB_OPTION
@click.pass_context
def views_save(ctx: click.Context, name: str, page: str, params: str, who: str | None, db_path: Path | None) -> None:
    """Save a view NAME of PAGE with PARAMS, a query string (actor=...&hops=2&min_grade=C3)."""
    from interlock.saved_views import save

    with open_store(db_path or (ctx.obj or {}).get("db_path")) as store:
        view = answer(save, store, name, page, params, who)
    click.echo(f"saved view {view['name']!r}: /{view['page']}?{view['query']}")


@views_group.command(name="delete")
@click.argument("name")
@DB_OPTION
@click.pass_context
def views_delete(ctx: click.Context, name: str, db_path: Path | None) -> None:
    """Forget the saved view NAME."""
    from interlock.saved_views import delete

    with open_store(db_path or (ctx.obj or {}).get("db_path")) as store:
        n = answer(delete, store, name)
    if not n:
        fail(f"no saved view {name!r}")
    click.echo(f"deleted view {name!r}")


@click.command(name="serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than loopback needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--allow-edits", is_flag=True,
              help="Open the store for writing: merge, same/never, split, tag, watch and saved views from the pages.")
@click.option("--token", default=None, envvar="INTERLOCK_TOKEN",
              help="An access token every request must carry (?token=, a cookie, or Authorization: Bearer).")
def serve_command(db_path: Path | None, host: str, port: int, allow_edits: bool, token: str | None) -> None:
    """The web explorer over a store: actors, graph, claims, documents, timeline, findings, outlets.

    Read-only unless --allow-edits. Binds to loopback by default; a non-loopback --host is
    refused without --token.
    """
    if not is_loopback(host) and not token:
        fail(f"refusing to listen on {host}, which other machines can reach, without "
             "--token: give one (every request must then carry it), or keep --host 127.0.0.1")
    if token is not None and len(token) < 8:
        fail("the --token must be at least 8 characters long")
    path = store_path(db_path)
    if not isinstance(path, Path):
        fail("the web explorer reads a store file (SQLite), not a PostgreSQL address")
    try:
        import uvicorn

        from interlock.web.app import create_app
    except ImportError as exc:
        fail(f"the web explorer needs its extra: pip install -e '.[web]' ({exc})")
    app = answer(create_app, path, allow_edits=allow_edits, token=token, host=host)
    import threading

    # the home page's whole-store answers, computed while the server starts listening
    threading.Thread(target=app.state.explorer.warm, name="interlock-warm", daemon=True).start()
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Interlock explorer on http://{shown}:{port}/ over {path}"
               + (" (edits allowed)" if allow_edits else " (read-only)")
               + (" - requests need the token" if token else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [graph_command, claim_command, document_command, gantt_command, views_group, serve_command]
