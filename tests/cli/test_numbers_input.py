"""The number rule of section 13, typed after ``--kg`` and written in a logbook cell: the same
text is the same number on both paths, or is refused on both with the same reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.support import Run, invoke
from envtrack.store import resolve

KG = {
    # text: the kg it records, or the reason (English) it is refused with
    "2.5": 2.5,
    "2,5": 2.5,
    "0.250": 0.25,  # a zero integer part is never a thousands group
    "0,250": 0.25,
    "1234.5": 1234.5,  # four digits before the mark: no thousands group
    "1.250,5": 1250.5,  # both marks: the last is the decimal
    "1,250.5": 1250.5,
    "1.1250": 1.125,  # a trailing zero keeps three decimals unambiguous
    "1.250.000": 1250000.0,  # one mark repeated groups thousands
    "1.250": "is ambiguous (a thousands separator or a decimal mark?): write 1250, or 1.25",
    "12,500": "is ambiguous (a thousands separator or a decimal mark?): write 12500, or 12,5",
    "1e3": "is written with an exponent: write the number out in digits (1000, not 1e3)",
    "1_000": "has '_' in it: write the number without it",
    "١٢": "has digits other than 0–9: type it with the digits 0–9",
    "abc": "is not a number (write 1.5 or 1,5, without thousands separators)",
    "-1": "is not a finite number greater than 0",
}

BOTTLES = {
    "12": 12,
    "12.0": 12,
    "1.250.000": 1250000,
    "2,5": "is not a whole number greater than 0",  # a count is whole
    "1.250": "is ambiguous (a thousands separator or a decimal mark?): write 1250 (a whole number)",
    "1e3": "is written with an exponent: write the number out in digits (1000, not 1e3)",
    "dua": "is not a number (write 1.5 or 1,5, without thousands separators)",
}


@pytest.fixture
def city(db: str) -> str:
    assert invoke(db, "site", "add", "bank-1", "--kind", "waste-bank", "--name", "Bank Sampah Melati").exit_code == 0
    assert invoke(db, "site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1").exit_code == 0
    return db


def stored(db: str, topic: str, field: str) -> list[object]:
    """``field`` of every event of ``topic`` in the log, oldest first."""
    return [json.loads(row[4])[field] for page in resolve(db).read_log(topics=[topic]) for row in page]


def imported(db: str, path: Path, header: list[str], row: list[str]) -> Run:
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    return invoke(db, "import", str(path))


def reason(run: Run, field: str) -> str:
    """The reason of the one refused row in an import's stderr: ``row 2, column D (berat_kg): kg
    -1.0: <reason>`` (the importer shows the value it read, the command line the text typed)."""
    lines = [line for line in run.stderr.splitlines() if line.startswith("row ")]
    assert len(lines) == 1, run.stderr
    where, shown, refused = lines[0].split(": ", 2)
    assert shown.startswith(f"{field} "), lines[0]
    return refused


@pytest.mark.parametrize("text", list(KG))
def test_a_kg_reads_the_same_on_the_command_line_and_in_a_logbook(text, city, tmp_path):
    expected = KG[text]
    topic = "domain.waste:WasteEntry.Recorded"
    before = resolve(city).head_position()
    typed = invoke(city, "waste", "record", "bank-1", "--category", "plastik", "--destination", "daur-ulang",
                   "--kg", text, "--date", "2025-06-02")
    cell = imported(city, tmp_path / "sampah.csv", ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                    ["2025-06-02", "bank-1", "plastik", text, "daur-ulang"])
    if isinstance(expected, float):
        assert typed.exit_code == 0 and cell.exit_code == 0, (typed.stderr, cell.stderr)
        assert stored(city, topic, "kg") == [expected, expected]
    else:
        assert (typed.exit_code, typed.stdout, cell.exit_code) == (1, "", 1)
        assert typed.stderr == f"Error: kg '{text}': {expected}\n"
        assert reason(cell, "kg") == expected
        assert resolve(city).head_position() == before


@pytest.mark.parametrize("text", list(BOTTLES))
def test_a_count_reads_the_same_on_the_command_line_and_in_a_logbook(text, city, tmp_path):
    expected = BOTTLES[text]
    topic = "domain.sambo:Exchange.Recorded"
    before = resolve(city).head_position()
    typed = invoke(city, "exchange", "record", "sdn-1", "--bottles", text, "--date", "2025-06-02")
    cell = imported(city, tmp_path / "tukar.csv", ["tanggal", "lokasi", "botol"], ["2025-06-02", "sdn-1", text])
    if isinstance(expected, int):
        assert typed.exit_code == 0 and cell.exit_code == 0, (typed.stderr, cell.stderr)
        assert stored(city, topic, "bottles") == [expected, expected]
    else:
        assert (typed.exit_code, typed.stdout, cell.exit_code) == (1, "", 1)
        assert typed.stderr == f"Error: bottles '{text}': {expected}\n"
        assert reason(cell, "bottles") == expected
        assert resolve(city).head_position() == before


def test_the_refusal_hint_speaks_indonesian(city):
    run = invoke(city, "waste", "record", "bank-1", "--category", "plastik", "--destination", "tps", "--kg", "1.250",
                 lang="id")
    assert run.stderr == "Error: kg '1.250': ambigu (pemisah ribuan atau tanda desimal?): tulis 1250, atau 1.25\n"
