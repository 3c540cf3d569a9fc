"""Private helpers for the attrs result types.

Every result type subclasses :class:`Result`, which gives it

- arrays that cannot be written to, even by ``arr.flags.writeable = True``:
  the converters below hand out arrays whose memory belongs to a read-only
  buffer, so numpy refuses to make them writeable again;
- ``to_frame()``, one implementation driven by the class's ``_column_names``
  mapping (attribute name -> output column name, the names the dataframe
  adapters write);
- a clear error on ``hash()`` (results hold arrays, so they compare by value
  with ``==`` and are not hashable);
- pickling and copying that keep the arrays read-only.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, overload

import numpy as np
from attrs import cmp_using, fields
from numpy.typing import NDArray

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

#: Kinds of frame :meth:`Result.to_frame` can build.
Backend = Literal["pandas", "polars"]
_BACKENDS: tuple[str, ...] = ("pandas", "polars")

_ScalarT = TypeVar("_ScalarT", bound=np.generic)


def _seal(arr: NDArray[_ScalarT]) -> NDArray[_ScalarT]:
    """A read-only view of `arr` that cannot be made writeable again.

    `arr` must own its memory and be held by no one else. The view's base is
    a read-only ``memoryview`` of it, so numpy refuses
    ``flags.writeable = True`` on the view. No data are copied. Dtypes that
    cannot be exported as a buffer (object, datetime) are only flagged
    read-only.
    """
    arr.flags.writeable = False
    try:
        view = memoryview(arr)  # type: ignore[arg-type]  # ndarray is a buffer
    except (TypeError, ValueError, BufferError):  # object or datetime dtypes
        return arr
    sealed = np.asarray(view)
    if sealed.dtype != arr.dtype or sealed.shape != arr.shape:  # pragma: no cover
        return arr
    _FROZEN[id(sealed)] = sealed
    return sealed


def freeze(arr: NDArray[_ScalarT]) -> NDArray[_ScalarT]:
    """Seal an array the caller has just created, without a copy.

    Only for arrays that own their data and that no one else holds: the
    result types then take them as they are (see :func:`readonly_float`).
    """
    return _seal(arr)


# Sealed arrays, by identity (entries vanish with them): immutable, so
# results share them without copying.
_FROZEN: weakref.WeakValueDictionary[int, NDArray[Any]] = weakref.WeakValueDictionary()


def _is_frozen(x: object) -> bool:
    return isinstance(x, np.ndarray) and _FROZEN.get(id(x)) is x


def readonly(x: Any) -> NDArray[Any]:
    """`x` as an array that cannot be written to (copied unless sealed here).

    ``attrs.frozen`` only stops attribute assignment; this stops writes into
    the arrays a result holds, so results are safe to share.
    """
    if _is_frozen(x):
        return np.asarray(x)
    return _seal(np.array(x, copy=True))


def readonly_float(x: Any) -> NDArray[np.float64]:
    """Like :func:`readonly` for float64 arrays.

    An array sealed by :func:`freeze` (so created by povstat and held by no
    one else) is taken without a copy; anything else is copied, including a
    caller's own read-only array, which the caller could make writeable.
    """
    if _is_frozen(x) and x.dtype == np.float64:
        return np.asarray(x, dtype=np.float64)
    return _seal(np.array(x, dtype=np.float64, copy=True))


def _nan_equal(a: NDArray[Any], b: NDArray[Any]) -> bool:
    a = np.asarray(a)
    b = np.asarray(b)
    if a.dtype.kind == "f" or b.dtype.kind == "f":
        return bool(np.array_equal(a, b, equal_nan=True))
    return bool(np.array_equal(a, b))


array_eq = cmp_using(eq=_nan_equal)


# --------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------


@overload
def frame(columns: Mapping[str, Any], backend: Literal["pandas"]) -> pd.DataFrame: ...
@overload
def frame(columns: Mapping[str, Any], backend: Literal["polars"]) -> pl.DataFrame: ...
@overload
def frame(columns: Mapping[str, Any], backend: str) -> pd.DataFrame | pl.DataFrame: ...
def frame(columns: Mapping[str, Any], backend: str) -> pd.DataFrame | pl.DataFrame:
    """A pandas or polars frame of 1-D columns (the library imported here)."""
    kind = backend_name(backend)
    if kind == "polars":
        import polars as pl  # local: only a user of polars needs it

        return pl.DataFrame(dict(columns))
    import pandas as pd  # local: the array layer does not need pandas

    return pd.DataFrame(dict(columns))


def backend_name(backend: object) -> str:
    """Check a `backend` argument and return it."""
    if not isinstance(backend, str) or backend not in _BACKENDS:
        msg = f"`backend` must be one of {list(_BACKENDS)}, got {backend!r}"
        raise ValueError(msg)
    return backend


def _column(value: Any) -> NDArray[Any]:
    """A field as a column: arrays as they are, anything else as one cell."""
    if isinstance(value, np.ndarray):
        return value
    cell = np.empty(1, dtype=object)
    cell[0] = value
    return cell


class Result:
    """Base of povstat's result types: sealed arrays, ``to_frame``, no hash.

    A subclass is an ``attrs.frozen`` class that sets ``_column_names``, mapping
    each attribute that becomes a column to the column's name. A name with
    ``{}`` takes a 2-D attribute: one column per position along its last
    axis, numbered from 1. Attributes not in the mapping (units, levels,
    methods, seeds: one value for the whole result) stay on the result.
    A subclass without arrays may set ``_hashable = True`` to keep the hash
    attrs gives it.
    """

    __slots__ = ()
    _column_names: ClassVar[Mapping[str, str]] = {}
    _hashable: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Give the subclass a documented ``to_frame`` and a clear ``hash`` error."""
        super().__init_subclass__(**kwargs)
        # attrs makes a new class for slotted classes and may set __hash__ on
        # it (hashing arrays fails with an obscure message): replace it.
        if not cls._hashable:
            cls.__hash__ = Result.__hash__  # type: ignore[method-assign]
        if "to_frame" not in cls.__dict__:
            cls.to_frame = _documented_to_frame(cls)  # type: ignore[method-assign]

    def __hash__(self) -> int:
        """Refuse: a result holds arrays, so it is not hashable."""
        msg = (
            f"{type(self).__name__} is not hashable: it holds arrays; compare "
            "results with ==, or hash their arrays' bytes"
        )
        raise TypeError(msg)

    def __reduce__(self) -> tuple[Callable[..., Result], tuple[Any, ...]]:
        """Pickle (and copy) through the constructor, so arrays stay sealed."""
        cls = type(self)
        init = {a.name: getattr(self, a.name) for a in fields(cls) if a.init}  # type: ignore[arg-type]
        return _rebuild, (cls, init)

    def _frame_columns(self) -> dict[str, NDArray[Any]]:
        """The columns of `to_frame`, 1-D, by name.

        An attribute that is None (an optional part not computed) gives no
        column; a 0-d attribute beside 1-D ones (one value for all rows) is
        repeated on every row.
        """
        out: dict[str, NDArray[Any]] = {}
        for attr, name in self._column_names.items():
            value = getattr(self, attr)
            if value is None:
                continue
            arr = _column(value)
            if "{}" in name:
                if arr.ndim != 2:
                    msg = f"`{attr}` must be 2-D to give columns {name!r}"
                    raise ValueError(msg)
                for j in range(arr.shape[1]):
                    out[name.format(j + 1)] = arr[:, j]
                continue
            if arr.ndim > 1:
                msg = (
                    f"to_frame needs 1-D results; `{attr}` of this "
                    f"{type(self).__name__} has shape {arr.shape} (reshape the "
                    "inputs to 1-D first)"
                )
                raise ValueError(msg)
            out[name] = arr.reshape(-1)
        n = max((len(v) for v in out.values()), default=0)
        return {k: np.repeat(v, n) if len(v) == 1 else v for k, v in out.items()}

    @overload
    def to_frame(self, backend: Literal["pandas"] = ...) -> pd.DataFrame: ...
    @overload
    def to_frame(self, backend: Literal["polars"]) -> pl.DataFrame: ...
    def to_frame(self, backend: Backend = "pandas") -> pd.DataFrame | pl.DataFrame:
        """The result as a table: one row per element, one column per array.

        Parameters
        ----------
        backend : {"pandas", "polars"}, default "pandas"
            Kind of frame to return; the library is imported on first use.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            Columns named as the dataframe adapters name them, one row per
            element in the order of the inputs. A 0-d result gives one row.
            The rows carry no labels of the inputs (a pandas frame gets the
            default index 0..n-1, whatever the index of a Series passed in):
            see the notes of each result's ``to_frame`` for joining it to
            your data.

        Raises
        ------
        ValueError
            If `backend` is unknown, or an array is not 1-D (0-d is taken
            as one row).
        """
        return frame(self._frame_columns(), backend_name(backend))


