"""The demo city's calendar: Ramadan and Idul Fitri, school days and holidays, seasons."""

from __future__ import annotations

from datetime import date, timedelta

RAMADAN: dict[int, tuple[date, date]] = {
    2015: (date(2015, 6, 18), date(2015, 7, 16)),
    2016: (date(2016, 6, 6), date(2016, 7, 5)),
    2017: (date(2017, 5, 27), date(2017, 6, 24)),
    2018: (date(2018, 5, 17), date(2018, 6, 14)),
    2019: (date(2019, 5, 6), date(2019, 6, 4)),
    2020: (date(2020, 4, 24), date(2020, 5, 23)),
    2021: (date(2021, 4, 13), date(2021, 5, 12)),
    2022: (date(2022, 4, 2), date(2022, 5, 1)),
    2023: (date(2023, 3, 23), date(2023, 4, 20)),
    2024: (date(2024, 3, 11), date(2024, 4, 9)),
    2025: (date(2025, 3, 1), date(2025, 3, 30)),
    2026: (date(2026, 2, 18), date(2026, 3, 19)),
    2027: (date(2027, 2, 8), date(2027, 3, 9)),
    2028: (date(2028, 1, 28), date(2028, 2, 25)),
    2029: (date(2029, 1, 16), date(2029, 2, 13)),
}
"""First and last day of Ramadan as observed in Indonesia (a day either way by moon sighting)."""

LUNAR_YEAR_DAYS = 354.367
PUBLIC_HOLIDAYS = ((1, 1), (5, 1), (6, 1), (8, 17), (12, 25))


def ramadan(year: int) -> list[tuple[date, date]]:
    """The Ramadan periods that overlap ``year`` (two in some years, e.g. 2030)."""
    anchor = RAMADAN[2025][0]
    found = []
    for cycles in range(-200, 200):
        start = anchor + timedelta(days=round(cycles * LUNAR_YEAR_DAYS))
        if start.year in RAMADAN:
            start, end = RAMADAN[start.year]
        else:
            end = start + timedelta(days=29)
        if start.year <= year <= end.year and (start, end) not in found:
            found.append((start, end))
    return found


class Calendar:
    """Which days are Ramadan, around Idul Fitri, school days, and how much waste a day makes."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self.ramadan: set[date] = set()
        self.lebaran: list[date] = []
        for year in range(first.year - 1, last.year + 2):
            for start, end in ramadan(year):
                self.ramadan.update(_days(start, end))
                if end + timedelta(days=1) not in self.lebaran:
                    self.lebaran.append(end + timedelta(days=1))
        self.school_days = {d for d in _days(first, last) if self._school_day(d)}
        self.last_school_day_of_month = {
            max(d for d in self.school_days if (d.year, d.month) == month)
            for month in {(d.year, d.month) for d in self.school_days}
        }

    def days(self) -> list[date]:
        return _days(self.first, self.last)

    def days_from_lebaran(self, day: date) -> int | None:
        """Days after Idul Fitri (negative before it), when within three weeks of one."""
        for lebaran in self.lebaran:
            offset = (day - lebaran).days
            if -21 <= offset <= 21:
                return offset
        return None

    def _school_day(self, day: date) -> bool:
        if day.weekday() >= 5 or (day.month, day.day) in PUBLIC_HOLIDAYS:
            return False
        if (day.month == 6 and day.day >= 21) or (day.month == 7 and day.day <= 12):
            return False  # end of the school year
        if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3):
            return False  # end of the first semester
        offset = self.days_from_lebaran(day)
        return not (offset is not None and -5 <= offset <= 7)  # Idul Fitri break

    def school_activity(self, day: date) -> float:
        """How busy a school day is: pupils eat and drink less at school in Ramadan."""
        return 0.45 if day in self.ramadan else 1.0

    def household_waste(self, day: date) -> float:
        """Household waste of a day against an ordinary one."""
        factor = 1.0
        if day in self.ramadan:
            factor *= 1.08  # sahur and buka puasa at home
        offset = self.days_from_lebaran(day)
        if offset is not None:
            if -3 <= offset <= 2:
                factor *= 1.3  # Lebaran: cooking, guests, parcels
            elif 3 <= offset <= 10:
                factor *= 0.88  # many families away (mudik)
        if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1):
            factor *= 1.08
        return factor

    @staticmethod
    def rainy(day: date) -> bool:
        """East Java's rainy season (November to April): more garden waste."""
        return day.month >= 11 or day.month <= 4


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
