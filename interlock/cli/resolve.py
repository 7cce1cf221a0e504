"""Commands for resolution and credibility: resolve, merge, same, split, import-entities, outlets.

Each judgement is logged with who and when, then resolution and grading run
again so that the answer shows at once; ``interlock show`` lists the judgements
that touch an actor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from interlock.cli.actor import pick_distinct
from interlock.cli.common import DB_OPTION, JSON_OPTION, answer, done, error, open_store, print_json
from interlock.errors import BadInput
from interlock.store import Store

_BY = click.option("--by", "who", default=None, help="Who makes the judgement (default: INTERLOCK_USER or the login).")
_NOTE = click.option("--note", default=None, help="Why, in a few words; kept in the log.")


def _refresh(store: Any, quiet: bool = False) -> None:
    from interlock.refresh import refresh

    for line in refresh(store):
        if not quiet:
            click.echo(line, err=True)


def _judge(db_path: Path | None, make: Callable[..., int], says: str, names: tuple[str, ...] = (),
           merging: bool = False) -> None:
    """Make one judgement, say so, then resolve and grade again so that it shows at once.

    ``names`` are the actors the judgement is about, each looked up first: an ambiguous one is
    picked in a terminal (or the candidates listed, exit 2); ``make`` gets the store and them.
    ``merging`` two names that are one actor already is no judgement, and no error either.
    """
    with open_store(db_path) as store:
        picked = pick_distinct(store, names, keep_name=True)
        if merging:
            from interlock.query import find_actor

            if find_actor(store, picked[0]) == find_actor(store, picked[1]):
                click.echo(f"{names[0]} and {names[1]} are already one actor: nothing to do", err=True)
                return
        number = answer(make, store, *picked)
        click.echo(f"judgement {number}: {_named(store, says, names)}", err=True)
        _refresh(store)


def _named(store: Store, says: str, names: tuple[str, ...]) -> str:
    """What a judgement says with each actor given by id also named ("Karim Saleh (actor_...)")."""
    from interlock.query import candidates

    for given in names:
        if given.startswith("actor_"):
            found = candidates(store, [given])
            if found:
                says = says.replace(given, f"{found[0]['name']} ({given})")
    return says


@click.command()
@DB_OPTION
def resolve(db_path: Path | None) -> None:
    """Resolve actors across documents and grade every claim again (ingest does this itself)."""
    with open_store(db_path) as store:
        _refresh(store)


@click.command()
@click.argument("a")
@click.argument("b")
@DB_OPTION
@_BY
@_NOTE
def merge(a: str, b: str, db_path: Path | None, who: str | None, note: str | None) -> None:
    """A and B are one actor, whatever resolution thinks."""
    from interlock.resolve import judgements

    _judge(db_path, lambda store, x, y: judgements.merge(store, x, y, who, note), f"{a} = {b}", (a, b), merging=True)


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--no", "different", is_flag=True, help="They are different actors: never join them.")
@DB_OPTION
@_BY
@_NOTE
def same(a: str, b: str, different: bool, db_path: Path | None, who: str | None, note: str | None) -> None:
    """A and B are the same actor (as merge); with --no, they are not: resolution will never join them."""
    from interlock.resolve import judgements

    if different:
        _judge(db_path, lambda store, x, y: judgements.never(store, x, y, who, note), f"{a} is not {b}", (a, b))
    else:
        _judge(db_path, lambda store, x, y: judgements.merge(store, x, y, who, note), f"{a} = {b}", (a, b), merging=True)


@click.command()
@click.argument("name")
@click.option("--document", "documents", multiple=True, help="A document whose mention is someone else; repeat.")
@DB_OPTION
@_BY
@_NOTE
def split(name: str, documents: tuple[str, ...], db_path: Path | None, who: str | None, note: str | None) -> None:
    """Take the actor NAME's mentions in --document DOC out of it: they are someone else."""
    from interlock.resolve import judgements

    _judge(db_path, lambda store, x: judgements.split(store, x, list(documents), who, note),
           f"{name} in {', '.join(documents)} is someone else", (name,))


@click.command(name="import-entities")
@click.argument("path", type=click.Path(path_type=Path))
@DB_OPTION
def import_entities(path: Path, db_path: Path | None) -> None:
    """Load known people and organisations (FollowTheMoney JSON lines or CSV) and link mentions to them."""
    from interlock.resolve import reference

    entries: list[reference.Entry] = []
    failures = 0
    for item in reference.read(path):
        if isinstance(item, BadInput):
            error(item)
            failures += 1
        else:
            entries.append(item)
    with open_store(db_path, must_exist=False) as store:
        count = reference.store_entries(store, entries, str(path))
        click.echo(f"{path}: {count} reference entries stored, {failures} failed", err=True)
        _refresh(store)
    done(failures)


@click.group(invoke_without_command=True)
@click.option("--load", "load_path", type=click.Path(path_type=Path), default=None,
              help="Load this registry file (YAML) into the store first, replacing the last one.")
