"""read_bps_table: the pandas advice for a transposed series follows `locale`.

A one-region series written with the periods down and the area groups
across is refused with advice to read it with pandas; the advice's number
options follow `locale`: "76,930" persons in an English table is read with
``thousands=','`` (76930), never ``decimal=','`` (76.93); an Indonesian
table's "76.930" with ``decimal=',', thousands='.'``.

Pacitan's poor population (BPS, bps_poor_kabkota_2004_2025.csv): 76.93
thousand in 2022, 76.20 thousand in 2023, i.e. 76,930 and 76,200 persons;
the urban part (5,100 / 5,010) is set by hand, the rural part the rest
(76,930 - 5,100 = 71,830; 76,200 - 5,010 = 71,190).
"""

from __future__ import annotations

import io
import re
from typing import Literal

import pandas as pd
import pytest

from povstat import read_bps_table

_EN = (
    "Jumlah Penduduk Miskin (Jiwa) Kabupaten Pacitan,,,\n"
    "Tahun,Perkotaan,Perdesaan,Perkotaan+Perdesaan\n"
    '2022,"5,100","71,830","76,930"\n2023,"5,010","71,190","76,200"\n'
)
_ID = (
    "Jumlah Penduduk Miskin (Jiwa) Kabupaten Pacitan;;;\n"
    "Tahun;Perkotaan;Perdesaan;Perkotaan+Perdesaan\n"
    "2022;5.100;71.830;76.930\n2023;5.010;71.190;76.200\n"
)


def _advice(text: str, locale: Literal["id", "en"], sep: str) -> str:
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(io.StringIO(text), locale=locale, sep=sep)
    found = re.search(r"pd\.read_csv\(\.\.\., ([^)]*)\)", str(info.value))
    assert found is not None
    return found[1]


def test_english_advice_reads_thousands() -> None:
    options = _advice(_EN, "en", ",")
    assert options == "index_col=0, decimal='.', thousands=','"
    df = pd.read_csv(
        io.StringIO(_EN), skiprows=1, index_col=0, decimal=".", thousands=","
    )
    assert df.loc[2022, "Perkotaan+Perdesaan"] == 76930


def test_indonesian_advice_reads_decimal_comma_and_thousands() -> None:
    options = _advice(_ID, "id", ";")
    assert options == "index_col=0, decimal=',', thousands='.'"
    df = pd.read_csv(
        io.StringIO(_ID), sep=";", skiprows=1, index_col=0, decimal=",", thousands="."
    )
    assert df.loc[2023, "Perkotaan+Perdesaan"] == 76200
