"""read_bps_table: the pandas advice for a transposed series, followed as printed.

A one-region series written with the periods down and the area groups
across is refused with advice to read it with pandas; the advice is run
exactly as the message prints it (its ``pandas.read_csv(...)`` call, the
file put in place of ``...``): it names the file's separator, skips the
title line above the header (``skiprows=1``) and reads the numbers as
`locale` writes them: "76,930" persons in an English table is read with
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
from typing import Any, Literal

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


def _followed(text: str, locale: Literal["id", "en"], sep: str) -> Any:
    """The frame the advice reads from `text`, run as printed."""
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(io.StringIO(text), locale=locale, sep=sep)
    found = re.search(r"pandas\.read_csv\(\.\.\., [^)]*\)", str(info.value))
    assert found is not None
    code = found[0].replace("...", "io.StringIO(text)")
    return eval(code, {"pandas": pd, "io": io, "text": text})


def test_english_advice_reads_thousands() -> None:
    df = _followed(_EN, "en", ",")
    assert list(df.columns) == ["Perkotaan", "Perdesaan", "Perkotaan+Perdesaan"]
    assert df.loc[2022, "Perkotaan+Perdesaan"] == 76930
    assert df.loc[2023, "Perkotaan"] == 5010


def test_indonesian_advice_reads_decimal_comma_and_thousands() -> None:
    df = _followed(_ID, "id", ";")
    assert list(df.columns) == ["Perkotaan", "Perdesaan", "Perkotaan+Perdesaan"]
    assert df.loc[2023, "Perkotaan+Perdesaan"] == 76200
    assert df.loc[2022, "Perdesaan"] == 71830


def test_a_header_in_the_first_line_is_read_without_skiprows() -> None:
    df = _followed(_EN.split("\n", 1)[1], "en", ",")
    assert df.loc[2023, "Perdesaan"] == 71190
