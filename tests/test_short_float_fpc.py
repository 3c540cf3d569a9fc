"""A float16 population size (`fpc`) is read as the figure it prints as.

np.float16(10.1) is 10.1015625 in binary and prints as 10.1; as float32
and float64 values, and as the array function reads it, a frame's float16
`fpc` column stands for 10.1, on every engine and container (numpy
float16, pyarrow ``halffloat``, polars Float16, eager or lazy).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from backends import collect
from povstat import poverty_estimates, poverty_table

_Y = [100.0, 150, 100, 150, 90, 130, 80, 140]
_PSU = [1, 2, 1, 2, 3, 4, 3, 4]
_STRATA = [1, 1, 1, 1, 2, 2, 2, 2]
_KW: dict[str, Any] = dict(
    welfare="y", line=125.0, unit="percent", alpha=0, psu="p", strata="st", fpc="f"
)


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # no weights: no deff
        yield


def _frame(f: Any) -> pd.DataFrame:
    return pd.DataFrame({"y": _Y, "p": _PSU, "st": _STRATA, "f": f})


def _polars(lazy: bool) -> Callable[[], Any]:
    def make() -> Any:
        frame = pl.from_pandas(_frame(np.full(8, 10.1))).with_columns(
            pl.col("f").cast(pl.Float16)
        )
        return frame.lazy() if lazy else frame

    return make


_HALF: dict[str, Callable[[], Any]] = {
    "numpy float16": lambda: _frame(np.full(8, 10.1, dtype=np.float16)),
    "pyarrow halffloat": lambda: _frame(
        pd.array(
            pa.array(np.full(8, 10.1, dtype=np.float16)),
            dtype=pd.ArrowDtype(pa.float16()),
        )
    ),
    "polars Float16": _polars(lazy=False),
    "polars Float16 lazy": _polars(lazy=True),
}


@pytest.mark.parametrize("kind", list(_HALF))
def test_float16_fpc_is_its_shortest_decimal(kind: str) -> None:
    # Without replacement from 10.1 PSUs per stratum, 2 sampled: the SE
    # with fpc 10.1 (float64) is the reference, bit for bit.
    want = poverty_table(_frame(np.full(8, 10.1)), **_KW)["se"].to_numpy()
    arrays = poverty_estimates(
        _Y,
        125.0,
        unit="percent",
        alpha=0,
        psu=_PSU,
        strata=_STRATA,
        fpc=np.full(8, 10.1, dtype=np.float16),
    ).se
    assert arrays.tobytes() == want.tobytes()
    got = collect(poverty_table(_HALF[kind](), **_KW))
    assert np.asarray(got["se"].to_numpy(), np.float64).tobytes() == want.tobytes()
    # The binary value gives another SE: the test tells them apart.
    binary = poverty_table(_frame(np.full(8, 10.1015625)), **_KW)["se"].to_numpy()
    assert binary[0] != want[0]
