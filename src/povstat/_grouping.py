"""Private row plumbing for long tables: keys, cells, previous and base rows.

No statistics here, and no pandas: integer codes in, row indices out. A
table of regions x periods is keyed by ONE integer per row,
``region code * number of periods + period index``, so that one sort (or a
direct lookup when the table is dense) orders every region's periods at
once; there is no Python loop over regions or periods.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from povstat._exact import decimal_difference

__all__ = [
    "Cells",
    "base_rows",
    "combine",
    "elapsed_years",
    "month_count",
    "take",
]


def combine(
    codes: NDArray[np.int64], new: NDArray[np.int64], n_new: int
) -> NDArray[np.int64]:
    """Codes of the pairs (`codes`, `new`), dense from 0, in lexicographic order.

    `new` runs over ``range(n_new)``; the result keeps the order of `codes`
    first, then of `new`, so codes of sorted labels stay sorted.
    """
    pair = codes * max(n_new, 1) + new
    if not codes.any():  # the first key column
        return pair
    _, dense = np.unique(pair, return_inverse=True)
    return np.asarray(dense, dtype=np.int64).reshape(pair.shape)


def month_count(
    year: NDArray[np.float64], month: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Calendar months since year 0: ``12 * year + month`` (NaN stays NaN).

    Whole numbers, exact in float64, so differences of them are exact.
    """
    return np.asarray(year * 12.0 + month)


def elapsed_years(
    later: NDArray[np.float64], earlier: NDArray[np.float64], per_year: int
) -> NDArray[np.float64]:
    """Years between two times in ticks (years, or months with `per_year` 12).

    Numeric periods (years) give the exact difference of the decimals they
    stand for, rounded once (2023.7 - 2022.1 is 1.6, not
    1.6000000000001364), as :func:`povstat.rate_change` takes differences;
    month counts (integers) give their difference / 12, rounded once.
    """
    if per_year == 1:
        gap, _ = decimal_difference(
            np.asarray(later, np.float64), np.asarray(earlier, np.float64)
        )
        return gap
    return np.asarray(np.subtract(later, earlier) / per_year)


class Cells:
    """The (group, period) cell of each row, keyed by one integer.

    Parameters
    ----------
    groups : ndarray of int64
        Group (region) code of each row, dense from 0.
    ticks : ndarray of float64
        Time of each row (finite).
    """

    def __init__(self, groups: NDArray[np.int64], ticks: NDArray[np.float64]) -> None:
        n = groups.shape[0]
        self.n = n
        self.groups = groups
        lo = float(ticks.min()) if n else 0.0
        span = float(ticks.max()) - lo + 1.0 if n else 1.0
        if n and span <= 4 * n + 64 and bool(np.all(ticks == np.floor(ticks))):
            # Whole years or month counts: the offset is the period's index.
            index = (ticks - lo).astype(np.int64)
            n_periods = int(span)
        else:
            _, inverse = np.unique(ticks, return_inverse=True)
            index = np.asarray(inverse, dtype=np.int64).reshape(n)
            n_periods = int(index.max()) + 1 if n else 1
        self.n_periods = n_periods
        self.key = groups * n_periods + index
        self.order = np.argsort(self.key)
        self._sorted = self.key[self.order]

    def duplicated(self) -> NDArray[np.intp]:
        """One row of each key that appears more than once, in key order."""
        s = self._sorted
        if s.shape[0] < 2:
            return np.zeros(0, dtype=np.intp)
        same = s[1:] == s[:-1]
        if not same.any():
            return np.zeros(0, dtype=np.intp)
        # The first repeat of each key: a repeat whose predecessor is not one.
        first = same & ~np.concatenate(([False], same[:-1]))
        return np.asarray(self.order[1:][first], dtype=np.intp)

    def previous(self) -> NDArray[np.intp]:
        """Row of each row's previous period in its group; -1 on the first.

        Assumes unique keys (check :meth:`duplicated` first).
        """
        out = np.full(self.n, -1, dtype=np.intp)
        if self.n < 2:
            return out
        order = self.order
        g = self.groups[order]
        same = g[1:] == g[:-1]
        out[order[1:]] = np.where(same, order[:-1], -1)
        return out


def base_rows(
    groups: NDArray[np.int64], at_base: NDArray[np.bool_]
) -> NDArray[np.intp]:
    """Row of each row's group at the base period; -1 where the group has none.

    Assumes at most one base row per group (unique keys).
    """
    n_groups = int(groups.max()) + 1 if groups.shape[0] else 0
    first = np.full(n_groups, -1, dtype=np.intp)
    first[groups[at_base]] = np.flatnonzero(at_base)
    return np.asarray(first[groups], dtype=np.intp)


def take(values: NDArray[np.float64], index: NDArray[np.intp]) -> NDArray[np.float64]:
    """``values[index]``, NaN where `index` is -1 (no such row)."""
    found = index >= 0
    out = (
        values[np.where(found, index, 0)]
        if values.shape[0]
        else np.full(index.shape, np.nan)
    )
    out[~found] = np.nan
    return np.asarray(out, dtype=np.float64)
