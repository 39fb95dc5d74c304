"""``envtrack evidence export`` and ``verify`` end to end, on SQLite and PostgreSQL.

The city: smpn-6 (school) and masjid-a (mosque), 2025:
    2025-02-03  smpn-6    plastik        12.5 kg  daur-ulang       (B, D)
    2025-02-04  smpn-6    kertas-karton   4.0 kg  tps              (C)
    2025-03-10  masjid-a  sisa-makanan   20.0 kg  kompos           (B, D)
    2025-03-11  masjid-a  lainnya         3.5 kg  tidak-terkelola  (A only)
    2025-04-01  smpn-6    exchange: 50 bottles weighing 1.0 kg (a pure deposit: B, D, plastik)
All sites: A = 41.0, B = 33.5 (81.71 %), C = 4.0 (9.76 %), B+C = 37.5 (91.46 %), D = 33.5,
tidak terkelola 3.5; komposisi plastik 13.5/41 = 32.93 %, sisa-makanan 20/41 = 48.78 %.
By month: Feb A = 16.5, Mar A = 23.5, Apr A = 1.0. smpn-6 alone: A = 17.5, B = 13.5 (77.14 %),
C = 4.0 (22.86 %).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from envtrack.store import resolve
from projections.evidence import pack_files

from cli.support import assert_refused, invoke


@pytest.fixture
def city(envtrack):
    for args in (
        ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6", "--date", "2025-01-02"),
        ("site", "add", "masjid-a", "--kind", "mosque", "--name", "Masjid Al Ikhlas", "--date", "2025-01-02"),
        ("waste", "record", "smpn-6", "--category", "plastik", "--kg", "12.5", "--destination", "daur-ulang", "--date", "2025-02-03"),
        ("waste", "record", "smpn-6", "--category", "kertas-karton", "--kg", "4", "--destination", "tps", "--date", "2025-02-04"),
        ("waste", "record", "masjid-a", "--category", "sisa-makanan", "--kg", "20", "--destination", "kompos", "--date", "2025-03-10"),
        ("waste", "record", "masjid-a", "--category", "lainnya", "--kg", "3.5", "--destination", "tidak-terkelola", "--date", "2025-03-11"),
        ("exchange", "record", "smpn-6", "--bottles", "50", "--weight-kg", "1.0", "--date", "2025-04-01"),
    ):
        run = envtrack(*args)
        assert run.exit_code == 0, run.stderr
    return envtrack


def invoke_id(envtrack, *args: str):
    """The same store, in Indonesian."""
    return envtrack(*args, lang="id")


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def edit_stored_kg(db: str, category: str, old: str, new: str) -> None:
    """Edits a stored event's state in place, as someone with write access to the database could."""
    store = resolve(db)
    needle = f'"category":"{category}","kg":'
    if store.backend == "sqlite":
        with sqlite3.connect(store.sqlite_path) as conn:
            changed = conn.execute(
                "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), ?, ?) AS BLOB) "
                "WHERE instr(CAST(state AS TEXT), ?) > 0",
                (needle + old, needle + new, needle + old),
            ).rowcount
    else:
        import psycopg

        with psycopg.connect(**store.psycopg_conninfo()) as conn:
            changed = conn.execute(
                f"UPDATE {store.schema}.envtrack_events "
                "SET state = convert_to(replace(convert_from(state, 'UTF8'), %s, %s), 'UTF8') "
                "WHERE position(%s in convert_from(state, 'UTF8')) > 0",
                (needle + old, needle + new, needle + old),
            ).rowcount
    assert changed == 1


