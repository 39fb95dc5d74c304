"""One version number, everywhere the package reports it: the project metadata, the package,
``envtrack --version`` and the evidence manifest (so that a pack says which release wrote it)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

import envtrack
from envtrack.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_reports_the_projects_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == envtrack.__version__ == "0.2.0"


def test_the_command_line_reports_it_in_the_runs_language():
    english = CliRunner().invoke(cli, ["--lang", "en", "--version"])
    assert english.exit_code == 0
    assert re.fullmatch(r"envtrack, version 0\.2\.0\n", english.output)
    indonesian = CliRunner().invoke(cli, ["--lang", "id", "--version"])
    assert re.fullmatch(r"envtrack, versi 0\.2\.0\n", indonesian.output)
