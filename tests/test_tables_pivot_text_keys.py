"""A polars frame pivoted on year and month read as text (sheets17 G5).

polars names the columns of a frame pivoted on two text columns
'{"2024","3"}' (on integer columns '{2024,3}'). Read as text, as the docs
advise for polars (infer_schema=False), such a frame was not recognised
as pivoted the wrong way, and its header cells were named "Bcolumns".

Figures: P0 (Jumlah), bps_p0_prov_2007_2026.csv, March / September 2024:
JAWA TENGAH 10.47 / 9.58, JAWA TIMUR 9.79 / 9.56 (copied by hand).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

pl = pytest.importorskip("polars")

_LONG = (
    "provinsi,tahun,bulan,p0\nJAWA TENGAH,2024,3,10.47\nJAWA TENGAH,2024,9,9.58\n"
    "JAWA TIMUR,2024,3,9.79\nJAWA TIMUR,2024,9,9.56\n"
)


@pytest.mark.parametrize("infer", [False, True])
def test_a_two_key_pivot_is_named(infer: bool) -> None:
    long = pl.read_csv(io.StringIO(_LONG), infer_schema=infer)
    wide = long.pivot(on=["tahun", "bulan"], index="provinsi", values="p0")  # noqa: PD010
    with pytest.raises(ValueError, match="pivoted the wrong way") as info:
        read_bps_table(wide, locale="en")
    said = str(info.value)
    assert "its column labels name a year and a second key" in said
    assert "Bcolumns" not in said
    # Followed: the rows of one month kept, pivoted on the year alone
    # (polars df.pivot(on=YEAR, index=REGION, values=VALUE)).
    march = long.filter(pl.col("bulan").cast(pl.String) == "3").pivot(  # noqa: PD010
        on="tahun", index="provinsi", values="p0"
    )
    t = read_bps_table(march, locale="en", month=3)
    assert t.data["value"].tolist() == [10.47, 9.79]


def test_a_frame_header_cell_is_named_by_its_column() -> None:
    # A year with a thousands dot, as a column label: "column B's label".
    df = pd.DataFrame(
        {"Kabupaten/Kota": ["Pacitan"], "2.023": ["13,65"], "2.024": ["13,08"]}
    )
    with pytest.raises(ValueError, match="no header row") as info:
        read_bps_table(df, locale="id")
    said = str(info.value)
    assert "header cell(s) column B's label '2.023'" in said
    assert "Bcolumns" not in said
