"""Zero weights with overflowing FGT terms: the weighted term counts as 0."""

from __future__ import annotations

import warnings
from fractions import Fraction
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat

# Row 0 has zero weight and a gap (100 + 1e160) / 100 = 1e158 + 1, whose
# square (1e316) overflows float64. The others: gaps 0.5 and 0.3 (150 is not
# poor), so by hand P1 = 0.8 / 3 and P2 = (0.25 + 0.09) / 3 = 0.34 / 3.
Y = [-1e160, 50.0, 70.0, 150.0]
W = [0.0, 1.0, 1.0, 1.0]
P1 = float(Fraction(4, 15))
P2 = float(Fraction(34, 300))


def test_fgt_zero_weight_overflowing_term() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # 0 * inf would be NaN: by hand (1 - 0.5)**2 = 0.25.
        assert (
            povstat.fgt(
                [-1e300, 0.5], 1.0, alpha=2, unit="fraction", weights=[0.0, 1.0]
            )
            == 0.25
        )
        got = povstat.fgt(Y, 100.0, alpha=[1, 2], unit="fraction", weights=W)
    np.testing.assert_array_equal(got, [P1, P2])


def test_poverty_estimates_zero_weight_changes_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # deff: weights total 3
        warnings.simplefilter("error", RuntimeWarning)
        got = povstat.poverty_estimates(
            Y, 100.0, unit="fraction", alpha=[1, 2], weights=W
        )
        # Zero weights change nothing: the same as with a finite term there
        # (the row still counts as a sampled PSU in n / (n - 1)).
        ref = povstat.poverty_estimates(
            [0.0, *Y[1:]], 100.0, unit="fraction", alpha=[1, 2], weights=W
        )
    np.testing.assert_array_equal(got.estimate, [P1, P2])
    np.testing.assert_array_equal(got.se, ref.se)
    assert np.isfinite(got.se).all()


def test_omitted_row_with_overflowing_term() -> None:
    # The first row's weight is missing: left out under "omit", zero weight.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("error", RuntimeWarning)
        got = povstat.poverty_estimates(
            Y,
            100.0,
            unit="fraction",
            alpha=[1, 2],
            weights=[np.nan, 1, 1, 1],
            nan_policy="omit",
        )
    np.testing.assert_array_equal(got.estimate, [P1, P2])


@pytest.mark.parametrize("kind", ["pandas", "polars", "lazy", "duckdb"])
def test_engines_zero_weight_overflowing_term(kind: str) -> None:
    d = pd.DataFrame({"y": Y, "w": W})
    frame: Any = {
        "pandas": d,
        "polars": pl.from_pandas(d),
        "lazy": pl.from_pandas(d).lazy(),
        "duckdb": duckdb.from_df(d),
    }[kind]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("error", RuntimeWarning)
        out = povstat.poverty_table(
            frame, welfare="y", line=100.0, unit="fraction", alpha=[1, 2], weight="w"
        )
    if isinstance(out, pl.LazyFrame):
        out = out.collect()
    elif isinstance(out, duckdb.DuckDBPyRelation):
        out = pl.from_pandas(out.df())
    assert isinstance(out, (pd.DataFrame, pl.DataFrame))
    est = np.asarray(out["estimate"], dtype=np.float64)
    se = np.asarray(out["se"], dtype=np.float64)
    np.testing.assert_allclose(est, [P1, P2], rtol=4e-16)
    assert np.isfinite(se).all()


def test_weight_rescaled_to_zero_warns() -> None:
    # 1e-200 beside 1e130: the power of two that brings 1e130 near 1 takes
    # 1e-200 below float64's range. Its weighted term, 1e-200 * (1 + 5e99)**2
    # = 2.5e-1, is representable (the exact share is 2.5e-131): a warning,
    # never a silent 0.
    with pytest.warns(RuntimeWarning, match=r"count as of zero\s+weight"):
        povstat.fgt(
            [3.0, -1e100], 2.0, alpha=2, unit="fraction", weights=[1e130, 1e-200]
        )
    with pytest.warns(RuntimeWarning, match="row 1"):
        povstat.poverty_estimates(
            [3.0, -1e100], 2.0, alpha=2, unit="fraction", weights=[1e130, 1e-200]
        )


def test_small_terms_rescaled_to_zero_do_not_warn() -> None:
    # Welfare >= 0: terms at most 1, so 1e-30 * 1 beside 4e300 is below
    # 2**-1074 of the share, nothing float64 could show: no warning, and by
    # hand P1 = (0.2 + 0.2) * 1e300 / 4e300 = 0.1 (to float64 rounding).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = povstat.fgt(
            [100.0, 150, 100, 150, 90],
            125.0,
            alpha=1,
            unit="fraction",
            weights=[1e300] * 4 + [1e-30],
        )
    assert got == pytest.approx(0.1, rel=1e-15)


@pytest.mark.parametrize("kind", ["lazy", "duckdb"])
def test_lazy_engines_warn_of_a_weight_rescaled_to_zero(kind: str) -> None:
    # As above on a lazy engine (its second pass brings each domain's
    # weights near 1): the poor unit of weight 1e-200 and term
    # (1 + 5e99)**2 counts as of zero weight; the warning names its domain
    # (the rows are not at hand there).
    d = pd.DataFrame({"y": [3.0, -1e100], "w": [1e130, 1e-200], "b": ["x", "x"]})
    frame: Any = pl.from_pandas(d).lazy() if kind == "lazy" else duckdb.from_df(d)
    kw: dict[str, Any] = {"welfare": "y", "line": 2.0, "unit": "fraction"}
    kw |= {"alpha": 2, "weight": "w", "by": "b"}
    with pytest.warns(RuntimeWarning, match=r"first in domain 'x'.*count as of zero"):
        povstat.poverty_table(frame, **kw)


@pytest.mark.parametrize("kind", ["lazy", "duckdb"])
def test_lazy_engines_silent_for_small_terms_rescaled_to_zero(kind: str) -> None:
    # Welfare 1 under a line of 2: the term (1/2)**2 = 0.25 is at most 1, so
    # 1e-200 * 0.25 beside 1e130 is nothing a float64 share could show.
    d = pd.DataFrame({"y": [3.0, 1.0], "w": [1e130, 1e-200]})
    frame: Any = pl.from_pandas(d).lazy() if kind == "lazy" else duckdb.from_df(d)
    kw: dict[str, Any] = {"welfare": "y", "line": 2.0, "unit": "fraction"}
    kw |= {"alpha": 2, "weight": "w"}
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        povstat.poverty_table(frame, **kw)
    assert not [w for w in seen if "zero weight" in str(w.message).replace("\n", " ")]
