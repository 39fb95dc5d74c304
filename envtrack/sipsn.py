"""The SIPSN bridge (spec section 12): the tables a DLH types into SIPSN, exported from the log,
and a published capaian table checked against it.

Both read the read models caught up with the log (the city's name, province and basis among
them, from ``city set``); neither writes an event, and a refusal comes before any file is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from domain.errors import InvalidValue
from envtrack.store import Store

if TYPE_CHECKING:
    from projections.sipsn_tables import City

Progress = Callable[[int, int], None]
FIRST_YEAR = 2000


def check_year(option: str, year: int, today: date) -> int:
    """A year of SIPSN figures: from 2000 to this year (figures of a year to come are none)."""
    if not FIRST_YEAR <= year <= today.year:
        raise InvalidValue(option, year, "year_out_of_range", first=FIRST_YEAR, last=today.year)
    return year


def named_city(city: City, year: int, *, province: bool = True) -> City:
    """``city`` if it has a name (and, for the export, a province); else refused naming
    ``city``, with the command that sets them."""
    if not city.name and not city.province and province:
        raise InvalidValue("city", "", "sipsn_no_city", year=year)
    if not city.name:
        raise InvalidValue("city", city.province or "", "sipsn_no_city_name", year=year)
    if province and not city.province:
        raise InvalidValue("city", city.name, "sipsn_no_city_province", year=year)
    return city


def export(
    store: Store,
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
    from projections.sipsn_tables import all_tables, city, period

    when = period(check_year("--year", year, today), period_name)
    if out.exists() and not out.is_dir():
        raise InvalidValue("--out", str(out), "a_file_not_a_directory")
    frames = current_frames(store, progress, when.start, when.end)
    found = all_tables(frames, when, named_city(city(frames), when.year))
    try:
        files = sipsn_files.write(out, when.year, when.name, found)
    except OSError as error:  # no permission, a full disk, a folder where a file goes
        reason = error.strerror or str(error)
        raise InvalidValue("--out", str(out), "cannot_be_written", reason=reason) from None
    return {"position": frames.position, "files": files, "basis": found["timbulan"][0]["dasar"], "period": when}


def compare(
    store: Store,
    path: Path,
    *,
    year: int | None,
    name: str | None,
    today: date,
    progress: Progress | None = None,
) -> tuple[int, dict[str, Any], str]:
    """The published row of the city (``name``, default the city's own) beside envtrack's
    figures of the same year and period, basis ``auto``: ``(position, comparison, basis)``."""
    from envtrack.reports import current_frames, require_store
    from projections import sipsn_compare
    from projections.sipsn_tables import capaian_figures, city, period

    if year is not None:
        check_year("--year", year, today)
    require_store(store)
    rows = sipsn_compare.read_table(path)
    frames = current_frames(store, progress)
    if name is None:
        name = named_city(city(frames), year or today.year, province=False).name
        assert name is not None
    published = sipsn_compare.find_row(rows, name, year)
    when = period(check_year("--year", published["year"] or 0, today), published["period"])
    ours = capaian_figures(frames, when)
    return frames.position, sipsn_compare.comparison(published, ours), ours["basis"]
