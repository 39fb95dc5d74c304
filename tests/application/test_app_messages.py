"""Refusals carry a code and data; their words live once, in ``envtrack/messages.py``.

The first tests read every refusal raised in ``domain/``, ``envtrack/`` and ``projections/``
(an ``ast`` scan, like ``tests/test_layers.py``) and check it against the catalogue: a known code,
both languages, and templates that use exactly the data the raise site gives. The others word
refusals of the domain in both languages; the expected texts are the wording release 0.1.0 gave
(its raise sites wrote both languages out), which must not change.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

import domain.errors
from domain.errors import DomainError, InvalidValue, NoOpenCycle, NotEnoughBottles
from domain.ponds import Feeding, Harvest, Mortality, Pond, Stocking
from domain.sambo import Exchange, SupplyLedger
from domain.sites import Site
from domain.values import CATEGORIES, choice
from domain.waste import WasteEntry
from envtrack.messages import DATA_WORDS, MESSAGES

ROOT = Path(__file__).resolve().parents[2]
REFUSALS = {
    name for name, value in vars(domain.errors).items() if isinstance(value, type) and issubclass(value, DomainError)
}
# reasons without a field of their own: the importer's cell (its column is the field) and the
# number parser's (``Unreadable.refusal`` gives the field where the text was typed)
REASONS = {"CellError", "Unreadable"}
STAMP = {"operator": "takmir", "on": date(2025, 3, 1)}


@dataclass(frozen=True)
class Raised:
    where: str
    code: str | None  # None: the code is passed on from another refusal (``error.code``)
    field_given: bool
    data: frozenset[str]


def raise_sites() -> list[Raised]:
    """Every construction of a refusal (and of the reasons in ``REASONS``) in our packages."""
    found = []
    for package in ("domain", "envtrack", "projections"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                for keyword in node.keywords:  # a parser's reason for a text that is no value at all
                    if keyword.arg == "unreadable" and isinstance(keyword.value, ast.Constant):
                        found.append(Raised(where, keyword.value.value, True, frozenset()))
                if name not in REFUSALS and name not in REASONS:
                    continue
                position = 0 if name in REASONS else 2
                code = node.args[position] if len(node.args) > position else None
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    code_value = code.value
                else:  # passed on: another refusal's code, or a parser's caller's reason
                    assert (isinstance(code, ast.Attribute) and code.attr == "code") or (
                        name == "Unreadable" and isinstance(code, ast.Name) and code.id == "unreadable"
                    ), f"{where}: no code"
                    code_value = None
                field_given = name in REASONS or not (
                    isinstance(node.args[0], ast.Constant) and node.args[0].value is None
                )
                data = frozenset(keyword.arg for keyword in node.keywords if keyword.arg is not None)
                found.append(Raised(where, code_value, field_given, data))
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_refusals_of_every_layer():
    wheres = {raised.where.split(":")[0] for raised in raise_sites()}
    assert {"domain/values.py", "domain/ponds.py", "envtrack/unit_of_work.py", "envtrack/periods.py",
            "envtrack/cli/evidence.py", "envtrack/importing/columns.py", "projections/readmodels.py"} <= wheres


@pytest.mark.parametrize("raised", [r for r in raise_sites() if r.code is not None], ids=lambda r: r.where)
def test_every_refusal_has_words_in_both_languages_for_exactly_the_data_it_gives(raised):
    words = MESSAGES.get(raised.code)
    assert words is not None, f"{raised.code} has no words in envtrack/messages.py"
    assert words["en"] and words["id"]
    assert placeholders(words["en"]) == placeholders(words["id"]) == raised.data
    # a refusal of a whole command gives no field: its words name the command
    assert ("field" in words) is (not raised.field_given)


def test_every_message_is_raised_somewhere():
    assert set(MESSAGES) == {raised.code for raised in raise_sites() if raised.code is not None}


def test_data_said_in_words_has_both_languages():
    for key, values in DATA_WORDS.items():
        for value, words in values.items():
            assert words["en"] and words["id"], (key, value)


# -- the words of the domain's refusals, in both languages ---------------------------------------


def _pond() -> Pond:
    return Pond.add("kolam-1", site="masjid-an-nur", volume_m3=4, system=None, **STAMP)


def _school_ledger() -> SupplyLedger:
    ledger = SupplyLedger.open("smpn-6", **STAMP)
    ledger.set_rate("pensil", 20, **STAMP)
    ledger.receive(UUID(int=1), "pensil", 10, **STAMP)
    return ledger


def _waste_entry() -> WasteEntry:
    return WasteEntry.record(UUID(int=7), site="tps3r-wates", category="plastik", kg=2.0, destination="tpa",
                             source="rumah-tangga", **STAMP)


def _stocked_pond() -> Pond:
    pond = _pond()
    Stocking.record(UUID(int=2), pond, species="lele", fish=100, mean_g=None, **STAMP)
    return pond


ALL_CATEGORIES = ", ".join(CATEGORIES)
WORDED = {
    "feed_without_a_cycle": (
        lambda: Feeding.record(UUID(int=3), _pond(), kg=1, **STAMP),
        "pond 'kolam-1': has no open growing cycle to feed (stock fish first with 'pond stock')",
        "pond 'kolam-1': tidak punya siklus budidaya terbuka untuk memberi pakan (tebar benih dulu dengan 'pond stock')",
    ),
    "deaths_without_a_cycle": (
        lambda: Mortality.record(UUID(int=3), _pond(), fish=1, **STAMP),
        "pond 'kolam-1': has no open growing cycle to record deaths in (stock fish first with 'pond stock')",
        "pond 'kolam-1': tidak punya siklus budidaya terbuka untuk mencatat kematian (tebar benih dulu dengan "
        "'pond stock')",
    ),
    "harvest_without_a_cycle": (
        lambda: Harvest.record(UUID(int=3), _pond(), kg=1, fish=1, sold_kg=None, price_rp_per_kg=None, final=False,
                               **STAMP),
        "pond 'kolam-1': has no open growing cycle to harvest (stock fish first with 'pond stock')",
        "pond 'kolam-1': tidak punya siklus budidaya terbuka untuk panen (tebar benih dulu dengan 'pond stock')",
    ),
    "feed_before_the_cycle": (
        lambda: Feeding.record(UUID(int=3), _stocked_pond(), kg=1, operator="takmir", on=date(2025, 2, 28)),
        "date '2025-02-28': is before the open cycle started on 2025-03-01",
        "date '2025-02-28': sebelum siklus terbuka dimulai pada 2025-03-01",
    ),
    "more_deaths_than_fish": (
        lambda: Mortality.record(UUID(int=3), _stocked_pond(), fish=101, **STAMP),
        "count 101: is more than the 100 fish alive in pond kolam-1",
        "count 101: melebihi 100 ekor ikan yang hidup di kolam kolam-1",
    ),
    "site_update_of_nothing": (
        lambda: Site.register("smpn-6", "school", "SMPN 6", kelurahan=None, kecamatan=None, population=None,
                              **STAMP).update(name="SMPN 6", **STAMP),
        "site update 'smpn-6': changes nothing: give --name, --kelurahan, --kecamatan, --population, --lat or --lng "
        "with a new value",
        "site update 'smpn-6': tidak mengubah apa pun: berikan --name, --kelurahan, --kecamatan, --population, "
        "--lat atau --lng yang baru",
    ),
    "correction_of_nothing": (
        lambda: _waste_entry().correct(reason="check", kg=2.0, **STAMP),
        f"correct '{UUID(int=7)}': changes nothing: give --kg, --category, --destination, --source or --date "
        "with a new value",
        f"correct '{UUID(int=7)}': tidak mengubah apa pun: berikan --kg, --category, --destination, --source "
        "atau --date yang baru",
    ),
    "a_word_not_in_the_list": (
        lambda: choice("category", "kardus", CATEGORIES),
        f"category 'kardus': is not one of: {ALL_CATEGORIES}",
        f"category 'kardus': bukan salah satu dari: {ALL_CATEGORIES}",
    ),
    "too_few_bottles": (  # 2 pensil at 20 bottles each cost 40
        lambda: Exchange.record(UUID(int=4), site="smpn-6", ledger=_school_ledger(), bottles=30, weight_kg=None,
                                items={"pensil": 2}, pupil=None, pupil_class=None, **STAMP),
        "bottles 30: fewer than the 40 the items cost (2 pensil × 20)",
        "bottles 30: kurang dari 40 botol harga barangnya (2 pensil × 20)",
    ),
    "sold_without_a_price": (
        lambda: Harvest.record(UUID(int=3), _stocked_pond(), kg=5, fish=40, sold_kg=5, price_rp_per_kg=None,
                               final=False, **STAMP),
        "price_rp_per_kg '': is needed too: give --sold-kg and --price-rp-per-kg together",
        "price_rp_per_kg '': juga diperlukan: berikan --sold-kg dan --price-rp-per-kg bersama",
    ),
}


@pytest.mark.parametrize("case", WORDED, ids=str)
def test_a_refusal_reads_in_english_and_indonesian_as_it_always_has(case):
    refuse, english, indonesian = WORDED[case]
    with pytest.raises(DomainError) as refusal:
        refuse()
    assert str(refusal.value) == refusal.value.message("en") == english
    assert refusal.value.message("id") == indonesian


def test_a_refusal_carries_its_reason_as_a_code_and_data():
    with pytest.raises(NoOpenCycle) as no_cycle:
        Feeding.record(UUID(int=3), _pond(), kg=1, **STAMP)
    assert (no_cycle.value.field, no_cycle.value.value, no_cycle.value.code, no_cycle.value.data) == (
        "pond", "kolam-1", "no_open_cycle", {"action": "feed"})
    with pytest.raises(NotEnoughBottles) as short:
        Exchange.record(UUID(int=4), site="smpn-6", ledger=_school_ledger(), bottles=30, weight_kg=None,
                        items={"pensil": 2}, pupil=None, pupil_class=None, **STAMP)
    assert (short.value.code, short.value.data) == ("too_few_bottles", {"needed": 40, "costs": ("2 pensil × 20",)})
    with pytest.raises(InvalidValue) as unchanged:
        _waste_entry().correct(reason="check", kg=2.0, **STAMP)
    assert (unchanged.value.field, unchanged.value.code, unchanged.value.data) == ("correct", "correction_unchanged", {})
