"""Labels of sync and bundles (section 15), in Indonesian and English; ``envtrack.i18n`` serves
them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- what a sync did (stderr) ------------------------------------------------------------
    "sync.copying": {"id": "menyalin", "en": "copying"},
    "sync.pushed": {
        "id": "dikirim ke {store}: {taken} diterima, {skipped} sudah ada, {held} ditahan",
        "en": "pushed to {store}: {taken} taken, {skipped} already there, {held} held aside",
    },
    "sync.pulled": {
        "id": "diambil dari {store}: {taken} diterima, {skipped} sudah ada, {held} ditahan",
        "en": "pulled from {store}: {taken} taken, {skipped} already there, {held} held aside",
    },
    "sync.imported": {
        "id": "{path} (penyimpanan {source}, sampai posisi {upto}): {taken} diterima, {skipped} sudah ada, "
        "{held} ditahan",
        "en": "{path} (store {source}, up to position {upto}): {taken} taken, {skipped} already there, "
        "{held} held aside",
    },
    "sync.exported": {
        "id": "{path}: {events} kejadian ditulis (log penyimpanan ini setelah posisi {after}, sampai {upto})",
        "en": "{path}: {events} events written (this store's log after position {after}, up to {upto})",
    },
    "sync.not_remembered": {
        "id": "peringatan: bundel ditulis, tetapi penyimpanan ini tidak dapat mencatatnya ({error}); "
        "bundel berikutnya akan memuat kejadian ini lagi",
        "en": "warning: the bundle was written, but this store could not record it ({error}); "
        "the next bundle will carry these events again",
    },
    "sync.held": {
        "id": "kejadian ditahan: {held}, karena konflik: {conflicts}; selebihnya diterima "
        "('envtrack sync status' mencantumkannya)",
        "en": "events held aside: {held}, by conflicts: {conflicts}; everything else was taken "
        "('envtrack sync status' lists them)",
    },
    "sync.nothing_taken": {
        "id": "(belum ada kejadian yang diambil dari penyimpanan lain)",
        "en": "(no events taken from other stores yet)",
    },
    # -- a conflict, as one line -------------------------------------------------------------
    "sync.conflict": {
        "id": "konflik: {record} {aggregate} versi {version}{where}; dipertahankan: {kept}; ditahan: {incoming}; "
        "kejadian ditahan: {held}",
        "en": "conflict: {record} {aggregate} version {version}{where}; kept: {kept}; held: {incoming}; "
        "events held: {held}",
    },
    "sync.where_site": {"id": " (lokasi {site})", "en": " (site {site})"},
    "sync.where_entry": {"id": " (lokasi {site}, entri {entry})", "en": " (site {site}, entry {entry})"},
    "sync.event": {"id": "{event} oleh {operator} pada {on}: {summary}", "en": "{event} by {operator} on {on}: {summary}"},
    # -- sync status headings --------------------------------------------------------------------
    "col.store_id": {"id": "Id penyimpanan", "en": "Store id"},
    "col.exported_upto": {"id": "Diekspor ke bundel sampai posisi", "en": "Exported to bundles up to position"},
    "col.source_store": {"id": "Penyimpanan sumber", "en": "Source store"},
    "col.last_position": {"id": "Posisi terakhir diambil", "en": "Last position taken"},
    "col.events_taken": {"id": "Kejadian diterima", "en": "Events taken"},
    "col.events_held": {"id": "Kejadian ditahan", "en": "Events held"},
    "col.conflict_count": {"id": "Konflik", "en": "Conflicts"},
    "col.record": {"id": "Catatan", "en": "Record"},
    "col.aggregate": {"id": "Agregat", "en": "Aggregate"},
    "col.version": {"id": "Versi", "en": "Version"},
    "col.kept": {"id": "Dipertahankan", "en": "Kept"},
    "col.incoming": {"id": "Ditahan", "en": "Held"},
    "col.held": {"id": "Jumlah ditahan", "en": "Events held"},
    "col.origin": {"id": "Asal", "en": "Origin"},
}
