"""Commands for evaluation (``interlock eval``) and name matching (``interlock match-names``),
registered on the ``interlock`` group by ``interlock.cli.root``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

import click

from interlock import settings
from interlock.cli.common import done, error
from interlock.evaluate import runner
from interlock.evaluate.report import EvalResult


@click.command(name="eval")
@click.argument("dataset")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Evaluation data folder (default: the evaldata setting, ../shared/evaldata).")
@click.option("--save", "save_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the figures, the git commit and the date to this JSON file.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N items.")
def eval_command(
    dataset: str, data_dir: Path | None, save_path: Path | None, limit: int | None
) -> None:
    """Score Interlock on a public dataset (polnear, timeml, redocred, ner, names, gap,
    factuality, or all) beside a peer tool; the last line of each is its primary figure."""
    try:
        runner.dataset_names(dataset)
    except runner.UnknownDataset as exc:
        raise click.UsageError(str(exc)) from None
    folder = data_dir or settings.evaldata_dir()

    def show(result: EvalResult) -> None:
        click.echo(f"== {result.dataset}")
        click.echo(result.render())
        click.echo("")

    def fail(name: str, detail: str) -> None:
        click.echo(f"== {name}\nFAILED: {detail}\n", err=True)

    outcome = runner.run_all(dataset, folder, limit, on_result=show, on_failure=fail)
    if save_path is not None:
        runner.save(save_path, outcome.results, outcome.failures)
        click.echo(f"figures saved to {save_path}")
    if not outcome.ok:
        click.echo(f"failed: {', '.join(outcome.failures)}", err=True)
    done(not outcome.ok)


def _read_pairs(stream: BinaryIO, threshold: float | None) -> int:
    """Score each JSON line {"a", "b"}; returns how many lines were bad.

    Lines are split on ``\\n`` only and read one at a time (``interlock.jsonlines``),
    so a bad line is reported with its true number and the others are scored.
    """
    from interlock import jsonlines, names
    from interlock.errors import BadInput

    name = getattr(stream, "name", "<stdin>")
    name = "<stdin>" if name in ("-", "<stdin>") or not isinstance(name, str) else name
    bad = 0
    for lineno, line in jsonlines.lines(stream.read(), name):
        item = line if isinstance(line, BadInput) else jsonlines.loads(line, f"{name} line {lineno}")
        a = b = ""
        if not isinstance(item, BadInput):
            if not isinstance(item, dict):
                item = BadInput(f"{name} line {lineno}", "is not a JSON object")
            elif not isinstance(item.get("a"), str) or not isinstance(item.get("b"), str):
                item = BadInput(f"{name} line {lineno}", 'needs string fields "a" and "b"')
            else:
                a, b = item["a"], item["b"]
        if isinstance(item, BadInput):
            bad += 1
            error(item)
            continue
        out: dict[str, object] = {"a": a, "b": b, "score": round(names.score(a, b), 4)}
        if threshold is not None:
            out["match"] = out["score"] >= threshold  # type: ignore[operator]
        click.echo(json.dumps(out, ensure_ascii=False))
    return bad


@click.command(name="match-names")
@click.option(
    "--input",
    "input_file",
    type=click.File("rb"),
    required=True,
    help='JSON lines of {"a": name, "b": name}; "-" reads standard input.',
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Also print whether each pair matches at this score (shipped default: "
    "interlock.names.MATCH_THRESHOLD).",
)
def match_names_command(input_file: BinaryIO, threshold: float | None) -> None:
    """Score pairs of names (people or organisations) for being the same, 0 to 1."""
    bad = _read_pairs(input_file, threshold)
    if bad:
        click.echo(f"{bad} bad line(s)", err=True)
    done(bad)
