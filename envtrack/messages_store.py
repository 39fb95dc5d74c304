"""The words of the store's refusals (a lock held too long, a read-only store, a setting out
of range, an event that cannot be read), in Indonesian and English; ``envtrack.messages``
serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "lock_timeout": {
        "id": "menunggu lebih dari {seconds} detik kunci yang dipegang koneksi lain (ENVTRACK_LOCK_TIMEOUT); "
        "tidak ada yang ditulis: coba lagi setelah kunci dilepas",
        "en": "waited more than {seconds} s for a lock held by another connection (ENVTRACK_LOCK_TIMEOUT); "
        "nothing was written: try again once it is released",
    },
    "not_seconds": {
        "id": "bukan bilangan bulat detik yang lebih dari 0 (mis. 30)",
        "en": "is not a whole number of seconds greater than 0 (e.g. 30)",
    },
    "store_read_only": {
        "id": "hanya-baca (berkas, folder atau disk hanya-baca): tidak ada yang dapat ditulis ke dalamnya",
        "en": "is read-only (a read-only file, folder or disk): nothing can be written to it",
    },
    "event_unreadable": {
        "id": "menyimpan kejadian yang tidak dapat dibaca ({error}); tidak ada yang ditulis",
        "en": "holds an event that cannot be read ({error}); nothing was written",
    },
}
