"""The evaluation harness: which dataset is scored by which module, and saving figures.

Each evaluation module exposes ``evaluate(data_dir, limit=None) -> EvalResult``.
Modules are imported only when their dataset is asked for, so a missing or
broken one is reported clearly and, under ``all``, the others still run.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interlock.errors import InterlockError
from interlock.evaluate.report import EvalResult

#: dataset name -> module that evaluates it, in the order ``all`` runs them
DATASETS: dict[str, str] = {
    "polnear": "interlock.evaluate.polnear",
    "timeml": "interlock.evaluate.timeml",
    "redocred": "interlock.evaluate.redocred",
    "names": "interlock.evaluate.names",
    "gap": "interlock.evaluate.gap",
    "factuality": "interlock.evaluate.factuality",
    "ner": "interlock.evaluate.ner",
    "realnews": "interlock.evaluate.realnews",
}

Evaluate = Callable[..., EvalResult]


class UnknownDataset(InterlockError):
    "A dataset name that the harness does not know"


@dataclass
class RunOutcome:
    """The results that were produced and the datasets that failed, with why."""

    results: list[EvalResult] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def dataset_names(dataset: str) -> list[str]:
    """The datasets that ``dataset`` stands for; ``all`` stands for every one."""
    if dataset == "all":
        return list(DATASETS)
    if dataset not in DATASETS:
        raise UnknownDataset(
            f"unknown dataset {dataset!r}; choose one of: all, {', '.join(DATASETS)}"
        )
    return [dataset]


def load_evaluator(dataset: str) -> Evaluate:
    """The ``evaluate`` function of a dataset's module, with a clear error if unusable."""
    module_name = DATASETS[dataset]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise InterlockError(
            f"evaluation module {module_name} for {dataset!r} cannot be imported: {exc}"
        ) from exc
    func = getattr(module, "evaluate", None)
    if not callable(func):
        raise InterlockError(f"evaluation module {module_name} has no evaluate() function")
    return func


def run(dataset: str, data_dir: Path, limit: int | None = None) -> list[EvalResult]:
    """Evaluate one dataset (or ``all``); raises on the first failure."""
    results: list[EvalResult] = []
    for name in dataset_names(dataset):
        results.append(load_evaluator(name)(Path(data_dir), limit=limit))
    return results


def run_all(
    dataset: str,
    data_dir: Path,
    limit: int | None = None,
    on_result: Callable[[EvalResult], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> RunOutcome:
    """Evaluate each dataset, going on past failures and recording them."""
    outcome = RunOutcome()
    for name in dataset_names(dataset):
        try:
            result = load_evaluator(name)(Path(data_dir), limit=limit)
        except Exception as exc:  # noqa: BLE001 - one broken dataset must not hide the others
            detail = f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, InterlockError):
                detail += "\n" + traceback.format_exc(limit=3)
            outcome.failures[name] = detail
            if on_failure:
                on_failure(name, detail)
            continue
        outcome.results.append(result)
        if on_result:
            on_result(result)
    return outcome


def git_head(cwd: Path | None = None) -> str | None:
    """The commit checked out in the repository holding this package, if any."""
    where = cwd or Path(__file__).resolve().parents[2]
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    head = out.stdout.strip()
    return head if out.returncode == 0 and head else None


def figures_document(
    results: list[EvalResult], failures: dict[str, str] | None = None
) -> dict[str, Any]:
    """The JSON document ``--save`` writes, so that two commits can be compared."""
    doc: dict[str, Any] = {
        "commit": git_head(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "datasets": {r.dataset: r.figures for r in results},
    }
    if failures:
        doc["failures"] = {k: v.splitlines()[0] for k, v in failures.items()}
    return doc


def save(path: Path, results: list[EvalResult], failures: dict[str, str] | None = None) -> None:
    """Write the figures of a run as JSON."""
    doc = figures_document(results, failures)
    path.write_text(json.dumps(doc, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
