"""Every elementwise array function: a scalar input behaves as a 1-element array.

A scalar (0-d) input must take the same path as the same value in a
1-element array: the same values (a 0-d result holding the array's one
element), or the same kind of error. Missing values (NaN, None, pd.NA,
``np.ma.masked``) and values off the short-decimal path (sixteen digits,
below 1e-8, above 1e18) are the inputs where a scalar once crashed with a
bare numpy TypeError (``recovery_share(np.nan, 5.0, 4.0)``).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps

#: Values tried at each position: missing values, short decimals, computed
#: values of sixteen digits, tiny and huge values.
_VALUES: list[Any] = [
    np.nan,
    None,
    pd.NA,
    np.ma.masked,
    4.07,
    1 / 3,
    1e-9,
    1e19,
    0.0,
]

#: (name, function of the positional inputs, number of inputs). Each calls a
#: public elementwise array function with fixed keywords.
_FUNCTIONS: list[tuple[str, Callable[..., Any], int]] = [
    ("recovery_share", ps.recovery_share, 3),
    ("relative_change", ps.relative_change, 2),
    ("rate_change", lambda b, a: ps.rate_change(b, a, unit="percent"), 2),
    (
        "annualized_change",
        lambda b, a, t: ps.annualized_change(b, a, years=t, unit="percent"),
        3,
    ),
    (
        "decompose_headcount_change",
        lambda r0, r1, n0, n1: ps.decompose_headcount_change(
            r0, r1, n0, n1, unit="percent"
        ),
        4,
    ),
    (
        "decomposition_bounds",
        lambda r0, r1, n0, n1: ps.decomposition_bounds(
            r0, r1, n0, n1, unit="percent", rate_decimals=2
        ),
        4,
    ),
    ("decimal_year", ps.decimal_year, 2),
    ("to_percent", lambda r: ps.to_percent(r, unit="fraction"), 1),
    ("to_fraction", lambda r: ps.to_fraction(r, unit="percent"), 1),
    ("rate_to_headcount", lambda r, n: ps.rate_to_headcount(r, n, unit="percent"), 2),
    ("headcount_to_rate", lambda h, n: ps.headcount_to_rate(h, n, unit="percent"), 2),
    (
        "implied_population",
        lambda r, h: ps.implied_population(r, h, unit="percent"),
        2,
    ),
    (
        "implied_population_interval",
        lambda r, h: ps.implied_population_interval(
            r, h, unit="percent", rate_decimals=2, headcount_decimals=2
        ),
        2,
    ),
    ("round_half_up", lambda x: ps.round_half_up(x, 2), 1),
    ("rounding_interval", lambda x: ps.rounding_interval(x, 2), 1),
    ("rse_from_se", ps.rse_from_se, 2),
    ("se_from_rse", ps.se_from_rse, 2),
    ("moe_from_se", lambda s: ps.moe_from_se(s, level=0.95), 1),
    ("se_from_moe", lambda m: ps.se_from_moe(m, level=0.95), 1),
    ("se_from_bounds", lambda lo, hi: ps.se_from_bounds(lo, hi, level=0.95), 2),
    (
        "rate_interval",
        lambda r, s: ps.rate_interval(
            r, unit="percent", level=0.95, method="normal", se=s
        ),
        2,
    ),
    (
        "headcount_interval",
        lambda r, n, s: ps.headcount_interval(
            r, n, unit="percent", level=0.95, method="normal", se=s
        ),
        3,
    ),
    (
        "change_test",
        lambda b, a, sb, sa: ps.change_test(
            b, a, se_before=sb, se_after=sa, level=0.95, independent=True
        ),
        4,
    ),
    (
        "relative_change_se",
        lambda b, a, sb, sa: ps.relative_change_se(
            b, a, se_before=sb, se_after=sa, independent=True
        ),
        4,
    ),
    (
        "annualized_change_se",
        lambda b, a, sb, sa: ps.annualized_change_se(
            b, a, years=2.0, se_before=sb, se_after=sa, independent=True
        ),
        4,
    ),
    (
        "derived_proportion",
        lambda p, w, sp, sw: ps.derived_proportion(
            p, w, unit="percent", level=0.95, se_part=sp, se_whole=sw
        ),
        4,
    ),
    (
        "derived_ratio",
        lambda n, d, sn, sd: ps.derived_ratio(
            n, d, level=0.95, independent=True, se_numerator=sn, se_denominator=sd
        ),
        4,
    ),
    ("reliability_flags", lambda r: ps.reliability_flags(r, bands="bps"), 1),
    ("is_significant", lambda p: ps.is_significant(p, level=0.05), 1),
    ("adjust_pvalues", lambda p: ps.adjust_pvalues(p, method="holm"), 1),
]


#: Positions where None is the keyword's "not given" (an optional standard
#: error), not a missing value: skipped for None.
_ABSENT = {
    ("rate_interval", 1),
    ("headcount_interval", 2),
    ("derived_ratio", 2),
    ("derived_ratio", 3),
    ("derived_proportion", 2),
    ("derived_proportion", 3),
}


def _call(fn: Callable[..., Any], args: list[Any]) -> tuple[str, Any]:
    """``("ok", result)`` or ``("error", exception type)``."""
    try:
        return "ok", fn(*args)
    except (TypeError, ValueError) as exc:
        return "error", type(exc)


def _arrays(result: Any) -> dict[str, Any]:
    """The array fields of a result (or the result itself), by name."""
    if attrs.has(type(result)):
        return {
            f.name: getattr(result, f.name)
            for f in attrs.fields(type(result))
            if isinstance(getattr(result, f.name), np.ndarray)
        }
    return {"": result}


def _as_one(value: Any) -> Any:
    """`value` in a 1-element array (a masked array for the masked constant)."""
    if value is np.ma.masked:
        return np.ma.masked_array([0.0], mask=[True])
    return (
        np.array([value], dtype=object) if value is None or value is pd.NA else [value]
    )


@pytest.mark.parametrize(("name", "fn", "n_args"), _FUNCTIONS, ids=lambda x: x)
def test_scalar_input_is_a_one_element_array(
    name: str, fn: Callable[..., Any], n_args: int
) -> None:
    # Each value at each position, the others a plain figure (5.0 at the
    # first, 4.0 elsewhere, so that a rise or an interval exists).
    others = [5.0 if i == 0 else 4.0 for i in range(n_args)]
    if name == "recovery_share":
        others = [4.0, 5.0, 4.5]
    if name in {"is_significant", "adjust_pvalues"}:
        others = [0.01]
    if name == "decimal_year":
        others = [2019.0, 3.0]
    for position in range(n_args):
        for value in _VALUES:
            if value is None and (name, position) in _ABSENT:
                continue
            scalar_args = list(others)
            scalar_args[position] = value
            array_args = [_as_one(x) for x in scalar_args]
            s_kind, s_out = _call(fn, scalar_args)
            a_kind, a_out = _call(fn, array_args)
            where = f"{name} with {value!r} at position {position}"
            assert s_kind == a_kind, f"{where}: {s_kind} {s_out} vs {a_kind} {a_out}"
            if s_kind == "error":
                assert s_out is a_out, where
                continue
            s_fields, a_fields = _arrays(s_out), _arrays(a_out)
            assert s_fields.keys() == a_fields.keys(), where
            for key, s_arr in s_fields.items():
                a_arr = np.asarray(a_fields[key])
                assert np.shape(s_arr) == a_arr.shape[1:], f"{where}: {key}"
                np.testing.assert_array_equal(
                    np.asarray(s_arr), a_arr[0], err_msg=f"{where}: {key}"
                )


@pytest.mark.parametrize(
    ("baseline", "peak", "current", "expected"),
    [
        # Missing inputs give NaN, as in arrays.
        (np.nan, 5.0, 4.0, np.nan),
        (None, 5.0, 4.0, np.nan),
        (pd.NA, 5.0, 4.0, np.nan),
        (np.ma.masked, 5.0, 4.0, np.nan),
        # 1/3 (sixteen digits, read as binary) to 1 back to 0.5: the reversed
        # 0.5 over the rise 2/3 (binary 1/3 is 1/3 - 2**-54/3), so
        # 100 * 0.5 / (2/3 + 2**-54/3) = 75 * (1 - 2**-53 / 2): 75.0 to the
        # nearest float64.
        (1 / 3, 1.0, 0.5, 75.0),
        # 0 to 1e19 back to 1: (1e19 - 1) / 1e19, 100 to the nearest float.
        (0.0, 1e19, 1.0, 100.0),
        # 1e-9 (below 1e-8: its binary value b) to 5 back to 4:
        # 100 / (5 - b), rounded once.
        (1e-9, 5.0, 4.0, float(100 / (5 - Fraction(1e-9)))),
    ],
)
def test_recovery_share_of_scalars(
    baseline: Any, peak: float, current: float, expected: float
) -> None:
    out = ps.recovery_share(baseline, peak, current)
    assert out.shape == ()
    np.testing.assert_array_equal(out, np.float64(expected))


@given(
    st.lists(
        st.one_of(
            st.decimals(min_value=0, max_value=10**6, places=3).map(float),
            st.floats(min_value=0, max_value=1e30),
            st.just(np.nan),
        ),
        min_size=3,
        max_size=3,
    )
)
def test_recovery_share_scalar_matches_array(values: list[float]) -> None:
    b, p, c = values
    scalar = ps.recovery_share(b, p, c)
    array = ps.recovery_share([b], [p], [c])
    assert scalar.shape == ()
    np.testing.assert_array_equal(scalar, array[0])
    if not np.isnan(values).any() and p > b:
        # Where all three are short decimals (at most 15 digits, 0 or
        # 1e-8 up to 1e37) they are read as decimals, otherwise all as their
        # binary values: the exact share of that reading, rounded once
        # (+-inf beyond float64's range).
        def short(x: float) -> bool:
            digits = repr(x).split("e")[0].replace(".", "").strip("0")
            return x == 0 or (len(digits) <= 15 and 1e-8 <= abs(x) < 1e37)

        read = (lambda x: Fraction(repr(x))) if all(map(short, values)) else Fraction
        fb, fp, fc = read(b), read(p), read(c)
        exact = 100 * (fp - fc) / (fp - fb)
        if abs(exact) >= Fraction(2) ** 1024:
            assert float(scalar) == (np.inf if exact > 0 else -np.inf)
        else:
            assert float(scalar) == float(exact)
