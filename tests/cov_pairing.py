"""Shared set-up of the tests of a covariance matrix beside its estimates.

Three regions with rates and a covariance matrix worked out by hand
(:data:`CODES`, :data:`NAMES`, :data:`C`, and :data:`C_REVERSED`, the matrix
in the estimates' reversed order), the matrix written to CSV and read back
as a user reads it (:func:`read_back`), the advice of a refusal run exactly
as printed (:func:`follow`) and the check of its result (:func:`check_reversed`);
for the tests of level advice, a MultiIndex (:func:`mi`), a refusal's message
(:func:`refused`), the check that it prints no code (:func:`prints_no_code`)
and, besides, advises no level dropped (:func:`no_code`); a frame written to
CSV and read back (:func:`csv_read_back`); the statement checks' arguments
(:data:`CHANGE_KW`, :data:`CONSISTENCY_KW`) and a benchmark statement's
advice followed (:func:`benchmark_followed`).
Used by the ``test_pairing_cov_*.py`` files,
``test_pairing_dropped_levels_differ.py`` and
``test_pairing_other_period_and_area_levels.py``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from povstat.statements import check_benchmark_statement

#: Rank sets each test asks for: one-at-a-time Bonferroni sets at 90 %.
KW: dict[str, Any] = {
    "descending": True,
    "level": 0.9,
    "method": "bonferroni",
    "simultaneous": False,
}
# Kabupaten Pacitan (3501) 13.5, Kabupaten Ponorogo (3502) 9.5, Kota Batu
# (3579) 4.0, rates (%); variances 0.04, 0.09, 0.16 and covariances
# 0.01 (3501, 3502), 0.02 (3501, 3579), 0.03 (3502, 3579).
CODES = ["3501", "3502", "3579"]
NAMES = ["Kabupaten Pacitan", "Kabupaten Ponorogo", "Kota Batu"]
C = np.array([[0.04, 0.01, 0.02], [0.01, 0.09, 0.03], [0.02, 0.03, 0.16]])
#: By hand, :data:`C` in the order 3579, 3502, 3501 (the estimates reversed).
C_REVERSED = np.array([[0.16, 0.03, 0.02], [0.03, 0.09, 0.01], [0.02, 0.01, 0.04]])
#: The change statement checked: a fall, stated in points of percent, 1 decimal.
CHANGE_KW: dict[str, Any] = {
    "direction": "fall",
    "stated_as": "points",
    "unit": "percent",
    "decimals": 1,
}
#: The consistency checked: rates in percent and headcounts to 1 decimal,
#: populations whole.
CONSISTENCY_KW: dict[str, Any] = {
    "unit": "percent",
    "rate_decimals": 1,
    "headcount_decimals": 1,
    "population_decimals": 0,
}


def csv_read_back(
    frame: pd.DataFrame, *, index: bool = True, **read: Any
) -> pd.DataFrame:
    """`frame` written to CSV (its index too if `index`), read back with `read`.

    ``read`` are the arguments of ``pd.read_csv`` (``index_col=0``, ...).
    """
    buf = io.StringIO()
    frame.to_csv(buf, index=index)
    buf.seek(0)
    back: pd.DataFrame = pd.read_csv(buf, **read)
    return back


def read_back(
    labels: Sequence[str] = CODES,
    *,
    index_col: bool = True,
    index_name: str | None = None,
    write_index: bool = True,
) -> pd.DataFrame:
    """:data:`C` labelled `labels` on both axes, written to CSV, read back.

    With ``index_col=True`` the first column becomes the rows' labels (as
    ``pd.read_csv(path, index_col=0)``); otherwise it stays a column.
    """
    index = pd.Index(list(labels), name=index_name)
    return csv_read_back(
        pd.DataFrame(C, index=index, columns=list(labels)),
        index=write_index,
        index_col=0 if index_col else None,
    )


def follow(msg: str, names: dict[str, Any]) -> dict[str, Any]:
    """Run the backticked statements of the message, in the order printed."""
    for statement in re.findall(r"`([^`]*)`", msg):
        if " = " in statement:
            exec(statement, {"pandas": pd, "povstat": povstat}, names)
    return names


def check_reversed(names: dict[str, Any], labels: list[Any]) -> None:
    """The followed recipe's estimates and cov, in the reversed order."""
    est, cov = names["estimates"], names["cov"]
    assert list(cov.index) == list(cov.columns) == list(est.index) == labels
    np.testing.assert_allclose(cov.to_numpy(), C_REVERSED)
    # Differences of 4 and more, se at most 0.4: by hand, descending,
    # 4.0 -> 3, 9.5 -> 2, 13.5 -> 1, each certain.
    r = povstat.rank_confidence_sets(est, cov=cov, **KW)
    np.testing.assert_array_equal(r.lower, [3, 2, 1])
    np.testing.assert_array_equal(r.upper, [3, 2, 1])


def mi(tuples: list[Any], names: Sequence[str | None]) -> pd.MultiIndex:
    """A MultiIndex of `tuples` with level `names`."""
    return pd.MultiIndex.from_tuples(tuples, names=list(names))


def refused(call: Callable[[], object]) -> str:
    """The message of the ValueError `call` raises for labels that differ."""
    with pytest.raises(ValueError, match="different") as err:
        call()
    return str(err.value)


def prints_no_code(msg: str) -> None:
    """`msg` prints no code to run: no backticked call."""
    assert not [s for s in re.findall(r"`([^`]*)`", msg) if "(" in s]


def no_code(msg: str) -> None:
    """`msg` advises no level dropped and prints no code to run."""
    assert "droplevel" not in msg
    prints_no_code(msg)


def benchmark_followed(value: Any, benchmark: Any, match: str) -> list[str]:
    """The verdicts of the benchmark statement's advice, followed as printed.

    ``check_benchmark_statement(value, benchmark, relation="below",
    decimals=1)`` must refuse with a message matching `match`; its
    recipes are run (:func:`follow`) and the statement checked again.
    """
    with pytest.raises(ValueError, match=match) as err:
        check_benchmark_statement(value, benchmark, relation="below", decimals=1)
    names = follow(str(err.value), {"value": value, "benchmark": benchmark})
    res = check_benchmark_statement(
        names["value"], names["benchmark"], relation="below", decimals=1
    )
    return list(res.verdict)
