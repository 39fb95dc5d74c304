"""A small multi-site city, recorded through the application, whose figures the indicator tests
compute by hand.

Sites: ``smpn6`` (school: SAMBO DIKARTU AS, waste, pond ``kolam-2``), ``masjid`` (mosque: pond
``kolam-1``, waste), ``bank`` (waste bank: waste). Every destination is used; one waste entry is
voided, one is corrected into another month and another destination; exchanges have measured
and estimated weights (one is voided); pond ``kolam-1`` runs a whole cycle that starts in 2024
and closes in April 2025.

Waste in 2025, after the void and the correction (kg, destination, jenis, month):
    W1  smpn6   10    kompos           sisa-makanan   Jan
    W2  smpn6    4    daur-ulang       kertas-karton  Jan
    W3  masjid   3    guna-ulang       plastik        Feb
    W4  masjid   5    tpa              lainnya        Feb
    W5  bank     6    bahan-baku       logam          Mar
    W6  bank     2    olah             kaca           Mar
    W7  bank     1.5  tps              kain           Mar
    W8  bank     2.5  tidak-terkelola  karet-kulit    Mar
    W9  masjid   7    kompos           kayu-ranting   Apr   voided: counts nowhere
    W10 smpn6    9    kompos           sisa-makanan   May   recorded as 8 kg → tps in April,
                                                            corrected to 9 kg → kompos, 12 May
    W11 smpn6    1    daur-ulang       plastik        2024-12-31 (outside 2025)
Exchanges at smpn6 (bottles, kg):
    E1 2025-01-10  45 bottles, 1.0 kg measured, pensil=2, pupil "Ani"
    E2 2025-02-12  30 bottles, estimated 30 × 0.022 = 0.66 kg, buku=1, pupil " ani " (same pupil)
    E3 2025-03-03  10 bottles, 0.25 kg measured, pure deposit, pupil "Budi"
    E4 2025-03-04  20 bottles, estimated 0.44 kg, pensil=1, pupil "Citra"   voided
    E5 2024-12-20  20 bottles, estimated 0.44 kg, pensil=1 (outside 2025)
Supplies at smpn6: pensil 50 received 2024-12-01; buku 20 received 2025-01-02; penghapus 5
received 2025-01-02 and voided. Bottle handovers: 1.2 kg on 2025-03-20, 0.5 kg on 2024-12-28.
Ponds:
    kolam-1 (masjid, 4 m³, added 2024-12-01)
      2024-12-15 water 1000 L;  2024-12-20 stock 500 lele at 8 g (4.0 kg);  2024-12-28 feed 5 kg
      2025-01-20 stock 100 lele (mean unknown: 0 kg);  2025-02-01 feed 20 kg, water 2000 L
      2025-02-15 deaths 20;  2025-03-01 feed 30 kg, water 3000 L;  2025-03-15 feed 10 kg voided
      2025-03-20 harvest 200 fish, 40 kg, sold 30 kg at Rp 25,000
      2025-04-10 final harvest 330 fish, 70 kg: 600 − 20 − 200 − 330 = 50 written off
    kolam-2 (smpn6, 2 m³, added 2025-04-01)
      2025-05-01 stock 50 nila at 10 g;  2025-05-02 water 500 L   (cycle still open)
"""

from __future__ import annotations

from datetime import date as d
from typing import Any

from envtrack.application import EnvTrack


