"""The command line reads the importer's spellings of categories, destinations, sources, species
and kinds, and its date forms (section 13): typed after an option or written in a logbook cell,
the same text records the same entry."""

from __future__ import annotations

import json

import pytest

from cli.support import invoke
from envtrack.store import resolve

WASTE_TOPIC = "domain.waste:WasteEntry.Recorded"

# (category, destination, source, date) as typed -> as recorded
SPELLINGS = [
    (("Kertas/Karton", "Daur Ulang", "Rumah_Tangga", "02/06/2025"),
     ("kertas-karton", "daur-ulang", "rumah-tangga", "2025-06-02")),
    (("SISA MAKANAN", "kompos", "Fasilitas Publik", "2.6.2025"),
     ("sisa-makanan", "kompos", "fasilitas-publik", "2025-06-02")),
    (("Lain-lain", "TIDAK_TERKELOLA", "lain-lain", "02-06-2025"),
     ("lainnya", "tidak-terkelola", "lainnya", "2025-06-02")),
    (("karet kulit", "Bahan-Baku", "pasar", "2025-06-02"),
     ("karet-kulit", "bahan-baku", "pasar", "2025-06-02")),
]


@pytest.fixture
def city(db: str) -> str:
    assert invoke(db, "site", "add", "bank-1", "--kind", "Waste Bank", "--name", "Bank Sampah Melati").exit_code == 0
    return db


def recorded(db: str) -> list[tuple[str, str, str, str]]:
    rows = [json.loads(row[4]) for page in resolve(db).read_log(topics=[WASTE_TOPIC]) for row in page]
    return [(r["category"], r["destination"], r["source"], r["occurred_on"]["_data_"]) for r in rows]


@pytest.mark.parametrize("typed,expected", SPELLINGS, ids=lambda value: value[0] if isinstance(value, tuple) else "")
def test_a_spelling_records_the_same_on_the_command_line_and_in_a_logbook(typed, expected, city, tmp_path):
    category, destination, source, day = typed
    run = invoke(city, "waste", "record", "bank-1", "--category", category, "--destination", destination,
                 "--source", source, "--kg", "1,5", "--date", day)
    assert run.exit_code == 0, run.stderr
    logbook = tmp_path / "sampah.csv"
    logbook.write_text(f"tanggal;lokasi;jenis;berat_kg;tujuan;sumber\n{day};bank-1;{category};1,5;{destination};{source}\n",
                       encoding="utf-8")
    assert invoke(city, "import", str(logbook)).exit_code == 0
    assert recorded(city) == [expected, expected]


def test_kinds_species_and_recipients_are_read_the_same_way(city):
    assert json.loads(invoke(city, "site", "show", "bank-1", "--format", "json").stdout)["kind"] == "waste-bank"
    assert invoke(city, "site", "add", "masjid-1", "--kind", "Mosque", "--name", "Masjid").exit_code == 0
    assert invoke(city, "pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "2", "--system", "Terpal").exit_code == 0
    assert invoke(city, "pond", "stock", "kolam-1", "--species", "LELE", "--count", "10").exit_code == 0
    shown = json.loads(invoke(city, "pond", "show", "kolam-1", "--format", "json").stdout)
    assert (shown["system"], shown["open_cycle"]["species"]) == ("terpal", "lele")
    assert invoke(city, "site", "add", "sdn-1", "--kind", "school", "--name", "SD 1").exit_code == 0
    run = invoke(city, "bottles", "handover", "sdn-1", "--weight-kg", "2", "--to", "Bank Sampah")
    assert run.stderr == f"recorded: 2 kg of bottles from sdn-1 to bank-sampah, {_today()}\n"


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


@pytest.mark.parametrize("typed", ["2025/06/02", "31/02/2025", "2 Juni 2025", "06-2025"])
def test_a_date_in_no_known_form_is_refused_naming_the_forms(typed, city):
    before = resolve(city).head_position()
    run = invoke(city, "waste", "record", "bank-1", "--category", "kaca", "--destination", "tps", "--kg", "1",
                 "--date", typed)
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"Error: date '{typed}': is not a real date (YYYY-MM-DD or DD/MM/YYYY)\n"
    assert resolve(city).head_position() == before
