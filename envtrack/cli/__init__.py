"""The click front door: a root group with the global options and lazily loaded commands.

Commands are imported only when invoked, so that recording commands never load pandas,
matplotlib or SQLAlchemy. Each command parses, makes one application call and renders.
"""

from __future__ import annotations

import getpass
import importlib
import os
from typing import Any

import click

from envtrack import __version__
from envtrack.context import Context, user_errors

# command name -> "module:attribute" (a click command or group)
COMMANDS = {
    "init": "envtrack.cli.store_cmds:init",
    "site": "envtrack.cli.site:site",
    "supplies": "envtrack.cli.supplies:supplies",
    "exchange": "envtrack.cli.supplies:exchange",
    "bottles": "envtrack.cli.supplies:bottles",
    "sambo": "envtrack.cli.sambo:sambo",
    "pond": "envtrack.cli.pond:pond",
    "waste": "envtrack.cli.waste:waste",
    "void": "envtrack.cli.entries:void",
    "correct": "envtrack.cli.entries:correct",
    "log": "envtrack.cli.entries:log",
    "projections": "envtrack.cli.projections:projections",
    "indicators": "envtrack.cli.indicators:indicators",
    "evidence": "envtrack.cli.evidence:evidence",
    "import": "envtrack.cli.importer:import_",
    "demo": "envtrack.cli.demo:demo",
    "sync": "envtrack.cli.sync:sync",
    "bundle": "envtrack.cli.bundle:bundle",
    "city": "envtrack.cli.city:city",
}

COMMAND_HELP = {
    "init": "Create the event store (idempotent).",
    "site": "Add, update, close, list and show sites.",
    "supplies": "SAMBO DIKARTU AS: exchange rates, supplies received and stock.",
    "exchange": "SAMBO DIKARTU AS: record a bottle exchange.",
    "bottles": "SAMBO DIKARTU AS: hand collected bottles on for recycling.",
    "sambo": "SAMBO DIKARTU AS for the school: leaderboards, receipts and the Adiwiyata table.",
    "pond": "MADULENI MANIS: ponds, stocking, feed, wudu water, deaths, harvests.",
    "waste": "Record collected waste by SIPSN category, source and destination.",
    "void": "Void an entry, with a reason.",
    "correct": "Correct a waste entry, with a reason.",
    "log": "Show the latest events of the log.",
    "projections": "Update, rebuild and inspect the read models.",
    "indicators": "Adipura/SIPSN waste indicators and programme figures.",
    "evidence": "Export and verify Adipura evidence packs.",
    "import": "Import paper logbooks from CSV or XLSX.",
    "demo": "Fill an empty store with a synthetic Kota Mojokerto.",
    "sync": "Copy events between this store and another (push, pull, status).",
    "bundle": "Carry a store's events as one file (export, import).",
    "city": "The city's basis for SIPSN's timbulan, yearly targets and TPA system.",
}


class LazyGroup(click.Group):
    """Loads a command's module only when that command runs (or when help lists it)."""

    def __init__(self, *args: Any, lazy: dict[str, str], short_help: dict[str, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy = lazy
        self.short_help = short_help

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.lazy)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                return None
            raise
        return getattr(module, attribute)

    def invoke(self, ctx: click.Context) -> Any:
        return user_errors(ctx, lambda: super(LazyGroup, self).invoke(ctx))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self.short_help.get(name, "")) for name in self.lazy if self.get_command(ctx, name)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    short_help=COMMAND_HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    envvar="ENVTRACK_DB",
    default="envtrack.db",
    show_default=True,
    help="Event store: a SQLite file path, or a postgresql://user@host:port/dbname URL. [env: ENVTRACK_DB]",
)
@click.option(
    "--operator",
    envvar="ENVTRACK_OPERATOR",
    default=None,
    help="Who is recording; stored on every event. Default: your login name. [env: ENVTRACK_OPERATOR]",
)
@click.option(
    "--lang",
    envvar="ENVTRACK_LANG",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of labels in reports, charts and messages. [env: ENVTRACK_LANG]",
)
@click.version_option(__version__, prog_name="envtrack")
@click.pass_context
def cli(ctx: click.Context, db: str, operator: str | None, lang: str) -> None:
    """envtrack: log SAMBO DIKARTU AS, MADULENI MANIS and waste collection as events, and
    rebuild Adipura/SIPSN indicators and evidence from the log."""
    ctx.obj = Context(db=db, operator=(operator or "").strip() or _login_name(), lang=lang)
    ctx.call_on_close(ctx.obj.close)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return os.environ.get("USER") or "unknown"


def main() -> None:
    cli(prog_name="envtrack")
