"""SIPSN's five tables (spec section 12), as pure functions of the log's figures.

What a DLH types into SIPSN twice a year, in SIPSN's units: tonnes per year and percentages, to
2 decimals. The waste figures are the indicators' on basis ``auto`` (``projections.indicators``:
A–E, their percentages, the shares by jenis and by sumber are computed there, once; A is the
city's estimate when the period has one, else what was weighed); this module only puts them in
SIPSN's shape, with the city's name and province from its record in the read models:

    capaian    A, B, %B/A, C, %C/A, B+C, %(B+C)/A, D, E, (D+E)/A, in tonnes per year
    timbulan   harian = tahunan / days in the year; Dasar = the basis of A (estimate, measured)
    komposisi  % of the measured total by jenis (bottles are plastik)
    sumber     % of the measured total by sumber (bottles count at a school's, fasilitas publik)
    fasilitas  every waste bank and TPS3R: Status Tidak Aktif when closed by the period's end;
               masuk = Σ kg recorded there; terkelola = Σ kg of it to guna-ulang, daur-ulang,
               kompos, bahan-baku, olah (residue sent on to a TPS or TPA is not terkelola there)

P2 is the whole year. P1 is 1 January – 30 June, annualised: every tonnage × days(Y) / days(P1)
(percentages are ratios and do not change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from domain.errors import InvalidValue
from domain.values import CATEGORIES, SOURCES
from projections import indicators
from projections.basis import AUTO, city_of, days_in_year
from projections.replay import Frames

PERIODS = ("P1", "P2")
FACILITY_KINDS = {"waste-bank": "Bank Sampah", "tps3r": "TPS3R"}
FACILITY_MANAGED = (*indicators.PENGURANGAN, *indicators.BAHAN_BAKU, "olah")
"""What a waste bank or TPS3R manages of what it takes in: reduced, or processed there."""
ACTIVE, INACTIVE = "Aktif", "Tidak Aktif"


@dataclass(frozen=True)
class Period:
    """A SIPSN reporting period of ``year``: ``P1`` (January–June) or ``P2`` (the whole year)."""

    year: int
    name: str

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.name == "P1" else date(self.year, 12, 31)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def days_in_year(self) -> int:
        return days_in_year(self.year)

    @property
    def factor(self) -> float:
        """What a tonnage of the period is multiplied by to be a yearly one."""
        return self.days_in_year / self.days


def period(year: int, name: str) -> Period:
    """The period ``name`` of ``year``; ``p1``, ``P 1`` are P1 (as SIPSN's exports write it)."""
    said = "".join(str(name).split()).upper()
    if said not in PERIODS:
        raise InvalidValue("--period", name, "not_one_of", allowed=PERIODS)
    return Period(year, said)


@dataclass(frozen=True)
class City:
    """What the tables say of the city: its name and province, from ``city set``."""

    name: str | None
    province: str | None


def city(frames: Frames) -> City:
    """The city as the read models hold it (its name and province may not be set)."""
    record = city_of(frames)
    return City(record.name, record.province)


def tonnes(kg: float | None, factor: float = 1.0) -> float | None:
    """kg (of a period) as tonnes per year, to 2 decimals."""
    if kg is None:
        return None
    return round(float(kg) * factor / 1000.0, 2) + 0.0


def _live_waste(frames: Frames, when: Period) -> pd.DataFrame:
    return indicators.within(indicators.live(frames.waste_daily), when.start, when.end)


# -- capaian and timbulan ------------------------------------------------------------------------


def waste(frames: Frames, when: Period) -> dict[str, Any]:
    """The indicators' waste figures of the period in kg, on basis ``auto``."""
    return indicators.summary(frames, when.start, when.end, basis=AUTO)["waste"]


def capaian_figures(frames: Frames, when: Period, found: dict[str, Any] | None = None) -> dict[str, Any]:
    """The capaian measures in SIPSN's units (tonnes per year, annualised for P1; percentages),
    keyed as ``sipsn compare`` names them, with the basis (``found``: the period's ``waste``)."""
    found = found or waste(frames, when)
    f = when.factor
    return {
        "timbulan_t": tonnes(found["timbulan_kg"], f),
        "pengurangan_t": tonnes(found["pengurangan_kg"], f),
        "pct_pengurangan": found["pct_pengurangan"],
        "penanganan_t": tonnes(found["penanganan_kg"], f),
        "pct_penanganan": found["pct_penanganan"],
        "terkelola_t": tonnes(found["terkelola_kg"], f),
        "pct_terkelola": found["pct_terkelola"],
        "daur_ulang_t": tonnes(found["daur_ulang_kg"], f),
        "bahan_baku_t": tonnes(found["bahan_baku_kg"], f),
        "recycling_rate_pct": found["recycling_rate_pct"],
        "basis": found["basis"],
        "timbulan_kg": found["timbulan_kg"],
    }


def capaian(frames: Frames, when: Period, named: City, found: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"tahun": when.year, "provinsi": named.province, "kota": named.name,
            **capaian_figures(frames, when, found), "periode": when.name}


def timbulan(frames: Frames, when: Period, named: City, found: dict[str, Any] | None = None) -> dict[str, Any]:
    """Harian = tahunan / days in the year, both from the unrounded kg."""
    found = found or waste(frames, when)
    yearly_kg = found["timbulan_kg"] * when.factor
    row = {
        "tahun": when.year,
        "kota": named.name,
        "harian_t": tonnes(yearly_kg / when.days_in_year),
        "tahunan_t": tonnes(yearly_kg),
        "dasar": found["basis"],
    }
    if when.name == "P1":
        row["catatan"] = (
            f"P1 (1 Januari–30 Juni {when.year}, {when.days} hari) disetahunkan: "
            f"ton × {when.days_in_year} / {when.days}"
        )
    return row


# -- komposisi and sumber: shares of the measured total -----------------------------------------------


def komposisi(frames: Frames, when: Period, named: City, found: dict[str, Any] | None = None) -> dict[str, Any]:
    shares = (found or waste(frames, when))["komposisi_pct"]
    return {"tahun": when.year, "kota": named.name, **{jenis: shares[jenis] for jenis in CATEGORIES}}


def sumber(frames: Frames, when: Period, named: City) -> dict[str, Any]:
    """Each sumber's share of the measured total (waste and bottles), as a percentage."""
    rows = indicators.breakdown(frames, "source", when.start, when.end)
    shares = dict(zip(rows["source"], rows["pct_of_timbulan"]))
    return {"tahun": when.year, "kota": named.name, **{source: shares[source] for source in SOURCES}}


# -- fasilitas ------------------------------------------------------------------------------------


def _degrees(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def fasilitas(frames: Frames, when: Period) -> list[dict[str, Any]]:
    """One row per waste bank and TPS3R registered by the period's end (or with waste recorded
    in it), in SIPSN's order: banks, then TPS3R, each by name."""
    recorded = _live_waste(frames, when)
    masuk = recorded.groupby("site")["kg"].sum() if len(recorded) else pd.Series(dtype=float)
    managed = recorded[recorded["destination"].isin(FACILITY_MANAGED)]
    terkelola = managed.groupby("site")["kg"].sum() if len(managed) else pd.Series(dtype=float)
    end = when.end.isoformat()
    rows = []
    for site in frames.sites.to_dict("records"):
        if site["kind"] not in FACILITY_KINDS:
            continue
        if site["registered_on"] > end and site["site"] not in masuk.index:
            continue
        closed = bool(site["closed"]) and (site["closed_on"] is None or site["closed_on"] <= end)
        rows.append({
            "tahun": when.year,
            "nama": site["name"],
            "jenis": FACILITY_KINDS[site["kind"]],
            "status": INACTIVE if closed else ACTIVE,
            "kelurahan": site["kelurahan"],
            "kecamatan": site["kecamatan"],
            "lat": _degrees(site["lat"]),
            "lng": _degrees(site["lng"]),
            "masuk_t": tonnes(float(masuk.get(site["site"], 0.0)), when.factor),
            "terkelola_t": tonnes(float(terkelola.get(site["site"], 0.0)), when.factor),
        })
    order = list(FACILITY_KINDS.values())
    return sorted(rows, key=lambda row: (order.index(row["jenis"]), row["nama"].casefold()))


def all_tables(frames: Frames, when: Period, named: City | None = None) -> dict[str, list[dict[str, Any]]]:
    """The five tables of the period, each a list of rows (one row but for ``fasilitas``); the
    city as the read models hold it unless ``named``."""
    named = named or city(frames)
    found = waste(frames, when)
    return {
        "capaian": [capaian(frames, when, named, found)],
        "timbulan": [timbulan(frames, when, named, found)],
        "komposisi": [komposisi(frames, when, named, found)],
        "sumber": [sumber(frames, when, named)],
        "fasilitas": fasilitas(frames, when),
    }
