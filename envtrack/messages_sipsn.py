"""The words of the SIPSN bridge's refusals (section 12): site locations, the export and the
comparison with a published table, in Indonesian and English; ``envtrack.messages`` serves them
with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- site locations (domain/values.py::coordinate) ---------------------------------------------
    "not_a_coordinate": {
        "en": "is not a number of decimal degrees (e.g. -7.4722)",
        "id": "bukan angka derajat desimal (mis. -7.4722)",
    },
    "coordinate_out_of_range": {
        "en": "is outside -{limit} to {limit} degrees",
        "id": "di luar -{limit} sampai {limit} derajat",
    },
}
