"""Help pages and click's own usage errors follow --lang / ENVTRACK_LANG, Indonesian by default.

Every command and option has its help in both languages in one catalogue
(``envtrack/i18n_help.py``), and click's words in ``envtrack/i18n_click.py``; in Indonesian no
English help text is left on any command's help page.
"""

from __future__ import annotations

import ast
import os
import re

import click
import pytest
from click.testing import CliRunner

from cli.support import CLEAN_ENV
from envtrack.cli import cli
from envtrack.cli.language import language_of
from envtrack.i18n_click import WORDS
from envtrack.i18n_help import HELP, SHARED, help_text


def commands() -> list[tuple[str, click.Command]]:
    """Every command, by its path (``""`` for envtrack itself, ``"site add"``)."""
    context = click.Context(cli)
    found: list[tuple[str, click.Command]] = [("", cli)]

    def walk(command: click.Command, path: str) -> None:
        found.append((path, command))
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                walk(command.get_command(context, name), f"{path} {name}")

    for name in cli.list_commands(context):
        walk(cli.get_command(context, name), name)
    return found


COMMANDS = commands()
PATHS = [path for path, _ in COMMANDS]


def options(command: click.Command) -> list[str]:
    return [next(o for o in p.opts if o.startswith("--")) for p in command.params if isinstance(p, click.Option)]


def run(*args: str, env: dict | None = None):
    return CliRunner(env={**CLEAN_ENV, **(env or {})}).invoke(cli, list(args), prog_name="envtrack")


def squeezed(text: str) -> str:
    """Text without whitespace: a help text reads the same however click wraps it."""
    return re.sub(r"\s+", "", text)


# -- the catalogue ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path,command", COMMANDS, ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_and_option_has_its_help_in_both_languages(path, command):
    for lang in ("id", "en"):
        assert help_text(path, "_", lang), f"{path!r} has no help in {lang}"
        for option in options(command):
            assert help_text(path, option, lang), f"{path} {option} has no help in {lang}"
    if path and " " not in path:  # a line of its own in envtrack's list of commands
        assert help_text(path, "_short", "id") and help_text(path, "_short", "en"), path


def test_the_catalogue_names_only_commands_and_options_that_exist():
    known = {path: set(options(command)) | {"_", "_short"} for path, command in COMMANDS}
    for path, entries in HELP.items():
        assert path in known, f"the catalogue has help for no command {path!r}"
        assert set(entries) <= known[path], (path, set(entries) - known[path])
        for key, words in entries.items():
            assert set(words) == {"en", "id"} and all(words.values()), (path, key)
    for key, words in SHARED.items():
        assert set(words) == {"en", "id"} and all(words.values()), key


