"""Real news: posts, ties, meetings and claims on real articles, scored by the set's own scorer.

The real-news set (``realnews/`` beside the evaluation data, read-only) holds
real articles with an exhaustive gold reading and ``score.py``, which runs
``interlock extract`` on them and scores the output. This module runs that
scorer unchanged with this installation's ``interlock`` (so the figures are
exactly what ``python realnews/score.py`` prints) and keeps, per kind of fact,
recall, precision and F1 strict and lenient, statement precision, and the
claims' relay figures. There is no peer: the gold is the reference.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from interlock.errors import DatasetNotFound, InterlockError
from interlock.evaluate.report import EvalResult

KINDS = ("posts", "ties", "meetings", "claims")


def realnews_dir(data_dir: Path) -> Path:
    """The real-news folder: beside the evaluation data (``../shared/realnews``)."""
    for candidate in (data_dir / "realnews", data_dir.parent / "realnews"):
        if (candidate / "score.py").exists():
            return candidate
    raise DatasetNotFound(
        f"no real-news set beside {data_dir} (looked for realnews/score.py there and one level up)"
    )


def _interlock_command() -> list[str]:
    sibling = Path(sys.executable).with_name("interlock")
    if sibling.exists():
        return [str(sibling)]
    found = shutil.which("interlock")
    if found:
        return [found]
    return [sys.executable, "-m", "interlock"]


def score(data_dir: Path, only: list[str] | None = None) -> dict[str, Any]:
    """Run the set's scorer on its dev articles and return the figures it writes."""
    root = realnews_dir(data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.json"
        argv = [sys.executable, str(root / "score.py"), str(root / "dev"), "--json", str(out),
                "--interlock", " ".join(_interlock_command())]
        for text in only or []:
            argv += ["--only", text]
        proc = subprocess.run(argv, capture_output=True, text=True, env=dict(os.environ))
        if proc.returncode != 0 or not out.exists():
            tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-5:])
            raise InterlockError(f"the real-news scorer failed (exit {proc.returncode}): {tail}")
        data: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return data


def evaluate(data_dir: Path, limit: int | None = None) -> EvalResult:
    """Score extraction on the real-news development articles (``limit``: the first N only)."""
    only: list[str] | None = None
    if limit is not None:
        stems = sorted(p.stem for p in (realnews_dir(data_dir) / "dev").glob("*.yaml"))[:limit]
        only = stems
    data = score(data_dir, only)
    kinds = data.get("kinds", {})
    figures: dict[str, Any] = {"articles": data.get("articles")}
    table = [["kind", "gold", "pred", "P strict", "R strict", "F1 strict", "P lenient", "R lenient", "F1 lenient"]]
    for kind in KINDS:
        k = kinds.get(kind, {})
        figures[kind] = {name: (round(v, 3) if isinstance(v, float) else v) for name, v in k.items()}
        table.append([kind, str(k.get("gold")), str(k.get("pred"))] + [
            f"{k[f]:.3f}" if isinstance(k.get(f), float) else "-"
            for f in ("p_strict", "r_strict", "f1_strict", "p_lenient", "r_lenient", "f1_lenient")
        ])
    statements = data.get("statements", {})
    figures["statement_precision"] = {
        name: (round(v, 3) if isinstance(v, float) else v) for name, v in statements.items()
    }
    figures["times"] = data.get("times")
    summary = str(data.get("summary", "")).strip()
    primary = summary.splitlines()[-1] if summary else "realnews: no summary"
    return EvalResult(dataset="realnews", figures=figures, table=table, primary=primary)
