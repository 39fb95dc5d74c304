"""How long resolving a SITE typed as a name takes (``envtrack/names.py``), in a store of many
sites: a slug (one primary-key lookup), a registered name (the sites' registrations read from
the log), and an unknown name (the same read, then difflib's close matches).

    .venv/bin/python bench/resolve_names.py [--sites 1000] [--runs 21] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from envtrack.application import EnvTrack  # noqa: E402
from envtrack.names import Directory  # noqa: E402
from envtrack.store import resolve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--db", default=None, help="a store URL (default: a SQLite file in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or os.path.join(folder, "names.db")
        app = EnvTrack(resolve(db), operator="bench", today=lambda: date(2025, 6, 30))
        try:
            for number in range(args.sites):
                app.add_site(f"bank-sampah-{number}", kind="waste-bank", name=f"Bank Sampah Nomor {number}")
        finally:
            app.close()
        cases = {
            "slug": "bank-sampah-500",
            "registered name": "  bank sampah NOMOR 500 ",
            "unknown name (suggestions)": "Bank Sampah Nomer 5000",
        }
        for label, typed in cases.items():
            times = []
            for _ in range(args.runs):
                store = resolve(db)  # a new store per run, as a new process has
                started = time.perf_counter()
                try:
                    Directory(store).site("site", typed)
                except Exception:  # the unknown name's refusal
                    pass
                times.append(time.perf_counter() - started)
                store.close()
            print(f"{label}: median {statistics.median(times) * 1000:.2f} ms over {args.runs} runs, {args.sites} sites")


if __name__ == "__main__":
    main()
