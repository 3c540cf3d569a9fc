"""Refusals name the argument the caller passed and show figures without noise."""

from __future__ import annotations

import re

import pytest

import povstat as ps


def test_pooled_rate_implied_population_overflow_names_rate() -> None:
    # 1 / 5e-324 % is 2e323 people, beyond float64's 1.8e308: the rate is
    # at fault (no `population` was passed).
    with pytest.raises(ValueError, match="implied by `headcount` / `rate`") as err:
        ps.pooled_rate([1.0, 2.0], unit="percent", rate=[5e-324, 20.0])
    assert "`rate` too small" in str(err.value)
    assert "`population`" not in str(err.value)


def test_pooled_rate_population_overflow_still_names_population() -> None:
    # 1e308 + 1e308 people overflow: the population passed is at fault.
    with pytest.raises(ValueError, match="`population` is too large to add up"):
        ps.pooled_rate([1.0, 2.0], unit="percent", population=[1e308, 1e308])


def test_change_test_cov_message_without_float_noise() -> None:
    # 0.1 * 0.1 is 0.010000000000000002 in float64; shown as 0.01, with the
    # two SEs as given; |cov| = 1.0 > 0.01.
    with pytest.raises(ValueError, match=r"\|cov\| <= se_before \* se_after") as err:
        ps.change_test(
            1.0,
            1.5,
            cov=1.0,
            se_before=0.1,
            se_after=0.1,
            level=0.95,
            independent=False,
        )
    text = str(err.value)
    assert text.endswith("found 1.0 with se_before * se_after = 0.1 * 0.1 = 0.01")
    assert not re.search(r"0\.0100000", text)
