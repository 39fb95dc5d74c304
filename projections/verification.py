"""Verifying an evidence pack: everything in it made again from the event log and compared.

The pack's own parameters (``period``, ``scope.site``, ``lang``, ``generated_at``,
``envtrack_version``) are read from its manifest; everything else is re-derived from a replay of
the log up to ``as_of_position`` (never the read model) and compared. Every difference is
listed, none stops the others:

1. the signature, when ``--key`` is given or the manifest says the pack is signed;
2. the file set: every file an evidence pack has (the same for every scope) must be there and
   listed, nothing else listed; no file of the pack may be a symbolic link; each listed file
   must have its SHA-256;
3. the log chain head and the count of events it covers;
4. every manifest field: the period is one calendar year and ``period.year`` its year, the scope's
   label, the targets, the log chain's definition, ``compared_by``, and every indicator and table
   value (``indicators``, ``tables``) recomputed at the position; no unknown field;
5. ``generated_at``: a UTC time as envtrack writes it, not in the future, and not before the
   newest event the pack covers was recorded (both with ``CLOCK_SKEW`` allowed);
6. every file made again (``projections.evidence.write_files``) and compared: charts, the report
   and the CSV tables byte for byte, XLSX workbooks by their cells
   (``projections.packcompare``).

Events recorded after the pack was exported change none of these. A pack made with other
versions of envtrack or of its rendering libraries (``renderer``) may legitimately have charts and
a report with other bytes: those differences are listed with the versions to verify with, and
are only notes when a valid signature (``--key``) vouches for the files' hashes.
"""

from __future__ import annotations

import json
import math
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from envtrack.store import Store
from projections.chain import ChainHead, chain_head
from projections.evidence import PACK_FORMAT, SIGNATURE, compared_by
from projections.packvalues import MANIFEST, flatten, sha256_file

CLOCK_SKEW = timedelta(minutes=10)  # clocks of the recording, exporting and verifying machines
GROUPS = ("month", "site", "category")
# fields that are the pack's own parameters or claims, checked apart from the recomputed ones
PARAMETERS = ("generated_at", "envtrack_version", "renderer", "signature", "files", "indicators", "tables")


class PackError(Exception):
    """A directory that is not a readable evidence pack (no manifest, unreadable manifest)."""


@dataclass
class Verification:
    files: int = 0
    position: int = 0
    differences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signed_by: str | None = None  # the key id, once the signature was checked with --key

    @property
    def ok(self) -> bool:
        return not self.differences


def read_manifest(
    directory: Path, labels: Mapping[str, str], languages: Mapping[str, Any]
) -> tuple[bytes, dict[str, Any]]:
    """The manifest's bytes (what a signature covers) and its fields; its ``lang`` must be one of
    ``languages``."""
    path = directory / MANIFEST
    if not path.is_file():
        raise PackError(labels["pack.no_manifest"].format(dir=directory))
    try:
        if path.is_symlink():
            raise ValueError("a symbolic link")
        data = path.read_bytes()
        manifest = json.loads(data.decode("utf-8"))
        _check_shape(manifest, languages)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise PackError(
            labels["pack.bad_manifest"].format(path=path, error=f"{error.__class__.__name__}: {error}")
        ) from None
    return data, manifest


