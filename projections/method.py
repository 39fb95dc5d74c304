"""The method notes printed in ``laporan.pdf``: formulas, destination mapping, the log chain and
how to verify a pack, in Indonesian and English. Each note is a list of (kind, text) blocks:
``h`` a heading, ``p`` a paragraph (wrapped), ``m`` monospaced lines (kept as they are)."""

from __future__ import annotations

FORMULAS = """\
A  timbulan        = Σ kg sampah (semua tujuan) + Σ kg botol SAMBO
B  pengurangan     = Σ kg ke guna-ulang, daur-ulang, kompos + Σ kg botol
C  penanganan      = Σ kg ke bahan-baku, olah, tps, tpa
D  daur_ulang      = Σ kg ke daur-ulang, kompos + Σ kg botol
E  bahan_baku      = Σ kg ke bahan-baku
% pengurangan = 100·B/A    % penanganan = 100·C/A    % terkelola = 100·(B+C)/A
tidak terkelola = A − B − C    recycling rate = 100·(D+E)/A
komposisi[jenis] = 100 · kg jenis itu / A   (botol dihitung sebagai plastik)"""

FORMULAS_EN = (
    FORMULAS.replace("Σ kg sampah (semua tujuan)", "Σ waste kg (all destinations)")
    .replace("Σ kg botol SAMBO", "Σ SAMBO bottle kg")
    .replace("Σ kg ke", "Σ kg to")
    .replace("Σ kg botol", "Σ bottle kg")
    .replace("% pengurangan", "% reduction")
    .replace("% penanganan", "% handling")
    .replace("% terkelola", "% managed")
    .replace("tidak terkelola", "unmanaged")
    .replace("kg jenis itu", "kg of that jenis")
    .replace("(botol dihitung sebagai plastik)", "(bottles count as plastik)")
)

BASIS = """\
estimate(Y)  = T × 1000, or N × R × days(Y)      (T t/year surveyed; N people × R kg/person/day)
A (estimate) = Σ over the period's days of estimate(the day's year) / days(that year)
dikelola     = B + C − Σ kg to tpa in years whose TPA is open-dumping    (RPJMN 2025–2029)
% dikelola   = 100·dikelola/A"""

CHAIN = """\
h_0 = 32 byte nol / 32 zero bytes
h_i = SHA-256( h_(i-1) ‖ record_i )
record_i = "{position}\\n{originator_id}\\n{originator_version}\\n{topic}\\n" ‖ state"""

DESTINATIONS = [
    ("guna-ulang", {"id": "dipakai ulang", "en": "reused"}, "B"),
    ("daur-ulang", {"id": "didaur ulang: dijual/diberikan ke bank sampah, pengepul, pendaur ulang", "en": "recycled: sold or given to a waste bank, collector or recycler"}, "B, D"),
    ("kompos", {"id": "dikomposkan atau untuk maggot di lokasi", "en": "composted or fed to maggots at the site"}, "B, D"),
    ("bahan-baku", {"id": "bahan baku industri (RDF, co-processing)", "en": "industrial raw material (RDF, co-processing)"}, "C, E"),
    ("olah", {"id": "diolah di TPS3R/TPST", "en": "processed at a TPS3R/TPST"}, "C"),
    ("tps", {"id": "dikumpulkan ke TPS", "en": "collected to a TPS"}, "C"),
    ("tpa", {"id": "diangkut ke TPA", "en": "transported to landfill (TPA)"}, "C"),
    ("tidak-terkelola", {"id": "dibakar, dibuang, tidak terkelola", "en": "burned, dumped, unmanaged"}, "A"),
]

