"""A small city to import into: a school with supplies, a community site and a mosque pond, on a
real store (SQLite, and PostgreSQL when configured). Logbook files are written as users would."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli.support import Run, invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve

SET_UP_ON = date(2025, 1, 2)


@pytest.fixture
def city(db: str) -> str:
    """smpn-6 (school: pensil 20 bottles, 10 in stock; buku-tulis 40 bottles, 2 in stock),
    rw-03-kranggan (community), masjid-al-fattah (mosque) with pond kolam-lele (12 m³)."""
    app = EnvTrack(resolve(db), operator="dlh", today=lambda: SET_UP_ON)
    try:
        app.add_site("smpn-6", kind="school", name="SMP Negeri 6 Kota Mojokerto", population=820)
        app.add_site("rw-03-kranggan", kind="community", name="RW 03 Kranggan", population=900)
        app.add_site("masjid-al-fattah", kind="mosque", name="Masjid Agung Al-Fattah", population=600)
        app.add_pond("kolam-lele", site="masjid-al-fattah", volume_m3=12)
        app.set_rate("smpn-6", "pensil", bottles=20)
        app.set_rate("smpn-6", "buku-tulis", bottles=40)
        app.receive_supplies("smpn-6", "pensil", qty=10)
        app.receive_supplies("smpn-6", "buku-tulis", qty=2)
    finally:
        app.close()
    return db


@pytest.fixture
def run(db: str) -> Callable[..., Run]:
    """``run(*args)``: the real command line on the test's store (English messages)."""
    return lambda *args, **kwargs: invoke(db, *args, **kwargs)


@pytest.fixture
def head(db: str) -> Callable[[], int]:
    return lambda: resolve(db).head_position()


def write_csv(path: Path, rows: list[list[Any]], *, delimiter: str = ",", bom: bool = False) -> Path:
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def recorded(db: str, topic: str) -> dict[str, dict[str, Any]]:
    """The payload of every stored event with ``topic`` (e.g. ``domain.waste:WasteEntry.Recorded``),
    by entry id, dates as ISO strings."""
    found = {}
    for page in resolve(db).read_log(topics=[topic]):
        for _, originator_id, _, _, state in page:
            payload = json.loads(state)
            payload["occurred_on"] = payload["occurred_on"]["_data_"]
            found[str(originator_id)] = payload
    return found


def indicators(run: Callable[..., Run], *args: str) -> dict[str, Any]:
    result = run("indicators", "--year", "2025", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
