"""Private helpers for the attrs result types."""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
from attrs import cmp_using
from numpy.typing import NDArray


def readonly(x: Any) -> NDArray[Any]:
    """Copy `x` into an array that cannot be written to.

    ``attrs.frozen`` only stops attribute assignment; this stops writes into
    the arrays a result holds, so results are safe to share.
    """
    arr = np.array(x, copy=True)
    arr.flags.writeable = False
    return arr


def freeze(arr: NDArray[np.float64]) -> NDArray[np.float64]:
    """Mark an array the caller has just created as read-only, without a copy.

    Only for arrays that own their data and that no one else holds: the
    result types then take them as they are (see :func:`readonly_float`).
    """
    arr.flags.writeable = False
    _FROZEN[id(arr)] = arr
    return arr


# Arrays made read-only by `freeze`, by identity; entries vanish with them.
_FROZEN: weakref.WeakValueDictionary[int, NDArray[Any]] = weakref.WeakValueDictionary()


def readonly_float(x: Any) -> NDArray[np.float64]:
    """Like :func:`readonly` for float64 arrays.

    An array frozen by :func:`freeze` (so created by povstat and held by no
    one else) is taken without a copy; anything else is copied, including a
    caller's own read-only array, which the caller could make writeable.
    """
    if (
        isinstance(x, np.ndarray)
        and _FROZEN.get(id(x)) is x
        and x.dtype == np.float64
        and not x.flags.writeable
    ):
        return x
    arr = np.array(x, dtype=np.float64, copy=True)
    arr.flags.writeable = False
    return arr


def _nan_equal(a: NDArray[Any], b: NDArray[Any]) -> bool:
    a = np.asarray(a)
    b = np.asarray(b)
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        return bool(np.array_equal(a, b, equal_nan=True))
    return bool(np.array_equal(a, b))


array_eq = cmp_using(eq=_nan_equal)
