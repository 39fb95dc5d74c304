"""Indicator reports: catch the read models up with the log, then compute.

Used by ``envtrack indicators`` and by the evidence pack; both report the log position the figures
are as of. Read-only for the event log: a missing store is refused, never created.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from domain.errors import InvalidValue, NotFound
from envtrack.store import Store

if TYPE_CHECKING:
    import pandas as pd

    from projections.replay import Frames

BY = ("total", "month", "site", "category", "source")


def require_store(store: Store) -> None:
    """Refuses a store that does not exist (read-only commands never create one)."""
    from envtrack.application import require_store as refuse_missing

    refuse_missing(store)


def current_frames(
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    start: date | None = None,
    end: date | None = None,
    read_only_notice: Callable[[int, int], None] | None = None,
    *,
    school_history: bool = False,
) -> Frames:
    """The read models caught up with the log, as frames (``frames.position`` is the log
    position they reflect); given a period, only the rows a report over it uses
    (``ReadModels.frames``: with ``school_history``, exchanges up to its end).

    A store that cannot be written (read-only media) serves its read models as they are when
    they have reached the head of the log; else the frames are replayed from the log in memory,
    the same figures at the head, after ``read_only_notice(position reached, head)``."""
    from projections.readmodels import ReadModels
    from projections.replay import replay_frames

    require_store(store)
    with ReadModels(store) as read_models:
        if not read_models.read_only:
            read_models.update(progress)
            return read_models.frames(start, end, school_history=school_history)
        reached, head = read_models.reached(), store.head_position()
        if reached is not None and reached >= head:
            return read_models.frames(start, end, school_history=school_history)
    if read_only_notice is not None:
        read_only_notice(reached or 0, head)
    return replay_frames(store, head)


def check_site(frames: Frames, site: str | None) -> None:
    if site is not None and site not in set(frames.sites["site"]):
        raise NotFound("--site", site, "unknown_site")


def indicator_report(
    store: Store,
    start: date,
    end: date,
    site: str | None = None,
    by: str = "total",
    targets: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
    basis: str = "auto",
    read_only_notice: Callable[[int, int], None] | None = None,
) -> tuple[int, dict[str, Any] | pd.DataFrame]:
    """Catches up, then computes: ``(as_of_position, summary dict or breakdown frame)`` on
    ``basis`` (``projections.basis.choose``: ``estimate`` for one site or without an estimate
    is refused naming ``--basis``)."""
    from projections import indicators

    if by not in BY:
        raise InvalidValue("--by", by, "not_one_of", allowed=BY)
    frames = current_frames(store, progress, start, end, read_only_notice)
    check_site(frames, site)
    if by == "total":
        return frames.position, indicators.summary(frames, start, end, site, targets, basis)
    return frames.position, indicators.breakdown(frames, by, start, end, site, basis)