def _check_shape(manifest: Any, languages: Mapping[str, Any]) -> None:
    """Raises ValueError (or KeyError, TypeError) naming the part of a manifest that the checks
    could not read: an edited manifest is a difference to report, never a crash."""

    def require(condition: bool, what: str) -> None:
        if not condition:
            raise ValueError(what)

    require(isinstance(manifest, dict), "not a JSON object")
    position = manifest["as_of_position"]
    require(isinstance(position, int) and not isinstance(position, bool) and position >= 0, "as_of_position")
    require(isinstance(manifest["log_chain"], dict) and isinstance(manifest["log_chain"]["head"], str), "log_chain.head")
    files = manifest["files"]
    require(isinstance(files, dict), "files")
    require(all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()), "files")
    total = manifest["indicators"]
    require(isinstance(total, dict), "indicators")
    period = manifest["period"]
    require(isinstance(period, dict), "period")
    for end in ("from", "to"):
        value = period.get(end)
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError(f"period.{end} {value!r}") from None
    scope = manifest["scope"]
    require(isinstance(scope, dict) and isinstance(scope.get("site"), (str, type(None))), "scope.site")
    require(manifest.get("lang") in languages, f"lang {manifest.get('lang')!r}")
    for name in ("generated_at", "envtrack_version"):
        require(isinstance(manifest.get(name), str), name)
    require(isinstance(manifest.get("renderer", {}), dict), "renderer")
    signature = manifest.get("signature")
    require(signature is None or isinstance(signature, dict), "signature")
    targets = manifest.get("targets")
    require(targets is None or isinstance(targets, dict), "targets")
    for value in (targets or {}).values():
        require(value is None or (isinstance(value, (int, float)) and math.isfinite(value)), "targets")
    tables = manifest["tables"]
    require(isinstance(tables, dict), "tables")
    for name, rows in tables.items():
        require(isinstance(rows, list) and all(isinstance(row, dict) for row in rows), f"tables.{name}")


# -- 1. the signature ----------------------------------------------------------------------------


def check_signature(
    directory: Path, data: bytes, manifest: Mapping[str, Any], key: Any, labels: Mapping[str, str], result: Verification
) -> None:
    """With ``key`` (an Ed25519 public key): ``manifest.sig`` must be its signature of the
    manifest's bytes. Without: a pack that says it is signed must have a signature file."""
    from projections import signing

    claimed = manifest.get("signature") or {}
    claimed_key = claimed.get("public_key_sha256")
    path = directory / SIGNATURE
    present = path.is_file() and not path.is_symlink()
    if key is None:
        if claimed and not present:
            result.differences.append(labels["pack.diff.sig_missing_claimed"].format(file=SIGNATURE))
        elif claimed or present:
            result.notes.append(labels["pack.note.sig_unchecked"].format(file=SIGNATURE, key=claimed_key or "?"))
        return
    given = signing.key_id(key)
    if not present:
        result.differences.append(labels["pack.diff.sig_missing"].format(file=SIGNATURE))
    elif signing.is_valid(key, data, path.read_bytes()):
        result.signed_by = given
    elif claimed_key and claimed_key != given:
        result.differences.append(labels["pack.diff.sig_other_key"].format(file=SIGNATURE, claimed=claimed_key, given=given))
    else:
        result.differences.append(labels["pack.diff.sig_bad"].format(file=SIGNATURE, given=given))


# -- 2. the file set and hashes ------------------------------------------------------------------


def _kind(path: Path) -> str:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    return "link" if stat.S_ISLNK(mode) else "file" if stat.S_ISREG(mode) else "other"


def check_files(directory: Path, manifest: Mapping[str, Any], labels: Mapping[str, str], result: Verification) -> set[str]:
    """The pack's files that can be compared with the ones made again (present, regular files)."""
    listed = manifest["files"]
    expected = compared_by()
    usable = set()
    for name in expected:
        if name not in listed:
            template = "pack.diff.unlisted_pack_file" if _kind(directory / name) != "missing" else "pack.diff.dropped"
            result.differences.append(labels[template].format(file=name))
    for name, digest in listed.items():
        kind = _kind(directory / name) if name in expected else "foreign"
        if kind == "foreign":
            result.differences.append(labels["pack.diff.not_pack_file"].format(file=name))
        elif kind == "link":
            result.differences.append(labels["pack.diff.symlink"].format(file=name))
        elif kind != "file":
            result.differences.append(labels["pack.diff.missing"].format(file=name))
        else:
            usable.add(name)
            actual = sha256_file(directory / name)
            if actual != digest:
                result.differences.append(labels["pack.diff.hash"].format(file=name, expected=digest, actual=actual))
    result.files = len(listed)
    known = {*listed, *expected, MANIFEST, SIGNATURE}
    for root, folders, names in os.walk(directory):  # never follows a link
        for name in sorted([*names, *(f for f in folders if os.path.islink(os.path.join(root, f)))]):
            relative = Path(root, name).relative_to(directory).as_posix()
            if relative not in known:
                result.notes.append(labels["pack.unlisted"].format(file=relative))
    return usable


