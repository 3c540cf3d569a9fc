"""Shared set-up of the tests of a covariance matrix beside its estimates.

Three regions with rates and a covariance matrix worked out by hand
(:data:`CODES`, :data:`NAMES`, :data:`C`, and :data:`C_REVERSED`, the matrix
in the estimates' reversed order), the matrix written to CSV and read back
as a user reads it (:func:`read_back`), the advice of a refusal run exactly
as printed (:func:`follow`) and the check of its result (:func:`check_reversed`);
for the tests of level advice, a MultiIndex (:func:`mi`), a refusal's message
(:func:`refused`) and the check that it prints no code (:func:`no_code`).
Used by ``test_pairing_cov_read_both_axes.py``,
``test_pairing_cov_key_column_names.py``,
``test_pairing_cov_relabelled_followed.py`` and
``test_pairing_cov_polars_and_levels.py``.
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
    buf = io.StringIO()
    index = pd.Index(list(labels), name=index_name)
    pd.DataFrame(C, index=index, columns=list(labels)).to_csv(buf, index=write_index)
    buf.seek(0)
    return pd.read_csv(buf, index_col=0 if index_col else None)


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


def no_code(msg: str) -> None:
    """`msg` advises no level dropped and prints no code to run."""
    assert "droplevel" not in msg
    assert not [s for s in re.findall(r"`([^`]*)`", msg) if "(" in s]
