"""Shared pytest options and fixtures for Interlock's tests."""

from __future__ import annotations

from pathlib import Path

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
