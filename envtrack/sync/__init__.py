"""Offline sites, one city log: events copied between stores, directly or by bundle.

Every store has an id (``Store.store_id``). ``copy_between`` takes into one store the events of
another that it has not taken yet (``sync push`` and ``sync pull``); ``export_bundle`` writes a
store's events into a bundle file and ``import_bundle`` takes one in. Each receiver remembers,
per source store, the last source position it has taken (the library's tracking records, in the
same transaction as the events: see ``copying``), so running any of them again writes nothing
new, and echoes are skipped (``holding``).
"""

from __future__ import annotations

from typing import Any

from domain.errors import Refused
from envtrack.store import EXPORTED
from envtrack.sync import bundles
from envtrack.sync.copying import PAGE_SIZE, Outcome, Progress, store_pages, take

__all__ = ["Outcome", "copy_between", "export_bundle", "import_bundle", "read_bundle", "remember_export"]


def store_id(app: Any, field: str) -> str:
    """The store id of ``app``'s store, or a refusal naming ``field``."""
    found = app.store.store_id()
    if found is None:
        raise Refused(field, app.store.display, "sync_no_store_id")
    return found


def copy_between(source: Any, receiver: Any, *, field: str, progress: Progress | None = None) -> Outcome:
    """Takes into ``receiver`` the events of ``source`` it has not taken yet (``field`` names
    the option that gave the other store)."""
    source_id, receiver_id = store_id(source, field), store_id(receiver, field)
    if source_id == receiver_id:
        other = source if field == "--from" else receiver
        raise Refused(field, other.store.display, "sync_same_store")
    _check_same_history(source, receiver, source_id, field)
    upto = source.store.head_position()
    return take(receiver, source_id, store_pages(source, upto), upto, progress)


def _check_same_history(source: Any, receiver: Any, source_id: str, field: str) -> None:
    """Refuses a source whose log no longer holds, where the receiver last copied from it, the
    event it copied: another store with the same id (a store file copied to a second machine,
    both recording since), whose events after that position would be taken for ones already
    taken."""
    last = receiver.store.last_copy(source_id)
    if last is None:
        return
    here, there = last
    (copied,) = next(receiver.store.read_log(after=here - 1, upto=here))
    found = source.recorder.select_notifications(there, 1, stop=there)
    if not found or (found[0].originator_id, found[0].originator_version) != (copied[1], copied[2]):
        named = field if field == "--from" else "db"  # the source: the store given, or this one
        raise Refused(named, source.store.display, "sync_other_history", store=source_id, position=there)


def export_bundle(app: Any, *, everything: bool) -> tuple[bytes, bundles.Header]:
    """A bundle of the store's events not yet exported (all of them with ``everything``)."""
    own = store_id(app, "db")
    after = 0 if everything else app.store.tracked().get(EXPORTED, 0)
    upto = app.store.head_position()
    data, count = bundles.write(own, after, upto, store_pages(app, upto)(after))
    return data, bundles.Header(own, after, upto, count)


def remember_export(app: Any, header: bundles.Header) -> None:
    """Records that the store's log was written to a bundle up to ``header.upto``."""
    from eventsourcing.persistence import Tracking

    if header.upto > app.store.tracked().get(EXPORTED, 0):
        app.recorder.insert_tracking(Tracking(EXPORTED, header.upto))


def read_bundle(path: str, data: bytes) -> bundles.Header:
    """The header of the bundle in ``data`` (read from ``path``), or a refusal if it is not whole."""
    return bundles.verify(path, data)


def import_bundle(app: Any, path: str, header: bundles.Header, data: bytes, progress: Progress | None = None) -> Outcome:
    """Takes a verified bundle in: one of this store's own, or one that starts after what was
    taken from its store (a bundle before it is missing), is refused before anything is written."""
    if header.store_id == store_id(app, "db"):
        raise Refused("bundle", path, "sync_own_bundle")
    taken = app.store.tracked().get(header.store_id, 0)
    if header.after > taken:
        raise Refused("bundle", path, "sync_bundle_gap", after=header.after, store=header.store_id, taken=taken)
    return take(app, header.store_id, lambda after: bundles.pages(path, data, after, PAGE_SIZE), header.upto, progress)
