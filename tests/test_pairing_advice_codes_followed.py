"""Pairing advice for codes held as numbers beside dotted codes, floats, a covariance.

* Integer codes (a file read back, 3501) beside the same codes written
  with Kemendagri's dot ("35.01"): the same regions, not row numbers;
  take the dot out and align.
* Integer keys beside the same keys as floats (3501 and 3501.0) in another
  order: equal labels of two kinds, not labels that equal none.
* A covariance frame labelled by integers on both axes beside text
  labelled estimates: one snippet converts both axes.

Each printed snippet is run and the values checked, worked by hand.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change, sum_counts


def _snippet(msg: str, start: str) -> str:
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if s.startswith(start)][-1]


def _follow(snippet: str, **names: Any) -> Any:
    return eval(snippet, {"pandas": pd}, names)


# Kabupaten Pacitan (3501), Ponorogo (3502), Kota Batu (3579): rates (%)
# 13.5 -> 13.0, 9.5 -> 9.0, 4.0 -> 3.5, by hand -0.5 each.
BEFORE = pd.Series([13.5, 9.5, 4.0], index=[3501, 3502, 3579])


def test_integer_codes_beside_dotted_codes_are_no_row_numbers() -> None:
    after = pd.Series([3.5, 13.0, 9.0], index=["35.79", "35.01", "35.02"])
    with pytest.raises(ValueError, match="written with a dot") as err:
        rate_change(BEFORE, after, unit="percent")
    msg = str(err.value)
    assert "row numbers" not in msg
    assert "(e.g. 3501 and '35.01')" in msg
    fixed = _follow(_snippet(msg, "after.set_axis"), after=after, before=BEFORE)
    got = rate_change(BEFORE, fixed, unit="percent")
    np.testing.assert_allclose(np.asarray(got.points), [-0.5, -0.5, -0.5], atol=1e-12)


def test_integer_and_float_keys_in_another_order_are_equal_labels() -> None:
    after = pd.Series([3.5, 13.0, 9.0], index=[3579.0, 3501.0, 3502.0])
    with pytest.raises(ValueError, match="equal in value, but in other orders") as err:
        rate_change(BEFORE, after, unit="percent")
    msg = str(err.value)
    assert "no label of one kind equals" not in msg
    fixed = _follow(_snippet(msg, "after.set_axis"), after=after, before=BEFORE)
    got = rate_change(BEFORE, fixed, unit="percent")
    np.testing.assert_allclose(np.asarray(got.points), [-0.5, -0.5, -0.5], atol=1e-12)


def test_an_integer_labelled_covariance_is_converted_on_both_axes() -> None:
    # Counts 10, 20, 30 (thousands) with variances 1, 4, 9 and covariance
    # 1 between the first two: the sum is 60, its variance
    # 1 + 4 + 9 + 2 * 1 = 16, standard error 4 (by hand).
    estimate = pd.Series([10.0, 20.0, 30.0], index=["1", "2", "3"])
    cov = pd.DataFrame(
        [[1.0, 1.0, 0.0], [1.0, 4.0, 0.0], [0.0, 0.0, 9.0]],
        index=[1, 2, 3],
        columns=[1, 2, 3],
    )
    with pytest.raises(ValueError, match="covariance matrix of `estimate`") as err:
        sum_counts(estimate, cov=cov, level=0.95)
    how = _snippet(str(err.value), "cov = cov.set_axis")
    assert how == (
        "cov = cov.set_axis(cov.index.astype(str), axis=0)"
        ".set_axis(cov.columns.astype(str), axis=1)"
        ".loc[estimate.index, estimate.index]"
    )
    fixed = _follow(how.removeprefix("cov = "), cov=cov, estimate=estimate)
    out = sum_counts(estimate, cov=fixed, level=0.95)
    np.testing.assert_allclose(out.total, 60.0)
    np.testing.assert_allclose(np.asarray(out.se), 4.0, rtol=1e-12)
