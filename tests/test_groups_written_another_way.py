"""`groups=` labels written another way than the region column: the message
says how the column writes each (dotted codes, names in capitals or with
BPS's prefixes, names for a column of codes), and following it gives the
group's figures.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import povstat as P
from povstat.datasets import load_indonesia


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    df = load_indonesia()
    return df[(df.area == "total") & (df.year == 2023) & (df.month == 3)]


def _pooled(m: pd.DataFrame, **kw: Any) -> float:
    out = P.aggregate_regions(m, unit="percent", **kw)
    return float(out["pooled_headcount"].iloc[0])


def test_dotted_codes_are_told_the_column_form(march_2023: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="not in the frame's region column") as err:
        P.aggregate_regions(
            march_2023, unit="percent", groups={"MR": ["35.07", "35.73", "35.79"]}
        )
    msg = str(err.value)
    assert "'35.07' is written '3507' in the column" in msg
    assert "'35.79' is written '3579' in the column" in msg
    assert "3579.0 and '3579'" not in msg
    # Followed: Malang Raya's poor, 2023 (thousands): Kabupaten Malang
    # 239.62, Kota Malang 37.78, Kota Batu 18.84 (BPS): 296.24.
    got = _pooled(march_2023, groups={"MR": ["3507", "3573", "3579"]})
    assert got == pytest.approx(239.62 + 37.78 + 18.84, abs=1e-9)


def test_names_for_a_column_of_codes_are_told_so(march_2023: pd.DataFrame) -> None:
    names = ["Kabupaten Malang", "KOTA MALANG", "Kota Batu"]
    with pytest.raises(ValueError, match="not in the frame's region column") as err:
        P.aggregate_regions(march_2023, unit="percent", groups={"MR": names})
    msg = str(err.value)
    assert "'KOTA MALANG' is written '3573' in the column" in msg
    assert "names were given for a column of codes" in msg
    assert "name a column of names with `region`" in msg
    with pytest.raises(ValueError, match="'KOTA MALANG' is written 'Kota Malang'"):
        P.aggregate_regions(
            march_2023, unit="percent", groups={"MR": names}, region="region_name"
        )
    fixed = ["Kabupaten Malang", "Kota Malang", "Kota Batu"]
    got = _pooled(march_2023, groups={"MR": fixed}, region="region_name")
    assert got == pytest.approx(296.24, abs=1e-9)


def test_an_unknown_label_is_said_to_be_no_region_of_the_column(
    march_2023: pd.DataFrame,
) -> None:
    # "9999" is text, as the column's codes are: the kind rule (3579.0 and
    # "3579" are not 3579) does not apply, so it is not said.
    with pytest.raises(ValueError, match="no label of the column") as err:
        P.aggregate_regions(march_2023, unit="percent", groups={"MR": ["3579", "9999"]})
    assert "3579.0" not in str(err.value)


def test_one_area_written_one_way_per_period_is_told_so() -> None:
    # Two files stacked: 2022 with codes "3507", 2023 with "35.07".
    df = load_indonesia()
    m = df[
        (df.area == "total")
        & (df.month == 3)
        & df.year.isin([2022, 2023])
        & df.region_code.isin(["3507", "3573", "3579"])
    ].copy()
    later = m.year == 2023
    m.loc[later, "region_code"] = (
        m.loc[later, "region_code"].str[:2] + "." + m.loc[later, "region_code"].str[2:]
    )
    with pytest.raises(ValueError, match="lacks region") as err:
        P.aggregate_regions(m.assign(g="MR"), by="g", unit="percent")
    msg = str(err.value)
    assert "they are written another way in period 2022-03-01" in msg
    assert "'35.73' is written '3573'" in msg
    assert "filter the periods" not in msg
    # Followed (one way in every period): 2023's pooled poor as above, 296.24.
    m.loc[later, "region_code"] = m.loc[later, "region_code"].str.replace(".", "")
    out = P.aggregate_regions(m.assign(g="MR"), by="g", unit="percent")
    assert float(out["pooled_headcount"].iloc[-1]) == pytest.approx(296.24, abs=1e-9)
