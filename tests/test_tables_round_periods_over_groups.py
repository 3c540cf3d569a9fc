"""read_bps_table: a period with its round ("Maret 2022") over its groups."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("march", "september"),
    [
        ("Maret 2022", "September 2022"),
        ("Semester 1 (Maret) 2022", "Semester 2 (September) 2022"),
    ],
)
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Perkotaan", "Perdesaan"),
        ("(ribu jiwa)", "(persen)"),
        ("Jumlah (ribu jiwa)", "Persentase (persen)"),
    ],
)
@pytest.mark.parametrize("written_in_every_column", [False, True])
def test_a_round_period_spans_its_groups_in_csv(
    march: str, september: str, first: str, second: str, written_in_every_column: bool
) -> None:
    # BPS's semi-annual layout: each period over two columns, the groups (or
    # units alone) under it. By hand from the row as written: the March
    # columns hold 75,9 and 13,8; the September ones 74,1 and 13,65.
    again = (march, september) if written_in_every_column else ("", "")
    text = (
        f"Kabupaten/Kota;{march};{again[0]};{september};{again[1]}\n"
        f";{first};{second};{first};{second}\n"
        "Pacitan;75,9;13,8;74,1;13,65\n"
    )
    got = read_bps_table(io.StringIO(text), locale="id", sep=";").data
    rows = set(zip(got["group"], got["year"], got["month"], got["value"], strict=True))
    assert rows == {
        (first, 2022, 3, 75.9),
        (second, 2022, 3, 13.8),
        (first, 2022, 9, 74.1),
        (second, 2022, 9, 13.65),
    }


def test_a_round_period_merged_over_its_groups_in_a_workbook(tmp_path: Path) -> None:
    # "Maret 2022" merged over B1:C1, "September 2022" over D1:E1: Jawa
    # Timur's urban and rural rates in each round, as written.
    path = xlsx_path(
        tmp_path / "semi.xlsx",
        [
            ["Provinsi", "Maret 2022", None, "September 2022", None],
            [None, "Perkotaan", "Perdesaan", "Perkotaan", "Perdesaan"],
            ["JAWA TIMUR", 7.5, 12.3, 7.3, 12.2],
        ],
        merges=["B1:C1", "D1:E1"],
    )
    got = read_bps_table(path, locale="id").data
    rows = set(zip(got["group"], got["year"], got["month"], got["value"], strict=True))
    assert rows == {
        ("Perkotaan", 2022, 3, 7.5),
        ("Perdesaan", 2022, 3, 12.3),
        ("Perkotaan", 2022, 9, 7.3),
        ("Perdesaan", 2022, 9, 12.2),
    }
