"""Running the real command line on a real store, one invocation at a time.

Each call builds a new root context and a new application, as a new process would; the only
thing carried from one call to the next is what the store holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from click.testing import CliRunner

from envtrack.cli import cli

UUID_LINE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n")
CLEAN_ENV = {"ENVTRACK_DB": None, "ENVTRACK_OPERATOR": None, "ENVTRACK_LANG": None}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def entry_id(self) -> str:
        """The entry id a record command printed: the whole of stdout, one UUID line."""
        assert self.exit_code == 0, self.stderr
        assert UUID_LINE.fullmatch(self.stdout), f"stdout is not one entry id: {self.stdout!r}"
        return self.stdout.strip()


def invoke(db: str, *args: str, operator: str = "siti", lang: str = "en") -> Run:
    runner = CliRunner(env=CLEAN_ENV)
    result = runner.invoke(cli, ["--db", db, "--operator", operator, "--lang", lang, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr, result.exception)


def assert_refused(run: Run, field: str, *, code: int = 1) -> None:
    """A refusal: ``Error: <field> …`` on stderr, nothing on stdout, no traceback."""
    assert run.exit_code == code, (run.exit_code, run.stdout, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    if code == 1:
        assert run.stderr.startswith(f"Error: {field} "), run.stderr
    else:
        assert field in run.stderr, run.stderr


def after_echo(run: Run) -> str:
    """What a record printed on stderr after its echo line (``recorded: …``): its warnings."""
    echo, _, rest = run.stderr.partition("\n")
    assert echo.startswith(("recorded: ", "tercatat: ")), run.stderr
    return rest
