"""Every command has help, and every setting and command is documented in the README."""

from __future__ import annotations

import click

from interlock import settings
from interlock.cli import cli
from tests.helpers import REPO


def all_commands() -> dict[str, click.Command]:
    return dict(cli.commands)


def test_every_command_has_help() -> None:
    for name, command in all_commands().items():
        assert command.help and command.help.strip(), f"command {name!r} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"option {param.opts} of {name!r} has no help"


def test_every_command_and_setting_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    for name in all_commands():
        assert f"interlock {name}" in readme, f"README does not mention `interlock {name}`"
    for setting in settings.SETTINGS.values():
        assert setting.env in readme, f"README does not document {setting.env}"
        assert setting.help


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = quick.split("```")[1::2]
    commands = [line for b in blocks for line in b.splitlines() if line.strip() and not line.startswith(("sh", "bash"))]
    assert len(commands) == 2, commands
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    test_command = commands[1]
    assert "pytest" in test_command and "pytest" in ci
