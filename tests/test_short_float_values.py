"""A float32 (float16) value is its shortest decimal in every array function.

``np.float32(0.1)`` holds 0.100000001490116119384765625; it stands for the
figure 0.1 it prints as. Conversions, sums and changes read it so, as
:func:`povstat.round_half_up` and the group labels do: the result on float32
inputs is the result on the float64 of their decimals, to the bit.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    annualized_change,
    decompose_headcount_change,
    derived_proportion,
    headcount_to_rate,
    implied_population,
    pooled_rate,
    rate_change,
    rate_to_headcount,
    recovery_share,
    relative_change,
    sum_counts,
    to_fraction,
    to_percent,
)


def _fields(result: Any) -> list[Any]:
    if hasattr(result, "__attrs_attrs__"):
        names = [a.name for a in result.__attrs_attrs__]
        return [getattr(result, k) for k in names if k not in {"unit", "dependence"}]
    return [result]


def _same(a: Any, b: Any) -> None:
    for x, y in zip(_fields(a), _fields(b), strict=True):
        if x is None or isinstance(x, str | float):
            assert x == y
        else:
            np.testing.assert_array_equal(np.asarray(x), np.asarray(y))


def _compare(fn: Callable[..., Any], args: list[Any], dtype: type) -> None:
    """`fn` on narrow copies of `args` as on the float64 ones (or both refused)."""
    narrow = [x.astype(dtype) for x in args]
    try:
        wide = fn(*args)
    except ValueError as exc:  # a rate of 0 with `rate=`, say: refused alike
        with pytest.raises(ValueError, match=str(exc).split(" ")[0]):
            fn(*narrow)
        return
    _same(fn(*narrow), wide)


# Each function of values, given the value arrays (three rows each).
_CASES: dict[str, Callable[..., Any]] = {
    "to_fraction": lambda r, h, n, f: to_fraction(r, unit="percent"),
    "to_percent": lambda r, h, n, f: to_percent(f, unit="fraction"),
    "rate_to_headcount": lambda r, h, n, f: rate_to_headcount(r, n, unit="percent"),
    "headcount_to_rate": lambda r, h, n, f: headcount_to_rate(
        np.minimum(h, n), n, unit="percent"
    ),
    "implied_population": lambda r, h, n, f: implied_population(r, h, unit="percent"),
    "sum_counts": lambda r, h, n, f: sum_counts(h, by=["a", "a", "b"]),
    "pooled_rate_population": lambda r, h, n, f: pooled_rate(
        np.minimum(h, n), population=n, unit="percent"
    ),
    "pooled_rate_rate": lambda r, h, n, f: pooled_rate(h, rate=r, unit="percent"),
    "derived_proportion": lambda r, h, n, f: derived_proportion(
        np.minimum(h, n), n, unit="percent", se_part=r, se_whole=r, level=0.9
    ),
    "rate_change": lambda r, h, n, f: rate_change(r, r[::-1], unit="percent"),
    "relative_change": lambda r, h, n, f: relative_change(h, n),
    "annualized_change": lambda r, h, n, f: annualized_change(
        r, r[::-1], years=2, unit="percent"
    ),
    "recovery_share": lambda r, h, n, f: recovery_share(r, n, h),
    "decompose_headcount_change": lambda r, h, n, f: decompose_headcount_change(
        r, r[::-1], n, n[::-1], unit="percent"
    ),
}


def _short(digits: int, top: int) -> st.SearchStrategy[float]:
    """Decimals of at most `digits` significant digits below ``10**top``."""
    return st.builds(
        lambda m, k: float(Decimal(m).scaleb(-k)),
        st.integers(0, 10**digits - 1),
        st.integers(digits - top, digits + 2),
    )


@pytest.mark.parametrize("name", sorted(_CASES))
@given(data=st.data())
def test_float32_values_are_their_shortest_decimals(
    name: str, data: st.DataObject
) -> None:
    # Every decimal of at most 6 significant digits is the shortest decimal
    # of its nearest float32 (float32 tells 6 digits apart).
    r = np.array(data.draw(st.lists(_short(6, 2), min_size=3, max_size=3)))
    h = np.array(data.draw(st.lists(_short(6, 4), min_size=3, max_size=3)))
    n = np.array(data.draw(st.lists(_short(6, 6), min_size=3, max_size=3)))
    f = np.array(data.draw(st.lists(_short(6, 0), min_size=3, max_size=3)))
    _compare(_CASES[name], [r, h, n, f], np.float32)


@pytest.mark.parametrize(
    "name", ["sum_counts", "pooled_rate_population", "rate_change"]
)
@given(data=st.data())
def test_float16_values_are_their_shortest_decimals(
    name: str, data: st.DataObject
) -> None:
    # float16 tells 3 significant digits apart.
    r = np.array(data.draw(st.lists(_short(3, 2), min_size=3, max_size=3)))
    h = np.array(data.draw(st.lists(_short(3, 3), min_size=3, max_size=3)))
    n = np.array(data.draw(st.lists(_short(3, 4), min_size=3, max_size=3)))
    f = np.array(data.draw(st.lists(_short(3, 0), min_size=3, max_size=3)))
    _compare(_CASES[name], [r, h, n, f], np.float16)


def test_float32_counts_sum_as_their_figures() -> None:
    # 0.1 + 0.2 thousand poor among 1 + 2 thousand people: 0.3 / 3 = 0.1
    # exactly. Read as the binary values 0.10000000149011612 and
    # 0.20000000298023224, the rate would be 0.10000000149011612.
    h = np.array([0.1, 0.2], dtype=np.float32)
    n = np.array([1.0, 2.0], dtype=np.float32)
    p = pooled_rate(h, population=n, unit="fraction")
    assert float(p.rate) == 0.1
    assert float(p.headcount) == 0.3
    assert float(sum_counts(h).total) == 0.3
    # 4.26 % and 4.37 % as float32 (4.2600002 and 4.3699999 in binary):
    # a change of -0.11 points exactly.
    c = rate_change(np.float32(4.37), np.float32(4.26), unit="percent")
    assert float(c.points) == -0.11
