"""The "written otherwise" example names a label that differs (core16 G5)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat import rate_to_headcount

RATE = pd.DataFrame(
    {2022: [4.37, 10.37], 2023: [4.26, 9.91]},
    index=["Kota Malang", "Kabupaten Malang"],
)


@pytest.mark.parametrize(
    "population",
    [
        pd.Series({"Kota Malang": 886.0, "Kab. Malang": 2700.0}),
        pd.Series({"Kab. Malang": 2700.0, "Kota Malang": 886.0}),
    ],
)
def test_the_example_is_the_label_written_otherwise(population: pd.Series) -> None:
    with pytest.raises(ValueError, match="written otherwise") as info:
        rate_to_headcount(RATE, population, unit="percent")
    msg = str(info.value)
    assert "'Kab. Malang' for 'Kabupaten Malang'" in msg
    assert "'Kota Malang' for 'Kota Malang'" not in msg
    # The advice followed: renamed, then passed as a column. By hand, rate x
    # population / 100 (thousands): 4.37 * 886 / 100 = 38.7182,
    # 4.26 * 886 / 100 = 37.7436, 10.37 * 2700 / 100 = 279.99,
    # 9.91 * 2700 / 100 = 267.57.
    renamed = population.rename({"Kab. Malang": "Kabupaten Malang"})
    got = rate_to_headcount(
        RATE, renamed.reindex(RATE.index).to_numpy()[:, None], unit="percent"
    )
    np.testing.assert_allclose(
        np.asarray(got), [[38.7182, 37.7436], [279.99, 267.57]], rtol=1e-12
    )
