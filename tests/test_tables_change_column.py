"""read_bps_table: a column of changes between two periods is no period."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path

_ADVICE = (
    "not a period: a change column is not read; leave it out (delete the "
    "column from the sheet or file, or select the period columns: pandas."
    "read_csv(..., usecols=..., dtype=str, keep_default_na=False), or "
    "df.drop(columns=...) on a frame read so (every column as text: "
    "'558.029' is read as 558.029 otherwise), and pass the frame) and "
    "compute the change from the periods (povstat.rate_change)"
)


@pytest.mark.parametrize(
    ("head", "what"),
    [
        ("Perubahan Maret 2022 - Maret 2023", "the word 'Perubahan'"),
        ("Perubahan 2022-2023", "the word 'Perubahan'"),
        ("Selisih", "the word 'Selisih'"),
        ("Kenaikan/Penurunan (poin)", "the word 'Kenaikan'"),
        ("2022-2023", "two periods, '2022-2023'; or another figure over the span"),
        (
            "Maret 2022 s.d. Maret 2023",
            "two periods, '2022 s.d. Maret 2023'; or another figure over the span",
        ),
    ],
)
def test_a_change_column_beside_the_periods_is_named_with_how_to_leave_it_out(
    head: str, what: str
) -> None:
    text = f"Kabupaten/Kota;2022;2023;{head}\nPacitan;13,8;13,6;-0,2\n"
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert f"{head!r} heads a change between periods ({what}), {_ADVICE}" in said
    # Never the advice to write the round and the year alone.
    assert "write the round" not in said
    assert "write each year alone" not in said


def test_a_change_column_merged_over_groups_in_a_workbook(tmp_path: Path) -> None:
    # Bare years merged over urban and rural, the change merged likewise.
    path = xlsx_path(
        tmp_path / "change.xlsx",
        [
            ["Provinsi", 2022, None, 2023, None, "Perubahan 2022 - 2023", None],
            [None] + ["Perkotaan", "Perdesaan"] * 3,
            ["JAWA TIMUR", 7.5, 12.3, 7.3, 12.2, -0.2, -0.1],
        ],
        merges=["B1:C1", "D1:E1", "F1:G1"],
    )
    with pytest.raises(ValueError, match="heads a change between periods") as e:
        read_bps_table(path, locale="id")
    assert "write the round" not in str(e.value)
    # Following the advice: the period columns alone are read. Jawa Timur
    # (35), 2022 and 2023, urban and rural, the values as written.
    df = pd.read_excel(path, header=None, usecols="A:E", dtype=object)
    got = read_bps_table(df, locale="en").data
    assert got["region_code"].unique().tolist() == ["35"]
    assert sorted(got["value"].tolist()) == [7.3, 7.5, 12.2, 12.3]


def test_a_lone_change_column_is_named_in_the_no_header_error() -> None:
    text = "Kabupaten/Kota;Perubahan Maret 2022 - Maret 2023\nPacitan;-0,2\n"
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert "heads" not in said  # the cell list says "B1 '...' (why)"
    assert (
        "B1 'Perubahan Maret 2022 - Maret 2023' (a change between periods "
        f"(the word 'Perubahan'), {_ADVICE}) are not read as periods" in said
    )
    assert "write the round" not in said
    assert "write each year alone" not in said


def test_a_year_beside_other_text_keeps_its_advice() -> None:
    # No change word and one year: still the advice to write the year alone.
    text = "Kabupaten/Kota;2022;2023 (persen)\nPacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match="write each year alone") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "change" not in str(e.value)
