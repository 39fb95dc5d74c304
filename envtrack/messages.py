"""The words of every refusal, in Indonesian and English: one entry per reason ``code``.

A refusal (``domain.errors.DomainError``) names a field, a value, a code and the data its reason
mentions; it reads ``field 'value': reason`` with the entry's template filled from the data
(``{on_hand}`` …; a list or tuple reads ``a, b, c``; a value listed in ``DATA_WORDS`` is said in
words). A refusal of a whole command names no field: its entry does (``field``). Commands and
``--flags`` are named here, at the edge, never in ``domain/``. envtrack's ``__init__`` gives
every refusal these words (``WORDS``): ``str(error)`` is then the English message.
"""

from __future__ import annotations

from typing import Any

from domain.errors import DomainError, show_value
from envtrack.messages_city import MESSAGES as CITY_MESSAGES
from envtrack.messages_sipsn import MESSAGES as SIPSN_MESSAGES
from envtrack.messages_import import MESSAGES as IMPORT_MESSAGES
from envtrack.messages_pond import DATA_WORDS as POND_DATA_WORDS
from envtrack.messages_pond import MESSAGES as POND_MESSAGES
from envtrack.messages_store import MESSAGES as STORE_MESSAGES
from envtrack.messages_cli import MESSAGES as CLI_MESSAGES
from envtrack.messages_input import MESSAGES as INPUT_MESSAGES
from envtrack.messages_sync import MESSAGES as SYNC_MESSAGES

