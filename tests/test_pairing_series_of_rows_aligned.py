"""A population Series already aligned with the rows of a region x year frame
that is not square: the shape error says to pass it as a column (core16 G2),
and the advice, followed, gives the hand values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat import headcount_to_rate, rate_to_headcount
from povstat.statements import check_consistency

RATE = pd.DataFrame(
    {2022: [4.37, 10.37, 3.79], 2023: [4.26, 9.91, 3.31]},
    index=["Kota Malang", "Kabupaten Malang", "Kota Batu"],
)
POPULATION = pd.Series(  # thousands, already in the order of RATE's rows
    [886.0, 2700.0, 217.0], index=["Kota Malang", "Kabupaten Malang", "Kota Batu"]
)
# By hand, rate x population / 100: Kota Malang 4.37 * 886 / 100 = 38.7182,
# 4.26 * 886 / 100 = 37.7436; Kabupaten Malang 10.37 * 2700 / 100 = 279.99,
# 9.91 * 2700 / 100 = 267.57; Kota Batu 3.79 * 217 / 100 = 8.2243,
# 3.31 * 217 / 100 = 7.1827.
EXPECTED = [[38.7182, 37.7436], [279.99, 267.57], [8.2243, 7.1827]]
HEADCOUNT = pd.DataFrame(EXPECTED, index=RATE.index, columns=RATE.columns)
ADVICE = "population.to_numpy()[:, None]"


def test_rate_to_headcount_advice_followed() -> None:
    with pytest.raises(ValueError, match="shapes do not broadcast") as info:
        rate_to_headcount(RATE, POPULATION, unit="percent")
    msg = str(info.value)
    assert "one value per row of `rate`" in msg
    assert f"`{ADVICE}`" in msg
    population = POPULATION
    got = rate_to_headcount(RATE, population.to_numpy()[:, None], unit="percent")
    np.testing.assert_allclose(np.asarray(got), EXPECTED, rtol=1e-12)


def test_headcount_to_rate_advice_followed() -> None:
    with pytest.raises(ValueError, match="shapes do not broadcast") as info:
        headcount_to_rate(HEADCOUNT, POPULATION, unit="percent")
    assert f"`{ADVICE}`" in str(info.value)
    population = POPULATION
    got = headcount_to_rate(HEADCOUNT, population.to_numpy()[:, None], unit="percent")
    # By hand: 38.7182 / 886 * 100 = 4.37, ... the rates back.
    np.testing.assert_allclose(np.asarray(got), RATE.to_numpy(), rtol=1e-12)


def test_check_consistency_advice_followed() -> None:
    kw = {"rate_decimals": 2, "headcount_decimals": 4, "population_decimals": 0}
    with pytest.raises(ValueError, match="shapes do not broadcast") as info:
        check_consistency(RATE, HEADCOUNT, POPULATION, unit="percent", **kw)
    assert f"`{ADVICE}`" in str(info.value)
    population = POPULATION
    got = check_consistency(
        RATE, HEADCOUNT, population.to_numpy()[:, None], unit="percent", **kw
    )
    # Each headcount is the rate times the population exactly (by hand above).
    assert (np.asarray(got.verdict) == "holds").all()


def test_two_regions_three_years() -> None:
    rate = pd.DataFrame(
        {2021: [4.62, 10.5], 2022: [4.37, 10.37], 2023: [4.26, 9.91]},
        index=["Kota Malang", "Kabupaten Malang"],
    )
    population = pd.Series([886.0, 2700.0], index=rate.index)
    with pytest.raises(ValueError, match="one value per row") as info:
        rate_to_headcount(rate, population, unit="percent")
    assert f"`{ADVICE}`" in str(info.value)
    got = rate_to_headcount(rate, population.to_numpy()[:, None], unit="percent")
    # By hand: 4.62 * 886 / 100 = 40.9332, 10.5 * 2700 / 100 = 283.5.
    np.testing.assert_allclose(np.asarray(got)[:, 0], [40.9332, 283.5], rtol=1e-12)


def test_other_shape_errors_get_no_hint() -> None:
    # A Series whose index is not the frame's rows: no claim about the rows.
    with pytest.raises(ValueError, match="shapes do not broadcast") as info:
        rate_to_headcount(RATE, np.array([886.0, 2700.0, 217.0]), unit="percent")
    assert "one value per row" not in str(info.value)
