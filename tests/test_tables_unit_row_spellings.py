"""Unit rows in more of BPS's spellings.

"Rp." with a full stop ("(Rp./Kapita/Bulan)", "(Rp.)", "(Rp./kap./bln)"),
the unit per capita and month in words ("(Rp per kapita per bulan)",
"(rupiah per kapita sebulan)"), a multiplier after the rupiah ("(Rp 000)",
"(Rp ribu)": thousands of rupiah, as "(000 Rp)") and a marked bare
multiplier ("(000)¹", as "(ribu)*") are unit rows, not data rows with an
empty label.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table

_ROWS = "JAWA TIMUR;486.201;521.542\nKota Malang;628.330;674.660\n"


@pytest.mark.parametrize(
    "unit",
    [
        "(Rp./Kapita/Bulan)",
        "(Rp.)",
        "(Rp./kap./bln)",
        "(Rp per kapita per bulan)",
        "(rupiah per kapita sebulan)",
    ],
)
def test_rupiah_unit_rows(unit: str) -> None:
    # Before, the unit row was a data row: its two cells and the rupiah
    # counts below were invalid. Values are the cells without their
    # thousands dots (a count in ones): 486.201 -> 486201.
    text = f"Kabupaten/Kota;2022;2023\n;{unit};{unit}\n" + _ROWS
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [486201.0, 521542.0, 628330.0, 674660.0]
    assert unit in t.title


@pytest.mark.parametrize("unit", ["(Rp 000)", "(Rp ribu)", "(000)\u00b9"])
def test_thousands_unit_rows_read_as_written(unit: str) -> None:
    # Thousands of rupiah: a unit row never rescales values, so "628,33"
    # is 628.33 (thousand rupiah, as the title keeps), with decimals
    # allowed as they are for "(000 Rp)".
    text = (
        f"Kabupaten/Kota;2022;2023\n;{unit};{unit}\n"
        "Kota Malang;628,33;674,66\nKota Batu;580,00;613,99\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [628.33, 674.66, 580.0, 613.99]
    assert unit in t.title


def test_thousands_of_rupiah_beside_rupiah_refused() -> None:
    # "(Rp 000)" is thousands of rupiah: another scale than "(Rp)".
    text = "Kabupaten/Kota;2022;2023\n;(Rp 000);(Rp)\nKota Malang;628,33;674.660\n"
    with pytest.raises(ValueError, match="states different units"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")
