"""The Wilson interval's advice for an SE: n_effective in the rate's unit.

`method="wilson"` takes the effective sample size, not an SE; the refusal
of `se` tells how to turn a design-based SE into one. Written for fractions
only (p * (1 - p) / se**2), it gave a negative size for a rate above 1 %
in percent and one about 100 times too small below it. Followed as printed,
in the rate's unit, it must give back the SE.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from povstat import headcount_interval, rate_interval, with_rate_interval


def _advised(message: str, rate: float, se: float) -> float:
    """The advised n_effective, evaluated as printed for `rate` and `se`."""
    found = re.search(r"rate \* \((?:100|1) - rate\) / se\*\*2", message)
    assert found is not None, message
    return float(eval(found[0], {}, {"rate": rate, "se": se}))


@pytest.mark.parametrize(
    ("unit", "rate", "se"),
    # Kota Malang's P0 of 4.26 % (March 2023) with an SE of 0.40 points, and
    # a rate below 1 % (0.80 % with an SE of 0.20 points), in both units.
    [
        ("percent", 4.26, 0.40),
        ("percent", 0.80, 0.20),
        ("fraction", 0.0426, 0.0040),
        ("fraction", 0.0080, 0.0020),
    ],
)
def test_the_advice_followed_gives_back_the_se(
    unit: str, rate: float, se: float
) -> None:
    with pytest.raises(ValueError, match="cannot be used with method='wilson'") as e:
        rate_interval(rate, se=se, unit=unit, level=0.95, method="wilson")  # type: ignore[arg-type]
    n = _advised(str(e.value), rate, se)
    # By hand for 0.80 % and 0.20 points: 0.80 * 99.20 / 0.04 = 1,984, and
    # sqrt(0.008 * 0.992 / 1984) = 0.0020, i.e. 0.20 points.
    if (unit, rate) == ("percent", 0.80):
        assert n == pytest.approx(1984.0)
    got = rate_interval(rate, n_effective=n, unit=unit, level=0.95, method="wilson")  # type: ignore[arg-type]
    assert float(got.se) == pytest.approx(se, rel=1e-12)
    assert float(got.lower) < rate < float(got.upper)


def test_headcount_interval_gives_the_same_advice() -> None:
    with pytest.raises(ValueError, match=r"rate \* \(100 - rate\) / se\*\*2"):
        headcount_interval(
            4.26, 886.0, se=0.40, unit="percent", level=0.95, method="wilson"
        )


def test_the_adapter_advice_names_both_units() -> None:
    df = pd.DataFrame({"poverty_rate_pct": [4.26], "se": [0.40]})
    with pytest.raises(ValueError, match="cannot be used with it") as e:
        with_rate_interval(df, se="se", unit="percent", level=0.95, method="wilson")
    said = str(e.value)
    assert "rate * (100 - rate) / se**2 with rates in percent" in said
    assert "rate * (1 - rate) / se**2 with both as fractions" in said
    n = 4.26 * (100 - 4.26) / 0.40**2
    out = with_rate_interval(
        df.assign(n=n), n_effective="n", unit="percent", level=0.95, method="wilson"
    )
    assert np.isfinite(out.filter(like="lower").to_numpy()).all()
