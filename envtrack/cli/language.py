"""The command line in the user's language: help pages and click's own usage errors.

The language of a run is known before click parses anything: ``--lang`` among envtrack's own
options (before the command), else ``ENVTRACK_LANG``, else Indonesian (``language_of``). For
that run (``LANG``):

- click's words (``Usage:``, ``Missing argument``, ``No such option`` …) come from
  ``envtrack/i18n_click.py``: click asks gettext for every text it shows, through the ``_`` and
  ``ngettext`` each of its modules imports, and those are pointed at ``words`` here (``install``);
- the help of every command and option is put on it from the catalogue
  (``envtrack/i18n_help.py``) as the command is loaded (``localize``), and the decorator's help
  is given back when the run ends (``restore``): commands are module-level objects, which a run
  in one language must not leave in it for the next. A text the catalogue lacks keeps the one
  written in the decorator.

Exit codes stay click's: 2 for a usage error.
"""

from __future__ import annotations

import gettext
import os
import sys
import weakref
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

import click

from envtrack.i18n_click import METAVARS, WORDS
from envtrack.i18n_help import help_text

LANGS = ("id", "en")
DEFAULT = "id"
LANG: ContextVar[str | None] = ContextVar("envtrack_lang", default=None)
"""The language of the run under way (None outside a run: click's own English, the decorators'
help)."""
ROOT_OPTIONS_WITH_VALUES = ("--db", "--operator")
HELP_OPTION = "Show this message and exit."
CLICK_MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui", "utils")

_written: weakref.WeakKeyDictionary[Any, str | None] = weakref.WeakKeyDictionary()
"""The help each command and option was given in its decorator, before any run changed it."""
_metavars: weakref.WeakKeyDictionary[Any, tuple[str | None, str | None, str | None]] = weakref.WeakKeyDictionary()
"""The usage-line words and the short help each command had before the run under way changed them."""


def language_of(args: Sequence[str]) -> str:
    """The language of a run of ``envtrack ARGS``: the ``--lang`` given before the command, else
    ``ENVTRACK_LANG``, else Indonesian. A value that is no language counts as the default here
    (click then refuses it, in the default language)."""
    chosen = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang":
            chosen = args[index + 1] if index + 1 < len(args) else None
            index += 2
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
            index += 1
        elif arg in ROOT_OPTIONS_WITH_VALUES:
            index += 2
        elif arg.startswith("-"):
            index += 1
        else:
            break  # the command: what follows is its own
    if chosen is None:
        chosen = os.environ.get("ENVTRACK_LANG")
    return chosen if chosen in LANGS else DEFAULT


def words(message: str) -> str:
    """Click's ``message`` in the run's language."""
    if LANG.get() in (None, "en"):
        return message
    return WORDS.get(message, message)


def plural_words(singular: str, plural: str, count: int) -> str:
    return words(singular if count == 1 else plural)


def install() -> None:
    """Points the gettext functions click's modules imported at ``words`` (once; idempotent)."""
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}") or __import__(f"click.{name}", fromlist=["_"])
        if getattr(module, "_", None) in (gettext.gettext, words):
            module._ = words  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) in (gettext.ngettext, plural_words):
            module.ngettext = plural_words  # type: ignore[attr-defined]


def localize(command: click.Command, path: str, lang: str | None) -> None:
    """Puts the catalogue's help of ``command`` (at ``path``: ``"site add"``) and of its options
    and subcommands on them, in ``lang`` (nothing outside a run: ``lang`` None)."""
    if lang is None:
        return
    command.help = _text(command, path, "_", lang)
    _metavars.setdefault(
        command, (command.options_metavar, getattr(command, "subcommand_metavar", None), command.short_help)
    )
    if command.short_help and help_text(path, "_short", lang):  # a subcommand's line in its group's list
        command.short_help = help_text(path, "_short", lang)
    command.options_metavar = METAVARS["options"][lang]
    if isinstance(command, click.Group):
        command.subcommand_metavar = METAVARS["subcommand"][lang]
    for param in command.params:
        if isinstance(param, click.Option):
            param.help = _text(param, path, _name(param), lang)
    help_option = getattr(command, "_help_option", None)  # click's own, made once it is first needed
    if help_option is not None:
        help_option.help = words(HELP_OPTION)
    if isinstance(command, click.Group) and not hasattr(command, "lazy"):
        for name, sub in command.commands.items():
            localize(sub, f"{path} {name}".strip(), lang)


def restore() -> None:
    """Gives every command and option the help written in its decorator back (at the end of a
    run: outside one, the commands read as their code says)."""
    for target, written in list(_written.items()):
        target.help = written
    for command, (options_metavar, subcommand_metavar, short_help) in list(_metavars.items()):
        command.options_metavar = options_metavar
        command.short_help = short_help
        if isinstance(command, click.Group):
            command.subcommand_metavar = subcommand_metavar
        help_option = getattr(command, "_help_option", None)
        if help_option is not None:
            help_option.help = HELP_OPTION
    _metavars.clear()


def short_help(path: str, lang: str | None) -> str | None:
    """A command's line in the list of envtrack's commands."""
    return help_text(path, "_short", lang)


def _name(param: click.Option) -> str:
    return next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])


def _text(target: Any, path: str, key: str, lang: str) -> str | None:
    if target not in _written:
        _written[target] = target.help
    return help_text(path, key, lang) or _written[target]
