"""A store written by release 0.1.0 (``tests/data/store-0.1.0.db``, made by
``tests/data/build_store_0_1_0.py``) opens in this release with the same figures.

The file holds every event topic 0.1.0 wrote, a ledger snapshot and a pond snapshot, and the
read models 0.1.0 built. Each test works on a copy; the committed file is never opened for writing.

The figures of 2024, all sites, worked out by hand from the records in the build script:
    waste (latest values, voids left out, the kayu-ranting moved to 2025 left out):
        kertas-karton 8.4 daur-ulang, plastik 12.5 daur-ulang, kain 2 tpa (was karet-kulit),
        sisa-makanan 5 kompos, 100 tps, 40 olah; lainnya 20 tidak-terkelola; kaca 3 bahan-baku,
        logam 2 guna-ulang, kain 1 tpa: Σ 193.9 kg
    bottles of 2024: 1.0 (weighed) + 12 × 0.022 + 30 × 0.022 + 40 × 20 × 0.022 = 19.524 kg,
        of which 18.524 estimated
    A = 213.424   B = 2 + 20.9 + 5 + 19.524 = 47.424   C = 3 + 40 + 100 + 3 = 146
    D = 20.9 + 5 + 19.524 = 45.424   E = 3   B+C = 193.424   A−B−C = 20
    SAMBO: 43 exchanges, 887 bottles, pensil 2 + 40 = 42 and buku-tulis 1 issued, pupils Ani
        (also written ' ani '), Budi, Siswa 01–40 = 42; 1.5 kg handed over; stock at the end
        of 2024: pensil 50 − 42 = 8 (the second receipt was voided), buku-tulis 20 − 1 = 19
    MADULENI: water 7500 + 7500 + 5000 = 20000 L; feed 44 + 20 = 64 kg; stocked 1000 + 200
        + 500 + 100 = 1800; deaths 50 + written off 50 (kolam-1) + 10 (kolam-3) = 110;
        harvested 300 + 800 + 40 + 90 = 1230 fish, 30 + 70 + 10 + 9.5 = 119.5 kg; sold 30 + 60
        = 90 kg for 30 × 25000 + 60 × 26000 = 2310000; closed cycles kolam-1 and kolam-3:
        survival (1100 + 90) / 1300, FCR 44 / (109.5 − 9.6 − 0.5), yield 109.5 / (4 + 2)
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.support import invoke

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "store-0.1.0.db"

WASTE_2024 = {
    "timbulan_kg": 213.424,
    "pengurangan_kg": 47.424,
    "penanganan_kg": 146.0,
    "terkelola_kg": 193.424,
    "tidak_terkelola_kg": 20.0,
    "daur_ulang_kg": 45.424,
    "bahan_baku_kg": 3.0,
    "pct_pengurangan": round(100 * 47.424 / 213.424, 2),
    "pct_penanganan": round(100 * 146 / 213.424, 2),
    "pct_terkelola": round(100 * 193.424 / 213.424, 2),
    "recycling_rate_pct": round(100 * 48.424 / 213.424, 2),
}
KOMPOSISI_2024 = {
    "sisa-makanan": round(100 * 145 / 213.424, 2),
    "kayu-ranting": 0.0,
    "kertas-karton": round(100 * 8.4 / 213.424, 2),
    "plastik": round(100 * 32.024 / 213.424, 2),
    "logam": round(100 * 2 / 213.424, 2),
    "kain": round(100 * 3 / 213.424, 2),
    "karet-kulit": 0.0,
    "kaca": round(100 * 3 / 213.424, 2),
    "lainnya": round(100 * 20 / 213.424, 2),
}
SAMBO_2024 = {
    "exchanges": 43,
    "bottles": 887,
    "bottles_kg": 19.524,
    "bottles_kg_estimated": 18.524,
    "items_issued": {"buku-tulis": 1, "pensil": 42},
    "pupils": 42,
    "handed_over_kg": 1.5,
    "stock": {"buku-tulis": 19, "pensil": 8},
}
MADULENI_2024 = {
    "water_liters": 20000.0,
    "feed_kg": 64.0,
    "stocked": 1800,
    "deaths": 110,
    "harvested": 1230,
    "harvest_kg": 119.5,
    "sold_kg": 90.0,
    "sold_rp": 2310000,
    "cycles_closed": 2,
    "survival_pct": round(100 * 1190 / 1300, 2),
    "fcr": round(44 / 99.4, 2),
    "yield_kg_per_m3": round(109.5 / 6, 2),
    "harvest_kg_per_1000_l": round(1000 * 119.5 / 20000, 2),
    # 0.1.0 recorded no costs: none counted, the margin is the sales alone
    "seed_cost_rp": 0,
    "feed_cost_rp": 0,
    "margin_rp": 2310000,
}


@pytest.fixture
def old_store(tmp_path: Path) -> str:
    copy = tmp_path / "envtrack.db"
    shutil.copyfile(FIXTURE, copy)
    return str(copy)


def indicators_2024(db: str) -> dict:
    run = invoke(db, "indicators", "--year", "2024", "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def assert_figures_of_2024(report: dict) -> None:
    waste = report["waste"]
    for key, value in WASTE_2024.items():
        assert waste[key] == value, key
    assert waste["komposisi_pct"] == KOMPOSISI_2024
    for key, value in SAMBO_2024.items():
        assert report["sambo"][key] == value, key
    for key, value in MADULENI_2024.items():
        assert report["maduleni"][key] == value, key


def test_the_fixture_holds_what_0_1_0_wrote():
    import sqlite3

    with sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True) as conn:
        topics = {row[0] for row in conn.execute("SELECT DISTINCT topic FROM stored_events")}
        snapshots = conn.execute("SELECT COUNT(*) FROM stored_snapshots").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert len(topics) == 34 and snapshots == 2
    assert "rm_positions" in tables  # the read models 0.1.0 built


def test_old_store_gives_the_same_figures_from_its_own_read_models(old_store: str):
    assert_figures_of_2024(indicators_2024(old_store))


def test_old_store_gives_the_same_figures_after_a_rebuild(old_store: str):
    run = invoke(old_store, "projections", "rebuild")
    assert run.exit_code == 0, run.stderr
    assert_figures_of_2024(indicators_2024(old_store))


def test_old_store_records_on_top_of_its_snapshots(old_store: str):
    """The ledger and kolam-1 load from 0.1.0's snapshots: stock and fish counts carry on."""
    stock = invoke(old_store, "supplies", "stock", "smpn-6", "--format", "json")
    assert stock.exit_code == 0, stock.stderr
    items = {row["item"]: row["qty"] for row in json.loads(stock.stdout)["items"]}
    assert items == {"buku-tulis": 19, "pensil": 8}
    exchange = invoke(old_store, "exchange", "record", "smpn-6", "--bottles", "20", "--item", "pensil",
                      "--date", "2025-02-01")
    assert exchange.exit_code == 0, exchange.stderr
    refused = invoke(old_store, "exchange", "record", "smpn-6", "--bottles", "200", "--item", "pensil=8",
                     "--date", "2025-02-01")
    assert refused.exit_code == 1 and "pensil" in refused.stderr  # only 7 left


