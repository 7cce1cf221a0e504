"""The ``interlock export`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from interlock.cli.common import CONFIDENCE_OPTION, DB_OPTION, open_store
from interlock.errors import InterlockError
from interlock.export import FORMATS


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="ftm (Aleph), stix (OpenCTI), gexf (Gephi), graphml, csv (neo4j-admin import: a folder), "
                   "cypher (Neo4j MERGE script), jsonl (claims with evidence).")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="The file to write (a folder for csv: nodes.csv and edges.csv).")
@DB_OPTION
@click.option("--actor", default=None, help="Only this actor and those within --hops ties of it.")
@click.option("--hops", type=click.IntRange(0, 6), default=1, show_default=True,
              help="How many ties away from --actor to go.")
@click.option("--min-grade", default=None, metavar="GRADE",
              help="Only statements graded at least this well on the Admiralty scale, e.g. B3.")
@CONFIDENCE_OPTION
@click.option("--min-stix-confidence", type=int, default=None, metavar="N",
              help="Only statements whose STIX confidence (0-100, from the Admiralty credibility) is at least N.")
@click.option("--since", default=None, metavar="DATE", help="Only statements from documents published on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="Only statements from documents published on or before DATE.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def export_command(fmt: str, out: Path, db_path: Path | None, actor: str | None, hops: int,
                   min_grade: str | None, min_stix_confidence: int | None, since: str | None, until: str | None,
                   as_json: bool, quiet: bool) -> None:
    """Write the map (actors, ties, posts, claims, sources) in a format other tools read.

    Filters cut what is written: --min-confidence leaves out statements the extractor is less sure
    of (0-1, as the query commands do), --min-grade and --min-stix-confidence keep statements graded
    at least that well, --since and --until keep statements by their document's publication date,
    --actor with --hops keeps the neighbourhood of one actor. See docs/interop.md.
    """
    from interlock.export import export
    from interlock.export.select import Filters

    filters = Filters(min_grade=min_grade, min_stix_confidence=min_stix_confidence, since=since, until=until,
                      actor=actor, hops=hops)
    show = not quiet and sys.stderr.isatty()

    def progress(what: str, n: int) -> None:
        click.echo(f"\r{what}: {n:,}        ", err=True, nl=False)

    try:
        filters.check()
        with open_store(db_path) as store:
            if show:
                click.echo("selecting...", err=True, nl=False)
            summary = export(store, fmt, out, filters, progress if show else None)
        threshold = click.get_current_context().meta.get("min_confidence")
        if threshold:
            summary["filters"]["min_confidence"] = threshold
    except InterlockError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    if show:
        click.echo("", err=True)
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    written = ", ".join(f"{v:,} {k}" for k, v in summary["written"].items())
    sel = summary["selected"]
    click.echo(f"{summary['out']}: {written} ({fmt}; selected {sel['actors']:,} actors, {sel['ties']:,} ties, "
               f"{sel['statements']:,} statements from {sel['documents']:,} documents in {summary['seconds']} s)",
               err=True)
