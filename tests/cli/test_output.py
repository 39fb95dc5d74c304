"""The table and JSON renderers."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from uuid import UUID

from envtrack.output import render_json, render_table


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
