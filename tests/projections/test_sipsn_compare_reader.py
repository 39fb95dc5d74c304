"""Reading a published SIPSN capaian table as it is downloaded: SIPSN's 14 headers or the
open-data copies' short names, thousands separators, empty cells, ``P 1``; the city's row by
name; refusals naming the missing columns or the name, with close names."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.errors import DomainError
from projections.sipsn_compare import comparison, find_row, number, read_table
from projections.sipsn_files import COLUMNS

HEADERS = ",".join(f'"{title}"' if "," in title else title for title, _key, _kind in COLUMNS["capaian"])
AS_DOWNLOADED = (
    HEADERS + "\r\n"
    '2024,Jawa Timur,Kota Mojokerto,"34,527.10",7.67,0.02,"12,775.00",37,"12,782.67",37.02,,,0,P 1\r\n'
    '2024,Jawa Timur,Kab. Mojokerto,"164,117.17","46,169.12",28.13,"36,561.29",22.28,"82,730.41",50.41,'
    '"37,114.87",306.19,22.8,P 1\r\n'
    '2024,Jawa Timur,Kota Malang,1.00,0,0,0,0,0,0,0,0,0,P2\r\n'
)


def write(tmp_path: Path, text: str, name: str = "capaian.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "cell,value",
    [("34,527.10", 34527.1), ("34527.10", 34527.1), ("", 0.0), (" ", 0.0), ("1,234,567.5", 1234567.5),
     ("37", 37.0), ("0,67", 0.67), ("34.527,10", 34527.1), ("1.234.567", 1234567.0), ("12,775", 12775.0),
     ("x", None), ("1,2,3", None)],
)
def test_published_numbers(cell, value):
    assert number(cell) == value


def test_a_row_as_downloaded_is_read_with_its_separators_empty_cells_and_period(tmp_path):
    row = find_row(read_table(write(tmp_path, AS_DOWNLOADED)), "  kota MOJOKERTO ", None)
    assert (row["name"], row["year"], row["period"]) == ("Kota Mojokerto", 2024, "P1")
    assert row["figures"] == {
        "timbulan_t": 34527.1, "pengurangan_t": 7.67, "pct_pengurangan": 0.02, "penanganan_t": 12775.0,
        "pct_penanganan": 37.0, "terkelola_t": 12782.67, "pct_terkelola": 37.02, "daur_ulang_t": 0.0,
        "bahan_baku_t": 0.0, "recycling_rate_pct": 0.0,
    }


def test_a_bom_and_semicolons_are_read(tmp_path):
    text = "\ufeff" + AS_DOWNLOADED.replace(",", ";").replace('"34;527.10"', "34527.10")
    text = text.replace('"12;775.00"', "12775").replace('"12;782.67"', "12782.67")
    row = find_row(read_table(write(tmp_path, text)), "Kota Mojokerto", 2024)
    assert row["figures"]["timbulan_t"] == 34527.1 and row["figures"]["penanganan_t"] == 12775.0


def test_a_file_missing_columns_is_refused_naming_them(tmp_path):
    text = "Tahun,Provinsi,Kabupaten/Kota,Timbulan Sampah Tahunan (ton/tahun)(A)\r\n2024,X,Y,1\r\n"
    with pytest.raises(DomainError) as refused:
        read_table(write(tmp_path, text))
    assert refused.value.field == "FILE" and refused.value.code == "sipsn_not_a_capaian_export"
    missing = refused.value.data["missing"]
    assert missing[0] == "Pengurangan Sampah Tahunan (ton/tahun)(B)" and missing[-1] == "P1/P2" and len(missing) == 10
    assert "missing columns Pengurangan Sampah Tahunan (ton/tahun)(B), %Pengurangan Sampah(B/A)" in str(refused.value)


def test_an_unknown_name_is_refused_with_up_to_three_close_names(tmp_path):
    rows = read_table(write(tmp_path, AS_DOWNLOADED))
    with pytest.raises(DomainError) as refused:
        find_row(rows, "Kota Mojokrto", None)
    assert refused.value.field == "name"
    assert refused.value.data["close"] == ["Kota Mojokerto", "Kab. Mojokerto"]
    with pytest.raises(DomainError) as far:
        find_row(rows, "Kabupaten Zzz", None)
    assert far.value.code == "sipsn_name_not_in_file"


def test_a_name_without_a_row_of_the_year_is_refused(tmp_path):
    with pytest.raises(DomainError) as refused:
        find_row(read_table(write(tmp_path, AS_DOWNLOADED)), "Kota Malang", 2023)
    assert (refused.value.field, refused.value.code, refused.value.data) == ("name", "sipsn_name_not_in_year", {"year": 2023})


def test_difference_is_envtrack_minus_published():
    published = {"name": "Kota X", "year": 2024, "period": "P2",
                 "figures": {"timbulan_t": 100.0, "pengurangan_t": 20.0, "pct_pengurangan": 20.0,
                             "penanganan_t": 50.0, "pct_penanganan": 50.0, "terkelola_t": 70.0,
                             "pct_terkelola": 70.0, "daur_ulang_t": 10.0, "bahan_baku_t": 0.0,
                             "recycling_rate_pct": 10.0}}
    ours = {**published["figures"], "timbulan_t": 99.5, "pct_pengurangan": None}
    rows = {row["measure"]: row for row in comparison(published, ours)["rows"]}
    assert rows["timbulan_t"] == {"measure": "timbulan_t", "published": 100.0, "envtrack": 99.5, "difference": -0.5}
    assert rows["pct_pengurangan"]["difference"] is None
    assert rows["terkelola_t"]["difference"] == 0.0
