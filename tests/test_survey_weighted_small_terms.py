"""A unit of large term but tiny weight: the small-terms warning fires.

The variance sums the squares of the deviations ``w_i (t_i - R)``; where
the largest weighted term ``w_i t_i`` (on the scale of the largest weight)
is below ``2**(bit_length(rows) - 500)``, those squares are near float64's
subnormals and the standard error may be 0, though a larger term of a
unit of tiny weight keeps the largest term above that bound.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd
import pytest

from backends import collect, from_pandas
from povstat import poverty_estimates, poverty_table

# FGT(20), line 1: terms (1 - y)**20. The first unit's term is
# 2**(-24*20) = 2**-480, above the bound 2**(bit_length(5) - 500) = 2**-497,
# but its weight is 2**-70: its weighted term is 2**-550. The others'
# terms are 2**-544, 2**-546, 2**-538 with weights near 1 (the last is not
# poor, term 0). So every weighted term is below 2**-497 and every square
# the variance sums is below 2**-1000: the standard error comes out 0
# where it is about 2.6e-163.
_Y = [1 - 2**-24, 1 - 2**-27.2, 1 - 2**-27.3, 1 - 2**-26.9, 1.5]
# Weights times 2**10 (expansion weights above the units; the ratios and
# so the figures are those of the unscaled weights).
_W = [2**-60, 1024.0, 819.2, 921.6, 1024.0]
_MATCH = "the terms of FGT\\(20\\).*lose their digits"


def _table(kind: str, df: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    out = collect(poverty_table(from_pandas(kind, df), **kwargs))
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


def test_numpy_warns_for_small_weighted_terms() -> None:
    with pytest.warns(UserWarning, match=_MATCH):
        poverty_estimates(_Y, 1.0, unit="fraction", alpha=20, weights=_W)


@pytest.mark.parametrize("kind", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_engines_warn_for_small_weighted_terms(kind: str) -> None:
    df = pd.DataFrame({"y": _Y, "w": _W})
    with pytest.warns(UserWarning, match=_MATCH):
        _table(kind, df, welfare="y", line=1.0, unit="fraction", alpha=20, weight="w")


@pytest.mark.parametrize("kind", ["numpy", "pandas", "polars-lazy"])
def test_ordinary_design_does_not_warn(kind: str) -> None:
    # The same design but the first unit of weight 1: its weighted term
    # 2**-480 is above the bound, so no small-terms warning (its square
    # 2**-960 is a normal float). Also a tiny weight beside a large
    # weighted term (weights 2**-70 and 1, terms 2**-480 and 0.5**20).
    cases = [
        (_Y, [1024.0, 1024.0, 819.2, 921.6, 1024.0]),
        ([1 - 2**-24, 0.5, 0.6, 1.5], [2**-60, 1024.0, 1024.0, 1024.0]),
    ]
    for y, w in cases:
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            if kind == "numpy":
                poverty_estimates(y, 1.0, unit="fraction", alpha=20, weights=w)
            else:
                df = pd.DataFrame({"y": y, "w": w})
                _table(
                    kind,
                    df,
                    welfare="y",
                    line=1.0,
                    unit="fraction",
                    alpha=20,
                    weight="w",
                )
        assert not [r for r in rec if "lose their digits" in str(r.message)]
