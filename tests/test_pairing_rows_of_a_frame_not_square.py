"""A population Series beside a region x year frame that is not square: the
advice pairs it with the rows, as a column (core16 G2), and works followed."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from povstat import rate_to_headcount

RATE = pd.DataFrame(
    {2022: [4.37, 10.37, 3.79], 2023: [4.26, 9.91, 3.31]},
    index=["Kota Malang", "Kabupaten Malang", "Kota Batu"],
)
# By hand, rate x population / 100 (thousands): Kota Malang 4.37 * 886 =
# 3871.82 -> 38.7182, 4.26 * 886 -> 37.7436; Kabupaten Malang 10.37 * 2700
# -> 279.99, 9.91 * 2700 -> 267.57; Kota Batu 3.79 * 217 -> 8.2243,
# 3.31 * 217 -> 7.1827.
EXPECTED = [[38.7182, 37.7436], [279.99, 267.57], [8.2243, 7.1827]]


@pytest.mark.parametrize(
    ("population", "match", "said", "not_said", "fix"),
    [
        # The same labels in another order: reindexed by the rows of `rate`.
        pytest.param(
            pd.Series(
                {"Kota Batu": 217.0, "Kabupaten Malang": 2700.0, "Kota Malang": 886.0}
            ),
            r"to_numpy\(\)\[:, None\]",
            "population.reindex(rate.index).to_numpy()[:, None]",
            (),
            lambda population: population,
            id="same-labels-in-another-order",
        ),
        # Names in capitals: title case given, then reindexed.
        pytest.param(
            pd.Series(
                {"KOTA MALANG": 886.0, "KABUPATEN MALANG": 2700.0, "KOTA BATU": 217.0}
            ),
            "written otherwise",
            "population.set_axis(population.index.str.title())"
            ".reindex(rate.index).to_numpy()[:, None]",
            (),
            lambda population: population.set_axis(population.index.str.title()),
            id="capitals",
        ),
    ],
)
def test_population_paired_with_the_rows_and_followed(
    population: pd.Series,
    match: str,
    said: str,
    not_said: tuple[str, ...],
    fix: Callable[[pd.Series], pd.Series],
) -> None:
    with pytest.raises(ValueError, match=match) as info:
        rate_to_headcount(RATE, population, unit="percent")
    msg = str(info.value)
    for text in not_said:
        assert text not in msg
    assert said in msg
    fixed = fix(population)
    got = rate_to_headcount(
        RATE, fixed.reindex(RATE.index).to_numpy()[:, None], unit="percent"
    )
    np.testing.assert_allclose(np.asarray(got), EXPECTED, rtol=1e-12)


def test_kab_abbreviated_is_not_offered_to_numpy_alone() -> None:
    population = pd.Series(
        {"Kota Malang": 886.0, "Kab. Malang": 2700.0, "Kota Batu": 217.0}
    )
    with pytest.raises(ValueError, match="written otherwise") as info:
        rate_to_headcount(RATE, population, unit="percent")
    msg = str(info.value)
    assert "pass .to_numpy() of one" not in msg
    # The advice gives both the codes of their regions (core16 G3), then
    # passes the population as a column: followed, it gives the hand values.
    snippet = re.search(r"`(population\.rename\(.*?\[:, None\])`", msg)
    assert snippet is not None, msg
    import povstat

    column = eval(
        snippet[1],
        {"povstat": povstat, "R": povstat.datasets.indonesia_regions()},
        {"population": population, "rate": RATE},
    )
    got = rate_to_headcount(RATE, column, unit="percent")
    np.testing.assert_allclose(np.asarray(got), EXPECTED, rtol=1e-12)
