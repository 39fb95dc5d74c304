"""The city basis: a year's estimate, a period's (prorated by day, across years, leap years),
the targets of a period and the open-dumping years. Figures worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from projections.basis import estimate_kg, open_dumping_years, targets, year_estimate_kg

YEARS = {
    2023: {"population": 134000, "kg_per_person_day": 0.73, "timbulan_ton": 35883.15},
    2024: {"population": 134000, "kg_per_person_day": 0.73, "timbulan_ton": None, "tpa_system": "open-dumping"},
    2025: {"population": 135000, "kg_per_person_day": 0.74, "timbulan_ton": None, "tpa_system": "controlled-landfill",
           "target_pengurangan": 32, "target_penanganan": None, "target_dikelola": 51.21},
    2026: {"population": 136000, "kg_per_person_day": None, "timbulan_ton": None},
}


def test_a_surveyed_tonnage_wins_over_population_times_rate():
    # 35,883.15 t × 1000
    assert year_estimate_kg(YEARS, 2023) == pytest.approx(35_883_150.0)


def test_a_leap_year_from_population_times_rate_counts_366_days():
    # 134,000 × 0.73 × 366 = 97,820 × 366 = 35,802,120
    assert year_estimate_kg(YEARS, 2024) == pytest.approx(35_802_120.0)
    assert estimate_kg(YEARS, date(2024, 1, 1), date(2024, 12, 31)) == pytest.approx(35_802_120.0)


def test_no_estimate_without_both_population_and_rate_or_without_the_year():
    assert year_estimate_kg(YEARS, 2026) is None
    assert year_estimate_kg(YEARS, 2027) is None
    assert year_estimate_kg({}, 2024) is None


def test_a_month_gets_its_days_share():
    # February 2024: 29 of 366 days: 35,802,120 × 29 / 366 = 97,820 × 29 = 2,836,780
    assert estimate_kg(YEARS, date(2024, 2, 1), date(2024, 2, 29)) == pytest.approx(2_836_780.0)
    # March 2025: 135,000 × 0.74 = 99,900 a day × 31 = 3,096,900
    assert estimate_kg(YEARS, date(2025, 3, 1), date(2025, 3, 31)) == pytest.approx(3_096_900.0)


def test_a_period_across_two_years_takes_each_days_own_year():
    # 2024-12-01 … 2025-01-31: 31 days at 97,820 + 31 days at 99,900
    # = 3,032,420 + 3,096,900 = 6,129,320
    assert estimate_kg(YEARS, date(2024, 12, 1), date(2025, 1, 31)) == pytest.approx(6_129_320.0)
    # 2023-07-01 … 2024-06-30: 184/365 of 35,883,150 + 182 days at 97,820
    # = 18,089,040 + 17,803,240 = 35,892,280
    assert estimate_kg(YEARS, date(2023, 7, 1), date(2024, 6, 30)) == pytest.approx(35_892_280.0)


def test_a_period_has_no_estimate_unless_every_year_it_touches_has_one():
    assert estimate_kg(YEARS, date(2025, 12, 1), date(2026, 1, 31)) is None
    assert estimate_kg(YEARS, date(2022, 12, 31), date(2023, 1, 1)) is None


def test_years_may_be_keyed_by_their_strings_as_a_stored_record_keeps_them():
    stored = {str(year): values for year, values in YEARS.items()}
    assert estimate_kg(stored, date(2024, 2, 1), date(2024, 2, 29)) == pytest.approx(2_836_780.0)


def test_targets_come_from_the_option_then_the_year_of_the_last_day_then_the_default():
    # period ending in 2025: pengurangan from the record (32), penanganan default (70),
    # dikelola from the record (51.21)
    assert targets(YEARS, date(2025, 6, 30)) == {"pct_pengurangan": 32, "pct_penanganan": 70, "pct_dikelola": 51.21}
    # an option wins over the record
    given = {"pct_pengurangan": 35, "pct_dikelola": None}
    assert targets(YEARS, date(2025, 6, 30), given) == {"pct_pengurangan": 35, "pct_penanganan": 70, "pct_dikelola": 51.21}
    # a period starting in 2025 and ending in 2026 takes 2026's (none): the defaults
    assert targets(YEARS, date(2026, 1, 31)) == {"pct_pengurangan": 30, "pct_penanganan": 70, "pct_dikelola": None}
    assert targets(None, date(2025, 1, 1)) == {"pct_pengurangan": 30, "pct_penanganan": 70, "pct_dikelola": None}


def test_open_dumping_years():
    assert open_dumping_years(YEARS) == {2024}
    assert open_dumping_years({"2024": {"tpa_system": "open-dumping"}}) == {2024}
