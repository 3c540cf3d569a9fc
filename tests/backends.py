"""Shared helpers of the dataframe adapter tests: frames on each backend.

Backends: pandas with numpy float64, nullable Float64 and pyarrow float64
columns; polars eager and lazy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import polars.testing
from numpy.typing import NDArray

PANDAS = ["pandas[float64]", "pandas[Float64]", "pandas[float64[pyarrow]]"]
POLARS = ["polars", "polars-lazy"]
BACKENDS = PANDAS + POLARS
NAN = float("nan")


def make(backend: str, data: dict[str, Any], *, index: list[str] | None = None) -> Any:
    """A frame of `backend` from columns; float columns take its float dtype.

    Float NaN is kept as NaN where the backend can hold it (numpy float64,
    polars), so the adapters' NaN-to-null conversion is exercised.
    """
    if backend.startswith("pandas"):
        pdf = pd.DataFrame(data, index=index)
        dtype = backend[len("pandas[") : -1]
        floats = [c for c in pdf.columns if pdf[c].dtype.kind == "f"]
        return pdf.astype(dict.fromkeys(floats, dtype))
    frame = pl.DataFrame(data, strict=False)
    return frame.lazy() if backend == "polars-lazy" else frame


def collect(native: Any) -> Any:
    return native.collect() if isinstance(native, pl.LazyFrame) else native


def col(native: Any, name: str) -> NDArray[np.float64]:
    """A column as float64, missing values as NaN."""
    out = collect(native)
    if isinstance(out, pd.DataFrame):
        return out[name].to_numpy(dtype=np.float64, na_value=np.nan)
    return np.asarray(out.get_column(name).cast(pl.Float64).to_numpy(), np.float64)


def snapshot(native: Any) -> Any:
    if isinstance(native, pd.DataFrame):
        return native.copy(deep=True)
    if isinstance(native, pl.LazyFrame):
        return native.collect()
    return native.clone()


def assert_same(native: Any, before: Any) -> None:
    if isinstance(native, pd.DataFrame):
        pd.testing.assert_frame_equal(native, before)
    else:
        polars.testing.assert_frame_equal(collect(native), before)


@contextmanager
def untouched(native: Any) -> Iterator[None]:
    """Assert that the input frame is not modified by the block."""
    before = snapshot(native)
    yield
    assert_same(native, before)


def run(adapter: Callable[..., Any], native: Any, **kwargs: Any) -> Any:
    """Run an adapter; check input untouched, type, row order and index kept."""
    with untouched(native):
        out = adapter(native, **kwargs)
    assert type(out) is type(native)
    if isinstance(native, pd.DataFrame):
        assert out.index.equals(native.index)
        pd.testing.assert_frame_equal(out[list(native.columns)], native)
    else:
        names = collect(native).columns
        polars.testing.assert_frame_equal(collect(out).select(names), collect(native))
    return out
