"""A frame read from a CSV file with the wrong separator gets the advice.

A ";" file read with a reader's default "," is one column headed
"Kabupaten/Kota;2022;2023", its cells "Pacitan;13.8;13.65". The file itself,
given as a path, gets "pass sep=';'"; the frame, on every engine, gets the
same advice in its reader's words: read the file again with ";" as the
separator (pandas ``sep``, polars ``separator``, DuckDB ``delim``, Spark
``sep``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import povstat as ps
from backends import make

HEAD = "Kabupaten/Kota;2022;2023"
CELLS = ["Pacitan;13.8;13.65", "Kota Batu;4.1;4.0"]

OPTIONS = {
    "pandas[float64]": (
        r"pandas\.read_csv\(\.\.\., sep=';', dtype=str, keep_default_na=False\)"
    ),
    "polars": r"polars\.read_csv\(\.\.\., separator=';', infer_schema=False\)",
    "polars-lazy": r"polars\.read_csv\(\.\.\., separator=';', infer_schema=False\)",
    "duckdb": r"DuckDB's read_csv\(\.\.\., delim=';', all_varchar=true\)",
    "pyspark": r"spark\.read\.csv\(\.\.\., sep=';'\)",
}


@pytest.mark.parametrize("backend", list(OPTIONS))
def test_one_column_holding_semicolons_gets_the_engine_s_separator_option(
    backend: str,
) -> None:
    frame = make(backend, {HEAD: CELLS})
    with pytest.raises(
        ValueError,
        match=r"no header row naming years.*was read from a file with the wrong "
        rf"separator: its one column '{HEAD}' holds fields separated by ';'; "
        rf"read the file again with {OPTIONS[backend]}",
    ):
        ps.read_bps_table(frame, locale="en")


def test_tab_separated_file_read_as_commas() -> None:
    # A tab-separated file: the advice names the tab.
    frame = pd.DataFrame({"Kabupaten/Kota\t2022": ["Pacitan\t13.8", "Kota Batu\t4.1"]})
    with pytest.raises(ValueError, match=r"separated by '\\t'.*sep='\\t'"):
        ps.read_bps_table(frame, locale="en")


@pytest.mark.parametrize(
    "frame",
    [
        # A frame without years, but no other separator: no advice.
        pd.DataFrame({"Kabupaten/Kota": ["Pacitan"], "Tahun": ["13.8"]}),
        # One label holding a ";" is not a file misread.
        pd.DataFrame(
            {"Kabupaten/Kota": ["Pacitan; Kab.", "Kota Batu"], "x": ["1", "2"]}
        ),
    ],
)
def test_no_advice_without_another_separator(frame: Any) -> None:
    with pytest.raises(ValueError, match="no header row") as info:
        ps.read_bps_table(frame, locale="en")
    assert "wrong separator" not in str(info.value)


def test_a_frame_read_right_is_read() -> None:
    # The advice followed: 13.8 and 4.1 under 2022 (locale "en").
    frame = pd.DataFrame(
        {"Kabupaten/Kota": ["Pacitan", "Kota Batu"], "2022": ["13.8", "4.1"]}
    )
    t = ps.read_bps_table(frame, locale="en")
    assert t.data["value"].tolist() == [13.8, 4.1]
