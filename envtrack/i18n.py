"""Indonesian and English labels for reports, charts, tables and messages.

``label(key, lang)`` returns the label in ``lang`` (``id`` by default, ``en`` available), falling
back to English and then to the key itself. Keys are grouped by where they are used.
"""

from __future__ import annotations

LANGS = ("id", "en")

LABELS: dict[str, dict[str, str]] = {
    # -- common -------------------------------------------------------------------------------
    "site": {"id": "Lokasi", "en": "Site"},
    "month": {"id": "Bulan", "en": "Month"},
    "category": {"id": "Jenis", "en": "Category"},
    "period": {"id": "Periode", "en": "Period"},
    "all_sites": {"id": "Semua lokasi", "en": "All sites"},
    # -- log and records (cli) ----------------------------------------------------------------
    "cli.store_ready": {"id": "penyimpanan envtrack siap: {store}", "en": "envtrack store ready: {store}"},
    "cli.site_added": {"id": "lokasi {site} ditambahkan", "en": "site {site} added"},
    "cli.site_updated": {"id": "lokasi {site} diperbarui", "en": "site {site} updated"},
    "cli.site_closed": {"id": "lokasi {site} ditutup", "en": "site {site} closed"},
    "cli.rate_set": {"id": "tarif {item} di {site}: {bottles} botol", "en": "rate for {item} at {site}: {bottles} bottles"},
    "cli.pond_added": {"id": "kolam {pond} ditambahkan di {site}", "en": "pond {pond} added at {site}"},
    "cli.entry_voided": {"id": "entri {entry} dibatalkan", "en": "entry {entry} voided"},
    "cli.entry_corrected": {"id": "entri {entry} dikoreksi", "en": "entry {entry} corrected"},
    "cli.warning": {"id": "peringatan", "en": "warning"},
    "cli.no_events": {"id": "(belum ada kejadian)", "en": "(no events yet)"},
    "log.reason": {"id": "alasan", "en": "reason"},
    "log.field_date": {"id": "tanggal", "en": "date"},
    "log.voided": {"id": "membatalkan {kind} {entry}", "en": "voided {kind} {entry}"},
    "log.site_registered": {"id": "{kind} {name} didaftarkan", "en": "{kind} {name} registered"},
    "log.site_closed": {"id": "lokasi ditutup", "en": "site closed"},
    "log.ledger_opened": {"id": "buku stok alat tulis dibuka", "en": "supplies ledger opened"},
    "log.rate_set": {"id": "{item} = {bottles} botol", "en": "{item} = {bottles} bottles"},
    "log.stock_in": {"id": "stok +{items} (penerimaan {entry})", "en": "stock +{items} (receipt {entry})"},
    "log.receipt_withdrawn": {
        "id": "stok −{items} (penerimaan {entry} dibatalkan)",
        "en": "stock −{items} (receipt {entry} voided)",
    },
    "log.issued": {"id": "stok −{items} (penukaran {entry})", "en": "stock −{items} (exchange {entry})"},
    "log.returned": {
        "id": "stok +{items} (penukaran {entry} dibatalkan)",
        "en": "stock +{items} (exchange {entry} voided)",
    },
    "log.receipt": {"id": "{qty} {item} diterima", "en": "{qty} {item} received"},
    "log.from": {"id": "dari {source}", "en": "from {source}"},
    "log.exchange": {"id": "{bottles} botol, {kg} kg", "en": "{bottles} bottles, {kg} kg"},
    "log.estimated": {"id": "(perkiraan)", "en": "(estimated)"},
    "log.pure_deposit": {"id": "setoran saja", "en": "pure deposit"},
    "log.pupil": {"id": "siswa", "en": "pupil"},
    "log.handover": {"id": "{kg} kg botol ke {to}", "en": "{kg} kg of bottles to {to}"},
    "log.pond_added": {"id": "kolam {pond}, {volume} m³", "en": "pond {pond}, {volume} m³"},
    "log.stocking": {"id": "tebar {count} {species}", "en": "{count} {species} stocked"},
    "log.mean": {"id": "rata-rata", "en": "mean"},
    "log.feed": {"id": "pakan {kg} kg", "en": "{kg} kg feed"},
    "log.water": {"id": "air wudu {liters} L", "en": "{liters} L wudu water"},
    "log.mortality": {"id": "{count} ekor mati", "en": "{count} fish died"},
    "log.harvest": {"id": "panen {count} ekor, {kg} kg", "en": "{count} fish, {kg} kg harvested"},
    "log.sold": {"id": "terjual {kg} kg @ Rp {price}/kg", "en": "sold {kg} kg at Rp {price}/kg"},
    "log.final": {
        "id": "panen akhir: siklus ditutup, {written_off} ekor dihapus",
        "en": "final: cycle closed, {written_off} written off",
    },
    "log.reversed": {"id": "{record} {entry} dibatalkan", "en": "{record} {entry} undone"},
    "log.fish": {"id": "ekor", "en": "fish"},
    "log.reopens": {"id": "siklus dibuka lagi", "en": "cycle reopened"},
    "log.waste": {
        "id": "{category} {kg} kg → {destination} (sumber {source})",
        "en": "{category} {kg} kg → {destination} (source {source})",
    },
    # -- indicators and projections -----------------------------------------------------------
    # -- charts and evidence pack -------------------------------------------------------------
    "chart.months": {
        "id": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    },
    "chart.decimal_mark": {"id": ",", "en": "."},
    "chart.thousands_mark": {"id": ".", "en": ","},
    "chart.no_data": {"id": "Tidak ada data pada periode ini", "en": "No data in this period"},
    "chart.source": {
        "id": "Sumber: log kejadian envtrack · Lingkup: {scope} · Periode: {start} s.d. {end} · Posisi log: {position}",
        "en": "Source: envtrack event log · Scope: {scope} · Period: {start} to {end} · Log position: {position}",
    },
    "chart.axis.month": {"id": "Bulan", "en": "Month"},
    "chart.axis.pct_timbulan": {"id": "Persen dari timbulan (%)", "en": "Share of waste generated (%)"},
    "chart.axis.kg": {"id": "Berat (kg)", "en": "Mass (kg)"},
    "chart.axis.site": {"id": "Lokasi", "en": "Site"},
    "chart.axis.jenis": {"id": "Jenis sampah (SIPSN)", "en": "Waste category (SIPSN jenis)"},
    "chart.axis.bottles": {"id": "Botol ditukar (buah)", "en": "Bottles exchanged (count)"},
    "chart.axis.items": {"id": "Alat tulis dibagikan (buah)", "en": "School supplies issued (items)"},
    "chart.axis.harvest_kg": {"id": "Panen ikan (kg)", "en": "Fish harvested (kg)"},
    "chart.axis.water_l": {"id": "Air wudu dialirkan (liter)", "en": "Wudu water led in (litres)"},
    "chart.title.targets": {
        "id": "Pengurangan dan penanganan sampah per bulan terhadap target",
        "en": "Waste reduction and handling by month against the targets",
    },
    "chart.title.composition": {
        "id": "Komposisi sampah menurut jenis (SIPSN)",
        "en": "Waste composition by category (SIPSN jenis)",
    },
    "chart.title.sites": {
        "id": "Perbandingan pengelolaan sampah per lokasi",
        "en": "Waste management compared by site",
    },
    "chart.title.sambo": {
        "id": "SAMBO DIKARTU AS: botol ditukar dan alat tulis dibagikan per bulan",
        "en": "SAMBO DIKARTU AS: bottles exchanged and school supplies issued by month",
    },
    "chart.title.maduleni": {
        "id": "MADULENI MANIS: panen ikan dan air wudu per bulan",
        "en": "MADULENI MANIS: fish harvests and wudu water by month",
    },
    "chart.series.pengurangan": {"id": "Pengurangan (%)", "en": "Reduction, pengurangan (%)"},
    "chart.series.penanganan": {"id": "Penanganan (%)", "en": "Handling, penanganan (%)"},
    "chart.series.pengurangan_kg": {"id": "Pengurangan", "en": "Reduction (pengurangan)"},
    "chart.series.penanganan_kg": {"id": "Penanganan", "en": "Handling (penanganan)"},
    "chart.series.tidak_terkelola_kg": {"id": "Tidak terkelola", "en": "Unmanaged (tidak terkelola)"},
    "chart.series.bottles": {"id": "Botol ditukar", "en": "Bottles exchanged"},
    "chart.series.items": {"id": "Alat tulis dibagikan", "en": "School supplies issued"},
    "chart.series.harvest_kg": {"id": "Panen ikan (kg)", "en": "Fish harvested (kg)"},
    "chart.series.water_l": {"id": "Air wudu (liter)", "en": "Wudu water (litres)"},
    "chart.target.pengurangan": {"id": "Target pengurangan {value} %", "en": "Reduction target {value} %"},
    "chart.target.penanganan": {"id": "Target penanganan {value} %", "en": "Handling target {value} %"},
    "chart.other_sites": {"id": "{count} lokasi lain", "en": "{count} other sites"},
    "chart.jenis.sisa-makanan": {"id": "Sisa makanan", "en": "Food waste"},
    "chart.jenis.kayu-ranting": {"id": "Kayu dan ranting", "en": "Wood and twigs"},
    "chart.jenis.kertas-karton": {"id": "Kertas dan karton", "en": "Paper and cardboard"},
    "chart.jenis.plastik": {"id": "Plastik", "en": "Plastic"},
    "chart.jenis.logam": {"id": "Logam", "en": "Metal"},
    "chart.jenis.kain": {"id": "Kain", "en": "Textile"},
    "chart.jenis.karet-kulit": {"id": "Karet dan kulit", "en": "Rubber and leather"},
    "chart.jenis.kaca": {"id": "Kaca", "en": "Glass"},
    "chart.jenis.lainnya": {"id": "Lainnya", "en": "Other"},
    # -- import and demo ----------------------------------------------------------------------
}


def label(key: str, lang: str = "id") -> str:
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry.get("en") or key


def labels(lang: str = "id") -> dict[str, str]:
    """Every label in one language: the label set passed to charts and reports."""
    return {key: label(key, lang) for key in LABELS}
