"""Import memory: a CSV logbook of 1,000,000 waste rows imported by ``envtrack import`` in a fresh
process into a new store, then imported again (every row found present); the peak resident
memory (max RSS) of each process, as the kernel reports it for the child (``wait4``), and its
rows/s. Bar: peak under 400 MB.

    .venv/bin/python bench/import_memory.py [--rows 1000000] [--db 'postgresql://…?schema=NAME']
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from import_rate import SITES, count_entries, fresh_schema, write_csv
from timing import envtrack_of_tree  # bench/timing.py (scripts run from bench/)

BAR_MB = 400


def measured(db: str, *args: str) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one envtrack process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        envtrack_of_tree("--db", db, "--operator", "bench", *args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"envtrack {' '.join(args)} failed with exit {code}: {process.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss: KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", help="a postgresql://…?schema=NAME URL (the schema is made anew, then dropped)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        logbook = os.path.join(workdir, "sampah.csv")
        write_csv(logbook, options.rows)
        size_mb = os.path.getsize(logbook) / 1e6
        db = options.db or os.path.join(workdir, "import.db")
        if options.db:
            fresh_schema(options.db)
        for site in SITES:
            measured(db, "site", "add", site, "--kind", "community", "--name", site.upper())
        wall, cpu, peak = measured(db, "import", logbook)
        entries = count_entries(db)
        assert entries == options.rows, f"{entries} entries written, {options.rows} expected"
        again_wall, again_cpu, again_peak = measured(db, "import", logbook)
        if options.db:
            fresh_schema(options.db)
    store = "PostgreSQL" if options.db else "SQLite"
    print(f"load average {os.getloadavg()[0]:.1f}; {options.rows:,} waste rows, CSV of {size_mb:.0f} MB, {store}")
    print(f"import: peak RSS {peak:,.0f} MB; {options.rows / wall:,.0f} rows/s wall ({wall:.1f} s), "
          f"{options.rows / cpu:,.0f} rows/s of CPU ({cpu:.1f} s)")
    print(f"re-import (nothing new): peak RSS {again_peak:,.0f} MB; {options.rows / again_wall:,.0f} rows/s wall "
          f"({again_wall:.1f} s), {again_cpu:.1f} s CPU")
    print(f"bar: peak < {BAR_MB} MB:", "met" if max(peak, again_peak) < BAR_MB else "NOT met")


if __name__ == "__main__":
    sys.exit(main())
