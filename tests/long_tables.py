"""Shared set-ups of the long-table advice tests: BPS's long file, the advice run.

BPS's web API exports a long table under :data:`BPS_LONG_HEADER`
(:func:`bps_long` writes one). The messages about a long table give pandas
and polars code with the placeholders REGION, YEAR and VALUE for the file's
columns; :func:`follow` runs that code as printed, the placeholders filled
with the column names. Used by ``test_tables_file_advice_followed.py`` and
``test_tables_sheet_and_key_advice_followed.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import polars as pl

#: The header of BPS's long export: the measure (a second key when the file
#: holds more than one), the year, the region and the value.
BPS_LONG_HEADER = "nama_variabel,nama_tahun,nama_wilayah,data_content\n"


def bps_long(rows: Iterable[tuple[str, str, str, str]]) -> str:
    """BPS's long export of `rows` (measure, year, region, value), as text.

    >>> print(bps_long([("P1", "2023", "Pacitan", "1.73")]), end="")
    nama_variabel,nama_tahun,nama_wilayah,data_content
    P1,2023,Pacitan,1.73
    """
    return BPS_LONG_HEADER + "".join(",".join(row) + "\n" for row in rows)


def follow(
    code: str,
    df: Any,
    *,
    region: str = "nama_wilayah",
    year: str = "nama_tahun",
    value: str = "data_content",
) -> Any:
    """Run the advised pandas or polars `code` on the frame `df`, as printed.

    The placeholders REGION, YEAR and VALUE are replaced by the quoted
    column names (by default BPS's long export's), in one pass; the code
    sees `df` and polars as ``pl``.

    >>> import pandas as pd
    >>> follow("df[REGION].tolist()", pd.DataFrame({"nama_wilayah": ["BALI"]}))
    ['BALI']
    """
    names = {"REGION": region, "YEAR": year, "VALUE": value}
    filled = re.sub(r"\b(?:REGION|YEAR|VALUE)\b", lambda m: repr(names[m[0]]), code)
    return eval(filled, {"df": df, "pl": pl})
