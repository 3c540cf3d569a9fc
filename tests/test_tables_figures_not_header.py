"""read_bps_table: a region's figures are never named as header cells.

A table whose period is only in its title has no header row naming years,
and is refused. A count of the poor between 1900 and 2100 thousand with
decimals ("2004.35") in a region's row is a figure: the refusal must not
call it a header cell holding "the year 2004 with decimals", nor "a year a
reader renamed" with advice to read the file without a header.
"""

from __future__ import annotations

import io
from typing import Literal

import pytest

from povstat import read_bps_table

# The title names the period; the header names the measure, not years.
TITLE = '"Jumlah Penduduk Miskin (ribu jiwa) Menurut Provinsi, Maret 2023"\n'


def _refusal(text: str, locale: Literal["id", "en"] = "en") -> str:
    sep = ";" if locale == "id" else ","
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale=locale, sep=sep)
    return str(e.value)


@pytest.mark.parametrize("count", ["2004.35", "1950.5", "2099.99"])
@pytest.mark.parametrize(
    "table",
    [
        # Under a header labelled "Provinsi" (one column of counts).
        "Provinsi,Jumlah Penduduk Miskin\nJawa Barat,{v}\nJawa Tengah,3790.49\n",
        # Two columns of areas: the figure in either.
        "Provinsi,Perkotaan,Perdesaan\nJawa Barat,{v},1884.26\n"
        "Jawa Tengah,1745.12,{v}\n",
        # No header at all: sibling provinces, one after another.
        "Jawa Barat,{v}\nJawa Tengah,1745.12\n",
        # The figure in a later row.
        "Provinsi,Jumlah\nJawa Tengah,3790.49\nJawa Timur,{v}\n",
    ],
)
def test_a_count_like_a_year_with_decimals_is_no_header_cell(
    count: str, table: str
) -> None:
    said = _refusal(TITLE + table.format(v=count))
    assert "reader renamed" not in said
    assert "header=None" not in said
    assert "with decimals" not in said
    # The refusal still says where the period is and what to write.
    assert "a year (2023) is found only in the title" in said


@pytest.mark.parametrize(
    "text",
    [
        # "Jawa Timur" labels the header of its own regencies (3501 Pacitan,
        # 3502 Ponorogo; P0 of March 2022 and 2023, bps_p0_kabkota_2004_2025
        # .csv), "INDONESIA" that of its provinces (Aceh, Bali,
        # bps_p0_prov_2007_2026.csv), and "Provinsi" names no region.
        "Jawa Timur;2022,00;2023,00\nPacitan;13,80;13,65\nPonorogo;9,32;9,53\n",
        "INDONESIA;2022,00;2023,00\nAceh;14,64;14,45\nBali;4,57;4,25\n",
        "Provinsi;2022,00;2023,00\nAceh;14,64;14,45\n",
    ],
)
def test_a_header_row_keeps_its_header_advice(text: str) -> None:
    # Its cells "2022,00", "2023,00" are years written with decimals (a
    # number-formatted year cell saved as CSV in locale "id"): named so.
    said = _refusal(text, "id")
    assert "B1 '2022,00' (the year 2022 with decimals" in said


def test_a_renamed_year_in_the_header_is_still_named() -> None:
    # "2004.1" in a region's row is a figure, not a year a reader renamed
    # (pandas writes a repeated "2004" as "2004.1" in the header only);
    # "2023.1" in the header row is named so.
    text = "Provinsi,Jumlah\nJawa Barat,2004.1\nJawa Tengah,3790.4\n"
    assert "reader renamed" not in _refusal(TITLE + text)
    header = "Kabupaten/Kota,2023.1\nPacitan,13.8\n"
    assert "'2023.1' looks like a year a reader renamed" in _refusal(header)


def test_a_count_like_a_year_with_decimals_in_locale_id() -> None:
    # As the table is saved from a spreadsheet in Indonesian settings.
    text = TITLE + "Provinsi;Jumlah\nJawa Barat;2004,35\nJawa Tengah;3790,49\n"
    said = _refusal(text, "id")
    assert "reader renamed" not in said
    assert "with decimals" not in said
