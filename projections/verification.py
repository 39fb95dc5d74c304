"""Verifying an evidence pack against its files and the event log.

Three checks, every difference listed (none stops the others):
1. each file in the manifest still has its SHA-256;
2. the log chain head up to the manifest's ``as_of_position``, recomputed from the stored
   events, is the manifest's;
3. every indicator value, recomputed from a replay of the log up to that position (not the
   current read model), is the manifest's.
Events recorded after the pack was exported change none of these.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from envtrack.store import Store
from projections.chain import chain_head
from projections.packvalues import MANIFEST, flatten, indicator_values, sha256_file


class PackError(Exception):
    """A directory that is not a readable evidence pack (no manifest, unreadable manifest)."""


@dataclass
class Verification:
    files: int = 0
    position: int = 0
    differences: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def read_manifest(directory: Path, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    labels = labels or {}
    path = directory / MANIFEST
    if not path.is_file():
        template = labels.get("pack.no_manifest", "{dir}: no manifest.json (not an evidence pack)")
        raise PackError(template.format(dir=directory))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        _check_shape(manifest)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        template = labels.get("pack.bad_manifest", "{path}: not a readable evidence pack manifest ({error})")
        raise PackError(template.format(path=path, error=f"{error.__class__.__name__}: {error}")) from None
    return manifest


def _check_shape(manifest: Any) -> None:
    """Raises ValueError (or KeyError, TypeError) naming the part of a manifest that the checks
    could not read: an edited manifest is a difference to report, never a crash."""

    def require(condition: bool, what: str) -> None:
        if not condition:
            raise ValueError(what)

    require(isinstance(manifest, dict), "not a JSON object")
    position = manifest["as_of_position"]
    require(isinstance(position, int) and not isinstance(position, bool) and position >= 0, "as_of_position")
    require(isinstance(manifest["log_chain"]["head"], str), "log_chain.head")
    files = manifest["files"]
    require(isinstance(files, dict), "files")
    require(all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()), "files")
    total = manifest["indicators"]
    require(isinstance(total, dict), "indicators")
    for end in ("from", "to"):
        value = total["period"][end]
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError(f"indicators.period.{end} {value!r}") from None
    scope = manifest.get("scope", {})
    require(isinstance(scope, dict) and isinstance(scope.get("site"), (str, type(None))), "scope.site")
    targets = manifest.get("targets") or (total.get("waste") or {}).get("target")
    require(targets is None or isinstance(targets, dict), "targets")
    for value in (targets or {}).values():
        require(value is None or (isinstance(value, (int, float)) and math.isfinite(value)), "targets")
    tables = manifest["tables"]
    require(isinstance(tables, dict), "tables")
    for name, rows in tables.items():
        require(isinstance(rows, list) and all(isinstance(row, dict) for row in rows), f"tables.{name}")


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def check_files(directory: Path, manifest: Mapping[str, Any], labels: Mapping[str, str], result: Verification) -> None:
    listed = manifest["files"]
    for name, expected in listed.items():
        path = directory / name
        if not _safe_name(name) or not path.is_file():
            result.differences.append(labels.get("pack.diff.missing", "file {file}: missing").format(file=name))
            continue
        actual = sha256_file(path)
        if actual != expected:
            result.differences.append(
                labels.get("pack.diff.hash", "file {file}: {expected} {actual}").format(
                    file=name, expected=expected, actual=actual
                )
            )
    result.files = len(listed)
    result.unlisted = sorted(
        str(path.relative_to(directory)).replace("\\", "/")
        for path in directory.rglob("*")
        if path.is_file() and path.name != MANIFEST and str(path.relative_to(directory)).replace("\\", "/") not in listed
    )


def check_chain(store: Store, manifest: Mapping[str, Any], labels: Mapping[str, str], result: Verification) -> bool:
    """False when the log does not reach the pack's position (nothing to recompute from)."""
    position = int(manifest["as_of_position"])
    head = store.head_position()
    if head < position:
        result.differences.append(
            labels.get("pack.diff.log_short", "log ends at {head} < {position}").format(head=head, position=position)
        )
        return False
    expected = str(manifest["log_chain"]["head"])
    actual = chain_head(store, position).head
    if actual != expected:
        result.differences.append(
            labels.get("pack.diff.chain", "chain {position}: {expected} {actual}").format(
                position=position, expected=expected, actual=actual
            )
        )
    return True


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool) or expected is None or actual is None:
        return expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=1e-12, abs_tol=1e-9)
    return expected == actual


def _flat(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value by a readable path: the total's keys as they are (``waste.timbulan_kg``),
    table rows by their group (``by_month[2025-03].pct_pengurangan``, ``by_site[smpn-6].…``)."""
    flat: dict[str, Any] = dict(flatten(values["total"]))
    for table, rows in values.items():
        if table == "total":
            continue
        for index, row in enumerate(rows):
            group = next((row[k] for k in ("month", "site", "category") if k in row), index)
            for key, value in row.items():
                if key not in ("month", "site", "category"):
                    flat[f"{table}[{group}].{key}"] = value
    return flat


def recorded_values(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The pack's values as ``indicator_values`` returns them."""
    return {"total": manifest["indicators"], **manifest["tables"]}


def check_indicators(store: Store, manifest: Mapping[str, Any], labels: Mapping[str, str], result: Verification) -> None:
    from projections.replay import replay_frames

    position = int(manifest["as_of_position"])
    total = manifest["indicators"]
    start = date.fromisoformat(total["period"]["from"])
    end = date.fromisoformat(total["period"]["to"])
    site = manifest.get("scope", {}).get("site")
    targets = manifest.get("targets") or total.get("waste", {}).get("target")
    frames = replay_frames(store, position)
    recomputed = _flat(indicator_values(frames, start, end, site, targets, position))
    recorded = _flat(recorded_values(manifest))
    template = labels.get("pack.diff.indicator", "{path}: {expected} {actual}")
    missing = "–"
    for path in [*recorded, *(p for p in recomputed if p not in recorded)]:
        expected = recorded.get(path, missing)
        actual = recomputed.get(path, missing)
        if not _same(expected, actual):
            result.differences.append(
                template.format(path=path, expected=_show(expected), actual=_show(actual), position=position)
            )


def _show(value: Any) -> str:
    return "null" if value is None else str(value)


def verify_pack(store: Store, directory: Path, labels: Mapping[str, str]) -> Verification:
    """Every check on the pack in ``directory``; the store must exist."""
    manifest = read_manifest(directory, labels)
    result = Verification(position=int(manifest["as_of_position"]))
    check_files(directory, manifest, labels, result)
    if check_chain(store, manifest, labels, result):
        check_indicators(store, manifest, labels, result)
    return result
