"""One unit written in two languages is one unit of count in ones.

BPS's bilingual publications head a column "Garis Kemiskinan
(Rupiah/Kapita/Bulan)/Poverty Line (IDR/Capita/Month)". Both brackets state
rupiah per person per month, a count in ones, so a figure with three
decimals under it ("327,758") is an English thousands comma, not 327.758
rupiah, exactly as under either half alone.

Values: East Java poverty lines of March 2022 and 2023 (``load_east_java``):
Kabupaten Pacitan 327 758 / 352 606, Kabupaten Ponorogo 370 519 / 400 147,
Kota Batu 441 893 / 471 930 rupiah per capita per month.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table

_BILINGUAL = "Garis Kemiskinan (Rupiah/Kapita/Bulan)/Poverty Line (IDR/Capita/Month)"
_ROWS = (
    ("Kabupaten Pacitan", "327,758", "352,606"),
    ("Kabupaten Ponorogo", "370,519", "400,147"),
    ("Kota Batu", "441,893", "471,930"),
)


def _body(mark: str) -> str:
    # mark: the thousands mark the figures are written with.
    return "".join(
        f"{name};{a.replace(',', mark)};{b.replace(',', mark)}\n"
        for name, a, b in _ROWS
    )


@pytest.mark.parametrize(
    "head",
    [
        # the unit in a bilingual title
        f"{_BILINGUAL}, 2022-2023\nKabupaten/Kota;2022;2023\n",
        # the unit in a bilingual group label over the years
        f"Kabupaten/Kota;{_BILINGUAL};\n;2022;2023\n",
    ],
    ids=["title", "group label"],
)
def test_english_thousands_commas_under_a_bilingual_unit_are_refused(head: str) -> None:
    # "327,758" in locale "id" would read 327.758 rupiah: 1,000 times small.
    with pytest.raises(ValueError, match=r"'327,758' \(a count in ones \(rupiah\)"):
        read_bps_table(io.StringIO(head + _body(",")), locale="id", sep=";", month=3)


def test_indonesian_thousands_dots_under_a_bilingual_unit_are_read() -> None:
    # The same figures with Indonesian dots are whole rupiah.
    head = f"{_BILINGUAL}, 2022-2023\nKabupaten/Kota;2022;2023\n"
    t = read_bps_table(io.StringIO(head + _body(".")), locale="id", sep=";", month=3)
    assert sorted(t.data["value"].tolist()) == [
        327758.0,
        352606.0,
        370519.0,
        400147.0,
        441893.0,
        471930.0,
    ]


_ROW_UNIT = "(Rupiah/Kapita/Bulan)/(IDR/Capita/Month)"


def _unit_row_table(mark: str, unit: str = _ROW_UNIT) -> str:
    return f"Garis Kemiskinan\nKabupaten/Kota;2022;2023\n;{unit};{unit}\n" + _body(mark)


@pytest.mark.parametrize(
    "unit",
    [
        _ROW_UNIT,
        "(Rupiah/Kapita/Bulan) / (IDR/Capita/Month)",
        "[Rupiah/Kapita/Bulan]/[IDR/Capita/Month]",
        # with a footnote mark, read past as after one spelling
        "(Rp/Kapita/Bulan)/(IDR/Capita/Month)*",
    ],
)
def test_english_thousands_commas_under_a_bilingual_unit_row_are_refused(
    unit: str,
) -> None:
    # The unit row states rupiah twice over each year: "327,758" in locale
    # "id" would read 327.758 rupiah, 1,000 times small, so every value cell
    # is refused (and the unit row itself is no data row).
    t = read_bps_table(
        io.StringIO(_unit_row_table(",", unit)),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    assert sorted(c.text for c in t.invalid) == sorted(
        v for _, a, b in _ROWS for v in (a, b)
    )
    assert all("a count in ones (rupiah)" in c.reason for c in t.invalid)


def test_indonesian_thousands_dots_under_a_bilingual_unit_row_are_read() -> None:
    # Under the unit row, "327.758" is 327 758 rupiah; the unit row is read
    # as such (no data row of its own: six values, none missing).
    t = read_bps_table(io.StringIO(_unit_row_table(".")), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [
        327758.0,
        352606.0,
        370519.0,
        400147.0,
        441893.0,
        471930.0,
    ]


def test_a_slash_between_two_different_units_is_no_unit_row() -> None:
    # "(jiwa)/(persen)" names two units: no unit row, so its cells are
    # refused as values (the unit is never picked from the two).
    with pytest.raises(ValueError, match=r"\(jiwa\)/\(persen\)"):
        read_bps_table(
            io.StringIO(_unit_row_table(".", "(jiwa)/(persen)")),
            locale="id",
            sep=";",
            month=3,
        )
