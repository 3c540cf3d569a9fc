"""Pairing advice that works when followed where labels differ in kind, too.

Each piece of advice is taken from the message as written (the code
between backticks) and run, and the values it gives are checked against
values worked by hand:

* a column of a CSV file whose codes read back as integers (3501), beside
  a pivot keyed by text codes ("3501"): the advice reads the key as text
  before ``set_index(...).reindex(...)``, which would otherwise give NaN
  for every row;
* a year x region frame beside a region x year one whose labels are the
  same but of other kinds (codes as integers, years as text): transpose
  it and convert its labels (``.T.rename(...)``), never ``.to_numpy()``;
* a pivot with ``values=[...]`` has one column level more than a plain
  pivot: the advice drops a column level (``axis=1``), not an index level.
"""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change, rate_to_headcount


def _advice(msg: str, start: str) -> list[str]:
    """The code snippets of `msg` (between backticks) beginning with `start`."""
    return [s for s in re.findall(r"`([^`]+)`", msg) if s.startswith(start)]


def _follow(snippet: str, **names: Any) -> Any:
    """Run the advice `snippet` with the objects it names."""
    return eval(snippet, {"pandas": pd, "pd": pd}, names)


# Last year's rates, pivoted: keyed by text codes, in code order; the new
# release read from a CSV file in another order, its codes read as int.
PIVOT = pd.DataFrame(
    {"region_code": ["3501", "3502", "3526", "3573"], 2023: [13.8, 9.6, 19.5, 4.3]}
).set_index("region_code")
_CSV = """region_code,region_name,poverty_rate_pct
3573,Kota Malang,4.2
3501,Kabupaten Pacitan,13.5
3526,Kabupaten Bangkalan,19.0
3502,Kabupaten Ponorogo,9.5
"""


def test_the_set_index_advice_reads_integer_codes_as_text() -> None:
    new = pd.read_csv(io.StringIO(_CSV))
    assert new["region_code"].dtype.kind == "i"  # as a CSV reader gives them
    before = PIVOT[2023]
    with pytest.raises(ValueError, match="row numbers") as err:
        rate_change(before, new["poverty_rate_pct"], unit="percent")
    msg = str(err.value)
    assert "dtype={'region_code': str}" in msg
    (how,) = _advice(msg, "df")
    assert how == (
        "df.astype({'region_code': str}).set_index('region_code')"
        "['poverty_rate_pct'].reindex(before.index)"
    )
    after = _follow(how, df=new, before=before)
    assert not after.isna().any()
    # By hand: 3501 13.5 - 13.8 = -0.3; 3502 9.5 - 9.6 = -0.1; 3526 19.0 -
    # 19.5 = -0.5; 3573 4.2 - 4.3 = -0.1.
    got = rate_change(before, after, unit="percent").points
    np.testing.assert_allclose(got, [-0.3, -0.1, -0.5, -0.1], atol=1e-12)
    # The same file read as the advice says: the codes are text.
    read = pd.read_csv(io.StringIO(_CSV), dtype={"region_code": str})
    again = read.set_index("region_code")["poverty_rate_pct"].reindex(before.index)
    np.testing.assert_array_equal(after.to_numpy(), again.to_numpy())


# Rates (%) by region (rows, text codes) and year (columns, integers).
RATE = pd.DataFrame({2022: [10.0, 20.0], 2023: [11.0, 21.0]}, index=["35", "36"])
# By hand: 35 in 2022: 10 % of 100 = 10; 35/2023: 11 % of 110 = 12.1;
# 36/2022: 20 % of 200 = 40; 36/2023: 21 % of 210 = 44.1.
RIGHT = [[10.0, 12.1], [40.0, 44.1]]


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        # Year x region, the codes read as integers (a CSV file's header).
        (
            pd.DataFrame({35: [100.0, 110.0], 36: [200.0, 210.0]}, index=[2022, 2023]),
            "population.T.rename(index=str)",
        ),
        # Year x region, the years as text (a transposed wide CSV file).
        (
            pd.DataFrame(
                {"35": [100.0, 110.0], "36": [200.0, 210.0]}, index=["2022", "2023"]
            ),
            "population.T.rename(columns=int)",
        ),
        # Both axes of other kinds (years as floats) and in another order.
        (
            pd.DataFrame(
                {36: [210.0, 200.0], 35: [110.0, 100.0]}, index=[2023.0, 2022.0]
            ),
            "population.T.rename(index=str, columns=int).loc[rate.index, rate.columns]",
        ),
    ],
)
def test_a_transposed_frame_of_other_label_kinds_is_told_to_transpose(
    population: pd.DataFrame, expected: str
) -> None:
    with pytest.raises(ValueError, match="axes swapped") as err:
        rate_to_headcount(RATE, population, unit="percent")
    msg = str(err.value)
    assert "not .to_numpy()" in msg
    assert "pass .to_numpy()" not in msg
    assert "row numbers" not in msg
    (how,) = _advice(msg, "population.T")
    assert how == expected
    fixed = _follow(how, rate=RATE, population=population)
    np.testing.assert_allclose(
        rate_to_headcount(RATE, fixed, unit="percent"), RIGHT, rtol=1e-15
    )


def test_an_extra_column_level_is_told_to_drop_a_column_level() -> None:
    long = pd.DataFrame(
        {
            "region_code": ["3501", "3501", "3502", "3502"],
            "year": [2022, 2023, 2022, 2023],
            "poverty_rate_pct": [10.0, 11.0, 20.0, 21.0],
            "pop": [100.0, 110.0, 200.0, 210.0],
        }
    )
    # values=[...] (a list): columns ('poverty_rate_pct', 2022), ...
    wide = long.pivot(  # noqa: PD010 - a pivot as users write it
        index="region_code", columns="year", values=["poverty_rate_pct", "pop"]
    )
    rate = wide[["poverty_rate_pct"]]
    population = wide["pop"]
    with pytest.raises(ValueError, match="one column level more") as err:
        rate_to_headcount(rate, population, unit="percent")
    msg = str(err.value)
    (drop,) = _advice(msg, "rate.droplevel")
    (align,) = _advice(msg, "population.reindex")
    assert drop == "rate.droplevel(0, axis=1)"
    assert align == "population.reindex(columns=rate.columns.droplevel(0))"
    got = rate_to_headcount(
        _follow(drop, rate=rate),
        _follow(align, rate=rate, population=population),
        unit="percent",
    )
    # The same figures as RIGHT: 3501 is 35's, 3502 is 36's.
    np.testing.assert_allclose(got, RIGHT, rtol=1e-15)
