"""Shared validation: slugs, quantities, counts, rupiah, vocabularies and dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.errors import DomainError, InvalidValue
from domain.values import (
    CATEGORIES,
    choice,
    count,
    default_source,
    occurred_on,
    parse_date,
    quantity,
    rupiah,
    slug,
    text,
)

TODAY = date(2025, 6, 30)


@pytest.mark.parametrize("value", ["ab", "a" * 63, "smpn-6", "6a", "masjid-al-ikhlas-", "00"])
def test_slug_accepts_lowercase_letters_digits_and_dashes(value):
    assert slug("site", value) == value


@pytest.mark.parametrize(
    "value",
    ["a", "a" * 64, "-ab", "Smpn6", "smp 6", "smp_6", "smp.6", "", "ab\n", "sekolah✓", None],
)
def test_slug_refuses_bad_values_naming_field_and_value(value):
    with pytest.raises(InvalidValue) as refusal:
        slug("site", value)
    assert refusal.value.field == "site"
    assert refusal.value.value == value
    assert str(refusal.value).startswith(f"site {value!r}: is not a valid slug")
    assert "sah" in refusal.value.message("id")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 1.0), ("2.5", 2.5), (0.001, 0.001), (1e9, 1e9), ("1e5", 1e5), (" 7 ", 7.0)],
)
def test_quantity_accepts_finite_numbers_from_a_thousandth_to_a_billion(value, expected):
    assert quantity("kg", value) == expected


@pytest.mark.parametrize(
    "value",
    [0, 0.0, -1, "-0.5", float("nan"), "nan", float("inf"), "inf", "-inf", "1e400", "abc", "", True, False, None],
)
def test_quantity_refuses_zero_negative_nan_infinite_and_non_numbers(value):
    with pytest.raises(InvalidValue) as refusal:
        quantity("kg", value)
    assert refusal.value.field == "kg"
    assert "is not a finite number greater than 0" in str(refusal.value)


@pytest.mark.parametrize(("value", "expected"), [(1, 1), ("12", 12), (3.0, 3), (10**9, 10**9)])
def test_count_accepts_whole_numbers_above_zero(value, expected):
    assert count("bottles", value) == expected


@pytest.mark.parametrize("value", [0, -3, 2.5, "2.5", "abc", True, float("nan"), float("inf"), None])
def test_count_refuses_non_whole_or_non_positive_numbers(value):
    with pytest.raises(InvalidValue) as refusal:
        count("bottles", value)
    assert refusal.value.field == "bottles"
    assert "is not a whole number greater than 0" in str(refusal.value)


@pytest.mark.parametrize("value", [10**9 + 1, str(10**9 + 1), 2**63, 10**41, 1e308])
def test_counts_and_rupiah_above_a_billion_are_refused(value):
    assert count("count", 10**9) == 1_000_000_000
    assert rupiah("price_rp_per_kg", 10**9) == 1_000_000_000
    for check in (count, rupiah):
        with pytest.raises(InvalidValue) as refusal:
            check("count", value)
        assert (refusal.value.code, str(refusal.value).split(": ", 1)[1]) == ("too_large", "is larger than 1000000000")


@pytest.mark.parametrize("value", [1_000_000_000.5, 1e10, "1e308", 1.7976931348623157e308])
def test_quantities_above_a_billion_are_refused(value):
    assert quantity("kg", 1e9) == 1_000_000_000.0
    with pytest.raises(InvalidValue) as refusal:
        quantity("kg", value)
    assert refusal.value.code == "too_large"


@pytest.mark.parametrize("value", [0.0009, 1e-320, 5e-324, "0.0001"])
def test_quantities_below_the_stored_precision_are_refused(value):
    assert quantity("liters", 0.001) == 0.001
    with pytest.raises(InvalidValue) as refusal:
        quantity("liters", value)
    assert str(refusal.value).split(": ", 1)[1] == "is less than 0.001, the smallest amount recorded (3 decimals)"


def test_rupiah_rounds_to_whole_rupiah():
    assert rupiah("price_rp_per_kg", 3500.4) == 3500
    assert rupiah("price_rp_per_kg", "4999.6") == 5000


@pytest.mark.parametrize("value", [0.4, 0, -100, "nan"])
def test_rupiah_refuses_amounts_below_one_rupiah(value):
    with pytest.raises(InvalidValue) as refusal:
        rupiah("cost_rp", value)
    assert refusal.value.field == "cost_rp"


def test_choice_names_the_allowed_values():
    assert choice("category", "plastik", CATEGORIES) == "plastik"
    with pytest.raises(InvalidValue) as refusal:
        choice("category", "Plastik", CATEGORIES)
    assert refusal.value.field == "category"
    assert str(refusal.value) == "category 'Plastik': is not one of: " + ", ".join(CATEGORIES)


def test_text_is_trimmed_and_empty_is_refused_when_required():
    assert text("name", "  Masjid Al-Ikhlas  ") == "Masjid Al-Ikhlas"
    assert text("buyer", "   ", required=False) is None
    assert text("buyer", None, required=False) is None
    for empty in ("", "   ", None):
        with pytest.raises(InvalidValue) as refusal:
            text("reason", empty)
        assert refusal.value.field == "reason"
        assert "must not be empty" in str(refusal.value)


def test_dates_from_2000_01_01_up_to_today_are_accepted():
    assert occurred_on("date", date(2000, 1, 1), TODAY) == date(2000, 1, 1)
    assert occurred_on("date", TODAY, TODAY) == TODAY
    assert occurred_on("date", datetime(2025, 6, 1, 8, 30), TODAY) == date(2025, 6, 1)


def test_a_future_date_is_refused():
    with pytest.raises(InvalidValue) as refusal:
        occurred_on("date", date(2025, 7, 1), TODAY)
    assert (refusal.value.field, refusal.value.value) == ("date", "2025-07-01")
    assert str(refusal.value) == "date '2025-07-01': is in the future"


def test_a_date_before_2000_is_refused():
    with pytest.raises(InvalidValue) as refusal:
        occurred_on("date", date(1999, 12, 31), TODAY)
    assert str(refusal.value) == "date '1999-12-31': is before 2000-01-01"


def test_parse_date_reads_iso_dates():
    assert parse_date("date", "2025-02-28") == date(2025, 2, 28)
    assert parse_date("date", "2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "value",
    ["2025-02-30", "2023-02-29", "2025-13-01", "20250101", "2025-1-1", "01-06-2025", "2025/06/01",
     "2025-06-01T00:00", "٢٠٢٥-٠٦-٠١", "yesterday", ""],
)
def test_parse_date_refuses_impossible_dates_and_other_formats(value):
    with pytest.raises(InvalidValue) as refusal:
        parse_date("date", value)
    assert refusal.value.field == "date"
    assert "is not a real date in the form YYYY-MM-DD" in str(refusal.value)


def test_default_source_follows_the_site_kind():
    assert default_source("school") == "fasilitas-publik"
    assert default_source("mosque") == "fasilitas-publik"
    assert default_source("community") == "rumah-tangga"
    assert default_source("waste-bank") == "lainnya"
    assert default_source("tps3r") == "lainnya"


def test_messages_exist_in_english_and_indonesian():
    with pytest.raises(InvalidValue) as refusal:
        quantity("kg", -1)
    error = refusal.value
    assert isinstance(error, DomainError)
    assert (error.field, error.value, error.code, error.data) == ("kg", -1, "not_a_positive_number", {})
    assert error.message("en") == "kg -1: is not a finite number greater than 0"
    assert error.message("id") == "kg -1: bukan bilangan hingga yang lebih dari 0"