def test_export_writes_every_file_with_its_hash_and_the_figures(city, head, tmp_path):
    out = tmp_path / "pack"
    run = city("evidence", "export", "--year", "2025", "--out", str(out))

    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert "evidence pack written to" in run.stderr
    assert sorted(os.listdir(out)) == sorted(pack_files())
    manifest = manifest_of(out)
    assert sorted(manifest["files"]) == sorted(set(pack_files()) - {"manifest.json"})
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert manifest["as_of_position"] == head()
    assert manifest["log_chain"]["position"] == head()
    assert len(manifest["log_chain"]["head"]) == 64
    assert manifest["period"] == {"year": 2025, "from": "2025-01-01", "to": "2025-12-31"}
    assert manifest["scope"] == {"site": None, "label": "All sites"}
    assert manifest["envtrack_version"]
    assert manifest["generated_at"].endswith("Z")

    total = manifest["indicators"]
    assert total["as_of_position"] == head()
    waste = total["waste"]
    assert waste["timbulan_kg"] == 41.0
    assert waste["pengurangan_kg"] == 33.5
    assert waste["penanganan_kg"] == 4.0
    assert waste["tidak_terkelola_kg"] == 3.5
    assert waste["pct_pengurangan"] == 81.71
    assert waste["pct_penanganan"] == 9.76
    assert waste["pct_terkelola"] == 91.46
    assert waste["komposisi_pct"]["plastik"] == 32.93
    assert waste["komposisi_pct"]["sisa-makanan"] == 48.78
    assert total["sambo"]["bottles"] == 50
    by_month = {row["month"]: row for row in manifest["tables"]["by_month"]}
    assert [by_month[m]["timbulan_kg"] for m in ("2025-01", "2025-02", "2025-03", "2025-04")] == [0, 16.5, 23.5, 1.0]
    assert len(by_month) == 12

    # the tables hold the same figures, as CSV and as XLSX
    with open(out / "indikator-total.csv", encoding="utf-8") as handle:
        rows = {row["key"]: row for row in csv.DictReader(handle)}
    assert rows["waste.timbulan_kg"]["value"] == "41.0"
    assert rows["waste.timbulan_kg"]["indicator"] == "Waste generated (kg)"
    assert rows["waste.pct_penanganan"]["value"] == "9.76"
    with open(out / "indikator-bulan.csv", encoding="utf-8") as handle:
        months = list(csv.DictReader(handle))
    assert [row["month"] for row in months][:3] == ["2025-01", "2025-02", "2025-03"]
    assert float(months[2]["timbulan_kg"]) == 23.5
    from openpyxl import load_workbook

    sheet = load_workbook(out / "indikator-bulan.xlsx").active
    header = [cell.value for cell in sheet[1]]
    march = dict(zip(header, [cell.value for cell in sheet[4]]))
    assert march["month"] == "2025-03"
    assert march["timbulan_kg"] == 23.5
    assert (out / "laporan.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "grafik-1-target-bulanan.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (out / "grafik-1-target-bulanan.svg").read_bytes()[:2000]


def test_verify_passes_on_a_fresh_pack_and_after_later_events(city, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0

    fresh = city("evidence", "verify", str(out))
    assert fresh.exit_code == 0, fresh.stdout + fresh.stderr
    assert fresh.stdout == ""
    assert "verified" in fresh.stderr

    later = city("waste", "record", "smpn-6", "--category", "logam", "--kg", "7", "--destination", "daur-ulang", "--date", "2025-05-05")
    assert later.exit_code == 0
    after = city("evidence", "verify", str(out))
    assert after.exit_code == 0, after.stdout + after.stderr


def test_verify_lists_every_altered_or_missing_file(city, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    table = out / "indikator-total.csv"
    # the first 41.0 only: timbulan_kg (timbulan_measured_kg, further down, is 41.0 as well)
    table.write_text(table.read_text(encoding="utf-8").replace("41.0", "45.0", 1), encoding="utf-8")
    (out / "grafik-3-per-lokasi.png").unlink()

    run = city("evidence", "verify", str(out))

    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == "file grafik-3-per-lokasi.png: missing"
    assert lines[1].startswith("file indikator-total.csv: SHA-256 differs (manifest ")
    # row 1 is the header, then period.from, period.to, site, as_of_position, waste.timbulan_kg
    assert lines[2] == (
        f"table indikator-total.csv row 6 (waste.timbulan_kg), column value: the pack has 45.0, "
        f"the log at position {manifest_of(out)['as_of_position']} gives 41.0"
    )
    assert run.stderr.startswith(f"Error: evidence pack {out} does not verify: 3 differences")
    assert "Traceback" not in run.stderr


def test_verify_fails_when_a_stored_event_was_edited_in_the_database(city, db, head, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    position = head()

    edit_stored_kg(db, "kertas-karton", "4.0", "40.0")
    run = city("evidence", "verify", str(out))

    assert run.exit_code == 1
    assert f"log: chain head up to position {position} differs" in run.stdout
    # A grows by 36 kg, all of it penanganan: 77.0 kg, 40 kg handled
    assert f"indicator waste.timbulan_kg: manifest 41.0, the log at position {position} gives 77.0" in run.stdout
    assert f"indicator waste.penanganan_kg: manifest 4.0, the log at position {position} gives 40.0" in run.stdout
    assert "indicator by_month[2025-02].timbulan_kg: manifest 16.5" in run.stdout
    # every file's hash holds, but the tables and charts made again from the edited log differ
    lines = run.stdout.splitlines()
    assert not any("SHA-256 differs" in line for line in lines)
    assert (
        f"table indikator-total.csv row 6 (waste.timbulan_kg), column value: the pack has 41.0, "
        f"the log at position {position} gives 77.0"
    ) in lines
    assert any(line.startswith("file grafik-3-per-lokasi.png: not the file envtrack makes") for line in lines)
    assert "does not verify" in run.stderr


def test_site_pack_covers_that_site_only(city, tmp_path):
    out = tmp_path / "packs" / "2025" / "smpn-6"  # missing folders are made
    run = city("evidence", "export", "--year", "2025", "--site", "smpn-6", "--out", str(out))

    assert run.exit_code == 0, run.stderr
    manifest = manifest_of(out)
    assert manifest["scope"] == {"site": "smpn-6", "label": "SMP Negeri 6 (smpn-6)"}
    waste = manifest["indicators"]["waste"]
    assert (waste["timbulan_kg"], waste["pengurangan_kg"], waste["penanganan_kg"]) == (17.5, 13.5, 4.0)
    assert (waste["pct_pengurangan"], waste["pct_penanganan"]) == (77.14, 22.86)
    assert [row["site"] for row in manifest["tables"]["by_site"]] == ["smpn-6"]
    assert city("evidence", "verify", str(out)).exit_code == 0


def test_labels_follow_the_language(city, tmp_path):
    assert city("evidence", "export", "--year", "2025", "--out", str(tmp_path / "en")).exit_code == 0
    run = city("evidence", "export", "--year", "2025", "--out", str(tmp_path / "id"), "--lang", "id")

    assert run.exit_code == 0
    assert manifest_of(tmp_path / "en")["lang"] == "en"
    assert manifest_of(tmp_path / "id")["lang"] == "id"
    assert manifest_of(tmp_path / "id")["scope"]["label"] == "Semua lokasi"
    assert (tmp_path / "en" / "laporan.pdf").read_bytes() != (tmp_path / "id" / "laporan.pdf").read_bytes()


def test_export_again_replaces_the_pack_and_leaves_other_files_alone(city, tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    (out / "catatan.txt").write_text("notes of the assessor\n", encoding="utf-8")
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    first = manifest_of(out)["as_of_position"]
    city("waste", "record", "masjid-a", "--category", "kaca", "--kg", "2", "--destination", "tps", "--date", "2025-06-01")

    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    manifest = manifest_of(out)
    assert manifest["as_of_position"] > first
    assert manifest["indicators"]["waste"]["timbulan_kg"] == 43.0
    assert (out / "catatan.txt").read_text(encoding="utf-8") == "notes of the assessor\n"
    run = city("evidence", "verify", str(out))
    assert run.exit_code == 0, run.stdout
    assert "note: catatan.txt is not part of the pack" in run.stderr


def test_both_commands_refuse_a_missing_store_and_create_nothing(tmp_path):
    db = str(tmp_path / "missing.db")
    out = tmp_path / "pack"

    export = invoke(db, "evidence", "export", "--year", "2025", "--out", str(out))
    assert_refused(export, "db")
    assert "has no envtrack store" in export.stderr
    out.mkdir()
    (out / "manifest.json").write_text("{}", encoding="utf-8")
    verify = invoke(db, "evidence", "verify", str(out))
    assert_refused(verify, "db")
    assert not os.path.exists(db)
    assert os.listdir(out) == ["manifest.json"]


@pytest.mark.parametrize(
    "year,field,code", [("1999", "--year", 1), ("10000", "--year", 1), ("2999", "--year", 1), ("abc", "--year", 2)]
)
def test_export_refuses_a_bad_year(city, tmp_path, year, field, code):
    out = tmp_path / "pack"
    run = city("evidence", "export", "--year", year, "--out", str(out))

    assert_refused(run, field, code=code)
    assert not out.exists()


def test_export_refuses_an_unknown_site_and_an_out_that_is_a_file(city, tmp_path):
    out = tmp_path / "pack"
    unknown = city("evidence", "export", "--year", "2025", "--site", "smpn-99", "--out", str(out))
    assert_refused(unknown, "--site")
    assert "smpn-99" in unknown.stderr
    assert not out.exists()

    a_file = tmp_path / "laporan.txt"
    a_file.write_text("x", encoding="utf-8")
    refused = city("evidence", "export", "--year", "2025", "--out", str(a_file))
    assert_refused(refused, "--out")
    assert a_file.read_text(encoding="utf-8") == "x"


def test_verify_refuses_a_directory_that_is_not_a_pack(city, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    run = city("evidence", "verify", str(empty))
    assert run.exit_code == 1
    assert run.stderr.startswith("Error: ") and "no manifest.json" in run.stderr
    indonesian = invoke_id(city, "evidence", "verify", str(empty))
    assert indonesian.stderr == f"Error: {empty}: tidak ada manifest.json (bukan paket bukti)\n"

    missing = city("evidence", "verify", str(tmp_path / "nowhere"))
    assert_refused(missing, "DIRECTORY")


@pytest.mark.parametrize(
    "edit, part",
    [
        (lambda m: m["period"].update({"from": "2025-13-01"}), "period.from '2025-13-01'"),
        (lambda m: m.update({"lang": "fr"}), "lang 'fr'"),
        (lambda m: m.update({"scope": None}), "scope.site"),
        (lambda m: m.update({"targets": {"pct_pengurangan": "tiga puluh"}}), "targets"),
        (lambda m: m.update({"as_of_position": -3}), "as_of_position"),
        (lambda m: m.update({"files": {"laporan.pdf": 5}}), "files"),
        (lambda m: m["tables"].update({"by_month": [1, 2]}), "tables.by_month"),
        (lambda m: m.update({"indicators": [], "targets": None}), "indicators"),
    ],
)
def test_verify_refuses_a_manifest_it_cannot_read_without_a_traceback(city, tmp_path, edit, part):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    manifest = manifest_of(out)
    edit(manifest)
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    run = city("evidence", "verify", str(out))

    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.startswith("Error: ") and "not a readable evidence pack manifest" in run.stderr
    assert part in run.stderr
    indonesian = invoke_id(city, "evidence", "verify", str(out))
    assert "manifest paket bukti tidak dapat dibaca" in indonesian.stderr


def test_an_empty_store_exports_a_pack_of_empty_charts_that_verifies(envtrack, tmp_path):
    assert envtrack("init").exit_code == 0
    out = tmp_path / "pack"

    run = envtrack("evidence", "export", "--year", "2025", "--out", str(out))

    assert run.exit_code == 0, run.stderr
    manifest = manifest_of(out)
    assert manifest["as_of_position"] == 0
    assert manifest["log_chain"]["head"] == "0" * 64
    assert manifest["indicators"]["waste"]["timbulan_kg"] == 0
    assert manifest["indicators"]["waste"]["pct_pengurangan"] is None
    assert manifest["tables"]["by_site"] == []
    assert sorted(os.listdir(out)) == sorted(pack_files())
    assert envtrack("evidence", "verify", str(out)).exit_code == 0


def test_verify_recomputes_from_the_log_not_from_the_read_model(city, db, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    store = resolve(db)
    # a read model that disagrees with the log does not matter to verify …
    if store.backend == "sqlite":
        with sqlite3.connect(store.sqlite_path) as conn:
            assert conn.execute("UPDATE rm_waste SET kg = kg * 10").rowcount == 4
            positions = conn.execute("SELECT * FROM rm_positions ORDER BY 1").fetchall()
    else:
        import psycopg

        with psycopg.connect(**store.psycopg_conninfo()) as conn:
            assert conn.execute(f"UPDATE {store.schema}.rm_waste SET kg = kg * 10").rowcount == 4
            positions = conn.execute(f"SELECT * FROM {store.schema}.rm_positions ORDER BY 1").fetchall()
    city("waste", "record", "smpn-6", "--category", "kaca", "--kg", "1", "--destination", "tps", "--date", "2025-07-01")

    run = city("evidence", "verify", str(out))

    assert run.exit_code == 0, run.stdout
    # … and verify leaves it as it was: it neither caught it up nor rebuilt it
    if store.backend == "sqlite":
        with sqlite3.connect(store.sqlite_path) as conn:
            assert conn.execute("SELECT * FROM rm_positions ORDER BY 1").fetchall() == positions
    else:
        import psycopg

        with psycopg.connect(**store.psycopg_conninfo()) as conn:
            assert conn.execute(f"SELECT * FROM {store.schema}.rm_positions ORDER BY 1").fetchall() == positions


def test_verify_speaks_the_global_language(city, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    (out / "sambo-bulan.csv").write_text("diubah\n", encoding="utf-8")

    run = invoke_id(city, "evidence", "verify", str(out))

    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith("berkas sambo-bulan.csv: SHA-256 berbeda (manifest ")
    assert lines[1].startswith("tabel sambo-bulan.csv baris 1 (diubah), kolom month: paket berisi diubah, log pada posisi ")
    assert run.stderr.startswith(f"Error: paket bukti {out} tidak cocok: {len(lines)} perbedaan")


def test_manifest_indicators_are_the_indicators_command_json_at_that_position(city, tmp_path):
    out = tmp_path / "pack"
    assert city("evidence", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    report = city("indicators", "--year", "2025", "--format", "json")

    assert report.exit_code == 0, report.stderr
    assert manifest_of(out)["indicators"] == json.loads(report.stdout)
    by_site = city("indicators", "--year", "2025", "--by", "site", "--format", "json")
    assert manifest_of(out)["tables"]["by_site"] == json.loads(by_site.stdout)
