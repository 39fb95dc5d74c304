"""Issue 17's magnitudes: at most 10⁹ kg, litres, rupiah or fish and bottles in one record, at
least 0.001 kg or litres, the same bounds on the command line and in a logbook; and totals of
records at those bounds that come out exact, never infinite, null or wrapped around."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cli.support import Run, invoke
from envtrack.application import EnvTrack
from envtrack.store import resolve

TOO_LARGE = "is larger than 1000000000"
TOO_SMALL = "is less than 0.001, the smallest amount recorded (3 decimals)"

# (command-line arguments, logbook header, logbook row, field, the reason both give)
BOUNDS = {
    "kg_above_a_billion": (("waste", "record", "bank-1", "--category", "plastik", "--destination", "tps", "--kg",
                            "1.000.000.001"), ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                           ["2025-06-02", "bank-1", "plastik", "1.000.000.001", "tps"], "kg", TOO_LARGE),
    "kg_below_a_gram": (("waste", "record", "bank-1", "--category", "plastik", "--destination", "tps", "--kg",
                         "0,0004"), ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
                        ["2025-06-02", "bank-1", "plastik", "0,0004", "tps"], "kg", TOO_SMALL),
    "litres_below_a_millilitre": (("pond", "water", "kolam-1", "--liters", "0.0009"),
                                  ["tanggal", "kolam", "kegiatan", "liter"], ["2025-06-02", "kolam-1", "air", "0.0009"],
                                  "liters", TOO_SMALL),
    "bottles_above_a_billion": (("exchange", "record", "sdn-1", "--bottles", "1000000001"),
                                ["tanggal", "lokasi", "botol"], ["2025-06-02", "sdn-1", "1000000001"], "bottles",
                                TOO_LARGE),
    "fish_above_a_billion": (("pond", "stock", "kolam-1", "--species", "lele", "--count", "2.000.000.000"),
                             ["tanggal", "kolam", "kegiatan", "spesies", "jumlah"],
                             ["2025-06-02", "kolam-1", "tebar", "lele", "2.000.000.000"], "count", TOO_LARGE),
}


@pytest.fixture
def city(db: str) -> str:
    app = EnvTrack(resolve(db), operator="dlh", today=lambda: date(2025, 1, 2))
    try:
        app.add_site("bank-1", kind="waste-bank", name="Bank Sampah Melati")
        app.add_site("sdn-1", kind="school", name="SD Negeri 1")
        app.add_site("masjid-1", kind="mosque", name="Masjid Al-Ikhlas")
        app.add_pond("kolam-1", site="masjid-1", volume_m3=4)
    finally:
        app.close()
    return db


def import_row(db: str, path: Path, header: list[str], row: list[str]) -> Run:
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    return invoke(db, "import", str(path))


@pytest.mark.parametrize("case", list(BOUNDS))
def test_a_bound_refuses_on_the_command_line_and_in_a_logbook_alike(case, city, tmp_path):
    arguments, header, row, field, reason = BOUNDS[case]
    before = resolve(city).head_position()
    typed = invoke(city, *arguments)
    assert (typed.exit_code, typed.stdout) == (1, "")
    assert typed.stderr == f"Error: {field} '{arguments[-1]}': {reason}\n"
    imported = import_row(city, tmp_path / "buku.csv", header, row)
    assert imported.exit_code == 1
    assert [line.split(": ", 2)[2] for line in imported.stderr.splitlines() if line.startswith("row ")] == [reason]
    assert resolve(city).head_position() == before


def test_amounts_at_the_bounds_are_recorded(city):
    # a billion kg and a thousandth of a kg are both recorded as typed
    for kg in ("1.000.000.000", "0,001"):
        run = invoke(city, "waste", "record", "bank-1", "--category", "kaca", "--destination", "tps", "--kg", kg,
                     "--date", "2025-06-02")
        assert run.exit_code == 0, run.stderr
    stored = [json.loads(row[4])["kg"] for page in resolve(city).read_log(topics=["domain.waste:WasteEntry.Recorded"])
              for row in page]
    assert stored == [1_000_000_000.0, 0.001]


def test_totals_of_records_at_the_bounds_are_exact(city):
    app = EnvTrack(resolve(city), operator="dlh", today=lambda: date(2025, 6, 30))
    try:
        for day in (1, 2, 3):
            app.record_waste("bank-1", category="plastik", kg=10**9, destination="daur-ulang", on=date(2025, 3, day))
        app.record_waste("bank-1", category="kaca", kg=0.001, destination="tpa", on=date(2025, 3, 4))
        app.stock_pond("kolam-1", species="lele", count=10**9, mean_g=None, on=date(2025, 3, 1))
        for day in range(1, 11):
            app.harvest_pond("kolam-1", kg=10**9, count=1, sold_kg=10**9, price_rp_per_kg=10**9,
                             on=date(2025, 4, day))
    finally:
        app.close()
    run = invoke(city, "indicators", "--year", "2025", "--format", "json")
    assert run.exit_code == 0, run.stderr
    figures = json.loads(run.stdout)
    # timbulan 3 × 10⁹ + 0.001 kg; pengurangan (daur-ulang) 3 × 10⁹ of it: 99.99999999997 % → 100.0
    assert figures["waste"]["timbulan_kg"] == 3_000_000_000.001
    assert figures["waste"]["pct_pengurangan"] == 100.0
    # ten sales of 10⁹ kg at 10⁹ rupiah: 10 × 10¹⁸ = 10¹⁹ rupiah, beyond a 64-bit integer (9.2 × 10¹⁸)
    assert figures["maduleni"]["sold_rp"] == 10**19
    assert figures["maduleni"]["harvest_kg"] == 10 * 10**9
    assert figures["maduleni"]["harvested"] == 10
