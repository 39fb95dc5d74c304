"""Every recording and reading command of the log, and each of its options, is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from envtrack.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
NOUNS = (
    "init", "site", "supplies", "exchange", "bottles", "sambo", "pond", "waste", "void", "correct", "log", "sync", "bundle",
    "sipsn", "city",
)


def _commands() -> list[tuple[str, click.Command]]:
    found = []
    context = click.Context(cli)
    for noun in NOUNS:
        command = cli.get_command(context, noun)
        if isinstance(command, click.Group):
            found.extend((f"{noun} {name}", sub) for name, sub in command.commands.items())
        else:
            found.append((noun, command))
    return found


@pytest.mark.parametrize("name,command", _commands(), ids=lambda value: value if isinstance(value, str) else "")
def test_command_and_its_options_are_documented(name, command):
    assert command.help, f"{name} has no help"
    assert f"`{name}" in README, f"{name} is not in the README"
    for parameter in command.params:
        for option in getattr(parameter, "opts", []):
            if option.startswith("--") and option != "--help":
                assert option in README, f"{name} {option} is not in the README"