@DB_OPTION
@JSON_OPTION
@click.pass_context
def outlets(ctx: click.Context, load_path: Path | None, db_path: Path | None, as_json: bool) -> None:
    """Outlets with their reliability (Admiralty A-F, F unless the registry says), kind and affiliation.

    `interlock outlets compare [A B]` compares them pair by pair.
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db_path": db_path, "as_json": as_json}
        return
    from interlock.credibility import outlets as registry

    with open_store(db_path, must_exist=load_path is None) as store:
        if load_path is not None:
            reg = answer(registry.read, load_path)
            registry.load(store, reg)
            click.echo(f"{load_path}: {len(reg.outlets)} outlets in the registry", err=True)
            _refresh(store)
        rows = registry.listing(store)
    if as_json:
        print_json(rows)
        return
    for r in rows:
        extra = ", ".join(x for x in (r["kind"], r["affiliation"] and f"affiliated with {r['affiliation']}") if x)
        click.echo(f"{r['reliability']}  {r['outlet']}" + (f" ({extra})" if extra else "")
                   + f" - {r['documents']} documents" + (f", {r['copies']} copies" if r["copies"] else ""))


@outlets.command(name="compare")
@click.argument("names", nargs=-1)
@DB_OPTION
@JSON_OPTION
@click.pass_context
def outlets_compare(ctx: click.Context, names: tuple[str, ...], db_path: Path | None, as_json: bool) -> None:
    """For each pair of outlets (or only A and B): claims both carry, how many they corroborate
    (independent origins), repeat from one origin or contradict, and who had them first; then
    each outlet's record: how often its claims are later corroborated or contradicted."""
    from interlock.credibility.compare import compare

    parent = ctx.obj or {}
    db_path = db_path or parent.get("db_path")
    as_json = as_json or bool(parent.get("as_json"))
    if len(names) not in (0, 2):
        raise click.UsageError("give two outlets, or none for every pair")
    with open_store(db_path) as store:
        found = answer(compare, store, *names)
    if as_json:
        print_json(found)
        return
    if not found["pairs"]:
        click.echo("no claim carried by two outlets")
    for p in found["pairs"]:
        a, b = p["a"], p["b"]
        first = p["first"]
        click.echo(f"{a} / {b}: {p['shared']} claims both carry - {p['corroborate']} corroborated "
                   f"(independent origins), {p['same_origin']} from one origin, {p['contradict']} contradicted; "
                   f"first: {a} {first[a]}, {b} {first[b]}, same day {first['same day']}")
    for o in found["outlets"]:
        click.echo(f"{o['outlet']}: {o['claims']} claims, first with {o['first']}; later corroborated "
                   f"{o['corroborated_later']} ({o['corroborated_share']:.0%}), contradicted {o['contradicted']} "
                   f"({o['contradicted_share']:.0%})")


@click.command()
@click.argument("number", type=int)
@DB_OPTION
@_BY
@_NOTE
def withdraw(number: int, db_path: Path | None, who: str | None, note: str | None) -> None:
    """Withdraw judgement NUMBER (merge, same --no, split or tag): it is no longer replayed.

    The log keeps it, marked withdrawn, with who withdrew it and when.
    """
    from interlock.resolve import judgements

    _judge(db_path, lambda store: judgements.withdraw(store, number, who, note), f"judgement {number} withdrawn")


@click.command(name="judgements")
@click.option("--withdraw", "number", type=int, default=None,
              help="Withdraw judgement NUMBER: it stays in the log, marked withdrawn by whom and when.")
@DB_OPTION
@JSON_OPTION
@_BY
@_NOTE
def judgements_command(number: int | None, db_path: Path | None, as_json: bool, who: str | None,
                       note: str | None) -> None:
    """List the judgements: edges between the stable keys of two actors (or an actor and a tag), who
    made each and when, and which are withdrawn; --withdraw NUMBER takes one back."""
    from interlock.resolve import judgements

    if number is not None:
        _judge(db_path, lambda store: judgements.withdraw(store, number, who, note), f"judgement {number} withdrawn")
        return
    with open_store(db_path) as store:
        edges = judgements.listing(store)
    if as_json:
        print_json(edges)
        return
    if not edges:
        click.echo("no judgements yet (interlock merge, same --no, split, tag)", err=True)
    for e in edges:
        right = ", ".join(x for x in e["right"]["names"] if x)
        gone = f"; withdrawn by {e['withdrawn']['by']} at {e['withdrawn']['at']}" if e["withdrawn"] else ""
        click.echo(f"{e['id']:>4}  {e['judgement']:<8} {', '.join(e['left']['names'])} / {right}  "
                   f"[{e['left']['key']} / {e['right']['key']}]  by {e['who']} at {e['at']}{gone}")


COMMANDS = [resolve, merge, same, split, withdraw, judgements_command, import_entities, outlets]
