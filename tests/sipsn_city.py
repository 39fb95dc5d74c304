"""A small city for the SIPSN tables, recorded through the application, with every figure of
2024 worked out by hand (2024 is a leap year: 366 days; P1 = 1 January–30 June = 182 days).

Sites: bs-melati (waste bank, located), bs-mawar (waste bank, closed 2024-10-15), tps3r-kedundung
(TPS3R, located), bs-baru (waste bank registered in 2025), rw-03 (community), smpn-6 (school).

Waste of 2024 (kg, destination, sumber, date):
    bs-melati   plastik 1200 daur-ulang rumah-tangga 02-10 · kertas-karton 800 daur-ulang
                rumah-tangga 08-05 · (kaca 999 daur-ulang 03-03, voided)
    tps3r       sisa-makanan 3000 kompos pasar 04-01 · lainnya 1000 tpa pasar 04-01 (residue) ·
                plastik 500 olah perniagaan 09-01
    bs-mawar    logam 300 guna-ulang perkantoran 05-01
    rw-03       sisa-makanan 10000 tps rumah-tangga 06-15 · kayu-ranting 700 bahan-baku kawasan
                07-01 · kain 200 tidak-terkelola rumah-tangga 11-01
    smpn-6      kaca 97.6 tpa fasilitas-publik 12-01 · bottles 2.4 kg (a pure deposit) 03-01

Whole year (P2), measured:
    A = 1200+800+3000+1000+500+300+10000+700+200+97.6 + 2.4 = 17800 kg
    B = guna-ulang 300 + daur-ulang 2000 + kompos 3000 + bottles 2.4 = 5302.4
    C = bahan-baku 700 + olah 500 + tps 10000 + tpa 1000 + 97.6 = 12297.6
    D = 2000 + 3000 + 2.4 = 5002.4    E = 700    B+C = 17600
First half (P1), measured: waste before July: 1200, 3000, 1000, 300, 10000 and the bottles
    A = 15502.4   B = 300 + 1200 + 3000 + 2.4 = 4502.4   C = 10000 + 1000 = 11000
    D = 1200 + 3000 + 2.4 = 4202.4   E = 0   B+C = 15502.4
"""

from __future__ import annotations

from datetime import date

NAME, PROVINCE = "Kota Contoh", "Jawa Timur"


def record_small_city(app) -> None:
    d = date
    app.add_site("bs-melati", kind="waste-bank", name="Bank Sampah Melati", kelurahan="Wates",
                 kecamatan="Magersari", lat="-7.4722", lng="112.4342", on=d(2024, 1, 2))
    app.add_site("bs-mawar", kind="waste-bank", name="Bank Sampah Mawar", kecamatan="Prajurit Kulon",
                 on=d(2024, 1, 2))
    app.add_site("tps3r-kedundung", kind="tps3r", name="TPS3R Kedundung", kelurahan="Kedundung",
                 kecamatan="Magersari", lat="-7.46", lng="112.45", on=d(2024, 1, 2))
    app.add_site("bs-baru", kind="waste-bank", name="Bank Sampah Baru", on=d(2025, 1, 10))
    app.add_site("rw-03", kind="community", name="RW 03 Wates", on=d(2024, 1, 2))
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=d(2024, 1, 2))

    def waste(site, category, kg, destination, source, on):
        return app.record_waste(site, category=category, kg=kg, destination=destination, source=source, on=on)

    waste("bs-melati", "plastik", 1200, "daur-ulang", "rumah-tangga", d(2024, 2, 10))
    waste("bs-melati", "kertas-karton", 800, "daur-ulang", "rumah-tangga", d(2024, 8, 5))
    wrong = waste("bs-melati", "kaca", 999, "daur-ulang", "rumah-tangga", d(2024, 3, 3))
    app.void(str(wrong), reason="dicatat dua kali", on=d(2024, 3, 4))
    waste("tps3r-kedundung", "sisa-makanan", 3000, "kompos", "pasar", d(2024, 4, 1))
    waste("tps3r-kedundung", "lainnya", 1000, "tpa", "pasar", d(2024, 4, 1))
    waste("tps3r-kedundung", "plastik", 500, "olah", "perniagaan", d(2024, 9, 1))
    waste("bs-mawar", "logam", 300, "guna-ulang", "perkantoran", d(2024, 5, 1))
    waste("rw-03", "sisa-makanan", 10000, "tps", "rumah-tangga", d(2024, 6, 15))
    waste("rw-03", "kayu-ranting", 700, "bahan-baku", "kawasan", d(2024, 7, 1))
    waste("rw-03", "kain", 200, "tidak-terkelola", "rumah-tangga", d(2024, 11, 1))
    waste("smpn-6", "kaca", 97.6, "tpa", None, d(2024, 12, 1))
    app.record_exchange("smpn-6", bottles=100, weight_kg=2.4, on=d(2024, 3, 1))
    app.close_site("bs-mawar", reason="pengurus pindah", on=d(2024, 10, 15))
    waste("bs-melati", "plastik", 50, "daur-ulang", "rumah-tangga", d(2025, 1, 5))  # another year
