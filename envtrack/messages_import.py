"""The words of the logbook import's own refusals, in Indonesian and English;
``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "no_header_row": {
        "en": "none of the first {rows} rows is a header row (use the headers of "
        "'envtrack import --template KIND')",
        "id": "tidak ada baris judul kolom di antara {rows} baris pertama (pakai judul kolom dari "
        "'envtrack import --template KIND')",
    },
}
