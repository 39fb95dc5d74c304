"""The places of the demo Kota Mojokerto: three kecamatan and their kelurahan, 20 schools running
SAMBO DIKARTU AS, 10 mosques with MADULENI MANIS ponds, waste banks, a TPS3R, a market and a
community site per kelurahan. Names are real-sounding; people and figures are invented."""

from __future__ import annotations

import random
from dataclasses import dataclass

KECAMATAN: dict[str, tuple[tuple[str, int], ...]] = {
    # kelurahan and residents (≈ 133,000 in all)
    "Prajurit Kulon": (
        ("Prajurit Kulon", 6900), ("Blooto", 5200), ("Mentikan", 7800),
        ("Kauman", 3300), ("Pulorejo", 8600), ("Surodinawan", 8100),
    ),
    "Magersari": (
        ("Magersari", 6000), ("Gedongan", 5700), ("Gunung Gedangan", 6200),
        ("Kedundung", 11300), ("Balongsari", 7600), ("Wates", 17800),
    ),
    "Kranggan": (
        ("Kranggan", 9300), ("Miji", 8900), ("Meri", 7200),
        ("Jagalan", 4300), ("Sentanan", 3200), ("Purwotengah", 5800),
    ),
}
KECAMATAN_OF = {kel: kec for kec, places in KECAMATAN.items() for kel, _ in places}

TPS3R_SERVES = ("Kedundung", 5000)
"""The TPS3R takes the waste of 5,000 Kedundung residents; the kelurahan's community site the rest."""

SCHOOLS = (
    # slug, name, kelurahan, (fewest, most) pupils, level
    ("smpn-1", "SMP Negeri 1 Kota Mojokerto", "Kauman", (820, 940), "smp"),
    ("smpn-2", "SMP Negeri 2 Kota Mojokerto", "Prajurit Kulon", (780, 900), "smp"),
    ("smpn-3", "SMP Negeri 3 Kota Mojokerto", "Gunung Gedangan", (700, 820), "smp"),
    ("smpn-4", "SMP Negeri 4 Kota Mojokerto", "Wates", (720, 860), "smp"),
    ("smpn-5", "SMP Negeri 5 Kota Mojokerto", "Miji", (640, 760), "smp"),
    ("smpn-6", "SMP Negeri 6 Kota Mojokerto", "Gedongan", (760, 880), "smp"),
    ("smpn-7", "SMP Negeri 7 Kota Mojokerto", "Mentikan", (600, 720), "smp"),
    ("smpn-8", "SMP Negeri 8 Kota Mojokerto", "Meri", (560, 680), "smp"),
    ("smpn-9", "SMP Negeri 9 Kota Mojokerto", "Pulorejo", (520, 640), "smp"),
    ("mtsn-kota-mojokerto", "MTs Negeri Kota Mojokerto", "Sentanan", (680, 800), "smp"),
    ("sdn-kranggan-1", "SD Negeri Kranggan 1", "Kranggan", (300, 420), "sd"),
    ("sdn-wates-3", "SD Negeri Wates 3", "Wates", (340, 460), "sd"),
    ("sdn-mentikan-2", "SD Negeri Mentikan 2", "Mentikan", (220, 320), "sd"),
    ("sdn-gedongan-1", "SD Negeri Gedongan 1", "Gedongan", (260, 360), "sd"),
    ("sdn-miji-2", "SD Negeri Miji 2", "Miji", (240, 340), "sd"),
    ("sdn-kedundung-1", "SD Negeri Kedundung 1", "Kedundung", (300, 420), "sd"),
    ("sdn-sentanan-1", "SD Negeri Sentanan 1", "Sentanan", (180, 260), "sd"),
    ("sdn-blooto-1", "SD Negeri Blooto 1", "Blooto", (200, 300), "sd"),
    ("sdn-purwotengah-1", "SD Negeri Purwotengah 1", "Purwotengah", (220, 320), "sd"),
    ("min-kota-mojokerto", "MI Negeri Kota Mojokerto", "Surodinawan", (380, 500), "sd"),
)

MOSQUES = (
    # slug, name, kelurahan, (fewest, most) congregation, ponds: (system, m³, species)
    ("masjid-agung-al-fattah", "Masjid Agung Al-Fattah", "Kauman", (1300, 1600),
     (("bioflok", 10, "lele"), ("beton", 18, "nila"))),
    ("masjid-al-ikhlas-wates", "Masjid Al-Ikhlas Wates", "Wates", (450, 650), (("terpal", 12, "lele"),)),
    ("masjid-baiturrahman-meri", "Masjid Baiturrahman Meri", "Meri", (300, 450), (("terpal", 8, "lele"),)),
    ("masjid-al-mukarromah", "Masjid Al-Mukarromah Balongsari", "Balongsari", (350, 500), (("beton", 14, "nila"),)),
    ("masjid-nurul-huda", "Masjid Nurul Huda Kedundung", "Kedundung", (400, 600), (("bioflok", 8, "lele"),)),
    ("masjid-al-hidayah", "Masjid Al-Hidayah Pulorejo", "Pulorejo", (250, 400), (("terpal", 6, "lele"),)),
    ("masjid-darussalam", "Masjid Darussalam Mentikan", "Mentikan", (300, 450), (("terpal", 10, "nila"),)),
    ("masjid-al-muttaqin", "Masjid Jami' Al-Muttaqin Gunung Gedangan", "Gunung Gedangan", (200, 350),
     (("terpal", 6, "lele"),)),
    ("masjid-at-taqwa", "Masjid At-Taqwa Surodinawan", "Surodinawan", (350, 500),
     (("terpal", 9, "lele"), ("tanah", 20, "nila"))),
    ("masjid-al-falah", "Masjid Al-Falah Jagalan", "Jagalan", (200, 300), (("beton", 7, "lele"),)),
)