def record_city(app: EnvTrack) -> dict[str, Any]:
    """Records the scenario; returns the ids of the entries tests refer to."""
    ids: dict[str, Any] = {}
    app.add_site("smpn6", kind="school", name="SMP Negeri 6", on=d(2024, 11, 1))
    app.add_site("masjid", kind="mosque", name="Masjid Agung", on=d(2024, 11, 1))
    app.add_site("bank", kind="waste-bank", name="Bank Sampah Melati", on=d(2024, 11, 1))

    def waste(key: str, site: str, category: str, kg: float, destination: str, on: d) -> None:
        ids[key] = app.record_waste(site, category=category, kg=kg, destination=destination, on=on)

    waste("W1", "smpn6", "sisa-makanan", 10, "kompos", d(2025, 1, 15))
    waste("W2", "smpn6", "kertas-karton", 4, "daur-ulang", d(2025, 1, 20))
    waste("W3", "masjid", "plastik", 3, "guna-ulang", d(2025, 2, 5))
    waste("W4", "masjid", "lainnya", 5, "tpa", d(2025, 2, 10))
    waste("W5", "bank", "logam", 6, "bahan-baku", d(2025, 3, 1))
    waste("W6", "bank", "kaca", 2, "olah", d(2025, 3, 5))
    waste("W7", "bank", "kain", 1.5, "tps", d(2025, 3, 10))
    waste("W8", "bank", "karet-kulit", 2.5, "tidak-terkelola", d(2025, 3, 15))
    waste("W9", "masjid", "kayu-ranting", 7, "kompos", d(2025, 4, 1))
    waste("W10", "smpn6", "sisa-makanan", 8, "tps", d(2025, 4, 10))
    waste("W11", "smpn6", "plastik", 1, "daur-ulang", d(2024, 12, 31))
    app.void(str(ids["W9"]), reason="dicatat dua kali", on=d(2025, 4, 2))
    app.correct(
        str(ids["W10"]),
        reason="salah timbang dan salah tanggal",
        kg=9,
        destination="kompos",
        waste_date=d(2025, 5, 12),
        on=d(2025, 5, 13),
    )

    app.set_rate("smpn6", "pensil", bottles=20, on=d(2024, 12, 1))
    app.set_rate("smpn6", "buku", bottles=30, on=d(2024, 12, 1))
    app.receive_supplies("smpn6", "pensil", qty=50, cost_rp=150_000, on=d(2024, 12, 1))
    app.receive_supplies("smpn6", "buku", qty=20, on=d(2025, 1, 2))
    ids["R_penghapus"] = app.receive_supplies("smpn6", "penghapus", qty=5, on=d(2025, 1, 2))
    app.void(str(ids["R_penghapus"]), reason="salah kirim", on=d(2025, 1, 3))
    ids["E5"] = app.record_exchange("smpn6", bottles=20, items={"pensil": 1}, on=d(2024, 12, 20))
    ids["E1"] = app.record_exchange(
        "smpn6", bottles=45, weight_kg=1.0, items={"pensil": 2}, pupil="Ani", on=d(2025, 1, 10)
    )
    ids["E2"] = app.record_exchange("smpn6", bottles=30, items={"buku": 1}, pupil=" ani ", on=d(2025, 2, 12))
    ids["E3"] = app.record_exchange("smpn6", bottles=10, weight_kg=0.25, pupil="Budi", on=d(2025, 3, 3))
    ids["E4"] = app.record_exchange(
        "smpn6", bottles=20, items={"pensil": 1}, pupil="Citra", on=d(2025, 3, 4)
    )
    app.void(str(ids["E4"]), reason="siswa salah hitung", on=d(2025, 3, 5))
    app.hand_over_bottles("smpn6", weight_kg=1.2, to="recycler", on=d(2025, 3, 20))
    app.hand_over_bottles("smpn6", weight_kg=0.5, to="bank-sampah", on=d(2024, 12, 28))

    app.add_pond("kolam-1", site="masjid", volume_m3=4, system="terpal", on=d(2024, 12, 1))
    app.water_pond("kolam-1", liters=1000, on=d(2024, 12, 15))
    app.stock_pond("kolam-1", species="lele", count=500, mean_g=8, on=d(2024, 12, 20))
    app.feed_pond("kolam-1", kg=5, on=d(2024, 12, 28))
    app.stock_pond("kolam-1", species="lele", count=100, on=d(2025, 1, 20))
    app.feed_pond("kolam-1", kg=20, on=d(2025, 2, 1))
    app.water_pond("kolam-1", liters=2000, on=d(2025, 2, 1))
    app.record_deaths("kolam-1", count=20, on=d(2025, 2, 15))
    app.feed_pond("kolam-1", kg=30, on=d(2025, 3, 1))
    app.water_pond("kolam-1", liters=3000, on=d(2025, 3, 1))
    ids["F3"] = app.feed_pond("kolam-1", kg=10, on=d(2025, 3, 15))
    app.void(str(ids["F3"]), reason="pakan tidak jadi diberikan", on=d(2025, 3, 16))
    app.harvest_pond(
        "kolam-1", kg=40, count=200, sold_kg=30, price_rp_per_kg=25_000, on=d(2025, 3, 20)
    )
    ids["H2"] = app.harvest_pond("kolam-1", kg=70, count=330, final=True, on=d(2025, 4, 10))
    app.add_pond("kolam-2", site="smpn6", volume_m3=2, on=d(2025, 4, 1))
    app.stock_pond("kolam-2", species="nila", count=50, mean_g=10, on=d(2025, 5, 1))
    app.water_pond("kolam-2", liters=500, on=d(2025, 5, 2))
    return ids
