"""One reader of both axes of a covariance matrix, one recipe (pairing19 G1-G4).

Each recipe is run exactly as printed and its result compared with values
worked out by hand.
"""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from cov_pairing import (
    C_REVERSED,
    CODES,
    KW,
    NAMES,
    C,
    check_reversed,
    follow,
    read_back,
)
from povstat import rank_confidence_sets, rate_to_headcount


def _refused(estimates: pd.Series, cov: pd.DataFrame) -> str:
    with pytest.raises(ValueError, match="covariance matrix of `estimates`") as err:
        rank_confidence_sets(estimates, cov=cov, **KW)
    msg = str(err.value)
    assert "to_numpy()`" not in msg.replace("`estimates.to_numpy()`", "")
    assert "reindex(" not in msg  # never a reorder of its rows alone
    return msg


def test_cov_in_capitals_beside_names_in_another_order() -> None:  # G1
    estimates = pd.Series([4.0, 9.5, 13.5], index=NAMES[::-1])
    caps = [n.upper() for n in NAMES]
    cov = pd.DataFrame(C, index=caps, columns=caps)
    msg = _refused(estimates, cov)
    assert (
        "`cov = cov.set_axis(cov.index.str.title(), axis=0)"
        ".set_axis(cov.columns.str.title(), axis=1)"
        ".loc[estimates.index, estimates.index]`" in msg
    )
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), NAMES[::-1])


def test_names_beside_estimates_in_capitals() -> None:  # G1
    caps = [n.upper() for n in NAMES]
    estimates = pd.Series([4.0, 9.5, 13.5], index=caps[::-1])
    cov = pd.DataFrame(C, index=NAMES, columns=NAMES)
    msg = _refused(estimates, cov)
    assert ".str.upper(), axis=0)" in msg
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), caps[::-1])


def test_dotted_cov_beside_codes_in_another_order() -> None:  # G1
    estimates = pd.Series([4.0, 9.5, 13.5], index=CODES[::-1])
    dotted = ["35.01", "35.02", "35.79"]
    cov = pd.DataFrame(C, index=dotted, columns=dotted)
    msg = _refused(estimates, cov)
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), CODES[::-1])


def _dotted_csv() -> pd.DataFrame:
    dotted = ["35.01", "35.02", "35.79"]
    cov = read_back(dotted)
    assert list(cov.index) == [35.01, 35.02, 35.79]  # float rows, text columns
    assert list(cov.columns) == dotted
    return cov


@pytest.mark.parametrize("kind", [str, int])
def test_dotted_cov_read_back_from_csv(kind: type) -> None:  # G2
    labels = [kind(c) for c in CODES[::-1]]
    estimates = pd.Series([4.0, 9.5, 13.5], index=labels)
    msg = _refused(estimates, _dotted_csv())
    assert "cov.index.map('{:.2f}'.format)" in msg  # the float rows read too
    names = follow(msg, {"estimates": estimates, "cov": _dotted_csv()})
    assert not names["cov"].isna().any().any()
    check_reversed(names, labels)


def test_dotted_codes_10_and_20_read_back_as_floats() -> None:  # G2
    # 35.10 and 35.20 are read back as 35.1 and 35.2: two decimals give them back.
    cov = read_back(["35.10", "35.20", "35.79"])
    estimates = pd.Series([4.0, 9.5, 13.5], index=["3579", "3520", "3510"])
    names = follow(_refused(estimates, cov), {"estimates": estimates, "cov": cov})
    assert list(names["cov"].index) == ["3579", "3520", "3510"]
    np.testing.assert_allclose(names["cov"].to_numpy(), C_REVERSED)


def test_cov_read_back_without_index_col() -> None:  # G3
    # columns region_code, '3501', ...; rows 0..2
    cov = read_back(index_col=False, index_name="region_code")
    estimates = pd.Series([4.0, 9.5, 13.5], index=CODES[::-1])
    msg = _refused(estimates, cov)
    assert "`cov = cov.set_index('region_code')`" in msg
    assert "cov.to_numpy()" not in msg
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), CODES[::-1])