WASTE_BANKS = (
    # slug, name, kelurahan, (fewest, most) people served, source
    ("bank-sampah-induk", "Bank Sampah Induk Kota Mojokerto", "Magersari", (2500, 3500), "perkantoran"),
    ("bank-sampah-wates-berseri", "Bank Sampah Wates Berseri", "Wates", (600, 900), "rumah-tangga"),
    ("bank-sampah-melati-meri", "Bank Sampah Melati Meri", "Meri", (400, 650), "rumah-tangga"),
    ("bank-sampah-kenanga", "Bank Sampah Kenanga Pulorejo", "Pulorejo", (350, 600), "rumah-tangga"),
    ("bank-sampah-sejahtera", "Bank Sampah Sejahtera Balongsari", "Balongsari", (300, 500), "rumah-tangga"),
)

GIVEN = {
    "Bu": ("Siti", "Sri", "Endang", "Wahyuni", "Rini", "Yuli", "Dwi", "Nur", "Lilik", "Umi"),
    "Pak": ("Agus", "Bambang", "Hadi", "Slamet", "Joko", "Budi", "Heru", "Eko", "Imam", "Rudi"),
}
FAMILY = (
    "Aminah", "Rahayu", "Lestari", "Wulandari", "Handayani", "Santoso", "Susanto", "Prasetyo",
    "Hidayat", "Setiawan", "Kurniawan", "Wibowo", "Purnomo", "Saputra", "Maulana", "Fauzi",
)
PUPILS = (
    "Ahmad", "Aisyah", "Alya", "Andi", "Anisa", "Bagas", "Bima", "Citra", "Dafa", "Dewi",
    "Dimas", "Fajar", "Farah", "Galih", "Hana", "Ilham", "Indah", "Intan", "Kevin", "Laila",
    "Nabila", "Naufal", "Putri", "Raka", "Rani", "Rizky", "Salsa", "Tegar", "Vina", "Zahra",
)


@dataclass(frozen=True)
class Place:
    """A site of the demo city, with the one operator who keeps its logbook."""

    slug: str
    kind: str
    name: str
    kelurahan: str
    population: int | None
    operator: str
    level: str = ""  # schools: "sd" or "smp"
    source: str | None = None  # waste banks, the market: their SIPSN sumber

    @property
    def kecamatan(self) -> str:
        return KECAMATAN_OF[self.kelurahan]


@dataclass(frozen=True)
class PondPlace:
    slug: str
    site: str
    system: str
    volume_m3: float
    species: str
    operator: str


@dataclass
class City:
    schools: list[Place]
    mosques: list[Place]
    ponds: list[PondPlace]
    others: list[Place]  # community sites, the market, waste banks, the TPS3R

    @property
    def sites(self) -> list[Place]:
        return [*self.schools, *self.mosques, *self.others]


def operator(seed: int, slug: str) -> str:
    """The person who keeps a site's logbook: the same for a seed and a site."""
    rng = random.Random(f"{seed}/operator/{slug}")
    title = rng.choice(("Bu", "Pak"))
    return f"{title} {rng.choice(GIVEN[title])} {rng.choice(FAMILY)}"


def build(seed: int) -> City:
    """The demo city for ``seed``: the same places always, their sizes and people by seed."""
    rng = random.Random(f"{seed}/city")
    schools = [
        Place(slug, "school", name, kel, rng.randint(*pupils), operator(seed, slug), level=level)
        for slug, name, kel, pupils, level in SCHOOLS
    ]
    mosques, ponds = [], []
    for slug, name, kel, people, pond_specs in MOSQUES:
        takmir = operator(seed, slug)
        mosques.append(Place(slug, "mosque", name, kel, rng.randint(*people), takmir))
        for n, (system, volume, species) in enumerate(pond_specs, start=1):
            short = slug.removeprefix("masjid-")
            ponds.append(PondPlace(f"kolam-{short}-{n}", slug, system, volume, species, takmir))
    others = []
    for places in KECAMATAN.values():
        for kel, residents in places:
            served = residents - (TPS3R_SERVES[1] if kel == TPS3R_SERVES[0] else 0)
            slug = "kel-" + kel.lower().replace(" ", "-")
            others.append(
                Place(slug, "community", f"Warga Kelurahan {kel} (TPS {kel})", kel,
                      round(served * rng.uniform(0.97, 1.03)), operator(seed, slug))
            )
    others.append(
        Place("pasar-tanjung-anyar", "community", "Pasar Tanjung Anyar", "Miji", None,
              operator(seed, "pasar-tanjung-anyar"), source="pasar")
    )
    for slug, name, kel, people, source in WASTE_BANKS:
        others.append(Place(slug, "waste-bank", name, kel, rng.randint(*people), operator(seed, slug), source=source))
    others.append(
        Place("tps3r-kedundung", "tps3r", "TPS3R Kedundung Berseri", TPS3R_SERVES[0], TPS3R_SERVES[1],
              operator(seed, "tps3r-kedundung"), source="rumah-tangga")
    )
    return City(schools, mosques, ponds, others)
