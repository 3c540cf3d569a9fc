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
    assert "names area or sex groups ('Perkotaan', 'Perdesaan', 'Total')" in message
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
    assert "names area or sex groups ('Perkotaan', 'Pedesaan', 'Total')" in str(
        info.value
    )


@pytest.mark.parametrize(
    ("heads", "shown"),
    [
        # The groups glossed in English, as BPS's bilingual tables write them.
        (
            "Perkotaan (Urban);Perdesaan (Rural);Jumlah (Total)",
            "('Perkotaan (Urban)', 'Perdesaan (Rural)', 'Jumlah (Total)')",
        ),
        # A split by sex is read as a split by area is (a column group's
        # split part): before, neither header got the one-region advice.
        ("Laki-laki;Perempuan;Jumlah", "('Laki-laki', 'Perempuan', 'Jumlah')"),
    ],
)
def test_glossed_and_sex_groups_across_get_the_one_region_advice(
    heads: str, shown: str
) -> None:
    text = f"Tahun;{heads}\n2022;7,5;12,3;9,54\n2023;7,29;12,22;9,36\n"
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert f"names area or sex groups {shown}" in str(info.value)
