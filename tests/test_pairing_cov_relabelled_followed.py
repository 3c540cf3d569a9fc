"""Pairing advice for a covariance matrix labelled otherwise than its estimates.

pairing18 F1-F5: each recipe is run exactly as printed and its result
compared with values worked out by hand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from cov_pairing import C_REVERSED, CODES, NAMES, C, check_reversed, follow, read_back
from cov_pairing import KW as RANK_KW
from povstat import rate_change, rate_to_headcount

KW: dict[str, Any] = {**RANK_KW, "seed": 1}
EST = pd.Series([13.5, 9.5, 4.0], index=CODES)


def _csv_cov() -> pd.DataFrame:
    """The matrix by code written to CSV, read back with index_col=0."""
    cov = read_back()
    assert list(cov.index) == [3501, 3502, 3579]  # int rows, text columns
    assert list(cov.columns) == CODES
    return cov


def _refused(estimates: pd.Series, cov: pd.DataFrame) -> str:
    with pytest.raises(ValueError, match="different") as err:
        povstat.rank_confidence_sets(estimates, cov=cov, **KW)
    msg = str(err.value)
    assert "[:, None]" not in msg  # no Series-as-a-column advice for a matrix
    assert "reindex(columns=" not in msg
    return msg


def test_csv_cov_beside_text_codes_in_another_order() -> None:  # F1
    estimates = EST.iloc[::-1]
    msg = _refused(estimates, _csv_cov())
    assert (
        "`cov = cov.set_axis(cov.index.astype(str), axis=0)"
        ".loc[estimates.index, estimates.index]`" in msg
    )
    check_reversed(
        follow(msg, {"estimates": estimates, "cov": _csv_cov()}), CODES[::-1]
    )


def test_csv_cov_beside_int_codes_in_another_order() -> None:
    estimates = pd.Series([4.0, 9.5, 13.5], index=[3579, 3502, 3501])
    msg = _refused(estimates, _csv_cov())
    recipe = (
        "cov.set_axis(cov.columns.astype(int), axis=1)"
        ".loc[estimates.index, estimates.index]"
    )
    assert f"`cov = {recipe}`" in msg
    cov = eval(recipe, {}, {"cov": _csv_cov(), "estimates": estimates})
    assert list(cov.index) == list(cov.columns) == [3579, 3502, 3501]
    np.testing.assert_allclose(cov.to_numpy(), C_REVERSED)


def test_names_in_another_order_beside_csv_cov_by_code() -> None:  # F2
    estimates = EST.set_axis(NAMES).iloc[::-1]
    msg = _refused(estimates, _csv_cov())
    assert "`R = povstat.datasets.indonesia_regions()`" in msg
    names = follow(msg, {"estimates": estimates, "cov": _csv_cov()})
    check_reversed(names, CODES[::-1])
    # The estimates keep their values and order, now labelled by code.
    np.testing.assert_array_equal(names["estimates"].to_numpy(), [4.0, 9.5, 13.5])


def test_cov_by_name_beside_codes_in_another_order() -> None:  # F3
    estimates = EST.iloc[::-1]
    cov = pd.DataFrame(C, index=NAMES, columns=NAMES)
    msg = _refused(estimates, cov)
    assert "not a reorder of its rows alone" in msg
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), CODES[::-1])


def test_cov_rows_reordered_alone_is_relabelled_by_label() -> None:
    # The old advice's first step, rows renamed and reordered, columns
    # left by name: the recipe relabels the columns by label, so the
    # matrix is whole again.
    estimates = EST.iloc[::-1]
    cov = pd.DataFrame(C, index=CODES, columns=NAMES).iloc[::-1]
    msg = _refused(estimates, cov)
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), CODES[::-1])


def test_square_frame_with_bare_names_in_another_order() -> None:  # F4
    # Kabupaten Malang, Kota Batu, Kota Malang: rates (%) 2021-2023.
    rate = pd.DataFrame(
        {2021: [10.5, 4.1, 4.6], 2022: [9.9, 3.8, 4.4], 2023: [9.45, 3.31, 4.26]},
        index=["Kabupaten Malang", "Kota Batu", "Kota Malang"],
    )
    population = pd.Series({"Kota Batu": 220.0, "Malang": 2660.0, "Kota Malang": 887.0})
    with pytest.raises(ValueError, match="another order than those rows") as err:
        rate_to_headcount(rate, population, unit="percent")
    msg = str(err.value)
    assert "'Kota Batu', in both, is at position 1 in the rows of `rate` and 0" in msg
    assert "not `population.to_numpy()[:, None]`" in msg
    assert "pass it as a column, one value per row, `population.to_numpy()" not in msg
    # Given the row labels of `rate` ('Malang' is Kabupaten Malang here),
    # then the recipe as printed.
    population = population.rename({"Malang": "Kabupaten Malang"})
    recipe = "population.reindex(rate.index).to_numpy()[:, None]"
    assert f"`{recipe}`" in msg
    column = eval(recipe, {}, {"population": population, "rate": rate})
    out = rate_to_headcount(rate, column, unit="percent")
    # By hand, 2023: 9.45 * 2660 / 100 = 251.37; 3.31 * 220 / 100 = 7.282;
    # 4.26 * 887 / 100 = 37.7862.
    np.testing.assert_allclose(out[:, 2], [251.37, 7.282, 37.7862])


def test_multiindex_same_text_labels_in_another_order() -> None:  # F5
    idx = [
        ("Kabupaten Pacitan", 2022),
        ("Kabupaten Ponorogo", 2022),
        ("Kota Batu", 2022),
    ]
    before = pd.Series([13.5, 9.5, 4.0], index=pd.MultiIndex.from_tuples(idx))
    after = pd.Series([3.5, 9.0, 13.0], index=pd.MultiIndex.from_tuples(idx[::-1]))
    with pytest.raises(ValueError, match="same labels in another order") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "written otherwise" not in msg
    assert "str.strip" not in msg
    assert "same labels in another order" in msg
    recipe = "after.reindex(before.index)"
    assert f"`{recipe}`" in msg
    aligned = eval(recipe, {}, {"after": after, "before": before})
    # By hand: 13.0 - 13.5 = -0.5; 9.0 - 9.5 = -0.5; 3.5 - 4.0 = -0.5.
    np.testing.assert_allclose(
        rate_change(before, aligned, unit="percent").points, [-0.5, -0.5, -0.5]
    )


@pytest.mark.parametrize("func", ["rank_probabilities", "tau_best_set"])
def test_csv_cov_advice_in_the_other_rank_functions(func: str) -> None:  # F1
    estimates = EST.iloc[::-1]
    with pytest.raises(ValueError, match="covariance matrix") as err:
        getattr(povstat, func)(estimates, cov=_csv_cov(), seed=1)
    msg = str(err.value)
    assert "[:, None]" not in msg
    assert (
        "`cov = cov.set_axis(cov.index.astype(str), axis=0)"
        ".loc[estimates.index, estimates.index]`" in msg
    )
