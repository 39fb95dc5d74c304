"""Labels of the store's hardening (events that cannot be read, read-only stores), in
Indonesian and English; ``envtrack.i18n`` serves them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- events held aside because they cannot be read (dead letters) ---------------------------
    "col.topic": {"id": "Topik", "en": "Topic"},
    "col.unreadable": {"id": "Tidak dapat dibaca", "en": "Cannot be read"},
    "store.reason.undecodable": {"id": "isinya bukan JSON yang dapat dibaca", "en": "its content is not readable JSON"},
    "store.reason.missing_field": {"id": "field {detail} tidak ada", "en": "it lacks the field {detail}"},
    "store.reason.malformed": {
        "id": "ada field yang bentuknya salah ({detail})",
        "en": "a field has the wrong shape ({detail})",
    },
    "store.reason.unknown_topic": {
        "id": "jenis kejadiannya tidak dikenal ({detail})",
        "en": "its kind of event is not known ({detail})",
    },
    "store.unreadable_held": {
        "id": "{count} kejadian tidak dapat dibaca dan disisihkan oleh model baca (tidak dihitung dalam angka):",
        "en": "{count} events cannot be read and are held aside by the read models (left out of every figure):",
    },
    "log.unreadable": {"id": "tidak dapat dibaca: {reason}", "en": "cannot be read: {reason}"},
    "pack.diff.unreadable_event": {
        "id": "kejadian pada posisi {position} ({topic}) tidak dapat dibaca: {reason}; tidak dihitung dalam angka",
        "en": "the event at position {position} ({topic}) cannot be read: {reason}; it is left out of every figure",
    },
    # -- read-only stores ------------------------------------------------------------------------
    "store.read_only_replayed": {
        "id": "{db} hanya-baca: model baca (posisi {position}) tidak dapat diperbarui sampai ujung log ({head}); "
        "angka dihitung langsung dari log",
        "en": "{db} is read-only: the read models (at position {position}) cannot be caught up with the log "
        "(head {head}); figures are computed from the log itself",
    },
}
