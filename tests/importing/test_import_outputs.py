"""What an import leaves behind: its temporary files are anonymous and gone however it ends,
and output it cannot finish (a full disk behind stdout) is a clean refusal, not a traceback.
Real processes, as the shell runs them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from importing.conftest import write_csv, write_xlsx

pytestmark = pytest.mark.slow

ROWS = [["date", "site", "category", "kg", "destination"]] + [
    [f"2025-04-{1 + n % 28:02d}", "rw-03-kranggan", "plastik", str(n + 1), "tps"] for n in range(2_500)
]


def envtrack(db: str, *args: str, stdout=subprocess.PIPE, tmp: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENVTRACK_")}
    if tmp is not None:
        env["TMPDIR"] = tmp
    return subprocess.run(
        [sys.executable, "-m", "envtrack", "--db", db, "--lang", "en", "--operator", "dlh", *args],
        stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=180, env=env,
    )


@pytest.mark.parametrize("bad", [False, True])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_import_leaves_no_temporary_file(city, tmp_path, fmt, bad):
    rows = [list(row) for row in ROWS]
    if bad:
        rows[-1][3] = "0"
    logbook = write_csv(tmp_path / "x.csv", rows) if fmt == "csv" else write_xlsx(tmp_path / "x.xlsx", {"S": rows})
    tmp = tmp_path / "tmp"
    tmp.mkdir()

    result = envtrack(city, "import", str(logbook), tmp=str(tmp))

    assert result.returncode == (1 if bad else 0), result.stderr
    assert list(tmp.iterdir()) == []


def test_a_template_to_a_full_disk_is_a_clean_refusal(city):
    with open("/dev/full", "w") as full:
        result = envtrack(city, "import", "--template", "waste", stdout=full)

    assert result.returncode == 1
    assert result.stderr == "Error: the output cannot be written (No space left on device)\n"


def test_ids_to_a_full_disk_still_import_every_row_and_say_so(city, tmp_path):
    logbook = write_csv(tmp_path / "x.csv", ROWS)

    with open("/dev/full", "w") as full:
        result = envtrack(city, "import", str(logbook), stdout=full)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        f"{logbook}: 2500 rows read, 2500 written, 0 already present",
        "Error: the rows were written, but their entry ids could not be printed: the output cannot be "
        "written (No space left on device)",
    ]
    again = envtrack(city, "import", str(logbook))
    assert again.stdout == ""
    assert f"{logbook}: 2500 rows read, 0 written, 2500 already present" in again.stderr
