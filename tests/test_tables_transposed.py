"""read_bps_table: a transposed table (periods down, regions across)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("text", "periods", "regions"),
    [
        # A BPS time series: years down the first column under "Tahun",
        # regencies and cities across.
        (
            "Tahun;Pacitan;Kota Batu\n2022;13,8;4,1\n2023;13,6;4,0\n",
            "('2022', '2023') under 'Tahun'",
            "('Pacitan', 'Kota Batu')",
        ),
        # Rounds down, a province and Indonesia across, a title above.
        (
            "Persentase Penduduk Miskin;;\n"
            "Periode;JAWA TIMUR;INDONESIA\n"
            "Maret 2022;10,38;9,54\nSeptember 2022;10,49;9,57\n",
            "('Maret 2022', 'September 2022') under 'Periode'",
            "('JAWA TIMUR', 'INDONESIA')",
        ),
        # An empty corner cell, kinds written ("Kab. Malang").
        (
            ";Kab. Malang;Kota Malang;Kabupaten Blitar;Kota Blitar\n"
            "2021;10,5;4,4;9,7;7,9\n2022;9,9;4,4;9,3;7,6\n"
            "2023;9,5;4,3;9,1;7,2\n2024;9,0;4,0;8,8;6,9\n",
            "('2021', '2022', '2023', ...)",
            "('Kab. Malang', 'Kota Malang', 'Kabupaten Blitar', ...)",
        ),
    ],
)
def test_a_transposed_table_is_refused_with_how_to_turn_it(
    text: str, periods: str, regions: str
) -> None:
    # Never read turned: no header names years; the message says why
    # (periods down the first column, regions in the header) and how.
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert (
        f"the table looks transposed: its first column holds periods {periods}" in said
    )
    assert f"names regions {regions}" in said
    # A title line above the header (the file's row 2) is skipped.
    skip = "skiprows=1, " if text.startswith("Persentase") else ""
    assert (
        f"pandas.read_csv(..., sep=';', {skip}index_col=0, dtype=str, "
        "keep_default_na=False)" in said
    )
    assert "df.T.reset_index()" in said
    # Not the advice for a column of area codes or a long table.
    assert "area codes" not in said
    assert "long" not in said


def test_the_advised_transpose_reads_the_table() -> None:
    # Following the advice: Pacitan is 3501, Kota Batu 3579; 2022 and 2023
    # each, the values as written (13,8 is 13.8 in locale "id").
    text = "Tahun;Pacitan;Kota Batu\n2022;13,8;4,1\n2023;13,6;4,0\n"
    df = pd.read_csv(io.StringIO(text), sep=";", index_col=0, dtype=str)
    got = read_bps_table(df.T.reset_index(), locale="id").data
    assert got["region_code"].tolist() == ["3501", "3501", "3579", "3579"]
    assert got["year"].tolist() == [2022, 2023, 2022, 2023]
    assert got["value"].tolist() == [13.8, 13.6, 4.1, 4.0]


def test_a_transposed_frame_is_told_how_to_turn_the_frame() -> None:
    frame = pd.DataFrame(
        {"Tahun": ["2022", "2023"], "Pacitan": ["13,8", "13,6"], "Ngawi": ["14", "13"]}
    )
    with pytest.raises(ValueError, match="transposed") as e:
        read_bps_table(frame, locale="id")
    said = str(e.value)
    assert "its column labels name regions ('Pacitan', 'Ngawi')" in said
    assert "df.set_index(df.columns[0]).T.reset_index()" in said
    turned = frame.set_index(frame.columns[0]).T.reset_index()
    # Ngawi is 3521: 14 and 13 as written.
    got = read_bps_table(turned, locale="id").data
    assert got["region_code"].tolist() == ["3501", "3501", "3521", "3521"]
    assert got["value"].tolist() == [13.8, 13.6, 14.0, 13.0]


def test_a_transposed_workbook_is_refused_with_how_to_turn_it(
    tmp_path: Path,
) -> None:
    path = xlsx_path(
        tmp_path / "series.xlsx",
        [
            ["Persentase Penduduk Miskin"],
            ["Tahun", "Pacitan", "Kota Batu"],
            [2022, 13.8, 4.1],
            [2023, 13.6, 4.0],
        ],
    )
    with pytest.raises(ValueError, match="the table looks transposed") as e:
        read_bps_table(path, locale="id")
    assert "header row 2 names regions ('Pacitan', 'Kota Batu')" in str(e.value)
    # Read by pandas, the cells are numbers already: locale "en" reads them.
    df = pd.read_excel(path, index_col=0, skiprows=1)
    got = read_bps_table(df.T.reset_index(), locale="en").data
    assert got["value"].tolist() == [13.8, 13.6, 4.1, 4.0]


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        # Area codes down the first column, no region names across: the
        # advice stays that for a column of codes.
        ("Kode;Nilai\n3501;13,8\n3579;4,1\n", "no header row"),
        # A long table, years first and repeated: the long-form advice.
        (
            "Tahun;Kabupaten/Kota;Nilai\n2022;Pacitan;13,8\n2022;Ngawi;14\n"
            "2023;Pacitan;13,6\n2023;Ngawi;13\n",
            "long, not wide",
        ),
        # Periods down, but the header names no region (a half or more must).
        ("Tahun;Jumlah;Persen;Pacitan\n2022;75,8;13,8;1\n", "no header row"),
    ],
)
def test_other_tables_are_not_said_to_be_transposed(text: str, advice: str) -> None:
    with pytest.raises(ValueError, match=advice) as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "transposed" not in str(e.value)
