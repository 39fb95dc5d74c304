"""``envtrack correct`` on waste entries: new values in the log, old ones kept, with the reason."""

from __future__ import annotations

import json
from datetime import date, timedelta

from cli.support import assert_refused


def _waste(envtrack) -> str:
    envtrack("site", "add", "tps3r-wates", "--kind", "tps3r", "--name", "TPS3R Wates")
    return envtrack(
        "waste", "record", "tps3r-wates", "--category", "sisa-makanan", "--kg", "120",
        "--destination", "kompos", "--date", "2025-08-01",
    ).entry_id


def test_correcting_the_date_and_category_of_waste_shows_old_and_new(envtrack):
    entry = _waste(envtrack)
    run = envtrack(
        "correct", entry[:10], "--date", "2025-07-31", "--category", "kayu-ranting",
        "--source", "kawasan", "--reason", "ditimbang kemarin",
    )
    assert (run.exit_code, run.stdout) == (0, "")
    corrected = json.loads(envtrack("log", "--format", "json", "--limit", "1").stdout)[0]
    assert corrected["event"] == "WasteEntry.Corrected" and corrected["entry_id"] == entry
    assert corrected["data"]["changes"] == {"category": "kayu-ranting", "source": "kawasan", "occurred_on": "2025-07-31"}
    assert corrected["data"]["previous"] == {"category": "sisa-makanan", "source": "lainnya", "occurred_on": "2025-08-01"}
    assert corrected["summary"] == (
        "category sisa-makanan → kayu-ranting; source lainnya → kawasan; date 2025-08-01 → 2025-07-31; "
        "reason: ditimbang kemarin"
    )


def test_correction_to_a_future_date_is_refused(envtrack, head):
    entry = _waste(envtrack)
    before = head()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert_refused(envtrack("correct", entry, "--date", tomorrow, "--reason", "x"), "date")
    assert_refused(envtrack("correct", entry, "--kg", "nan", "--reason", "x"), "kg")
    assert_refused(envtrack("correct", entry, "--destination", "sungai", "--reason", "x"), "destination")
    assert head() == before


def test_correcting_a_voided_entry_is_refused(envtrack, head):
    entry = _waste(envtrack)
    envtrack("void", entry, "--reason", "bukan sampah kami")
    before = head()
    assert_refused(envtrack("correct", entry, "--kg", "100", "--reason", "x"), "entry")
    assert head() == before
