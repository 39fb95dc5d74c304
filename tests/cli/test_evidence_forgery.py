"""Forged evidence packs: each forgery, its hashes updated in the manifest so that a hash check
alone would pass, is caught by ``evidence verify`` with one clear line, on SQLite and (where what
the store gives back matters) PostgreSQL.

The city (as in test_evidence.py): smpn-6 and masjid-a, 2025:
    2025-02-03  smpn-6    plastik        12.5 kg  daur-ulang       (B, D)
    2025-02-04  smpn-6    kertas-karton   4.0 kg  tps              (C)
    2025-03-10  masjid-a  sisa-makanan   20.0 kg  kompos           (B, D)
    2025-03-11  masjid-a  lainnya         3.5 kg  tidak-terkelola  (A only)
    2025-04-01  smpn-6    exchange: 50 bottles, 1.0 kg (B, D, plastik)
A = 12.5 + 4 + 20 + 3.5 + 1 = 41.0; B = 12.5 + 20 + 1 = 33.5, so pct_pengurangan = 100·33.5/41
= 81.707… → 81.71; March: A = 23.5. Two sites registered, five records: seven positions and
seven stored events (the site registrations are one event each; every record one event, the
exchange is a pure deposit, so no ledger event).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import BACKENDS, _drop_pg_schema, _pg_url_with_schema
from envtrack.store import resolve

from cli.support import invoke

RECORDS = [
    ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6", "--date", "2025-01-02"),
    ("site", "add", "masjid-a", "--kind", "mosque", "--name", "Masjid Al Ikhlas", "--date", "2025-01-02"),
    ("waste", "record", "smpn-6", "--category", "plastik", "--kg", "12.5", "--destination", "daur-ulang", "--date", "2025-02-03"),
    ("waste", "record", "smpn-6", "--category", "kertas-karton", "--kg", "4", "--destination", "tps", "--date", "2025-02-04"),
    ("waste", "record", "masjid-a", "--category", "sisa-makanan", "--kg", "20", "--destination", "kompos", "--date", "2025-03-10"),
    ("waste", "record", "masjid-a", "--category", "lainnya", "--kg", "3.5", "--destination", "tidak-terkelola", "--date", "2025-03-11"),
    ("exchange", "record", "smpn-6", "--bottles", "50", "--weight-kg", "1.0", "--date", "2025-04-01"),
]


@dataclass
class Packs:
    db: str
    position: int
    plain: Path  # all sites, English
    signed: Path  # the same, signed with dlh
    site: Path  # smpn-6 only, English
    dlh: Path  # private key; dlh.pub beside it
    other: Path  # another key pair


@pytest.fixture(scope="module", params=BACKENDS)
def packs(request, tmp_path_factory) -> Packs:
    """One store per backend with the city, and its packs, exported once for the module."""
    folder = tmp_path_factory.mktemp("packs")
    schema = None
    if request.param == "sqlite":
        db = str(folder / "envtrack.db")
    else:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        db = _pg_url_with_schema(schema)
    try:
        for args in RECORDS:
            assert invoke(db, *args).exit_code == 0
        for name in ("dlh", "other"):
            assert invoke(db, "evidence", "keygen", "--out", str(folder / name)).exit_code == 0
        made = Packs(db, resolve(db).head_position(), folder / "plain", folder / "signed", folder / "site",
                     folder / "dlh", folder / "other")
        for out, extra in ((made.plain, ()), (made.signed, ("--sign", str(made.dlh))), (made.site, ("--site", "smpn-6"))):
            run = invoke(db, "evidence", "export", "--year", "2025", "--out", str(out), *extra)
            assert run.exit_code == 0, run.stderr
        yield made
    finally:
        if schema:
            _drop_pg_schema(schema)


# Forgeries of the pack's files alone (not of what the store gives back) are caught the same way
# whatever the store: those run on SQLite only.
FILES_ONLY = pytest.mark.parametrize("packs", ["sqlite"], indirect=True)


def copy(source: Path, tmp_path: Path) -> Path:
    out = tmp_path / "pack"
    shutil.copytree(source, out)
    return out


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def write_manifest(out: Path, manifest: dict) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def rehash(out: Path, *names: str) -> None:
    """What a forger does after changing files: their new SHA-256 into the manifest."""
    manifest = manifest_of(out)
    for name in names:
        manifest["files"][name] = hashlib.sha256((out / name).read_bytes()).hexdigest()
    write_manifest(out, manifest)


def verify(packs: Packs, out: Path, *args: str):
    return invoke(packs.db, "evidence", "verify", str(out), *args)


def differences(run) -> list[str]:
    assert run.exit_code == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stdout.splitlines()
    assert run.stderr.splitlines()[-1].endswith(f"does not verify: {len(lines)} differences")
    return lines


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


# -- the fresh packs -----------------------------------------------------------------------------


def test_the_fresh_packs_verify(packs):
    for out in (packs.plain, packs.site):
        run = verify(packs, out)
        assert run.exit_code == 0, run.stdout
        assert run.stdout == ""
    signed = verify(packs, packs.signed, "--key", f"{packs.dlh}.pub")
    assert signed.exit_code == 0, signed.stdout
    assert "signature manifest.sig valid" in signed.stderr


# -- tables --------------------------------------------------------------------------------------


def test_a_rehashed_csv_with_a_raised_percentage_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    rows = csv_rows(out / "indikator-total.csv")
    (row,) = [i for i, cells in enumerate(rows) if cells[0] == "waste.pct_pengurangan"]
    assert rows[row][2] == "81.71"
    rows[row][2] = "35.0"
    write_csv(out / "indikator-total.csv", rows)
    rehash(out, "indikator-total.csv")

    assert differences(verify(packs, out)) == [
        f"table indikator-total.csv row {row + 1} (waste.pct_pengurangan), column value: "
        f"the pack has 35.0, the log at position {packs.position} gives 81.71"
    ]


def test_a_rehashed_xlsx_with_an_edited_cell_is_caught(packs, tmp_path):
    from openpyxl import load_workbook

    out = copy(packs.plain, tmp_path)
    workbook = load_workbook(out / "indikator-bulan.xlsx")
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    column = header.index("timbulan_kg") + 1
    assert sheet.cell(row=4, column=1).value == "2025-03"
    assert sheet.cell(row=4, column=column).value == 23.5
    sheet.cell(row=4, column=column).value = 2.35
    workbook.save(out / "indikator-bulan.xlsx")
    rehash(out, "indikator-bulan.xlsx")

    assert differences(verify(packs, out)) == [
        f"table indikator-bulan.xlsx sheet indikator-bulan row 4 (2025-03), column timbulan_kg: "
        f"the pack has 2.35, the log at position {packs.position} gives 23.5"
    ]


def test_a_duplicated_table_row_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    rows = csv_rows(out / "indikator-bulan.csv")
    assert rows[3][0] == "2025-03"
    write_csv(out / "indikator-bulan.csv", [*rows[:4], rows[3], *rows[4:]])
    rehash(out, "indikator-bulan.csv")

    (line,) = differences(verify(packs, out))
    # one of the two equal rows (4 and 5) is the extra one
    assert line.startswith("table indikator-bulan.csv row ")
    assert "(2025-03): a duplicate of row " in line
    assert line.endswith(f"not in the table the log at position {packs.position} gives")


# -- charts and the report -----------------------------------------------------------------------


@FILES_ONLY
def test_a_rehashed_chart_swapped_for_another_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    original = manifest_of(out)["files"]["grafik-3-per-lokasi.png"]
    shutil.copy(out / "grafik-2-komposisi-jenis.png", out / "grafik-3-per-lokasi.png")
    rehash(out, "grafik-3-per-lokasi.png")

    # made again, the chart has exactly the bytes the export wrote: rendering is reproducible
    assert differences(verify(packs, out)) == [
        f"file grafik-3-per-lokasi.png: not the file envtrack makes from the log at position {packs.position} "
        f"(made again here, its SHA-256 is {original})"
    ]


@FILES_ONLY
def test_another_packs_report_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    original = manifest_of(out)["files"]["laporan.pdf"]
    shutil.copy(packs.site / "laporan.pdf", out / "laporan.pdf")
    rehash(out, "laporan.pdf")

    assert differences(verify(packs, out)) == [
        f"file laporan.pdf: not the file envtrack makes from the log at position {packs.position} "
        f"(made again here, its SHA-256 is {original})"
    ]


# -- the file set --------------------------------------------------------------------------------


@FILES_ONLY
def test_a_report_deleted_with_its_manifest_line_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    (out / "laporan.pdf").unlink()
    manifest = manifest_of(out)
    del manifest["files"]["laporan.pdf"]
    write_manifest(out, manifest)

    assert differences(verify(packs, out)) == [
        "file laporan.pdf: missing, and dropped from the manifest: every evidence pack has it"
    ]


@FILES_ONLY
def test_an_extra_file_listed_in_the_manifest_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    shutil.copy(out / "grafik-1-target-bulanan.png", out / "grafik-6-tambahan.png")
    rehash(out, "grafik-6-tambahan.png")

    assert differences(verify(packs, out)) == [
        "file grafik-6-tambahan.png: listed in the manifest, but not a file of an evidence pack"
    ]


# -- the manifest's fields -----------------------------------------------------------------------


@FILES_ONLY
def test_edited_targets_are_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    manifest["targets"]["pct_pengurangan"] = 80
    manifest["indicators"]["waste"]["target"]["pct_pengurangan"] = 80
    write_manifest(out, manifest)

    assert differences(verify(packs, out)) == [
        f"manifest targets.pct_pengurangan: 80; made again from the log at position {packs.position}: 30",
        f"indicator waste.target.pct_pengurangan: manifest 80, the log at position {packs.position} gives 30",
    ]


@pytest.mark.parametrize(
    "field, value, expected",
    [
        (("period", "year"), 2024, "2025"),
        (("scope", "label"), "Kota Mojokerto (seluruh kota)", "All sites"),
        (("log_chain", "events"), 70, "7"),
    ],
)
def test_edited_metadata_is_caught(packs, tmp_path, field, value, expected):
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    manifest[field[0]][field[1]] = value
    write_manifest(out, manifest)

    assert differences(verify(packs, out)) == [
        f"manifest {'.'.join(field)}: {value}; made again from the log at position {packs.position}: {expected}"
    ]


@FILES_ONLY
def test_an_edited_version_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    version = manifest["envtrack_version"]
    manifest["envtrack_version"] = "0.0.9"
    write_manifest(out, manifest)

    lines = differences(verify(packs, out))
    # made again as envtrack 0.0.9 would be (its name is in every chart's and the report's
    # metadata), no chart and not the report match: every one is listed, then why
    drawn = [line.split(":")[0] for line in lines[:-1]]
    assert drawn == [f"file {name}" for name in sorted(manifest["files"]) if name.endswith((".png", ".svg", ".pdf"))]
    assert lines[-1] == (
        f"renderer: the pack was made with envtrack 0.0.9 (here {version}): the 11 files above may differ "
        "for that alone; verify with those versions to compare them"
    )


def test_a_generated_time_before_the_newest_event_is_caught(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    manifest["generated_at"] = "2020-01-01T00:00:00Z"
    write_manifest(out, manifest)

    lines = differences(verify(packs, out))
    assert lines[0].startswith(
        f"manifest generated_at 2020-01-01T00:00:00Z: before the newest event it covers was recorded (position {packs.position}, "
    )
    # the cover of the report prints the generated time: made again with this one, it differs
    assert len(lines) == 2 and lines[1].startswith("file laporan.pdf: not the file envtrack makes")


@FILES_ONLY
def test_a_plausible_generated_time_is_caught_by_the_report_that_prints_it(packs, tmp_path):
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    generated = datetime.strptime(manifest["generated_at"], "%Y-%m-%dT%H:%M:%SZ")
    manifest["generated_at"] = (generated + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    write_manifest(out, manifest)

    (line,) = differences(verify(packs, out))
    assert line.startswith("file laporan.pdf: not the file envtrack makes from the log")


# -- signatures ----------------------------------------------------------------------------------


@FILES_ONLY
def test_a_signed_manifest_edited_afterwards_fails_the_signature(packs, tmp_path):
    out = copy(packs.signed, tmp_path)
    data = (out / "manifest.json").read_bytes()
    (out / "manifest.json").write_bytes(data.replace(b'"lang": "en"', b'"lang": "id"'))

    lines = differences(verify(packs, out, "--key", f"{packs.dlh}.pub"))
    assert lines[0].startswith("signature manifest.sig: not a valid signature of manifest.json by --key ")
    assert lines[0].endswith("the manifest or the signature was changed after signing")


@FILES_ONLY
def test_a_pack_signed_with_another_key_fails(packs, tmp_path):
    """A forger signs the pack with a key of their own, naming it in the manifest."""
    from cryptography.hazmat.primitives import serialization

    out = copy(packs.signed, tmp_path)
    dlh, other = _key_id(Path(f"{packs.dlh}.pub")), _key_id(Path(f"{packs.other}.pub"))
    manifest = manifest_of(out)
    assert manifest["signature"]["public_key_sha256"] == dlh
    manifest["signature"]["public_key_sha256"] = other
    write_manifest(out, manifest)
    forger = serialization.load_pem_private_key(packs.other.read_bytes(), password=None)
    (out / "manifest.sig").write_bytes(forger.sign((out / "manifest.json").read_bytes()))

    assert differences(verify(packs, out, "--key", f"{packs.dlh}.pub")) == [
        f"signature manifest.sig: made with another key (the manifest names key {other}; --key is {dlh})"
    ]


@FILES_ONLY
def test_a_missing_signature_fails_when_a_key_is_given(packs):
    unsigned = verify(packs, packs.plain, "--key", f"{packs.dlh}.pub")
    assert differences(unsigned) == ["signature manifest.sig: missing (--key was given)"]


def _key_id(public: Path) -> str:
    """SHA-256 of the DER form of a PEM public key, worked out from the PEM by hand."""
    import base64

    body = "".join(line for line in public.read_text().splitlines() if not line.startswith("-----"))
    return hashlib.sha256(base64.b64decode(body)).hexdigest()


@FILES_ONLY
def test_a_pack_of_an_earlier_format_is_checked_as_far_as_it_can_be(packs, tmp_path):
    """A pack of envtrack 0.1.0 (format 1) has no renderer and no file kinds: its files' hashes
    and the log chain are checked, and verify says it cannot check the rest."""
    out = copy(packs.plain, tmp_path)
    manifest = manifest_of(out)
    manifest["envtrack_evidence_pack"] = 1
    for field in ("renderer", "compared_by", "signature"):
        del manifest[field]
    write_manifest(out, manifest)

    assert differences(verify(packs, out)) == [
        "manifest envtrack_evidence_pack 1: this envtrack checks format 2 packs in full; only the files' SHA-256 "
        f"and the log chain were checked (made by envtrack {manifest['envtrack_version']}: verify it with that version)"
    ]


@FILES_ONLY
def test_a_signed_pack_drawn_by_another_renderer_is_noted_not_failed(packs, tmp_path):
    """The DLH exported with another matplotlib, whose chart has other bytes, and signed it:
    without the key verify cannot tell that from a forgery; with it, the signed hashes vouch."""
    from cryptography.hazmat.primitives import serialization

    out = copy(packs.signed, tmp_path)
    chart = out / "grafik-1-target-bulanan.png"
    chart.write_bytes(chart.read_bytes() + b"\0")  # trailing bytes: another encoder's output, say
    rehash(out, chart.name)
    manifest = manifest_of(out)
    here = manifest["renderer"]["matplotlib"]
    manifest["renderer"]["matplotlib"] = "3.0.0"
    write_manifest(out, manifest)
    dlh = serialization.load_pem_private_key(packs.dlh.read_bytes(), password=None)
    (out / "manifest.sig").write_bytes(dlh.sign((out / "manifest.json").read_bytes()))
    drawn = f"file {chart.name}: not the file envtrack makes from the log at position {packs.position} "
    renderer = (
        f"renderer: the pack was made with matplotlib 3.0.0 (here {here}): the 1 files above may differ for that "
        "alone; verify with those versions to compare them"
    )

    unsigned = differences(verify(packs, out))
    assert [line[: len(drawn)] for line in unsigned[:-1]] == [drawn] and unsigned[-1] == renderer

    signed = verify(packs, out, "--key", f"{packs.dlh}.pub")
    assert signed.exit_code == 0, signed.stdout
    assert signed.stdout == ""
    notes = [line for line in signed.stderr.splitlines() if line.startswith("note: ")]
    assert [line[: len("note: " + drawn)] for line in notes[:-1]] == ["note: " + drawn]
    assert notes[-1] == f"note: {renderer}"
    assert "signature manifest.sig valid" in signed.stderr