NOTES = {
    "id": [
        ("h", "Rumus indikator (SIPSN, dihitung dari bawah)"),
        ("p", "Semua massa dalam kg, dijumlahkan dari setiap catatan pada periode dan lingkup "
              "laporan menurut tanggal kejadiannya. Catatan yang dibatalkan tidak dihitung; catatan "
              "yang dikoreksi dihitung dengan nilai terakhirnya, pada periode terakhirnya. Berat botol "
              "SAMBO (ditimbang, atau diperkirakan 0,022 kg per botol) dihitung dari semua penukaran, "
              "termasuk setoran tanpa alat tulis; penyerahan botol ke bank sampah tidak dihitung lagi. "
              "Persentase dengan A = 0 kosong. Pembulatan: kg 3 desimal, persen 2 desimal."),
        ("m", FORMULAS),
        ("p", "Target: yang dicatat kota untuk tahun hari terakhir periode (envtrack city set), selain itu "
              "Jakstranas: pengurangan 30 %, penanganan 70 %."),
        ("h", "Dasar timbulan dan sampah yang dikelola"),
        ("p", "Timbulan SIPSN adalah perkiraan kota atas seluruh sampah yang dihasilkan, bukan jumlah yang "
              "ditimbang. Bila kota mencatat perkiraannya untuk setiap tahun periode dan laporan mencakup "
              "semua lokasi, A adalah perkiraan itu (dasar: perkiraan kota); selain itu A adalah sampah yang "
              "ditimbang. B sampai E selalu yang ditimbang; komposisi selalu atas yang ditimbang. Dengan "
              "perkiraan, A − B − C bisa negatif bila yang ditimbang melebihi perkiraan."),
        ("m", BASIS),
        ("h", "Tujuan sampah dan tempatnya dihitung"),
        ("dest", ""),
        ("h", "Rantai log (SHA-256)"),
        ("p", "Manifest mencatat posisi log (as_of_position) tempat semua angka dihitung dan kepala "
              "rantai hash atas semua kejadian yang tersimpan sampai posisi itu, menurut urutan log "
              "(rowid tabel stored_events di SQLite, notification_id tabel envtrack_events di "
              "PostgreSQL). originator_id ditulis 32 digit heksadesimal kecil tanpa tanda hubung, "
              "posisi dan versi sebagai bilangan desimal, state sebagai byte yang tersimpan apa "
              "adanya. Kepala rantai adalah h_n dalam heksadesimal."),
        ("m", CHAIN),
        ("p", "Mengubah, menghapus atau menyisipkan kejadian sampai posisi itu mengubah kepala rantai; "
              "kejadian yang dicatat sesudahnya tidak mengubahnya."),
        ("h", "Cara memeriksa paket ini"),
        ("p", "envtrack evidence verify DIR memutar ulang log sampai posisi manifest dan membuat ulang "
              "seluruh paket darinya: setiap indikator, tabel (CSV per byte, XLSX per sel), grafik dan "
              "laporan ini (per byte: berkas-berkas ini dibuat tanpa waktu selain generated_at manifest, "
              "dengan huruf yang tetap), lalu membandingkannya dengan berkas paket. Juga diperiksa: "
              "SHA-256 setiap berkas, daftar berkas (setiap paket memiliki berkas yang sama), kepala rantai "
              "log, dan setiap isian manifest. Hasilnya 0 bila semuanya cocok, 1 dengan daftar setiap perbedaan."),
        ("p", "Paket yang ditandatangani (evidence export --sign KUNCI) membawa manifest.sig: tanda tangan "
              "Ed25519 atas byte manifest.json. Periksa dengan envtrack evidence verify DIR --key KUNCI.pub, "
              "atau tanpa envtrack: openssl pkeyutl -verify -pubin -inkey KUNCI.pub -rawin -in manifest.json "
              "-sigfile manifest.sig."),
    ],
    "en": [
        ("h", "Indicator formulas (SIPSN, computed bottom-up)"),
        ("p", "All masses are in kg, summed over every record of the report's period and scope by "
              "the date it happened. Voided entries count nowhere; corrected entries count with their "
              "latest values, in their latest period. SAMBO bottle mass (weighed, or estimated at "
              "0.022 kg per bottle) counts over all exchanges, pure deposits included; bottles handed "
              "over to a waste bank are not counted again. Percentages with A = 0 are empty. "
              "Rounding: kg to 3 decimals, percentages to 2."),
        ("m", FORMULAS_EN),
        ("p", "Targets: those the city recorded for the year of the period's last day (envtrack city set), "
              "else Jakstranas: reduction (pengurangan) 30 %, handling (penanganan) 70 %."),
        ("h", "The timbulan basis and waste managed (dikelola)"),
        ("p", "SIPSN's timbulan is the city's estimate of all the waste it generates, not the sum of what was "
              "weighed. When the city recorded its estimate for every year of the period and the report covers "
              "all sites, A is that estimate (basis: city estimate); otherwise A is the waste weighed. B to E "
              "are always what was weighed, and so is the composition. On the estimate, A − B − C may be "
              "negative when more was weighed than estimated."),
        ("m", BASIS),
        ("h", "Waste destinations and where they count"),
        ("dest", ""),
        ("h", "The log chain (SHA-256)"),
        ("p", "The manifest records the log position (as_of_position) at which every figure was "
              "computed, and the head of a hash chain over every stored event up to that position, "
              "in log order (the rowid of SQLite's stored_events table, the notification_id of "
              "PostgreSQL's envtrack_events table). originator_id is written as 32 lowercase hex "
              "digits without dashes, position and version as decimal integers, and state as the "
              "stored bytes, unchanged. The chain head is h_n in hex."),
        ("m", CHAIN),
        ("p", "Editing, removing or inserting any event up to that position changes the chain head; "
              "events recorded after it do not."),
        ("h", "How to verify this pack"),
        ("p", "envtrack evidence verify DIR replays the log up to the manifest's position and makes the "
              "whole pack again from it: every indicator, table (CSV byte for byte, XLSX cell by cell), chart "
              "and this report (byte for byte: these files carry no time but the manifest's generated_at, "
              "and fixed fonts), then compares them with the pack's files. It also checks the SHA-256 of "
              "every file, the file set (every pack has the same files), the log chain head and every "
              "manifest field. It exits 0 when all agree, 1 with a list of every difference."),
        ("p", "A signed pack (evidence export --sign KEY) carries manifest.sig: an Ed25519 signature of the "
              "bytes of manifest.json. Check it with envtrack evidence verify DIR --key KEY.pub, or without "
              "envtrack: openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in manifest.json "
              "-sigfile manifest.sig."),
    ],
}