MESSAGES: dict[str, dict[str, str]] = {
    # -- values (domain/values.py) ---------------------------------------------------------------
    "not_a_slug": {
        "en": "is not a valid slug (2–63 characters: a-z, 0-9 and '-', not starting with '-')",
        "id": "bukan slug yang sah (2–63 karakter: a-z, 0-9 dan '-', tidak diawali '-')",
    },
    "not_one_of": {"en": "is not one of: {allowed}", "id": "bukan salah satu dari: {allowed}"},
    "empty": {"en": "must not be empty", "id": "tidak boleh kosong"},
    "not_a_positive_number": {
        "en": "is not a finite number greater than 0",
        "id": "bukan bilangan hingga yang lebih dari 0",
    },
    "not_a_positive_whole_number": {
        "en": "is not a whole number greater than 0",
        "id": "bukan bilangan bulat yang lebih dari 0",
    },
    "too_large": {"en": "is larger than {largest}", "id": "lebih besar dari {largest}"},
    "less_than_one_rupiah": {"en": "is less than 1 rupiah", "id": "kurang dari 1 rupiah"},
    "not_a_date": {"en": "is not a date (YYYY-MM-DD)", "id": "bukan tanggal (YYYY-MM-DD)"},
    "not_a_real_date": {
        "en": "is not a real date in the form YYYY-MM-DD",
        "id": "bukan tanggal yang sah (YYYY-MM-DD)",
    },
    # -- numbers as typed (envtrack/parsing.py) --------------------------------------------------
    "ambiguous_number": {
        "en": "is ambiguous (a thousands separator or a decimal mark?): write {thousands}, or {decimal}",
        "id": "ambigu (pemisah ribuan atau tanda desimal?): tulis {thousands}, atau {decimal}",
    },
    "ambiguous_whole_number": {
        "en": "is ambiguous (a thousands separator or a decimal mark?): write {thousands} (a whole number)",
        "id": "ambigu (pemisah ribuan atau tanda desimal?): tulis {thousands} (bilangan bulat)",
    },
    "digits_not_ascii": {
        "en": "has digits other than 0–9: type it with the digits 0–9",
        "id": "memakai angka selain 0–9: ketik dengan angka 0–9",
    },
    "underscore_in_number": {
        "en": "has '_' in it: write the number without it",
        "id": "mengandung '_': tulis angkanya tanpa '_'",
    },
    "exponent_in_number": {
        "en": "is written with an exponent: write the number out in digits (1000, not 1e3)",
        "id": "ditulis dengan eksponen: tulis angkanya lengkap (1000, bukan 1e3)",
    },
    "in_the_future": {"en": "is in the future", "id": "berada di masa depan"},
    "before_the_earliest_date": {"en": "is before {earliest}", "id": "sebelum {earliest}"},
    # -- sites and entries -----------------------------------------------------------------------
    "unknown_site": {"en": "is not a known site", "id": "bukan lokasi yang terdaftar"},
    "already_exists": {"en": "already exists", "id": "sudah ada"},
    "site_unchanged": {
        "field": "site update",
        "en": "changes nothing: give --name, --kelurahan, --kecamatan, --population, --lat or --lng with a new value",
        "id": "tidak mengubah apa pun: berikan --name, --kelurahan, --kecamatan, --population, --lat atau --lng "
        "yang baru",
    },
    "site_closed": {"en": "is closed ({reason})", "id": "sudah ditutup ({reason})"},
    "wrong_site_kind": {
        "en": "is a {kind}; {programme} runs only at: {allowed}",
        "id": "berjenis {kind}; {programme} hanya untuk: {allowed}",
    },
    "not_an_entry_id": {
        "en": "is not an entry id (give the id, or at least its first 8 characters)",
        "id": "bukan id entri (berikan id-nya, atau minimal 8 karakter pertamanya)",
    },
    "unknown_entry": {"en": "is not a known entry id", "id": "bukan id entri yang dikenal"},
    "ambiguous_entry": {
        "en": "matches {matches} entries: give more characters",
        "id": "cocok dengan {matches} entri: berikan lebih banyak karakter",
    },
    "already_voided": {"en": "is already voided", "id": "sudah dibatalkan"},
    "not_correctable": {
        "en": "is an entry of kind {kind}: only waste entries can be corrected (void it and record it again)",
        "id": "adalah entri {kind}: hanya entri sampah yang dapat dikoreksi (batalkan lalu catat ulang)",
    },
    "correction_unchanged": {
        "field": "correct",
        "en": "changes nothing: give --kg, --category, --destination, --source or --date with a new value",
        "id": "tidak mengubah apa pun: berikan --kg, --category, --destination, --source atau --date yang baru",
    },
    # -- SAMBO DIKARTU AS --------------------------------------------------------------------------
    "no_rate": {
        "en": "has no exchange rate at this school (set one with 'supplies rate')",
        "id": "belum punya tarif tukar di sekolah ini (atur dengan 'supplies rate')",
    },
    "short_of_stock": {"en": "only {on_hand} in stock", "id": "stok hanya {on_hand}"},
    "too_few_bottles": {
        "en": "fewer than the {needed} the items cost ({costs})",
        "id": "kurang dari {needed} botol harga barangnya ({costs})",
    },
    "receipt_issued": {
        "en": "cannot be voided: {qty} {item} were received but only {on_hand} are still in stock "
        "(the rest were issued)",
        "id": "tidak dapat dibatalkan: {qty} {item} diterima tetapi hanya {on_hand} yang masih di stok "
        "(sisanya sudah ditukarkan)",
    },
    "not_item_or_item_qty": {
        "en": "is not ITEM or ITEM=QTY (QTY a whole number greater than 0)",
        "id": "bukan ITEM atau ITEM=JUMLAH (JUMLAH bilangan bulat lebih dari 0)",
    },
    # -- MADULENI MANIS ----------------------------------------------------------------------------
    "unknown_pond": {"en": "is not a known pond", "id": "bukan kolam yang terdaftar"},
    "no_open_cycle": {
        "en": "has no open growing cycle to {action} (stock fish first with 'pond stock')",
        "id": "tidak punya siklus budidaya terbuka untuk {action} (tebar benih dulu dengan 'pond stock')",
    },
    "before": {"en": "is before {since} on {earliest}", "id": "sebelum {since} pada {earliest}"},
    "more_than_alive": {
        "en": "is more than the {alive} fish alive in pond {pond}",
        "id": "melebihi {alive} ekor ikan yang hidup di kolam {pond}",
    },
    "species_differs": {
        "en": "differs from the open cycle's {open_species} in pond {pond} (harvest it with --final first)",
        "id": "berbeda dengan {open_species} pada siklus terbuka di kolam {pond} (panen dengan --final dulu)",
    },
    "sold_kg_and_price_together": {
        "en": "is needed too: give --sold-kg and --price-rp-per-kg together",
        "id": "juga diperlukan: berikan --sold-kg dan --price-rp-per-kg bersama",
    },
    "sold_more_than_harvested": {"en": "is more than the {kg} kg harvested", "id": "melebihi {kg} kg yang dipanen"},
    "in_no_cycle": {"en": "belongs to no cycle of this pond", "id": "bukan milik siklus kolam ini"},
    "in_a_closed_cycle": {
        "en": "belongs to a closed cycle: void the harvest that closed it first",
        "id": "milik siklus yang sudah ditutup: batalkan dulu panen yang menutupnya",
    },
    "reopens_while_another_is_open": {
        "en": "closed a cycle of pond {pond}, which cannot reopen while another cycle is open",
        "id": "menutup siklus kolam {pond}, yang tidak dapat dibuka lagi selama ada siklus lain yang terbuka",
    },
    "reopens_after_a_later_cycle": {
        "en": "closed a cycle of pond {pond} that a later cycle followed: it cannot reopen",
        "id": "menutup siklus kolam {pond} yang sudah disusul siklus lain: tidak dapat dibuka lagi",
    },
    "only_stocking_of_a_fed_cycle": {
        "en": "is the only stocking of a cycle of pond {pond} that has feed records: void those first",
        "id": "adalah satu-satunya tebar benih pada siklus kolam {pond} yang punya catatan pakan: "
        "batalkan catatan pakan itu dulu",
    },
    "stocked_fish_gone": {
        "en": "stocked {fish} fish but only {alive} are still alive in pond {pond} "
        "(the rest were harvested or died)",
        "id": "menebar {fish} ekor tetapi hanya {alive} yang masih hidup di kolam {pond} "
        "(sisanya sudah dipanen atau mati)",
    },
    # -- the store, periods, reports and files -----------------------------------------------------
    "no_store": {
        "en": "has no envtrack store (run 'envtrack init')",
        "id": "belum berisi penyimpanan envtrack (jalankan 'envtrack init')",
    },
    "year_with_range": {
        "en": "cannot be combined with {option}: give either --year or --from/--to",
        "id": "tidak dapat digabung dengan {option}: berikan --year atau --from/--to",
    },
    "year_out_of_range": {"en": "is not a year from {first} to {last}", "id": "bukan tahun antara {first} dan {last}"},
    "from_in_the_future": {
        "en": "is in the future (give --to as well for a period ahead)",
        "id": "berada di masa depan (berikan juga --to untuk periode ke depan)",
    },
    "from_after_to": {"en": "is after --to {to}", "id": "setelah --to {to}"},
    "not_a_year": {"en": "is not a year (YYYY)", "id": "bukan tahun (YYYY)"},
    "not_a_percentage": {"en": "is not a percentage from 0 to 100", "id": "bukan persentase 0 sampai 100"},
    "not_a_directory": {"en": "is not a directory", "id": "bukan direktori"},
    "a_file_not_a_directory": {"en": "is a file, not a directory", "id": "adalah berkas, bukan direktori"},
    "not_a_file_in_a_folder": {"en": "is not a file in an existing folder", "id": "bukan berkas di folder yang ada"},
    "cannot_be_written": {"en": "cannot be written ({reason})", "id": "tidak dapat ditulis ({reason})"},
    # -- evidence pack keys (envtrack/cli/evidence.py) ----------------------------------------------
    "key_exists": {"en": "{path} exists: refusing to overwrite a key", "id": "{path} sudah ada: kunci tidak ditimpa"},
    "key_unusable": {"en": "cannot be used ({reason})", "id": "tidak dapat dipakai ({reason})"},
    "rebuild_overtaken": {
        "en": "was overtaken by another rebuild of the same store, which carries on",
        "id": "didahului oleh pembangunan ulang lain pada penyimpanan yang sama, yang tetap berjalan",
    },
    "too_large_to_compute": {
        "en": "is too large to compute: a recorded quantity is implausibly large (correct or void it)",
        "id": "terlalu besar untuk dihitung: ada jumlah tercatat yang tidak masuk akal (koreksi atau batalkan)",
    },
    # -- logbook import (envtrack/importing) -------------------------------------------------------
    "no_logbook_kind": {
        "en": "name no logbook kind: give --kind waste|exchange|pond, or use the headers of "
        "'envtrack import --template KIND'",
        "id": "tidak menunjukkan jenis buku catatan: berikan --kind waste|exchange|pond, atau pakai judul "
        "kolom dari 'envtrack import --template KIND'",
    },
    "not_a_column": {
        "en": "is not a column of the {kind} logbook (columns: {columns})",
        "id": "bukan kolom buku catatan {kind} (kolom: {columns})",
    },
    "repeats_column": {"en": "repeats column {column}", "id": "mengulang kolom {column}"},
    "column_missing": {"en": "is missing: the {kind} logbook needs it", "id": "tidak ada: buku catatan {kind} memerlukannya"},
    "cell_without_header": {"en": "has no header", "id": "tidak punya judul kolom"},
    "empty_for_action": {
        "en": "must not be empty for action {action}",
        "id": "tidak boleh kosong untuk kegiatan {action}",
    },
    "not_used_by_action": {
        "en": "is not used by action {action}: leave the cell empty",
        "id": "tidak dipakai untuk kegiatan {action}: kosongkan selnya",
    },
    "cell_not_a_number": {
        "en": "is not a number (write 1.5 or 1,5, without thousands separators)",
        "id": "bukan angka (tulis 1.5 atau 1,5, tanpa pemisah ribuan)",
    },
    "cell_not_a_date": {
        "en": "is not a real date (YYYY-MM-DD or DD/MM/YYYY)",
        "id": "bukan tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY)",
    },
    "cell_not_items": {
        "en": "is not a list of ITEM=QTY (e.g. pensil=2;buku-tulis=1)",
        "id": "bukan daftar BARANG=JUMLAH (mis. pensil=2;buku-tulis=1)",
    },
    "cell_item_qty_not_whole": {
        "en": "gives {item} a quantity that is not a whole number ({qty})",
        "id": "memberi {item} jumlah yang bukan bilangan bulat ({qty})",
    },
    "cell_not_yes_or_no": {"en": "is not yes or no (ya/tidak)", "id": "bukan ya atau tidak (ya/tidak)"},
    "cell_not_a_pond_action": {
        "en": "is not one of: stock, feed, water, mortality, harvest (tebar, pakan, air, kematian, panen)",
        "id": "bukan salah satu dari: tebar, pakan, air, kematian, panen (stock, feed, water, mortality, harvest)",
    },
}

