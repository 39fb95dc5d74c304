"""Labels of the logbook import (``envtrack import``), in Indonesian and English;
``envtrack.i18n`` serves them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "import.more_problems": {
        "id": "… dan {more} masalah lagi (hanya {shown} yang pertama ditampilkan)",
        "en": "… and {more} more problems (only the first {shown} are shown)",
    },
    "import.skipped": {
        "id": "{file}: {skipped} baris dilewati ({above} di atas baris judul kolom, {blank} kosong, "
        "{totals} JUMLAH/TOTAL/SUBTOTAL)",
        "en": "{file}: {skipped} rows skipped ({above} above the header row, {blank} blank, "
        "{totals} JUMLAH/TOTAL/SUBTOTAL)",
    },
    "import.refused_after_writing": {
        "id": "{file}: {bad} baris ditolak karena penyimpanan berubah setelah pemeriksaan; {written} baris "
        "sudah ditulis sebelumnya (impor ulang berkas ini untuk melihat sisanya)",
        "en": "{file}: {bad} rows refused as the store changed after they were checked; {written} rows "
        "were written before (import the file again to see the rest)",
    },
    "import.ids_not_printed": {
        "id": "baris sudah ditulis, tetapi id entrinya tidak dapat dicetak: {reason}",
        "en": "the rows were written, but their entry ids could not be printed: {reason}",
    },
    "import.stdout_failed": {
        "id": "keluaran tidak dapat ditulis ({reason})",
        "en": "the output cannot be written ({reason})",
    },
}
