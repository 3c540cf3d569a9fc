"""A 0-d array stands for its value wherever an adapter takes one number.

povstat's array functions return 0-d arrays for scalar input
(``decimal_year(2019, 3)``), so their output is accepted as an argument:
`base`, `level`, `correlation`, as numpy scalars are.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import decimal_year, with_change_from_base, with_change_test

# BPS, Kota Malang, March 2019 and March 2023: 4.07 % and 4.26 %.
ROWS = pd.DataFrame(
    {
        "region_code": ["3573", "3573"],
        "period": decimal_year([2019, 2023], [3, 3]),
        "poverty_rate_pct": [4.07, 4.26],
        "rate_se": [0.3, 0.4],
    }
)


def test_base_from_decimal_year_is_accepted() -> None:
    base = decimal_year(2019, 3)
    assert isinstance(base, np.ndarray)
    assert base.ndim == 0
    out = with_change_from_base(ROWS, unit="percent", base=base)
    # 4.26 - 4.07 = 0.19 points since March 2019; none at the base itself.
    assert out["change_points"].tolist() == pytest.approx([0.0, 0.19], abs=1e-12)
    same = with_change_from_base(ROWS, unit="percent", base=float(base))
    pd.testing.assert_frame_equal(out, same)
    # A 0-d array of text, or a masked one, is still no number.
    with pytest.raises(TypeError, match="`base` must be a number"):
        with_change_from_base(ROWS, unit="percent", base=np.array("2019"))
    masked: Any = np.ma.masked_array(2019.0, mask=True)
    with pytest.raises(TypeError, match="`base` must be a number"):
        with_change_from_base(ROWS, unit="percent", base=masked)


def test_a_0d_date_is_a_date() -> None:
    df = ROWS.assign(period=pd.to_datetime(["2019-03-01", "2023-03-01"]))
    base = np.array(np.datetime64("2019-03-01"))
    out = with_change_from_base(df, unit="percent", base=base)
    assert out["change_points"].tolist() == pytest.approx([0.0, 0.19], abs=1e-12)


def test_level_and_correlation_as_0d_arrays() -> None:
    level: Any = np.array(0.9)  # typed as a float: accepted all the same
    rho: Any = np.array(0.5)
    out = with_change_test(
        ROWS,
        unit="percent",
        se="rate_se",
        independent=False,
        level=level,
        correlation=rho,
    )
    same = with_change_test(
        ROWS,
        unit="percent",
        se="rate_se",
        independent=False,
        level=0.9,
        correlation=0.5,
    )
    pd.testing.assert_frame_equal(out, same)
