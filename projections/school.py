"""A school's SAMBO DIKARTU AS figures for its own use: the pupils' and the classes' leaderboard,
and the exchanges of one class (the receipts' pages).

From the read model's exchanges and their items. Voided exchanges count nowhere. Pupils are
told apart by their name trimmed and case-folded (``' ani '`` is ``Ani``), shown as first
written at the school (before the period too); classes likewise, and a pupil's class is the
one of the pupil's first exchange of the period. An exchange without a pupil's name counts only in its class's total.
Rows are sorted by bottles, most first (ties by name). Rounding: kg to 3 decimals.
"""

from __future__ import annotations

from datetime import date
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from domain.errors import NotFound, WrongSiteKind

if TYPE_CHECKING:
    import pandas as pd

    from projections.replay import Frames

PUPIL_COLUMNS = ["pupil", "class", "exchanges", "bottles", "bottles_kg", "items"]
CLASS_COLUMNS = ["class", "pupils", "exchanges", "bottles", "bottles_kg", "items"]


def check_school(frames: Frames, site: str) -> None:
    """Refuses a site that is not registered, or not a school."""
    sites = frames.sites[frames.sites["site"] == site]
    if not len(sites):
        raise NotFound("site", site, "unknown_site")
    kind = str(sites["kind"].iloc[0])
    if kind != "school":
        raise WrongSiteKind("site", site, "wrong_site_kind", kind=kind, programme="SAMBO DIKARTU AS",
                            allowed=("school",))


def _key(text: Any) -> str:
    """A name or class as compared: trimmed and case-folded ('' when there is none)."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return str(text).strip().casefold()


def _first_written(frame: pd.DataFrame, column: str, key: str) -> dict[str, str | None]:
    """For each key, the text as first written (in the log's order)."""
    first = frame.drop_duplicates(key)
    return {k: (None if not k else str(v).strip()) for k, v in zip(first[key], first[column])}


def _live(frames: Frames, site: str, end: date) -> pd.DataFrame:
    """The school's live exchanges up to ``end``, in log order, with ``items`` (count issued),
    ``pupil_key`` and ``class_key``."""
    data = frames.exchanges
    data = data[(data["site"] == site) & ~data["voided"] & (data["occurred_on"] <= end.isoformat())].copy()
    issued = frames.exchange_items.groupby("entry_id")["qty"].sum()
    data["items"] = data["entry_id"].map(issued).fillna(0).astype("int64")
    data["pupil_key"] = data["pupil"].map(_key)
    data["class_key"] = data["pupil_class"].map(_key)
    return data.sort_values("position", kind="stable")


def exchanges_of(frames: Frames, site: str, start: date, end: date, school_class: str | None = None) -> pd.DataFrame:
    """The school's live exchanges of the period (of one class, if given), as ``_live``."""
    data = _live(frames, site, end)
    data = data[data["occurred_on"] >= start.isoformat()]
    if school_class is not None:
        data = data[data["class_key"] == _key(school_class)]
    return data


def leaderboard(
    frames: Frames, site: str, start: date, end: date, *, school_class: str | None = None, by: str = "pupil"
) -> list[dict[str, Any]]:
    """One row per pupil (``PUPIL_COLUMNS``) or per class (``CLASS_COLUMNS``)."""
    check_school(frames, site)
    data = exchanges_of(frames, site, start, end, school_class)
    key = "pupil_key" if by == "pupil" else "class_key"
    if by == "pupil":
        data = data[data["pupil_key"] != ""]
    every = _live(frames, site, end)  # names and classes as first written, before the period too
    names = _first_written(every, "pupil", "pupil_key")
    classes = _first_written(every, "pupil_class", "class_key")
    rows = []
    for group, part in data.groupby(key, sort=False):
        row: dict[str, Any] = {}
        if by == "pupil":
            row["pupil"] = names[group]
            row["class"] = classes[part["class_key"].iloc[0]]
        else:
            row["class"] = classes[group]
            named = part["pupil_key"]
            row["pupils"] = int(named[named != ""].nunique())
        row.update({
            "exchanges": int(len(part)),
            "bottles": int(part["bottles"].sum()),
            "bottles_kg": round(float(part["weight_kg"].sum()), 3),
            "items": int(part["items"].sum()),
        })
        rows.append(row)
    name = "pupil" if by == "pupil" else "class"
    return sorted(rows, key=lambda row: (-row["bottles"], _key(row[name])))


def class_lists(
    frames: Frames, site: str, start: date, end: date, classes: Sequence[str] = ()
) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The school's exchanges of the period by class (the classes given, else every class, in
    the order first written; exchanges with no class last): (class as first written, rows of
    ``date``, ``pupil``, ``bottles``, ``kg``, ``items`` [{item, qty}] and ``entry``, the entry
    id's first 8 characters), each class's rows by date."""
    check_school(frames, site)
    every = _live(frames, site, end)
    names = _first_written(every, "pupil", "pupil_key")
    shown = _first_written(every, "pupil_class", "class_key")
    data = exchanges_of(frames, site, start, end)
    items = frames.exchange_items.sort_values(["position", "item"], kind="stable")
    by_entry: dict[str, list[dict[str, Any]]] = {}
    for entry, item, qty in zip(items["entry_id"], items["item"], items["qty"]):
        by_entry.setdefault(entry, []).append({"item": item, "qty": int(qty)})
    if classes:
        wanted = [_key(name) for name in classes]
    else:
        order = list(dict.fromkeys(data["class_key"]))
        wanted = [k for k in order if k] + [k for k in order if not k]
    lists = []
    for key in dict.fromkeys(wanted):
        part = data[data["class_key"] == key].sort_values(["occurred_on", "position"], kind="stable")
        rows = [
            {"date": on, "pupil": names.get(pupil) if pupil else None, "bottles": int(bottles),
             "kg": round(float(kg), 3), "items": by_entry.get(entry, []), "entry": str(entry)[:8]}
            for on, pupil, bottles, kg, entry in zip(
                part["occurred_on"], part["pupil_key"], part["bottles"], part["weight_kg"], part["entry_id"]
            )
        ]
        label = shown.get(key) or (next((c.strip() for c in classes if _key(c) == key), None) if key else None)
        lists.append((label, rows))
    return lists
