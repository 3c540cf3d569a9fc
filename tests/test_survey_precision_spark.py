"""On Spark with `psu`: the rescaled and compensated deviations, the power.

The same hand cases as the numpy and other engine tests
(tests/test_survey_small_deviations.py, tests/test_survey_share_near_one.py,
tests/test_fgt_accuracy.py), on a Spark DataFrame of two partitions.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd
import pytest

import backends
from backends import collect
from povstat import poverty_table


def _spark_table(data: dict[str, list[Any]], **kwargs: Any) -> pd.DataFrame:
    spark = backends.spark()
    names = list(data)
    rows = list(zip(*data.values(), strict=True))
    schema = ", ".join(f"{c} {'bigint' if c == 'p' else 'double'}" for c in names)
    sdf = spark.createDataFrame(rows, schema=schema).repartition(2)
    out = collect(poverty_table(sdf, **kwargs))
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


@pytest.mark.spark
def test_spark_precision_with_psu() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the design effect's warnings
        # FGT(20) of terms near 2**-540: exact SE 2.6265753725563703e-163.
        small = _spark_table(
            {
                "y": [1 - 2**-24, 1 - 2**-27.2, 1 - 2**-27.3, 1 - 2**-26.9, 1.5],
                "w": [2**-60, 1024.0, 819.2, 921.6, 1024.0],
                "p": [1, 2, 3, 4, 5],
            },
            welfare="y",
            line=1.0,
            unit="fraction",
            alpha=20,
            weight="w",
            psu="p",
        )
        # A share near 1 (weights 2**70 beside 1024..3072): exact SE
        # 7.081978934950617e-18.
        share = _spark_table(
            {
                "y": [0.5, 1.5, 2.0, 3.0],
                "w": [2.0**70, 1024.0, 2048.0, 3072.0],
                "p": [1, 2, 3, 4],
            },
            welfare="y",
            line=1.0,
            unit="fraction",
            alpha=0,
            weight="w",
            psu="p",
        )
    assert float(small["se"].iloc[0]) == pytest.approx(
        2.6265753725563703e-163, rel=1e-12
    )
    assert float(share["se"].iloc[0]) == pytest.approx(7.081978934950617e-18, rel=1e-12)
    # FGT(2.5): exact 2.2182259143916798e+26 (tests/test_fgt_accuracy.py);
    # within 6 * 2**-53 relative.
    frac = _spark_table(
        {
            "y": [-8.589406966216046e101, 2.026132813631379e91, 3.5089262221084264e91],
            "w": [2.2434648839197986, 1.7791125682177296, 1.3410777096545874],
            "p": [1, 2, 3],
        },
        welfare="y",
        line=1.7544631110542132e91,
        unit="fraction",
        alpha=2.5,
        weight="w",
        psu="p",
    )
    got = float(frac["estimate"].iloc[0])
    assert got == pytest.approx(2.2182259143916798e26, rel=6 * 2.0**-53)
