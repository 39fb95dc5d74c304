"""The SIPSN bridge (spec section 12): the tables a DLH types into SIPSN, exported from the log,
and a published capaian table checked against it.

Both read the city's record (``city show``: name, province, each year's basis) and the read
models caught up with the log; neither writes an event. Refusals come before anything is
computed or written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from domain.errors import InvalidValue
from envtrack.store import Store

if TYPE_CHECKING:
    from projections.sipsn_tables import City, Period

Progress = Callable[[int, int], None]
FIRST_YEAR = 2000


def check_year(option: str, year: int, today: date) -> int:
    """A year of SIPSN figures: from 2000 to this year (figures of a year to come are none)."""
    if not FIRST_YEAR <= year <= today.year:
        raise InvalidValue(option, year, "year_out_of_range", first=FIRST_YEAR, last=today.year)
    return year


def city_for_tables(record: dict[str, Any], when: Period, *, province: bool = True) -> City:
    """The city as the tables name it, with its estimate of the period (None without one).
    Refused naming ``city`` when its name (or, for the export, its province) is not set."""
    from projections.basis import estimate_kg
    from projections.sipsn_tables import City

    name, held = record.get("name"), record.get("province")
    if not name and not held and province:
        raise InvalidValue("city", "", "sipsn_no_city", year=when.year)
    if not name:
        raise InvalidValue("city", held or "", "sipsn_no_city_name", year=when.year)
    if province and not held:
        raise InvalidValue("city", name, "sipsn_no_city_province", year=when.year)
    years = {int(values["year"]): values for values in record.get("years", [])}
    return City(name=name, province=held or "", estimate_kg=estimate_kg(years, when.start, when.end))


def export(
    store: Store,
    record: dict[str, Any],
    year: int,
    period_name: str,
    out: Path,
    *,
    today: date,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Writes the five CSVs and the workbook of ``year``/``period_name`` into ``out``.
    Returns ``{"position", "files", "basis", "period"}``."""
    from envtrack.reports import current_frames
    from projections import sipsn_files
    from projections.sipsn_tables import all_tables, period

    when = period(check_year("--year", year, today), period_name)
    city = city_for_tables(record, when)
    if out.exists() and not out.is_dir():
        raise InvalidValue("--out", str(out), "a_file_not_a_directory")
    frames = current_frames(store, progress, when.start, when.end)
    found = all_tables(frames, when, city)
    try:
        files = sipsn_files.write(out, when.year, when.name, found)
    except OSError as error:  # no permission, a full disk, a folder where a file goes
        reason = error.strerror or str(error)
        raise InvalidValue("--out", str(out), "cannot_be_written", reason=reason) from None
    return {"position": frames.position, "files": files, "basis": found["timbulan"][0]["dasar"], "period": when}


def compare(
    store: Store,
    record: dict[str, Any],
    path: Path,
    *,
    year: int | None,
    name: str | None,
    today: date,
    progress: Progress | None = None,
) -> tuple[int, dict[str, Any], str]:
    """The published row of the city (``name``, default the city's own) beside envtrack's
    figures of the same year and period, basis ``auto``: ``(position, comparison, basis)``."""
    from envtrack.reports import current_frames
    from projections import sipsn_compare
    from projections.sipsn_tables import capaian_figures, period

    if year is not None:
        check_year("--year", year, today)
    if name is None:
        name = record.get("name")
        if not name:
            raise InvalidValue("city", record.get("province") or "", "sipsn_no_city_name", year=year or today.year)
    published = sipsn_compare.find_row(sipsn_compare.read_table(path), name, year)
    when = period(check_year("--year", published["year"] or 0, today), published["period"])
    estimate = city_for_tables({**record, "name": published["name"]}, when, province=False).estimate_kg
    frames = current_frames(store, progress, when.start, when.end)
    ours = capaian_figures(frames, when, estimate)
    return frames.position, sipsn_compare.comparison(published, ours), ours["basis"]
