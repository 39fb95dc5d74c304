"""Packs are reproducible: the same contents give the same bytes, whatever the matplotlib settings
of the process, the hash seed, the clock or the time zone; the only time in any file is the
pack's ``generated_at``."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import time
from datetime import date

import pytest

from envtrack.application import EnvTrack
from envtrack.i18n import labels
from envtrack.store import resolve
from projections import evidence
from projections.chain import chain_head
from projections.packcompare import xlsx_sheets
from projections.replay import replay_frames

GENERATED = "2026-01-05T07:08:09Z"


@pytest.fixture
def pack(sqlite_db):
    """smpn-6: 12.5 kg plastik to daur-ulang (Feb), 50 bottles of 1.0 kg (Apr)."""
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: date(2025, 6, 30))
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    app.record_waste("smpn-6", category="plastik", kg=12.5, destination="daur-ulang", on=date(2025, 2, 3))
    app.record_exchange("smpn-6", bottles=50, weight_kg=1.0, on=date(2025, 4, 1))
    app.close()
    store = resolve(sqlite_db)
    position = store.head_position()
    return evidence.derive(
        replay_frames(store, position), chain_head(store, position), evidence.PackRequest(2025, None, "id"),
        labels("id"), generated=GENERATED, version="9.9.9",
    )


def png_chunks(data: bytes) -> list[bytes]:
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        chunks.append(data[offset + 4:offset + 8])
        offset += 12 + length
    return chunks


def test_the_same_pack_gives_the_same_bytes_whatever_the_process_settings(pack, tmp_path):
    import matplotlib

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    evidence.write_files(pack, first, labels("id"))
    with matplotlib.rc_context({"font.family": "serif", "lines.linewidth": 5, "svg.hashsalt": None,
                                "savefig.dpi": 30, "pdf.fonttype": 42, "text.parse_math": True,
                                "axes.facecolor": "#ff0000", "svg.fonttype": "none"}):
        evidence.write_files(pack, second, labels("id"))

    for name, kind in evidence.compared_by().items():
        if kind == "bytes":
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
        else:
            assert xlsx_sheets(first / name) == xlsx_sheets(second / name), name


def test_the_only_time_in_the_files_is_the_generated_time(pack, tmp_path):
    evidence.write_files(pack, tmp_path, labels("id"))

    report = (tmp_path / "laporan.pdf").read_bytes()
    assert re.findall(rb"/CreationDate \(D:(\d{14})Z\)", report) == [b"20260105070809"]
    assert b"/ModDate" not in report
    for stem in evidence.CHARTS:
        svg = (tmp_path / f"{stem}.svg").read_text(encoding="utf-8")
        assert "<dc:date>" not in svg and "envtrack 9.9.9" in svg
        png = (tmp_path / f"{stem}.png").read_bytes()
        assert b"tIME" not in png_chunks(png)
        assert b"Software\x00envtrack 9.9.9" in png


@pytest.mark.slow
def test_a_pack_exported_in_one_process_verifies_in_another_with_other_settings(sqlite_db, tmp_path):
    """Real processes: another hash seed, time zone, SOURCE_DATE_EPOCH and the user's own
    matplotlibrc (in MPLCONFIGDIR and in the working folder) change no byte."""
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: date(2025, 6, 30))
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    app.record_waste("smpn-6", category="plastik", kg=12.5, destination="daur-ulang", on=date(2025, 2, 3))
    app.close()
    rc = tmp_path / "rc"
    rc.mkdir()
    (rc / "matplotlibrc").write_text("font.family: serif\nsvg.hashsalt: another\nlines.linewidth: 4\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ENVTRACK_", "MPL", "SOURCE_DATE"))}

    def envtrack(*args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "envtrack", "--db", sqlite_db, "--lang", "en", *args],
                              env={**base, **env}, cwd=env.get("CWD", str(tmp_path)), capture_output=True, text=True,
                              timeout=300)

    for out, seed in (("one", "1"), ("two", "2")):
        done = envtrack("evidence", "export", "--year", "2025", "--out", str(tmp_path / out), PYTHONHASHSEED=seed, TZ="UTC")
        assert done.returncode == 0, done.stderr
        time.sleep(1.1)  # another generated_at

    # charts and tables carry no time: two exports a second apart are the same, byte for byte
    for name, kind in evidence.compared_by().items():
        if kind == "bytes" and name != "laporan.pdf":
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert (tmp_path / "one" / "laporan.pdf").read_bytes() != (tmp_path / "two" / "laporan.pdf").read_bytes()

    checked = envtrack("evidence", "verify", str(tmp_path / "one"), PYTHONHASHSEED="3", TZ="Asia/Jakarta",
                       SOURCE_DATE_EPOCH="0", MPLCONFIGDIR=str(rc), CWD=str(rc))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == ""
