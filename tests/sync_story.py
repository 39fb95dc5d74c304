"""The school-laptop story, for the sync tests: the city (DLH) keeps the registry, a school
records offline on its own store, and the two stores meet by push, pull or bundle.

Records, all of 2025:
    city    2025-01-02  site add smpn-6 (school), site add bank-sampah-melati (waste-bank)
    school  2025-01-06  supplies rate smpn-6 pensil --bottles 10; receive 50 pensil
            2025-02-03  exchange 45 bottles weighing 1.0 kg for 2 pensil (pupil Ani)
            2025-02-04  exchange 12 bottles, a pure deposit (estimated 12 × 0.022 = 0.264 kg)
            2025-02-05  waste plastik 2.5 kg daur-ulang
            2025-02-06  waste sisa-makanan 4 kg kompos
    city    2025-03-03  waste at bank-sampah-melati kertas-karton 8 kg tps

Figures of 2025, all sites, once every record is in one log:
    A = 2.5 + 4 + 8 + (1.0 + 0.264) = 15.764     B = 2.5 + 4 + 1.264 = 7.764 (49.25 %)
    C = 8 (50.75 %)    D = 7.764    E = 0    tidak terkelola = 15.764 − 7.764 − 8 = 0
    SAMBO: 2 exchanges, 57 bottles, 1.264 kg (0.264 estimated), 2 pensil issued, 1 pupil,
    stock 50 − 2 = 48 pensil.
Events: the city's registry 2; the school's own 9 (ledger opened + rate, receipt + stock in,
exchange + issue, deposit, two waste records); the city's waste 1.
"""

from __future__ import annotations

import json
from typing import Any

from cli.support import Run, invoke

SCHOOL_EVENTS = 9
REGISTRY_EVENTS = 2

REGISTRY = [
    ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6 Kota Mojokerto", "--date", "2025-01-02"),
    ("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati", "--date", "2025-01-02"),
]
SCHOOL = [
    ("supplies", "rate", "smpn-6", "pensil", "--bottles", "10", "--date", "2025-01-06"),
    ("supplies", "receive", "smpn-6", "pensil", "--qty", "50", "--date", "2025-01-06"),
    ("exchange", "record", "smpn-6", "--bottles", "45", "--weight-kg", "1.0", "--item", "pensil=2", "--pupil", "Ani", "--date", "2025-02-03"),
    ("exchange", "record", "smpn-6", "--bottles", "12", "--date", "2025-02-04"),
    ("waste", "record", "smpn-6", "--category", "plastik", "--kg", "2.5", "--destination", "daur-ulang", "--date", "2025-02-05"),
    ("waste", "record", "smpn-6", "--category", "sisa-makanan", "--kg", "4", "--destination", "kompos", "--date", "2025-02-06"),
]
CITY = [
    ("waste", "record", "bank-sampah-melati", "--category", "kertas-karton", "--kg", "8", "--destination", "tps", "--date", "2025-03-03"),
]

WASTE_2025 = {"timbulan_kg": 15.764, "pengurangan_kg": 7.764, "penanganan_kg": 8.0, "daur_ulang_kg": 7.764,
              "bahan_baku_kg": 0.0, "tidak_terkelola_kg": 0.0, "pct_pengurangan": 49.25, "pct_penanganan": 50.75}
SAMBO_2025 = {"exchanges": 2, "bottles": 57, "bottles_kg": 1.264, "bottles_kg_estimated": 0.264,
              "items_issued": {"pensil": 2}, "pupils": 1, "stock": {"pensil": 48}}


def run(db: str, *commands: tuple[str, ...], operator: str = "siti") -> list[Run]:
    done = []
    for args in commands:
        result = invoke(db, *args, operator=operator)
        assert result.exit_code == 0, (args, result.stderr)
        done.append(result)
    return done


def school_offline(school: str, city: str) -> None:
    """The city registers the sites, the school pulls them and records offline."""
    run(city, *REGISTRY, operator="dlh")
    pulled = invoke(school, "sync", "pull", "--from", city)
    assert pulled.exit_code == 0, pulled.stderr
    run(school, *SCHOOL)
    run(city, *CITY, operator="dlh")


def single_store(db: str) -> None:
    """Every record of the story straight into one store."""
    run(db, *REGISTRY, operator="dlh")
    run(db, *SCHOOL)
    run(db, *CITY, operator="dlh")


def indicators(db: str) -> dict[str, Any]:
    result = invoke(db, "indicators", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    found.pop("as_of_position")
    return found


def stored_events(db: str) -> dict[tuple[str, int], tuple[str, bytes]]:
    """Every stored event by (aggregate, version): its topic and state, as stored."""
    from envtrack.store import resolve

    store = resolve(db)
    try:
        return {(str(row[1]), row[2]): (row[3], bytes(row[4])) for page in store.read_log() for row in page}
    finally:
        store.close()
