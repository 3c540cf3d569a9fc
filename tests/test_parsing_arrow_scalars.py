"""pyarrow Scalars (a cell of a pyarrow column) read as the values they hold.

Indexing or iterating a pyarrow column gives Scalars, which numpy would read
by their bytes (the string "4,26" as the codes 52 44 50 54, a float32 by its
binary value). rounding13c G1-G4.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import povstat as P
from povstat.statements import check_change_statement, check_rank_statement

STRING_TYPES = [pa.string(), pa.large_string(), pa.string_view()]


@pytest.mark.parametrize("arrow_type", STRING_TYPES)
def test_string_scalar_parsed_as_its_text(arrow_type: pa.DataType) -> None:
    # "4,26" in locale id (decimal comma) is 4.26; "5" is 5; "-" and "…"
    # are default missing markers.
    assert P.parse_numbers(pa.scalar("4,26", arrow_type), locale="id").value == 4.26
    assert P.parse_numbers(pa.scalar("5", arrow_type), locale="id").value == 5.0
    assert np.isnan(P.parse_numbers(pa.scalar("-", arrow_type), locale="id").value)
    assert np.isnan(P.parse_numbers(pa.scalar("…", arrow_type), locale="id").value)


def test_list_of_string_scalars_and_dictionary_scalar() -> None:
    t = pa.table({"p0": ["4,26", "3,31"]})
    got = P.parse_numbers(list(t["p0"]), locale="id").value
    np.testing.assert_array_equal(got, [4.26, 3.31])  # not a 2x4 matrix of codes
    cell = pa.array(["4,26", None]).dictionary_encode()
    assert P.parse_numbers(cell[0], locale="id").value == 4.26
    assert np.isnan(P.parse_numbers(cell[1], locale="id").value)


def test_binary_scalar_refused_as_bytes() -> None:
    with pytest.raises(P.NumberParseError, match="bytes, not text"):
        P.parse_numbers(pa.scalar(b"4,26"), locale="id")


@pytest.mark.parametrize("arrow_type", STRING_TYPES)
def test_string_scalar_refused_by_array_functions(arrow_type: pa.DataType) -> None:
    s = pa.scalar("4,26", arrow_type)
    with pytest.raises(TypeError, match=r"must be numeric.*parse_numbers"):
        P.round_half_up(s, 2)
    with pytest.raises(TypeError, match=r"must be numeric.*parse_numbers"):
        P.format_number(s, locale="id", decimals=2)
    with pytest.raises(TypeError, match=r"`stated` must be numeric.*parse_numbers"):
        check_change_statement(
            4.26,
            3.91,
            pa.scalar("0.35", arrow_type),
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
        )


def test_float32_scalar_read_as_its_shortest_decimal() -> None:
    # float32 2.675, 4.265, 9.655 print as those decimals; half up to 2
    # decimals: 2.68, 4.27, 9.66 (as the column and np.float32 are read).
    col = pa.chunked_array([pa.array([2.675, 4.265, 9.655], pa.float32())])
    assert [float(P.round_half_up(x, 2)) for x in col] == [2.68, 4.27, 9.66]
    assert P.format_number(col[1], locale="id", decimals=2) == "4,27"
    # 4.265 - 4.0 = 0.265 points, 0.27 to 2 decimals: the stated 0.27 holds.
    r = check_change_statement(
        col[1],
        4.0,
        0.27,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert r.verdict == "holds"
    # float16 2.5 is exact: half up to 0 decimals is 3.
    assert float(P.round_half_up(pa.scalar(2.5, pa.float16()), 0)) == 3.0


def test_integer_scalar_beyond_2_53_refused_as_an_int_is() -> None:
    with pytest.raises(ValueError, match="cannot hold exactly: 9007199254740993"):
        P.format_number(pa.scalar(2**53 + 1), locale="en", decimals=0)
    with pytest.raises(ValueError, match="cannot hold exactly"):
        P.format_number(pa.scalar(2**64 - 1, pa.uint64()), locale="en", decimals=0)
    # 2**53 itself is held exactly: 9,007,199,254,740,992.
    got = P.format_number(pa.scalar(2**53), locale="en", decimals=0)
    assert got == "9,007,199,254,740,992"


def test_null_scalar_is_missing() -> None:
    assert np.isnan(P.round_half_up(pa.scalar(None, pa.float64()), 2))


def test_string_scalar_labels_read_as_their_text() -> None:
    t = pa.table({"region_code": ["3573", "3578", "3579"], "p0": [4.26, 3.96, 3.31]})
    # 4.26 is the highest of the three: rank 1 in descending order.
    r = check_rank_statement(
        t["p0"],
        list(t["region_code"]),
        subject="3573",
        stated_rank=1,
        descending=True,
    )
    assert r.verdict == "holds"
    s = P.sum_counts([1.0, 2.0, 3.0], by=list(t["region_code"]))
    assert s.group is not None
    assert s.group.tolist() == ["3573", "3578", "3579"]
    np.testing.assert_array_equal(s.total, [1.0, 2.0, 3.0])


def test_float32_array_array_parsed_as_it_prints() -> None:
    # array.array('f') holds float32 2.675 and 4.35, which print as those
    # decimals (their float64 values would be 2.67499995..., 4.34999990...).
    import array

    got = P.parse_numbers(array.array("f", [2.675, 4.35]), locale="en").value
    np.testing.assert_array_equal(got, [2.675, 4.35])
