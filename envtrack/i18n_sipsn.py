"""Labels of the SIPSN bridge (section 12) and of sites' location, in Indonesian and English;
``envtrack.i18n`` serves them with the others. SIPSN's own column headers are not here: they are
SIPSN's, the same in both languages (``projections/sipsn_tables.py``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "col.lat": {"id": "Lintang", "en": "Latitude"},
    "col.lng": {"id": "Bujur", "en": "Longitude"},
    # -- sipsn export and compare (stderr, and the comparison table) ---------------------------------
    "sipsn.exported": {
        "id": "{files} berkas SIPSN {year} {period} ditulis ke {out} (timbulan: {basis}; posisi log {position})",
        "en": "{files} SIPSN files of {year} {period} written to {out} (timbulan: {basis}; log position {position})",
    },
    "sipsn.compared": {
        "id": "{name} {year} {period}: baris terbitan SIPSN di samping angka envtrack (timbulan: {basis}; "
        "posisi log {position}); selisih = envtrack − terbitan",
        "en": "{name} {year} {period}: the published SIPSN row beside envtrack's figures (timbulan: {basis}; "
        "log position {position}); difference = envtrack − published",
    },
    "sipsn.basis.estimate": {"id": "estimasi kota", "en": "the city's estimate"},
    "sipsn.basis.measured": {"id": "yang ditimbang", "en": "what was weighed"},
    "sipsn.col.label": {"id": "Ukuran", "en": "Measure"},
    "sipsn.col.published": {"id": "Terbitan SIPSN", "en": "Published"},
    "sipsn.col.envtrack": {"id": "envtrack", "en": "envtrack"},
    "sipsn.col.difference": {"id": "Selisih", "en": "Difference"},
    "sipsn.measure.timbulan_t": {"id": "Timbulan (ton/tahun) (A)", "en": "Timbulan (t/year) (A)"},
    "sipsn.measure.pengurangan_t": {"id": "Pengurangan (ton/tahun) (B)", "en": "Pengurangan (t/year) (B)"},
    "sipsn.measure.pct_pengurangan": {"id": "% Pengurangan (B/A)", "en": "% Pengurangan (B/A)"},
    "sipsn.measure.penanganan_t": {"id": "Penanganan (ton/tahun) (C)", "en": "Penanganan (t/year) (C)"},
    "sipsn.measure.pct_penanganan": {"id": "% Penanganan (C/A)", "en": "% Penanganan (C/A)"},
    "sipsn.measure.terkelola_t": {"id": "Terkelola (ton/tahun) (B+C)", "en": "Terkelola (t/year) (B+C)"},
    "sipsn.measure.pct_terkelola": {"id": "% Terkelola ((B+C)/A)", "en": "% Terkelola ((B+C)/A)"},
    "sipsn.measure.daur_ulang_t": {"id": "Daur ulang (ton/tahun) (D)", "en": "Daur ulang (t/year) (D)"},
    "sipsn.measure.bahan_baku_t": {"id": "Bahan baku (ton/tahun) (E)", "en": "Bahan baku (t/year) (E)"},
    "sipsn.measure.recycling_rate_pct": {"id": "Recycling rate ((D+E)/A)", "en": "Recycling rate ((D+E)/A)"},
}
