"""Masked arrays: a masked entry is a missing value (NaN) in every array function.

``np.asarray`` drops a mask silently and exposes the values hidden under it;
every public array function must treat a masked entry exactly as NaN, for
every numeric argument.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest
from numpy.typing import NDArray

import povstat
from povstat import statements as stm

# Three values; the middle one is masked. The hidden value (77.0) would give
# a different answer from NaN everywhere.
DATA = np.array([10.0, 77.0, 20.0])
MASK = np.array([False, True, False])

Build = Callable[[Any], object]

# One call per numeric argument of each public array function; `a` is the
# argument under test, the others are plain arrays of three valid values.
CALLS: dict[str, list[Build]] = {
    "adjust_pvalues": [lambda a: povstat.adjust_pvalues(a / 100, method="holm")],
    "annualized_change": [
        lambda a: povstat.annualized_change(a, [5, 6, 7], years=2, unit="percent"),
        lambda a: povstat.annualized_change([5, 6, 7], a, years=2, unit="percent"),
        lambda a: povstat.annualized_change([5, 6, 7], [6, 7, 8], years=a,
                                            unit="percent"),
    ],
    "annualized_change_se": [
        lambda a: povstat.annualized_change_se(
            a, [5, 6, 7], years=2, se_before=0.1, se_after=0.1, independent=True
        ),
        lambda a: povstat.annualized_change_se(
            [5, 6, 7], [6, 7, 8], years=2, se_before=a / 100, se_after=0.1,
            independent=True,
        ),
    ],
    "change_test": [
        lambda a: povstat.change_test(
            a, [5, 6, 7], se_before=0.1, se_after=0.1, level=0.9, independent=True
        ),
        lambda a: povstat.change_test(
            [5, 6, 7], [6, 7, 8], se_before=0.1, se_after=a / 100, level=0.9,
            independent=False, correlation=a / 100,
        ),
    ],
    "decimal_year": [
        lambda a: povstat.decimal_year(a + 2000, 3),
        lambda a: povstat.decimal_year(2020, a / 10),
    ],
    "decompose_headcount_change": [
        lambda a: povstat.decompose_headcount_change(
            a, [5, 6, 7], 1000, 1100, unit="percent"
        ),
        lambda a: povstat.decompose_headcount_change(
            [5, 6, 7], [6, 7, 8], a * 10, 1100, unit="percent"
        ),
    ],
    "decomposition_bounds": [
        lambda a: povstat.decomposition_bounds(
            a, [5, 6, 7], 1000, 1100, unit="percent", rate_decimals=0
        ),
        lambda a: povstat.decomposition_bounds(
            [5, 6, 7], [6, 7, 8], 1000, a * 10, unit="percent", rate_decimals=0,
            population_decimals=0,
        ),
    ],
    "fgt": [
        lambda a: povstat.fgt(a, 15, alpha=[0, 1], unit="fraction", nan_policy="omit"),
        lambda a: povstat.fgt([10, 12, 20], a, alpha=[0, 1], unit="fraction",
                              nan_policy="omit"),
        lambda a: povstat.fgt([10, 12, 20], 15, alpha=[0, 1], unit="fraction",
                              weights=a, nan_policy="omit"),
        lambda a: povstat.fgt([10, 12, 20], 15, alpha=[0, 1], unit="fraction",
                              size=a, nan_policy="omit"),
    ],
    "watts": [
        lambda a: povstat.watts(a, 15, unit="fraction", nan_policy="omit"),
    ],
    "poverty_estimates": [
        lambda a: povstat.poverty_estimates(a, 15, alpha=[0, 1], unit="fraction",
                                            nan_policy="omit"),
        lambda a: povstat.poverty_estimates([10, 12, 20], 15, alpha=[0, 1],
                                            unit="fraction", weights=a,
                                            nan_policy="omit"),
    ],
    "format_number": [lambda a: povstat.format_number(a, locale="id", decimals=1)],
    "headcount_interval": [
        lambda a: povstat.headcount_interval(
            a, 1000, unit="percent", level=0.9, method="normal", se=0.5
        ),
        lambda a: povstat.headcount_interval(
            [5, 6, 7], a * 10, unit="percent", level=0.9, method="normal", se=a / 100
        ),
    ],
    "headcount_to_rate": [
        lambda a: povstat.headcount_to_rate(a, 1000, unit="percent"),
        lambda a: povstat.headcount_to_rate(5, a, unit="percent"),
    ],
    "implied_population": [
        lambda a: povstat.implied_population(a, 100, unit="percent"),
        lambda a: povstat.implied_population(10, a, unit="percent"),
    ],
    "implied_population_interval": [
        lambda a: povstat.implied_population_interval(
            a, 100, unit="percent", rate_decimals=1, headcount_decimals=0
        ),
    ],
    "is_significant": [lambda a: povstat.is_significant(a / 1000, level=0.9)],
    "moe_from_se": [lambda a: povstat.moe_from_se(a, level=0.9)],
    "rank": [
        lambda a: povstat.rank(a, descending=True),
        lambda a: povstat.rank(a, descending=True, nan_policy="raise"),
        lambda a: povstat.rank(a, descending=True, nan_policy="propagate"),
    ],
    "percentile_rank": [
        lambda a: povstat.percentile_rank(a, descending=True),
        lambda a: povstat.percentile_rank(a, descending=True, nan_policy="propagate"),
    ],
    "rank_confidence_sets": [
        lambda a: povstat.rank_confidence_sets(
            a, se=1.0 + 0 * DATA, descending=True, level=0.9, method="sidak",
            simultaneous=True,
        ),
        lambda a: povstat.rank_confidence_sets(
            DATA, se=a / 10, descending=True, level=0.9, method="bootstrap",
            simultaneous=False, seed=1, n_draws=200,
        ),
    ],
    "rank_probabilities": [
        lambda a: povstat.rank_probabilities(
            a, se=[1.0, 1.0, 1.0], descending=True, seed=1, n_draws=200
        ),
    ],
    "rate_change": [
        lambda a: povstat.rate_change(a, [5, 6, 7], unit="percent"),
        lambda a: povstat.rate_change([5, 6, 7], a, unit="percent"),
    ],
    "rate_interval": [
        lambda a: povstat.rate_interval(
            a, unit="percent", level=0.9, method="normal", se=0.5
        ),
        lambda a: povstat.rate_interval(
            [5, 6, 7], unit="percent", level=0.9, method="wilson", n_effective=a
        ),
    ],
    "rate_to_headcount": [
        lambda a: povstat.rate_to_headcount(a, 100, unit="percent"),
        lambda a: povstat.rate_to_headcount(10, a, unit="percent"),
    ],
    "recovery_share": [lambda a: povstat.recovery_share(5, a, 8)],
    "relative_change": [
        lambda a: povstat.relative_change(a, 5),
        lambda a: povstat.relative_change(5, a),
    ],
    "relative_change_se": [
        lambda a: povstat.relative_change_se(
            a, 5, se_before=0.1, se_after=0.1, independent=True
        ),
    ],
    "round_half_up": [lambda a: povstat.round_half_up(a, 1)],
    "rounding_interval": [lambda a: povstat.rounding_interval(a, 1)],
    "rse_from_se": [
        lambda a: povstat.rse_from_se(a, 0.5),
        lambda a: povstat.rse_from_se(5, a / 100),
    ],
    "se_from_bounds": [
        lambda a: povstat.se_from_bounds(a - 1, a + 1, level=0.9),
    ],
    "se_from_moe": [lambda a: povstat.se_from_moe(a, level=0.9)],
    "se_from_rse": [
        lambda a: povstat.se_from_rse(a, 10),
        lambda a: povstat.se_from_rse(5, a),
    ],
    "tau_best_set": [
        lambda a: povstat.tau_best_set(
            a, se=[1.0, 1.0, 1.0], tau=1, descending=True, level=0.9,
            method="bonferroni",
        ),
    ],
    "to_fraction": [lambda a: povstat.to_fraction(a, unit="percent")],
    "to_percent": [lambda a: povstat.to_percent(a / 100, unit="fraction")],
    "sum_counts": [
        lambda a: povstat.sum_counts(a),
        lambda a: povstat.sum_counts([1, 2, 3], se=a / 10, level=0.9,
                                     independent=True),
    ],
    "pooled_rate": [
        lambda a: povstat.pooled_rate(a, rate=[20, 30, 40], unit="percent"),
        lambda a: povstat.pooled_rate([1, 2, 3], rate=a, unit="percent"),
        lambda a: povstat.pooled_rate([1, 2, 3], rate=[20, 30, 40], unit="percent",
                                      se=a / 10, level=0.9, independent=True),
    ],
    "derived_proportion": [
        lambda a: povstat.derived_proportion(a, 100, se_part=1, se_whole=1,
                                             level=0.9, unit="fraction"),
    ],
    "derived_ratio": [
        lambda a: povstat.derived_ratio(a, 5, se_numerator=1, se_denominator=1,
                                        level=0.9, independent=True),
        lambda a: povstat.derived_ratio(5, 6, se_numerator=1, se_denominator=1,
                                        level=0.9, independent=False,
                                        correlation=a / 100),
    ],
    "poverty_gap_money": [
        lambda a: povstat.poverty_gap_money(a / 100, a, 500_000, population=1000,
                                            unit="percent", count_unit="persons"),
        lambda a: povstat.poverty_gap_money(0.5, 5, a * 1000, headcount=10,
                                            unit="percent", count_unit="persons"),
    ],
    "reliability_flags": [lambda a: povstat.reliability_flags(a, bands="bps")],
    "check_change_statement": [
        lambda a: stm.check_change_statement(
            a, [11.0, 12.0, 13.0], 1.0, direction="rise", stated_as="points",
            unit="percent", decimals=1,
        ),
    ],
}  # fmt: skip

# Public functions that take no numeric array (frames, text, files).
NOT_ARRAY_FUNCTIONS = {
    "aggregate_regions",
    "parse_columns",
    "parse_numbers",
    "poverty_table",
    "read_bps_table",
}

# Calls whose documented answer to a missing value is an error.
RAISES = {("rank", 1)}

CASES = [(name, i, f) for name, fs in CALLS.items() for i, f in enumerate(fs)]


def _arrays(result: object) -> list[Any]:
    if attrs.has(type(result)):
        return [
            v
            for v in attrs.asdict(result, recurse=False).values()  # type: ignore[arg-type]
            if isinstance(v, np.ndarray)
        ]
    return [result]


def _outcome(build: Build, a: Any) -> list[Any] | tuple[str, str]:
    try:
        return _arrays(build(a))
    except (TypeError, ValueError) as exc:
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize(("name", "which", "build"), CASES)
def test_masked_entry_is_missing(name: str, which: int, build: Build) -> None:
    masked = _outcome(build, np.ma.masked_array(DATA.copy(), mask=MASK))
    as_nan = _outcome(build, np.where(MASK, np.nan, DATA))
    hidden = _outcome(build, DATA.copy())
    if (name, which) in RAISES:
        assert isinstance(as_nan, tuple)
        assert masked == as_nan
        return
    assert not isinstance(as_nan, tuple), as_nan
    assert not isinstance(masked, tuple), masked
    for u, v in zip(masked, as_nan, strict=True):
        np.testing.assert_array_equal(u, v)
    # The check can fail: the value under the mask gives another answer.
    assert isinstance(hidden, tuple) or any(
        not np.array_equal(u, v, equal_nan=np.asarray(u).dtype.kind == "f")
        for u, v in zip(hidden, as_nan, strict=True)
    )


def test_every_public_array_function_is_covered() -> None:
    functions = {
        name
        for name in povstat.__all__
        if inspect.isfunction(getattr(povstat, name)) and not name.startswith("with_")
    }
    assert functions - NOT_ARRAY_FUNCTIONS <= set(CALLS)


def test_masked_integer_and_fully_masked_input() -> None:
    a = np.ma.masked_array([10, 77, 20], mask=[False, True, False])
    np.testing.assert_array_equal(
        povstat.rate_to_headcount(a, 100, unit="percent"), [10.0, np.nan, 20.0]
    )
    full = np.ma.masked_array([1.0, 2.0], mask=[True, True])
    assert np.isnan(povstat.to_fraction(full, unit="percent")).all()


def test_masked_group_labels_are_refused() -> None:
    g = np.ma.masked_array(["a", "b", "a"], mask=[False, True, False])
    with pytest.raises(ValueError, match=r"`by`.*masked"):
        povstat.rank([1.0, 2.0, 3.0], descending=True, by=g)


def test_masked_aggregate_labels_are_refused() -> None:
    g = np.ma.masked_array(["a", "b", "a"], mask=[False, True, False])
    with pytest.raises(ValueError, match=r"`by`.*masked"):
        povstat.sum_counts([1.0, 2.0, 3.0], by=g)


def test_masked_domain_labels_are_refused() -> None:
    g = np.ma.masked_array(["a", "b", "a"], mask=[False, True, False])
    with pytest.raises(ValueError, match=r"`by`.*masked"):
        povstat.fgt([1.0, 2.0, 3.0], 2.5, alpha=0, by=g, unit="fraction")
    with pytest.raises(ValueError, match=r"`psu`.*masked"):
        povstat.poverty_estimates([1.0, 2.0, 3.0], 2.5, psu=g, unit="fraction")


def test_masked_bool_is_still_refused() -> None:
    with pytest.raises(TypeError, match="`rate` must be numeric"):
        povstat.to_fraction(np.ma.masked_array([True, False]), unit="percent")


def test_masked_text_cells_are_missing() -> None:
    cells = np.ma.masked_array(["1,5", "2,0", "3,5"], mask=[False, True, False])
    parsed = povstat.parse_numbers(cells, locale="id")
    np.testing.assert_array_equal(parsed.value, [1.5, np.nan, 3.5])
    assert parsed.invalid == ()


@pytest.mark.parametrize(
    "call",
    [
        # 2**53 + 1 and 2**53 are different counts but the same float64:
        # ranked as a tie, summed wrong, printed wrong; refused instead.
        lambda: povstat.rank(np.array([2**53 + 1, 2**53]), descending=True),
        lambda: povstat.sum_counts(np.array([2**53 + 1, 0], dtype=np.uint64)),
        lambda: povstat.sum_counts([10**20 + 1, 1]),
        lambda: povstat.round_half_up(-(2**62) - 5, -1),
        lambda: povstat.format_number([10**17 + 1], locale="en", decimals=0),
    ],
)
def test_integers_beyond_exact_float64_are_refused(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match=r"integer that float64 .* cannot hold"):
        call()


def test_integers_float64_holds_exactly_are_accepted() -> None:
    # 2**53 itself is exact in float64: accepted, and ranked above 2**53 - 1;
    # 10**20 = 2**20 * 5**20 with 5**20 < 2**53 is exact too.
    r = povstat.rank(np.array([2**53, 2**53 - 1]), descending=True)
    np.testing.assert_array_equal(r.rank, [1.0, 2.0])
    assert float(povstat.sum_counts([10**20, 0]).total) == 1e20


@pytest.mark.parametrize(
    "make",
    [
        lambda: __import__("pandas").array([2**53 + 1, None], dtype="Int64"),
        lambda: __import__("pandas").Series([2**53 + 1, None], dtype="Int64"),
        lambda: __import__("pandas").Series([2**53 + 1, None], dtype="int64[pyarrow]"),
        lambda: __import__("pandas").array([2**64 - 1, None], dtype="UInt64"),
        lambda: __import__("polars").Series([2**53 + 1, None]),
        lambda: __import__("pyarrow").array([2**53 + 1, None]),
        lambda: __import__("pyarrow").chunked_array([[2**53 + 1], [None]]),
    ],
)
def test_nullable_integers_beyond_exact_float64_are_refused(
    make: Callable[[], Any],
) -> None:
    # With a null, these columns reach numpy as float64, where 2**53 + 1 is
    # already 2**53 (round_half_up gave 9007199254740992, rank tied it with
    # 2**53): the integer guard reads the integers before the nulls.
    with pytest.raises(ValueError, match=r"integer that float64 .* at index 0"):
        povstat.round_half_up(make(), 0)
    with pytest.raises(ValueError, match=r"integer that float64 .* at index 0"):
        povstat.rank(make(), descending=True)


def test_nullable_integers_float64_holds_are_read_with_their_nulls() -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped]

    # 2**53 and 2**52 are exact; the null is missing (NaN), not 0.
    for col in (
        pd.array([2**53, 2**52, None], dtype="Int64"),
        pl.Series([2**53, 2**52, None]),
        pa.array([2**53, 2**52, None]),
    ):
        np.testing.assert_array_equal(
            povstat.round_half_up(col, 0), [2.0**53, 2.0**52, np.nan]
        )
        r = povstat.rank(col, descending=True)
        np.testing.assert_array_equal(r.rank, [1.0, 2.0, np.nan])


def _obj(x: object) -> NDArray[np.object_]:
    """Python numbers as numpy holds them: an object array."""
    return np.asarray(x, dtype=object)


@pytest.mark.parametrize(
    ("call", "shown"),
    [
        # Each value's nearest float64 is another figure: 2.675 (which rounds
        # to 2.68, though the value is below 2.675 and rounds to 2.67), 4.26,
        # 12345678901234568, 0.3333333333333333.
        (
            lambda: povstat.round_half_up(_obj(Decimal("2.67499999999999999999")), 2),
            r"Decimal\('2.67499999999999999999'\)",
        ),
        (
            lambda: povstat.rounding_interval(
                _obj(Decimal("4.2600000000000000001")), decimals=2
            ),
            r"Decimal\('4.2600000000000000001'\)",
        ),
        (
            lambda: povstat.format_number(
                _obj(Decimal("12345678901234567.5")), locale="en", decimals=1
            ),
            r"Decimal\('12345678901234567.5'\)",
        ),
        (
            lambda: povstat.round_half_up(_obj([1.0, Fraction(1, 3)]), 2),
            r"Fraction\(1, 3\) at index 1",
        ),
        (
            lambda: povstat.round_half_up(
                np.array(["1", "2.6749999999999999"], dtype=np.longdouble), 2
            ),
            r"np.longdouble\('2.6749999999999999'\) at index 1",
        ),
        (
            lambda: povstat.rank(
                [np.longdouble(1), np.longdouble("2.6749999999999999")],
                descending=True,
            ),
            r".* at index 1",
        ),
    ],
)
def test_numbers_wider_than_float64_are_refused(
    call: Callable[[], object], shown: str
) -> None:
    with pytest.raises(
        ValueError, match=r"number that float64 .* hold exactly: " + shown
    ):
        call()


def test_numbers_float64_holds_are_accepted() -> None:
    # The shortest decimal of the float64 is the value itself: Decimal 4.26
    # and 2.675, Fraction 1/10 (0.1), 1/2, a longdouble parsed from "2.675"
    # or widened from a float64; a NaN Decimal is missing.
    got = povstat.round_half_up(
        _obj([Decimal("2.675"), Fraction(1, 10), Fraction(1, 2), Decimal("NaN")]), 2
    )
    np.testing.assert_array_equal(got, [2.68, 0.1, 0.5, np.nan])
    long = np.array(["2.675", "4.26"], dtype=np.longdouble)
    np.testing.assert_array_equal(povstat.round_half_up(long, 2), [2.68, 4.26])
    widened = np.array([2.675], dtype=np.float64).astype(np.longdouble)
    np.testing.assert_array_equal(povstat.round_half_up(widened, 2), [2.68])


# Every array function taking labels, with a masked label in the argument
# under test: refused as a missing label, never used as its hidden value.
_LAB = np.ma.masked_array(["a", "b", "c"], mask=[False, True, False])
_X = [3.0, 2.0, 1.0]
_SE: dict[str, Any] = {"se": [1.0, 1.0, 1.0], "descending": True}


def _estimates_with(arg: str, g: Any) -> object:
    return povstat.poverty_estimates(_X, 2.5, unit="fraction", **{arg: g})


LABEL_CALLS: dict[str, list[tuple[str, Build]]] = {
    "rank": [("by", lambda g: povstat.rank(_X, descending=True, by=g))],
    "percentile_rank": [
        ("by", lambda g: povstat.percentile_rank(_X, descending=True, by=g))
    ],
    "sum_counts": [("by", lambda g: povstat.sum_counts(_X, by=g))],
    "pooled_rate": [
        ("by", lambda g: povstat.pooled_rate(
            _X, unit="percent", population=[10.0] * 3, by=g))
    ],
    "fgt": [("by", lambda g: povstat.fgt(_X, 2.5, alpha=0, unit="fraction", by=g))],
    "watts": [("by", lambda g: povstat.watts(_X, 2.5, unit="fraction", by=g))],
    "poverty_estimates": [
        (arg, functools.partial(_estimates_with, arg))
        for arg in ("by", "strata", "psu")
    ],
    "rank_confidence_sets": [
        ("by", lambda g: povstat.rank_confidence_sets(
            _X, level=0.9, method="sidak", simultaneous=True, by=g, **_SE))
    ],
    "tau_best_set": [
        ("by", lambda g: povstat.tau_best_set(
            _X, tau=1, level=0.9, method="sidak", by=g, **_SE))
    ],
    "rank_probabilities": [
        ("by", lambda g: povstat.rank_probabilities(
            _X, n_draws=10, seed=1, by=g, **_SE))
    ],
    "check_rank_statement": [
        ("labels", lambda g: stm.check_rank_statement(
            _X, g, subject="a", stated_rank=1, descending=True)),
        ("subject", lambda g: stm.check_rank_statement(
            _X, ["a", "b", "c"], subject=g[1], stated_rank=2, descending=True)),
        ("after", lambda g: stm.check_rank_statement(
            _X, ["a", "b", "c"], subject="c", stated_rank=3, after=g[1],
            descending=True)),
    ],
    "check_top_statement": [
        ("labels", lambda g: stm.check_top_statement(
            _X, g, members=["a"], k=1, descending=True)),
        ("members", lambda g: stm.check_top_statement(
            _X, ["a", "b", "c"], members=g, k=2, descending=True)),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "arg", "build"),
    [(n, a, b) for n, calls in LABEL_CALLS.items() for a, b in calls],
)
def test_masked_labels_are_refused_by_every_function_taking_labels(
    name: str, arg: str, build: Build
) -> None:
    # Before, check_rank_statement and check_top_statement took the hidden
    # "b" as a label: a statement about "b" was checked (and held).
    with pytest.raises(ValueError, match=rf"`{arg}`.*(missing label|masked)"):
        build(_LAB)


def test_every_function_taking_labels_is_covered() -> None:
    label_args = {"by", "labels", "members", "subject", "strata", "psu"}
    taking = set()
    for module in (povstat, stm):
        for name in module.__all__:
            f = getattr(module, name)
            if (
                inspect.isfunction(f)
                and not f.__module__.startswith("povstat.frames")
                and name != "check_statements"  # a frame's columns
                and label_args & set(inspect.signature(f).parameters)
            ):
                taking.add(name)
    assert taking <= set(LABEL_CALLS)


_MASKED_SCALAR: Any = np.ma.array([1], mask=[True]).reshape(())


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda m: stm.check_count_statement(
                50.0, 100.0, 50.0, unit="percent", decimals=m
            ),
            r"`decimals` must be an int, got masked \(a missing value\)$",
        ),
        (
            lambda m: stm.check_count_statement(
                50.0, 100.0, 50.0, unit="percent", decimals=0, base_rtol=m
            ),
            r"`base_rtol` must be a number >= 0, got masked \(a missing value\)$",
        ),
        (
            lambda m: povstat.tau_best_set(
                [1.0, 2.0, 3.0],
                se=[0.1, 0.1, 0.1],
                tau=m,
                descending=True,
                level=0.9,
                method="bonferroni",
            ),
            r"`tau` must be an int, got masked \(a missing value\)$",
        ),
        (
            lambda m: povstat.sum_counts([1.0, 2.0], se=[0.1, 0.1], level=m),
            r"`level` must be a number between 0 and 1, got masked \(a missing",
        ),
        (
            lambda m: povstat.rank_probabilities(
                [1.0, 2.0, 3.0], se=[0.1, 0.1, 0.1], descending=True, seed=m
            ),
            r"`seed` must be an int or None, got masked \(a missing value\)$",
        ),
        (
            lambda m: stm.check_statements(
                pd.DataFrame({"kind": []}),
                pd.DataFrame({"region_code": [], "period": []}),
                unit="percent",
                persons_per_poor_unit=m,
            ),
            r"`persons_per_poor_unit` must be a number .*got masked \(a missing",
        ),
    ],
)
def test_masked_scalar_arguments_are_named_masked(
    call: Callable[[Any], object], match: str
) -> None:
    # A masked scalar is a missing value: refused, and the message says so in
    # one line rather than printing the multi-line masked_array repr.
    with pytest.raises((TypeError, ValueError), match=match) as info:
        call(_MASKED_SCALAR)
    assert "\n" not in str(info.value)
