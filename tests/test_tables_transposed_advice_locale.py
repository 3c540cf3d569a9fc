"""read_bps_table: the pandas advice for a transposed series, followed as printed.

A one-region series written with the periods down and the area groups
across is refused with advice to read it with pandas; the advice is run
exactly as the message prints it (its ``pandas.read_csv(...)`` call, the
file put in place of ``...``, then its ``povstat.parse_columns(...)`` and
melt): it names the file's separator, skips the title line above the
header (``skiprows=1``), reads every cell as text and has povstat read the
numbers as `locale` writes them (sheets20 J3: pandas' ``thousands=`` read
a figure typed in the other convention 10 or 100 times too large):
"76,930" persons in an English table is 76930, never 76.93; an Indonesian
table's "76.930" is 76930 too.

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

import povstat
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
    """The long frame the advice makes of `text`, run as printed."""
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(io.StringIO(text), locale=locale, sep=sep)
    found = re.search(
        r"(pandas\.read_csv\(\.\.\., [^)]*\)) and "
        r"(povstat\.parse_columns\(.*?\.reset_index\(\))",
        str(info.value),
    )
    assert found is not None
    code = found[1].replace("...", "io.StringIO(text)")
    df = eval(code, {"pandas": pd, "io": io, "text": text})
    long = eval(found[2], {"df": df, "povstat": povstat})
    return {(str(p), str(g)): float(v) for p, g, v in long.itertuples(index=False)}


_WANT = {
    ("2022", "Perkotaan"): 5100.0,
    ("2022", "Perdesaan"): 71830.0,
    ("2022", "Perkotaan+Perdesaan"): 76930.0,
    ("2023", "Perkotaan"): 5010.0,
    ("2023", "Perdesaan"): 71190.0,
    ("2023", "Perkotaan+Perdesaan"): 76200.0,
}


def test_english_advice_reads_thousands() -> None:
    assert _followed(_EN, "en", ",") == _WANT


def test_indonesian_advice_reads_thousands() -> None:
    assert _followed(_ID, "id", ";") == _WANT


def test_a_header_in_the_first_line_is_read_without_skiprows() -> None:
    assert _followed(_EN.split("\n", 1)[1], "en", ",") == _WANT
