"""How typed text becomes numbers, words and dates (``envtrack/parsing.py``), the one reading
shared by the command line and the importer."""

from __future__ import annotations

from datetime import date

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from envtrack import parsing
from envtrack.parsing import Unreadable, day, number, whole_number, word

# text: what it reads as (a number), or the reason it is refused with that reason's data
NUMBERS = {
    "2.5": 2.5,
    "2,5": 2.5,
    "0.250": 0.25,  # a zero integer part is never a thousands group
    "0,250": 0.25,
    ",5": 0.5,
    "1234.5": 1234.5,
    "1234.567": 1234.567,  # four digits before the mark: no thousands group, a decimal
    "1.1250": 1.125,  # a trailing zero keeps three decimals unambiguous
    "12,5000": 12.5,
    "1.250,5": 1250.5,  # both marks: the last is the decimal
    "1,250.5": 1250.5,
    "100.000,25": 100000.25,
    "1.250.000": 1250000.0,  # one mark repeated: thousands groups
    "1,250,000": 1250000.0,
    " 7 ": 7.0,
    "-1": -1.0,  # read; the domain refuses it (not above zero)
    "+3": 3.0,
    "1.250": ("ambiguous_number", {"thousands": "1250", "decimal": "1.25"}),
    "12,500": ("ambiguous_number", {"thousands": "12500", "decimal": "12,5"}),
    "999.999": ("ambiguous_number", {"thousands": "999999", "decimal": "999.9990"}),
    "1.125": ("ambiguous_number", {"thousands": "1125", "decimal": "1.1250"}),
    "1.000": ("ambiguous_number", {"thousands": "1000", "decimal": "1"}),
    "1e3": ("exponent_in_number", {}),
    "1e-320": ("exponent_in_number", {}),
    "2.5E+2": ("exponent_in_number", {}),
    "١٢": ("digits_not_ascii", {}),  # Arabic-Indic digits
    "１２": ("digits_not_ascii", {}),  # full-width digits
    "1²": ("digits_not_ascii", {}),
    "1_000": ("underscore_in_number", {}),
    "abc": ("not_a_number", {}),
    "": ("not_a_number", {}),
    "nan": ("not_a_number", {}),
    "inf": ("not_a_number", {}),
    "-Infinity": ("not_a_number", {}),
    "5.": ("not_a_number", {}),
    "1 250": ("not_a_number", {}),
    "1.25.000": ("not_a_number", {}),  # a thousands group of two digits
    "1.250,5,5": ("not_a_number", {}),  # two decimal marks
    "1,2.5": ("not_a_number", {}),
    "0.250.000": ("not_a_number", {}),  # grouped thousands never start with 0
    "−5": ("not_a_number", {}),  # U+2212, not the ASCII minus
}


@pytest.mark.parametrize("text", list(NUMBERS))
def test_number_reads_as_operators_type_or_refuses_with_the_reason(text):
    expected = NUMBERS[text]
    if isinstance(expected, float):
        assert number(text, unreadable="not_a_number") == expected
        return
    code, data = expected
    with pytest.raises(Unreadable) as refused:
        number(text, unreadable="not_a_number")
    assert (refused.value.code, refused.value.data) == (code, data)


def _reading(text: str) -> tuple:
    try:
        return parsing._read(text, "not_a_number")
    except Unreadable as error:
        return (error.code, error.data)


@given(st.text(alphabet="0123456789.,+- ", max_size=12))
@example("12,50")
@example("007.5")
@example("1,250")
def test_the_short_path_for_plain_numbers_reads_as_the_whole_rule(text):
    """Plain cells (``12``, ``2,5``) skip the rule's steps: the same value and text as the
    rule gives them, and every other text still goes through the rule."""
    fast = _reading(text)
    plain, parsing._PLAIN = parsing._PLAIN, re.compile(r"(?!)")  # a pattern that matches nothing
    try:
        assert fast == _reading(text)
    finally:
        parsing._PLAIN = plain


def test_the_caller_names_the_reason_for_a_text_that_is_no_number():
    with pytest.raises(Unreadable) as refused:
        number("dua", unreadable="cell_not_a_number")
    assert refused.value.code == "cell_not_a_number"


# text: a whole number (int), a number the domain refuses as not whole (float), or a refusal
WHOLE = {
    "12": 12,
    "12.0": 12,
    "12,0": 12,
    "1250": 1250,
    "1.250.000": 1250000,
    "2.5": 2.5,
    "0,5": 0.5,
    "1.250": ("ambiguous_whole_number", {"thousands": "1250"}),  # 1.25 is no count: one reading
    "12,500": ("ambiguous_whole_number", {"thousands": "12500"}),
    "1.000": ("ambiguous_number", {"thousands": "1000", "decimal": "1"}),  # both readings whole
    "1e3": ("exponent_in_number", {}),
    "１２": ("digits_not_ascii", {}),
}


@pytest.mark.parametrize("text", list(WHOLE))
def test_whole_number_gives_an_int_when_the_number_is_whole(text):
    expected = WHOLE[text]
    if not isinstance(expected, tuple):
        read = whole_number(text, unreadable="not_a_number")
        assert (read, type(read)) == (expected, type(expected))
        return
    with pytest.raises(Unreadable) as refused:
        whole_number(text, unreadable="not_a_number")
    assert (refused.value.code, refused.value.data) == expected


def test_a_refusal_names_the_field_and_keeps_the_text_typed():
    with pytest.raises(Unreadable) as refused:
        number("1.250", unreadable="not_a_number")
    refusal = refused.value.refusal("kg", "1.250")
    assert (refusal.field, refusal.value, refusal.code) == ("kg", "1.250", "ambiguous_number")
    assert refusal.message("en") == (
        "kg '1.250': is ambiguous (a thousands separator or a decimal mark?): write 1250, or 1.25"
    )
    assert refusal.message("id") == "kg '1.250': ambigu (pemisah ribuan atau tanda desimal?): tulis 1250, atau 1.25"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kertas/Karton", "kertas-karton"),
        ("kertas karton", "kertas-karton"),
        ("KERTAS_KARTON", "kertas-karton"),
        (" Kertas / Karton ", "kertas-karton"),
        ("Sisa Makanan", "sisa-makanan"),
        ("daur-ulang", "daur-ulang"),
        ("Lain-lain", "lainnya"),
        ("lain lain", "lainnya"),
        ("Lainnya", "lainnya"),
        ("TPS", "tps"),
        ("kaleng", "kaleng"),  # not a word of any vocabulary: the domain refuses it
    ],
)
def test_words_ignore_case_and_treat_separators_alike(text, expected):
    assert word(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2025-06-02", "02/06/2025", "2/6/2025", "02.06.2025", "2.6.2025", "02-06-2025", " 02/06/2025 ",
     "2025-06-02 00:00:00"],
)
def test_dates_in_iso_and_day_first_forms(text):
    assert day(text) == date(2025, 6, 2)


@pytest.mark.parametrize(
    "text",
    ["30/02/2025", "2025-02-30", "2023-02-29", "2025-13-01", "13/13/2025", "02/06.2025", "2025/06/02",
     "20250602", "2025-6-2", "02/06/25", "٠٢/٠٦/٢٠٢٥", "kemarin", ""],
)
def test_impossible_and_other_dates_are_refused(text):
    with pytest.raises(Unreadable) as refused:
        day(text)
    assert refused.value.code == "not_a_real_date"
