"""Sums of unit-level values that do not depend on the order of the units.

A float64 sum depends on the order of its terms: ``0.1 + 0.1 + 1.3`` and
``0.1 + 1.3 + 0.1`` differ in the last bit, and a ratio of such sums that
should be 12.5 can come out 12.499999999999998 in one order and 12.5 in
another, which rounds half up to 12 or 13. Results must not depend on row
order, so the unit-level sums of the survey estimates are taken in integer
arithmetic, which is associative.

Every value is split at fixed bit positions, relative to the largest
magnitude in its group, into ``_LIMBS`` integers of ``_BITS`` bits each
(the first limb holds the highest ``_BITS`` bits below that magnitude's
power of two, the next the following ones, ...). Each limb is an integer
below 2**26 held exactly in a float64, so a sum of up to 2**27 of them is
an exact integer below 2**53 whatever the order; longer arrays are summed in
blocks whose exact totals are added as Python integers. The limbs' totals
are then combined in a fixed order. Bits below the last limb
(``_LIMBS * _BITS`` = 78 bits under the group's largest magnitude) are
cut off, value by value, before any sum: the result is the same for every
order of the units, and its error against the exact sum is at most
n * 2**-77 of that magnitude (1e-15 relative for 10^8 positive values), about
what a float64 sum in one given order makes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

_BITS = 26
_LIMBS = 3
#: Rows per block: a limb total of a block is below 2**26 * 2**27 = 2**53.
_BLOCK = 2**27


def group_sum(
    codes: NDArray[np.intp], x: NDArray[np.float64], k: int
) -> NDArray[np.float64]:
    """Sum of `x` in each of `k` groups (`codes` in 0..k-1), order-free.

    NaN and infinite values propagate as in a float64 sum (a group holding
    NaN, or +inf and -inf, is NaN; +inf alone is +inf), whatever the order.
    """
    finite = np.isfinite(x)
    if not finite.all():
        bad = ~finite
        out = group_sum(codes[~bad], x[~bad], k)
        # inf + (-inf) and anything + NaN are NaN in any order.
        return out + np.bincount(codes[bad], weights=x[bad], minlength=k)
    if x.size == 0:
        return np.zeros(k)
    # Each group's limbs start at its own largest magnitude, so that a group
    # of small values keeps its precision next to a group of large ones.
    top = np.zeros(k)
    np.maximum.at(top, codes, np.abs(x))
    _, exponent = np.frexp(top)  # top < 2**exponent (0 for an empty group)
    # Scaled by a power of two (exact): |y| < 2**26. Each trunc takes an
    # integer limb; subtracting it and scaling by 2**26 is exact too.
    shift = _BITS - exponent
    if shift.max(initial=0) < 1000:  # 2**shift is a float64: multiply
        y = x * np.ldexp(1.0, shift)[codes]
    else:  # groups of values below 1e-292: ldexp row by row (slower)
        y = np.ldexp(x, shift[codes])
    limb = np.empty_like(y)
    parts = []
    for j in range(_LIMBS):  # three limbs, not a loop over rows or groups
        np.trunc(y, out=limb)
        parts.append(_limb_total(codes, limb, k))
        if j < _LIMBS - 1:
            y -= limb
            y *= 2.0**_BITS
    # Smallest limb first, in a fixed order: the same rounding every time.
    total = np.zeros(k)
    for j in reversed(range(_LIMBS)):
        total = total + np.ldexp(parts[j], exponent - _BITS * (j + 1))
    return total


def _limb_total(
    codes: NDArray[np.intp], limb: NDArray[np.float64], k: int
) -> NDArray[np.float64]:
    """Exact integer totals of one limb by group."""
    n = limb.shape[0]
    if n <= _BLOCK:
        return np.bincount(codes, weights=limb, minlength=k).astype(
            np.float64, copy=False
        )
    # Beyond 2**27 rows a float64 total could pass 2**53: add the exact
    # block totals (each below 2**53) as int64, exact up to 2**10 blocks
    # (1.4e11 rows); a loop over blocks of 2**27 rows.
    acc = np.zeros(k, dtype=np.int64)
    for start in range(0, n, _BLOCK):
        block = np.bincount(
            codes[start : start + _BLOCK],
            weights=limb[start : start + _BLOCK],
            minlength=k,
        )
        acc += block.astype(np.int64)
    return acc.astype(np.float64)
