"""Help texts of the programmes' newer commands and options, in Indonesian and English: the city's
SIPSN basis (``city``), the school's SAMBO DIKARTU AS pages (``sambo``), the ponds' new records
(``pond list``, ``pond quality``, ``pond sample`` and the costs, feed type and causes), the sites'
coordinates and the indicators' basis and dikelola target.

Same shape as ``envtrack.i18n_help``; an entry here for a command the other catalogues also
describe adds its options to theirs (``merge_into``), so each module keeps its own commands.
"""

from __future__ import annotations

HELP: dict[str, dict[str, dict[str, str]]] = {
    # -- sites: coordinates ------------------------------------------------------------------------
    "site add": {
        "--lat": {
            "en": "Latitude in decimal degrees, -90 to 90 (south is negative: -7.4722).",
            "id": "Lintang dalam derajat desimal, -90 sampai 90 (selatan bernilai negatif: -7.4722).",
        },
        "--lng": {
            "en": "Longitude in decimal degrees, -180 to 180 (112.4342).",
            "id": "Bujur dalam derajat desimal, -180 sampai 180 (112.4342).",
        },
    },
    "site update": {
        "--lat": {
            "en": "New latitude in decimal degrees, -90 to 90 (south is negative: -7.4722).",
            "id": "Lintang baru dalam derajat desimal, -90 sampai 90 (selatan bernilai negatif: -7.4722).",
        },
        "--lng": {
            "en": "New longitude in decimal degrees, -180 to 180 (112.4342).",
            "id": "Bujur baru dalam derajat desimal, -180 sampai 180 (112.4342).",
        },
    },
    # -- the city's SIPSN basis --------------------------------------------------------------------
    "city": {
        "_": {
            "en": "The city's basis for SIPSN's timbulan, its yearly targets and its TPA system.",
            "id": "Dasar timbulan SIPSN kota, target tahunannya dan sistem TPA-nya.",
        },
        "_short": {
            "en": "The city's timbulan basis, yearly targets and TPA system.",
            "id": "Dasar timbulan, target tahunan dan sistem TPA kota.",
        },
    },
    "city set": {
        "_": {
            "en": "Record the city's values for one year; options not given keep that year's earlier values.",
            "id": "Catat nilai kota untuk satu tahun; opsi yang tidak diberikan tetap memakai nilai tahun itu "
            "yang sudah tercatat.",
        },
        "--year": {
            "en": "The year the values are for (2000 to this year + 10).",
            "id": "Tahun berlakunya nilai (2000 sampai tahun ini + 10).",
        },
        "--name": {
            "en": "The city's name as SIPSN writes it (not per year).",
            "id": "Nama kota seperti tertulis di SIPSN (tidak per tahun).",
        },
        "--province": {"en": "The city's province (not per year).", "id": "Provinsi kota (tidak per tahun)."},
        "--population": {"en": "People living in the city that year.", "id": "Jumlah penduduk kota pada tahun itu."},
        "--kg-per-person-day": {
            "en": "Waste generated per person per day, kg (more than 0, at most 10; SNI 19-3983-1995: 0.70–0.80 "
            "in a medium city).",
            "id": "Timbulan sampah per orang per hari, kg (lebih dari 0, paling banyak 10; SNI 19-3983-1995: "
            "0,70–0,80 untuk kota sedang).",
        },
        "--timbulan-ton": {
            "en": "A surveyed timbulan for the whole year, tonnes (used instead of population × rate).",
            "id": "Timbulan hasil survei untuk setahun penuh, ton (dipakai sebagai ganti penduduk × timbulan "
            "per orang).",
        },
        "--target-pengurangan": {
            "en": "The year's pengurangan target, % (0–100).",
            "id": "Target pengurangan tahun itu, % (0–100).",
        },
        "--target-penanganan": {
            "en": "The year's penanganan target, % (0–100).",
            "id": "Target penanganan tahun itu, % (0–100).",
        },
        "--target-dikelola": {
            "en": "The year's dikelola target, % (0–100).",
            "id": "Target dikelola tahun itu, % (0–100).",
        },
        "--tpa-system": {
            "en": "How the city's TPA runs that year: open-dumping, controlled-landfill or sanitary-landfill.",
            "id": "Sistem operasi TPA kota tahun itu: open-dumping, controlled-landfill atau sanitary-landfill.",
        },
        "--source": {
            "en": "Where the figures come from (BPS, a survey, a decree …).",
            "id": "Sumber angkanya (BPS, survei, SK …).",
        },
    },
    "city show": {
        "_": {
            "en": "Show the city's name, province and each year's basis, targets and TPA system.",
            "id": "Tampilkan nama dan provinsi kota, serta dasar timbulan, target dan sistem TPA setiap tahun.",
        },
        "--year": {
            "en": "One year only (default: every year recorded).",
            "id": "Satu tahun saja (bawaan: semua tahun yang tercatat).",
        },
    },
    # -- indicators: the timbulan basis and the dikelola target ------------------------------------
    "indicators": {
        "--basis": {
            "en": "Timbulan (A): the city's estimate ('city set'), or the waste weighed; auto: the estimate for "
            "all sites over a period that has one, else weighed.",
            "id": "Timbulan (A): perkiraan kota ('city set'), atau sampah yang ditimbang; auto: perkiraan untuk "
            "semua lokasi pada periode yang punya perkiraan, selain itu hasil timbangan.",
        },
        "--target-dikelola": {
            "en": "Dikelola target, % (default: the city's for the year of the period's last day, else none).",
            "id": "Target dikelola, % (bawaan: target kota untuk tahun dari hari terakhir periode; bila tidak "
            "ada, tanpa target).",
        },
    },
    # -- SAMBO DIKARTU AS at the school ------------------------------------------------------------
    "sambo": {
        "_": {
            "en": "SAMBO DIKARTU AS for the school: leaderboards, receipts (nota) and the Adiwiyata table.",
            "id": "SAMBO DIKARTU AS untuk sekolah: peringkat murid dan kelas, nota, dan tabel Adiwiyata.",
        },
        "_short": {
            "en": "SAMBO DIKARTU AS: leaderboards, receipts, Adiwiyata table.",
            "id": "SAMBO DIKARTU AS: peringkat, nota, tabel Adiwiyata.",
        },
    },
    "sambo pupils": {
        "_": {
            "en": "The school's leaderboard for a period (default: this year so far): exchanges, bottles, kg and "
            "items per pupil or per class, most bottles first. Voided exchanges count nowhere.",
            "id": "Peringkat sekolah untuk satu periode (bawaan: tahun ini sampai hari ini): penukaran, botol, kg "
            "dan barang per murid atau per kelas, botol terbanyak lebih dulu. Penukaran yang dibatalkan tidak "
            "dihitung di mana pun.",
        },
        "--year": {"en": "A calendar year.", "id": "Satu tahun kalender."},
        "--from": {"en": "First day of the period.", "id": "Hari pertama periode."},
        "--to": {"en": "Last day of the period.", "id": "Hari terakhir periode."},
        "--class": {"en": "One class only.", "id": "Satu kelas saja."},
        "--by": {
            "en": "One row per pupil, or per class (unnamed exchanges count only here).",
            "id": "Satu baris per murid, atau per kelas (penukaran tanpa nama murid hanya dihitung di sini).",
        },
        "--out": {
            "en": "Write to FILE instead of stdout (needed for xlsx).",
            "id": "Tulis ke FILE, bukan ke stdout (wajib untuk xlsx).",
        },
    },
    "sambo receipt": {
        "_": {
            "en": "Print one exchange's receipt (nota): school, date, pupil, class, bottles, items, operator and "
            "entry id, as a one-page A5 PDF in the operator's language.",
            "id": "Cetak nota satu penukaran: sekolah, tanggal, murid, kelas, botol, barang, operator dan id "
            "entri, sebagai PDF A5 satu halaman dalam bahasa operator.",
        },
        "--out": {"en": "The PDF to write (A5, one page).", "id": "Berkas PDF yang ditulis (A5, satu halaman)."},
    },
    "sambo receipts": {
        "_": {
            "en": "Print each class's exchanges of a period (default: this year so far), listed and totalled, one "
            "A4 page per class, in the operator's language.",
            "id": "Cetak penukaran setiap kelas dalam satu periode (bawaan: tahun ini sampai hari ini), dirinci "
            "beserta jumlahnya, satu halaman A4 per kelas, dalam bahasa operator.",
        },
        "--class": {
            "en": "A class (repeat for more; default: every class with exchanges in the period).",
            "id": "Satu kelas (ulangi untuk kelas lain; bawaan: setiap kelas yang punya penukaran dalam periode "
            "itu).",
        },
        "--from": {"en": "First day of the period.", "id": "Hari pertama periode."},
        "--to": {"en": "Last day of the period.", "id": "Hari terakhir periode."},
        "--out": {
            "en": "The PDF to write (A4, a page per class).",
            "id": "Berkas PDF yang ditulis (A4, satu halaman per kelas).",
        },
    },
    "sambo report": {
        "_": {
            "en": "Write the school's Adiwiyata data table for a year, beside the year before where it has "
            "figures: laporan-sekolah.pdf (one or two pages), laporan-sekolah.csv (month by month) and "
            "sampah-sekolah.csv (waste by category and destination).",
            "id": "Tulis tabel data Adiwiyata sekolah untuk satu tahun, berdampingan dengan tahun sebelumnya bila "
            "ada angkanya: laporan-sekolah.pdf (satu atau dua halaman), laporan-sekolah.csv (per bulan) dan "
            "sampah-sekolah.csv (sampah menurut jenis dan tujuan).",
        },
        "--year": {"en": "The calendar year.", "id": "Tahun kalendernya."},
        "--out": {
            "en": "The folder to write laporan-sekolah.pdf and CSV into.",
            "id": "Direktori tujuan laporan-sekolah.pdf dan berkas CSV-nya.",
        },
    },
    # -- MADULENI MANIS: the ponds' newer records --------------------------------------------------
    "pond list": {
        "_": {
            "en": "List the ponds (of one site): site, volume, system and the open cycle's fish.",
            "id": "Daftar kolam (di satu lokasi): lokasi, volume, sistem dan ikan pada siklus yang terbuka.",
        },
        "--site": {"en": "Only the ponds of this site.", "id": "Hanya kolam di lokasi ini."},
    },
    "pond stock": {
        "--cost-rp": {"en": "What the seed fish cost, in rupiah.", "id": "Harga benihnya, dalam rupiah."},
    },
    "pond feed": {
        "--cost-rp": {"en": "What the feed cost, in rupiah.", "id": "Harga pakannya, dalam rupiah."},
        "--feed-type": {
            "en": "The feed's kind or brand (e.g. pelet PF-1000).",
            "id": "Jenis atau merek pakan (mis. pelet PF-1000).",
        },
    },
    "pond mortality": {
        "--cause": {"en": "What killed them, as far as known.", "id": "Penyebab kematiannya, sejauh diketahui."},
    },
    "pond quality": {
        "_": {
            "en": "Record a water test (at least one reading); readings outside the species' norms are warned of "
            "on stderr. Prints the entry id.",
            "id": "Catat uji kualitas air (paling sedikit satu hasil ukur); hasil di luar batas wajar untuk jenis "
            "ikannya diberi peringatan di stderr. Mencetak id entri.",
        },
        "--do": {"en": "Dissolved oxygen, mg/L (0–30).", "id": "Oksigen terlarut (DO), mg/L (0–30)."},
        "--ph": {"en": "pH (0–14).", "id": "pH (0–14)."},
        "--temp-c": {"en": "Water temperature, °C (−5–50).", "id": "Suhu air, °C (−5–50)."},
        "--ammonia": {"en": "Total ammonia nitrogen, mg/L (0–50).", "id": "Nitrogen amonia total, mg/L (0–50)."},
    },
    "pond sample": {
        "_": {
            "en": "Record a weighed sample of the open cycle's fish (mean weight → biomass); prints the entry id.",
            "id": "Catat sampling ikan yang ditimbang dari siklus terbuka (berat rata-rata → biomassa); mencetak "
            "id entri.",
        },
        "--count": {
            "en": "Fish weighed (a whole number > 0, at most those alive).",
            "id": "Jumlah ikan yang ditimbang (bilangan bulat > 0, paling banyak sejumlah ikan yang hidup).",
        },
        "--kg": {"en": "Their weight together, in kg.", "id": "Berat semuanya, dalam kg."},
    },
}


def merge_into(catalogue: dict[str, dict[str, dict[str, str]]]) -> None:
    """Add these texts to ``catalogue``: a command it already describes gets these options beside its
    own, a new command its whole entry."""
    for command, entries in HELP.items():
        catalogue.setdefault(command, {}).update(entries)
