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
    # -- log -----------------------------------------------------------------------------------
    "log.city_set": {"id": "dasar kota {year}: {values}", "en": "city basis {year}: {values}"},
}
