"""The words of the command line's own refusals (section 13: the log's filters, closures from
their date, a store that is not there), in Indonesian and English; ``envtrack.messages`` serves
them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- log filters (envtrack/logfilter.py, envtrack/commands/entries.py) ----------------------
    "unknown_event": {
        "en": "is not an event name: give one of {known}, or a full name such as WasteEntry.Recorded",
        "id": "bukan nama kejadian: berikan salah satu dari {known}, atau nama lengkap seperti WasteEntry.Recorded",
    },
    "ambiguous_entry_of": {
        "en": "is the start of more than one entry id ({candidates}): give more characters",
        "id": "adalah awal dari lebih dari satu id entri ({candidates}): berikan lebih banyak karakter",
    },
}
