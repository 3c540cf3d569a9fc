"""read_bps_table: the label column's heading in the lower header row."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from povstat import read_bps_table

_ROWS = (
    "Kabupaten/Kota;Perkotaan;Perdesaan;Perkotaan;Perdesaan\n"
    "Pacitan;9,1;15,2;9,0;15,0\n"
)


@pytest.mark.parametrize("top", ["", "Kabupaten/Kota"])
def test_the_region_heading_beside_the_groups_under_the_years(top: str) -> None:
    # Years 2022 and 2023, each over Perkotaan and Perdesaan; the heading
    # "Kabupaten/Kota" in the lower row (the upper label cell empty or the
    # same): the groups are read, Pacitan is 3501 with its four values.
    text = f"{top};2022;;2023;\n{_ROWS}"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data[["region_code", "group", "year", "value"]].values.tolist() == [
        ["3501", "Perkotaan", 2022, 9.1],
        ["3501", "Perdesaan", 2022, 15.2],
        ["3501", "Perkotaan", 2023, 9.0],
        ["3501", "Perdesaan", 2023, 15.0],
    ]


def test_a_region_name_in_the_lower_row_is_no_heading() -> None:
    # "Pacitan" beside the groups is a region's name, not the label
    # column's heading: refused as before (the groups name no period).
    text = ";2022;;2023;\nPacitan;Perkotaan;Perdesaan;Perkotaan;Perdesaan\n" + (
        "Pacitan;9,1;15,2;9,0;15,0\n"
    )
    with pytest.raises(ValueError, match="no period is read from their header"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_the_lower_heading_in_a_workbook_with_merged_years(tmp_path: Path) -> None:
    # B1:C1 merged "2022", D1:E1 "2023", "Kabupaten/Kota" in A2: as above.
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([None, "2022", None, "2023", None])
    ws.append(["Kabupaten/Kota", "Perkotaan", "Perdesaan", "Perkotaan", "Perdesaan"])
    ws.append(["Pacitan", 9.1, 15.2, 9.0, 15.0])
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    path = tmp_path / "lower.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="id")
    assert t.data["group"].tolist() == ["Perkotaan", "Perdesaan"] * 2
    assert t.data["year"].tolist() == [2022, 2022, 2023, 2023]
