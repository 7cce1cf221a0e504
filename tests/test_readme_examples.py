"""The README's examples run as written: every `interlock` line of its ```sh blocks, in order,
against the sample corpus (`corpus.db` built by the quick start line), fails the test on an
error exit or a traceback.

The commands run in a scratch folder that sees the repository's `examples/` and `interlock/`
(the rule pack), so that the files the README names exist and what they write stays there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"


def readme_commands() -> list[str]:
    """Every shell line of the README's ```sh blocks that runs `interlock`, comments dropped;
    installing (`pip install`) and the test suite are left out of a chain."""
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("&&")]
            parts = [p for p in parts if not p.startswith(("pip ", "python -m pytest"))]
            if any("interlock" in p.split("|")[-1] for p in parts):
                lines.append(" && ".join(parts))
    return lines


def test_the_readme_has_examples_of_every_everyday_command() -> None:
    commands = " ".join(readme_commands())
    for name in ("ingest", "show", "timeline", "ties", "search", "events", "outlets compare", "merge", "same",
                 "split", "vet", "watch add", "alerts", "extract", "stats"):
        assert f"interlock {name}" in commands, name


def test_every_readme_command_runs(tmp_path: Path) -> None:
    for name in ("examples", "interlock"):
        (tmp_path / name).symlink_to(REPO / name)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "INTERLOCK_USER": "readme-test"}
    env.pop("INTERLOCK_DB", None)
    interlock = shutil.which("interlock", path=env["PATH"])
    assert interlock, "the interlock command is installed in the test environment"
    failures = []
    for line in readme_commands():
        done = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=600, check=False)
        if done.returncode != 0 or "Traceback" in done.stderr:
            failures.append(f"$ {line}\n  exit {done.returncode}: {done.stderr.strip()[-500:]}")
    assert not failures, "README examples that fail:\n" + "\n".join(failures)
