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
    # -- indicators and projections -----------------------------------------------------------
    # -- charts and evidence pack -------------------------------------------------------------
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
