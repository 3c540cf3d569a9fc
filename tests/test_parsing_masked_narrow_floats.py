"""parse_numbers on masked float32 arrays, pyarrow float32 arrays with nulls,
and numpy's masked constant in a list or an object column.

A float32 is read as the shortest decimal that gives it back, the figure it
prints as (``np.float32(2.675)`` prints as 2.675), whatever holds it: a plain
array, a masked one, a pyarrow array with nulls. A masked entry, and
``np.ma.masked`` held as a cell, are missing, as None is.
"""

from __future__ import annotations

import copy
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
    # hand: the digit after 2.67 is 5, so it rounds up), not 2.67.
    x = np.ma.masked_invalid(np.array([2.675, 4.26, np.nan], dtype=np.float32))
    v = ps.parse_numbers(x, locale="en").value
    _same(v, [2.675, 4.26, NAN])
    _same(ps.round_half_up(v, 2), [2.68, 4.26, NAN])
    assert ps.format_number(v, locale="id", decimals=2).tolist() == [
        "2,68",
        "4,26",
        "…",
    ]


@pytest.mark.parametrize(
    ("x", "want"),
    [
        # Under the mask: an infinity and a value; both missing, never read.
        pytest.param(
            np.ma.masked_array(
                np.array([4.26, np.inf, 1e6, 3.31], dtype=np.float32),
                mask=[False, True, True, False],
            ),
            [4.26, NAN, NAN, 3.31],
            id="float32-hides-masked",
        ),
        # 4.25 and 0.5 are exact in float16; the masked 7.0 is missing.
        pytest.param(
            np.ma.masked_array(
                np.array([[4.25, 7.0], [0.5, 1.0]], dtype=np.float16),
                mask=[[False, True], [False, False]],
            ),
            [[4.25, NAN], [0.5, 1.0]],
            id="float16-two-dimensional",
        ),
        # float32 scalars in an object array: the figures they print as.
        pytest.param(
            np.ma.masked_array(
                np.array(
                    [np.float32(2.675), np.float32(4.26), np.float32(9.0)],
                    dtype=object,
                ),
                mask=[False, False, True],
            ),
            [2.675, 4.26, NAN],
            id="object-float32-scalars",
        ),
        # As a float32 array: 2.675 and 4.26 (the figures they print as); the
        # null is missing. It crashed with ArrowInvalid (zero-copy refused).
        pytest.param(
            pa.array([2.675, None, 4.26], type=pa.float32()),
            [2.675, NAN, 4.26],
            id="pyarrow-float32",
        ),
        pytest.param(
            pa.chunked_array([pa.array([2.675, None, 4.26], type=pa.float32())]),
            [2.675, NAN, 4.26],
            id="pyarrow-float32-chunked",
        ),
        # 4.25 and 0.5 are exact in float16.
        pytest.param(
            pa.array(
                np.array([4.25, 0.0, 0.5], dtype=np.float16),
                mask=np.array([False, True, False]),
                type=pa.float16(),
            ),
            [4.25, NAN, 0.5],
            id="pyarrow-float16",
        ),
    ],
)
def test_masked_and_null_narrow_floats_are_read_as_printed(
    x: Any, want: list[Any]
) -> None:
    before = copy.deepcopy(x)
    _same(ps.parse_numbers(x, locale="en").value, want)
    if isinstance(x, np.ma.MaskedArray):
        # The caller's array untouched: its data under the mask too.
        np.testing.assert_array_equal(x.data, before.data)
        np.testing.assert_array_equal(x.mask, before.mask)


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
