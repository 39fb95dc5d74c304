"""The click front door: a root group with the global options and lazily loaded commands.

Commands are imported only when invoked, so that recording commands never load pandas,
matplotlib or SQLAlchemy. Each command parses, makes one application call and renders.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from envtrack import __version__
from envtrack.cli import language
from envtrack.context import Context, user_errors

language.install()

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
    "sipsn": "envtrack.cli.sipsn:sipsn",
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
    "sipsn": "SIPSN's tables from the log (export), and a published table checked against it (compare).",
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
        command = getattr(module, attribute)
        language.localize(command, cmd_name, language.LANG.get())
        from envtrack.cli.checks import guard

        return guard(command)

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:
        """Runs envtrack in the language of ``--lang`` / ``ENVTRACK_LANG`` (Indonesian by default):
        its help and click's own usage errors included (``envtrack/cli/language.py``)."""
        import sys

        arguments = list(sys.argv[1:] if args is None else args)
        token = language.LANG.set(language.language_of(arguments))
        try:
            language.localize(self, "", language.LANG.get())
            return super().main(arguments, prog_name, **extra)
        finally:
            language.restore()
            language.LANG.reset(token)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The root's options, refused when one is given twice or is not UTF-8 (the commands'
        own are checked by ``guard``)."""
        from domain.errors import DomainError
        from envtrack.cli.checks import check_arguments
        from envtrack.output import terminal_text

        lang = language.LANG.get()
        try:
            check_arguments(self, ctx, args, lang)
        except DomainError as error:
            raise click.ClickException(terminal_text(error.message(lang))) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        return user_errors(ctx, lambda: super(LazyGroup, self).invoke(ctx))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language.LANG.get()
        rows = [
            (name, language.short_help(name, lang) or self.short_help.get(name, ""))
            for name in self.lazy
            if self.get_command(ctx, name)
        ]
        if rows:
            with formatter.section(language.words("Commands")):
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
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _show_version(ctx, value),
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db: str, operator: str | None, lang: str) -> None:
    """envtrack: log SAMBO DIKARTU AS, MADULENI MANIS and waste collection as events, and
    rebuild Adipura/SIPSN indicators and evidence from the log."""
    from domain.values import plain_text
    from envtrack.cli.checks import not_utf8, undecodable, without_password

    ctx.obj = Context(db=db, operator=(operator or "").strip() or _login_name(), lang=lang)
    ctx.call_on_close(ctx.obj.close)
    if not_utf8(db):  # from ENVTRACK_DB (the command line's own is checked while parsing)
        from domain.errors import InvalidValue

        raise InvalidValue("db", undecodable(without_password(db)), "not_utf8")
    plain_text("operator", ctx.obj.operator)


def _show_version(ctx: click.Context, value: bool) -> None:
    """``envtrack, version X`` in the run's language (click's version option words it once, when
    the module is loaded)."""
    if not value or ctx.resilient_parsing:
        return
    click.echo(language.words("%(prog)s, version %(version)s") % {"prog": "envtrack", "version": __version__})
    ctx.exit()


def _login_name() -> str:
    import getpass  # only when no --operator is given (it loads termios)

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return os.environ.get("USER") or "unknown"


def main() -> None:
    cli(prog_name="envtrack")
