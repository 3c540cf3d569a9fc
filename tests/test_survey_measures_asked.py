"""Which measures are asked for, how they are labelled, and missing labels.

The Watts index alone (``alpha=[]`` with ``watts=True``); measure labels of
any alpha as its shortest repr (never the 309 digits of ``int(1e308)``);
missing domain and stratum labels refused naming their first row.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backends import collect, make
from povstat import fgt, poverty_estimates, poverty_table, watts
from povstat.poverty_measures import measure_names

# Poor below 100: 50 (weight 1) and 80 (weight 3), of a total weight of 7.
_Y = [50.0, 150.0, 80.0, 120.0]
_W = [1.0, 2.0, 3.0, 1.0]
# Watts by hand: (1 ln(100/50) + 3 ln(100/80)) / 7
# = (0.69314718 + 3 * 0.22314355) / 7 = 1.36257784 / 7 = 0.19465398.
_WATTS = (math.log(2.0) + 3 * math.log(1.25)) / 7


def test_watts_alone() -> None:
    est = poverty_estimates(
        _Y, 100.0, unit="fraction", alpha=[], watts=True, weights=_W
    )
    assert est.measure.tolist() == ["watts"]
    np.testing.assert_allclose(est.estimate, [_WATTS], rtol=1e-15)
    np.testing.assert_allclose(
        est.estimate, watts(_Y, 100.0, unit="fraction", weights=_W), rtol=0
    )
    # A measure's error does not depend on the other measures asked for.
    both = poverty_estimates(
        _Y, 100.0, unit="fraction", alpha=[0, 1], watts=True, weights=_W
    )
    np.testing.assert_array_equal(est.se, both.se[2:])
    assert est.cov.shape == (1, 1)


def test_watts_alone_by_domain_and_lines() -> None:
    est = poverty_estimates(
        _Y,
        unit="percent",
        alpha=[],
        watts=True,
        weights=_W,
        by=[1, 1, 2, 2],
        lines={"a": 100.0, "b": 60.0},
        overall=True,
    )
    # Domain 1 under 100: 1 ln 2 / 3; domain 2: 3 ln 1.25 / 4; under 60 only
    # the 50 is poor: 1 ln 1.2 / 3, nobody in domain 2, 1 ln 1.2 / 7 overall.
    expected = [
        100 * math.log(2.0) / 3,
        100 * math.log(1.2) / 3,
        300 * math.log(1.25) / 4,
        0.0,
        100 * _WATTS,
        100 * math.log(1.2) / 7,
    ]
    assert est.measure.tolist() == ["watts"] * 6
    assert est.line is not None
    assert est.line.tolist() == ["a", "b"] * 3
    np.testing.assert_allclose(est.estimate, expected, rtol=1e-14)


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars-lazy", "duckdb"])
def test_watts_alone_in_poverty_table(backend: str) -> None:
    df = make(backend, {"y": _Y, "w": _W})
    out = collect(
        poverty_table(
            df,
            welfare="y",
            weight="w",
            line=100.0,
            unit="fraction",
            alpha=[],
            watts=True,
        )
    )
    assert list(out["measure"]) == ["watts"]
    np.testing.assert_allclose(out["estimate"], [_WATTS], rtol=1e-14)


def test_no_measure_asked_for_says_how_to_ask_for_watts() -> None:
    with pytest.raises(ValueError, match=r"alpha=\[\] with watts=True"):
        poverty_estimates(_Y, 100.0, unit="percent", alpha=[])
    with pytest.raises(ValueError, match=r"alpha=\[\] with watts=True"):
        poverty_table(
            pd.DataFrame({"y": _Y}), welfare="y", line=100.0, unit="percent", alpha=[]
        )
    with pytest.raises(ValueError, match=r"povstat\.watts gives the Watts index"):
        fgt(_Y, 100.0, unit="percent", alpha=[])


@pytest.mark.parametrize(
    ("alpha", "label"),
    [
        (0, "P0"),
        (2.0, "P2"),
        (3, "FGT(3)"),
        (2.5, "FGT(2.5)"),
        (1e15, "FGT(1000000000000000)"),  # repr(1e15) is '1000000000000000.0'
        (1e16, "FGT(1e+16)"),  # repr(1e16) is '1e+16'
        (1e308, "FGT(1e+308)"),  # not int(1e308), 309 digits
        (5e-324, "FGT(5e-324)"),
        (1.5000000000000002, "FGT(1.5000000000000002)"),
    ],
)
def test_measure_labels_are_shortest_reprs(alpha: float, label: str) -> None:
    est = poverty_estimates(_Y, 100.0, unit="percent", alpha=alpha)
    assert est.measure.tolist() == [label]
    table = poverty_table(
        pd.DataFrame({"y": _Y}), welfare="y", line=100.0, unit="percent", alpha=alpha
    )
    assert table["measure"].tolist() == [label]


@given(st.lists(st.floats(0, 1e308), min_size=1, max_size=5, unique=True))
def test_measure_labels_are_distinct_and_read_back(alphas: list[float]) -> None:
    names = measure_names(alphas, watts=False)
    assert len(set(names)) == len(names)
    for a, name in zip(alphas, names, strict=True):
        assert len(name) <= 30
        inner = name[1:] if name.startswith("P") else name[4:-1]
        assert float(inner) == a


@pytest.mark.parametrize("arg", ["by", "strata"])
def test_missing_labels_of_arrays_name_the_first_entry(arg: str) -> None:
    labels = np.ma.masked_array([1, 1, 2, 2], mask=[False, True, False, True])
    kw: dict[str, Any] = {arg: labels}
    with pytest.raises(
        ValueError,
        match=rf"^`{arg}` must not contain missing labels \(masked entries\): "
        r"2 entries masked, first at index 1$",
    ):
        poverty_estimates(_Y, 100.0, unit="percent", **kw)
    kw = {arg: [1.0, 1.0, np.nan, 2.0]}
    with pytest.raises(ValueError, match=rf"`{arg}` .* found nan at index 2"):
        poverty_estimates(_Y, 100.0, unit="percent", **kw)


@pytest.mark.parametrize("arg", ["by", "strata", "psu"])
@pytest.mark.parametrize(
    ("frame", "first"),
    [
        (pd.DataFrame, "index label 'r'"),
        (lambda d, index: pl.DataFrame(d), "row position 2"),
    ],
)
def test_missing_labels_of_eager_frames_name_the_first_row(
    arg: str, frame: Any, first: str
) -> None:
    # Rows p, q, r, s: the label of r (position 2) and s (3) is missing.
    df = frame({"y": _Y, "k": [1.0, 1.0, None, None]}, index=list("pqrs"))
    kw: dict[str, Any] = {arg: "k"}
    with pytest.raises(
        ValueError,
        match=rf"^`{arg}` column 'k' must not hold missing values: 2 rows "
        rf"missing, first at {first}$",
    ):
        poverty_table(df, welfare="y", line=100.0, unit="percent", **kw)


def test_missing_labels_of_lazy_frames_are_counted() -> None:
    # A lazy frame has no row order of its own: counted, as missing welfare.
    lf = pl.LazyFrame({"y": _Y, "k": [1.0, None, 2.0, 2.0]})
    with pytest.raises(
        ValueError,
        match=r"^`by` column 'k' must not hold missing values: 1 row missing$",
    ):
        poverty_table(lf, welfare="y", line=100.0, unit="percent", by="k")
