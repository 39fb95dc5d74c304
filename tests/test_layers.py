"""The dependency direction of style.md, kept true by reading every module's imports.

0. Our packages import each other only along the arrows of ``ARROWS``, an allow-list: ``domain`` ←
   ``envtrack.store`` ← ``projections`` ← the rest of ``envtrack``. A new arrow fails until it is
   added there on purpose.
1. ``domain`` imports only the standard library, ``eventsourcing.domain`` and itself, no I/O,
   and takes time and ids as arguments.
2. ``projections`` never imports the command line or the application, and never writes events.
3. The command line and the recording path never load pandas, matplotlib or SQLAlchemy at import.
4. Only the store (the package ``envtrack/store/``: one class per backend, and the PostgreSQL
   recorder it plugs into the library) names persistence drivers, modules and settings, and
   only it asks which backend it is on.
5. ``domain`` names no command-line option (``--kg``) and no command (``supplies rate``): the
   command line's words live at the edge (``envtrack/messages.py``, ``envtrack/cli``).
6. No module is longer than ``LONGEST_MODULE`` lines.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "envtrack", "projections")

PERSISTENCE_MODULES = ("sqlite3", "psycopg", "psycopg_pool", "eventsourcing.sqlite", "eventsourcing.postgres")
PERSISTENCE_SETTINGS = ("PERSISTENCE_MODULE", "SQLITE_", "POSTGRES_")
STORE_PACKAGE = "envtrack/store/"
IO_MODULES = {"os", "io", "pathlib", "sqlite3", "socket", "subprocess", "shutil", "tempfile", "urllib",
              "http", "time", "random", "logging", "getpass", "sys", "glob", "csv", "json"}
HEAVY_MODULES = ("pandas", "matplotlib", "sqlalchemy", "projections")
RECORDING_PATH = [
    "envtrack/__init__.py", "envtrack/__main__.py", "envtrack/launch.py", "envtrack/application.py", "envtrack/context.py",
    "envtrack/names.py", "envtrack/parsing.py", "envtrack/unit_of_work.py", "envtrack/views.py",
]
RECORDING_GLOBS = ["envtrack/store/*.py", "envtrack/commands/*.py", "envtrack/i18n*.py", "envtrack/messages*.py"]
"""With the modules above: the store, the commands and every catalogue of words (each area's)."""


@dataclass(frozen=True)
class Import:
    module: str  # the full dotted name, "from a.b import c" gives "a.b.c" and "a.b"
    line: int
    top_level: bool


def source_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def relative(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:  # a module written by a test of the scan itself
        return path.name


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imports(path: Path) -> list[Import]:
    tree = parse(path)
    top = {id(node) for node in tree.body}
    package = relative(path).removesuffix(".py").replace("/", ".").split(".")
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                parent = package[: len(package) - node.level]
                base = ".".join([*parent, base] if base else parent)
            if base == "__future__":
                continue
            found.append(Import(base, node.lineno, id(node) in top))
            found += [Import(f"{base}.{alias.name}", node.lineno, id(node) in top) for alias in node.names]
    return found


def is_within(module: str, names: tuple[str, ...] | set[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def string_constants(path: Path) -> list[tuple[str, int]]:
    return [(node.value, node.lineno) for node in ast.walk(parse(path))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def all_files() -> list[Path]:
    return [path for package in PACKAGES for path in source_files(package)]


# Our module groups, matched by the longest prefix: a module of ``envtrack`` not named here
# (the application, its queries and context, output, i18n, reports, the log view) is "envtrack".
GROUPS = {
    "domain": "domain",
    "envtrack.store": "store",
    "projections": "projections",
    "envtrack": "envtrack",
    "envtrack.importing": "importing",
    "envtrack.demo": "demo",
    "envtrack.cli": "cli",
    "envtrack.__main__": "cli",
    "envtrack.launch": "cli",  # the console script's entry point
}
# group -> the groups it may import (besides itself)
ARROWS = {
    "domain": set(),
    "store": {"domain"},
    "projections": {"domain", "store"},
    "envtrack": {"domain", "store", "projections"},
    "importing": {"domain", "store", "envtrack"},
    "demo": {"domain", "envtrack"},
    "cli": {"domain", "store", "projections", "envtrack", "importing", "demo"},
}


def group_of(module: str) -> str | None:
    """The group of one of our modules (``None`` for the standard library and third parties)."""
    matches = [prefix for prefix in GROUPS if is_within(module, (prefix,))]
    return GROUPS[max(matches, key=len)] if matches else None


def module_name(path: Path) -> str:
    return relative(path).removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def arrow_violations(path: Path, module: str | None = None) -> list[str]:
    """Rule 0: every import of one of our modules follows an arrow of ``ARROWS``."""
    source = group_of(module or module_name(path))
    found = []
    for imported in imports(path):
        target = group_of(imported.module)
        if source is not None and target not in (None, source) and target not in ARROWS[source]:
            found.append(f"{relative(path)}:{imported.line} imports {imported.module} ({source} -> {target})")
    return found


NOT_FOR_PROJECTIONS = ("envtrack.cli", "envtrack.application", "envtrack.context", "envtrack.importing",
                       "eventsourcing.application")
WRITING_CALLS = {"trigger_event", "collect_events", "insert_events", "_create", "record_waste",
                 "record_exchange", "run"}


def domain_violations(path: Path) -> list[str]:
    """Rule 1: stdlib (no I/O), eventsourcing.domain and domain only; no clock, no random ids."""
    found = []
    for imported in imports(path):
        top = imported.module.split(".")[0]
        if not (
            is_within(imported.module, ("domain", "eventsourcing.domain"))
            or (top in sys.stdlib_module_names and top not in IO_MODULES)
        ):
            found.append(f"{relative(path)}:{imported.line} imports {imported.module}")
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Attribute) and node.attr in ("today", "now", "utcnow", "time"):
            found.append(f"{relative(path)}:{node.lineno} reads the clock (.{node.attr})")
        if isinstance(node, ast.Name) and node.id in ("uuid1", "uuid4"):
            found.append(f"{relative(path)}:{node.lineno} makes a random id ({node.id})")
    return found


def projection_violations(path: Path) -> list[str]:
    """Rule 2: no command line or application, and nothing that writes events."""
    found = [
        f"{relative(path)}:{i.line} imports {i.module}" for i in imports(path) if is_within(i.module, NOT_FOR_PROJECTIONS)
    ]
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITING_CALLS:
            found.append(f"{relative(path)}:{node.lineno} calls .{node.func.attr}()")
    for value, line in string_constants(path):
        lowered = " ".join(value.lower().split())
        for table in ("stored_events", "envtrack_events"):
            for verb in ("insert into", "update", "delete from"):
                if f"{verb} {table}" in lowered:
                    found.append(f"{relative(path)}:{line} writes {table}")
    return found


def heavy_import_violations(path: Path) -> list[str]:
    """Rule 3: pandas, matplotlib, SQLAlchemy (and projections, which loads them) only inside
    the functions of the commands that need them."""
    return [
        f"{relative(path)}:{i.line} imports {i.module} at module level"
        for i in imports(path)
        if i.top_level and is_within(i.module, HEAVY_MODULES)
    ]


BACKEND_QUESTIONS = {"is_sqlite", "backend", "paramstyle"}
"""Attributes that tell one backend from another (``.dialect.name`` too): only the store asks."""


def backend_questions(tree: ast.Module) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and (
            node.attr in BACKEND_QUESTIONS
            or (node.attr == "name" and isinstance(node.value, ast.Attribute) and node.value.attr == "dialect")
        ):
            found.append((node.attr, node.lineno))
    return found


def persistence_violations(path: Path) -> list[str]:
    """Rule 4: persistence drivers, library modules and settings are named by the store only,
    and only the store asks which backend it is on."""
    if relative(path).startswith(STORE_PACKAGE):
        return []
    found = [
        f"{relative(path)}:{i.line} imports {i.module}" for i in imports(path) if is_within(i.module, PERSISTENCE_MODULES)
    ]
    for value, line in string_constants(path):
        if value in PERSISTENCE_MODULES or value.startswith(PERSISTENCE_SETTINGS):
            found.append(f"{relative(path)}:{line} names {value!r}")
    found += [f"{relative(path)}:{line} asks the backend (.{attr})" for attr, line in backend_questions(parse(path))]
    return found


def command_names() -> set[str]:
    """Every command of the command line that is more than one word (``site update``,
    ``supplies rate``, ``projections rebuild``), and ``envtrack NAME`` for every top-level one."""
    import click

    from envtrack.cli import cli

    names = set()
    with click.Context(cli) as ctx:
        for name in cli.list_commands(ctx):
            names.add(f"envtrack {name}")
            command = cli.get_command(ctx, name)
            if isinstance(command, click.Group):
                names |= {f"{name} {sub}" for sub in command.commands}
    return names


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def cli_word_violations(path: Path, commands: set[str]) -> list[str]:
    """Rule 5: no --option and no command named in a string of the domain."""
    found = []
    for value, line in string_constants(path):
        found += [f"{relative(path)}:{line} names {flag}" for flag in FLAG.findall(value)]
        found += [
            f"{relative(path)}:{line} names '{name}'"
            for name in sorted(commands)
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", value)
        ]
    return found


def test_the_scan_sees_every_package_and_their_imports():
    names = {relative(path) for path in all_files()}
    assert {"domain/sambo.py", "envtrack/store/sqlite.py", "envtrack/application.py", "envtrack/cli/__init__.py"} <= names
    assert any(i.module == "eventsourcing.domain" for i in imports(ROOT / "domain/sites.py"))
    assert any(i.module == "sqlite3" for i in imports(ROOT / "envtrack/store/sqlite.py"))


def test_the_arrows_run_one_way_domain_store_projections_then_the_rest():
    reaches = {group: set(targets) for group, targets in ARROWS.items()}
    for _ in ARROWS:  # the transitive closure
        for targets in reaches.values():
            targets |= set().union(*(reaches[target] for target in targets))
    assert not any(group in targets for group, targets in reaches.items()), "a cycle of groups"
    assert reaches["projections"] == {"domain", "store"}
    assert {group_of(module_name(path)) for path in all_files()} == set(ARROWS)


@pytest.mark.parametrize("path", all_files(), ids=relative)
def test_packages_import_each_other_only_along_the_allowed_arrows(path):
    assert arrow_violations(path) == []


@pytest.mark.parametrize("path", source_files("domain"), ids=relative)
def test_domain_imports_only_the_standard_library_and_eventsourcing_domain_and_takes_time_as_arguments(path):
    assert domain_violations(path) == []


@pytest.mark.parametrize("path", source_files("projections"), ids=relative)
def test_projections_never_import_the_command_line_or_the_application_nor_write_events(path):
    assert projection_violations(path) == []


@pytest.mark.parametrize(
    "path",
    [ROOT / name for name in RECORDING_PATH] + sorted(path for pattern in RECORDING_GLOBS for path in ROOT.glob(pattern)) + source_files("envtrack/cli") + source_files("domain"),
    ids=relative,
)
def test_commands_load_pandas_matplotlib_and_sqlalchemy_only_inside_the_commands_that_need_them(path):
    assert heavy_import_violations(path) == []


@pytest.mark.parametrize("path", all_files(), ids=relative)
def test_only_the_store_names_persistence_drivers_and_settings(path):
    assert persistence_violations(path) == []


def test_the_command_line_has_the_commands_the_domain_must_not_name():
    assert {"site update", "supplies rate", "pond stock", "projections rebuild", "envtrack init"} <= command_names()


@pytest.mark.parametrize("path", source_files("domain"), ids=relative)
def test_domain_names_no_command_line_option_nor_command(path):
    assert cli_word_violations(path, command_names()) == []


def test_each_rule_catches_a_module_that_breaks_it(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import sqlite3\n"
        "import pandas\n"
        "from uuid import uuid4\n"
        "from datetime import date\n"
        "from envtrack.application import EnvTrack\n"
        "from envtrack.output import render_json\n"
        "ENV = {'PERSISTENCE_MODULE': 'eventsourcing.sqlite'}\n"
        "SQL = 'INSERT  INTO stored_events VALUES (1)'\n"
        "def f(app, ledger, conn):\n"
        "    from sqlalchemy import text\n"
        "    ledger.trigger_event(None)\n"
        "    marker = '?' if app.store.is_sqlite or conn.dialect.name == 'sqlite' else '%s'\n"
        "    return date.today(), uuid4()\n",
        encoding="utf-8",
    )
    def caught(violations: list[str]) -> set[str]:
        return {v.split(" ", 1)[1] for v in violations}

    assert {"imports sqlite3", "imports pandas", "imports envtrack.application", "imports sqlalchemy",
            "reads the clock (.today)", "makes a random id (uuid4)"} <= caught(domain_violations(bad))
    assert {"imports envtrack.application", "calls .trigger_event()", "writes stored_events"} == caught(
        projection_violations(bad)) - {"imports envtrack.application.EnvTrack"}
    assert {"imports envtrack.application (projections -> envtrack)", "imports envtrack.output (projections -> envtrack)"
            } <= caught(arrow_violations(bad, "projections.bad"))
    assert "imports envtrack.application (domain -> envtrack)" in caught(arrow_violations(bad, "domain.bad"))
    assert arrow_violations(bad, "envtrack.cli.bad") == []
    assert heavy_import_violations(bad) == ["bad.py:2 imports pandas at module level"]
    assert caught(persistence_violations(bad)) == {
        "imports sqlite3", "names 'PERSISTENCE_MODULE'", "names 'eventsourcing.sqlite'",
        "asks the backend (.is_sqlite)", "asks the backend (.name)"}
    wording = tmp_path / "wording.py"
    wording.write_text(
        "NO_RATE = \"has no exchange rate (set one with 'supplies rate')\"\n"
        "SOLD = 'give --sold-kg and --price-rp-per-kg together'\n"
        "INIT = \"run 'envtrack init'\"\n"
        "FINE = 'a well-formed message: 2–63 characters, a-z, 0-9 and -, not starting with -'\n",
        encoding="utf-8",
    )
    assert caught(cli_word_violations(wording, command_names())) == {
        "names 'supplies rate'", "names --sold-kg", "names --price-rp-per-kg", "names 'envtrack init'"}


LONGEST_MODULE = 450
"""Lines: a module longer than this holds more than one idea and is split by idea."""


def test_no_module_is_longer_than_one_idea():
    long = {
        str(path.relative_to(ROOT)): lines
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}
