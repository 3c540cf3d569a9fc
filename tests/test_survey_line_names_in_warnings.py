"""Warnings about measures name each measure's line when `lines` is given.

With two lines, each measure appears twice (once per line); a warning that
named "P1, P1" would not say which line's P1 has no standard error. The
result has a column `line` beside `measure`; the warnings say the same
("P1 under line 'nat'").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from backends import make
from povstat import poverty_estimates, poverty_table

# Domain A: two strata of two PSUs; B: stratum 3 alone, one PSU; C: stratum
# 4 alone, one PSU. Under "average", B and C have no stratum of two PSUs.
Y = [90.0, 130, 110, 140, 95, 150, 85, 160, 80, 60, 120, 99]
W = [10.0, 20, 15, 25, 12, 18, 14, 16, 30, 20, 5, 6]
ST = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4]
PSU = [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 1, 1]
DOM = ["A"] * 8 + ["B"] * 2 + ["C"] * 2
LINES = {"nat": 100.0, "ext": 85.0}
# By hand: in B (welfare 80, 60) both units are poor under both lines, so
# P0 is 100 % for every unit (constant: SE 0) and P1 varies (NaN). In C
# (welfare 120, 99) only 99 is poor under 'nat' (P0 and P1 vary: NaN);
# under 'ext' nobody is poor (both constant 0: SE 0).
EXPECTED = (
    "the standard errors of P1 under line 'nat', P1 under line 'ext' in "
    "domain 'B' (its P0 under line 'nat', P0 under line 'ext': standard "
    "error 0, the measure being the same for every unit there); P0 under "
    "line 'nat', P1 under line 'nat' in domain 'C' (its P0 under line "
    "'ext', P1 under line 'ext': standard error 0, the measure being the "
    "same for every unit there) are NaN under lonely_psu='average'"
)


def test_the_array_function_names_the_lines() -> None:
    with pytest.warns(UserWarning, match="are NaN under") as record:
        est = poverty_estimates(
            Y,
            lines=LINES,
            unit="percent",
            alpha=[0, 1],
            weights=W,
            by=DOM,
            strata=ST,
            psu=PSU,
            lonely_psu="average",
        )
    shown = [str(r.message) for r in record if "are NaN" in str(r.message)]
    assert shown[0].startswith(EXPECTED)
    # The result's rows agree: (domain, line, measure) NaN where named.
    assert est.line is not None
    nan = {
        (d, ln, m)
        for d, ln, m, s in zip(
            est.domain.tolist(),
            est.line.tolist(),
            est.measure.tolist(),
            est.se.tolist(),
            strict=True,
        )
        if np.isnan(s)
    }
    assert nan == {
        ("B", "nat", "P1"),
        ("B", "ext", "P1"),
        ("C", "nat", "P0"),
        ("C", "nat", "P1"),
    }


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars-lazy", "duckdb"])
def test_the_frame_function_names_the_lines(backend: str) -> None:
    df: Any = make(backend, {"y": Y, "w": W, "st": ST, "psu": PSU, "dom": DOM})
    with pytest.warns(UserWarning, match="are NaN under") as record:
        poverty_table(
            df,
            welfare="y",
            lines=LINES,
            unit="percent",
            alpha=[0, 1],
            weight="w",
            by="dom",
            strata="st",
            psu="psu",
            lonely_psu="average",
        )
    shown = [str(r.message) for r in record if "are NaN" in str(r.message)]
    assert shown[0].startswith(EXPECTED)
