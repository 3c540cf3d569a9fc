"""A covariance matrix read without index_col, beside estimates by name (final19 K1).

The key column (codes, read back as numbers) is detected by the step the
recipe uses: the estimates by name are first given the codes of their
names. Each recipe is run exactly as printed and its result compared with
values worked out by hand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from cov_pairing import C_REVERSED, CODES, KW, NAMES, follow, read_back
from povstat import rank_confidence_sets, tau_best_set


def _csv_without_index_col() -> pd.DataFrame:
    # columns region_code, '3501', ...; rows 0..2
    cov = read_back(index_col=False, index_name="region_code")
    assert list(cov.columns) == ["region_code", *CODES]
    assert list(cov["region_code"]) == [3501, 3502, 3579]  # codes read as numbers
    return cov


def _refused(estimates: pd.Series, cov: pd.DataFrame) -> str:
    with pytest.raises(ValueError, match="covariance matrix of `estimates`") as err:
        rank_confidence_sets(estimates, cov=cov, **KW)
    msg = str(err.value)
    assert "to_numpy()`" not in msg.replace("`estimates.to_numpy()`", "")
    assert "reindex(" not in msg  # not the rows-only advice
    return msg


@pytest.mark.parametrize(
    ("spell", "mapping"),
    [
        (str, "dict(zip(R.region_name, R.region_code))"),
        (str.upper, "dict(zip(R.region_name.str.upper(), R.region_code))"),
    ],
)
def test_names_beside_cov_read_without_index_col(spell: Any, mapping: str) -> None:
    estimates = pd.Series([4.0, 9.5, 13.5], index=[spell(n) for n in NAMES[::-1]])
    cov = _csv_without_index_col()
    msg = _refused(estimates, cov)
    recipe = [
        "cov = cov.set_index('region_code')",
        "R = povstat.datasets.indonesia_regions()",
        f"estimates = estimates.rename(index={mapping})",
        "cov = cov.set_axis(cov.index.astype(str), axis=0)"
        ".loc[estimates.index, estimates.index]",
    ]
    assert ", then ".join(f"`{s}`" for s in recipe) in msg
    names = follow(msg, {"estimates": estimates, "cov": cov})
    est, cov1 = names["estimates"], names["cov"]
    # By hand: the estimates keep their values in order, now by code.
    assert list(est.index) == CODES[::-1]
    np.testing.assert_array_equal(est.to_numpy(), [4.0, 9.5, 13.5])
    assert list(cov1.index) == list(cov1.columns) == CODES[::-1]
    np.testing.assert_allclose(cov1.to_numpy(), C_REVERSED)  # no NaN
    # Differences of 4 and more, se at most 0.4: by hand, descending,
    # 4.0 -> 3, 9.5 -> 2, 13.5 -> 1, each certain.
    r = rank_confidence_sets(est, cov=cov1, **KW)
    np.testing.assert_array_equal(r.lower, [3, 2, 1])
    np.testing.assert_array_equal(r.upper, [3, 2, 1])
    # The best one (tau=1) is 3501 alone: 13.5 - 9.5 = 4 is more than 10
    # standard errors (sqrt(0.04 + 0.09 - 2 * 0.01) = 0.33).
    t = tau_best_set(
        est, cov=cov1, tau=1, descending=True, level=0.9, method="bonferroni"
    )
    np.testing.assert_array_equal(t.member, [False, False, True])


def test_cov_reindexed_on_names_is_no_rows_only_case() -> None:
    # The old advice followed: the key column reindexed on names it does
    # not hold gives NaN rows; labelling the columns would keep them.
    estimates = pd.Series([4.0, 9.5, 13.5], index=NAMES[::-1])
    cov = _csv_without_index_col().set_index("region_code").reindex(estimates.index)
    assert cov.isna().all().all()
    with pytest.raises(ValueError, match="hold missing values") as err:
        rank_confidence_sets(estimates, cov=cov, **KW)
    msg = str(err.value)
    assert "`cov =" not in msg
    assert "set_axis" not in msg


def test_dotted_estimates_beside_cov_read_without_index_col() -> None:
    # '35.79' against a key column of 3579: no conversion povstat checks,
    # so no code (and no reindex that would give NaN).
    estimates = pd.Series([4.0, 9.5, 13.5], index=["35.79", "35.02", "35.01"])
    msg = _refused(estimates, _csv_without_index_col())
    assert "`cov =" not in msg
    assert "povstat finds no conversion" in msg
    assert "its key column 'region_code'" in msg