# -- 3. the log chain ----------------------------------------------------------------------------


def check_chain(store: Store, manifest: Mapping[str, Any], labels: Mapping[str, str], result: Verification) -> ChainHead | None:
    """The chain at the pack's position; None when the log does not reach it."""
    position = int(manifest["as_of_position"])
    head = store.head_position()
    if head < position:
        result.differences.append(labels["pack.diff.log_short"].format(head=head, position=position))
        return None
    chain = chain_head(store, position)
    expected = str(manifest["log_chain"]["head"])
    if chain.head != expected:
        result.differences.append(
            labels["pack.diff.chain"].format(position=position, expected=expected, actual=chain.head)
        )
    return chain


# -- 4. the manifest's fields and values ---------------------------------------------------------


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool) or expected is None or actual is None:
        return expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=1e-12, abs_tol=1e-9)
    return expected == actual


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "null" if value is None else str(value)


def check_fields(
    manifest: Mapping[str, Any], expected: Mapping[str, Any], labels: Mapping[str, str], result: Verification, position: int
) -> None:
    """Every field but the pack's parameters (and the chain head, checked with the log): as
    recomputed, and no field an evidence pack does not have."""

    def fields(data: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in flatten(data).items() if k.split(".")[0] not in PARAMETERS and k != "log_chain.head"}

    found, wanted = fields(manifest), fields(expected)
    for path, value in found.items():
        if path not in wanted:
            result.differences.append(labels["pack.diff.unknown_field"].format(field=path))
        elif not _same(wanted[path], value):
            result.differences.append(
                labels["pack.diff.field"].format(field=path, found=_show(value), expected=_show(wanted[path]), position=position)
            )
    for path in [p for p in wanted if p not in found]:
        result.differences.append(labels["pack.diff.missing_field"].format(field=path, expected=_show(wanted[path])))


def _group(row: Mapping[str, Any], index: int) -> Any:
    """The row's month, site or jenis (its index without one), as a key even when edited into
    something else than text."""
    value = next((row[k] for k in GROUPS if k in row), index)
    return value if value is None or isinstance(value, (str, int, float)) else _show(value)


