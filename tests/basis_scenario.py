"""A city with a basis, recorded through the application, whose figures the basis tests compute
by hand.

City record:
    2024  population 1,000 × 0.5 kg/person/day × 366 days = 183,000 kg (500 kg a day);
          TPA open-dumping; targets pengurangan 25, dikelola 40
    2025  surveyed 200 t = 200,000 kg (547.945… kg a day); TPA controlled-landfill;
          target penanganan 75
Sites: ``rw`` (community: sumber rumah-tangga), ``bank`` (waste bank: lainnya unless given),
``smpn6`` (school: its bottles are fasilitas-publik).
Waste (kg, destination, jenis, sumber, date):
    W1  rw     1000  tpa              sisa-makanan   rumah-tangga  2024-03-10  (an open-dumping year)
    W2  bank    200  daur-ulang       plastik        lainnya       2024-12-20
    W3  rw      500  tpa              sisa-makanan   rumah-tangga  2025-01-15  (controlled landfill)
    W4  bank    100  tidak-terkelola  kertas-karton  perniagaan    2025-01-20
Bottles: E1 smpn6 10 bottles, 0.5 kg measured, 2025-01-05 (a deposit).
"""

from __future__ import annotations

from datetime import date

from envtrack.application import EnvTrack


def record_basis_city(app: EnvTrack) -> None:
    app.set_city(2024, name="Kota Contoh", province="Jawa Timur", population=1000, kg_per_person_day=0.5,
                 tpa_system="open-dumping", target_pengurangan=25, target_dikelola=40)
    app.set_city(2025, timbulan_ton=200, tpa_system="controlled-landfill", target_penanganan=75)
    app.add_site("rw", kind="community", name="RW 05", on=date(2024, 1, 1))
    app.add_site("bank", kind="waste-bank", name="Bank Sampah", on=date(2024, 1, 1))
    app.add_site("smpn6", kind="school", name="SMP Negeri 6", on=date(2024, 1, 1))
    app.record_waste("rw", category="sisa-makanan", kg=1000, destination="tpa", on=date(2024, 3, 10))
    app.record_waste("bank", category="plastik", kg=200, destination="daur-ulang", on=date(2024, 12, 20))
    app.record_waste("rw", category="sisa-makanan", kg=500, destination="tpa", on=date(2025, 1, 15))
    app.record_waste("bank", category="kertas-karton", kg=100, destination="tidak-terkelola",
                     source="perniagaan", on=date(2025, 1, 20))
    app.record_exchange("smpn6", bottles=10, weight_kg=0.5, on=date(2025, 1, 5))
