"""Frames, relations, expressions and column names given to array functions.

The unit-level array functions (fgt, watts, poverty_estimates) take each
argument's values; poverty_table takes a frame and column names. What was
passed is named (the kind of frame, its columns, the expression, the str
that looks like a column name), with how to take a column's values and
which function takes the frame. Numbers written as text keep their advice
(povstat.parse_numbers). The other array functions share the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import duckdb
import narwhals.stable.v2 as nw
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from backends import make
from povstat import (
    fgt,
    poverty_estimates,
    rank,
    rate_to_headcount,
    sum_counts,
    watts,
)

# Four units, poor below 100: 50 (weight 1) and 80 (weight 3) of 7.
_Y = [50.0, 150.0, 80.0, 120.0]
_W = [1.0, 2.0, 3.0, 1.0]
_PD = pd.DataFrame({"v": [1.0, 2.0, 1.0, 2.0]})

# Each kind of object, holding the one column "v", and how it is named.
_KINDS: dict[str, tuple[Callable[[], Any], str]] = {
    "pandas": (lambda: _PD, r"a pandas DataFrame \(columns \['v'\]\)"),
    "polars": (lambda: pl.from_pandas(_PD), r"a polars DataFrame \(columns \['v'\]\)"),
    "polars-lazy": (
        lambda: pl.from_pandas(_PD).lazy(),
        r"a polars LazyFrame \(columns \['v'\]\)",
    ),
    "polars-expr": (lambda: pl.col("v"), r'a polars expression \(col\("v"\)\)'),
    "duckdb": (lambda: duckdb.from_df(_PD), r"a DuckDB relation \(columns \['v'\]\)"),
    "pyarrow": (
        lambda: pa.Table.from_pandas(_PD),
        r"a pyarrow Table \(columns \['v'\]\)",
    ),
    "narwhals": (
        lambda: nw.from_native(pl.from_pandas(_PD)),
        r"a narwhals DataFrame \(columns \['v'\]\)",
    ),
    "name": (lambda: "v", r"the str 'v', which looks like a column name"),
}

_UNIT_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "fgt": lambda **kw: fgt(alpha=0, unit="percent", **kw),
    "watts": lambda **kw: watts(unit="percent", **kw),
    "poverty_estimates": lambda **kw: poverty_estimates(alpha=0, unit="percent", **kw),
}
# poverty_table's argument for each array argument (weights -> weight).
_KEYWORD = {"weights": "weight"}


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for func in _UNIT_FUNCTIONS:
        args = ["welfare", "line", "weights", "size", "by"]
        if func == "poverty_estimates":
            args += ["strata", "psu", "fpc"]
        out += [(func, arg, kind) for arg in args for kind in _KINDS]
    return out


@pytest.mark.parametrize(("func", "arg", "kind"), _cases())
def test_unit_functions_name_what_was_passed(func: str, arg: str, kind: str) -> None:
    make_value, said = _KINDS[kind]
    kw: dict[str, Any] = {"welfare": _Y, "line": 100.0, "weights": _W}
    kw[arg] = make_value()
    keyword = _KEYWORD.get(arg, arg)
    with pytest.raises(
        TypeError,
        match=rf"^`{arg}` must be the values \(an array, list or Series\), got "
        rf"{said}; povstat\.fgt, povstat\.watts and povstat\.poverty_estimates "
        r"take the values themselves \(e\.g\. .*\['v'\].*\), while "
        r"povstat\.poverty_table takes a frame and column names "
        rf"\({keyword}='v'\)$",
    ):
        _UNIT_FUNCTIONS[func](**kw)


def test_a_frame_of_several_columns_is_named_with_them() -> None:
    # No one column to suggest: the example names a placeholder.
    lf: Any = pl.from_pandas(_PD.assign(w=1.0)).lazy()
    with pytest.raises(
        TypeError,
        match=r"got a polars LazyFrame \(columns \['v', 'w'\]\).*"
        r"lf\.collect\(\)\['name'\].*\(weight='name'\)",
    ):
        poverty_estimates(_Y, 100.0, unit="percent", weights=lf)


def test_an_entry_of_lines_is_named() -> None:
    with pytest.raises(
        TypeError,
        match=r"^`lines` entry 'extreme' must be the values .* got the str 'z', "
        "which looks like a column name",
    ):
        poverty_estimates(_Y, unit="percent", lines={"national": 100.0, "extreme": "z"})


@pytest.mark.parametrize("text", ["13,65", "1e5", "12 %", "-3.5", "NaN", "2022"])
def test_numbers_written_as_text_keep_their_advice(text: str) -> None:
    # A number (or a missing one) written as text is no column name: it is
    # read with parse_numbers, as before.
    with pytest.raises(
        TypeError, match=r"must be numeric, got dtype <U.*parse_numbers"
    ):
        fgt(_Y, text, alpha=0, unit="percent")


@pytest.mark.parametrize("text", ["w", "Welfare", "y2022", "garis_kemiskinan"])
def test_names_are_named_as_names(text: str) -> None:
    with pytest.raises(TypeError, match=rf"got the str '{text}', which looks like"):
        fgt(_Y, text, alpha=0, unit="percent")


@pytest.mark.parametrize("backend", ["pyspark"])  # marked spark (conftest)
def test_spark_frames_and_columns_are_named(backend: str) -> None:
    sdf = make(backend, {"v": [1.0, 2.0, 1.0, 2.0]})
    with pytest.raises(
        TypeError,
        match=r"^`weights` must be the values .*got a Spark DataFrame \(columns "
        r"\['v'\]\).*sdf\.toPandas\(\)\['v'\].*poverty_table takes",
    ):
        fgt(_Y, 100.0, alpha=0, unit="percent", weights=sdf)
    from pyspark.sql import functions as sf

    column: Any = sf.col("v")
    with pytest.raises(TypeError, match=r"^`by` must be the values .*a Spark column"):
        fgt(_Y, 100.0, alpha=0, unit="percent", by=column)


_LAZY_KINDS = ["polars-lazy", "polars-expr", "duckdb", "name"]


@pytest.mark.parametrize("kind", _LAZY_KINDS)
@pytest.mark.parametrize(
    ("arg", "call"),
    [
        ("rate", lambda v: rate_to_headcount(v, 1000, unit="percent")),
        ("population", lambda v: rate_to_headcount(10.0, v, unit="percent")),
        ("values", lambda v: rank(v, descending=True)),
        ("by", lambda v: sum_counts([1, 2, 3, 4], by=v)),
    ],
)
def test_other_array_functions_share_the_rule(
    kind: str, arg: str, call: Callable[[Any], Any]
) -> None:
    make_value, said = _KINDS[kind]
    with pytest.raises(
        TypeError,
        match=rf"^`{arg}` must be the values \(an array, list or Series\), got "
        rf"{said}; povstat's array functions take the values themselves .*"
        r"while povstat's frame functions \(poverty_table and the with_\.\.\. "
        r"ones\) take a frame and column names$",
    ):
        call(make_value())


@pytest.mark.parametrize("kind", ["pandas", "polars", "narwhals"])
def test_eager_frames_of_text_are_named(kind: str) -> None:
    # Not a number anywhere: the frame is named, not read as text numbers.
    frame: Any = {
        "pandas": pd.DataFrame({"r": ["a"]}),
        "polars": pl.DataFrame({"r": ["a"]}),
        "narwhals": nw.from_native(pl.DataFrame({"r": ["a"]})),
    }[kind]
    with pytest.raises(TypeError, match=rf"^`rate` must be the values .*a {kind} "):
        rate_to_headcount(frame, 1000, unit="percent")


def test_eager_frames_of_numbers_stay_arrays_for_elementwise_functions() -> None:
    # A numeric frame is the 2-D array of its columns where a function takes
    # arrays of any shape: 10 % and 20 % of 1000 people are 100 and 200.
    got = rate_to_headcount(pd.DataFrame({"a": [10.0, 20.0]}), 1000, unit="percent")
    np.testing.assert_array_equal(got, [[100.0], [200.0]])
