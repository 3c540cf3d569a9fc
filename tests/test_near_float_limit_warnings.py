"""Results beyond float64's range are +-inf, said so, with no numpy warning."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from povstat import rate_interval
from povstat.statements import check_benchmark_statement


@pytest.fixture(autouse=True)
def _no_warnings() -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.mark.parametrize("n", [1, 300_000])  # whole-array and block paths
def test_a_normal_interval_beyond_the_range_is_infinite(n: int) -> None:
    # 50 % -/+ 1.96 * 1e308 % lies beyond float64's largest value (1.8e308).
    iv = rate_interval(
        [50.0] * n, unit="percent", level=0.95, method="normal", se=[1e308] * n
    )
    assert np.all(iv.upper == np.inf)
    assert np.all(iv.lower == -np.inf)
    assert np.all(iv.se == 1e308)


def test_a_benchmark_difference_beyond_the_range_is_said_so() -> None:
    # 1e308 - (-1e308) = 2e308 > 1.8e308.
    res = check_benchmark_statement(1e308, [-1e308], relation="above", decimals=0)
    assert str(res.verdict[0]) == "holds"
    assert "(by more than 1.8e308, beyond float64's range)" in str(res.reason[0])
    assert "inf" not in str(res.reason[0])


def test_a_benchmark_difference_is_exact_on_the_decimals() -> None:
    # 9.65 - 9.6 is 0.05 exactly (the float difference 0.05000000000000071).
    res = check_benchmark_statement([9.65], [9.6], relation="above", decimals=2)
    assert float(res.figures["difference"][0]) == 0.05
