"""The help texts of every command and option, in Indonesian and English: one catalogue, keyed
by the command's path (``""`` for envtrack itself, ``"site add"``) and, within it, by ``"_"``
(the command's help), ``"_short"`` (its line in the list of envtrack's commands) or an option
(``"--kg"``). An option every command words alike (``--date``, ``--format``) is in ``SHARED``
unless a command words it its own way.

``envtrack/cli/language.py`` puts these texts on the commands in the language of ``--lang`` /
``ENVTRACK_LANG`` (Indonesian by default); the help written in the click decorators is what a
reader of the code sees, and is shown only for a text missing here (which
``tests/cli/test_help_language.py`` refuses). The reading and reporting commands' texts are in
``envtrack/i18n_help_reading.py``; the programmes' newer commands and options (city, sambo, the
ponds' records, coordinates) in ``envtrack/i18n_help_programmes.py``.
"""

from __future__ import annotations

from envtrack.i18n_help_programmes import merge_into as merge_programmes
from envtrack.i18n_help_reading import HELP as READING_HELP
from envtrack.i18n_help_sipsn import HELP as SIPSN_HELP

Words = dict[str, str]

SHARED: dict[str, Words] = {
    "--date": {
        "en": "Date it happened, YYYY-MM-DD (default: today).",
        "id": "Tanggal kejadiannya, YYYY-MM-DD (bawaan: hari ini).",
    },
    "--format": {"en": "Output format.", "id": "Format keluaran."},
}

