"""The words of the pond keeper's and the school's refusals (section 14, and the ponds of
section 13), in Indonesian and English; ``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- ponds (domain/ponds.py, domain/pond_readings.py) ----------------------------------------
    "pond_taken": {
        "en": "is already a pond, at site {site}: choose another slug",
        "id": "sudah dipakai kolam di lokasi {site}: pilih slug lain",
    },
    "not_a_number": {"en": "is not a number", "id": "bukan angka"},
    "reading_out_of_range": {
        "en": "is outside {low}–{high} {unit}: no pond reads that (a typing slip?)",
        "id": "di luar {low}–{high} {unit}: tidak ada kolam yang terbaca begitu (salah ketik?)",
    },
    "no_reading": {
        "field": "reading",
        "en": "none given: give at least one of --do, --ph, --temp-c and --ammonia",
        "id": "tidak ada: isi paling sedikit satu dari --do, --ph, --temp-c dan --ammonia",
    },
    # -- SAMBO DIKARTU AS: leaderboards and receipts -------------------------------------------
    "receipt_not_an_exchange": {
        "en": "is an entry of kind {kind}: a receipt (nota) is printed only for an exchange",
        "id": "adalah entri {kind}: nota hanya dicetak untuk penukaran botol",
    },
    "receipt_of_voided": {
        "en": "is voided: a voided exchange gets no receipt (nota)",
        "id": "sudah dibatalkan: penukaran yang dibatalkan tidak diberi nota",
    },
    "not_a_pdf": {"en": "must end in .pdf", "id": "harus berakhiran .pdf"},
}

DATA_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "action": {"sample": {"en": "weigh a sample of", "id": "menimbang sampel"}},
    "unit": {
        "mg_l": {"en": "mg/L", "id": "mg/L"},
        "ph": {"en": "(pH)", "id": "(pH)"},
        "celsius": {"en": "°C", "id": "°C"},
    },
}
