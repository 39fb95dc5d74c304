"""Labels of the city basis (section 11), in Indonesian and English; ``envtrack.i18n`` serves
them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- city set / city show ------------------------------------------------------------------
    "cli.city_set": {"id": "dasar kota tahun {year} dicatat", "en": "city basis for {year} recorded"},
    "col.province": {"id": "Provinsi", "en": "Province"},
    "col.year": {"id": "Tahun", "en": "Year"},
    "col.kg_per_person_day": {"id": "kg/orang/hari", "en": "kg/person/day"},
    "col.timbulan_ton": {"id": "Timbulan survei (ton)", "en": "Surveyed timbulan (t)"},
    "col.timbulan_estimate_kg": {"id": "Perkiraan timbulan (kg)", "en": "Timbulan estimate (kg)"},
    "col.target_pengurangan": {"id": "Target pengurangan (%)", "en": "Pengurangan target (%)"},
    "col.target_penanganan": {"id": "Target penanganan (%)", "en": "Penanganan target (%)"},
    "col.target_dikelola": {"id": "Target dikelola (%)", "en": "Dikelola target (%)"},
    "col.tpa_system": {"id": "Sistem TPA", "en": "TPA system"},
    "col.source": {"id": "Sumber", "en": "Source"},
    "projection.city": {"id": "kota", "en": "city"},
    # -- indicators ------------------------------------------------------------------------------
    "ind.waste.basis": {"id": "Dasar timbulan", "en": "Timbulan basis"},
    "ind.waste.timbulan_measured_kg": {"id": "Timbulan tertimbang (kg)", "en": "Waste weighed (kg)"},
    "ind.waste.timbulan_estimate_kg": {"id": "Timbulan perkiraan kota (kg)", "en": "City's waste estimate (kg)"},
    "ind.waste.dikelola_kg": {"id": "Dikelola (kg)", "en": "Managed, RPJMN (kg)"},
    "ind.waste.pct_dikelola": {"id": "Dikelola (%)", "en": "Managed, RPJMN (%)"},
    "ind.waste.pct_of_timbulan": {"id": "Bagian dari timbulan tertimbang (%)", "en": "Share of waste weighed (%)"},
    "ind.waste.target.pct_dikelola": {"id": "Target dikelola (%)", "en": "Managed (RPJMN) target (%)"},
    "ind.basis.estimate": {"id": "perkiraan kota", "en": "city estimate"},
    "ind.basis.measured": {"id": "tertimbang", "en": "weighed"},
    "ind.warning.negative_tidak_terkelola": {
        "id": "peringatan: tidak terkelola {kg} kg ({where}): sampah yang ditimbang dan dikelola melebihi "
        "perkiraan timbulan kota; periksa 'envtrack city show'",
        "en": "warning: unmanaged is {kg} kg ({where}): more waste was weighed and managed than the city "
        "estimates it generates; check 'envtrack city show'",
    },
    "ind.warning.period": {"id": "periode", "en": "the period"},
    # -- the evidence pack ------------------------------------------------------------------------
    "pack.basis": {"id": "Dasar timbulan (A)", "en": "Timbulan (A) basis"},
    "pack.basis.estimate": {"id": "perkiraan kota (penduduk × laju, atau survei)", "en": "city estimate (population × rate, or survey)"},
    "pack.basis.measured": {"id": "sampah yang ditimbang", "en": "waste weighed"},
    "pack.row.timbulan.estimate": {"id": "(A) Timbulan, perkiraan kota", "en": "(A) Generated, city estimate"},
    "pack.row.timbulan.measured": {"id": "(A) Timbulan, ditimbang", "en": "(A) Generated, weighed"},
    "pack.row.timbulan_measured": {"id": "  Sampah yang ditimbang", "en": "  Waste weighed"},
    "pack.col.pct_weighed": {"id": "% ditimbang", "en": "% of weighed"},
    "pack.row.dikelola": {"id": "Dikelola (RPJMN: tanpa TPA open dumping)", "en": "Managed, RPJMN (no open-dumping TPA)"},
    "chart.axis.pct_estimate": {
        "id": "Persen dari timbulan perkiraan kota (%)",
        "en": "Share of the city's estimate of waste generated (%)",
    },
    # -- log -----------------------------------------------------------------------------------
    "log.city_set": {"id": "dasar kota {year}: {values}", "en": "city basis {year}: {values}"},
}
