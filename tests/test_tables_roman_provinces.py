"""read_bps_table reads roman numerals up to XXXVIII numbering the provinces.

A national table of the 38 provinces ("I. Aceh" ... "XXXVIII. Papua Barat
Daya"); the 34 of 2023 end at "XXXIV. Papua Barat". Provinces in code
order (as povstat lists them): Aceh 11 first, Sulawesi Tenggara 74 the
28th, Papua Barat 92 the 34th.
"""

from __future__ import annotations

import io

import pytest

from povstat import BpsTable, read_bps_table
from povstat.datasets import indonesia_regions


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def _roman(n: int) -> str:
    out = ""
    for v, r in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= v:
            out += r
            n -= v
    return out


@pytest.mark.parametrize("count", [28, 34, 38])
def test_roman_numbered_provinces(count: int) -> None:
    regions = indonesia_regions()
    provinces = regions[regions.region_code.str.len() == 2].sort_values("region_code")
    rows = provinces.iloc[:count]
    body = "".join(
        f"{_roman(i)}. {n};{i},00\n" for i, n in enumerate(rows.region_name, start=1)
    )
    t = _read("Provinsi;2023\n;(persen)\n" + body)
    assert len(t.unmatched) == 0
    assert t.data["region_code"].tolist() == rows.region_code.tolist()
