"""How ``tests/data/store-0.1.0.db`` was made: a small city written by envtrack 0.1.0.

The store is committed, and this script was run once, with release 0.1.0, to write it:

    .venv/bin/python tests/data/build_store_0_1_0.py tests/data/store-0.1.0.db

Later releases must open that file as it is — every event topic and field 0.1.0 wrote, and the
snapshots it took — and give the same figures (``tests/application/test_store_0_1_0.py``, whose
expected figures are worked out by hand from the records below). Running the script with a later
release writes a store of that release instead, which is not what the tests read.

Every kind of event 0.1.0 could write is here at least once: sites registered, updated and closed;
a school's ledger with rates, receipts (one voided), exchanges with items (one voided), pure
deposits and bottle handovers (one voided), past 50 ledger events so that a ledger snapshot is
stored; ponds with stockings (one voided), daily feed past 50 pond events (a pond snapshot),
water (one voided), deaths (one voided), partial and final harvests, and a final harvest voided
(reopening its cycle) and recorded again; waste records of every destination, corrected (weight,
destination, category, source, and a date moved into the next year) and voided.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from envtrack.application import EnvTrack
from envtrack.store import resolve

TODAY = date(2025, 3, 31)


def build(path: str) -> None:
    if Path(path).exists():
        raise SystemExit(f"{path} exists: remove it first")
    school = EnvTrack(resolve(path), operator="bu-rina", today=lambda: TODAY)
    mosque = EnvTrack(resolve(path), operator="pak-ahmad", today=lambda: TODAY)
    dlh = EnvTrack(resolve(path), operator="siti", today=lambda: TODAY)
    d = date

    # -- sites --------------------------------------------------------------------------------
    school.add_site("smpn-6", kind="school", name="SMP Negeri 6 Kota Mojokerto", kelurahan="Gedongan",
                    kecamatan="Magersari", population=820, on=d(2024, 1, 2))
    mosque.add_site("masjid-al-ikhlas", kind="mosque", name="Masjid Al-Ikhlas", kelurahan="Wates",
                    kecamatan="Magersari", population=300, on=d(2024, 1, 2))
    dlh.add_site("bank-sampah-melati", kind="waste-bank", name="Bank Sampah Melati", kecamatan="Kranggan",
                 on=d(2024, 1, 2))
    dlh.add_site("tps3r-kedundung", kind="tps3r", name="TPS3R Kedundung Berseri", kelurahan="Kedundung",
                 kecamatan="Magersari", population=5000, on=d(2024, 1, 2))
    dlh.add_site("rw-03-wates", kind="community", name="RW 03 Wates", kelurahan="Wates", kecamatan="Magersari",
                 population=1200, on=d(2024, 1, 2))
    dlh.update_site("rw-03-wates", population=1250, on=d(2024, 6, 1))

    # -- SAMBO DIKARTU AS at smpn-6 ----------------------------------------------------------
    school.set_rate("smpn-6", "pensil", bottles=20, on=d(2024, 1, 3))
    school.set_rate("smpn-6", "buku-tulis", bottles=30, on=d(2024, 1, 3))
    school.receive_supplies("smpn-6", "pensil", qty=50, cost_rp=125000, source="Koperasi", on=d(2024, 1, 3))
    school.receive_supplies("smpn-6", "buku-tulis", qty=20, cost_rp=100000, on=d(2024, 1, 3))
    extra = school.receive_supplies("smpn-6", "pensil", qty=10, on=d(2024, 2, 1))
    school.void(str(extra), reason="dicatat dua kali", on=d(2024, 2, 2))
    school.record_exchange("smpn-6", bottles=45, weight_kg=1.0, items={"pensil": 2}, pupil="Ani",
                           pupil_class="7A", on=d(2024, 1, 10))
    school.record_exchange("smpn-6", bottles=12, pupil=" ani ", pupil_class="7A", on=d(2024, 1, 10))
    school.record_exchange("smpn-6", bottles=30, items={"buku-tulis": 1}, pupil="Budi", pupil_class="7B",
                           on=d(2024, 2, 5))
    wrong = school.record_exchange("smpn-6", bottles=20, weight_kg=0.5, items={"pensil": 1}, pupil="Citra",
                                   pupil_class="8A", on=d(2024, 2, 6))
    school.void(str(wrong), reason="salah siswa", on=d(2024, 2, 7))
    for n in range(1, 41):  # past 50 ledger events: a snapshot of the ledger is stored
        school.record_exchange("smpn-6", bottles=20, items={"pensil": 1}, pupil=f"Siswa {n:02d}",
                               pupil_class="9A", on=d(2024, 3, 1) + timedelta(days=n))
    school.hand_over_bottles("smpn-6", weight_kg=1.5, to="bank-sampah", buyer="Bank Sampah Melati",
                             price_rp_per_kg=4000, on=d(2024, 2, 28))
    stray = school.hand_over_bottles("smpn-6", weight_kg=0.2, to="collector", on=d(2024, 3, 1))
    school.void(str(stray), reason="tidak jadi", on=d(2024, 3, 2))
    school.record_exchange("smpn-6", bottles=25, weight_kg=0.6, on=d(2025, 1, 15))

    # -- MADULENI MANIS at masjid-al-ikhlas ----------------------------------------------------
    mosque.add_pond("kolam-1", site="masjid-al-ikhlas", volume_m3=4, system="terpal", on=d(2024, 1, 2))
    mosque.add_pond("kolam-2", site="masjid-al-ikhlas", volume_m3=10, system="beton", on=d(2024, 1, 2))
    mosque.add_pond("kolam-3", site="masjid-al-ikhlas", volume_m3=2, on=d(2024, 1, 2))
    mosque.stock_pond("kolam-1", species="lele", count=1000, mean_g=8, on=d(2024, 3, 1))
    mosque.stock_pond("kolam-1", species="lele", count=200, mean_g=8, on=d(2024, 3, 2))
    for n in range(44):  # 2024-03-03 … 2024-04-15, 1 kg a day: past 50 pond events (a snapshot)
        mosque.feed_pond("kolam-1", kg=1, on=d(2024, 3, 3) + timedelta(days=n))
    mosque.water_pond("kolam-1", liters=7500, on=d(2024, 3, 5))
    mosque.water_pond("kolam-1", liters=7500, on=d(2024, 4, 5))
    mosque.record_deaths("kolam-1", count=50, on=d(2024, 3, 20))
    miscounted = mosque.record_deaths("kolam-1", count=10, on=d(2024, 3, 25))
    mosque.void(str(miscounted), reason="salah hitung", on=d(2024, 3, 26))
    mosque.harvest_pond("kolam-1", kg=30, count=300, sold_kg=30, price_rp_per_kg=25000, on=d(2024, 5, 1))
    mosque.harvest_pond("kolam-1", kg=70, count=800, sold_kg=60, price_rp_per_kg=26000, final=True,
                        on=d(2024, 5, 20))

    mosque.stock_pond("kolam-2", species="nila", count=500, mean_g=10, on=d(2024, 6, 1))
    twice = mosque.stock_pond("kolam-2", species="nila", count=50, mean_g=10, on=d(2024, 6, 2))
    mosque.void(str(twice), reason="dicatat dua kali", on=d(2024, 6, 3))
    mosque.feed_pond("kolam-2", kg=20, on=d(2024, 7, 1))
    spilled = mosque.feed_pond("kolam-2", kg=5, on=d(2024, 7, 2))
    mosque.void(str(spilled), reason="pakan tumpah, tidak diberikan", on=d(2024, 7, 3))
    mosque.water_pond("kolam-2", liters=5000, on=d(2024, 7, 1))
    misread = mosque.water_pond("kolam-2", liters=100, on=d(2024, 7, 2))
    mosque.void(str(misread), reason="meteran salah baca", on=d(2024, 7, 3))
    mosque.harvest_pond("kolam-2", kg=10, count=40, on=d(2024, 9, 1))

    mosque.stock_pond("kolam-3", species="lele", count=100, mean_g=5, on=d(2024, 8, 1))
    early = mosque.harvest_pond("kolam-3", kg=9, count=90, final=True, on=d(2024, 10, 1))
    mosque.void(str(early), reason="timbangan belum dikalibrasi", on=d(2024, 10, 2))
    mosque.harvest_pond("kolam-3", kg=9.5, count=90, final=True, on=d(2024, 10, 2))

    # -- waste ------------------------------------------------------------------------------
    paper = dlh.record_waste("bank-sampah-melati", category="kertas-karton", kg=8, destination="tpa",
                             on=d(2024, 1, 15))
    dlh.correct(str(paper), kg=8.4, destination="daur-ulang", reason="timbangan ulang", on=d(2024, 1, 16))
    dlh.record_waste("bank-sampah-melati", category="plastik", kg=12.5, destination="daur-ulang",
                     source="rumah-tangga", on=d(2024, 2, 15))
    rubber = dlh.record_waste("bank-sampah-melati", category="karet-kulit", kg=2, destination="tpa",
                              on=d(2024, 7, 7))
    dlh.correct(str(rubber), category="kain", source="perniagaan", reason="salah jenis", on=d(2024, 7, 8))
    school.record_waste("smpn-6", category="sisa-makanan", kg=5, destination="kompos", on=d(2024, 1, 20))
    dlh.record_waste("rw-03-wates", category="sisa-makanan", kg=100, destination="tps", on=d(2024, 3, 10))
    dlh.record_waste("rw-03-wates", category="lainnya", kg=20, destination="tidak-terkelola", on=d(2024, 3, 11))
    late = dlh.record_waste("rw-03-wates", category="kayu-ranting", kg=6, destination="kompos",
                            on=d(2024, 12, 31))
    dlh.correct(str(late), waste_date=d(2025, 1, 2), reason="tanggal salah", on=d(2025, 1, 3))
    dlh.record_waste("tps3r-kedundung", category="sisa-makanan", kg=40, destination="olah", source="pasar",
                     on=d(2024, 4, 1))
    dlh.record_waste("tps3r-kedundung", category="kaca", kg=3, destination="bahan-baku", on=d(2024, 4, 2))
    dlh.record_waste("tps3r-kedundung", category="logam", kg=2, destination="guna-ulang", on=d(2024, 4, 3))
    mosque.record_waste("masjid-al-ikhlas", category="kain", kg=1, destination="tpa", on=d(2024, 5, 5))
    doubled = dlh.record_waste("rw-03-wates", category="plastik", kg=50, destination="tpa", on=d(2024, 6, 1))
    dlh.void(str(doubled), reason="dicatat dua kali", on=d(2024, 6, 2))
    dlh.close_site("tps3r-kedundung", reason="digabung dengan TPST", on=d(2024, 11, 30))

    for app in (school, mosque, dlh):
        app.close()


if __name__ == "__main__":
    build(sys.argv[1])
