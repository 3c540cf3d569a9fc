"""read_bps_table: a header mixing plain years with years written otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        # A number-formatted year cell as a spreadsheet writes it to CSV.
        ("2.023", "the year 2023 with a thousands separator"),
        ("2,023", "the year 2023 with a thousands separator"),
        ("2023,00", "the year 2023 with decimals"),
        # A unit or a note mark beside the year.
        ("2023 (persen)", "the year 2023 beside '(persen)', which names no month"),
        ("2023*", "the year 2023 beside '*', a note mark"),
    ],
)
@pytest.mark.parametrize("place", ["after", "before"])
def test_a_year_among_plain_ones_is_explained(cell: str, why: str, place: str) -> None:
    # "2022" is a plain year, so the header is found; the other cell is no
    # period: the message says why, as it does when every year is so written.
    heads = f"2022;{cell}" if place == "after" else f"{cell};2022"
    text = f"Kabupaten/Kota;{heads}\nPacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert f"{cell!r} holds {why}" in said
    assert "write each year alone ('2022')" in said


def test_plain_text_is_not_given_a_year_reason() -> None:
    # "Jumlah" holds no year: no reason about a year is made up for it.
    text = "Kabupaten/Kota;2022;Jumlah\nPacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match=r"\['Jumlah'\] name no period") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "holds the year" not in str(e.value)


def test_a_workbook_year_beside_a_unit_is_explained(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "mixed.xlsx",
        [["Kabupaten/Kota", 2022, "2023 (persen)"], ["Pacitan", 13.8, 13.6]],
    )
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(path, locale="id")
    assert "'2023 (persen)' holds the year 2023 beside '(persen)'" in str(e.value)
