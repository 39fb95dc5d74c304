"""The verifier's checks one by one, on hand-made packs and manifests (the whole of ``evidence
verify`` on real packs is in tests/cli/test_evidence_forgery.py)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from envtrack.application import EnvTrack
from envtrack.i18n import labels
from envtrack.store import resolve
from projections import signing
from projections.chain import chain_head
from projections.evidence import compared_by
from projections.packcompare import _renderer_differences, diff_rows
from projections.verification import (
    Verification,
    check_fields,
    check_files,
    check_generated,
    check_indicators,
    check_signature,
    recorded_at,
)

EN = labels("en")


def test_every_file_of_the_pack_must_be_listed_a_regular_file_and_nothing_else_listed(tmp_path):
    names = list(compared_by())
    for name in names:
        (tmp_path / name).write_bytes(name.encode())
    files = {name: hashlib.sha256(name.encode()).hexdigest() for name in names}
    del files["laporan.pdf"]  # there, but not listed
    (tmp_path / "maduleni-bulan.csv").unlink()
    del files["maduleni-bulan.csv"]  # neither there nor listed
    (tmp_path / "sambo-bulan.csv").unlink()
    (tmp_path / "sambo-bulan.csv").symlink_to(tmp_path / "sambo-bulan.xlsx")  # a link in its place
    (tmp_path / "indikator-total.xlsx").unlink()  # listed, not there
    files["grafik-6.png"] = "0" * 64  # listed, not a pack file
    files["indikator-bulan.csv"] = "f" * 64  # another hash
    (tmp_path / "catatan.txt").write_text("notes")
    result = Verification()

    usable = check_files(tmp_path, {"files": files}, EN, result)

    actual = hashlib.sha256(b"indikator-bulan.csv").hexdigest()
    assert sorted(result.differences) == sorted([
        "file laporan.pdf: every evidence pack has it, but the manifest does not list it",
        "file maduleni-bulan.csv: missing, and dropped from the manifest: every evidence pack has it",
        "file sambo-bulan.csv: a symbolic link, not a file of the pack",
        "file indikator-total.xlsx: missing",
        "file grafik-6.png: listed in the manifest, but not a file of an evidence pack",
        f"file indikator-bulan.csv: SHA-256 differs (manifest {'f' * 64}, now {actual})",
    ])
    assert result.notes == ["note: catatan.txt is not part of the pack (not in the manifest)"]
    assert "sambo-bulan.csv" not in usable and "indikator-total.xlsx" not in usable
    assert "indikator-bulan.csv" in usable and "grafik-1-target-bulanan.png" in usable
    assert result.files == len(files)


def test_fields_are_compared_and_unknown_or_missing_ones_named():
    expected = {"scope": {"site": None, "label": "All sites"}, "period": {"year": 2025}, "lang": "en",
                "generated_at": "2026-01-01T00:00:00Z", "log_chain": {"events": 7, "head": "ab"}}
    manifest = {"scope": {"site": None, "label": "All sites", "stamp": "OK"}, "period": {}, "lang": "en",
                "generated_at": "2026-05-05T00:00:00Z", "log_chain": {"events": 7, "head": "cd"}, "extra": 1}
    result = Verification()

    check_fields(manifest, expected, EN, result, 9)

    # generated_at is the pack's own parameter (checked apart); the chain head is checked with the log
    assert result.differences == [
        "manifest scope.stamp: not a field of an evidence pack",
        "manifest extra: not a field of an evidence pack",
        "manifest period.year: missing (expected 2025)",
    ]


def test_table_rows_are_counted_per_group_so_a_duplicated_row_is_caught():
    row = {"site": "smpn-6", "timbulan_kg": 17.5}
    values = {"total": {"waste": {"timbulan_kg": 17.5}}, "by_site": [row]}
    manifest = {"indicators": {"waste": {"timbulan_kg": 17.5}}, "tables": {"by_site": [row, dict(row)]}}
    result = Verification()

    check_indicators(manifest, values, EN, result, 7)

    assert result.differences == ["indicator by_site[smpn-6]: 2 rows in the manifest, the log at position 7 gives 1"]


@pytest.fixture
def recorded(sqlite_db):
    """One site added: one event, recorded now."""
    before = datetime.now(timezone.utc).replace(microsecond=0)
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: date(2025, 6, 30))
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    app.close()
    store = resolve(sqlite_db)
    return store, chain_head(store, store.head_position()), before


def test_the_recorded_time_of_an_event_is_read_from_the_log(recorded):
    store, chain, before = recorded
    stamp = recorded_at(store, chain.last_position)
    assert before <= stamp <= datetime.now(timezone.utc)


@pytest.mark.parametrize(
    "shift, line",
    [
        (timedelta(0), None),
        (timedelta(minutes=9), None),  # a clock a little ahead is allowed
        (timedelta(minutes=-9), None),  # … or a little behind the recording one
        (timedelta(days=400), "in the future (now {now})"),
        (timedelta(days=-400), "before the newest event it covers was recorded (position 1, {recorded})"),
    ],
)
def test_the_generated_time_is_neither_in_the_future_nor_before_the_events(recorded, shift, line):
    store, chain, _before = recorded
    now = datetime.now(timezone.utc)
    stamp = recorded_at(store, chain.last_position)
    generated = (stamp + shift).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = Verification()

    check_generated(store, {"generated_at": generated}, chain, EN, result, now)

    if line is None:
        assert result.differences == []
    else:
        text = line.format(now=now.strftime("%Y-%m-%dT%H:%M:%SZ"), recorded=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
        assert result.differences == [f"manifest generated_at {generated}: {text}"]


@pytest.mark.parametrize("value", ["2026-01-01 00:00:00", "2026-01-01T00:00:00+07:00", "1 Januari 2026", ""])
def test_a_generated_time_not_written_as_envtrack_writes_it_is_named(recorded, value):
    store, chain, _before = recorded
    result = Verification()
    check_generated(store, {"generated_at": value}, chain, EN, result, datetime.now(timezone.utc))
    assert result.differences == [
        f"manifest generated_at {value}: not a UTC time as envtrack writes it (YYYY-MM-DDTHH:MM:SSZ)"
    ]


# -- signatures ----------------------------------------------------------------------------------


@pytest.fixture
def keys(tmp_path):
    made = {}
    for name in ("dlh", "other"):
        signing.generate(tmp_path / name)
        made[name] = (signing.load_private(tmp_path / name), signing.load_public(tmp_path / f"{name}.pub"))
    return made


def signed_pack(folder: Path, key, claimed: str | None) -> tuple[bytes, dict]:
    data = b'{"signature": "..."}\n'
    folder.mkdir()
    (folder / "manifest.sig").write_bytes(signing.sign(key, data))
    return data, {"signature": None if claimed is None else {"public_key_sha256": claimed}}


def test_a_valid_signature_names_its_key(tmp_path, keys):
    private, public = keys["dlh"]
    data, manifest = signed_pack(tmp_path / "pack", private, signing.key_id(public))
    result = Verification()
    check_signature(tmp_path / "pack", data, manifest, public, EN, result)
    assert result.differences == [] and result.signed_by == signing.key_id(public)


def test_a_damaged_signature_or_manifest_fails(tmp_path, keys):
    private, public = keys["dlh"]
    data, manifest = signed_pack(tmp_path / "pack", private, signing.key_id(public))
    signature = bytearray((tmp_path / "pack" / "manifest.sig").read_bytes())
    signature[0] ^= 1
    (tmp_path / "pack" / "manifest.sig").write_bytes(bytes(signature))
    for pack_data in (data, data.replace(b"...", b"..!")):
        result = Verification()
        check_signature(tmp_path / "pack", pack_data, manifest, public, EN, result)
        assert result.differences == [
            f"signature manifest.sig: not a valid signature of manifest.json by --key {signing.key_id(public)}: "
            "the manifest or the signature was changed after signing"
        ]
        assert result.signed_by is None


def test_a_signature_by_another_key_names_both_keys(tmp_path, keys):
    other_private, other_public = keys["other"]
    _dlh_private, dlh_public = keys["dlh"]
    data, manifest = signed_pack(tmp_path / "pack", other_private, signing.key_id(other_public))
    result = Verification()
    check_signature(tmp_path / "pack", data, manifest, dlh_public, EN, result)
    assert result.differences == [
        f"signature manifest.sig: made with another key (the manifest names key {signing.key_id(other_public)}; "
        f"--key is {signing.key_id(dlh_public)})"
    ]


def test_without_a_key_a_signature_is_noted_and_a_missing_one_a_difference(tmp_path, keys):
    private, public = keys["dlh"]
    key = signing.key_id(public)
    data, manifest = signed_pack(tmp_path / "pack", private, key)
    noted = Verification()
    check_signature(tmp_path / "pack", data, manifest, None, EN, noted)
    assert noted.differences == []
    assert noted.notes == [f"note: the pack is signed (key SHA-256 {key}); give --key with the public key to check manifest.sig"]

    (tmp_path / "pack" / "manifest.sig").unlink()
    dropped = Verification()
    check_signature(tmp_path / "pack", data, manifest, None, EN, dropped)
    assert dropped.differences == ["signature manifest.sig: missing, though the manifest says the pack is signed"]


def test_a_signature_file_that_is_a_symlink_counts_as_missing(tmp_path, keys):
    private, public = keys["dlh"]
    data, manifest = signed_pack(tmp_path / "pack", private, signing.key_id(public))
    (tmp_path / "pack" / "manifest.sig").rename(tmp_path / "elsewhere.sig")
    (tmp_path / "pack" / "manifest.sig").symlink_to(tmp_path / "elsewhere.sig")
    result = Verification()
    check_signature(tmp_path / "pack", data, manifest, public, EN, result)
    assert result.differences == ["signature manifest.sig: missing (--key was given)"]


# -- tables and renderers ------------------------------------------------------------------------


def test_rows_are_matched_so_that_one_change_gives_one_line():
    expected = [("month", "kg"), ("2025-01", "1.0"), ("2025-02", "2.0"), ("2025-03", "3.0")]
    found = [("month", "kg"), ("2025-01", "1.0"), ("2025-02", "2.5"), ("2025-02", "2.5"), ("2025-03", "3.0")]
    lines = diff_rows("t.csv", found, expected, EN, 4)
    assert lines == [
        "table t.csv row 3 (2025-02), column kg: the pack has 2.5, the log at position 4 gives 2.0",
        "table t.csv row 4 (2025-02): a duplicate of row 3, not in the table the log at position 4 gives",
    ]
    assert diff_rows("t.csv", expected[:2] + expected[3:], expected, EN, 4) == [
        "table t.csv: row 3 (2025-02) of the table the log at position 4 gives is missing"
    ]


def test_cells_of_a_workbook_compare_by_type_too():
    lines = diff_rows("t.xlsx", [("key", "value"), ("a", "81.71")], [("key", "value"), ("a", 81.71)], EN, 4,
                      sheet="s", typed=True)
    assert lines == [
        "table t.xlsx sheet s row 2 (a), column value: the pack has '81.71' (text), the log at position 4 gives 81.71"
    ]


def test_renderer_differences_name_the_versions_and_font_files():
    here = {"envtrack": "0.2.0", "matplotlib": "3.11.2", "fonts": {"DejaVuSans.ttf": "a", "DejaVuSans-Bold.ttf": "b"}}
    pack = {"envtrack": "0.2.0", "matplotlib": "3.10.0", "fonts": {"DejaVuSans.ttf": "a", "DejaVuSans-Bold.ttf": "c"}}
    assert _renderer_differences(pack, here) == ["matplotlib 3.10.0 (here 3.11.2)", "fonts DejaVuSans-Bold.ttf"]
    assert _renderer_differences(here, here) == []


def test_a_row_group_edited_into_a_list_is_a_difference_not_a_crash():
    values = {"total": {}, "by_site": [{"site": "smpn-6", "timbulan_kg": 1.0}]}
    manifest = {"indicators": {}, "tables": {"by_site": [{"site": ["smpn-6"], "timbulan_kg": 1.0}]}}
    result = Verification()

    check_indicators(manifest, values, EN, result, 3)

    assert 'indicator by_site[["smpn-6"]]: 1 rows in the manifest, the log at position 3 gives 0' in result.differences
    assert "indicator by_site[smpn-6]: 0 rows in the manifest, the log at position 3 gives 1" in result.differences
