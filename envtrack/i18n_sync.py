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
        "id": "{path}: kejadian penyimpanan ini setelah posisi {after} sampai {upto} ditulis ({events})",
        "en": "{path}: this store's events after position {after} up to {upto} written ({events})",
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
    # -- refusals ------------------------------------------------------------------------------
    "sync.refused.no_store": {
        "id": "belum berisi penyimpanan envtrack (jalankan 'envtrack init' di sana)",
        "en": "has no envtrack store (run 'envtrack init' there)",
    },
    "sync.refused.no_store_id": {
        "id": "belum punya id penyimpanan: biarkan pemiliknya membukanya sekali ('envtrack init') untuk "
        "menambah tabel yang diperlukan sinkronisasi",
        "en": "has no store id yet: let its owner open it once ('envtrack init') to add the tables sync needs",
    },
    "sync.refused.same_store": {"id": "adalah penyimpanan ini sendiri", "en": "is this same store"},
    "sync.refused.own_bundle": {
        "id": "ditulis oleh penyimpanan ini sendiri; tidak ada yang diimpor",
        "en": "was written by this store; nothing imported",
    },
    "sync.refused.bundle_gap": {
        "id": "dimulai setelah posisi {after} penyimpanan {store}, tetapi penyimpanan ini baru mengambil "
        "kejadiannya sampai posisi {taken}: impor dulu bundel sebelumnya, atau minta bundel yang ditulis "
        "dengan --all; tidak ada yang diimpor",
        "en": "starts after position {after} of store {store}, but this store has taken that store's "
        "events only up to position {taken}: import the bundle written before it first, or ask for one "
        "written with --all; nothing imported",
    },
    "sync.refused.bundle.empty": {"id": "kosong; tidak ada yang diimpor", "en": "is empty; nothing imported"},
    "sync.refused.bundle.no_header": {
        "id": "tidak diawali kepala bundel envtrack; tidak ada yang diimpor",
        "en": "does not start with an envtrack bundle header; nothing imported",
    },
    "sync.refused.bundle.version": {
        "id": "berformat versi {version}, envtrack ini membaca versi {known}; tidak ada yang diimpor",
        "en": "is of format version {version}, this envtrack reads version {known}; nothing imported",
    },
    "sync.refused.bundle.incomplete_header": {
        "id": "kepalanya tidak lengkap; tidak ada yang diimpor",
        "en": "has an incomplete header; nothing imported",
    },
    "sync.refused.bundle.not_gzip": {
        "id": "bukan berkas gzip yang utuh ({error}); tidak ada yang diimpor",
        "en": "is not a whole gzip file ({error}); nothing imported",
    },
    "sync.refused.bundle.cut_line": {
        "id": "berakhir di tengah baris (terpotong); tidak ada yang diimpor",
        "en": "ends in the middle of a line (cut short); nothing imported",
    },
    "sync.refused.bundle.not_an_event": {
        "id": "baris {line} bukan kejadian envtrack; tidak ada yang diimpor",
        "en": "line {line} is not an envtrack event; nothing imported",
    },
    "sync.refused.bundle.out_of_order": {
        "id": "baris {line}: posisi {position} di luar urutan; tidak ada yang diimpor",
        "en": "line {line}: position {position} is out of order; nothing imported",
    },
    "sync.refused.bundle.hash": {
        "id": "tidak cocok dengan SHA-256-nya (diubah setelah ditulis); tidak ada yang diimpor",
        "en": "does not match its SHA-256 (it was changed after it was written); nothing imported",
    },
    "sync.refused.bundle.count": {
        "id": "berisi {count} kejadian, kepalanya menyebut {events}; tidak ada yang diimpor",
        "en": "holds {count} events, its header says {events}; nothing imported",
    },
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
