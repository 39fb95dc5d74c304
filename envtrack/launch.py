"""The ``envtrack`` command's process: its start-up and its exit without cyclic garbage collection.

Starting a command imports some fifty modules and defines the event classes it reads and
writes; nearly every object this makes lives until the process ends. The cyclic garbage
collector, left on, walks them again and again while they are made, and once more at exit,
finding nothing to free: an eighth of a cold ``waste record``'s CPU on SQLite, a fifth on
PostgreSQL (bench/README.md). So the collector is off while the command's modules load; what
they made is then frozen (left out of every later collection, as ``gc.freeze`` does) and the
collector turned back on for the command itself, whatever it runs; at exit, what the command
made is frozen too, since the process is about to end and hand its memory back whole.

Nothing here changes what a command does: every store is closed, every file written and
closed, and every output flushed by the command before it returns. Only the console script and
``python -m envtrack`` come through here; code that imports ``envtrack.cli`` (the tests among
it) keeps the collector as it is.
"""

from __future__ import annotations

import gc

gc.disable()

from envtrack.cli import main as run_command  # noqa: E402  (imported with the collector off)


def main() -> None:
    gc.freeze()
    gc.enable()
    try:
        run_command()
    finally:
        gc.freeze()
