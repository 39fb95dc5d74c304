"""SIPSN's five tables of a small city (``tests/sipsn_city.py``, figures worked out there), from
read models caught up with a real store, on SQLite and on PostgreSQL: with the city's name and
province only (A is what was weighed), and with a surveyed tonnage for 2024 (A is 36.6 t)."""

from __future__ import annotations

import pytest
from sipsn_city import NAME, PROVINCE, record_small_city

from domain.errors import InvalidValue
from envtrack.reports import current_frames
from projections import sipsn_tables as tables
from projections.sipsn_tables import City, period

CITY = City(NAME, PROVINCE)


@pytest.fixture
def frames(app):
    record_small_city(app)
    app.set_city(2024, name=NAME, province=PROVINCE)
    return current_frames(app.store)


@pytest.fixture
def surveyed(app):
    record_small_city(app)
    app.set_city(2024, name=NAME, province=PROVINCE, timbulan_ton=36.6)  # a 2024 survey: 36.6 t
    return current_frames(app.store)


def test_capaian_of_the_year_on_the_measured_total(frames):
    row = tables.capaian(frames, period(2024, "P2"), tables.city(frames))
    assert row == {
        "tahun": 2024, "provinsi": "Jawa Timur", "kota": "Kota Contoh",
        "timbulan_t": 17.80,         # 17800 kg
        "pengurangan_t": 5.30,       # 5302.4
        "pct_pengurangan": 29.79,    # 100 × 5302.4 / 17800 = 29.788…
        "penanganan_t": 12.30,       # 12297.6
        "pct_penanganan": 69.09,     # 100 × 12297.6 / 17800 = 69.087…
        "terkelola_t": 17.60,        # 17600
        "pct_terkelola": 98.88,      # 100 × 17600 / 17800 = 98.876…
        "daur_ulang_t": 5.00,        # 5002.4
        "bahan_baku_t": 0.70,        # 700
        "recycling_rate_pct": 32.04,  # 100 × 5702.4 / 17800 = 32.035…
        "basis": "measured", "timbulan_kg": 17800.0, "periode": "P2",
    }


def test_capaian_on_the_city_estimate_keeps_b_to_e_and_divides_by_it(surveyed):
    row = tables.capaian(surveyed, period(2024, "P2"), tables.city(surveyed))
    assert (row["timbulan_t"], row["pengurangan_t"], row["penanganan_t"]) == (36.60, 5.30, 12.30)
    # 100 × 5302.4 / 36600 = 14.487…, 100 × 12297.6 / 36600 = 33.6, 100 × 17600 / 36600 = 48.087…,
    # 100 × (5002.4 + 700) / 36600 = 15.580…
    assert (row["pct_pengurangan"], row["pct_penanganan"], row["pct_terkelola"], row["recycling_rate_pct"]) == (
        14.49, 33.60, 48.09, 15.58)
    assert row["basis"] == "estimate"


def test_capaian_of_the_first_half_is_annualised(frames):
    row = tables.capaian(frames, period(2024, "P1"), CITY)
    # tonnes × 366 / 182: A 15502.4 → 31175.16 kg, B 4502.4 → 9054.28, C 11000 → 22120.88,
    # D 4202.4 → 8450.98, E 0; percentages are of the half itself: 100 × 4502.4 / 15502.4 = 29.04…,
    # 100 × 11000 / 15502.4 = 70.96…, B+C = A: 100, (D+E)/A = 100 × 4202.4 / 15502.4 = 27.11
    assert [row[k] for k in ("timbulan_t", "pengurangan_t", "penanganan_t", "terkelola_t", "daur_ulang_t",
                             "bahan_baku_t")] == [31.18, 9.05, 22.12, 31.18, 8.45, 0.0]
    assert [row[k] for k in ("pct_pengurangan", "pct_penanganan", "pct_terkelola", "recycling_rate_pct")] == [
        29.04, 70.96, 100.0, 27.11]
    assert row["periode"] == "P1"


def test_timbulan_harian_is_the_yearly_tonnage_over_the_days_of_the_year(frames):
    whole = tables.timbulan(frames, period(2024, "P2"), CITY)
    # 17.8 t / 366 = 0.0486… t a day
    assert whole == {"tahun": 2024, "kota": "Kota Contoh", "harian_t": 0.05, "tahunan_t": 17.80, "dasar": "measured"}
    half = tables.timbulan(frames, period(2024, "P1"), CITY)
    # 15502.4 × 366 / 182 = 31175.16 kg a year; / 366 = 85.18 kg = 0.09 t a day
    assert (half["harian_t"], half["tahunan_t"]) == (0.09, 31.18)
    assert half["catatan"] == "P1 (1 Januari–30 Juni 2024, 182 hari) disetahunkan: ton × 366 / 182"


def test_timbulan_on_the_city_estimate(surveyed):
    survey = tables.timbulan(surveyed, period(2024, "P2"), CITY)
    assert (survey["harian_t"], survey["tahunan_t"], survey["dasar"]) == (0.10, 36.60, "estimate")  # 36.6 / 366
    half = tables.timbulan(surveyed, period(2024, "P1"), CITY)
    # P1's share 36600 × 182/366 = 18200 kg, annualised back × 366/182: 36.60 t
    assert (half["harian_t"], half["tahunan_t"], half["dasar"]) == (0.10, 36.60, "estimate")