HELP: dict[str, dict[str, Words]] = {
    "": {
        "_": {
            "en": "envtrack: log SAMBO DIKARTU AS, MADULENI MANIS and waste collection as events, and "
            "rebuild Adipura/SIPSN indicators and evidence from the log.",
            "id": "envtrack: mencatat SAMBO DIKARTU AS, MADULENI MANIS dan pengumpulan sampah sebagai "
            "kejadian, dan menyusun ulang indikator serta bukti Adipura/SIPSN dari log.",
        },
        "--db": {
            "en": "Event store: a SQLite file path, or a postgresql://user@host:port/dbname URL. [env: ENVTRACK_DB]",
            "id": "Penyimpanan kejadian: path berkas SQLite, atau URL postgresql://user@host:port/dbname. "
            "[env: ENVTRACK_DB]",
        },
        "--operator": {
            "en": "Who is recording; stored on every event. Default: your login name. [env: ENVTRACK_OPERATOR]",
            "id": "Siapa yang mencatat; disimpan pada setiap kejadian. Bawaan: nama login Anda. "
            "[env: ENVTRACK_OPERATOR]",
        },
        "--lang": {
            "en": "Language of help, labels, reports, charts and messages. [env: ENVTRACK_LANG]",
            "id": "Bahasa bantuan, label, laporan, grafik dan pesan. [env: ENVTRACK_LANG]",
        },
        "--version": {"en": "Show the version and exit.", "id": "Tampilkan versi lalu keluar."},
    },
    "init": {
        "_": {
            "en": "Create the event store (idempotent): the SQLite file, or the tables in PostgreSQL.",
            "id": "Buat penyimpanan kejadian (aman diulang): berkas SQLite, atau tabel di PostgreSQL.",
        },
        "_short": {"en": "Create the event store (idempotent).", "id": "Buat penyimpanan kejadian (aman diulang)."},
    },
    # -- sites -------------------------------------------------------------------------------------
    "site": {
        "_": {"en": "Add, update, close, list and show sites.", "id": "Tambah, ubah, tutup, daftar dan tampilkan lokasi."},
        "_short": {"en": "Add, update, close, list and show sites.", "id": "Tambah, ubah, tutup, daftar dan tampilkan lokasi."},
    },
    "site add": {
        "_": {
            "en": "Register SITE (a slug: a-z, 0-9 and '-', 2–63 characters).",
            "id": "Daftarkan SITE (slug: a-z, 0-9 dan '-', 2–63 karakter).",
        },
        "--kind": {
            "en": "Kind of site: school, mosque, waste-bank, tps3r or community.",
            "id": "Jenis lokasi: school (sekolah), mosque (masjid), waste-bank (bank sampah), tps3r atau "
            "community (lingkungan).",
        },
        "--name": {"en": "The site's name as people write it.", "id": "Nama lokasi seperti biasa ditulis orang."},
        "--kelurahan": {"en": "Urban village.", "id": "Kelurahan."},
        "--kecamatan": {"en": "District.", "id": "Kecamatan."},
        "--population": {
            "en": "Pupils (school), congregation (mosque) or people served (other sites).",
            "id": "Jumlah murid (sekolah), jamaah (masjid) atau warga yang dilayani (lokasi lain).",
        },
    },
    "site update": {
        "_": {
            "en": "Change a site's name, kelurahan, kecamatan or population.",
            "id": "Ubah nama, kelurahan, kecamatan atau populasi sebuah lokasi.",
        },
        "--name": {"en": "New name.", "id": "Nama baru."},
        "--kelurahan": {"en": "New urban village.", "id": "Kelurahan baru."},
        "--kecamatan": {"en": "New district.", "id": "Kecamatan baru."},
        "--population": {"en": "New population.", "id": "Populasi baru."},
    },
    "site close": {
        "_": {
            "en": "Close a site from --date (today by default): records dated before it are still "
            "accepted, records dated on or after it refused.",
            "id": "Tutup lokasi mulai --date (bawaan: hari ini): catatan bertanggal sebelumnya tetap "
            "diterima, catatan pada tanggal itu atau sesudahnya ditolak.",
        },
        "--reason": {"en": "Why the site closes.", "id": "Alasan lokasi ditutup."},
        "--date": {
            "en": "The day the closure takes effect, YYYY-MM-DD (default: today).",
            "id": "Tanggal penutupan berlaku, YYYY-MM-DD (bawaan: hari ini).",
        },
    },
    "site list": {"_": {"en": "List every site, open and closed.", "id": "Daftar semua lokasi, yang buka maupun yang ditutup."}},
    "site show": {"_": {"en": "Show one site.", "id": "Tampilkan satu lokasi."}},
    # -- SAMBO DIKARTU AS ------------------------------------------------------------------------
    "supplies": {
        "_": {
            "en": "SAMBO DIKARTU AS: exchange rates, supplies received and stock.",
            "id": "SAMBO DIKARTU AS: tarif tukar, alat tulis yang diterima dan stok.",
        },
        "_short": {
            "en": "SAMBO DIKARTU AS: exchange rates, supplies received and stock.",
            "id": "SAMBO DIKARTU AS: tarif tukar, alat tulis yang diterima dan stok.",
        },
    },
    "supplies rate": {
        "_": {
            "en": "Set how many bottles buy one ITEM (a slug, e.g. pensil) at school SITE.",
            "id": "Atur berapa botol untuk satu ITEM (slug, mis. pensil) di sekolah SITE.",
        },
        "--bottles": {
            "en": "Bottles that buy one ITEM from now on (a whole number > 0).",
            "id": "Jumlah botol untuk satu ITEM mulai sekarang (bilangan bulat > 0).",
        },
    },
    "supplies receive": {
        "_": {
            "en": "Record supplies received into the stock of school SITE; prints the entry id.",
            "id": "Catat alat tulis yang diterima ke stok sekolah SITE; mencetak id entri.",
        },
        "--qty": {"en": "How many came in (a whole number > 0).", "id": "Berapa yang masuk (bilangan bulat > 0)."},
        "--cost-rp": {"en": "What they cost, in rupiah.", "id": "Harganya, dalam rupiah."},
        "--source": {"en": "Who supplied them (free text).", "id": "Siapa pemasoknya (teks bebas)."},
    },
    "supplies stock": {
        "_": {
            "en": "Show the supplies in stock at school SITE, with their rates in bottles.",
            "id": "Tampilkan stok alat tulis di sekolah SITE, dengan tarifnya dalam botol.",
        },
    },
    "exchange": {
        "_": {"en": "SAMBO DIKARTU AS: record a bottle exchange.", "id": "SAMBO DIKARTU AS: catat penukaran botol."},
        "_short": {"en": "SAMBO DIKARTU AS: record a bottle exchange.", "id": "SAMBO DIKARTU AS: catat penukaran botol."},
    },
    "exchange record": {
        "_": {
            "en": "Record bottles exchanged for supplies at school SITE; prints the entry id.\n\n"
            "Refused unless every ITEM has a rate, the stock covers it, and the bottles pay for all items "
            "(surplus bottles are kept as collected).",
            "id": "Catat botol yang ditukar dengan alat tulis di sekolah SITE; mencetak id entri.\n\n"
            "Ditolak kecuali setiap ITEM punya tarif, stoknya cukup, dan botolnya cukup untuk semua barang "
            "(kelebihan botol tetap tercatat sebagai terkumpul).",
        },
        "--bottles": {"en": "Bottles the pupil brought (a whole number > 0).", "id": "Botol yang dibawa murid (bilangan bulat > 0)."},
        "--weight-kg": {
            "en": "Their measured weight; without it the weight is estimated as bottles × 0.022 kg.",
            "id": "Berat terukurnya; tanpa ini beratnya ditaksir botol × 0,022 kg.",
        },
        "--item": {
            "en": "A supply given in exchange, QTY 1 by default; repeat for more. Leave out for a pure deposit.",
            "id": "Alat tulis yang diberikan, JUMLAH 1 bila tidak ditulis; ulangi untuk barang lain. Tanpa ini: "
            "setoran murni.",
        },
        "--pupil": {"en": "The pupil's name.", "id": "Nama murid."},
        "--class": {"en": "The pupil's class.", "id": "Kelas murid."},
    },
    "bottles": {
        "_": {
            "en": "SAMBO DIKARTU AS: hand collected bottles on for recycling.",
            "id": "SAMBO DIKARTU AS: serahkan botol terkumpul untuk didaur ulang.",
        },
        "_short": {
            "en": "SAMBO DIKARTU AS: hand collected bottles on for recycling.",
            "id": "SAMBO DIKARTU AS: serahkan botol terkumpul untuk didaur ulang.",
        },
    },
    "bottles handover": {
        "_": {
            "en": "Record bottles leaving school SITE for recycling; prints the entry id.\n\n"
            "This is where the bottles go, not more waste: it is not counted again in the indicators.",
            "id": "Catat botol yang keluar dari sekolah SITE untuk didaur ulang; mencetak id entri.\n\n"
            "Ini tujuan botolnya, bukan sampah tambahan: tidak dihitung lagi dalam indikator.",
        },
        "--weight-kg": {"en": "Weight of the bottles handed over.", "id": "Berat botol yang diserahkan."},
        "--to": {
            "en": "Who takes them: bank-sampah, recycler or collector.",
            "id": "Siapa yang menerima: bank-sampah, recycler (pendaur ulang) atau collector (pengepul).",
        },
        "--buyer": {"en": "The buyer's name.", "id": "Nama pembeli."},
        "--price-rp-per-kg": {"en": "Price paid per kg, in rupiah.", "id": "Harga per kg, dalam rupiah."},
    },
    # -- MADULENI MANIS ----------------------------------------------------------------------------
    "pond": {
        "_": {
            "en": "MADULENI MANIS: ponds, stocking, feed, wudu water, deaths, harvests.",
            "id": "MADULENI MANIS: kolam, tebar benih, pakan, air wudu, kematian, panen.",
        },
        "_short": {
            "en": "MADULENI MANIS: ponds, stocking, feed, wudu water, deaths, harvests.",
            "id": "MADULENI MANIS: kolam, tebar benih, pakan, air wudu, kematian, panen.",
        },
    },
    "pond add": {
        "_": {"en": "Add POND (a slug) at a mosque or school.", "id": "Tambahkan POND (slug) di masjid atau sekolah."},
        "--site": {"en": "The mosque or school the pond belongs to.", "id": "Masjid atau sekolah pemilik kolam."},
        "--volume-m3": {"en": "Water volume in m³.", "id": "Volume air dalam m³."},
        "--system": {"en": "terpal, beton, tanah or bioflok.", "id": "terpal, beton, tanah atau bioflok."},
    },
    "pond stock": {
        "_": {
            "en": "Stock fish: opens a growing cycle, or adds to the open one (same species only).",
            "id": "Tebar benih: membuka siklus budidaya, atau menambah siklus yang terbuka (jenis ikan yang sama).",
        },
        "--species": {"en": "lele, nila or other.", "id": "lele, nila atau other (lainnya)."},
        "--count": {"en": "Fish stocked (a whole number > 0).", "id": "Jumlah benih ditebar (bilangan bulat > 0)."},
        "--mean-g": {"en": "Mean weight of one fish, in grams.", "id": "Berat rata-rata satu ekor, dalam gram."},
    },
    "pond feed": {
        "_": {
            "en": "Record feed given to the open cycle; prints the entry id.",
            "id": "Catat pakan yang diberikan pada siklus terbuka; mencetak id entri.",
        },
        "--kg": {"en": "Feed given, in kg.", "id": "Pakan yang diberikan, dalam kg."},
    },
    "pond water": {
        "_": {
            "en": "Record wudu (ablution) water led into the pond; prints the entry id.",
            "id": "Catat air wudu yang dialirkan ke kolam; mencetak id entri.",
        },
        "--liters": {"en": "Wudu water led in, in litres.", "id": "Air wudu yang dialirkan, dalam liter."},
    },
    "pond mortality": {
        "_": {
            "en": "Record fish deaths in the open cycle; prints the entry id.",
            "id": "Catat ikan mati pada siklus terbuka; mencetak id entri.",
        },
        "--count": {"en": "Fish found dead (a whole number > 0).", "id": "Jumlah ikan yang ditemukan mati (bilangan bulat > 0)."},
    },
    "pond harvest": {
        "_": {
            "en": "Record a harvest from the open cycle; prints the entry id.",
            "id": "Catat panen dari siklus terbuka; mencetak id entri.",
        },
        "--kg": {"en": "Weight harvested, in kg.", "id": "Berat panen, dalam kg."},
        "--count": {"en": "Fish harvested (a whole number > 0).", "id": "Jumlah ikan dipanen (bilangan bulat > 0)."},
        "--sold-kg": {"en": "Of which sold, in kg (with --price-rp-per-kg).", "id": "Yang dijual, dalam kg (bersama --price-rp-per-kg)."},
        "--price-rp-per-kg": {
            "en": "Selling price per kg, in rupiah (with --sold-kg).",
            "id": "Harga jual per kg, dalam rupiah (bersama --sold-kg).",
        },
        "--final": {
            "en": "Close the cycle: fish unaccounted for become losses.",
            "id": "Tutup siklus: ikan yang tidak tercatat menjadi susut.",
        },
    },
    "pond show": {
        "_": {
            "en": "Show the pond and its open cycle: stocked, alive, fed, harvested, days in cycle.",
            "id": "Tampilkan kolam dan siklus terbukanya: ditebar, hidup, pakan, dipanen, hari siklus.",
        },
    },
    # -- waste, voids and corrections --------------------------------------------------------------
    "waste": {
        "_": {
            "en": "Record collected waste by SIPSN category, source and destination.",
            "id": "Catat sampah terkumpul menurut jenis, sumber dan tujuan SIPSN.",
        },
        "_short": {
            "en": "Record collected waste by SIPSN category, source and destination.",
            "id": "Catat sampah terkumpul menurut jenis, sumber dan tujuan SIPSN.",
        },
    },
    "waste record": {
        "_": {"en": "Record waste collected at SITE; prints the entry id.", "id": "Catat sampah yang terkumpul di SITE; mencetak id entri."},
        "--category": {
            "en": "SIPSN jenis: sisa-makanan, kayu-ranting, kertas-karton, plastik, logam, kain, karet-kulit, kaca or lainnya.",
            "id": "Jenis SIPSN: sisa-makanan, kayu-ranting, kertas-karton, plastik, logam, kain, karet-kulit, kaca "
            "atau lainnya.",
        },
        "--kg": {"en": "Weight in kg.", "id": "Berat dalam kg."},
        "--destination": {
            "en": "Where it went: guna-ulang, daur-ulang, kompos, bahan-baku, olah, tps, tpa or tidak-terkelola.",
            "id": "Ke mana sampahnya: guna-ulang, daur-ulang, kompos, bahan-baku, olah, tps, tpa atau tidak-terkelola.",
        },
        "--source": {
            "en": "SIPSN sumber: rumah-tangga, perkantoran, pasar, perniagaan, fasilitas-publik, kawasan or lainnya "
            "(default: fasilitas-publik at schools and mosques, rumah-tangga at community sites, lainnya elsewhere).",
            "id": "Sumber SIPSN: rumah-tangga, perkantoran, pasar, perniagaan, fasilitas-publik, kawasan atau lainnya "
            "(bawaan: fasilitas-publik di sekolah dan masjid, rumah-tangga di lokasi lingkungan, lainnya di tempat lain).",
        },
    },
    "void": {
        "_": {
            "en": "Void ENTRY (its id, or a unique prefix of 8+ characters).\n\n"
            "An exchange returns its supplies to stock; a harvest returns its fish, and voiding the harvest "
            "that closed a cycle reopens it. The entry stays in the log, marked void.",
            "id": "Batalkan ENTRY (id-nya, atau awalan unik 8+ karakter).\n\n"
            "Penukaran mengembalikan alat tulisnya ke stok; panen mengembalikan ikannya, dan membatalkan panen "
            "yang menutup siklus membuka siklus itu lagi. Entrinya tetap di log, ditandai batal.",
        },
        "_short": {"en": "Void an entry, with a reason.", "id": "Batalkan entri, dengan alasan."},
        "--reason": {"en": "Why the entry is voided (kept in the log).", "id": "Alasan entri dibatalkan (disimpan di log)."},
        "--date": {"en": "Date of the void, YYYY-MM-DD (default: today).", "id": "Tanggal pembatalan, YYYY-MM-DD (bawaan: hari ini)."},
    },
    "correct": {
        "_": {
            "en": "Correct waste ENTRY (its id, or a unique prefix of 8+ characters) with a reason.\n\n"
            "The original record stays in the log; the correction is a new event with old and new values.",
            "id": "Koreksi entri sampah ENTRY (id-nya, atau awalan unik 8+ karakter) dengan alasan.\n\n"
            "Catatan aslinya tetap di log; koreksinya kejadian baru berisi nilai lama dan baru.",
        },
        "_short": {"en": "Correct a waste entry, with a reason.", "id": "Koreksi entri sampah, dengan alasan."},
        "--kg": {"en": "The right weight, in kg.", "id": "Berat yang benar, dalam kg."},
        "--category": {"en": "The right SIPSN jenis.", "id": "Jenis SIPSN yang benar."},
        "--destination": {"en": "The right destination.", "id": "Tujuan yang benar."},
        "--source": {"en": "The right SIPSN sumber.", "id": "Sumber SIPSN yang benar."},
        "--date": {"en": "The right date of the waste, YYYY-MM-DD.", "id": "Tanggal sampah yang benar, YYYY-MM-DD."},
        "--reason": {"en": "Why the entry is corrected (kept in the log).", "id": "Alasan entri dikoreksi (disimpan di log)."},
    },
}

HELP.update(READING_HELP)
HELP.update(SIPSN_HELP)
merge_programmes(HELP)  # after the others: it adds options to commands they describe


def help_text(command: str, key: str, lang: str) -> str | None:
    """The help of ``command``'s ``key`` (``"_"``, ``"_short"`` or an option) in ``lang``; None
    when the catalogue has none."""
    words = HELP.get(command, {}).get(key)
    if words is None and key.startswith("--"):
        words = SHARED.get(key)
    if words is None:
        return None
    return words.get(lang) or words.get("en")
