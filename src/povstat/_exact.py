"""Sums of unit-level values that do not depend on the order of the units.

A float64 sum depends on the order of its terms: ``0.1 + 0.1 + 1.3`` and
``0.1 + 1.3 + 0.1`` differ in the last bit, and a ratio of such sums that
should be 12.5 can come out 12.499999999999998 in one order and 12.5 in
another, which rounds half up to 12 or 13. Results must not depend on row
order, so the unit-level sums of the survey estimates are taken in integer
arithmetic, which is associative.

Every value is split at fixed bit positions below the largest magnitude in
its group into integer limbs of ``b`` bits each: the first limb holds the
highest ``b`` bits below that magnitude's power of two, the next the
following ``b``, and so on. A limb is an integer
below ``2**b`` held exactly in a float64, and ``b`` is chosen from the
largest group (``b = 53 - bit_length(largest group)``), so a group's sum of
limbs is an exact integer below 2**53 in any order: ten-unit PSUs get 49-bit
limbs, a domain of a million units 33-bit limbs. The limbs' totals are then
combined in a fixed order. Bits below the last limb are cut off, value by
value, before any sum: the result is the same for every order of the units.
Terms of both signs keep ``_PRECISION`` = 96 bits under the group's largest
magnitude (an error of at most n * 2**-95 of it); terms of one sign, which
cannot cancel, keep enough for an error below 2**-56 of the sum (see
:func:`_precision`): two limbs for ten-unit PSUs, three for a domain of a
million units. Either is far below float64's own rounding of the result.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: Bits kept below the largest magnitude.
_PRECISION = 96


def _precision(largest: int, *, signed: bool) -> int:
    """Bits to keep below a group's largest magnitude.

    Terms of one sign do not cancel: a group's sum is at least half of
    ``2**exponent``, so cutting each of at most `largest` terms below
    ``2**(exponent - p)`` errs by under ``largest * 2**(1 - p)`` of the sum,
    and ``p = 57 + bit_length(largest)`` keeps that below 2**-56, an eighth
    of float64's last place. Terms of both signs may cancel to a sum far
    below the largest term: then all :data:`_PRECISION` bits are kept.
    """
    return _PRECISION if signed else 57 + int(largest).bit_length()


def group_sum(
    codes: NDArray[np.intp],
    x: NDArray[np.float64],
    k: int,
    *,
    largest: int | None = None,
) -> NDArray[np.float64]:
    """Sum of `x` in each of `k` groups (`codes` in 0..k-1), order-free.

    `largest` is the number of rows of the largest group, if the caller
    knows it (else it is counted). NaN and infinite values propagate as in a
    float64 sum (a group holding NaN, or +inf and -inf, is NaN; +inf alone
    is +inf), whatever the order.
    """
    if x.size == 0:
        return np.zeros(k)
    hi, lo = float(np.max(x)), float(np.min(x))  # no temporary arrays
    top = max(hi, -lo)
    if not np.isfinite(top):  # NaN or an infinity somewhere: set them apart
        bad = ~np.isfinite(x)
        out = group_sum(codes[~bad], x[~bad], k)
        # inf + (-inf) and anything + NaN are NaN in any order.
        return out + np.bincount(codes[bad], weights=x[bad], minlength=k)
    if top == 0.0:
        return np.zeros(k)
    if largest is None:
        largest = int(np.bincount(codes, minlength=k).max())
    bits = 53 - int(largest).bit_length()  # largest * 2**bits < 2**53
    limbs = -(-_precision(largest, signed=lo < 0.0) // bits)
    # Each group's limbs start below its own largest magnitude, so that a
    # group of tiny terms keeps its precision next to a group of large ones.
    group_top = np.zeros(k)
    np.maximum.at(group_top, codes, np.abs(x) if lo < 0.0 else x)
    _, exponent = np.frexp(group_top)  # group_top < 2**exponent
    shift = bits - exponent
    # Scaled by a power of two (exact): |y| < 2**bits. Each trunc takes an
    # integer limb; subtracting it and scaling by 2**bits is exact too.
    if int(shift.max()) < 1000:  # 2**shift is a float64: one multiply
        y = x * np.ldexp(1.0, shift)[codes]
    else:  # a group of values below 1e-290: ldexp row by row
        y = np.ldexp(x, shift[codes])
    limb = np.empty_like(y)
    parts = []
    for j in range(limbs):  # two to four limbs, not a loop over rows or groups
        np.trunc(y, out=limb)
        parts.append(np.bincount(codes, weights=limb, minlength=k))
        if j < limbs - 1:
            y -= limb
            y *= 2.0**bits
    # Smallest limb first, in a fixed order: the same rounding every time.
    total = np.zeros(k)
    for j in reversed(range(limbs)):
        total = total + np.ldexp(parts[j], exponent - bits * (j + 1))
    return total
