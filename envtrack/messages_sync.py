"""The words of sync's and bundles' refusals (section 15), in Indonesian and English;
``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "sync_no_store_id": {
        "id": "belum punya id penyimpanan: biarkan pemiliknya membukanya sekali ('envtrack init') untuk "
        "menambah tabel yang diperlukan sinkronisasi",
        "en": "has no store id yet: let its owner open it once ('envtrack init') to add the tables sync needs",
    },
    "sync_same_store": {"id": "adalah penyimpanan ini sendiri", "en": "is this same store"},
    "sync_other_history": {
        "id": "memakai id penyimpanan {store} yang sama dengan penyimpanan lain (berkasnya disalin?): "
        "kejadian pada posisi {position} bukan yang sudah diambil dari sana; tidak ada yang disalin. "
        "Penyimpanan baru dimulai dengan 'sync pull', bukan salinan berkas",
        "en": "shares store id {store} with another store (a copied store file?): its event at position "
        "{position} is not the one taken from there; nothing copied. A new store starts with "
        "'sync pull', not a copy of a store file",
    },
    "sync_own_bundle": {
        "id": "ditulis oleh penyimpanan ini sendiri; tidak ada yang diimpor",
        "en": "was written by this store; nothing imported",
    },
    "sync_bundle_gap": {
        "id": "dimulai setelah posisi {after} penyimpanan {store}, tetapi penyimpanan ini baru mengambil "
        "kejadiannya sampai posisi {taken}: impor dulu bundel sebelumnya, atau minta bundel yang ditulis "
        "dengan --all; tidak ada yang diimpor",
        "en": "starts after position {after} of store {store}, but this store has taken that store's "
        "events only up to position {taken}: import the bundle written before it first, or ask for one "
        "written with --all; nothing imported",
    },
    "bundle_empty": {"id": "kosong; tidak ada yang diimpor", "en": "is empty; nothing imported"},
    "bundle_no_header": {
        "id": "tidak diawali kepala bundel envtrack; tidak ada yang diimpor",
        "en": "does not start with an envtrack bundle header; nothing imported",
    },
    "bundle_version": {
        "id": "berformat versi {version}, envtrack ini membaca versi {known}; tidak ada yang diimpor",
        "en": "is of format version {version}, this envtrack reads version {known}; nothing imported",
    },
    "bundle_incomplete_header": {
        "id": "kepalanya tidak lengkap; tidak ada yang diimpor",
        "en": "has an incomplete header; nothing imported",
    },
    "bundle_not_gzip": {
        "id": "bukan berkas gzip yang utuh ({error}); tidak ada yang diimpor",
        "en": "is not a whole gzip file ({error}); nothing imported",
    },
    "bundle_cut_line": {
        "id": "berakhir di tengah baris (terpotong); tidak ada yang diimpor",
        "en": "ends in the middle of a line (cut short); nothing imported",
    },
    "bundle_not_an_event": {
        "id": "baris {line} bukan kejadian envtrack; tidak ada yang diimpor",
        "en": "line {line} is not an envtrack event; nothing imported",
    },
    "bundle_out_of_order": {
        "id": "baris {line}: posisi {position} di luar urutan; tidak ada yang diimpor",
        "en": "line {line}: position {position} is out of order; nothing imported",
    },
    "bundle_hash": {
        "id": "tidak cocok dengan SHA-256-nya (diubah setelah ditulis); tidak ada yang diimpor",
        "en": "does not match its SHA-256 (it was changed after it was written); nothing imported",
    },
    "bundle_count": {
        "id": "berisi {count} kejadian, kepalanya menyebut {events}; tidak ada yang diimpor",
        "en": "holds {count} events, its header says {events}; nothing imported",
    },
}
