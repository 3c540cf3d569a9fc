"""parse_numbers on masked float32 arrays, pyarrow float32 arrays with nulls,
and numpy's masked constant in a list or an object column.

A float32 is read as the shortest decimal that gives it back, the figure it
prints as (``np.float32(2.675)`` prints as 2.675), whatever holds it: a plain
array, a masked one, a pyarrow array with nulls. A masked entry, and
``np.ma.masked`` held as a cell, are missing, as None is.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import povstat as ps

NAN = float("nan")


def _same(got: Any, want: list[Any]) -> None:
    np.testing.assert_array_equal(np.asarray(got, dtype=np.float64), want)


def test_masked_float32_is_read_as_its_shortest_decimal() -> None:
    # np.float32(2.675) is 2.6749999523..., which prints as 2.675; 4.26 as
    # 4.26. Rounded half up to 2 decimals, the figure 2.675 is 2.68 (by
    # hand, and Decimal("2.675") ROUND_HALF_UP gives it), not 2.67.
    x = np.ma.masked_invalid(np.array([2.675, 4.26, np.nan], dtype=np.float32))
    v = ps.parse_numbers(x, locale="en").value
    _same(v, [2.675, 4.26, NAN])
    assert Decimal("2.675").quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("2.68")
    _same(ps.round_half_up(v, 2), [2.68, 4.26, NAN])
    assert ps.format_number(v, locale="id", decimals=2).tolist() == [
        "2,68",
        "4,26",
        "…",
    ]


def test_masked_float32_hides_its_masked_values() -> None:
    # Under the mask: an infinity and a value; both missing, never read.
    data = np.array([4.26, np.inf, 1e6, 3.31], dtype=np.float32)
    x = np.ma.masked_array(data, mask=[False, True, True, False])
    _same(ps.parse_numbers(x, locale="en").value, [4.26, NAN, NAN, 3.31])
    assert data[1] == np.inf  # the caller's data untouched


def test_masked_float16_two_dimensional() -> None:
    # 4.25 and 0.5 are exact in float16; the masked 7.0 is missing.
    x = np.ma.masked_array(
        np.array([[4.25, 7.0], [0.5, 1.0]], dtype=np.float16),
        mask=[[False, True], [False, False]],
    )
    _same(ps.parse_numbers(x, locale="en").value, [[4.25, NAN], [0.5, 1.0]])


def test_masked_object_array_of_float32_scalars() -> None:
    x = np.ma.masked_array(
        np.array([np.float32(2.675), np.float32(4.26), np.float32(9.0)], dtype=object),
        mask=[False, False, True],
    )
    _same(ps.parse_numbers(x, locale="en").value, [2.675, 4.26, NAN])


@given(
    data=hnp.arrays(
        np.float32,
        st.integers(0, 12),
        elements=st.floats(-1e6, 1e6, width=32, allow_nan=False),
    ),
    seed=st.integers(0, 2**32 - 1),
)
def test_masked_float32_reads_as_the_array_filled_with_nan(
    data: np.ndarray[Any, Any], seed: int
) -> None:
    # Invariant: a masked float32 array reads as the same array with NaN
    # in the masked places (the documented reading of a plain float32).
    mask = np.random.default_rng(seed).random(data.shape) < 0.3
    masked = np.ma.masked_array(data, mask=mask)
    got = ps.parse_numbers(masked, locale="en").value
    want = ps.parse_numbers(np.where(mask, np.float32(np.nan), data), locale="en").value
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("chunked", [False, True])
def test_pyarrow_float32_with_nulls(chunked: bool) -> None:
    # As a float32 array: 2.675 and 4.26 (the figures they print as); the
    # null is missing. It crashed with ArrowInvalid (zero-copy refused).
    a: Any = pa.array([2.675, None, 4.26], type=pa.float32())
    if chunked:
        a = pa.chunked_array([a])
    _same(ps.parse_numbers(a, locale="en").value, [2.675, NAN, 4.26])


def test_pyarrow_float16_with_nulls() -> None:
    # 4.25 and 0.5 are exact in float16.
    a = pa.array(
        np.array([4.25, 0.0, 0.5], dtype=np.float16),
        mask=np.array([False, True, False]),
        type=pa.float16(),
    )
    _same(ps.parse_numbers(a, locale="en").value, [4.25, NAN, 0.5])


def test_masked_constant_in_a_list_is_missing() -> None:
    # list(masked_array) holds np.ma.masked for a masked entry: missing, as
    # the masked array itself reads (not "[0.0]", "a list of values").
    m = np.ma.masked_array(
        np.array(["4,26", "13,65", "3,31"]), mask=[False, True, False]
    )
    _same(ps.parse_numbers(list(m), locale="id").value, [4.26, NAN, 3.31])
    _same(ps.parse_numbers(m, locale="id").value, [4.26, NAN, 3.31])
    _same(ps.parse_numbers([np.ma.masked, 1.5], locale="en").value, [NAN, 1.5])


def test_masked_constant_in_an_object_column_is_missing() -> None:
    df = pd.DataFrame({"p": pd.Series(["4,26", np.ma.masked, "3,31"], dtype=object)})
    out = ps.parse_columns(df, "p", locale="id")
    _same(out["p"], [4.26, NAN, 3.31])
    assert df["p"].iloc[1] is np.ma.masked  # the caller's frame untouched


def test_masked_constant_is_refused_as_none_is_when_empty_cells_are_not_missing() -> (
    None
):
    # With '' not in `missing`, an empty cell (None) is refused; the masked
    # constant is the same missing cell, refused with the same reason.
    with pytest.raises(ps.NumberParseError) as none_err:
        ps.parse_numbers(["4,26", None], locale="id", missing=["-"])
    with pytest.raises(ps.NumberParseError) as masked_err:
        ps.parse_numbers(["4,26", np.ma.masked], locale="id", missing=["-"])
    assert [c.reason for c in masked_err.value.cells] == [
        c.reason for c in none_err.value.cells
    ]
    assert [c.text for c in masked_err.value.cells] == ["masked"]
    assert "[0.0]" not in str(masked_err.value)
