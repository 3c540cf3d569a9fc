"""Shared helpers of the dataframe adapter tests: frames on each backend.

Backends: pandas with numpy float64, nullable Float64 and pyarrow float64
columns; polars eager and lazy; DuckDB relations; PySpark DataFrames (local
mode, one session per test run, tests marked ``spark``).
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import duckdb
import narwhals.stable.v2 as nw
import numpy as np
import pandas as pd
import polars as pl
import polars.testing
import pytest
from numpy.typing import NDArray

PANDAS = ["pandas[float64]", "pandas[Float64]", "pandas[float64[pyarrow]]"]
POLARS = ["polars", "polars-lazy"]
# Engines whose frames are lazy and promise no row order of their own: the
# adapters collect them and hand back the same kind of object.
ENGINES = ["duckdb", "pyspark"]
BACKENDS = PANDAS + POLARS + ["duckdb"]
EVERY_BACKEND = PANDAS + POLARS + ENGINES
NAN = float("nan")


@functools.cache
def spark() -> Any:
    """The test run's Spark session: local, one core, no UI (started once).

    PySpark needs a Java runtime: without one the Spark tests are skipped,
    except in CI (``CI=true``), whose script installs Java, where they fail.
    """
    if shutil.which("java") is None and os.environ.get("CI") != "true":
        pytest.skip("PySpark needs a Java runtime (`java` is not on PATH)")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("povstat-tests")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


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
    if backend == "duckdb":
        return nw.from_native(frame).lazy(backend="duckdb").to_native()
    if backend == "pyspark":
        return (
            nw.from_native(frame).lazy(backend="pyspark", session=spark()).to_native()
        )
    return frame.lazy() if backend == "polars-lazy" else frame


def from_pandas(kind: str, df: pd.DataFrame) -> Any:
    """One pandas frame as `kind` ("pandas", "polars", "polars-lazy", "duckdb").

    Column types as each engine reads them from pandas (datetimes, big
    integers), which `make` builds from plain lists instead.
    """
    if kind == "duckdb":
        con = duckdb.connect()
        con.register("df", df)
        return con.sql("select * from df")
    if kind == "pandas":
        return df
    frame = pl.from_pandas(df)
    return frame.lazy() if kind == "polars-lazy" else frame


def collect(native: Any) -> Any:
    """An eager frame: pandas as it is, anything else as a polars DataFrame."""
    if isinstance(native, pd.DataFrame | pl.DataFrame):
        return native
    if isinstance(native, pl.LazyFrame):
        return native.collect()
    if isinstance(native, duckdb.DuckDBPyRelation):
        return native.pl()
    frame = nw.from_native(native)
    if isinstance(frame, nw.DataFrame):  # pyarrow
        return frame.to_polars()
    return frame.collect(backend="polars").to_native()


def col(native: Any, name: str) -> NDArray[np.float64]:
    """A column as float64, missing values as NaN."""
    out = collect(native)
    if isinstance(out, pd.DataFrame):
        return out[name].to_numpy(dtype=np.float64, na_value=np.nan)
    return np.asarray(out.get_column(name).cast(pl.Float64).to_numpy(), np.float64)


def snapshot(native: Any) -> Any:
    if isinstance(native, pd.DataFrame):
        return native.copy(deep=True)
    if isinstance(native, pl.DataFrame):
        return native.clone()
    return collect(native)


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
