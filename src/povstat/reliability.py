"""Reliability flags for survey estimates, from their relative standard error.

Statistics offices flag estimates whose relative standard error (RSE, the
standard error in percent of the estimate, also called the coefficient of
variation) is large: the estimate is published with a warning, or not at
all. The thresholds are conventions, not laws of nature, and they differ
between offices, so povstat never applies one silently: the bands are always
named (:data:`RSE_CONVENTIONS`) or given (:class:`RSEBands`), and each
named convention cites its source.
"""

from __future__ import annotations

import decimal
import itertools
import math
import numbers
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Literal, get_args

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import Result, array_eq, readonly, readonly_float
from povstat.units import round_half_up

__all__ = [
    "RSE_CONVENTIONS",
    "RSEBands",
    "ReliabilityFlags",
    "reliability_flags",
]

#: Which band a value equal to a threshold joins: ``"right"`` for bands
#: closed on the right, ``(a, b]`` (RSE <= 25 is the lower band), ``"left"``
#: for ``[a, b)`` (RSE >= 30 is the upper band).
Closed = Literal["right", "left"]
_CLOSED: tuple[str, ...] = get_args(Closed)


def _is_number(v: object) -> bool:
    """A real number (int, float, Fraction, Decimal, numpy), not a bool or text."""
    return not isinstance(v, bool | np.bool_) and isinstance(
        v, numbers.Real | decimal.Decimal
    )


def _thresholds(value: Any) -> tuple[float, ...]:
    if isinstance(value, str | bytes):
        msg = f"`thresholds` must be a sequence of numbers, got {value!r}"
        raise TypeError(msg)
    try:
        items = list(value)
    except TypeError:
        msg = f"`thresholds` must be a sequence of numbers, got {value!r}"
        raise TypeError(msg) from None
    odd = [v for v in items if not _is_number(v)]
    if odd:
        msg = (
            "`thresholds` must hold numbers (RSE in percent), not text or "
            f"booleans; got {odd[0]!r} in {value!r}"
        )
        raise TypeError(msg)
    # float32 / float16 thresholds are the figures they print as (25.1, not
    # 25.100000381469727), as everywhere in povstat.
    out = tuple(_validate.short_float(v) for v in items)
    if not out:
        msg = "`thresholds` must hold at least one RSE in percent"
        raise ValueError(msg)
    if not all(math.isfinite(v) and v > 0 for v in out):
        msg = f"`thresholds` must be finite and > 0 (RSE in percent), got {out}"
        raise ValueError(msg)
    if any(b <= a for a, b in itertools.pairwise(out)):
        msg = f"`thresholds` must increase strictly, got {out}"
        raise ValueError(msg)
    return out


