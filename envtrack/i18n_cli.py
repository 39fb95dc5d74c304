"""Labels of the log's summaries that name a field or a kind of entry, in Indonesian and English
(section 13: no English label left in Indonesian summaries); ``envtrack.i18n`` serves them with
the others. A field or kind missing here is shown by its key."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- fields a summary names (a site's details, what an update or a correction changed) --------
    "log.field.name": {"id": "nama", "en": "name"},
    "log.field.kelurahan": {"id": "kelurahan", "en": "kelurahan"},
    "log.field.lat": {"id": "lintang", "en": "latitude"},
    "log.field.lng": {"id": "bujur", "en": "longitude"},
    "log.field.kecamatan": {"id": "kecamatan", "en": "kecamatan"},
    "log.field.population": {"id": "populasi", "en": "population"},
    "log.field.kg": {"id": "kg", "en": "kg"},
    "log.field.category": {"id": "jenis", "en": "category"},
    "log.field.destination": {"id": "tujuan", "en": "destination"},
    "log.field.source": {"id": "sumber", "en": "source"},
    "log.field.occurred_on": {"id": "tanggal", "en": "date"},
    # -- kinds of entry, as a void or a reversed pond record names them ----------------------------
    "log.kind.waste": {"id": "sampah", "en": "waste"},
    "log.kind.receipt": {"id": "penerimaan", "en": "receipt"},
    "log.kind.exchange": {"id": "penukaran", "en": "exchange"},
    "log.kind.handover": {"id": "penyerahan botol", "en": "handover"},
    "log.kind.stocking": {"id": "tebar benih", "en": "stocking"},
    "log.kind.feed": {"id": "pakan", "en": "feed"},
    "log.kind.water": {"id": "air wudu", "en": "water"},
    "log.kind.mortality": {"id": "kematian", "en": "mortality"},
    "log.kind.harvest": {"id": "panen", "en": "harvest"},
}
