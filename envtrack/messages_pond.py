"""The words of the pond keeper's and the school's refusals (section 14, and the ponds of
section 13), in Indonesian and English; ``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- ponds (domain/ponds.py, domain/pond_readings.py) ----------------------------------------
    "pond_taken": {
        "en": "is already a pond, at site {site}: choose another slug",
        "id": "sudah dipakai kolam di lokasi {site}: pilih slug lain",
    },
}

DATA_WORDS: dict[str, dict[str, dict[str, str]]] = {}