def test_no_conversion_prints_no_code() -> None:
    # 3578 (Kota Surabaya) in the matrix, 3579 (Kota Batu) in the estimates:
    # no spelling makes one the other.
    labels = ["3501", "3502", "3578"]
    cov = pd.DataFrame(C, index=labels, columns=labels)
    estimates = pd.Series([4.0, 9.5, 13.5], index=CODES[::-1])
    msg = _refused(estimates, cov)
    assert "`cov =" not in msg
    assert "to_numpy" not in msg
    assert "its rows hold '3578' not in `estimates`, none of '3579'" in msg


def _csv_rate(years: list[int]) -> pd.DataFrame:
    # Rates (%) of 3501, 3502, 3503 by year, written with their key column.
    values = {2021: [12.0, 25.0, 6.0], 2022: [10.0, 20.0, 5.0], 2023: [8.0, 15.0, 4.0]}
    frame = pd.DataFrame(
        {y: values[y] for y in years},
        index=pd.Index(["3501", "3502", "3503"], name="region_code"),
    )
    buf = io.StringIO()
    frame.to_csv(buf)
    buf.seek(0)
    return pd.read_csv(buf)


@pytest.mark.parametrize("years", [[2022, 2023], [2021, 2022, 2023]])
def test_frame_read_back_without_index_col_beside_population(
    years: list[int],
) -> None:  # G4
    rate = _csv_rate(years)
    population = pd.Series({"3503": 750.0, "3502": 960.0, "3501": 560.0})
    with pytest.raises(ValueError, match="'region_code', is its key") as err:
        rate_to_headcount(rate, population, unit="percent")
    msg = str(err.value)
    assert "`rate = rate.astype({'region_code': str}).set_index('region_code')`" in msg
    names: dict[str, Any] = {"rate": rate, "population": population}
    follow(msg, names)
    column = re.findall(r"`(population\.reindex[^`]*)`", msg)[-1]
    passed = eval(column, {}, names)
    got = rate_to_headcount(names["rate"], passed, unit="percent")
    # By hand, rate x population / 100: 3501 560 x (12, 10, 8) %, 3502 960 x
    # (25, 20, 15) %, 3503 750 x (6, 5, 4) %.
    hand = {
        2021: [67.2, 240.0, 45.0],
        2022: [56.0, 192.0, 37.5],
        2023: [44.8, 144.0, 30.0],
    }
    want = np.array([hand[y] for y in years]).T
    np.testing.assert_allclose(np.asarray(got), want)


def test_bare_names_beside_a_cov_by_code() -> None:
    # BPS's bare regency names, each of one regency (Pacitan 3501, Ponorogo
    # 3502, Trenggalek 3503): the estimates are given the codes, the matrix
    # (the one of C, by code) aligned with them.
    codes = ["3501", "3502", "3503"]
    bare = ["Trenggalek", "Ponorogo", "Pacitan"]
    estimates = pd.Series([4.0, 9.5, 13.5], index=bare)
    cov = pd.DataFrame(C, index=codes, columns=codes)
    msg = _refused(estimates, cov)
    assert "`cov = cov.loc[estimates.index, estimates.index]`" in msg
    check_reversed(follow(msg, {"estimates": estimates, "cov": cov}), codes[::-1])


def test_cov_written_without_its_index_prints_no_code() -> None:
    # Row positions 0..2 and codes in the columns: the rows' order cannot be
    # checked, so no recipe (main printed estimates.reindex(cov.columns)).
    cov = read_back(index_col=False, write_index=False)
    estimates = pd.Series([4.0, 9.5, 13.5], index=CODES[::-1])
    msg = _refused(estimates, cov)
    assert "`cov =" not in msg
    assert "to_numpy" not in msg
    assert "reindex" not in msg