MESSAGES.update(SYNC_MESSAGES)
MESSAGES.update(CITY_MESSAGES)
MESSAGES.update(SIPSN_MESSAGES)
MESSAGES.update(IMPORT_MESSAGES)
MESSAGES.update(POND_MESSAGES)
MESSAGES.update(STORE_MESSAGES)
MESSAGES.update(CLI_MESSAGES)
MESSAGES.update(INPUT_MESSAGES)

DATA_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "action": {  # of no_open_cycle: what a pond command needs an open cycle for
        "feed": {"en": "feed", "id": "memberi pakan"},
        "record_deaths": {"en": "record deaths in", "id": "mencatat kematian"},
        "harvest": {"en": "harvest", "id": "panen"},
    },
    "since": {  # of before: what a pond record cannot precede
        "open_cycle_started": {"en": "the open cycle started", "id": "siklus terbuka dimulai"},
        "previous_cycle_closed": {"en": "the previous cycle closed", "id": "siklus sebelumnya ditutup"},
    },
}

for _key, _words in POND_DATA_WORDS.items():
    DATA_WORDS.setdefault(_key, {}).update(_words)


def _in(entry: dict[str, str], lang: str) -> str:
    return entry.get(lang) or entry["en"]


def _said(key: str, value: Any, lang: str) -> Any:
    words = DATA_WORDS.get(key, {}).get(value) if isinstance(value, str) else None
    if words is not None:
        return _in(words, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return value


class Messages:
    """The wording of refusals (``domain.errors.Wording``), from ``MESSAGES``."""

    def field(self, error: DomainError) -> str:
        return MESSAGES[error.code].get("field", error.code)

    def reason(self, error: DomainError, lang: str) -> str:
        data = {key: _said(key, value, lang) for key, value in error.data.items()}
        return _in(MESSAGES[error.code], lang).format(**data)

    def message(self, error: DomainError, lang: str) -> str:
        return f"{error.field} {show_value(error.value)}: {self.reason(error, lang)}"


WORDS = Messages()
