"""read_bps_table: a one-region series with its area groups across."""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    ("heading", "first", "second"),
    [("Tahun", "2022", "2023"), ("Periode", "Maret 2022", "September 2022")],
)
def test_area_groups_across_get_the_transposed_advice(
    heading: str, first: str, second: str
) -> None:
    text = (
        f"{heading};Perkotaan;Perdesaan;Total\n"
        f"{first};7,5;12,3;9,54\n{second};7,29;12,22;9,36\n"
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    message = str(info.value)
    assert "names area groups ('Perkotaan', 'Perdesaan', 'Total')" in message
    assert "area codes" not in message


def test_the_advised_layout_is_read() -> None:
    # The region's name as the label, each group over its periods: values
    # as written (7,5 -> 7.5 urban in 2022, and so on).
    text = (
        "Provinsi;Perkotaan;;Perdesaan;\n"
        ";2022;2023;2022;2023\n"
        "JAWA TIMUR;7,5;7,29;12,3;12,22\n"
    )
    got = read_bps_table(io.StringIO(text), locale="id", sep=";").data
    assert set(zip(got["group"], got["year"], got["value"], strict=True)) == {
        ("Perkotaan", 2022, 7.5),
        ("Perkotaan", 2023, 7.29),
        ("Perdesaan", 2022, 12.3),
        ("Perdesaan", 2023, 12.22),
    }


def test_pedesaan_is_an_area_group_of_the_transposed_advice() -> None:
    # "Pedesaan" is how "Perdesaan" (rural) is often written; the breakdown
    # of a column group's label reads it, and so does the transposed
    # advice (before, it named only 'Perkotaan' and 'Total').
    text = "Tahun;Perkotaan;Pedesaan;Total\n2022;7,5;12,3;9,54\n2023;7,29;12,22;9,36\n"
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "names area groups ('Perkotaan', 'Pedesaan', 'Total')" in str(info.value)
