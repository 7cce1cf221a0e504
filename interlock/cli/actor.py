"""Naming an actor on the command line: a name, a spelling variant or an id, never a dead end.

An ambiguous name lists the candidates with what tells them apart. In a
terminal the user picks one by number; with ``--json`` or without a terminal
(a script, a pipe) the candidates are printed and the exit code is 2, so that
the caller can ask again with an id. A name that matches nothing says so and
suggests the nearest names.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from interlock.cli.common import ASK_AGAIN, fail, print_json
from interlock.query import Ambiguous, NotFound, describe, find_actor
from interlock.store import Store


def interactive() -> bool:
    """Whether a person can answer a question: stdin and stdout are both terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def pick_actor(store: Store, name: str, as_json: bool = False, keep_name: bool = False,
               exclude: frozenset[str] = frozenset()) -> str:
    """The id of the actor ``name`` means; asks in a terminal when several match, else exits 2.

    With ``keep_name``, a name that matches one actor is given back as typed (judgements log the
    analyst's words) and only an ambiguous one becomes the chosen id. Actors in ``exclude`` are
    not candidates (in ``merge A B``, B is not A itself, even when A is also called B).
    """
    try:
        key = find_actor(store, name)
        return name if keep_name else key
    except NotFound as exc:
        if as_json:
            print_json({"error": "not found", "name": name, "suggestions": exc.suggestions})
        fail(str(exc))
    except Ambiguous as exc:
        left = [c for c in exc.candidates if c["key"] not in exclude]
        if len(left) == 1:
            return str(left[0]["key"])
        exc.candidates = left or exc.candidates
        if not as_json and interactive():
            return _ask(exc)
        _refuse(exc, as_json)


def _ask(exc: Ambiguous) -> str:
    click.echo(f"{exc.name!r} matches {len(exc.candidates)} actors:", err=True)
    for n, c in enumerate(exc.candidates, start=1):
        click.echo(f"  {n:2}. {describe(c)}  [{c['key']}]", err=True)
    choice = click.prompt("which one (number)", type=click.IntRange(1, len(exc.candidates)), err=True)
    return str(exc.candidates[choice - 1]["key"])


def _refuse(exc: Ambiguous, as_json: bool) -> NoReturn:
    if as_json:
        print_json(candidates_json(exc))
    else:
        click.echo(f"Error: {exc.name!r} matches {len(exc.candidates)} actors; give one of these ids instead:",
                   err=True)
        for c in exc.candidates:
            click.echo(f"  {c['key']}  {describe(c)}", err=True)
    sys.exit(ASK_AGAIN)


def pick_distinct(store: Store, names: tuple[str, ...], keep_name: bool = False) -> list[str]:
    """Several names for a judgement about different actors: each may ask, and none is read as the
    actor an earlier name already picked."""
    out: list[str] = []
    chosen: set[str] = set()
    for n in names:
        got = pick_actor(store, n, keep_name=keep_name, exclude=frozenset(chosen))
        out.append(got)
        chosen.add(find_actor(store, got))
    return out


def candidates_json(exc: Ambiguous) -> dict[str, Any]:
    """The machine-readable answer of an ambiguous name."""
    return {"error": "ambiguous", "name": exc.name, "candidates": exc.candidates}
