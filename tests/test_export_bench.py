"""bench/export.py runs end to end on a small synthetic store (the figures come from its full run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_export_runs_and_reports_the_memory_ratio() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "export.py"), "--statements", "2000", "--entities", "200",
         "--formats", "csv,stix"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("csv ") for line in lines) and any(line.startswith("stix ") for line in lines)
    assert "worst peak-memory ratio full/tenth" in lines[-1]
