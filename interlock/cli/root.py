"""The ``interlock`` group and the commands on documents and the store: ``extract``, ``ingest``,
``reextract``, ``stats``, ``show``, ``ties``, ``settings``; the other modules' commands are added here.

Errors the library raises on purpose (``InterlockError``) become one-line
messages here; a batch goes on past a bad document and the exit code says
whether anything failed (``interlock.cli.common``, docs/cli.md).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from interlock import __version__, settings
from interlock.cli.actor import pick_actor
from interlock.cli.common import (
    CONFIDENCE_OPTION,
    DB_OPTION,
    FAILED,
    JSON_OPTION,
    answer,
    done,
    error,
    fail,
    library_errors,
    open_store,
    print_json,
    warn,
)
from interlock.cli.evaluate import eval_command, match_names_command
from interlock.cli.explore import COMMANDS as EXPLORE_COMMANDS
from interlock.cli.export import export_command
from interlock.cli.query import COMMANDS as QUERY_COMMANDS
from interlock.cli.resolve import COMMANDS as RESOLVE_COMMANDS
from interlock.cli.safety import SafeGroup
from interlock.cli.vet import alerts_command, tag_command, vet_command, watch_group
from interlock.errors import BadInput, InterlockError
from interlock.ingest import Extractor
from interlock.readers import read_path
from interlock.summary import summarise
from interlock.textsafe import clean_names, escape


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interlock")
def cli() -> None:
    """Interlock: news articles to a sourced, queryable map of political power."""


@cli.command()
@click.option("--input", "-i", "inputs", multiple=True, default=["-"], show_default=True,
              help="JSON lines, JSON array, .txt, HTML page or RSS/Atom feed file, or - for stdin; repeat for several.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the JSON lines (default stdout).")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for records without one.")
@click.option("--outlet", default=None, help="Outlet for records without one.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document per block, not per line).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one JSON document per line; text: a plain reading of each document.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Leave out statements and meetings less likely right than this (0-1; default: the "
                   "INTERLOCK_MIN_CONFIDENCE setting, 0.4; 0 writes everything).")
def extract(inputs: tuple[str, ...], output: TextIO, published: str | None, outlet: str | None,
            pretty: bool, fmt: str, quiet: bool, min_confidence: float | None) -> None:
    """Extract entities, attributions, times, statements and events as JSON lines.

    Each input record is {"id", "text", "published", "outlet", "title", "url"};
    each output line is one document's result. A record that cannot be read is
    reported on stderr with the reason, the rest go on, and the exit code is 1.
    """
    from interlock.extract.api import DocumentError, extract_records

    failures: list[str] = []

    def records() -> Iterator[dict[str, Any]]:
        for path in inputs:
            for item in read_path(path, published, outlet):
                if isinstance(item, BadInput):
                    failures.append(str(item))
                    error(item)
                    continue
                yield item

    count = 0
    started = time.monotonic()
    with library_errors():
        threshold = settings.get_confidence() if min_confidence is None else min_confidence
        for res in extract_records(records()):
            count += 1
            if isinstance(res, DocumentError):
                failures.append(f"{res.id}: {res.error}")
                error(res.error)
                continue
            for err in res.errors:
                warn(f"document {res.id!r}: {err}")
            clean_names(res)  # no name keeps an escape sequence; the output shows control characters escaped
            res = res.confident(threshold)
            if fmt == "text":
                output.write(escape(summarise(res)) + "\n\n")
            else:
                output.write(escape(json.dumps(res.to_dict(), ensure_ascii=False, indent=2 if pretty else None)) + "\n")
            if not quiet and sys.stderr.isatty():
                rate = count / max(time.monotonic() - started, 1e-6)
                click.echo(f"\r{count} documents, {rate:.1f}/s", err=True, nl=False)
    if not quiet and sys.stderr.isatty():
        click.echo("", err=True)
    if failures:
        click.echo(f"{len(failures)} input(s) failed; the others were extracted", err=True)
    done(len(failures))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for documents without one.")
@click.option("--outlet", default=None, help="Outlet for documents without one.")
@click.option("--allow-private", is_flag=True,
              help="Fetch URLs on loopback, private or link-local addresses (refused by default).")
@click.option("--outlets", "registry_path", type=click.Path(path_type=Path), default=None,
              help="An outlet registry (YAML) to load first: reliability grades A-F, kinds, affiliations.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="Extract on a local Dask cluster of N worker processes (one pipeline each; docs/scale.md).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Extract on the workers of a running Dask scheduler (`dask scheduler`; docs/scale.md).")
def ingest(paths: tuple[str, ...], db_path: Path | None, published: str | None, outlet: str | None,
           allow_private: bool, registry_path: Path | None, quiet: bool, workers: int | None,
           scheduler: str | None) -> None:
    """Extract and store documents: files, folders (recursively), URLs or - for stdin.

    Reads JSON lines and arrays, text, HTML pages and RSS/Atom feeds. Each document is stored in its own
    transaction and keyed by its id and text, so running the same command again
    stores nothing twice. Failures are listed with the reason; the exit code is 1
    if any document failed. With --workers or --scheduler, extraction runs on Dask
    workers while this process reads and stores.
    """
    from contextlib import ExitStack

    from interlock.cli.common import store_path as where
    from interlock.ingest import ingest as run_ingest
    from interlock.ingest import print_progress

    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers (a local cluster) or --scheduler (a running one), not both")
    store_path = where(db_path, must_exist=False)
    with library_errors():
        with open_store(store_path, must_exist=False, finish=False) as store, ExitStack() as stack:
            if registry_path is not None:
                from interlock.credibility import outlets as registry

                registry.load(store, registry.read(registry_path))
            extractor = None
            if workers is not None or scheduler is not None:
                extractor = stack.enter_context(_dask_extractor(workers, scheduler, quiet))
            show = print_progress if not quiet and sys.stderr.isatty() else None
            report = run_ingest(paths, store, published=published, outlet=outlet, progress=show,
                                allow_private=allow_private, extractor=extractor)
    if show is not None:
        click.echo("", err=True)
    for failure in report.failures:
        error(failure)
    click.echo(f"{store_path}: {report.summary()}", err=True)
    for line in report.refreshed:
        click.echo(f"{store_path}: {line}", err=True)
    for alert in report.alerts:
        click.echo(f"alert: {alert['kind']}: {alert['message']}", err=True)
    done(not report.ok)


@contextmanager
def _dask_extractor(workers: int | None, scheduler: str | None, quiet: bool) -> Iterator[Extractor]:
    """Extraction on a Dask cluster, for ``ingest --workers`` and ``--scheduler``."""
    try:
        from interlock.scale import DaskExtractor, connect
    except ImportError as exc:
        fail(f"--workers and --scheduler need Dask ({exc}): pip install 'interlock[scale]'")
    with connect(workers=workers, scheduler=scheduler) as client:
        if not quiet:
            where = scheduler or "a local cluster"
            click.echo(f"extracting on {len(client.nthreads())} Dask worker(s) of {where}", err=True)
        yield DaskExtractor(client)


@cli.command()
@DB_OPTION
@click.option("--all", "everything", is_flag=True, help="Redo every document, not only those an older extraction made.")
@click.option("--where", default=None, metavar="TEXT", help="Only documents whose id or outlet contains TEXT.")
@JSON_OPTION
def reextract(db_path: Path | None, everything: bool, where: str | None, as_json: bool) -> None:
    """Run the current extraction again on stored texts, then resolve and grade again.

    Documents an older extraction made (or all with --all) are re-extracted from their
    stored text and metadata; each document's rows are replaced in one transaction.
    Judgements, tags and watches apply to the new rows as they did to the old.
    """
    from interlock.reextract import reextract as run_reextract

    def progress(done: int, total: int) -> None:
        if not as_json and sys.stderr.isatty():
            click.echo(f"\r{done}/{total} documents re-extracted", err=True, nl=False)

    with open_store(db_path) as store:
        report = answer(run_reextract, store, everything=everything, where=where, progress=progress)
    if not as_json and sys.stderr.isatty():
        click.echo("", err=True)
    if as_json:
        click.echo(json.dumps({"done": report.done, "failed": report.failed, "before": report.before,
                               "after": report.after, "refreshed": report.refreshed}, indent=2))
    else:
        click.echo(report.summary())
        for line in report.refreshed:
            click.echo(line)
        for line in report.failed:
            error(line)
    done(bool(report.failed))


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db_path: Path | None, as_json: bool) -> None:
    """Counts, outlets, the date range and the most connected people of a store (the outlet registry
    is configuration, not a document)."""
    from interlock import query

    with open_store(db_path) as store:
        counts = query.stats(store)
    if as_json:
        print_json(counts)
        return
    for key, value in counts.items():
        if isinstance(value, list):
            continue
        click.echo(f"{key:16} {'-' if value is None else value}")
    for row in counts["outlets_by_documents"]:
        click.echo(f"outlet           {row['outlet']} ({row['documents']} documents)")
    for row in counts["most_connected"]:
        click.echo(f"most connected   {row['name']} ({row['statements']} statements)")


_MIN_GRADE = click.option("--min-grade", default=None, metavar="GRADE",
                          help="Only statements graded at least this well on the Admiralty scale, e.g. B2.")



@cli.command()
@CONFIDENCE_OPTION
@click.argument("name", required=False)
@click.option("--most-connected", is_flag=True, help="Show the person with the most statements instead of NAME.")
@_MIN_GRADE
@DB_OPTION
@JSON_OPTION
def show(name: str | None, most_connected: bool, min_grade: str | None, db_path: Path | None, as_json: bool) -> None:
    """An actor's profile: names, ties over time with their sources and Admiralty grades, quotes."""
    from interlock import query

    with open_store(db_path) as store:
        if most_connected:
            top = query.most_connected(store, limit=1)
            if not top:
                fail("the store holds no statements about people yet")
            name = top[0]["key"]  # by id: its display name may be shared
        if not name:
            raise click.UsageError("give a NAME (or an actor id), or --most-connected")
        profile = answer(query.show, store, pick_actor(store, name, as_json), min_grade)
    if as_json:
        print_json(profile)
        return
    click.echo(f"{profile['name']} ({profile['label']}), in {profile['documents']} documents")
    click.echo(f"  also written: {', '.join(a for a in profile['aliases'] if a != profile['name']) or '-'}")
    if profile["reference"]:
        ref = profile["reference"]
        ids = ", ".join(f"{k} {' '.join(v)}" for k, v in ref["identifiers"].items())
        click.echo(f"  reference: {ref['name']} ({ref['schema']}{', ' + ids if ids else ''})")
    for alias in profile["stated_aliases"]:
        click.echo(f"  also known as {alias['alias']} ({alias['document']}):")
        click.echo(_wrap(f"\"{alias['evidence']}\"", 6))
    for j in profile["judgements"]:
        other = ", ".join(j["b"]) if isinstance(j["b"], list) else j["b"]
        click.echo(f"  judgement {j['id']}: {j['kind']} {', '.join(j['a'])} / {other} by {j['who']} at {j['at']}")
    for tie in profile["ties"]:
        role = f" as {tie['role']}" if tie["role"] else ""
        span = f" [{tie['valid_from'] or '?'} .. {tie['valid_to'] or ''}]" if tie["valid_from"] or tie["valid_to"] else ""
        obj = f" {tie['object']}" if tie["object"] else ""
        grade = f"[{tie['grade']}] " if tie.get("grade") else ""
        click.echo(f"  {grade}{tie['subject']} {tie['predicate']}{obj}{role} ({tie['status']}){span}"
                   f" - {tie['reports']} report(s), {tie['outlets']} outlet(s), {tie['origins']} independent origin(s)")
        if tie.get("claim"):
            click.echo(f"      why {tie['claim']['grade']}: {tie['claim']['reason']}")
        for src in tie["sources"]:
            chain = " > ".join(src["chain"]) if src["chain"] else (src["outlet"] or "?")
            copy = f" (copy of {src['copy_of']})" if src["copy_of"] else ""
            grade = f"[{src['grade']}] " if src.get("grade") else ""
            click.echo(f"      {grade}{src['published'] or '?'} {src['modality']}: {chain}{copy}")
            for c in src.get("contradictions", [])[:3]:
                click.echo(f"          contradicted: {c['reason']}")
    for q in profile["quotes"]:
        click.echo(f"  said ({q['cue']}, {q['document']}):")
        click.echo(_wrap(q["content"], 6))
    for q in profile["quotes_about"]:
        click.echo(f"  {q['source']} {q['cue']} about them ({q['document']}):")
        click.echo(_wrap(q["content"], 6))


