"""Percent formats and signs are compared across the groups splitting one measure.

Column groups splitting one measure by area or sex ("Perkotaan |
Perdesaan | Jumlah", "Laki-laki | Perempuan", "K | D | K+D") share its
scale: a group of plain fractions beside percent-formatted groups (a block
pasted back with Paste Values, which drops number formats) or beside
numbers with a percent sign is refused, as within one group. Groups of
different measures ("Persentase" beside "Jumlah (ribu jiwa)") are judged
each on its own, as before.

Figures: BPS P0 by province and area, Maret (bps_p0_prov_2007_2026.csv):
JAWA TENGAH Perkotaan 9.92 / 9.78, Perdesaan 12.04 / 11.87, Jumlah 10.93 /
10.77 (2022 / 2023); JAWA TIMUR 7.71 / 7.50, 13.69 / 13.98, 10.38 / 10.35.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import ods_bytes, ods_cell, xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah (Persen)"
_GROUPS: list[Any] = [None, "Perkotaan", None, "Perdesaan", None, "Jumlah", None]
_YEARS: list[Any] = ["Provinsi", *["Maret 2022", "Maret 2023"] * 3]
# The percentages as fractions, as a sheet formatted 0.00% stores them.
_FRACTIONS: list[list[Any]] = [
    ["JAWA TENGAH", 0.0992, 0.0978, 0.1204, 0.1187, 0.1093, 0.1077],
    ["JAWA TIMUR", 0.0771, 0.075, 0.1369, 0.1398, 0.1038, 0.1035],
]


def _formats(columns: str) -> dict[str, str]:
    """0.00% over the data rows (4 and 5) of `columns`."""
    return {f"{c}{r}": "0.00%" for c in columns for r in (4, 5)}


def test_a_group_of_fractions_beside_percent_formatted_groups_is_refused() -> None:
    # Perdesaan (D:E) lost its 0.00% format: its four fractions are invalid,
    # named with the groups that share the scale; errors="raise" refuses.
    rows = [[_TITLE], _GROUPS, _YEARS, *_FRACTIONS]
    with pytest.raises(NumberParseError, match="4 cells") as info:
        read_bps_table(xlsx_bytes(rows, _formats("BCFG")), locale="en")
    said = str(info.value)
    assert (
        "a number without a percent format beside numbers formatted as percent" in said
    )
    assert "groups 'Perkotaan', 'Perdesaan', 'Jumlah'" in said
    t = read_bps_table(xlsx_bytes(rows, _formats("BCFG")), locale="en", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (4, ("Perdesaan", "Maret 2022"), "0.1204"),
        (4, ("Perdesaan", "Maret 2023"), "0.1187"),
        (5, ("Perdesaan", "Maret 2022"), "0.1369"),
        (5, ("Perdesaan", "Maret 2023"), "0.1398"),
    ]
    # The others read as the percentages they show (times 100 on the
    # decimal value): 0.0992 -> 9.92.
    kept = t.data.dropna(subset=["value"])
    assert kept["value"].tolist() == [9.92, 9.78, 10.93, 10.77, 7.71, 7.5, 10.38, 10.35]


def test_the_same_without_a_title() -> None:
    rows = [_GROUPS, _YEARS, *_FRACTIONS]
    formats = {f"{c}{r}": "0.00%" for c in "BCFG" for r in (3, 4)}
    t = read_bps_table(xlsx_bytes(rows, formats), locale="en", errors="report")
    assert [c.text for c in t.invalid] == ["0.1204", "0.1187", "0.1369", "0.1398"]


def test_every_group_formatted_alike_is_read() -> None:
    # All six value columns formatted 0.00%: every value the source gives.
    rows = [[_TITLE], _GROUPS, _YEARS, *_FRACTIONS]
    t = read_bps_table(xlsx_bytes(rows, _formats("BCDEFG")), locale="en")
    assert t.invalid == ()
    assert t.data["value"].tolist() == [
        9.92, 9.78, 12.04, 11.87, 10.93, 10.77,
        7.71, 7.5, 13.69, 13.98, 10.38, 10.35,
    ]  # fmt: skip


def test_groups_of_different_measures_keep_their_own_scale() -> None:
    # "Persentase" formatted 0.00% beside "Jumlah (ribu jiwa)" in plain
    # numbers (JAWA TIMUR P0 March 2022 / 2023 10.38 / 10.35 percent and
    # 4181.29 / 4188.81 thousand poor, bps_poor_prov_2007_2026.csv): two
    # measures, each read on its own scale.
    rows: list[list[Any]] = [
        [
            None,
            "Persentase Penduduk Miskin",
            None,
            "Jumlah Penduduk Miskin (ribu jiwa)",
        ],
        ["Provinsi", "Maret 2022", "Maret 2023", "Maret 2022", "Maret 2023"],
        ["JAWA TIMUR", 0.1038, 0.1035, 4181.29, 4188.81],
    ]
    t = read_bps_table(xlsx_bytes(rows, {"B3": "0.00%", "C3": "0.00%"}), locale="en")
    assert t.invalid == ()
    assert t.data["value"].tolist() == [10.38, 10.35, 4181.29, 4188.81]


def test_fractions_beside_percent_signs_in_a_csv_file() -> None:
    # Locale "id", ";": Perdesaan typed as fractions beside "9,92%".
    text = (
        "Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah;;;;;;\n"
        ";Perkotaan;;Perdesaan;;Jumlah;\n"
        "Provinsi;Maret 2022;Maret 2023;Maret 2022;Maret 2023;Maret 2022;Maret 2023\n"
        "JAWA TENGAH;9,92%;9,78%;0,1204;0,1187;10,93%;10,77%\n"
    )
    with pytest.raises(NumberParseError, match="2 cells"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert [(c.column, c.text) for c in t.invalid] == [
        (("Perdesaan", "Maret 2022"), "0,1204"),
        (("Perdesaan", "Maret 2023"), "0,1187"),
    ]
    assert all("without a percent sign" in c.reason for c in t.invalid)


@pytest.mark.parametrize(
    "groups",
    [";Laki-laki;;Perempuan;", ";K;;D;", ";Perkotaan;;Perdesaan;"],
    ids=["sex", "initials", "area"],
)
def test_other_splits_of_one_measure(groups: str) -> None:
    # Two groups, the second typed as fractions (0,113 and 0,111 for
    # 11,3% and 11,1%): invalid, whatever the split.
    text = (
        f"{groups}\nProvinsi;2022;2023;2022;2023\nJAWA TENGAH;10,5%;10,3%;0,113;0,111\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert [c.text for c in t.invalid] == ["0,113", "0,111"]


def test_groups_of_different_measures_in_a_csv_file_are_not_compared() -> None:
    # "Persentase" in percent signs beside "Jumlah (ribu jiwa)" plain
    # (JAWA TIMUR, as above): each read.
    text = (
        ";Persentase Penduduk Miskin;;Jumlah Penduduk Miskin (ribu jiwa);\n"
        "Provinsi;2022;2023;2022;2023\nJAWA TIMUR;10,38%;10,35%;4181,29;4188,81\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [10.38, 10.35, 4181.29, 4188.81]


def test_an_ods_group_of_floats_beside_percentage_groups() -> None:
    # .ods: Perkotaan of value type "percentage", Perdesaan "float".
    def pct(v: float) -> object:
        return ods_cell(f"{v * 100:.2f}%", valuetype="percentage", value=str(v))

    def num(v: float) -> object:
        return ods_cell(str(v), valuetype="float", value=str(v))

    rows: list[list[Any]] = [
        ["", "Perkotaan", "", "Perdesaan", ""],
        ["Provinsi", "Maret 2022", "Maret 2023", "Maret 2022", "Maret 2023"],
        ["JAWA TENGAH", pct(0.0992), pct(0.0978), num(0.1204), num(0.1187)],
    ]
    t = read_bps_table(ods_bytes(rows), locale="en", errors="report")
    assert [c.text for c in t.invalid] == ["0.1204", "0.1187"]
    assert t.data["value"].dropna().tolist() == [9.92, 9.78]
