"""Sites named in a logbook as clerks write them: the slug (``bank-sampah-melati``) or the
name the site was registered with (``Bank Sampah Melati``), trimmed and whatever its case. A
name shared by two sites, or no site's at all, is left as written, for the domain to refuse as
an unknown site."""

from __future__ import annotations

from typing import Any

from domain.errors import DomainError
from envtrack.application import EnvTrack
from envtrack.unit_of_work import UnitOfWork


class SiteNames:
    """``slug(cell)``: the site slug a ``lokasi`` cell means. The registered names are read
    once, the first time a cell is not a known slug."""

    def __init__(self, app: EnvTrack, work: UnitOfWork) -> None:
        self.app, self.work = app, work
        self._meant: dict[str, str] = {}
        self._names: dict[str, list[str]] | None = None

    def slug(self, cell: str) -> str:
        meant = self._meant.get(cell)
        if meant is None:
            if len(self._meant) > 10_000:  # a file of many unknown names: keep memory bounded
                self._meant.clear()
            meant = self._meant[cell] = self._resolve(cell)
        return meant

    def _resolve(self, cell: str) -> str:
        try:
            self.work.site(cell, open_only=False)
            return cell
        except DomainError:
            pass
        if self._names is None:
            self._names = {}
            for site in self.app.list_sites():
                self._names.setdefault(_as_compared(site["name"]), []).append(site["site"])
        slugs = self._names.get(_as_compared(cell), [])
        return slugs[0] if len(slugs) == 1 else cell


def _as_compared(name: Any) -> str:
    return " ".join(str(name or "").split()).casefold()
