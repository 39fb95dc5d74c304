"""City commands: ``set_city`` records the basis of one year (and the city's name and province)
on the store's single city record, creating it on the first call."""

from __future__ import annotations

from typing import Any

from envtrack.commands import Commands
from envtrack.unit_of_work import UnitOfWork


class CityCommands(Commands):
    def set_city(self, year: int, **options: Any) -> None:
        """One event on the city record: the ``options`` given (keys of ``City.values``; None
        or absent: not given) for ``year``. Refused, with nothing written, when a value is out of
        range or nothing but the year is given."""
        from domain.city import CITY_ID, City

        stamp = self._stamp(None)
        checked = City.values(year=year, this_year=self.today().year, **options)

        def command(work: UnitOfWork) -> None:
            city = work.find(CITY_ID)
            if city is None:
                work.add(City.register(**checked, **stamp))
            else:
                city.set(**checked, **stamp)

        self.run(command)
