"""Dictionary-encoded, categorical and sparse number containers (round 13, N1/N2).

Every null of such a container is missing (NaN), as in every other
container, and a float32 value in it is read as the figure it prints as
(float32 4.35 is 4.35), as a plain float32 array is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import povstat as P
from povstat.statements import check_change_statement, check_rank_statement

_REGIONS = ["3573", "3579", "3578"]


def _dictionary_chunked(values: list[float | None]) -> pa.ChunkedArray:
    """What pa.Table.from_pandas makes of a pandas ``category`` column."""
    df = pd.DataFrame({"v": pd.Series(values, dtype=float).astype("category")})
    col = pa.Table.from_pandas(df)["v"]
    assert pa.types.is_dictionary(col.type)
    return col


def _encoded_p0() -> list[Any]:
    """Kota Malang 4.26, Kota Batu missing, Kota Surabaya 3.31, encoded."""
    plain = [4.26, None, 3.31]
    return [
        _dictionary_chunked(plain),
        pa.array(plain).dictionary_encode(),
        pa.chunked_array(
            [
                pa.array(plain[:2]).dictionary_encode(),
                pa.array(plain[2:]).dictionary_encode(),
            ]
        ),
        pd.Series(plain, dtype=float).astype("category"),
        pd.Series(pd.arrays.ArrowExtensionArray(pa.array(plain).dictionary_encode())),
        pd.Series(pd.arrays.SparseArray(np.array([4.26, np.nan, 3.31]))),
    ]


@pytest.mark.parametrize("x", _encoded_p0(), ids=lambda x: type(x).__name__)
def test_null_of_encoded_container_is_missing(x: Any) -> None:
    # Hand: the middle value is missing, so it rounds to NaN, is written as
    # the missing mark, propagates through a sum, and is not ranked: 4.26
    # ranks 1 and 3.31 ranks 2 from the highest.
    np.testing.assert_array_equal(P.round_half_up(x, 2), [4.26, np.nan, 3.31])
    assert P.format_number(x, locale="id", decimals=2).tolist() == ["4,26", "…", "3,31"]
    assert np.isnan(P.sum_counts(x).total)
    # 4.26 + 3.31 = 7.57 with the missing value left out
    assert P.sum_counts(x, nan_policy="omit").total == pytest.approx(7.57, abs=1e-12)
    np.testing.assert_array_equal(P.rank(x, descending=True).rank, [1.0, np.nan, 2.0])
    res = check_rank_statement(
        x, _REGIONS, subject="3573", stated_rank=1, descending=True
    )
    assert res.verdict == "cannot tell"
    np.testing.assert_array_equal(
        P.parse_numbers(x, locale="en").value, [4.26, np.nan, 3.31]
    )


def test_missing_level_in_change_statement_cannot_tell() -> None:
    # Hand: 4.26 -> 4.10 is a fall of 0.16 points (holds); the 2024 level
    # of the second region is missing, so its change cannot be judged, as
    # with a plain list holding None.
    before = [4.26, 3.50, 3.31]
    after = _dictionary_chunked([4.10, None, 3.00])
    kw: dict[str, Any] = dict(
        direction="fall", stated_as="points", unit="percent", decimals=2
    )
    plain = check_change_statement(before, np.array([4.10, np.nan, 3.00]), 0.16, **kw)
    encoded = check_change_statement(before, after, 0.16, **kw)
    assert encoded.verdict.tolist() == plain.verdict.tolist()
    assert encoded.verdict.tolist()[:2] == ["holds", "cannot tell"]


def test_integer_dictionary_null_is_missing() -> None:
    # Hand: 37780 + 5 = 37785 without the null; with it the sum is missing.
    x = pa.chunked_array([pa.array([37780, None, 5]).dictionary_encode()])
    assert np.isnan(P.sum_counts(x).total)
    assert P.sum_counts(x, nan_policy="omit").total == 37785.0


_F32 = np.array([2.675, 4.265, np.nan], dtype=np.float32)


def _float32_encoded() -> list[Any]:
    a32 = pa.array([2.675, 4.265, None], type=pa.float32())
    return [
        pd.Series(_F32).astype("category"),
        a32.dictionary_encode(),
        pa.chunked_array([a32.dictionary_encode()]),
        pd.Series(pd.arrays.ArrowExtensionArray(a32.dictionary_encode())),
        pd.Series(pd.arrays.SparseArray(_F32)),
    ]


@pytest.mark.parametrize("x", _float32_encoded(), ids=lambda x: type(x).__name__)
def test_float32_in_encoded_container_read_as_printed(x: Any) -> None:
    # float32 2.675 prints as 2.675 (its binary value is 2.6749999523...):
    # half up at 2 decimals it is 2.68, and 4.265 is 4.27 (hand). Summed:
    # 2.675 + 4.265 = 6.94.
    np.testing.assert_array_equal(
        P.parse_numbers(x, locale="en").value, [2.675, 4.265, np.nan]
    )
    np.testing.assert_array_equal(P.round_half_up(x, 2), [2.68, 4.27, np.nan])
    assert P.format_number(x, locale="id", decimals=2).tolist() == ["2,68", "4,27", "…"]
    assert P.sum_counts(x, nan_policy="omit").total == pytest.approx(6.94, abs=1e-12)


def test_parse_columns_float32_category() -> None:
    # Hand: the figures typed, 2.675 and 4.35, not 2.674999952316284.
    s = pd.Series(np.array([2.675, 4.35, np.nan], dtype=np.float32)).astype("category")
    out = P.parse_columns(pd.DataFrame({"p0": s}), "p0", locale="en")
    np.testing.assert_array_equal(out["p0"].to_numpy(), [2.675, 4.35, np.nan])


def test_float16_dictionary_in_pandas_is_read() -> None:
    # pyarrow once raised ArrowNotImplementedError converting a pandas
    # dictionary<halffloat> column. float16 2.675 is 2.67578125, whose
    # shortest float16 decimal is 2.676 (hand: 2.675 lies between the
    # float16 neighbours 2.673828125 and 2.67578125, nearer the latter).
    x = pd.Series(
        pd.arrays.ArrowExtensionArray(
            pa.array([2.675, None], type=pa.float16()).dictionary_encode()
        )
    )
    np.testing.assert_array_equal(P.round_half_up(x, 3), [2.676, np.nan])
    assert np.isnan(P.sum_counts(x).total)


@pytest.mark.parametrize(
    "x",
    [
        pa.array([2**53 + 1, None]).dictionary_encode(),
        pd.Series(pd.Categorical([2**53 + 1, None])),
    ],
    ids=["dictionary", "categorical"],
)
def test_wide_integer_beside_null_refused(x: Any) -> None:
    # 2**53 + 1 = 9007199254740993 has no float64 (its nearest is 2**53):
    # refused as it is in an Int64 column, never read as 9007199254740992.
    with pytest.raises(ValueError, match="9007199254740993"):
        P.format_number(x, locale="en", decimals=0)
    with pytest.raises(ValueError, match="9007199254740993"):
        P.round_half_up(x, 0)
    with pytest.raises(P.NumberParseError, match="9007199254740993"):
        P.parse_numbers(x, locale="en")


@pytest.mark.parametrize(
    "x",
    [
        pd.Series(pd.Categorical(["4,26", None, "1,5"])),
        pa.array(["4,26", None, "1,5"]).dictionary_encode(),
    ],
    ids=["categorical", "dictionary"],
)
def test_text_categories_still_parsed(x: Any) -> None:
    np.testing.assert_array_equal(
        P.parse_numbers(x, locale="id").value, [4.26, np.nan, 1.5]
    )


def test_caller_container_unchanged() -> None:
    s = pd.Series(_F32).astype("category")
    before = s.copy()
    P.round_half_up(s, 2)
    P.parse_numbers(s, locale="en")
    pd.testing.assert_series_equal(s, before)
