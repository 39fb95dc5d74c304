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
    # -- closures from their date (domain/sites.py) ----------------------------------------------
    "site_closed_from": {
        "en": "is closed from {closed_on} ({reason}): only records dated before {closed_on} are accepted",
        "id": "ditutup sejak {closed_on} ({reason}): hanya catatan bertanggal sebelum {closed_on} yang diterima",
    },
    # -- no store where --db points (envtrack/application.py) -----------------------------------
    "no_store_here": {
        "en": "has no envtrack store at {path}: change to the folder that holds your store, or give its "
        "path or URL before the command: envtrack --db PATH … ('envtrack init' starts a new store at {path})",
        "id": "belum berisi penyimpanan envtrack di {path}: pindah ke folder tempat penyimpanan Anda, atau "
        "berikan path atau URL-nya sebelum perintah: envtrack --db PATH … ('envtrack init' membuat "
        "penyimpanan baru di {path})",
    },
}
