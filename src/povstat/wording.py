"""Sentences that state a change correctly, in English and Indonesian.

Most published slips about poverty figures are slips of wording: a change of
0.11 percentage points written as "0.11 percent", a relative change given
without the levels it is relative to, a fall called significant when the
survey cannot tell it from noise. The writers here turn a change into the
sentence that says it right: the change in points (for a rate) or in the
figure's own unit (for a number of poor or a poverty line), both levels, the
relative change in percent, and, when a test of the change is given, whether
it is statistically significant. Numbers are rounded half up, as published
tables round (:func:`povstat.round_half_up`), and written in the number
format of the language (:func:`povstat.format_number`).
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import decimal_difference, decimal_ratio
from povstat._validate import Unit
from povstat.parsing import Locale, format_number
from povstat.uncertainty import ChangeTest
from povstat.units import round_half_up, to_percent

__all__ = ["describe_level_change", "describe_rate_change"]

_LOCALES: tuple[Locale, ...] = ("en", "id")

# Words per locale: fell / rose / did not change, the unit of a rate's
# change, "from X to Y", the relative change, and the test.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "fall": "fell",
        "rise": "rose",
        "same": "did not change",
        "points": "percentage points",
        "percent": " %",
        "from_to": "from {a} to {b}",
        "at": "at {a}",
        "relative": "(a {x} % relative {way})",
        "fall_noun": "fall",
        "rise_noun": "rise",
        "significant": "statistically significant at the {lv} % level",
        "not_significant": "not statistically significant at the {lv} % level",
        "untested": "significance unknown (the test is undefined)",
    },
    "id": {
        "fall": "turun",
        "rise": "naik",
        "same": "tidak berubah",
        "points": "poin persentase",
        "percent": " persen",
        "from_to": "dari {a} menjadi {b}",
        "at": "tetap {a}",
        "relative": "({way} {x} persen)",
        "fall_noun": "turun",
        "rise_noun": "naik",
        "significant": (
            "signifikan secara statistik pada tingkat kepercayaan {lv} persen"
        ),
        "not_significant": (
            "tidak signifikan secara statistik pada tingkat kepercayaan {lv} persen"
        ),
        "untested": "signifikansi tidak diketahui (uji tidak terdefinisi)",
    },
}


def _locale(value: object) -> Locale:
    return _validate.choice(value, "locale", _LOCALES)


def _number(x: float, decimals: int, locale: Locale) -> str:
    return str(format_number(x, locale=locale, decimals=decimals))


def _figure_text(x: float, decimals: int) -> str:
    """A number in a reason, in English: half up to `decimals`, grouped.

    The one formatter of the reasons of the statement checks and traces.
    NaN shows as "n/a", infinities as such, -0.0 as 0. A value asked for
    with more decimals than figures have
    (:data:`~povstat._validate.FIGURE_DECIMALS`, 10: a computed value such
    as ``3 / 7`` or ``1e-5 / 3``) is shown as given, its shortest decimal in
    full, never rounded.
    """
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    if not np.isfinite(x):
        return "n/a"
    if decimals > _validate.FIGURE_DECIMALS:
        given = decimal.Decimal(repr(float(x) + 0.0))
        places = max(0, -int(given.as_tuple().exponent))
        return f"{given:,.{places}f}"
    v = float(round_half_up(x, decimals)) + 0.0  # -0.0 shows as 0
    # The shortest decimal of the float (1e300 as 1 and 300 zeros), not its
    # binary expansion; already rounded, so the format rounds nothing.
    return f"{decimal.Decimal(repr(v)):,.{max(decimals, 0)}f}"


def _change_decimals(change: float, decimals: int) -> int:
    """`decimals`, or more when a change that is not 0 would show as 0.

    The change is exact at 10 decimals (see :func:`_sentences`), so one that
    is not 0 shows as not 0 with at most 10.
    """
    d = decimals
    while change != 0 and round_half_up(change, d) == 0 and d < 10:
        d += 1
    return d


def _sentence_decimals(
    before: float, after: float, change: float, decimals: int
) -> int:
    """Decimals at which a sentence's two levels and its change add up.

    The fewest `k` >= `decimals` at which the change (not 0) does not show
    as 0, the two levels do not print alike, and the shown change is the
    difference of the shown levels ("fell 0.11, from 4.37 to 4.26"). The
    figures are exact at :data:`~povstat._validate.FIGURE_DECIMALS` (10)
    decimals, so there all three hold.
    """
    k = decimals
    while k < _validate.FIGURE_DECIMALS:
        shown = float(round_half_up(change, k))
        b, a = float(round_half_up(before, k)), float(round_half_up(after, k))
        if (
            shown != 0
            and a != b
            and float(round_half_up(_scalar_difference(a, b), k)) == shown
        ):
            break
        k += 1
    return k


def _scalar_difference(a: float, b: float) -> float:
    """:func:`_level_difference` of two figures."""
    return float(_level_difference(np.asarray(a), np.asarray(b), ()))


def _split_decimals(
    before: float, after: float, change: float, levels: int, change_decimals: int
) -> tuple[int, int]:
    """Decimals of a sentence's levels and of its change, set apart.

    The change has the fewest `k` >= `change_decimals` at which it (not 0)
    does not show as 0; the levels the fewest `j` >= `levels` at which they
    do not print alike and the shown change is their shown difference at
    `k` ("rose 2.00 points, from 10 % to 12 %"). Both hold at
    :data:`~povstat._validate.FIGURE_DECIMALS`, where the figures are exact.
    """
    k = _change_decimals(change, change_decimals)
    shown = float(round_half_up(change, k))
    j = levels
    while j < _validate.FIGURE_DECIMALS:
        b, a = float(round_half_up(before, j)), float(round_half_up(after, j))
        if a != b and float(round_half_up(_scalar_difference(a, b), k)) == shown:
            break
        j += 1
    return j, k


def _change_places(change_decimals: int | None) -> int | None:
    """`change_decimals` checked as `decimals` is, None kept."""
    if change_decimals is None:
        return None
    return _validate.decimals(
        change_decimals, "change_decimals", most=_validate.FIGURE_DECIMALS
    )


def _level_text(x: float, locale: Locale) -> str:
    """A confidence level (0.995) as the percent it is written with (99.5).

    With the decimal mark of `locale`: "99,5" in Indonesian.
    """
    shown = f"{float(round_half_up(100.0 * x, 6)):g}"
    return shown.replace(".", ",") if locale == "id" else shown


def _test_parts(
    test: ChangeTest | None,
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    locale: Locale,
) -> NDArray[Any] | None:
    """The test's words per change, after checking it tests that change.

    `before` and `after` are the figures in the unit the caller gave them
    (the unit the test was computed in), broadcast to the sentences' shape.
    """
    if test is None:
        return None
    if not isinstance(test, ChangeTest):
        msg = f"`test` must be a ChangeTest (see povstat.change_test), got {test!r}"
        raise TypeError(msg)
    shape = before.shape
    try:
        sig = np.broadcast_to(np.asarray(test.significant), shape)
        points = np.broadcast_to(test.points, shape)
        p_value = np.broadcast_to(test.p_value, shape)
    except ValueError:
        msg = (
            f"`test` has shape {np.shape(test.significant)}, which does not "
            f"broadcast to the shape {shape} of the change"
        )
        raise ValueError(msg) from None
    change = after - before
    # The same change up to float noise: a test computed from the same
    # figures gives after - before exactly; 1e-9 relative to the larger
    # figure allows for figures passed through another unit or rounding.
    scale = np.fmax(np.abs(before), np.abs(after))
    same = (np.abs(points - change) <= 1e-9 * np.fmax(scale, 1e-300)) | (
        np.isnan(points) & np.isnan(change)
    )
    if not same.all():
        i = tuple(int(k) for k in np.argwhere(~same)[0])
        where = f" at index {i if len(i) != 1 else i[0]}" if shape else ""
        msg = (
            "`test` must test the change described: its `points` must equal "
            f"after - before (in the unit of the figures), got points "
            f"{float(points[i])!r} for a change of {float(change[i])!r}{where}"
        )
        raise ValueError(msg)
    words = _WORDS[locale]
    lv = _level_text(test.level, locale)
    texts = [
        words["untested"]
        if np.isnan(p)
        else words["significant" if bool(s) else "not_significant"].format(lv=lv)
        for s, p in zip(sig.ravel().tolist(), p_value.ravel().tolist(), strict=True)
    ]
    return np.array(texts, dtype=object).reshape(shape)


def _level_difference(
    a: NDArray[np.float64], b: NDArray[np.float64], shape: tuple[int, ...]
) -> NDArray[np.float64]:
    """``a - b`` of published levels: the float nearest to the exact difference.

    The one rule for the change of published levels: each level is the
    decimal of at most 15 significant digits it stands for (as
    :func:`povstat.round_half_up` reads a figure, and as
    :func:`povstat.sum_counts` requires), and their difference is formed
    exactly and rounded once (73,140,917,174,220.20 - 70,773,596,628,439.30
    is 2,367,320,545,780.90, where the float difference is
    2,367,320,545,780.906). Other levels (below about 1e-8, or of 16 or
    more digits) are subtracted in float; where both are figures of at most
    10 decimals up to float noise (2e-9, 3e-9, 2.3899999999999997 for
    2.39: within 2**-40 of their size of their rounding there) the float
    noise is then removed at 10 decimals, and elsewhere (1.2e-10 and
    1.4e-10, of 11 decimals and more) the float difference is kept, never
    rounded to 0 at 10 decimals.
    """
    a, b = np.broadcast_to(a, shape), np.broadcast_to(b, shape)
    diff, exact = decimal_difference(a, b)
    with np.errstate(over="ignore", invalid="ignore"):
        grid = (np.abs(round_half_up(a, 10) - a) <= 2.0**-40 * np.abs(a)) & (
            np.abs(round_half_up(b, 10) - b) <= 2.0**-40 * np.abs(b)
        )
        snapped = np.where(grid, round_half_up(diff, 10), diff)
        return np.asarray(np.where(exact, diff, snapped), np.float64)


def _sentences(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    *,
    decimals: int,
    change_decimals: int | None = None,
    locale: Locale,
    change_unit: str,
    show: Callable[..., str],
    test: ChangeTest | None,
    given: tuple[NDArray[np.float64], NDArray[np.float64]],
) -> NDArray[np.str_]:
    shape = _validate.shape(before=before, after=after)
    b = np.broadcast_to(before, shape)
    a = np.broadcast_to(after, shape)
    change = _level_difference(a, b, shape)  # exact on published decimals
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = round_half_up(decimal_ratio(change, b, 100.0), 10)
    tests = _test_parts(
        test,
        np.broadcast_to(given[0], shape),
        np.broadcast_to(given[1], shape),
        locale,
    )
    words = _WORDS[locale]

    def one(i: tuple[int, ...]) -> str:
        c, r = float(change[i]), float(relative[i])
        if np.isnan(c):
            return "n/a"
        if c == 0:
            text = f"{words['same']}, {words['at'].format(a=show(float(a[i])))}"
        else:
            if change_decimals is None:
                j = k = _sentence_decimals(float(b[i]), float(a[i]), c, decimals)
            else:
                j, k = _split_decimals(
                    float(b[i]), float(a[i]), c, decimals, change_decimals
                )
            way = "fall" if c < 0 else "rise"
            size = _number(abs(c), k, locale)
            # "1 percentage point", "2 percentage points", "1.00 ... points"
            unit = change_unit.removesuffix("s") if size == "1" else change_unit
            text = f"{words[way]} {size}{unit}, " + words["from_to"].format(
                a=show(float(b[i]), j), b=show(float(a[i]), j)
            )
            if np.isfinite(r):
                text += " " + words["relative"].format(
                    x=_number(abs(r), _change_decimals(r, 2), locale),
                    way=words[f"{way}_noun"],
                )
        if tests is not None:
            text += f", {tests[i]}"
        return text

    out = [one(i) for i in np.ndindex(shape)]
    return np.array(out, dtype=object).reshape(shape).astype(str)


@_validate.positional
def describe_rate_change(
    before: ArrayLike,
    after: ArrayLike,
    *,
    unit: Unit,
    locale: Locale,
    decimals: int = 2,
    change_decimals: int | None = None,
    test: ChangeTest | None = None,
) -> NDArray[np.str_]:
    r"""A sentence for the change of a rate: points, both levels and percent.

    Parameters
    ----------
    before, after : array_like
        Rates at the two periods, in `unit`; broadcast together.
    unit : {"fraction", "percent"}
        Scale of the rates; the sentence always writes them in percent.
    locale : {"en", "id"}
        Language of the sentence and its number format: English ("fell 0.11
        percentage points, from 4.37 % to 4.26 %") or Indonesian ("turun
        0,11 poin persentase, dari 4,37 persen menjadi 4,26 persen").
    decimals : int, default 2
        Decimal places of the rates and of the change in points (as BPS
        tables publish rates). The sentence always adds up: where, at these
        decimals, a change that is not zero would show as 0, the two rates
        would print alike, or the shown change would not be the difference
        of the shown rates (unrounded inputs), all three are written with
        the fewest more decimals that avoid it. The relative change has 2
        (more if it is not zero but would show as 0). At most 10: the
        figures are written from their values at 10 decimals.
    change_decimals : int, optional
        Decimal places of the change in points, when they differ from the
        rates' (a change stated to 2 decimals between rates published to
        0: "rose 2.00 percentage points, from 10 % to 12 %"). The rates are
        then written at `decimals` and the change at `change_decimals`,
        each with more only where the sentence would not add up (a change
        that is not zero shown as 0, the rates printed alike, or the shown
        change not the difference of the shown rates). By default the
        change has `decimals`, as the rates.
    test : ChangeTest, optional
        A test of the same change (see :func:`povstat.change_test`), computed
        from the rates in `unit`; the sentence then says whether the change
        is statistically significant at the test's level, or that its
        significance is unknown where the test is undefined (NaN p-value).

    Returns
    -------
    ndarray of str
        One sentence per change, in the broadcast shape of the inputs
        (``str()`` of a 0-d result is the sentence); "n/a" where a rate is
        missing.

    Raises
    ------
    TypeError
        If a rate is not numeric, `decimals` or `change_decimals` is not an
        int, or `test` is not
        a :class:`~povstat.ChangeTest`.
    ValueError
        If `unit` or `locale` is unknown, a rate is out of range, the
        shapes do not broadcast, or `test` tests another change (its
        ``points`` differ from ``after - before`` beyond float noise).

    See Also
    --------
    povstat.rate_change : The numbers.
    describe_level_change : The same for a number of poor or a poverty line.

    Notes
    -----
    A difference of two rates in percent is in percentage points; the
    relative change :math:`100 (r_1 - r_0) / r_0` is in percent [1]_. Both
    are computed from the rates as given, then rounded half up for display.
    Fractions are first put in percent (:math:`100 r`), so the change in
    points is :math:`100 (r_1 - r_0)` and the sentence is the same as for
    the same rates in percent.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage point".

    Examples
    --------
    Kota Malang, BPS March 2022 and March 2023:

    >>> from povstat.wording import describe_rate_change
    >>> print(describe_rate_change(4.37, 4.26, unit="percent", locale="en"))
    fell 0.11 percentage points, from 4.37 % to 4.26 % (a 2.52 % relative fall)
    >>> print(describe_rate_change(4.37, 4.26, unit="percent", locale="id"))
    turun 0,11 poin persentase, dari 4,37 persen menjadi 4,26 persen (turun 2,52 persen)

    With a test of the change (standard errors assumed for the example):

    >>> from povstat import change_test
    >>> t = change_test(4.37, 4.26, se_before=0.2, se_after=0.2, level=0.95,
    ...                 independent=True)
    >>> print(describe_rate_change(4.37, 4.26, unit="percent", locale="en",
    ...                            test=t))  # doctest: +NORMALIZE_WHITESPACE
    fell 0.11 percentage points, from 4.37 % to 4.26 % (a 2.52 % relative
    fall), not statistically significant at the 95 % level
    """
    u = _validate.unit(unit)
    loc = _locale(locale)
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    cd = _change_places(change_decimals)
    # Always written in percent; snapped so a fraction (0.0437) gives the
    # same sentence as the same rate in percent (4.37), ties included.
    given = (_validate.rate(before, "before", u), _validate.rate(after, "after", u))
    b = round_half_up(to_percent(given[0], unit=u), 10)
    a = round_half_up(to_percent(given[1], unit=u), 10)
    words = _WORDS[loc]
    return _sentences(
        b,
        a,
        decimals=d,
        change_decimals=cd,
        locale=loc,
        change_unit=f" {words['points']}",
        show=lambda x, k=d: _number(x, k, loc) + words["percent"],
        test=test,
        given=given,
    )


@_validate.positional
def describe_level_change(
    before: ArrayLike,
    after: ArrayLike,
    *,
    locale: Locale,
    decimals: int = 2,
    unit_name: str = "",
    change_decimals: int | None = None,
    test: ChangeTest | None = None,
) -> NDArray[np.str_]:
    r"""A sentence for the change of a number of poor or a poverty line.

    Parameters
    ----------
    before, after : array_like
        The figures at the two periods (e.g. thousands of poor, or rupiah
        per capita per month); broadcast together. Never below 0.
    locale : {"en", "id"}
        Language of the sentence and its number format.
    decimals : int, default 2
        Decimal places of the figures and of the change (2 for BPS counts in
        thousands, 0 for rupiah; -3 for whole thousands). The sentence
        adds up, as in :func:`describe_rate_change`: more decimals where
        needed. The relative change has 2 (more if it is not zero but would
        show as 0). At most 10: the figures are written from their values
        at 10 decimals.
    change_decimals : int, optional
        Decimal places of the change, when they differ from the figures'
        (a change stated to 2 decimals between counts published to 0). The
        figures are then written at `decimals` and the change at
        `change_decimals`, each with more only where the sentence would not
        add up, as in :func:`describe_rate_change`. By default the change
        has `decimals`, as the figures.
    unit_name : str, default ""
        Words written after each figure, in the sentence's language (e.g.
        ``"thousand"``, ``"ribu jiwa"``, ``"rupiah"``).
    test : ChangeTest, optional
        A test of the same change; the sentence then says whether it is
        statistically significant at the test's level, or that its
        significance is unknown where the test is undefined (NaN p-value).

    Returns
    -------
    ndarray of str
        One sentence per change, in the broadcast shape of the inputs; "n/a"
        where a figure is missing.

    Raises
    ------
    TypeError
        If a figure is not numeric, `decimals` or `change_decimals` is not
        an int, `unit_name` is
        not a str, or `test` is not a :class:`~povstat.ChangeTest`.
    ValueError
        If `locale` is unknown, a figure is negative or infinite, the
        shapes do not broadcast, or `test` tests another change (its
        ``points`` differ from ``after - before`` beyond float noise).

    See Also
    --------
    describe_rate_change : The same for a rate, in percentage points.

    Notes
    -----
    A change of a number has no percentage points: it is stated in the
    number's unit and, relative to the earlier figure, in percent [1]_.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage point".

    Examples
    --------
    Kabupaten Tuban, BPS March 2024 and March 2025, thousands of poor:

    >>> from povstat.wording import describe_level_change
    >>> print(describe_level_change(  # doctest: +NORMALIZE_WHITESPACE
    ...     171.24, 168.86, locale="en", unit_name="thousand"))
    fell 2.38 thousand, from 171.24 thousand to 168.86 thousand
    (a 1.39 % relative fall)
    >>> print(describe_level_change(  # doctest: +NORMALIZE_WHITESPACE
    ...     171.24, 168.86, locale="id", unit_name="ribu jiwa"))
    turun 2,38 ribu jiwa, dari 171,24 ribu jiwa menjadi 168,86 ribu jiwa
    (turun 1,39 persen)
    """
    loc = _locale(locale)
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    cd = _change_places(change_decimals)
    if not isinstance(unit_name, str):
        msg = f"`unit_name` must be a str, got {unit_name!r}"
        raise TypeError(msg)
    b = _validate.nonnegative(before, "before")
    a = _validate.nonnegative(after, "after")
    tail = f" {unit_name}" if unit_name else ""
    return _sentences(
        round_half_up(b, _validate.FIGURE_DECIMALS),
        round_half_up(a, _validate.FIGURE_DECIMALS),
        decimals=d,
        change_decimals=cd,
        locale=loc,
        change_unit=tail,
        show=lambda x, k=d: _number(x, k, loc) + tail,
        test=test,
        given=(b, a),
    )
