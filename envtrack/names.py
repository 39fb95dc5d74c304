"""Sites and ponds as operators name them: the slug, or the name a site was registered under.

``Directory`` resolves what was typed to a slug through the event store's own reads, without the
read models (a recording command loads neither SQLAlchemy nor pandas):

1. the text, trimmed and in lower case, is the slug of a site (or pond) in the log: one
   primary-key lookup, the usual case;
2. otherwise the registrations are read from the log (sites' ``Registered`` and ``Updated``
   events, ponds' ``Added``), and the text is compared with every site's current name, trimmed,
   case-insensitive and with runs of spaces as one: exactly one match is the site;
3. otherwise it is refused, with up to three close slugs (``difflib``, on slugs and names) and
   the command that lists them.

Without a store at all, every name is unknown: the refusal says there is no store there (and
nothing is created).

One ``Directory`` remembers what each text it was given resolved to (or why it was refused), so
that an import naming a few sites in many rows looks each name up once and reads the
registrations at most once.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from domain import values
from domain.errors import DomainError, InvalidValue, NotFound
from domain.values import site_id

if TYPE_CHECKING:
    from envtrack.store import Store

SITE_REGISTERED = "domain.sites:Site.Registered"
SITE_UPDATED = "domain.sites:Site.Updated"
POND_ADDED = "domain.ponds:Pond.Added"
"""The stored topics read here (stored forever, so they are safe to name)."""

SUGGESTIONS = 3
REMEMBERED = 10_000
"""Texts a ``Directory`` remembers at most (a file of many different unknown names: memory stays
bounded, the lookups are done again)."""


def compared(text: str) -> str:
    """A name as names are compared: trimmed, case-folded, runs of spaces as one."""
    return " ".join(str(text).split()).casefold()


def close_slugs(typed: str, names: dict[str, str]) -> tuple[str, ...]:
    """Up to three slugs of ``names`` ({slug: name}) close to ``typed``, closest first."""
    import difflib  # only for a name that is refused: a command that records never needs it

    key = compared(typed)
    candidates: dict[str, str] = {}
    for slug, name in names.items():
        candidates.setdefault(slug, slug)
        if name:
            candidates.setdefault(compared(name), slug)
    found: list[str] = []
    for match in difflib.get_close_matches(key, list(candidates), n=SUGGESTIONS * 2, cutoff=0.6):
        if candidates[match] not in found:
            found.append(candidates[match])
    return tuple(found[:SUGGESTIONS])


def unknown_item(site: str, typed: str, items: list[str]) -> NotFound:
    """The refusal of an item ``typed`` that school ``site`` does not have (``items``: those it
    has), with up to three close ones."""
    suggestions = close_slugs(typed, {item: "" for item in items})
    if suggestions:
        return NotFound("item", typed, "unknown_item_suggest", site=site, suggestions=suggestions)
    return NotFound("item", typed, "unknown_item_listed", site=site)


class Directory:
    """The sites and ponds of one store, read from its log only when a name is not a slug."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._sites: dict[str, str] | None = None
        self._ponds: dict[str, str] | None = None
        self._exists: bool | None = None
        self._meant: dict[tuple[str, str], str | DomainError] = {}

    def _check_store(self) -> None:
        if self._exists is None:
            self._exists = self.store.exists()
        if not self._exists:
            # as ``envtrack.application.require_store`` says it: where the store was looked for
            raise NotFound("db", self.store.display, "no_store_here", path=self.store.location)

    # -- sites ---------------------------------------------------------------------------------

    def site(self, field: str, typed: str) -> str:
        """The slug of the site ``typed`` names (its slug or its registered name); the same text
        asked again is answered from memory, a refusal raised again as it was."""
        key = (field, typed)
        meant = self._meant.get(key)
        if meant is None:
            if len(self._meant) >= REMEMBERED:
                self._meant.clear()
            try:
                meant = self._site(field, typed)
            except DomainError as refusal:
                meant = refusal
            self._meant[key] = meant
        if isinstance(meant, DomainError):
            raise meant.with_traceback(None)
        return meant

    def _site(self, field: str, typed: str) -> str:
        self._check_store()
        lowered = str(typed).strip().lower()
        if self._sites is not None and lowered in self._sites:  # read already: no query
            return lowered
        if _is_slug(lowered) and self.store.existing_ids([site_id(lowered)]):
            return lowered
        names = self.sites()
        if lowered in names:
            return lowered
        key = compared(typed)
        matches = sorted(slug for slug, name in names.items() if compared(name) == key)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise InvalidValue(field, typed, "site_name_ambiguous", sites=tuple(matches))
        suggestions = close_slugs(typed, names)
        if suggestions:
            raise NotFound(field, typed, "unknown_site_suggest", suggestions=suggestions)
        raise NotFound(field, typed, "unknown_site_listed")

    def sites(self) -> dict[str, str]:
        """{slug: current name} of every site in the log."""
        if self._sites is None:
            slugs: dict[object, str] = {}
            names: dict[str, str] = {}
            for page in self.store.read_log(topics=[SITE_REGISTERED, SITE_UPDATED]):
                for _, originator_id, _, topic, state in page:
                    data = json.loads(state)
                    if topic == SITE_REGISTERED:
                        slugs[originator_id] = data["slug"]
                        names[data["slug"]] = data.get("name") or ""
                    elif originator_id in slugs and "name" in data.get("changes", {}):
                        names[slugs[originator_id]] = data["changes"]["name"]
            self._sites = names
        return self._sites

    # -- ponds ---------------------------------------------------------------------------------

    def pond(self, field: str, typed: str) -> str:
        """The slug of the pond ``typed`` names (ponds have no name but their slug)."""
        self._check_store()
        lowered = str(typed).strip().lower()
        if _is_slug(lowered) and self.store.existing_ids([values.pond_id(lowered)]):
            return lowered
        ponds = self.ponds()
        suggestions = close_slugs(typed, {slug: "" for slug in ponds})
        if suggestions:
            raise NotFound(field, typed, "unknown_pond_suggest", suggestions=suggestions)
        raise NotFound(field, typed, "unknown_pond_listed")

    def ponds(self) -> dict[str, str]:
        """{slug: site slug} of every pond in the log."""
        if self._ponds is None:
            ponds: dict[str, str] = {}
            for page in self.store.read_log(topics=[POND_ADDED]):
                for *_, state in page:
                    data = json.loads(state)
                    ponds[data["slug"]] = data.get("site") or ""
            self._ponds = ponds
        return self._ponds


def _is_slug(text: str) -> bool:
    try:
        values.slug("site", text)
    except InvalidValue:
        return False
    return True
