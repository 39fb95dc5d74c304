"""Help texts of the reading, reporting and store-to-store commands (the log, read models,
indicators, evidence packs, imports, the demo, sync and bundles), in Indonesian and English;
``envtrack.i18n_help`` serves them with the others, in the same shape."""

from __future__ import annotations

HELP: dict[str, dict[str, dict[str, str]]] = {
    "log": {
        "_": {
            "en": "Show the latest events, oldest first: position, the date it happened, recorded time (UTC), "
            "operator, event, site, entry and summary. Corrections and voids show what they changed and why. "
            "The filters combine.",
            "id": "Tampilkan kejadian terbaru, yang terlama lebih dulu: posisi, tanggal kejadian, waktu dicatat "
            "(UTC), operator, kejadian, lokasi, entri dan ringkasan. Koreksi dan pembatalan menunjukkan apa "
            "yang diubah dan alasannya. Penyaring dapat digabung.",
        },
        "_short": {"en": "Show the latest events of the log.", "id": "Tampilkan kejadian terbaru di log."},
        "--site": {"en": "Only the events of this site.", "id": "Hanya kejadian di lokasi ini."},
        "--from": {
            "en": "Only events that happened on or after this date.",
            "id": "Hanya kejadian pada tanggal ini atau sesudahnya.",
        },
        "--to": {
            "en": "Only events that happened on or before this date.",
            "id": "Hanya kejadian pada tanggal ini atau sebelumnya.",
        },
        "--event": {
            "en": "Only events of this name: Harvest, Voided, WasteEntry.Recorded …",
            "id": "Hanya kejadian dengan nama ini: Harvest, Voided, WasteEntry.Recorded …",
        },
        "--operator": {"en": "Only events recorded by this operator.", "id": "Hanya kejadian yang dicatat operator ini."},
        "--entry": {
            "en": "Only the events of this entry (its id, or 8+ first characters).",
            "id": "Hanya kejadian entri ini (id-nya, atau 8+ karakter pertamanya).",
        },
        "--limit": {"en": "How many of the latest events.", "id": "Berapa kejadian terbaru."},
    },
    # -- read models -------------------------------------------------------------------------------
    "projections": {
        "_": {
            "en": "Update, rebuild and inspect the read models (SQL tables derived from the event log).",
            "id": "Perbarui, bangun ulang dan periksa model baca (tabel SQL yang diturunkan dari log kejadian).",
        },
        "_short": {
            "en": "Update, rebuild and inspect the read models.",
            "id": "Perbarui, bangun ulang dan periksa model baca.",
        },
    },
    "projections rebuild": {
        "_": {
            "en": "Rebuild every read model from the start of the log into fresh tables, then swap them in at "
            "once. If it is stopped midway, the previous read models keep serving.",
            "id": "Bangun ulang semua model baca dari awal log ke tabel baru, lalu tukar sekaligus. Bila terhenti "
            "di tengah jalan, model baca sebelumnya tetap dipakai.",
        },
    },
    "projections status": {
        "_": {
            "en": "Per read model: the log position it has reached, the head of the log, and the lag.",
            "id": "Per model baca: posisi log yang sudah dicapai, ujung log, dan ketertinggalannya.",
        },
    },
    "projections update": {
        "_": {
            "en": "Catch every read model up with the log, from the position it has reached.",
            "id": "Susulkan setiap model baca dengan log, dari posisi yang sudah dicapainya.",
        },
    },
    # -- indicators and evidence -------------------------------------------------------------------
    "indicators": {
        "_": {
            "en": 'SIPSN "capaian" waste indicators (timbulan, pengurangan, penanganan, terkelola, daur ulang, '
            "bahan baku, composition) and SAMBO DIKARTU AS and MADULENI MANIS figures, computed from the event "
            "log for a period (default: this calendar year so far).\n\n"
            "The read models are caught up with the log first; the figures are as of the position reported "
            "(as_of_position in JSON).",
            "id": 'Indikator "capaian" sampah SIPSN (timbulan, pengurangan, penanganan, terkelola, daur ulang, '
            "bahan baku, komposisi) serta angka SAMBO DIKARTU AS dan MADULENI MANIS, dihitung dari log kejadian "
            "untuk satu periode (bawaan: tahun ini sampai hari ini).\n\n"
            "Model baca disusulkan dengan log lebih dulu; angkanya per posisi yang dilaporkan (as_of_position "
            "dalam JSON).",
        },
        "_short": {
            "en": "Adipura/SIPSN waste indicators and programme figures.",
            "id": "Indikator sampah Adipura/SIPSN dan angka program.",
        },
        "--year": {"en": "A calendar year.", "id": "Satu tahun kalender."},
        "--from": {"en": "First day of the period.", "id": "Hari pertama periode."},
        "--to": {"en": "Last day of the period.", "id": "Hari terakhir periode."},
        "--site": {"en": "One site only (default: all sites).", "id": "Satu lokasi saja (bawaan: semua lokasi)."},
        "--by": {
            "en": "One total, or one row per month, site or category (jenis).",
            "id": "Satu total, atau satu baris per bulan, lokasi atau jenis.",
        },
        "--out": {
            "en": "Write to FILE instead of stdout (needed for xlsx).",
            "id": "Tulis ke FILE, bukan ke stdout (wajib untuk xlsx).",
        },
        "--target-pengurangan": {"en": "Pengurangan target, %.", "id": "Target pengurangan, %."},
        "--target-penanganan": {"en": "Penanganan target, %.", "id": "Target penanganan, %."},
    },
    "evidence": {
        "_": {
            "en": "Export, sign and verify Adipura evidence packs (charts, laporan.pdf, tables, manifest).",
            "id": "Ekspor, tanda tangani dan verifikasi paket bukti Adipura (grafik, laporan.pdf, tabel, manifest).",
        },
        "_short": {"en": "Export and verify Adipura evidence packs.", "id": "Ekspor dan verifikasi paket bukti Adipura."},
    },
    "evidence export": {
        "_": {
            "en": "Write the evidence pack of YEAR (or of one --site) into --out: every chart as PNG and SVG, "
            "laporan.pdf, the indicator tables as CSV and XLSX, and manifest.json tying every figure to the log "
            "position and the log chain head it was computed at (and manifest.sig with --sign). Nothing in --out "
            "is written through or overwritten in place: a failed export leaves the previous pack there whole.",
            "id": "Tulis paket bukti YEAR (atau satu --site) ke --out: setiap grafik sebagai PNG dan SVG, "
            "laporan.pdf, tabel indikator sebagai CSV dan XLSX, dan manifest.json yang mengikat setiap angka ke "
            "posisi log dan ujung rantai log saat dihitung (serta manifest.sig dengan --sign). Isi --out tidak "
            "ditimpa di tempat: ekspor yang gagal membiarkan paket sebelumnya utuh.",
        },
        "--year": {
            "en": "Calendar year of the pack (1 January to 31 December).",
            "id": "Tahun kalender paket (1 Januari sampai 31 Desember).",
        },
        "--site": {"en": "Only this site (default: all sites).", "id": "Hanya lokasi ini (bawaan: semua lokasi)."},
        "--out": {
            "en": "Directory to write the pack into; created if missing. The pack is written beside it and "
            "swapped in whole; other files there are kept.",
            "id": "Direktori tujuan paket; dibuat bila belum ada. Paket ditulis di sebelahnya lalu ditukar utuh; "
            "berkas lain di sana tetap ada.",
        },
        "--lang": {
            "en": "Language of the charts and the report (default: the global --lang, Indonesian).",
            "id": "Bahasa grafik dan laporan (bawaan: --lang global, Indonesia).",
        },
        "--sign": {
            "en": "Sign manifest.json with this Ed25519 private key (from 'evidence keygen'), into manifest.sig.",
            "id": "Tanda tangani manifest.json dengan kunci privat Ed25519 ini (dari 'evidence keygen'), ke manifest.sig.",
        },
    },
    "evidence keygen": {
        "_": {
            "en": "Write a new Ed25519 key pair: the private key to KEY (PEM, readable by its owner only) and the "
            "public key to KEY.pub (PEM), to sign packs with 'evidence export --sign KEY' and check them with "
            "'evidence verify --key KEY.pub'. Existing files are never overwritten.",
            "id": "Tulis pasangan kunci Ed25519 baru: kunci privat ke KEY (PEM, hanya dapat dibaca pemiliknya) dan "
            "kunci publik ke KEY.pub (PEM), untuk menandatangani paket dengan 'evidence export --sign KEY' dan "
            "memeriksanya dengan 'evidence verify --key KEY.pub'. Berkas yang sudah ada tidak pernah ditimpa.",
        },
        "--out": {
            "en": "Private key file to write (mode 0600); the public key goes to KEY.pub beside it. Neither may exist.",
            "id": "Berkas kunci privat yang ditulis (mode 0600); kunci publik ke KEY.pub di sebelahnya. Keduanya "
            "belum boleh ada.",
        },
    },
    "evidence verify": {
        "_": {
            "en": "Check the evidence pack in DIRECTORY against the store: the set of files and the SHA-256 of "
            "each, the log chain head at the manifest's log position, every manifest field, every indicator, "
            "table, chart and the report made again from a replay of the log up to that position and compared "
            "(and, with --key, the signature). Exit 0 when all agree; exit 1 listing every difference on stdout. "
            "Events recorded after the export do not matter.",
            "id": "Periksa paket bukti di DIRECTORY terhadap penyimpanan: daftar berkas dan SHA-256 masing-masing, "
            "ujung rantai log pada posisi log manifest, setiap isian manifest, setiap indikator, tabel, grafik "
            "dan laporan yang dibuat ulang dari pemutaran ulang log sampai posisi itu lalu dibandingkan (dan, "
            "dengan --key, tanda tangannya). Keluar 0 bila semuanya cocok; keluar 1 dengan setiap perbedaan di "
            "stdout. Kejadian yang dicatat sesudah ekspor tidak berpengaruh.",
        },
        "--key": {
            "en": "Check manifest.sig against this Ed25519 public key (KEY.pub): a pack without a valid signature "
            "by it fails.",
            "id": "Periksa manifest.sig dengan kunci publik Ed25519 ini (KEY.pub): paket tanpa tanda tangan sah "
            "darinya gagal.",
        },
    },
    # -- imports and the demo ----------------------------------------------------------------------
    "import": {
        "_": {
            "en": "Import a logbook FILE (CSV or XLSX) of waste entries, bottle exchanges or pond records.\n\n"
            "Headers may be Indonesian or English (see the README). Every row is checked first: one bad row and "
            "nothing is written, and every bad row is listed with its row number and column. Rows imported "
            "before are recognised and not written again. Prints the new entry ids.",
            "id": "Impor buku catatan FILE (CSV atau XLSX) berisi entri sampah, penukaran botol atau catatan "
            "kolam.\n\n"
            "Judul kolom boleh bahasa Indonesia atau Inggris (lihat README). Setiap baris diperiksa lebih dulu: "
            "satu baris salah dan tidak ada yang ditulis, dan setiap baris salah disebutkan dengan nomor baris "
            "dan kolomnya. Baris yang pernah diimpor dikenali dan tidak ditulis lagi. Mencetak id entri baru.",
        },
        "_short": {"en": "Import paper logbooks from CSV or XLSX.", "id": "Impor buku catatan kertas dari CSV atau XLSX."},
        "--kind": {
            "en": "What the rows record (default: recognised from each sheet's headers).",
            "id": "Apa yang dicatat barisnya (bawaan: dikenali dari judul kolom setiap lembar).",
        },
        "--dry-run": {
            "en": "Check every row and report, but write nothing.",
            "id": "Periksa setiap baris dan laporkan, tanpa menulis apa pun.",
        },
        "--template": {
            "en": "Print the header row of an empty logbook of this kind (CSV, in --lang) and exit.",
            "id": "Cetak baris judul kolom buku catatan kosong jenis ini (CSV, dalam --lang) lalu keluar.",
        },
    },
    "demo": {
        "_": {
            "en": "Fill an empty store with a synthetic Kota Mojokerto: 3 kecamatan, 20 schools running SAMBO "
            "DIKARTU AS, 10 mosques with MADULENI MANIS ponds, waste banks, a TPS3R, a market and a community "
            "site per kelurahan, day by day over the most recent complete calendar years; then rebuild the read "
            "models. Prints nothing on stdout.",
            "id": "Isi penyimpanan kosong dengan Kota Mojokerto tiruan: 3 kecamatan, 20 sekolah dengan SAMBO "
            "DIKARTU AS, 10 masjid dengan kolam MADULENI MANIS, bank sampah, sebuah TPS3R, pasar dan satu lokasi "
            "lingkungan per kelurahan, hari demi hari selama tahun-tahun kalender lengkap terakhir; lalu bangun "
            "ulang model baca. Tidak mencetak apa pun di stdout.",
        },
        "_short": {
            "en": "Fill an empty store with a synthetic Kota Mojokerto.",
            "id": "Isi penyimpanan kosong dengan Kota Mojokerto tiruan.",
        },
        "--seed": {
            "en": "Seed of the synthetic city: the same seed and years give the same entries and figures.",
            "id": "Benih kota tiruan: benih dan tahun yang sama memberi entri dan angka yang sama.",
        },
        "--years": {
            "en": "How many of the most recent complete calendar years to cover.",
            "id": "Berapa tahun kalender lengkap terakhir yang dicakup.",
        },
        "--force": {
            "en": "Add the demo city to a store that already holds events.",
            "id": "Tambahkan kota demo ke penyimpanan yang sudah berisi kejadian.",
        },
    },
    # -- sync and bundles --------------------------------------------------------------------------
    "sync": {
        "_": {
            "en": "Copy events between this store and another: a school's and the city's.\n\n"
            "Each store takes only what it has not taken yet, skips what it already holds, and holds aside, "
            "never merges, an event that conflicts with one of its own.",
            "id": "Salin kejadian antara penyimpanan ini dan yang lain: milik sekolah dan milik kota.\n\n"
            "Setiap penyimpanan hanya mengambil yang belum diambilnya, melewati yang sudah dimilikinya, dan "
            "menahan, tidak pernah menggabung, kejadian yang bertentangan dengan miliknya sendiri.",
        },
        "_short": {
            "en": "Copy events between this store and another (push, pull, status).",
            "id": "Salin kejadian antara penyimpanan ini dan yang lain (push, pull, status).",
        },
    },
    "sync pull": {
        "_": {
            "en": "Copy into this store the events of the store DB it has not taken yet (a new store is created "
            "for them).",
            "id": "Salin ke penyimpanan ini kejadian penyimpanan DB yang belum diambilnya (penyimpanan baru dibuat "
            "untuknya).",
        },
        "--from": {
            "en": "The store to copy events from: a path or URL, as for --db.",
            "id": "Penyimpanan asal kejadian: path atau URL, seperti untuk --db.",
        },
    },
    "sync push": {
        "_": {
            "en": "Copy into the store DB the events of this store it has not taken yet.",
            "id": "Salin ke penyimpanan DB kejadian penyimpanan ini yang belum diambilnya.",
        },
        "--to": {
            "en": "The store to copy this store's events into: a path or URL, as for --db.",
            "id": "Penyimpanan tujuan kejadian penyimpanan ini: path atau URL, seperti untuk --db.",
        },
    },
    "sync status": {
        "_": {
            "en": "Per store this one has taken events from: the last position taken, the events taken, and the "
            "events held aside with the conflicts that hold them (both events of each).",
            "id": "Per penyimpanan asal kejadian yang diambil: posisi terakhir yang diambil, kejadian yang diambil, "
            "dan kejadian yang ditahan beserta pertentangan yang menahannya (kedua kejadiannya).",
        },
    },
    "bundle": {
        "_": {
            "en": "Carry a store's events as one file (gzip'd JSON lines that check themselves).",
            "id": "Bawa kejadian sebuah penyimpanan sebagai satu berkas (baris JSON ber-gzip yang memeriksa dirinya).",
        },
        "_short": {
            "en": "Carry a store's events as one file (export, import).",
            "id": "Bawa kejadian penyimpanan sebagai satu berkas (export, import).",
        },
    },
    "bundle export": {
        "_": {
            "en": "Write this store's events not yet written to a bundle (or all of them) into FILE.",
            "id": "Tulis kejadian penyimpanan ini yang belum pernah ditulis ke bundel (atau semuanya) ke FILE.",
        },
        "--out": {"en": "The bundle file to write (whole, or not at all).", "id": "Berkas bundel yang ditulis (utuh, atau tidak sama sekali)."},
        "--all": {
            "en": "Every event of this store, not only those not yet exported.",
            "id": "Semua kejadian penyimpanan ini, bukan hanya yang belum diekspor.",
        },
    },
    "bundle import": {
        "_": {
            "en": "Take in the bundle FILE: what this store has not taken yet from the store that wrote it (a new "
            "store is created for it). A damaged bundle is refused whole.",
            "id": "Ambil bundel FILE: yang belum diambil penyimpanan ini dari penyimpanan penulisnya (penyimpanan "
            "baru dibuat untuknya). Bundel yang rusak ditolak seluruhnya.",
        },
    },
}
