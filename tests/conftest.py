"""Shared pytest options and fixtures for Interlock's tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

#: the sample corpus (our own fiction) and its outlet registry
SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden``, which rewrites the snapshot files in tests/golden/."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.json from the current extractor output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether snapshot tests should rewrite their snapshots rather than compare."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested once per run, with its registry; copy it before use."""
    from interlock.cli import cli

    path = tmp_path_factory.mktemp("sample") / "corpus.db"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE_CORPUS), "--outlets", str(SAMPLE_CORPUS / "outlets.yaml"),
                                      "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


#: the stores every parametrised test runs against
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """A throwaway PostgreSQL cluster for the session (tests/pg.py); skips with the reason when none can start."""
    from tests.pg import Cluster, Unavailable

    cluster = Cluster()
    try:
        cluster.start()
    except (Unavailable, OSError, subprocess.SubprocessError) as exc:
        cluster.stop()
        if os.environ.get("INTERLOCK_TEST_POSTGRES") == "required":  # .ci/run, where the server is installed
            pytest.fail(f"INTERLOCK_TEST_POSTGRES=required but no PostgreSQL cluster could start: {exc}")
        pytest.skip(f"PostgreSQL store not tested: {exc}")
    yield cluster
    cluster.stop()


def new_store(backend: str, request: pytest.FixtureRequest, folder: Path, name: str = "s.db") -> Path | str:
    """Where a new, empty store of ``backend`` goes: a file in ``folder``, or a new PostgreSQL database."""
    if backend == "sqlite":
        return folder / name
    cluster = request.getfixturevalue("pg_cluster")
    return str(cluster.create())


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store in turn: SQLite, then PostgreSQL (skipped when no server can be started)."""
    return str(request.param)


@pytest.fixture
def fresh_store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new empty store on ``backend``: a path or a postgresql:// address, for ``open_store``/``--db``."""
    return new_store(backend, request, tmp_path)


def copy_store(request: pytest.FixtureRequest, spec: Path | str, folder: Path, name: str = "copy.db") -> Path | str:
    """A fresh copy of a built store: the file copied, or a new PostgreSQL database from it as a template."""
    import shutil

    if isinstance(spec, Path):
        shutil.copy(spec, folder / name)
        return folder / name
    from urllib.parse import urlsplit

    return str(request.getfixturevalue("pg_cluster").create(template=urlsplit(spec).path.lstrip("/")))
