"""Reporting periods from ``--year`` or ``--from``/``--to``: the current calendar year so far by
default. Refusals name the option and the value."""

from __future__ import annotations

from datetime import date

from domain.errors import InvalidValue
from domain.values import parse_date

MIN_YEAR = 2000
MAX_YEAR = 9999


def parse_period(
    year: int | None, start: str | None, end: str | None, *, today: date
) -> tuple[date, date]:
    """(first day, last day) of the period asked for, both included.

    ``--year Y`` is the whole calendar year; ``--from`` alone runs to today; ``--to`` alone starts
    on 1 January of its year; nothing at all is this year so far.
    """
    if year is not None:
        if start is not None or end is not None:
            option = "--from" if start is not None else "--to"
            raise InvalidValue("--year", year, "year_with_range", option=option)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidValue("--year", year, "year_out_of_range", first=MIN_YEAR, last=MAX_YEAR)
        return date(year, 1, 1), date(year, 12, 31)
    first = None if start is None else parse_date("--from", start)
    last = None if end is None else parse_date("--to", end)
    if first is None and last is None:
        return date(today.year, 1, 1), today
    if last is None:
        assert first is not None
        if first > today:
            raise InvalidValue("--from", start, "from_in_the_future")
        return first, today
    if first is None:
        return date(last.year, 1, 1), last
    if first > last:
        raise InvalidValue("--from", start, "from_after_to", to=last.isoformat())
    return first, last