def test_click_has_indonesian_words_for_everything_it_says():
    """Every text click's modules pass to gettext (read from click's source) has Indonesian words."""
    said = set()
    folder = os.path.dirname(click.__file__)
    for module in ("core", "exceptions", "parser", "types", "decorators", "formatting"):
        tree = ast.parse(open(os.path.join(folder, f"{module}.py"), encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                said |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    assert said - set(WORDS) == set()
    assert "Missing argument" in said and "No such option {name!r}." in said  # the scan reads click


# -- help pages --------------------------------------------------------------------------------------

ENGLISH = sorted(
    {
        words["en"]
        for entries in [*HELP.values(), SHARED]
        for words in entries.values()
        if squeezed(words["en"]) != squeezed(words["id"]) and len(words["en"]) > 12
    }
    | {"Usage:", "Options:", "Commands:", "Show this message and exit.", "[OPTIONS]", "COMMAND [ARGS]", "[required]", "default:"}
)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p or "envtrack")
def test_indonesian_help_shows_no_english_help_line(path):
    page = run("--lang", "id", *path.split(), "--help")
    assert page.exit_code == 0, page.output
    text = squeezed(page.stdout)
    left = [english for english in ENGLISH if squeezed(english) in text]
    assert left == [], f"English on 'envtrack --lang id {path} --help': {left}"
    assert squeezed(help_text(path, "_", "id").split("\n\n")[0]) in text
    for option in options(dict(COMMANDS)[path]):
        assert squeezed(help_text(path, option, "id")) in text, option
    assert "Pemakaian:" in page.stdout and "Tampilkan bantuan ini lalu keluar." in page.stdout


@pytest.mark.parametrize("path", ["", "waste record", "log", "site close", "indicators"])
def test_english_help_when_asked(path):
    for page in (run("--lang", "en", *path.split(), "--help"), run(*path.split(), "--help", env={"ENVTRACK_LANG": "en"})):
        assert page.exit_code == 0
        assert page.stdout.startswith("Usage: envtrack")
        assert squeezed(help_text(path, "_", "en").split("\n\n")[0]) in squeezed(page.stdout)
        assert "Pemakaian" not in page.stdout


def test_help_is_indonesian_by_default_and_lists_commands_in_indonesian():
    page = run("--help")
    assert page.stdout.startswith("Pemakaian: envtrack [OPSI] PERINTAH [ARGUMEN]...")
    assert "Perintah:" in page.stdout
    assert "Catat sampah terkumpul menurut jenis, sumber dan tujuan SIPSN." in page.stdout
    assert "-h, --help       Tampilkan bantuan ini lalu keluar." in page.stdout
    assert "Show" not in run("site", "-h").stdout  # -h too


def test_the_language_comes_from_lang_before_the_command_then_the_environment():
    assert language_of(["--db", "x.db", "--lang", "en", "log"]) == "en"
    assert language_of(["--lang=en", "log"]) == "en"
    assert language_of(["log", "--lang", "en"]) == "id"  # the command's own arguments are not envtrack's
    assert language_of(["--operator", "--lang", "log"]) == "id"  # a value, not the option
    os.environ["ENVTRACK_LANG"] = "en"
    try:
        assert language_of(["log"]) == "en"
        assert language_of(["--lang", "id", "log"]) == "id"
    finally:
        del os.environ["ENVTRACK_LANG"]
    assert language_of(["--lang", "fr", "log"]) == "id"


# -- click's usage errors ----------------------------------------------------------------------------

USAGE_ERRORS = [
    (("waste", "record"), "Argumen belum diberikan 'SITE'.", "Missing argument 'SITE'."),
    (("waste", "record", "rw-05", "--kgg", "2"), "Tidak ada opsi '--kgg'. Maksud Anda '--kg'?",
     "No such option '--kgg'. Did you mean '--kg'?"),
    (("log", "--format", "xml"), "Nilai tidak sah untuk '--format': 'xml' bukan salah satu dari 'table', 'json'.",
     "Invalid value for '--format': 'xml' is not one of 'table', 'json'."),
    (("lgo",), "Tidak ada perintah 'lgo'.", "No such command 'lgo'."),
    (("site", "add", "rw-05", "--kind"), "Opsi '--kind' memerlukan nilai.", "Option '--kind' requires an argument."),
    (("void", "abc", "def", "--reason", "x"), "Ada argumen lebih yang tidak dikenal (def)",
     "Got unexpected extra argument (def)"),
    (("site", "add", "rw-05", "--kind", "community"), "Opsi belum diberikan '--name'.", "Missing option '--name'."),
]


@pytest.mark.parametrize("args,indonesian,english", USAGE_ERRORS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_usage_errors_in_the_chosen_language_exit_2(tmp_path, args, indonesian, english):
    db = str(tmp_path / "envtrack.db")
    default = run("--db", db, *args)
    assert (default.exit_code, default.stdout) == (2, "")
    assert f"Error: {indonesian}\n" in default.stderr
    assert "Usage" not in default.stderr and "Try '" not in default.stderr
    chosen = run("--db", db, "--lang", "en", *args)
    assert (chosen.exit_code, chosen.stdout) == (2, "")
    assert f"Error: {english}\n" in chosen.stderr
    by_env = run("--db", db, *args, env={"ENVTRACK_LANG": "en"})
    assert f"Error: {english}\n" in by_env.stderr
    assert not os.path.exists(db)


def test_a_usage_error_shows_the_usage_and_the_help_hint_in_indonesian():
    page = run("waste", "record")
    assert page.stderr.startswith(
        "Pemakaian: envtrack waste record [OPSI] SITE\nCoba 'envtrack waste record --help' untuk bantuan.\n"
    )


def test_a_bad_lang_is_refused_in_the_default_language():
    refused = run("--lang", "fr", "log")
    assert refused.exit_code == 2
    assert "Nilai tidak sah untuk '--lang': 'fr' bukan salah satu dari 'id', 'en'." in refused.stderr


def test_the_version_in_the_chosen_language():
    from envtrack import __version__

    assert run("--version").stdout == f"envtrack, versi {__version__}\n"
    assert run("--lang", "en", "--version").stdout == f"envtrack, version {__version__}\n"


def test_a_run_leaves_the_commands_as_their_code_wrote_them():
    from envtrack.cli.waste import waste

    record = waste.commands["record"]
    written = {param.name: param.help for param in record.params}
    assert "Pemakaian" in run("waste", "record", "--help").stdout  # an Indonesian run
    assert {param.name: param.help for param in record.params} == written
    assert record.help.startswith("Record waste collected at SITE") and record.options_metavar == "[OPTIONS]"