def test_komposisi_is_of_the_measured_total_with_bottles_as_plastik(surveyed):
    row = tables.komposisi(surveyed, period(2024, "P2"), CITY)  # the estimate does not change it
    assert row == {
        "tahun": 2024, "kota": "Kota Contoh",
        "sisa-makanan": 73.03,   # (3000 + 10000) / 17800
        "kayu-ranting": 3.93,    # 700 / 17800
        "kertas-karton": 4.49,   # 800 / 17800
        "plastik": 9.56,         # (1200 + 500 + 2.4 bottles) / 17800
        "logam": 1.69,           # 300 / 17800
        "kain": 1.12,            # 200 / 17800
        "karet-kulit": 0.0,
        "kaca": 0.55,            # 97.6 / 17800
        "lainnya": 5.62,         # 1000 / 17800
    }


def test_sumber_shares_of_the_measured_total_count_bottles_at_the_school(surveyed):
    row = tables.sumber(surveyed, period(2024, "P2"), CITY)
    assert row == {
        "tahun": 2024, "kota": "Kota Contoh",
        "rumah-tangga": 68.54,      # (1200 + 800 + 10000 + 200) / 17800
        "perkantoran": 1.69,        # 300 / 17800
        "pasar": 22.47,             # (3000 + 1000) / 17800
        "perniagaan": 2.81,         # 500 / 17800
        "fasilitas-publik": 0.56,   # (97.6 + 2.4 bottles) / 17800
        "kawasan": 3.93,            # 700 / 17800
        "lainnya": 0.0,
    }


def test_fasilitas_lists_banks_then_tps3r_with_a_closed_bank_inactive(frames):
    rows = tables.fasilitas(frames, period(2024, "P2"))
    assert rows == [
        {"tahun": 2024, "nama": "Bank Sampah Mawar", "jenis": "Bank Sampah", "status": "Tidak Aktif",
         "kelurahan": None, "kecamatan": "Prajurit Kulon", "lat": None, "lng": None,
         "masuk_t": 0.30, "terkelola_t": 0.30},
        {"tahun": 2024, "nama": "Bank Sampah Melati", "jenis": "Bank Sampah", "status": "Aktif",
         "kelurahan": "Wates", "kecamatan": "Magersari", "lat": -7.4722, "lng": 112.4342,
         "masuk_t": 2.00, "terkelola_t": 2.00},  # 1200 + 800; the voided 999 counts nowhere
        # masuk 3000 + 1000 + 500; terkelola 3000 kompos + 500 olah: the 1000 of residue to TPA is not
        {"tahun": 2024, "nama": "TPS3R Kedundung", "jenis": "TPS3R", "status": "Aktif",
         "kelurahan": "Kedundung", "kecamatan": "Magersari", "lat": -7.46, "lng": 112.45,
         "masuk_t": 4.50, "terkelola_t": 3.50},
    ]  # Bank Sampah Baru, registered in 2025, is not a facility of 2024


def test_fasilitas_of_the_first_half_before_the_bank_closed(frames):
    rows = {row["nama"]: row for row in tables.fasilitas(frames, period(2024, "P1"))}
    assert rows["Bank Sampah Mawar"]["status"] == "Aktif"  # closed on 15 October
    # annualised × 366 / 182: 300 → 603.30 kg; 1200 → 2413.19; masuk 4000 → 8043.96, terkelola 3000 → 6032.97
    assert (rows["Bank Sampah Mawar"]["masuk_t"], rows["Bank Sampah Melati"]["masuk_t"]) == (0.60, 2.41)
    assert (rows["TPS3R Kedundung"]["masuk_t"], rows["TPS3R Kedundung"]["terkelola_t"]) == (8.04, 6.03)
    assert set(rows) == {"Bank Sampah Mawar", "Bank Sampah Melati", "TPS3R Kedundung"}


def test_a_year_without_records_gives_zero_tonnes_and_no_percentages(frames):
    row = tables.capaian(frames, period(2023, "P2"), CITY)
    assert (row["timbulan_t"], row["pengurangan_t"], row["pct_pengurangan"], row["recycling_rate_pct"]) == (
        0.0, 0.0, None, None)


@pytest.mark.parametrize("said,meant", [("P1", "P1"), ("p2", "P2"), ("P 1", "P1"), (" p 2 ", "P2")])
def test_periods_as_sipsn_writes_them(said, meant):
    assert period(2024, said).name == meant


def test_an_unknown_period_is_refused():
    with pytest.raises(InvalidValue) as refused:
        period(2024, "P3")
    assert (refused.value.field, refused.value.code) == ("--period", "not_one_of")


def test_p1_of_a_common_year_has_181_days():
    half = period(2025, "P1")
    assert (half.days, half.days_in_year, half.factor) == (181, 365, 365 / 181)
