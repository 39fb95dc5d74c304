"""Labels of the SIPSN bridge (section 12) and of sites' location, in Indonesian and English;
``envtrack.i18n`` serves them with the others. SIPSN's own column headers are not here: they are
SIPSN's, the same in both languages (``projections/sipsn_tables.py``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "col.lat": {"id": "Lintang", "en": "Latitude"},
    "col.lng": {"id": "Bujur", "en": "Longitude"},
}