def _rebuild(cls: type[Result], init: dict[str, Any]) -> Result:
    return cls(**init)


def _documented_to_frame(cls: type[Result]) -> Callable[..., Any]:
    """``Result.to_frame`` with a docstring that lists `cls`'s columns."""

    def to_frame(self: Result, backend: Backend = "pandas") -> Any:
        return Result.to_frame(self, backend)

    listed = "\n".join(
        f"        - ``{name}``: ``{attr}``" for attr, name in cls._column_names.items()
    )
    to_frame.__doc__ = f"""The result as a table: one row per element.

        Parameters
        ----------
        backend : {{"pandas", "polars"}}, default "pandas"
            Kind of frame to return; the library is imported on first use.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One column per array attribute, named as the dataframe adapters
            name it (column: attribute):

{listed}

            A 0-d result gives one row. Attributes that hold one value for
            the whole result (unit, level, method, ...) stay on the result.

        Raises
        ------
        ValueError
            If `backend` is unknown or an array is not 1-D.

        Notes
        -----
        The rows are the elements in the order of the inputs, with the
        default index 0..n-1 (a pandas frame) even where a pandas Series
        with other labels was passed: the result's arrays keep no labels.
        To put the columns beside the rows they came from, give the frame
        those rows' index, ``res.to_frame().set_axis(df.index)`` (or
        ``df.reset_index(drop=True).join(res.to_frame())``); a bare
        ``df.join(res.to_frame())`` pairs rows by label, and beside a frame
        whose index is 0..n-1 in another order (after ``sort_values``) it
        gives each row another row's values, with no missing value to warn.
        The dataframe adapters (:func:`povstat.frames.with_ranks`,
        :func:`povstat.frames.with_rank_sets`, ...) attach the columns to
        your frame itself, keeping its index and order.
        """
    to_frame.__qualname__ = f"{cls.__qualname__}.to_frame"
    to_frame.__module__ = cls.__module__
    return to_frame
