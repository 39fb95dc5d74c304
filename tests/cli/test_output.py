"""The table and JSON renderers, and the shared ``--format`` option."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from uuid import UUID

import click

from envtrack.cli.recording import FORMATS, SHEET_FORMATS
from envtrack.i18n_help import SHARED
from envtrack.output import cell, render_json, render_table, terminal_text


def test_table_pads_columns_to_the_widest_cell():
    rows = [
        {"item": "pensil", "qty": 37, "rate_bottles": 20},
        {"item": "buku-tulis", "qty": 9, "rate_bottles": None},
    ]
    assert render_table(rows, lang="en") == (
        "item        qty  rate_bottles\n"
        "----------  ---  ------------\n"
        "pensil      37   20\n"
        "buku-tulis  9"
    )


def test_table_keeps_the_columns_asked_for_in_that_order():
    rows = [{"a": 1.5, "b": date(2025, 7, 1), "c": True}]
    assert render_table(rows, ["c", "b"], lang="en") == "c    b\n---  ----------\nyes  2025-07-01"


def test_table_shows_kg_without_float_noise():
    assert render_table([{"kg": 0.1 + 0.2}, {"kg": 12.0}, {"kg": 0.0005}], lang="en").splitlines()[2:] == ["0.3", "12", "0.001"]


def test_json_writes_iso_dates_string_ids_and_letters_as_they_are():
    obj = {
        "on": date(2025, 2, 28),
        "at": datetime(2025, 2, 28, 7, 30, tzinfo=timezone.utc),
        "id": UUID("12345678-1234-5678-1234-567812345678"),
        "name": "Ṣāliḥ",
        "items": ("pensil",),
    }
    text = render_json(obj)
    assert "Ṣāliḥ" in text
    assert json.loads(text) == {
        "on": "2025-02-28",
        "at": "2025-02-28T07:30:00+00:00",
        "id": "12345678-1234-5678-1234-567812345678",
        "name": "Ṣāliḥ",
        "items": ["pensil"],
    }
    assert list(json.loads(text)) == ["on", "at", "id", "name", "items"]


def test_table_numbers_carry_the_languages_marks_and_yes_no_its_words():
    rows = [{"kg": 34324272.597, "count": 1250, "small": 0.5, "open": True, "shut": False, "rp": -1234567}]
    assert render_table(rows, lang="id").splitlines()[2].split() == ["34.324.272,597", "1.250", "0,5", "ya", "tidak", "-1.234.567"]
    assert render_table(rows, lang="en").splitlines()[2].split() == ["34,324,272.597", "1,250", "0.5", "yes", "no", "-1,234,567"]


def test_a_plain_cell_has_no_marks_for_log_summaries():
    assert [cell(value) for value in (34324272.597, 1250, True, -0.0001, float("nan"))] == [
        "34324272.597", "1250", "yes", "0", ""]


def test_terminal_text_escapes_controls_and_bidi_and_keeps_what_is_asked():
    text = "a\x1b[2Jb\tc\nd\x9b\u202ee\u200f\x7f"
    assert terminal_text(text) == "a\\x1b[2Jb\tc\nd\\x9b\\u202ee\\u200f\\x7f"
    assert terminal_text(text, keep="") == "a\\x1b[2Jb\\x09c\\x0ad\\x9b\\u202ee\\u200f\\x7f"
    assert terminal_text("Masjid Al-Ikhlas مسجد") == "Masjid Al-Ikhlas مسجد"  # letters of any script stay


def test_a_table_cell_is_one_line_with_no_tab_or_control():
    table = render_table([{"name": "Bank\tSampah\nMelati\x1b]0;x\x07"}], lang="en")
    assert table.splitlines()[2] == "Bank Sampah Melati\\x1b]0;x\\x07"


def test_json_escapes_del_c1_and_bidi_but_reads_back_exactly():
    name = "x\x1b\x7f\x9b\u202e\u2066y"
    text = render_json({"name": name})
    assert not any(ch in text for ch in "\x1b\x7f\x9b\u202e\u2066")
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text) == {"name": name}


def _format_options():
    from envtrack.cli import cli

    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        commands = command.commands.items() if isinstance(command, click.Group) else [(None, command)]
        for sub, each in commands:
            for parameter in each.params:
                if "--format" in getattr(parameter, "opts", []):
                    yield " ".join(filter(None, [name, sub])), parameter


def test_every_format_option_is_the_shared_one():
    found = dict(_format_options())
    assert {"log", "site list", "site show", "supplies stock", "pond show", "projections status", "indicators"} <= set(found)
    for name, option in found.items():
        assert tuple(option.type.choices) in (FORMATS, SHEET_FORMATS), name
        # its help is the shared one, in the language the last run put on the commands
        assert (option.name, option.default) == ("fmt", "table"), name
        assert option.help in SHARED["--format"].values(), name
    assert tuple(found["indicators"].type.choices) == ("table", "csv", "json", "xlsx")


def test_no_command_module_declares_a_format_option_of_its_own():
    import ast
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "envtrack" / "cli"
    declaring = {
        path.name
        for path in folder.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value == "--format"
    }
    assert declaring == {"recording.py"}