def _wrap(text: str, indent: int) -> str:
    """A whole text (evidence, a quote) wrapped to the terminal, indented, never cut."""
    import shutil
    import textwrap

    width = max(60, min(shutil.get_terminal_size((100, 20)).columns, 120))
    pad = " " * indent
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=pad, subsequent_indent=pad)


@cli.command()
@CONFIDENCE_OPTION
@click.argument("a")
@click.argument("b")
@click.option("--hops", type=click.IntRange(1, 6), default=3, show_default=True, help="Longest path to look for.")
@DB_OPTION
@JSON_OPTION
def ties(a: str, b: str, hops: int, db_path: Path | None, as_json: bool) -> None:
    """The sourced paths between two actors, shortest first, each step with its evidence."""
    from interlock import query

    with open_store(db_path) as store:
        key_a, key_b = pick_actor(store, a, as_json), pick_actor(store, b, as_json)
        paths = answer(query.ties, store, key_a, key_b, hops)
        # the actors by name, however they were given (an id, a spelling variant)
        named = {} if paths or as_json else {c["key"]: c["name"] for c in query.candidates(store, [key_a, key_b])}
    if as_json:
        print_json(paths)
        return
    if not paths:
        click.echo(f"no path of at most {hops} steps between {named.get(key_a, a)!r} and {named.get(key_b, b)!r}")
    for n, path in enumerate(paths, start=1):
        click.echo(f"path {n}:")
        for e in path:
            also = f" (+{len(e['also'])} more: {', '.join(sorted({x['predicate'] for x in e['also']}))})" if e["also"] else ""
            click.echo(f"  [{e['grade'] or '--'}] {e['from']} {e['predicate']} {e['to']} [{e['modality']}]{also}")
            click.echo(f"        {e['outlet'] or '?'}, {e['published'] or '?'}, {e['document']}: "
                       f"{' '.join(e['evidence'].split())[:160]}")


@cli.command(name="settings")
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
def show_settings(as_json: bool) -> None:
    """List every setting with its environment variable, value and help."""
    rows = [
        {"name": s.name, "env": s.env, "value": settings.get(s.name), "default": s.default, "help": s.help}
        for s in settings.SETTINGS.values()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['env']}={row['value']}\n    {row['help']}")


cli.add_command(eval_command)
cli.add_command(match_names_command)
cli.add_command(export_command)


for _command in (*RESOLVE_COMMANDS, *QUERY_COMMANDS, *EXPLORE_COMMANDS, vet_command, watch_group, alerts_command, tag_command):
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``interlock`` command (``python -m interlock.cli`` too)."""
    try:
        cli(standalone_mode=True)
    except InterlockError as exc:  # pragma: no cover - SafeGroup turns them into click's errors
        error(exc)
        sys.exit(FAILED)
