"""read_bps_table: transposed tables with a header of two rows or area codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("text", "regions", "others"),
    [
        # Regions merged over urban and rural (CSV: the merge leaves the
        # second cell empty), periods down.
        (
            "Tahun;Pacitan;;Kota Batu;\n;Perkotaan;Perdesaan;Perkotaan;Perdesaan\n"
            "2022;10,1;14,2;3,1;5,2\n2023;10,0;14,0;3,0;5,0\n",
            "header row 1 names regions ('Pacitan', 'Kota Batu')",
            "header row 2 holds more header cells ('Perkotaan', 'Perdesaan', "
            "'Perkotaan', ...): a header of 2 rows",
        ),
        # Regions over units, under a title line.
        (
            "Penduduk Miskin;;;;\nTahun;Pacitan;;Kota Batu;\n"
            ";(ribu jiwa);(persen);(ribu jiwa);(persen)\n"
            "2022;75,9;13,8;8,7;4,1\n2023;74,1;13,6;8,5;4,0\n",
            "header row 2 names regions ('Pacitan', 'Kota Batu')",
            "header row 3 holds more header cells ('(ribu jiwa)', '(persen)', "
            "'(ribu jiwa)', ...): a header of 2 rows",
        ),
        # A row of area codes over the names: either row is the regions'.
        (
            "Tahun;3501;3579\n;Pacitan;Kota Batu\n2022;13,8;4,1\n2023;13,6;4,0\n",
            "header row 2 names regions ('Pacitan', 'Kota Batu')",
            "header row 1 holds more header cells ('3501', '3579')",
        ),
    ],
)
def test_a_transposed_table_with_two_header_rows_is_told_so(
    text: str, regions: str, others: str
) -> None:
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert "the table looks transposed: its first column holds periods" in said
    assert "('2022', '2023') under 'Tahun'" in said
    assert regions in said
    assert others in said
    assert "paste it transposed" in said
    # Not the advice for a column of area codes down the first column.
    assert "column of codes" not in said


@pytest.mark.parametrize(
    ("header", "regions"),
    [
        # Area codes alone: 3501 is Kabupaten Pacitan, 3579 Kota Batu.
        ("Tahun;3501;3579", "('3501', '3579')"),
        ("Tahun;3501 Pacitan;3579 Kota Batu", "('3501 Pacitan', '3579 Kota Batu')"),
        (
            "Tahun;Pacitan (3501);Kota Batu (3579)",
            "('Pacitan (3501)', 'Kota Batu (3579)')",
        ),
    ],
)
def test_a_transposed_table_with_area_codes_across_is_told_so(
    header: str, regions: str
) -> None:
    text = f"{header}\n2022;13,8;4,1\n2023;13,6;4,0\n"
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert f"header row 1 names regions {regions}" in said
    assert "df.T.reset_index()" in said
    assert "column of codes" not in said


def test_codes_that_are_no_regions_are_not_taken_for_a_transposed_header() -> None:
    # 9999 and 8888 are no area codes (no province 99 or 88): the header
    # names no region, and the first column's numbers get the codes advice.
    text = "Tahun;9999;8888\n2022;13,8;4,1\n2023;13,6;4,0\n"
    with pytest.raises(ValueError, match="no header row") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "transposed" not in str(e.value)


def test_a_transposed_workbook_with_merged_regions_is_told_so(
    tmp_path: Path,
) -> None:
    path = xlsx_path(
        tmp_path / "series.xlsx",
        [
            ["Tahun", "Pacitan", None, "Kota Batu", None],
            [None, "Perkotaan", "Perdesaan", "Perkotaan", "Perdesaan"],
            [2022, 10.1, 14.2, 3.1, 5.2],
            [2023, 10.0, 14.0, 3.0, 5.0],
        ],
        merges=["B1:C1", "D1:E1"],
    )
    with pytest.raises(ValueError, match="the table looks transposed") as e:
        read_bps_table(path, locale="id")
    said = str(e.value)
    assert "header row 1 names regions ('Pacitan', 'Kota Batu')" in said
    assert "a header of 2 rows" in said
