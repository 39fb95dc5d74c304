"""Checks of the command line itself, before any command runs (issue 17): a single-valued option
given twice is a usage error (click would keep the last value silently: ``--kg 5 --kg 7`` would
record 7), and an argument that is not valid UTF-8 is refused naming its parameter (it would
otherwise fail deep inside the store with a traceback).

``guard`` puts these checks in front of a command's own parsing (and of each command of a
group), whatever the command's class; the root group calls ``check_arguments`` itself.
"""

from __future__ import annotations

import re
from typing import Any

import click

from domain.errors import InvalidValue
from envtrack.i18n import label
from envtrack.output import terminal_text


def check_arguments(command: click.Command, ctx: click.Context, args: list[str], lang: str) -> None:
    """Refuses ``args`` of ``command`` that give a single-valued option twice (``UsageError``,
    exit 2) or hold bytes that were not UTF-8 (``InvalidValue`` naming the parameter)."""
    parser = command.make_parser(ctx)
    try:
        opts, _, order = parser.parse_args(args=list(args))
    except click.UsageError:
        return  # the command's own parsing reports it
    given: dict[str, list[str]] = {}
    for param in order:
        if isinstance(param, click.Option) and _single_valued(param):
            given.setdefault(param.opts[0], []).append(param.name or "")
    for option, names in given.items():
        if len(names) > 1:
            values = ", ".join(repr(without_password(value)) for value in _values(option, command, args))
            message = label("usage.repeated_option", lang).format(option=option, values=values)
            raise click.UsageError(terminal_text(message), ctx)
    for param in command.get_params(ctx):
        for value in _strings(opts.get(param.name)):
            if not_utf8(value):
                raise InvalidValue(_field(param), undecodable(without_password(value)), "not_utf8")


def not_utf8(value: str) -> bool:
    """Whether ``value`` holds bytes that were not UTF-8 (decoded by Python as surrogates)."""
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def undecodable(value: str) -> bytes:
    """``value`` as the bytes that were typed (shown ``b'B\\xffx'`` in a refusal)."""
    return value.encode("utf-8", "surrogateescape")


_PASSWORD = re.compile(r"(://[^/@:]*:)[^/@]*@")


def without_password(value: str) -> str:
    """``value`` with the password of a URL in it (``postgresql://user:password@host``) masked:
    refusals of ``--db`` show what was typed, never a password."""
    return _PASSWORD.sub(r"\1***@", value)


def guard(command: click.Command) -> click.Command:
    """``command`` (and every command of it, if it is a group) with ``check_arguments`` before
    its own parsing."""
    if getattr(command, "_arguments_checked", False):
        return command
    parse = command.parse_args

    def parse_args(ctx: click.Context, args: list[str]) -> list[str]:
        obj = ctx.find_root().obj
        check_arguments(command, ctx, args, getattr(obj, "lang", "id"))
        return parse(ctx, args)

    command.parse_args = parse_args  # type: ignore[method-assign]
    command._arguments_checked = True  # type: ignore[attr-defined]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard(sub)
    return command


def _field(param: click.Parameter) -> str:
    """How a refusal names ``param``: an argument by its metavar (``SITE`` is ``site``), an
    option by its name (``weight_kg``), as the application's refusals do."""
    if isinstance(param, click.Argument) and param.metavar:
        return param.metavar.lower()
    return param.name or ""


def _single_valued(option: click.Option) -> bool:
    return not (option.multiple or option.count or option.is_flag)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str)]
    return []


def _values(option: str, command: click.Command, args: list[str]) -> list[str]:
    """The values given to ``option`` (any of its spellings) in ``args``, in order."""
    spellings = next(
        (set(param.opts + param.secondary_opts) for param in command.params if option in getattr(param, "opts", ())),
        {option},
    )
    found = []
    for position, arg in enumerate(args):
        name, equals, value = arg.partition("=")
        if name in spellings:
            if equals:
                found.append(value)
            elif position + 1 < len(args):
                found.append(args[position + 1])
    return found