def _flat(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value by a readable path: the total's keys as they are (``waste.timbulan_kg``),
    table rows by their group (``by_month[2025-03].pct_pengurangan``, ``by_site[smpn-6].…``)."""
    flat: dict[str, Any] = dict(flatten(values["total"]))
    for table, rows in values.items():
        if table == "total":
            continue
        for index, row in enumerate(rows):
            group = _group(row, index)
            for key, value in row.items():
                if key not in GROUPS:
                    flat[f"{table}[{group}].{key}"] = value
    return flat


def recorded_values(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The pack's values as ``indicator_values`` returns them."""
    return {"total": manifest["indicators"], **manifest["tables"]}


def check_indicators(
    manifest: Mapping[str, Any], values: Mapping[str, Any], labels: Mapping[str, str], result: Verification, position: int
) -> None:
    recorded = recorded_values(manifest)
    template = labels["pack.diff.indicator"]
    for table in [*recorded, *(t for t in values if t not in recorded)]:
        if table == "total":
            continue
        mine = Counter(_group(row, i) for i, row in enumerate(recorded.get(table, [])))
        theirs = Counter(_group(row, i) for i, row in enumerate(values.get(table, [])))
        for group in [*mine, *(g for g in theirs if g not in mine)]:
            if mine[group] != theirs[group]:
                result.differences.append(
                    labels["pack.diff.indicator_rows"].format(
                        path=f"{table}[{group}]", found=mine[group], expected=theirs[group], position=position
                    )
                )
    flat_recorded, flat_values = _flat(recorded), _flat(values)
    missing = "–"
    for path in [*flat_recorded, *(p for p in flat_values if p not in flat_recorded)]:
        expected = flat_recorded.get(path, missing)
        actual = flat_values.get(path, missing)
        if not _same(expected, actual):
            result.differences.append(
                template.format(path=path, expected=_show(expected), actual=_show(actual), position=position)
            )


# -- 5. the generated time -----------------------------------------------------------------------


def recorded_at(store: Store, position: int) -> datetime | None:
    """When the event at ``position`` was recorded (the library's timestamp in its state); None
    when its state cannot be read."""
    for page in store.read_log(after=position - 1, upto=position, raw_ids=True):
        for _position, _id, _version, _topic, state in page:
            try:
                stamp = json.loads(bytes(state))["timestamp"]
                return datetime.fromisoformat(stamp["_data_"] if isinstance(stamp, dict) else stamp)
            except (ValueError, KeyError, TypeError):
                return None
    return None


def check_generated(
    store: Store, manifest: Mapping[str, Any], chain: ChainHead, labels: Mapping[str, str], result: Verification,
    now: datetime,
) -> None:
    from projections.evidence import GENERATED_FORMAT

    value = manifest["generated_at"]
    try:
        generated = datetime.strptime(value, GENERATED_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        result.differences.append(labels["pack.diff.generated_format"].format(value=value))
        return
    if generated > now + CLOCK_SKEW:
        result.differences.append(labels["pack.diff.generated_future"].format(value=value, now=now.strftime(GENERATED_FORMAT)))
    newest = recorded_at(store, chain.last_position) if chain.last_position else None
    if newest is not None and generated + CLOCK_SKEW < newest.replace(microsecond=0):
        result.differences.append(
            labels["pack.diff.generated_early"].format(
                value=value, position=chain.last_position, recorded=newest.astimezone(timezone.utc).strftime(GENERATED_FORMAT)
            )
        )


# -- all of it -----------------------------------------------------------------------------------


def verify_pack(
    store: Store,
    directory: Path,
    labels: Mapping[str, str],
    *,
    languages: Mapping[str, Mapping[str, str]],
    version: str,
    key: Any = None,
    now: datetime | None = None,
) -> Verification:
    """Every check on the pack in ``directory``; the store must exist. ``labels``: the messages'
    language; ``languages``: the label set of each language a pack may be in (it is made again in
    its own); ``version``: this envtrack's; ``key``: the Ed25519 public key the pack must be
    signed with."""
    from projections import evidence, packcompare
    from projections.replay import replay_frames

    data, manifest = read_manifest(directory, labels, languages)
    position = int(manifest["as_of_position"])
    result = Verification(position=position)
    check_signature(directory, data, manifest, key, labels, result)
    usable = check_files(directory, manifest, labels, result)
    chain = check_chain(store, manifest, labels, result)
    if chain is None:
        return result
    if manifest.get("envtrack_evidence_pack") != PACK_FORMAT:
        result.differences.append(
            labels["pack.diff.format"].format(
                found=manifest.get("envtrack_evidence_pack"), expected=PACK_FORMAT, version=manifest["envtrack_version"]
            )
        )
        return result

    frames = replay_frames(store, position)
    for event in frames.unreadable:
        reason = labels[f"store.reason.{event.reason}"].format(detail=event.detail)
        result.differences.append(
            labels["pack.diff.unreadable_event"].format(position=event.position, topic=event.topic, reason=reason)
        )
    period = manifest["period"]
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    site = manifest["scope"]["site"]
    if (start.month, start.day) != (1, 1) or end != date(start.year, 12, 31):
        result.differences.append(labels["pack.diff.period"].format(start=start, end=end))
        return result
    if site is not None and site not in set(frames.sites["site"]):
        result.differences.append(labels["pack.diff.unknown_site"].format(site=site, position=position))
        return result
    request = evidence.PackRequest(year=start.year, site=site, lang=manifest["lang"])
    pack_labels = languages[request.lang]
    pack = evidence.derive(
        frames, chain, request, pack_labels, generated=manifest["generated_at"], version=manifest["envtrack_version"]
    )
    check_fields(manifest, evidence.manifest_fields(pack, signed_by=None), labels, result, position)
    check_indicators(manifest, pack.values, labels, result, position)
    check_generated(store, manifest, chain, labels, result, now or datetime.now(timezone.utc))
    with tempfile.TemporaryDirectory(prefix="envtrack-verify-") as folder:
        evidence.write_files(pack, Path(folder), pack_labels)
        packcompare.compare_files(directory, Path(folder), usable, manifest, labels, result, version=version)
    return result

