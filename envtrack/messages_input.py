"""The words of the command line's input refusals (section 13 and issue 17): names not found,
amounts out of bounds, text that a terminal would act on, arguments that are not UTF-8; in
Indonesian and English. ``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- names (envtrack/names.py) ---------------------------------------------------------------
    "unknown_site_suggest": {
        "en": "is not a known site; did you mean: {suggestions}? (list them with 'envtrack site list')",
        "id": "bukan lokasi yang terdaftar; maksud Anda: {suggestions}? (lihat daftarnya dengan 'envtrack site list')",
    },
    "unknown_site_listed": {
        "en": "is not a known site (list them with 'envtrack site list')",
        "id": "bukan lokasi yang terdaftar (lihat daftarnya dengan 'envtrack site list')",
    },
    "site_name_ambiguous": {
        "en": "is the name of several sites ({sites}): give the slug",
        "id": "adalah nama beberapa lokasi ({sites}): berikan slug-nya",
    },
    "unknown_pond_suggest": {
        "en": "is not a known pond; did you mean: {suggestions}? (list them with 'envtrack pond list')",
        "id": "bukan kolam yang terdaftar; maksud Anda: {suggestions}? (lihat daftarnya dengan 'envtrack pond list')",
    },
    "unknown_pond_listed": {
        "en": "is not a known pond (list them with 'envtrack pond list')",
        "id": "bukan kolam yang terdaftar (lihat daftarnya dengan 'envtrack pond list')",
    },
    "unknown_item_suggest": {
        "en": "is not an item of {site}; did you mean: {suggestions}? (list them with 'envtrack supplies stock {site}')",
        "id": "bukan barang di {site}; maksud Anda: {suggestions}? (lihat daftarnya dengan 'envtrack supplies stock {site}')",
    },
    "unknown_item_listed": {
        "en": "is not an item of {site} (list them with 'envtrack supplies stock {site}'; "
        "a new item needs a rate first: 'envtrack supplies rate')",
        "id": "bukan barang di {site} (lihat daftarnya dengan 'envtrack supplies stock {site}'; "
        "barang baru perlu tarif dulu: 'envtrack supplies rate')",
    },
    # -- amounts (domain/values.py) ----------------------------------------------------------------
    "below_smallest": {
        "en": "is less than {smallest}, the smallest amount recorded (3 decimals)",
        "id": "kurang dari {smallest}, jumlah terkecil yang dicatat (3 desimal)",
    },
    # -- text (domain/values.py, envtrack/cli/checks.py) --------------------------------------------
    "control_character": {
        "en": "holds a control or text-direction character ({character}): type it without",
        "id": "mengandung karakter kendali atau arah teks ({character}): ketik tanpa karakter itu",
    },
    "not_utf8": {
        "en": "is not valid UTF-8 text (set the terminal or the script to UTF-8)",
        "id": "bukan teks UTF-8 yang sah (atur terminal atau skrip ke UTF-8)",
    },
}
