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

import math
from fractions import Fraction
from typing import Any

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
    return _group_sum(codes, x, k, largest=largest, pair=False)[0]


def group_sum_pair(
    codes: NDArray[np.intp],
    x: NDArray[np.float64],
    k: int,
    *,
    largest: int | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """:func:`group_sum` as a pair ``hi + lo`` (``hi`` the float64 sum).

    Both signs keep :data:`_PRECISION` bits below the group's largest
    magnitude, and the limbs' totals are added in double-double arithmetic
    (Knuth's two-sum): ``hi + lo`` is the sum of the values cut 96 bits below
    the largest, within about 2**-104 of it, the same in every order. A
    ratio of such sums (:func:`scaled_ratio`) then rounds as the ratio of
    the exact sums of the float64 values does: 3.92 + 5.04 is 8.96 in
    float64, 8.96 minus 9e-16 exactly, and 5.04 / (3.92 + 5.04) is 56.25 %
    plus 6e-16, not the 56.25 % minus 5e-16 of 5.04 / 8.96. NaN and
    infinite values go to ``hi`` (``lo`` is 0 there).
    """
    hi, lo = _group_sum(codes, x, k, largest=largest, pair=True)
    return hi, lo


def _two_sum(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Knuth's two-sum: ``a + b = s + e`` exactly, `s` the float64 sum."""
    s = a + b
    with np.errstate(invalid="ignore"):  # an overflow to inf: no error part
        bb = s - a
        e = (a - (s - bb)) + (b - bb)
    return s, np.where(np.isfinite(s), e, 0.0)


def _group_sum(
    codes: NDArray[np.intp],
    x: NDArray[np.float64],
    k: int,
    *,
    largest: int | None,
    pair: bool,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """:func:`group_sum` (``lo`` zero) or :func:`group_sum_pair`."""
    if x.size == 0:
        return np.zeros(k), np.zeros(k)
    hi, lo = float(np.max(x)), float(np.min(x))  # no temporary arrays
    top = max(hi, -lo)
    if not np.isfinite(top):  # NaN or an infinity somewhere: set them apart
        bad = ~np.isfinite(x)
        out, out_lo = _group_sum(codes[~bad], x[~bad], k, largest=None, pair=pair)
        # inf + (-inf) and anything + NaN are NaN in any order.
        return out + np.bincount(codes[bad], weights=x[bad], minlength=k), out_lo
    if top == 0.0:
        return np.zeros(k), np.zeros(k)
    if largest is None:
        largest = int(np.bincount(codes, minlength=k).max())
    bits = 53 - int(largest).bit_length()  # largest * 2**bits < 2**53
    precision = _PRECISION if pair else _precision(largest, signed=lo < 0.0)
    limbs = -(-precision // bits)
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
    low = np.zeros(k)
    for j in reversed(range(limbs)):
        term = np.ldexp(parts[j], exponent - bits * (j + 1))
        if pair:  # double-double: the rounding error of each sum is kept
            total, err = _two_sum(total, term)
            total, low = _two_sum(total, low + err)
        else:
            total = total + term
    return total, low


#: Veltkamp's splitter for float64: 2**27 + 1.
_SPLITTER = 134217729.0


class _Arithmetic:
    """Elementwise ``*``, ``-`` and ``+`` through Python's operators.

    The operands may be numpy arrays and numbers or an engine's column
    expressions (narwhals): :func:`_product_error` is written once over
    these three operations. `out` names a buffer the result may be written
    into; here it is ignored (a new value each time).
    """

    def mul(self, a: Any, b: Any, out: Any = None) -> Any:
        return a * b

    def sub(self, a: Any, b: Any, out: Any = None) -> Any:
        return a - b

    def add(self, a: Any, b: Any, out: Any = None) -> Any:
        return a + b


class _InPlace(_Arithmetic):
    """:class:`_Arithmetic` on numpy arrays, writing into `out` when given.

    The same roundings as the operators (each step is one IEEE operation
    either way), with no temporary array per step: for the products of
    long columns of weights and terms (the operands of one shape).
    """

    def mul(self, a: Any, b: Any, out: Any = None) -> Any:
        return np.multiply(a, b, out=out)

    def sub(self, a: Any, b: Any, out: Any = None) -> Any:
        return np.subtract(a, b, out=out)

    def add(self, a: Any, b: Any, out: Any = None) -> Any:
        return np.add(a, b, out=out)


#: Arithmetic through the operators: arrays, numbers, engine expressions.
OPERATORS = _Arithmetic()
#: numpy arithmetic into buffers, for operands of one shape.
IN_PLACE = _InPlace()


def _split(a: Any, ar: _Arithmetic = OPERATORS) -> tuple[Any, Any]:
    """Veltkamp's split: ``a = hi + lo`` exactly, each of at most 26 bits.

    ``t = a (2**27 + 1)``, ``hi = t - (t - a)``, ``lo = a - hi``.
    """
    t = ar.mul(a, _SPLITTER)
    lo = ar.sub(t, a)
    hi = ar.sub(t, lo, out=t)
    return hi, ar.sub(a, hi, out=lo)


def _product_error(a: Any, b: Any, p: Any, ar: _Arithmetic = OPERATORS) -> Any:
    """What the float64 product ``p = a * b`` lost: ``a * b = p + e`` exactly.

    Dekker's product with Veltkamp's splits, ``e = ((ah bh - p) + ah bl +
    al bh) + al bl``: the one place this formula is written, for numpy
    arrays and numbers, for an engine's column expressions (`ar` is
    :data:`OPERATORS`) and for long numpy columns in place (`ar` is
    :data:`IN_PLACE`, `a` and `b` of one shape). Exact where no step
    leaves float64's range and the error is not subnormal.

    References
    ----------
    Dekker, T. J. (1971). A floating-point technique for extending the
    available precision. Numerische Mathematik, 18(3), 224-242.
    """
    ah, al = _split(a, ar)
    bh, bl = _split(b, ar)
    e = ar.mul(ah, bh)
    e = ar.sub(e, p, out=e)
    # Each buffer is written over at its operand's last use.
    e = ar.add(e, ar.mul(ah, bl, out=ah), out=e)
    e = ar.add(e, ar.mul(al, bh, out=bh), out=e)
    return ar.add(e, ar.mul(al, bl, out=bl), out=e)


def _two_product(
    a: NDArray[np.float64], b: NDArray[np.float64] | float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Dekker's product: ``a * b = p + e`` exactly, `p` the float64 product."""
    b = np.asarray(b, np.float64)
    p = a * b
    return p, _product_error(a, b, p)


def scaled_ratio(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64] | float,
    *,
    num_lo: NDArray[np.float64] | float = 0.0,
    den_lo: NDArray[np.float64] | float = 0.0,
) -> NDArray[np.float64]:
    """``num * scale / den``, rounded as the exact value is (arrays broadcast).

    A float64 product rounds before the division: ``5.04 * 100 / 8.96`` is
    56.24999999999999, while the exact value of those float64 inputs is
    56.25 plus 6e-16, which rounds half up to 56.3 at one decimal, not 56.2.
    Here the product is kept exactly as ``p + e`` (Dekker's product, with
    Veltkamp's split), the quotient ``x0 = p / den`` is corrected by the
    exact remainder ``p - x0 * den`` (Dekker's product again) plus `e`,
    divided by `den`: ``x = x0 + ((p - x0 * den) + e) / den``. The
    correction's own error is near 2**-100 of the result, so `x` is the
    float64 nearest the exact value (correctly rounded) unless that value
    lies within about 2**-100 of a midpoint between two float64 values, and
    always one of the two float64 values around it (faithfully rounded):
    never on the wrong side of a decimal tie that float64 holds, such as
    56.25. Values beyond about 2**±900 are first scaled by a common power
    of two (exact), so that the split does not overflow; a ratio too small
    for a normal float64 (below about 2**-1000) may lose that guarantee.
    NaN and infinite results are those of ``num * scale / den``. With
    `num_lo` and `den_lo` (the low parts of :func:`group_sum_pair`), the
    exact value is that of ``(num + num_lo) * scale / (den + den_lo)``.

    References
    ----------
    Dekker, T. J. (1971). A floating-point technique for extending the
    available precision. Numerische Mathematik, 18(3), 224-242.
    """
    num, den, nl, dl = np.broadcast_arrays(
        np.asarray(num, np.float64),
        np.asarray(den, np.float64),
        np.asarray(num_lo, np.float64),
        np.asarray(den_lo, np.float64),
    )
    with np.errstate(all="ignore"):
        plain = num * scale / den
        _, exponent = np.frexp(np.maximum(np.abs(num), np.abs(den)))
        shift = exponent - np.clip(exponent, -900, 900)  # 0 in the usual range
        a = np.ldexp(num, -shift)
        b = np.ldexp(den, -shift)
        p, e = _two_product(a, scale)
        e = e + np.ldexp(nl, -shift) * scale
        x0 = p / b
        q, f = _two_product(x0, b)
        # p - q is exact (Sterbenz); the low part of the denominator enters
        # as x0 * den_lo, far below x0 * den.
        r = (((p - q) - f) + e) - x0 * np.ldexp(dl, -shift)
        x = x0 + r / b
    return np.asarray(np.where(np.isfinite(x), x, plain), np.float64)


#: Powers of ten held exactly in float64: 10**0 .. 10**22.
_POW10 = 10.0 ** np.arange(23)
#: Significant digits a float64 tells apart from its neighbours' decimals.
_DIGITS = 15


def _exponent10(a: NDArray[np.float64]) -> NDArray[np.float64]:
    """``floor(log10(a))`` of each ``a > 0``, right next to a power of ten.

    ``log10(999999999999999.0)`` rounds up to 15.0: where the power of ten
    of that exponent (within float64's exact 1e-22..1e22, the nearest
    float64 for negative exponents) is above `a`, the exponent is one less.
    NaN, 0 and infinities give NaN or infinities, as ``log10`` does.
    """
    with np.errstate(all="ignore"):
        e = np.floor(np.log10(a))
        near = np.isfinite(e) & (np.abs(e) <= 22)
        j = np.where(near, e, 0.0).astype(np.int64)
        power = np.where(j >= 0, _POW10[np.abs(j)], 1.0 / _POW10[np.abs(j)])
        return np.asarray(np.where(near & (a < power), e - 1.0, e), np.float64)


def _decimal_parts(
    x: NDArray[np.float64], *, strip: bool = False
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.bool_]]:
    """``|x| = m * 10**-k`` for the decimal of at most 15 digits `x` stands for.

    Returns ``(m, k, ok)``: `m` an integer below 2**53 (held exactly; its
    trailing zeros stripped if `strip`), `k` an exponent, and `ok` where
    `x` is the
    float64 nearest to such a decimal (round trip) with ``10**|k|`` exact
    (``|x|`` from about 1e-8 to 1e36) or is 0. Elsewhere (NaN, infinite,
    sixteen or more digits) `ok` is False and `m`, `k` are meaningless.
    """
    a = np.abs(x)
    with np.errstate(all="ignore"):
        # 15 digits: m = rint(a * 10**k), k = 14 - floor(log10(a)); NaN, 0
        # and infinities give k = ±inf or NaN, which do not fit.
        kf = (_DIGITS - 1) - _exponent10(a)
        fits = np.abs(kf) <= 22
        if not fits.all():
            kf = np.where(fits, kf, 0.0)
        k = kf.astype(np.int64)
        if float(kf.min(initial=0.0)) >= 0.0:  # |a| below 1e15 (the usual)
            p = _POW10.take(k)
            m = np.rint(a * p)
            back = m / p
        else:
            p = _POW10.take(np.abs(k))
            up = k >= 0
            m = np.rint(np.where(up, a * p, a / p))
            back = np.where(up, m / p, m * p)
        ok = fits & (back == a) & (m < 2.0**53)
        if strip:
            # Trailing zeros stripped (four fixed steps, not a loop over
            # rows): 4.26 is 426 * 10**-2, so that figures of different
            # magnitudes share decimal places within int64.
            for j in (8, 4, 2, 1):
                z = ok & (m != 0) & (np.fmod(m, _POW10[j]) == 0)
                m = np.where(z, m / _POW10[j], m)
                k = np.where(z, k - j, k)
        # 0 does not fit above: m = rint(0 * 10**0) = 0, k = 0 already.
        zero = a == 0
    return m, k, ok | zero


def _decimal_parts_exact(
    x: NDArray[np.float64], *, strip: bool = False
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.bool_]]:
    """:func:`_decimal_parts` in its plain form (for :func:`_decimal_ratio_exact`).

    ``|x| = m * 10**-k`` for the decimal of at most 15 digits `x` stands for.

    Returns ``(m, k, ok)``: `m` an integer below 2**53 (held exactly; its
    trailing zeros stripped if `strip`), `k` an exponent, and `ok` where
    `x` is the
    float64 nearest to such a decimal (round trip) with ``10**|k|`` exact
    (``|x|`` from about 1e-8 to 1e36) or is 0. Elsewhere (NaN, infinite,
    sixteen or more digits) `ok` is False and `m`, `k` are meaningless.
    """
    a = np.abs(x)
    with np.errstate(all="ignore"):
        e = _exponent10(a)
        e = np.where(np.isfinite(e), e, 0.0)
        k = (_DIGITS - 1 - e).astype(np.int64)
        fits = np.abs(k) <= 22
        k = np.where(fits, k, 0)
        p = _POW10[np.abs(k)]
        up = k >= 0
        m = np.rint(np.where(up, a * p, a / p))
        back = np.where(up, m / p, m * p)
        ok = fits & (back == a) & (m < 2.0**53)
        if strip:
            # Trailing zeros stripped (four fixed steps, not a loop over
            # rows): 4.26 is 426 * 10**-2, so that figures of different
            # magnitudes share decimal places within int64.
            for j in (8, 4, 2, 1):
                z = ok & (m != 0) & (np.fmod(m, _POW10[j]) == 0)
                m = np.where(z, m / _POW10[j], m)
                k = np.where(z, k - j, k)
        zero = a == 0
        m = np.where(zero, 0.0, m)
        k = np.where(zero, 0, k)
    return m, k, ok | zero


def _decimal_ratio_exact(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """:func:`decimal_ratio`, every step on every element (the reference).

    :func:`decimal_ratio` runs the same floating-point operations on the
    elements that need them and skips those that leave a value unchanged;
    this is the plain form it is tested against, element for element.
    """
    num, den, sc = (
        np.asarray(num, np.float64),
        np.asarray(den, np.float64),
        np.asarray(scale, np.float64),
    )
    # Each input's decimal parts on its own shape (a constant 100 once).
    mn, kn, okn = _decimal_parts_exact(num)
    md, kd, okd = _decimal_parts_exact(den)
    ms, ks, oks = _decimal_parts_exact(sc)
    own = (num, den, sc)
    num, den, sc = np.broadcast_arrays(num, den, sc)
    with np.errstate(all="ignore"):
        # A numerator near float64's largest value is scaled down by a power
        # of two (exact) first, so that a result near that value (100 % of
        # 1.7e308) keeps the split in scaled_ratio finite.
        _, top = np.frexp(num)
        shift = np.maximum(top - 900, 0)
        binary = np.ldexp(scaled_ratio(np.ldexp(num, -shift), den, sc), shift)
    # num * scale / den = (mn * ms / md) * 10**E, E = kd - kn - ks.
    e = kd - kn - ks
    usable = okn & okd & oks & (md != 0)
    far = usable & (np.abs(e) > 22)
    if np.any(far):
        # Exponents too far apart for one exact power of ten: the parts
        # again, trailing zeros stripped (4.26 is 426 * 10**-2), taken by
        # those elements alone, so that no element's reading depends on
        # the others'.
        sn, skn, sokn = _decimal_parts_exact(own[0], strip=True)
        sd, skd, sokd = _decimal_parts_exact(own[1], strip=True)
        ss, sks, soks = _decimal_parts_exact(own[2], strip=True)
        mn, md, ms = (
            np.where(far, stripped, plain)
            for stripped, plain in ((sn, mn), (sd, md), (ss, ms))
        )
        e = np.where(far, skd - skn - sks, e)
        usable = np.where(far, sokn & sokd & soks & (sd != 0), usable)
    ok = usable & (np.abs(e) <= 22)
    # Short decimals whose places are still too far apart for one exact
    # power of ten (0.00384855 * 0.00384855 / 5e7: E = -23) are rare:
    # those elements alone are taken in Python integers, whose true
    # division is rounded once to the nearest float64.
    rare = np.flatnonzero(np.ravel(usable & ~ok))
    if not ok.any() and rare.size == 0:
        return _mixed_readings(
            num, den, sc, (okn, okd, oks), np.array(binary, np.float64)
        )
    e_ok = np.where(ok, e, 0)
    p = _POW10[np.abs(e_ok)]
    with np.errstate(all="ignore"):
        # 10**E joins the numerator or the denominator as an exact
        # double-double product (each factor below 2**53, 10**22 exact).
        n_hi, n_lo = _two_product(mn, np.where(e_ok > 0, p, 1.0))
        d_hi, d_lo = _two_product(md, np.where(e_ok < 0, p, 1.0))
        exact = scaled_ratio(n_hi, d_hi, ms, num_lo=n_lo, den_lo=d_lo)
        sign = np.sign(num) * np.sign(den) * np.sign(sc)
    out = np.array(np.where(ok, np.copysign(exact, sign), binary), np.float64)
    out = _mixed_readings(num, den, sc, (okn, okd, oks), out)
    if rare.size:
        parts = np.broadcast_arrays(mn, md, ms, e, sign)
        flat = out.reshape(-1)
        m_n, m_d, m_s, ee, sg = (np.ravel(a)[rare] for a in parts)
        flat[rare] = [
            _integer_ratio(int(a) * int(c), int(b), int(k), float(g))
            for a, b, c, k, g in zip(m_n, m_d, m_s, ee, sg, strict=True)
        ]
    return out


def _integer_ratio(num: int, den: int, e: int, sign: float) -> float:
    """``num / den * 10**e`` rounded once to float64, with `sign`.

    Python's true division of integers is correctly rounded (to a
    subnormal too); a quotient beyond float64's range is infinite.
    """
    n, d = (num * 10**e, den) if e >= 0 else (num, den * 10**-e)
    try:
        q = n / d
    except OverflowError:
        q = math.inf
    return math.copysign(q, sign)


def _scaled_ratio_fast(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64],
    *,
    num_lo: NDArray[np.float64] | None = None,
    den_lo: NDArray[np.float64] | None = None,
) -> NDArray[np.float64] | None:
    """:func:`scaled_ratio` where no power-of-two scaling is needed, else None.

    Where every ``max(|num|, |den|)`` is 0, NaN or between 2**-899 and
    2**899, the scaling of :func:`scaled_ratio` is by 2**0: skipped, the
    remaining floating-point operations are the same, in the same order, so
    the result is the same to the bit. Without low parts, adding their
    zeros changes at most the sign of a zero correction, which leaves
    ``x0 + r / den`` unchanged where ``x0`` is nonzero; elements where
    ``x0`` is 0 or the result is not finite are taken by
    :func:`scaled_ratio` itself.
    """
    with np.errstate(all="ignore"):
        mx = np.maximum(np.abs(num), np.abs(den))
        top = float(np.fmax.reduce(mx, axis=None)) if mx.size else 0.0
        if not top < 2.0**899 or bool(np.any((mx > 0.0) & (mx < 2.0**-899))):
            return None
        p, e = _two_product(num, scale)
        if num_lo is not None:
            e = e + num_lo * scale
        x0 = p / den
        q, f = _two_product(x0, den)
        r = ((p - q) - f) + e
        if den_lo is not None:
            r = r - x0 * den_lo
        x = np.asarray(x0 + r / den, np.float64)
        redo = ~np.isfinite(x) | (x0 == 0.0)
    if redo.any():
        zero = np.zeros(())
        parts = np.broadcast_arrays(
            num,
            den,
            np.asarray(scale, np.float64),
            zero if num_lo is None else num_lo,
            zero if den_lo is None else den_lo,
            x,
        )
        n, d, s, nl, dl, _ = (a[redo] for a in parts)
        with np.errstate(all="ignore"):
            missing = np.isnan(n) | np.isnan(d) | np.isnan(s)
            if missing.all():
                # A NaN input makes p or x0, hence every later step of
                # scaled_ratio, NaN (ldexp keeps a NaN): it returns its
                # ``plain``, ``num * scale / den``, the same operations as
                # here. Missing values are the usual reason to redo.
                x[redo] = n * s / d
            else:
                x[redo] = scaled_ratio(n, d, s, num_lo=nl, den_lo=dl)
    return x


def _binary_ratio(
    num: NDArray[np.float64], den: NDArray[np.float64], sc: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The binary reading of :func:`decimal_ratio` (numerators near 2**1024 scaled)."""
    fast = _scaled_ratio_fast(num, den, sc)
    if fast is not None:  # every |num| below 2**899: no scaling either
        return fast
    with np.errstate(all="ignore"):
        _, top = np.frexp(num)
        shift = np.maximum(top - 900, 0)
        return np.asarray(
            np.ldexp(scaled_ratio(np.ldexp(num, -shift), den, sc), shift), np.float64
        )


def _decimal_reading(
    mn: NDArray[np.float64],
    md: NDArray[np.float64],
    ms: NDArray[np.float64],
    e: NDArray[np.int64],
    sign: NDArray[np.float64],
) -> NDArray[np.float64]:
    """``mn * ms / md * 10**e`` (each part exact), rounded once, with `sign`."""
    p = _POW10[np.abs(e)]
    with np.errstate(all="ignore"):
        # 10**E joins the numerator or the denominator as an exact
        # double-double product (each factor below 2**53, 10**22 exact).
        n_hi, n_lo = _two_product(mn, np.where(e > 0, p, 1.0))
        d_hi, d_lo = _two_product(md, np.where(e < 0, p, 1.0))
        exact = _scaled_ratio_fast(n_hi, d_hi, ms, num_lo=n_lo, den_lo=d_lo)
        if exact is None:
            exact = scaled_ratio(n_hi, d_hi, ms, num_lo=n_lo, den_lo=d_lo)
    return np.asarray(np.copysign(exact, sign), np.float64)


#: Elements per chunk of :func:`decimal_ratio`: 128 KiB per float64 array.
_CHUNK = 16384


def _full(x: NDArray[np.float64], shape: tuple[int, ...]) -> NDArray[np.float64]:
    """`x` broadcast to `shape`, as a new writable array where it is smaller."""
    if x.shape == shape:
        return x
    return np.array(np.broadcast_to(x, shape), np.float64)


#: Keeps the sign, the exponent and the top 25 stored bits: a float64 cut
#: to 26 significant bits (the rest, ``x - hi``, has at most 27).
_HIGH26 = np.int64(-(1 << 27))
#: Magnitudes whose 15-digit decimal has k = 0..22 places (``10**k`` exact).
_LOWEST, _HIGHEST = 2.0**-26, 1e15
#: An element is proven where ``y + w * _MARGIN`` still rounds to ``y``.
_MARGIN = 1.0 + 2.0**-12


def _scale_table() -> NDArray[np.float64]:
    """``10**(14 - e)`` by the 12 top bits of a float64 (sign and exponent).

    `e` is the decimal exponent of the bottom of the binade, ``2**b``; a
    value of the binade has the exponent `e` or ``e + 1`` (a binade spans
    less than a decade), so that ``|x| * 10**(14 - e)`` lies in
    ``[1e14, 2e15)``. NaN where ``14 - e`` is outside 0..22.
    """
    table = np.full(4096, np.nan)
    for b in range(-40, 60):  # the binades of 2**-26 .. 1e15, and a few more
        bottom = Fraction(2) ** b
        e = math.floor(b * math.log10(2.0))
        e += (Fraction(10) ** (e + 1) <= bottom) - (Fraction(10) ** e > bottom)
        if 0 <= 14 - e <= 22:
            table[b + 1023] = table[b + 1023 + 2048] = 10.0 ** (14 - e)
    return table


_SCALES = _scale_table()


def _cut(x: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``x = hi + lo`` exactly, `hi` of 26 significant bits, `lo` of at most 27."""
    hi = np.bitwise_and(x.view(np.int64), _HIGH26).view(np.float64)
    return hi, x - hi


#: What :func:`_short_reading` returns: (short, 10**k, x 10**k, m).
_Reading = tuple[
    NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]
]


def _short_reading(x: NDArray[np.float64]) -> _Reading:
    """Where `x` is a decimal of at most 15 digits, with ``10**k``, ``x 10**k``, ``m``.

    For ``2**-26 <= |x| < 1e15`` this is the test of :func:`_decimal_parts`
    (the decimal ``m 10**-k`` of 15 digits that rounds back to `x`), with
    `k` from the binade (:func:`_scale_table`) instead of ``log10``: where
    ``|x| 10**k`` reaches 1e15, `m` has 16 digits and the decimal has 15
    only if `m` is a multiple of 10. ``|x| 10**k < 2**51``, so that `m`
    is the integer nearest ``|x| 10**k`` (exact) for a short decimal.
    """
    index = np.bitwise_and(np.right_shift(x.view(np.int64), 52), 4095)
    p = _SCALES.take(index)
    y = x * p
    m = np.rint(y)
    ok = m / p == x
    wide = np.abs(y) >= 1e15
    if np.any(wide & ok):
        tens = np.rint(m * 0.1) * 10.0 == m  # m * 0.1 is within 0.02 of m / 10
        ok &= tens | ~wide
    return ok, p, y, m


def _offset(
    x: NDArray[np.float64],
    lo: NDArray[np.float64],
    hi: NDArray[np.float64],
    p: NDArray[np.float64],
    y: NDArray[np.float64],
    m: NDArray[np.float64],
) -> NDArray[np.float64]:
    """``(m 10**-k - x) / x``: the relative offset of the decimal from `x`.

    `p`, `y`, `m` as :func:`_short_reading` returns them (``10**k``,
    ``x 10**k`` and its nearest integer), `lo` and `hi` the parts of `x`.

    ``m - x 10**k`` with `x` and ``10**k`` cut in two (:func:`_cut`): the
    high products are exact and the first difference too (Sterbenz); the
    low product ``x * p_lo`` errs by at most ``2**-78 |x 10**k|``.
    """
    ph, pl = _cut(p)
    t = m - hi * ph
    t -= lo * ph
    t -= x * pl
    t /= y
    return t


def _read_offset(
    short: NDArray[np.bool_], offset: NDArray[np.float64]
) -> NDArray[np.float64]:
    """An input's offset where it reads as its decimal, 0 where as binary."""
    if short.all():  # every element short (published figures): no copy
        return offset
    return np.asarray(np.where(short, offset, 0.0), np.float64)


def _is_zero(x: NDArray[np.float64]) -> bool:
    """Whether `x` is a 0-d zero (a term that can be left out)."""
    return x.ndim == 0 and float(x) == 0.0


#: What :func:`_prepared` returns: (in 2**-26 .. 1e15, reading, parts).
_Prepared = tuple[bool, _Reading, tuple[NDArray[np.float64], NDArray[np.float64]]]


def _prepared(x: NDArray[np.float64]) -> _Prepared:
    """`x` read once: in range, :func:`_short_reading`, :func:`_cut`.

    In range: every value of `x` (NaN aside) in ``2**-26 .. 1e15``.
    """
    low = float(np.fmin.reduce(x, axis=None))
    high = float(np.fmax.reduce(x, axis=None))
    return (low >= _LOWEST and high < _HIGHEST), _short_reading(x), _cut(x)


def _proven_chunk(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    sc: NDArray[np.float64],
    out: NDArray[np.float64],
    fixed: tuple[_Prepared | None, ...] = (None, None, None),
) -> NDArray[np.intp]:
    """:func:`decimal_ratio` of one chunk where it is proven; the rest's indices.

    `fixed` holds :func:`_prepared` of the 0-d inputs, the same in every
    chunk (None for the others).

    The exact value is ``X = n s / d (1 + a_n)(1 + a_s) / (1 + a_d)``, each
    ``a`` the relative offset of an input's decimal (:func:`_offset`; 0
    where that input reads as its binary value: each input is read on its
    own). Dekker's product gives ``n s = p + e`` and the remainder
    ``r = p - q0 d`` of ``q0 = p / d`` (both with the inputs cut in two,
    :func:`_cut`, so that errors stay below ``2**-76`` of the value), and
    ``X = q0 + z`` with ``z = (r + e + p (a_n + a_s - a_d)) / d`` to
    within about ``2**-72 X``. ``y = q0 + z`` rounded, ``w = (q0 - y) +
    z``: where ``y + w (1 + 2**-12)`` rounds back to `y`, ``|X - y|`` is
    below half the gap to `y`'s neighbour on that side by far more than
    the error, so `y` is the float64 nearest `X`, the value the step by
    step path returns (correctly rounded there but within ``2**-100`` of a
    tie). With a denominator of 1 and a constant factor of at most 26
    bits, `z` is exact, and a binary reading is proven without a margin.
    Elsewhere (near a tie, a NaN, a zero, an input outside
    ``2**-26 .. 1e15``), the element is left to :func:`_decimal_ratio_steps`.
    Run under ``np.errstate(all="ignore")``.
    """
    inputs = (num, den, sc)
    known = [
        _prepared(x) if k is None else k for x, k in zip(inputs, fixed, strict=True)
    ]
    unusual = [x for x, (usual, _, _) in zip(inputs, known, strict=True) if not usual]
    readings = [reading for _, reading, _ in known]
    cuts = [cut for _, _, cut in known]
    # Each input is read on its own: as its decimal where it is short, as
    # its binary value (offset 0) where not. A constant whose decimal is
    # its binary value (100, 1) reads the same either way: left out, so
    # that computed values beside it take no offsets at all.
    ok = np.zeros((), np.bool_)
    for x, (hi, lo), reading in zip(inputs, cuts, readings, strict=True):
        if x.ndim == 0 and not (
            reading[0] and float(_offset(x, lo, hi, *reading[1:])) != 0.0
        ):
            continue
        ok = ok | reading[0]
    (nh, nl), (dh, dl), (sh, sl) = cuts
    p = num * sc
    e = nh * sh - p
    for a, b in ((nh, sl), (nl, sh), (nl, sl)):
        if not (_is_zero(a) or _is_zero(b)):
            e += a * b
    q0 = p / den
    qh, ql = _cut(q0)
    r = p - qh * dh
    for a, b in ((qh, dl), (ql, dh), (ql, dl)):
        if not (_is_zero(a) or _is_zero(b)):
            r -= a * b
    z = r + e
    count = int(np.count_nonzero(ok))
    # Where some input's decimal differs from its binary value (needed by
    # the exact case below only).
    exact_case = den.ndim == 0 and float(den) == 1.0 and (_is_zero(nl) or _is_zero(sl))
    moved: NDArray[np.bool_] | bool = False
    if count and 4 * count < ok.size:
        # Few decimal readings (computed values, or short decimals by
        # chance): each input's offset on its own short elements alone
        # (a 0-d input here reads as its binary value: see `ok`).
        if exact_case:
            moved = np.zeros(ok.shape, np.bool_)
        for k, (x, reading) in enumerate(zip(inputs, readings, strict=True)):
            if x.ndim == 0:
                continue
            at = np.flatnonzero(reading[0])
            if not at.size:
                continue
            # One gather, the reading redone on those few values (the
            # same elementwise steps, so the same values).
            xs = x[at]
            hs, ls = _cut(xs)
            off = _offset(xs, ls, hs, *_short_reading(xs)[1:])
            step = (p if p.ndim == 0 else p[at]) * off
            if k == 1:
                z[at] -= step
            else:
                z[at] += step
            if exact_case:
                moved[at] |= off != 0.0  # type: ignore[index]
    elif count:
        offsets = [
            _read_offset(reading[0], _offset(x, lo, hi, *reading[1:]))
            for x, (hi, lo), reading in zip(inputs, cuts, readings, strict=True)
        ]
        phi = offsets[0] + offsets[2]
        phi -= offsets[1]
        z += p * phi
        if exact_case:
            moved = (offsets[0] != 0.0) | (offsets[1] != 0.0) | (offsets[2] != 0.0)
    z /= den
    y = np.add(q0, z, out=out) if np.shape(z) == out.shape else q0 + z
    w = q0 - y
    w += z
    w *= _MARGIN
    w += y
    proven = w == y
    if exact_case:
        # A constant factor of 26 bits or fewer (100, 1000) and a
        # denominator of 1: the products of the parts are exact, r = 0 and
        # z = e is exact, so that y = q0 + e, rounded once, is the float64
        # nearest X, an exact tie (r * 100 is one in 32 times) included,
        # where every input reads as its binary value (or as a decimal
        # equal to it). The steps give the same: x0 + e.
        proven |= ~np.asarray(moved) & np.isfinite(y)
    for x in unusual:
        a = np.abs(x)
        proven &= (a >= _LOWEST) & (a < _HIGHEST)
    if y is not out:
        out[...] = y
    return np.flatnonzero(~np.broadcast_to(proven, out.shape))


def decimal_ratio(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """``num * scale / den`` for the decimals the inputs stand for, rounded once.

    Most elements are settled by :func:`_proven_chunk`, which proves that
    a float64 is the one nearest the exact value (or leaves the element);
    the elements it leaves, few, take :func:`_decimal_ratio_steps`, the
    same result to the bit as :func:`_decimal_ratio_exact`. An element
    with a NaN input is ``num * scale / den`` (NaN) on either path.
    Large inputs are taken in chunks of :data:`_CHUNK` elements, so that
    each step's temporary arrays stay small (in cache).
    """
    num, den, sc = (
        np.asarray(num, np.float64),
        np.asarray(den, np.float64),
        np.asarray(scale, np.float64),
    )
    shape = np.broadcast_shapes(num.shape, den.shape, sc.shape)
    size = int(np.prod(shape))
    # Chunks of the flattened inputs (a fixed number of steps, not a loop
    # over rows); an input of size 1 stays a 0-d array.
    flat = [
        a.reshape(()) if a.size == 1 else np.broadcast_to(a, shape).reshape(-1)
        for a in (num, den, sc)
    ]
    result = np.empty(size)
    left = []
    with np.errstate(all="ignore"):
        fixed = tuple(_prepared(a) if a.ndim == 0 else None for a in flat)
        for start in range(0, size, _CHUNK):
            part = [a if a.ndim == 0 else a[start : start + _CHUNK] for a in flat]
            stop = min(start + _CHUNK, size)
            undecided = _proven_chunk(
                part[0], part[1], part[2], result[start:stop], fixed
            )
            if undecided.size:
                left.append(undecided + start)
    if left:
        idx = np.concatenate(left)
        n, d, s = (a if a.ndim == 0 else a[idx] for a in flat)
        with np.errstate(all="ignore"):
            missing = np.broadcast_to(
                np.isnan(n) | np.isnan(d) | np.isnan(s), idx.shape
            )
            if missing.any():
                # A NaN input gives ``num * scale / den`` on every path.
                result[idx[missing]] = np.broadcast_to(n * s / d, idx.shape)[missing]
        rest = ~missing
        if rest.any():
            n, d, s = (a if a.ndim == 0 else a[rest] for a in (n, d, s))
            result[idx[rest]] = np.broadcast_to(
                _decimal_ratio_steps(n, d, s), (int(np.count_nonzero(rest)),)
            )
    return result.reshape(shape)


def _decimal_ratio_steps(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64] | float,
) -> NDArray[np.float64]:
    """:func:`decimal_ratio` step by step: the elements its fast path leaves.

    Each input is read as :func:`povstat.round_half_up` reads a figure: as
    the decimal of at most 15 significant digits it is the float64 nearest
    to (0.00035 stands for 0.00035, not for the binary value just below).
    The result is the float64 nearest to the exact value of the formula on
    those decimals, so that 0.00035 as a percent is 0.035 and 29 of 800 is
    3.625 %, ties that :func:`povstat.round_half_up` then rounds up, where
    ``0.00035 * 100`` is 0.034999999999999996 and ``29 / 800 * 100`` is
    3.6249999999999996. Where an input has sixteen or more significant
    digits (a computed value), or lies outside about 1e-8 to 1e36, its
    binary value is exact and it is read as that value, each input on its
    own: where all three read binary, the result is the float64 nearest to
    the formula on the binary values (:func:`scaled_ratio`); where a short
    decimal other than its binary value stands beside a binary value, the
    element is exact in Python fractions (:func:`_mixed_readings`). Put
    the bounded factor (a rate, 100) in `scale`: `num` and `den` may be
    near float64's largest value. NaN and infinities as in ``num * scale / den``.

    Each element runs only the reading it takes (the decimal one where all
    three inputs are short decimals, else the binary one, then the mixed
    one of :func:`_mixed_readings` where it differs), and the
    power-of-two scalings are skipped where they are by 2**0: the same
    floating-point operations as :func:`_decimal_ratio_exact` on every
    element, so the same result to the bit, at a fraction of the cost.
    Large inputs are taken in chunks of :data:`_CHUNK` elements, so that
    each step's temporary arrays stay small (in cache, and reused by the
    allocator rather than fresh pages each time).
    """
    num, den, sc = (
        np.asarray(num, np.float64),
        np.asarray(den, np.float64),
        np.asarray(scale, np.float64),
    )
    shape = np.broadcast_shapes(num.shape, den.shape, sc.shape)
    size = int(np.prod(shape))
    if size <= _CHUNK:
        out = _decimal_ratio_chunk(num, den, sc, shape)
        return _decimal_ratio_exact(num, den, sc) if out is None else out
    # Chunks of the flattened inputs (a fixed number of steps, not a loop
    # over rows); an input of size 1 stays a 0-d array.
    flat = [
        a.reshape(()) if a.size == 1 else np.broadcast_to(a, shape).reshape(-1)
        for a in (num, den, sc)
    ]
    result = np.empty(size)
    for start in range(0, size, _CHUNK):
        part = [a if a.ndim == 0 else a[start : start + _CHUNK] for a in flat]
        stop = min(start + _CHUNK, size)
        out = _decimal_ratio_chunk(part[0], part[1], part[2], (stop - start,))
        if out is None:
            # Stripped parts somewhere: the reference takes the whole
            # input (each element read on its own, as in every chunk).
            return _decimal_ratio_exact(num, den, sc)
        result[start:stop] = out
    return result.reshape(shape)


def _decimal_ratio_chunk(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    sc: NDArray[np.float64],
    shape: tuple[int, ...],
) -> NDArray[np.float64] | None:
    """:func:`decimal_ratio` of one chunk; None where parts need stripping."""
    mn, kn, okn = _decimal_parts(num)
    md, kd, okd = _decimal_parts(den)
    ms, ks, oks = _decimal_parts(sc)
    e = kd - kn - ks
    ok = okn & okd & oks & (md != 0)
    if np.any(ok & (np.abs(e) > 22)):
        return None  # parts with trailing zeros stripped (rare)
    ok = np.broadcast_to(ok, shape)
    n_ok = int(np.count_nonzero(ok))
    if n_ok == 0:
        return _mixed_readings(
            num, den, sc, (okn, okd, oks), _full(_binary_ratio(num, den, sc), shape)
        )
    with np.errstate(all="ignore"):
        sign = np.sign(num) * np.sign(den) * np.sign(sc)
    if n_ok == ok.size:
        out = _decimal_reading(mn, md, ms, e, sign)
        return _full(out, shape)
    out = np.empty(shape)
    parts = np.broadcast_arrays(mn, md, ms, e, sign)
    m_n, m_d, m_s, ee, sg = (a[ok] for a in parts)
    out[ok] = _decimal_reading(m_n, m_d, m_s, ee, sg)
    bad = ~ok
    nb, db, sb = (a[bad] for a in np.broadcast_arrays(num, den, sc))
    out[bad] = _binary_ratio(nb, db, sb)
    return _mixed_readings(num, den, sc, (okn, okd, oks), out)


def _mixed_readings(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    sc: NDArray[np.float64],
    short: tuple[NDArray[np.bool_], NDArray[np.bool_], NDArray[np.bool_]],
    out: NDArray[np.float64],
) -> NDArray[np.float64]:
    """`out` with the elements whose inputs read both ways set exactly.

    Where one input of an element is a short decimal (`short`, from
    :func:`_decimal_parts`) other than its binary value and another is not
    short (a computed value), each is read on its own: the first as its
    decimal, the second as its binary value. Those elements (the few the
    fast path of :func:`decimal_ratio` cannot prove, or every such
    element of the reference) are exact Python fractions, rounded once
    (to the nearest, ties to even). A zero denominator, NaN or infinity
    keeps the binary result.
    """
    # Each input's own elements whose decimal is not its binary value (a
    # constant such as 100 has none), before anything is broadcast.
    differs: list[NDArray[np.bool_]] = []
    for x, f in zip((num, den, sc), short, strict=True):
        constant = x.ndim == 0 and float(x).is_integer() and abs(float(x)) < 2**53
        if not f.any() or constant:
            continue  # no short value, or a constant such as 100
        own = np.asarray(f & (decimal_pair(x)[1] != 0))
        if own.any():
            differs.append(own)
    if not differs:
        return out
    inputs = np.broadcast_arrays(num, den, sc)
    flags = np.broadcast_arrays(*short)
    moved = np.zeros(out.shape, np.bool_)
    for own in differs:
        moved |= own
    with np.errstate(all="ignore"):
        finite = (
            np.isfinite(inputs[0]) & np.isfinite(inputs[1]) & np.isfinite(inputs[2])
        )
    every = flags[0] & flags[1] & flags[2]
    at = np.flatnonzero(moved & ~every & finite & (inputs[1] != 0))
    if not at.size:
        return out
    flat = out.reshape(-1)
    values = [np.ravel(x)[at].tolist() for x in inputs]
    reads = [np.ravel(f)[at].tolist() for f in flags]
    for j, i in enumerate(at.tolist()):
        n, d, c = (
            Fraction(repr(v[j])) if r[j] else Fraction(v[j])
            for v, r in zip(values, reads, strict=True)
        )
        flat[i] = _fraction_float(n * c / d)
    return out


def _fraction_float(x: Fraction) -> float:
    """`x` rounded once to float64 (an overflow is an infinity)."""
    try:
        return float(x)
    except OverflowError:
        return math.inf if x > 0 else -math.inf


def decimal_difference(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """``a - b`` for the decimals the inputs stand for, rounded once.

    Each input is read as in :func:`decimal_ratio` (the decimal of at most
    15 significant digits it is the float64 nearest to); the two are
    brought to common decimal places and subtracted in int64, and the exact
    difference is turned into the float64 nearest to it:
    73140917174220.2 - 70773596628439.3 is 2367320545780.9, where the float
    difference is 2367320545780.906. Returns ``(difference, exact)``;
    where `exact` is False (an input of sixteen or more digits, outside
    about 1e-8 to 1e36, NaN or infinite, or places too far apart for
    int64) the difference is the float64 ``a - b``. Differences of values
    of 1e23 or more, whose ``10**-top`` is not a float64, are converted
    from Python integers (rare elements only).
    """
    a, b = np.broadcast_arrays(np.asarray(a, np.float64), np.asarray(b, np.float64))
    ma, ka, oka = _decimal_parts(a, strip=True)
    mb, kb, okb = _decimal_parts(b, strip=True)
    top = np.maximum(ka, kb)
    ua, ub = top - ka, top - kb  # decimal shifts to the common places
    with np.errstate(all="ignore"):
        plain = np.asarray(a - b, np.float64)
        fits = (
            oka
            & okb
            & (top <= 22)
            & (ua <= 18)
            & (ub <= 18)
            & (ma * _POW10[np.clip(ua, 0, 22)] < 2.0**61)
            & (mb * _POW10[np.clip(ub, 0, 22)] < 2.0**61)
        )
        if not fits.any() and not (oka & okb).any():
            return plain, fits
        ten = 10 ** np.arange(19, dtype=np.int64)
        ia = np.where(fits, ma, 0).astype(np.int64) * ten[np.where(fits, ua, 0)]
        ib = np.where(fits, mb, 0).astype(np.int64) * ten[np.where(fits, ub, 0)]
        d = np.where(a < 0, -ia, ia) - np.where(b < 0, -ib, ib)  # exact, < 2**62
        hi = d.astype(np.float64)
        lo = (d - hi.astype(np.int64)).astype(np.float64)
        t = np.where(fits, top, 0)
        p = _POW10[np.clip(np.abs(t), 0, 22)]
        exact = np.array(
            scaled_ratio(
                hi, np.where(t >= 0, p, 1.0), np.where(t < 0, p, 1.0), num_lo=lo
            ),
            np.float64,
        )
    # Short decimals whose places are too far apart for int64 (1 next to
    # 1e23): rare, exact as Python fractions of their shortest reprs.
    apart = oka & okb & ~fits
    if apart.any():
        exact[apart] = [
            float(Fraction(repr(x)) - Fraction(repr(y)))
            for x, y in zip(a[apart].tolist(), b[apart].tolist(), strict=True)
        ]
        fits = fits | apart
    huge = t < -22
    if huge.any():
        # Values of 1e23 or more with few digits: 10**-t is not a float64.
        # Those rare elements are exact Python integers, converted once.
        exact[huge] = [
            float(int(n) * 10 ** int(-e))
            for n, e in zip(d[huge].tolist(), t[huge].tolist(), strict=True)
        ]
    return np.asarray(np.where(fits, exact, plain), np.float64), fits


def decimal_asymmetry(
    lower: NDArray[np.float64],
    upper: NDArray[np.float64],
    estimate: NDArray[np.float64],
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Whether ``|L + U - 2E|`` reaches four half-units, on the decimals exactly.

    Each input is read as in :func:`decimal_ratio` (the decimal of at most
    15 significant digits it is the float64 nearest to). The figures shown
    to at most 8 decimals are published ones: the most decimals any of them
    shows, `d`, fixes the half-unit ``0.5 * 10**-d`` (an integer such as
    1e16 shows 0 decimals; a figure with more than 8 is computed and fixes
    none). The sum ``L + U - 2E`` is taken in int64 at common decimal
    places (Python fractions for the rare elements whose places are too far
    apart) and compared with ``4 * 0.5 * 10**-d`` exactly.

    Returns ``(far, judged)``: `judged` where the three are short decimals
    and at least one is published; `far` where, there, the sum is at least
    four half-units. Elsewhere `far` is False and the caller judges.
    """
    lo, hi, est = np.broadcast_arrays(
        np.asarray(lower, np.float64),
        np.asarray(upper, np.float64),
        np.asarray(estimate, np.float64),
    )
    parts = [_decimal_parts(x, strip=True) for x in (lo, hi, est)]
    k = [np.where(ok, kx, 0) for _, kx, ok in parts]
    shown = [
        np.where(ok & (kx <= 8), np.maximum(kx, 0), -1)
        for (_, _, ok), kx in zip(parts, k, strict=True)
    ]
    d = np.maximum(np.maximum(shown[0], shown[1]), shown[2])
    judged = parts[0][2] & parts[1][2] & parts[2][2] & (d >= 0)
    top = np.maximum(np.maximum(np.maximum(k[0], k[1]), k[2]), d)
    shifts = [top - kx for kx in k]
    with np.errstate(all="ignore"):
        fits = judged.copy()
        for (m, _, _), s in zip(parts, shifts, strict=True):
            fits &= (s <= 18) & (m * _POW10[np.clip(s, 0, 22)] < 2.0**60)
        ten = 10 ** np.arange(19, dtype=np.int64)
        ints = [
            np.where(fits, m, 0).astype(np.int64) * ten[np.where(fits, s, 0)]
            for (m, _, _), s in zip(parts, shifts, strict=True)
        ]
        signed = [
            np.where(x < 0, -i, i) for x, i in zip((lo, hi, est), ints, strict=True)
        ]
        total = np.abs(signed[0] + signed[1] - 2 * signed[2])  # exact, < 2**62
        gap = np.where(fits, top - d, 0)
        far = np.array(fits & (gap <= 18) & (total >= 2 * ten[np.clip(gap, 0, 18)]))
    apart = judged & ~fits
    if apart.any():
        # Places too far apart for int64 (1e20 next to 0.5): rare, exact as
        # Python fractions of the shortest reprs (the 15-digit decimals).
        far[apart] = [
            abs(Fraction(repr(a)) + Fraction(repr(b)) - 2 * Fraction(repr(c)))
            >= Fraction(2, 10 ** int(p))
            for a, b, c, p in zip(
                lo[apart].tolist(),
                hi[apart].tolist(),
                est[apart].tolist(),
                d[apart].tolist(),
                strict=True,
            )
        ]
    return np.asarray(far, np.bool_), np.asarray(judged, np.bool_)


def decimal_pair(
    x: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The decimal `x` stands for, as a pair ``hi + lo`` (``hi`` is `x`).

    Each input is read as in :func:`decimal_ratio` (:func:`_decimal_parts`:
    the decimal ``m * 10**-k`` of at most 15 significant digits it is the
    float64 nearest to); ``lo`` is that decimal minus the float64, within
    about 2**-106 of `x`: 0.1 is 0.1 plus -5.55e-18. Where the input has
    sixteen or more digits, lies outside about 1e-8 to 1e36, or is not
    finite, its binary value is exact and ``lo`` is 0.
    """
    x = np.asarray(x, np.float64)
    m, k, ok = _decimal_parts(x)
    p = _POW10[np.clip(np.abs(k), 0, 22)]
    with np.errstate(all="ignore"):
        # k >= 0: m = |x| 10**k + t exactly, so t / 10**k is the low part
        # (m - q is exact: q is within a unit of m). k < 0: the decimal is
        # m 10**|k|, an exact pair whose rounded part is |x| itself.
        q, f = _two_product(np.abs(x), p)
        up = ((m - q) - f) / p
        _, down = _two_product(m, p)
        lo = np.where(k >= 0, up, down)
        lo = np.where(ok & np.isfinite(lo) & (x != 0), np.sign(x) * lo, 0.0)
    return x, np.asarray(lo, np.float64)


def _pair_product(
    a: NDArray[np.float64],
    a_lo: NDArray[np.float64],
    b: NDArray[np.float64],
    b_lo: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``(a + a_lo) * (b + b_lo)`` as a pair, within about 2**-104 of it."""
    with np.errstate(all="ignore"):
        p, e = _two_product(a, b)
        e = e + (a * b_lo + a_lo * b)
        return _two_sum(p, e)


def decimal_product_ratio(
    factors: tuple[NDArray[np.float64], ...],
    den: NDArray[np.float64],
    scale: float,
) -> NDArray[np.float64]:
    """The product of `factors` times `scale` over `den`, rounded once.

    :func:`decimal_ratio` for more than one factor in the numerator (a
    money total ``z P1 H / P0``): each input is read as there (the decimal
    of at most 15 significant digits it is the float64 nearest to,
    :func:`decimal_pair`), the factors are multiplied as pairs (Dekker's
    product) and the pair quotient is :func:`scaled_ratio` with low parts:
    the float64 nearest to the exact value unless that lies within about
    2**-100 of a midpoint between two float64 values. `scale` is an exact
    float64 (a power of ten, 100). NaN and infinities as in the plain
    product and quotient.
    """
    hi, lo = decimal_pair(factors[0])
    for f in factors[1:]:
        hi, lo = _pair_product(hi, lo, *decimal_pair(f))
    d, d_lo = decimal_pair(den)
    with np.errstate(all="ignore"):
        plain = factors[0] * scale
        for f in factors[1:]:
            plain = plain * f
        plain = plain / den
        out = scaled_ratio(
            np.where(np.isfinite(lo), hi, plain),
            d,
            scale,
            num_lo=np.where(np.isfinite(lo), lo, 0.0),
            den_lo=d_lo,
        )
    return np.asarray(np.where(np.isfinite(out), out, plain), np.float64)


def decimal_ratio_pair(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    scale: NDArray[np.float64] | float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """:func:`decimal_ratio` as a pair ``hi + lo``, for sums of such ratios.

    ``hi`` is :func:`decimal_ratio` itself (the float64 nearest to
    ``num * scale / den`` on the decimals the inputs stand for) and ``lo``
    the rest, ``(N - hi D) / D`` with ``N`` and ``D`` the exact pairs of
    the numerator and denominator (:func:`decimal_pair`, Dekker's
    product): ``hi + lo`` is within about 2**-100 of the exact value, so
    that a sum of such ratios (implied populations) can be rounded once
    (:func:`group_sum_pair` of each part). ``lo`` is 0 where ``hi`` is 0,
    NaN or infinite.
    """
    hi = decimal_ratio(num, den, scale)
    n, n_lo = decimal_pair(num)
    d, d_lo = decimal_pair(den)
    sc = np.asarray(scale, np.float64)
    with np.errstate(all="ignore"):
        a, a_lo = _pair_product(n, n_lo, sc, np.zeros(()))
        b, b_lo = _pair_product(hi, np.zeros(()), d, d_lo)
        # a - b is exact where hi is near a / d (Sterbenz).
        lo = ((a - b) + (a_lo - b_lo)) / d
        lo = np.where(np.isfinite(lo) & np.isfinite(hi) & (hi != 0), lo, 0.0)
    return hi, np.asarray(lo, np.float64)