def test_old_store_exports_an_evidence_pack_that_verifies(old_store: str, tmp_path: Path):
    out = tmp_path / "pack"
    run = invoke(old_store, "evidence", "export", "--year", "2024", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["indicators"]["waste"]["timbulan_kg"] == WASTE_2024["timbulan_kg"]
    verified = invoke(old_store, "evidence", "verify", str(out))
    assert verified.exit_code == 0, verified.stdout + verified.stderr


def test_old_store_rebuilds_then_exports_and_verifies_a_pack_with_the_same_figures(old_store: str, tmp_path: Path):
    """0.1.0's read models lack this release's pond columns: the first update refills them,
    a rebuild gives the same, and a pack exported after it verifies against the old log."""
    rebuilt = invoke(old_store, "projections", "rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    report = indicators_2024(old_store)
    assert_figures_of_2024(report)
    out = tmp_path / "pack"
    run = invoke(old_store, "evidence", "export", "--year", "2024", "--out", str(out))
    assert run.exit_code == 0, run.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["envtrack_version"] == "0.2.0"  # the release that wrote the pack, not the store
    for key, value in MADULENI_2024.items():
        assert manifest["indicators"]["maduleni"][key] == value, key
    verified = invoke(old_store, "evidence", "verify", str(out))
    assert verified.exit_code == 0, verified.stdout + verified.stderr


def test_old_ponds_take_samples_and_water_tests_through_their_0_1_0_snapshot(old_store: str):
    """kolam-1 loads from 0.1.0's snapshot (upcast: no water tests, no samples); kolam-2's nila
    cycle is still open: 500 + 50 stocked, the 50 voided, 40 harvested → 500 + 50 − 50 − 40 = 460
    alive."""
    tested = invoke(old_store, "pond", "quality", "kolam-1", "--do", "4.5", "--date", "2025-02-01")
    assert tested.exit_code == 0, tested.stderr
    refused = invoke(old_store, "pond", "sample", "kolam-2", "--count", "461", "--kg", "5", "--date", "2025-02-01")
    assert refused.exit_code == 1 and "460 fish alive" in refused.stderr
    sampled = invoke(old_store, "pond", "sample", "kolam-2", "--count", "30", "--kg", "6", "--date", "2025-02-01")
    assert sampled.exit_code == 0, sampled.stderr
    assert_figures_of_2024(indicators_2024(old_store))
