"""``envtrack demo``: a synthetic Kota Mojokerto written through the application.

Three kecamatan with their kelurahan, 20 schools running SAMBO DIKARTU AS, 10 mosques with
MADULENI MANIS ponds, waste banks, a TPS3R, a market and a community site per kelurahan, over the
most recent complete calendar years, day by day: school days and holidays, Ramadan and Idul
Fitri, rainy seasons, a few voids and corrections. Everything random comes from the seed, and
entry ids from the seed and the order of writing, so the same seed and years give the same
entries, ids and figures (only the recording timestamps differ).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from envtrack.application import EnvTrack
from envtrack.demo import city as places
from envtrack.demo.basis import record_basis
from envtrack.demo.calendar import Calendar
from envtrack.demo.community import Community
from envtrack.demo.mosques import Mosques
from envtrack.demo.schools import Schools, rates_for
from envtrack.demo.writer import DemoWriter, entry_id

DEFAULT_SEED = 1
MAX_YEARS = 10


@dataclass
class DemoCity:
    """What the demo wrote."""

    first: date
    last: date
    sites: int
    ponds: int
    entries: int
    events: int


def period(today: date, years: int) -> tuple[date, date]:
    """The ``years`` most recent complete calendar years before ``today``."""
    last = today.year - 1
    return date(last - years + 1, 1, 1), date(last, 12, 31)


def _tag(seed: int, first: date, last: date) -> str:
    return f"{seed}/{first.year}-{last.year}"


def already_written(app: EnvTrack, *, seed: int = DEFAULT_SEED, years: int = 1) -> bool:
    """Whether the store already holds the demo of this seed and years (its first entry is
    there: the same seed and years always give the same ids)."""
    first, last = period(app.today(), years)
    first_entry = entry_id(_tag(seed, first, last), 1)
    return bool(app.store.existing_ids([first_entry]))


def build_city(
    app: EnvTrack, *, seed: int = DEFAULT_SEED, years: int = 1, progress: Callable[[int], None] | None = None
) -> DemoCity:
    """Writes the demo city into the application's store; refuses (writing nothing) when one of
    its sites or ponds is already there."""
    first, last = period(app.today(), years)
    city = places.build(seed)
    calendar = Calendar(first, last)
    writer = DemoWriter(app, _tag(seed, first, last), progress)
    writer.open_city(city, first, rates_for(seed, city))
    record_basis(writer.work, first, last, app.today())
    programmes = [
        Schools(writer, city, calendar, seed),
        Mosques(writer, city, calendar, seed, first),
        Community(writer, city, calendar, seed),
    ]
    for day in calendar.days():
        writer.run_due(day)
        for programme in programmes:
            programme.day(day)
    writer.finish(last)
    return DemoCity(first, last, len(city.sites), len(city.ponds), writer.entries, writer.events)


__all__ = ["DEFAULT_SEED", "MAX_YEARS", "DemoCity", "already_written", "build_city", "period"]
