"""The English unit of the poverty line, "(Rupiahs/Capita/Month)".

BPS's English tables (the Statistical Yearbook of Indonesia) head the
poverty line "Poverty Line (Rupiahs/Capita/Month)", with the plural; as a
unit row it states rupiah over its columns, as "(Rupiah/Kapita/Bulan)"
does, and a cell "674,660 rupiahs" is 674 660 rupiah.
"""

from __future__ import annotations

import io

from povstat import parse_numbers, read_bps_table


def test_plural_rupiah_unit_row_is_a_unit_row() -> None:
    # Before, the unit row was read as a region row with an empty label and
    # two cells "not a number in locale 'en'". Values are the cells with the
    # thousands comma removed: 674,660 -> 674660, worked by hand.
    text = (
        "Regency/City,2022,2023\n"
        ",(Rupiahs/Capita/Month),(Rupiahs/Capita/Month)\n"
        'Kota Malang,"674,660","680,000"\n'
        'Kota Batu,"587,000","590,000"\n'
    )
    t = read_bps_table(io.StringIO(text), locale="en", month=3, errors="report")
    assert not t.invalid
    assert "(Rupiahs/Capita/Month)" in t.title
    assert t.data["value"].tolist() == [674660.0, 680000.0, 587000.0, 590000.0]


def test_plural_rupiah_in_a_cell_is_a_count_in_ones() -> None:
    # "674.660 rupiahs" in locale "id": a unit of count in ones, 674660.
    assert parse_numbers(["674.660 rupiahs"], locale="id").value.tolist() == [674660.0]