def _labels(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        msg = f"`labels` must be a sequence of str, got {value!r}"
        raise TypeError(msg)
    out = tuple(value)
    if len(set(out)) != len(out) or not all(out):
        msg = f"`labels` must be distinct, non-empty strings, got {out}"
        raise ValueError(msg)
    return out


@frozen(kw_only=True)
class RSEBands:
    """Bands of the relative standard error, with a label for each.

    Attributes
    ----------
    thresholds : tuple of float
        Increasing RSE thresholds in percent, e.g. ``(25.0, 50.0)``; given
        as numbers (text such as ``"25"`` and booleans raise TypeError).
    labels : tuple of str
        One label per band, from the most reliable: one more than the
        thresholds.
    closed : {"right", "left"}
        ``"right"``: a value equal to a threshold belongs to the band below
        (bands ``(a, b]``); ``"left"``: to the band above (``[a, b)``).
    source : str
        Where the convention comes from (a citation), or who set it.

    Examples
    --------
    >>> from povstat.reliability import RSEBands, reliability_flags
    >>> bands = RSEBands(thresholds=(15, 30), labels=("good", "fair", "poor"),
    ...                  closed="right", source="the analyst's own rule")
    >>> reliability_flags([10.0, 15.0, 31.0], bands=bands).flag
    array(['good', 'good', 'poor'], dtype=object)
    """

    thresholds: tuple[float, ...] = field(converter=_thresholds)
    labels: tuple[str, ...] = field(converter=_labels)
    closed: Closed = field()
    source: str = field()

    @closed.validator
    def _check_closed(self, attribute: Any, value: object) -> None:
        _validate.choice(value, "closed", _CLOSED)

    @source.validator
    def _check_source(self, attribute: Any, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            msg = f"`source` must say where the bands come from, got {value!r}"
            raise ValueError(msg)

    def __attrs_post_init__(self) -> None:
        """Check that there is one label per band."""
        if len(self.labels) != len(self.thresholds) + 1:
            msg = (
                f"`labels` must have one more entry than `thresholds` (one per "
                f"band): {len(self.thresholds)} thresholds, {len(self.labels)} labels"
            )
            raise ValueError(msg)


#: The named conventions, by name (read-only):
#:
#: ``"bps"``
#:     Badan Pusat Statistik (Statistics Indonesia), for Susenas and Sakernas
#:     estimates: RSE <= 25 % reliable; 25 % < RSE <= 50 % to be used with
#:     caution; RSE > 50 % not reliable.
#: ``"abs"``
#:     Australian Bureau of Statistics: RSE <= 25 % reliable; 25-50 % to be
#:     used with caution; above 50 % too unreliable for general use.
#: ``"nchs"``
#:     US National Center for Health Statistics: RSE of 30 % or more not
#:     reliable.
RSE_CONVENTIONS: Mapping[str, RSEBands] = MappingProxyType(
    {
        "bps": RSEBands(
            thresholds=(25.0, 50.0),
            labels=("reliable", "use with caution", "unreliable"),
            closed="right",
            source=(
                "Badan Pusat Statistik: table notes of Susenas publications, "
                "e.g. Statistik Kesejahteraan Rakyat (RSE above 25 % to be used "
                "with caution, above 50 % not reliable)"
            ),
        ),
        "abs": RSEBands(
            thresholds=(25.0, 50.0),
            labels=("reliable", "use with caution", "too unreliable"),
            closed="right",
            source=(
                "Australian Bureau of Statistics: technical notes on "
                "reliability of estimates (RSE 25 % to 50 % use with caution, "
                "above 50 % too unreliable for general use)"
            ),
        ),
        "nchs": RSEBands(
            thresholds=(30.0,),
            labels=("reliable", "unreliable"),
            closed="left",
            source=(
                "Klein, R. J. et al. (2002), Healthy People 2010 criteria for "
                "data suppression, Statistical Notes 24, National Center for "
                "Health Statistics (RSE of 30 % or more: not reliable)"
            ),
        ),
    }
)


#: Decimal places to which an RSE is rounded (half up) before it is banded.
_RSE_DECIMALS = 10

_IS_STR = np.frompyfunc(lambda v: isinstance(v, str), 1, 1)


def _flags(x: Any) -> NDArray[np.object_]:
    """Labels as a read-only object array; any non-label (NaN, None) is None."""
    arr = np.asarray(x, dtype=object)
    keep = np.asarray(_IS_STR(arr), dtype=bool)
    out = np.empty(arr.shape, dtype=object)
    out[keep] = arr[keep]
    return readonly(out)


@frozen(kw_only=True)
class ReliabilityFlags(Result):
    """Reliability flags of estimates from their RSE.

    Attributes
    ----------
    rse_pct : ndarray of float64
        The relative standard errors, in percent.
    band : ndarray of int64
        Band of each RSE, 0 for the most reliable; -1 where the RSE is
        missing.
    flag : ndarray of object
        The band's label; None where the RSE is missing.
    bands : RSEBands
        The bands applied.

    Examples
    --------
    >>> from povstat.reliability import reliability_flags
    >>> f = reliability_flags([4.0, 25.0, 30.0, 60.0], bands="bps")
    >>> f.band
    array([0, 0, 1, 2])
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "rse_pct": "rse_pct",
        "band": "reliability_band",
        "flag": "reliability",
    }

    rse_pct: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    band: NDArray[np.int64] = field(converter=readonly, eq=array_eq)
    flag: NDArray[np.object_] = field(converter=_flags, eq=array_eq)
    bands: RSEBands


def _bands(bands: object) -> RSEBands:
    if isinstance(bands, RSEBands):
        return bands
    if isinstance(bands, str) and bands in RSE_CONVENTIONS:
        return RSE_CONVENTIONS[bands]
    msg = (
        f"`bands` must be one of {sorted(RSE_CONVENTIONS)} or an RSEBands, "
        f"got {bands!r}"
    )
    raise ValueError(msg)


def reliability_flags(rse_pct: ArrayLike, *, bands: str | RSEBands) -> ReliabilityFlags:
    r"""Flag estimates by the band their relative standard error falls in.

    Parameters
    ----------
    rse_pct : array_like
        Relative standard errors in percent (>= 0); NaN marks a missing RSE,
        which gets no flag. Compute them with :func:`povstat.rse_from_se`.
    bands : str or RSEBands
        A named convention of :data:`RSE_CONVENTIONS` (``"bps"``, ``"abs"``,
        ``"nchs"``), or custom bands. Required: no convention is assumed.

    Returns
    -------
    ReliabilityFlags
        Band number and label per estimate; same shape as `rse_pct`.

    Raises
    ------
    TypeError
        If `rse_pct` is not numeric.
    ValueError
        If an RSE is negative or infinite, or `bands` is not a known name
        or an :class:`RSEBands`.

    See Also
    --------
    povstat.rse_from_se : RSE from a standard error.

    Notes
    -----
    The RSE is :math:`100\,\mathrm{SE}/|\hat\theta|` [1]_. With thresholds
    :math:`t_1 < \dots < t_m`, the band of an RSE :math:`r` is the number of
    thresholds below it: :math:`\#\{j : t_j < r\}` for bands closed on the
    right, :math:`\#\{j : t_j \le r\}` for bands closed on the left. The
    named conventions cite their sources [2]_, [3]_, [4]_.

    The RSE is compared with the thresholds after rounding half up to 10
    decimals (the `rse_pct` attribute keeps it as given), so that float
    noise in computing it does not move it across a threshold: an SE of
    0.1725 on an estimate of 0.69 is an RSE of exactly 25 % (banded as 25),
    although ``100 * 0.1725 / 0.69`` is 25.000000000000004 in float64. RSEs
    that differ from a threshold in the 10th decimal or before are banded
    as they are.

    An RSE is a poor guide for rates near 0 or 100 %, where the RSE of a
    small rate is large while the interval is narrow; NCHS has since
    replaced it for proportions by criteria on the confidence interval
    [5]_.

    References
    ----------
    .. [1] Cochran, W. G. (1977), *Sampling Techniques*, 3rd ed., Wiley,
       section 2.8.
    .. [2] Badan Pusat Statistik, table notes of Susenas-based publications
       such as *Statistik Kesejahteraan Rakyat*: estimates with an RSE above
       25 % are to be used with caution, above 50 % they are not reliable.
    .. [3] Australian Bureau of Statistics, technical notes on the
       reliability of estimates (RSE 25-50 %: use with caution; above 50 %:
       too unreliable for general use).
    .. [4] Klein, R. J., Proctor, S. E., Boudreault, M. A., Turczyn, K. M.
       (2002), "Healthy People 2010 Criteria for Data Suppression",
       *Statistical Notes* 24, National Center for Health Statistics.
    .. [5] Parker, J. D. et al. (2017), "National Center for Health
       Statistics Data Presentation Standards for Proportions", *Vital and
       Health Statistics* 2(175).

    Examples
    --------
    >>> from povstat.reliability import reliability_flags
    >>> f = reliability_flags([4.0, 25.0, 25.1, 60.0, float("nan")], bands="bps")
    >>> f.flag
    array(['reliable', 'reliable', 'use with caution', 'unreliable', None],
          dtype=object)
    """
    b = _bands(bands)
    r = _validate.nonnegative(rse_pct, "rse_pct")
    t = np.asarray(b.thresholds)
    side: Literal["left", "right"] = "left" if b.closed == "right" else "right"
    # Banded at 10 decimals: an RSE computed as exactly 25 % from decimal
    # inputs (100 * 0.1725 / 0.69 = 25.000000000000004) is 25 %.
    band = np.searchsorted(t, round_half_up(r, _RSE_DECIMALS), side=side)
    band = band.astype(np.int64)
    missing = np.isnan(r)
    band = np.where(missing, -1, band)
    labels = np.array([*b.labels, None], dtype=object)
    return ReliabilityFlags(
        rse_pct=r,
        band=band,
        flag=labels[band],
        bands=b,
    )
