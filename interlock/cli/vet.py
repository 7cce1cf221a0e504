"""Commands ``vet``, ``watch``, ``alerts`` and ``tag``, registered on the ``interlock`` group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from interlock.cli.common import (
    CONFIDENCE_OPTION,
    DB_OPTION,
    JSON_OPTION,
    fail,
    library_errors,
    open_store,
    print_json,
    print_rows,
)
from interlock.errors import InterlockError


def format_finding(f: dict[str, Any]) -> str:
    """A finding as plain text: the rule, the grade and why, then every link of its chain."""
    flags = f"  [{', '.join(f['flags'])}]" if f["flags"] else ""
    lines = [f"{f['severity'].upper():8} {f['grade']}  {f['subject']}: {f['title']}{flags}",
             f"         actors: {' -> '.join(e['name'] for e in f['entities'])}",
             f"         grade: {f['grade_reason']}"]
    for c in f["chain"]:
        lines.append(f"       - {c['what']} [{c['modality']}] {c['grade']}: {c['outlet'] or '?'}, {c['published'] or '?'}, "
                     f"via {' -> '.join(c['chain'])}")
        lines.append(f"           \"{' '.join(c['evidence'].split())[:240]}\"")
        if c.get("time"):
            lines.append(f"           time: {c['time']}")
    if f["alternatives"]:
        lines.append(f"         ({f['alternatives']} other chains support it)")
    return "\n".join(lines)


@click.command(name="vet")
@CONFIDENCE_OPTION
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A rule pack (YAML); default: the shipped pack interlock/rules/default.yaml.")
@click.option("--min-grade", default=None, help="Only findings whose grade is at least this (e.g. C3).")
@click.option("--rule", "only", multiple=True, help="Only this rule id (repeat for several).")
@DB_OPTION
@JSON_OPTION
def vet_command(rules_path: Path | None, min_grade: str | None, only: tuple[str, ...], db_path: Path | None,
                as_json: bool) -> None:
    """Vet the store against a rule pack: findings, most severe and best supported first."""
    from interlock.vet.engine import vet
    from interlock.vet.rules import load_pack

    with library_errors():
        pack = load_pack(rules_path)
        unknown = [r for r in only if all(rule.id != r for rule in pack.rules)]
        if unknown:
            fail(f"no rule {', '.join(map(repr, unknown))} in the pack; "
                 f"rules: {', '.join(rule.id for rule in pack.rules)}")
        with open_store(db_path) as store:
            found = vet(store, pack, min_grade, list(only) or None)
    print_rows(found, as_json, lambda f: format_finding(f) + "\n", empty="no findings")


@click.group(name="watch")
def watch_group() -> None:
    """Watch actors and rules: ingest then reports what new documents change."""


@watch_group.command(name="add")
@click.argument("target")
@click.option("--rules", "rules_path", default=None, help="The pack the rule comes from (default: the shipped pack).")
@click.option("--by", "who", default=None, help="Who adds the watch (default: INTERLOCK_USER or the login name).")
@DB_OPTION
@JSON_OPTION
def watch_add(target: str, rules_path: str | None, who: str | None, db_path: Path | None, as_json: bool) -> None:
    """Watch TARGET: a rule id of the pack, else an actor's name or id (one not seen yet too:
    an alert when it first appears)."""
    from interlock.cli.actor import pick_actor
    from interlock.query import Ambiguous, find_actor
    from interlock.vet.alerts import add_watch

    with library_errors(), open_store(db_path) as store:
        try:
            find_actor(store, target)
        except Ambiguous:  # pick one (in a terminal), else the candidates and exit 2
            target = pick_actor(store, target, as_json, keep_name=True)
        except InterlockError:
            pass  # a rule id, or a name not seen yet
        done = add_watch(store, target, who, rules_path)
    if as_json:
        print_json(done)
    else:
        already = "already " if done.get("existing") else ""
        unseen = ": not in the store yet; an alert when it first appears" if done.get("seen") is False else ""
        click.echo(f"{already}watching {done['kind']} {done['target']!r} (watch {done['id']}){unseen}")


@watch_group.command(name="list")
@DB_OPTION
@JSON_OPTION
def watch_list(db_path: Path | None, as_json: bool) -> None:
    """List the watches."""
    from interlock.vet.alerts import list_watches

    with open_store(db_path) as store:
        rows = list_watches(store)
    print_rows(rows, as_json, lambda w: f"{w['id']:4}  {w['kind']:5}  {w['target']}  ({w['who']}, {w['at']})")


@watch_group.command(name="remove")
@click.argument("target")
@DB_OPTION
@JSON_OPTION
def watch_remove(target: str, db_path: Path | None, as_json: bool) -> None:
    """Stop watching TARGET (a watch id, or the target as given)."""
    from interlock.vet.alerts import remove_watch

    with library_errors(), open_store(db_path) as store:
        n = remove_watch(store, target)
    if as_json:
        print_json({"removed": n})
    else:
        click.echo(f"removed {n} watch{'es' if n > 1 else ''}")


def _day(value: str, option: str) -> str:
    """A date option (YYYY-MM-DD), or one clear error that says which date the option filters."""
    from datetime import date

    text = value.strip()
    try:
        if len(text) != 10:  # a time, or another spelling date.fromisoformat would take ("20270301")
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        which = ("the day an alert was raised (the ingest); --published-since filters by publication date"
                 if option == "--since" else
                 "the publication date of the document; --since filters by the day an alert was raised (the ingest)")
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD): it filters by {which}",
                                 param_hint=f"'{option}'") from None


@click.command(name="alerts")
@click.option("--since", default=None, metavar="DATE",
              help="Only alerts raised (by an ingest) on or after this date, YYYY-MM-DD: the ingest date.")
@click.option("--published-since", default=None, metavar="DATE",
              help="Only alerts about documents published on or after this date, YYYY-MM-DD: the publication date.")
@DB_OPTION
@JSON_OPTION
def alerts_command(since: str | None, published_since: str | None, db_path: Path | None, as_json: bool) -> None:
    """List the stored alerts that ingests raised for watched actors and rules.

    Both take a date (YYYY-MM-DD), not a time: --since filters on the day an alert was raised
    (the ingest), --published-since on the publication date of the document it is about. The
    list says which it filtered by.
    """
    from interlock.vet.alerts import list_alerts

    if since is not None:
        since = _day(since, "--since")
    if published_since is not None:
        published_since = _day(published_since, "--published-since")
    with open_store(db_path) as store:
        rows = list_alerts(store, since, published_since)
    said = [x for x in (f"raised (ingested) since {since}" if since else "",
                        f"about documents published since {published_since}" if published_since else "") if x]
    print_rows(rows, as_json, lambda a: f"{a['at']}  {a['kind']:15}  {a['target'] or ''}: {a['message']}",
               empty="no alerts", title=f"alerts {' and '.join(said)}:" if said else None)


@click.command(name="tag")
@click.argument("entity")
@click.argument("tag")
@click.option("--remove", is_flag=True, help="Take the kind away (even one inferred from the articles).")
@click.option("--by", "who", default=None, help="Who judges (default: INTERLOCK_USER or the login name).")
@click.option("--note", default=None, help="Why, kept with the judgement.")
@DB_OPTION
@JSON_OPTION
def tag_command(entity: str, tag: str, remove: bool, who: str | None, note: str | None, db_path: Path | None,
                as_json: bool) -> None:
    """Tag ENTITY with a kind (armed-group, party, state-body, ...), kept as a judgement."""
    from interlock.cli.actor import pick_actor
    from interlock.vet.tags import add_tag

    with library_errors(), open_store(db_path) as store:
        entity = pick_actor(store, entity, as_json, keep_name=True)
        done = add_tag(store, entity, tag, remove=remove, who=who, note=note)
    if as_json:
        print_json(done)
    else:
        click.echo(f"{'untagged' if remove else 'tagged'} {done['name']!r} {tag} ({len(done['entities'])} entities)")
