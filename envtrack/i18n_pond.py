"""Labels of the pond keeper's and the school's commands (section 14, and the ponds of section
13), in Indonesian and English; ``envtrack.i18n`` serves them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- warnings after a pond record (stderr) ------------------------------------------------
    "cli.warning.water_low": {
        "id": "{reading} {value} di bawah {limit}, batas untuk {species}",
        "en": "{reading} {value} is below {limit}, the norm for {species}",
    },
    "cli.warning.water_high": {
        "id": "{reading} {value} di atas {limit}, batas untuk {species}",
        "en": "{reading} {value} is above {limit}, the norm for {species}",
    },
    "reading.do": {"id": "DO (mg/L)", "en": "DO (mg/L)"},
    "reading.ph": {"id": "pH", "en": "pH"},
    "reading.temp_c": {"id": "suhu (°C)", "en": "temperature (°C)"},
    "reading.ammonia": {"id": "amonia (mg/L)", "en": "ammonia (mg/L)"},
    # -- columns and fields -------------------------------------------------------------------
    "col.ponds": {"id": "Kolam", "en": "Ponds"},
}
