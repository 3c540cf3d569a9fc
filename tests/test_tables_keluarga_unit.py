"""read_bps_table: "(Keluarga)", the Indonesian word for family, is a unit of families.

As "(KK)" and "(Families)" are: a count in ones, so a figure typed with a
thousands comma ("76,930") is refused in locale "id" rather than read as
76.93 families, and a fraction of a family is refused.

Figures: bps_poor_kabkota_2004_2025.csv, poor persons (thousands), Pacitan
76.93 (2022), 76.20 (2023); Kota Madiun 8.49, 8.46; written here in ones as
stand-ins for family counts (76 930, 76 200, 8 490, 8 460).
"""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, read_bps_table

_HEADS = {
    "title": '"Jumlah Keluarga Miskin Menurut Kabupaten/Kota (Keluarga)",,\n'
    "Kabupaten/Kota,2022,2023\n",
    "satuan line": '"Jumlah Keluarga Miskin Menurut Kabupaten/Kota",,\n'
    "Satuan: Keluarga,,\nKabupaten/Kota,2022,2023\n",
    "unit row": '"Jumlah Keluarga Miskin Menurut Kabupaten/Kota",,\n'
    "Kabupaten/Kota,2022,2023\n,(Keluarga),(Keluarga)\n",
    "bkkbn title": '"Banyaknya Keluarga Pra Sejahtera dan Sejahtera I (Keluarga)",,\n'
    "Kabupaten/Kota,2022,2023\n",
}


@pytest.mark.parametrize("head", list(_HEADS), ids=list(_HEADS))
def test_a_count_typed_with_a_thousands_comma_is_refused(head: str) -> None:
    # "76,930" families: a count in ones has no three decimals, so in locale
    # "id" it is refused with the advice to read it with locale="en" (before,
    # read as 76.93 families, 1000 times too few; the unit row "(Keluarga)"
    # was refused as "not a number").
    body = 'Pacitan,"76,930","76,200"\nKota Madiun,"8,490","8,460"\n'
    with pytest.raises(
        NumberParseError,
        match=r"'76,930' \(a count in ones \(families\) written with three decimals",
    ):
        read_bps_table(io.StringIO(_HEADS[head] + body), locale="id", month=3)


def test_a_fraction_of_a_family_is_refused_and_named() -> None:
    # "8,5" families beside whole counts of thousands ("76.930"): a fraction
    # of a family, named as such, and the whole counts "76.930" (76 930) are
    # no ambiguous thousands dots (before, "76.930" was refused as one and
    # "8,5" accepted: under no unit, a decimal comma beside a thousands dot).
    body = 'Pacitan,"76.930","76.200"\nKota Madiun,"8,5","8,46"\n'
    with pytest.raises(NumberParseError) as err:
        read_bps_table(io.StringIO(_HEADS["title"] + body), locale="id", month=3)
    text = str(err.value)
    assert "2 cells are not a valid number" in text
    assert "'8,5' (a number with decimals below 1,000 under a unit of count" in text
    assert "in ones (families)" in text
    assert "'76.930'" not in text


def test_cells_stating_keluarga_are_read_as_counts_of_families() -> None:
    # "76.930 keluarga": 76 930 families, as "76.930 KK" is (before, not a
    # number: the word was no unit).
    body = (
        'Pacitan,"76.930 keluarga","76.200 keluarga"\n'
        'Kota Madiun,"8.490 keluarga","8.460 keluarga"\n'
    )
    t = read_bps_table(io.StringIO(_HEADS["title"] + body), locale="id", month=3)
    assert t.data["value"].tolist() == [76930.0, 76200.0, 8490.0, 8460.0]
