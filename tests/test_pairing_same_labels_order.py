"""Two inputs holding the same labels in another order: the advice aligns them.

Pairing such inputs by position (``.to_numpy()``) would pair one label's
value with another's, so the message offers aligning only; each test
follows the printed code and checks the result against values worked by
hand.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import povstat
from povstat.datasets import load_indonesia


def _printed(message: str) -> str:
    """The code the message gives after "align them (e.g. ...)"."""
    found = re.search(r"align them \(e\.g\. `([^`]+)`\)", message)
    assert found is not None, message
    assert "not .to_numpy()" in message
    assert "or pass .to_numpy()" not in message
    return found.group(1)


@pytest.fixture(scope="module")
def jateng_jatim() -> pd.DataFrame:
    df = load_indonesia()
    keep = (
        (df.year == 2023)
        & (df.month == 3)
        & (df.area == "total")
        & df.region_type.isin(["kabupaten", "kota"])
        & df.province_code.isin(["35", "33"])
    )
    return df[keep].set_index("region_code")


def test_pooled_rate_by_in_another_order(jateng_jatim: pd.DataFrame) -> None:
    headcount = jateng_jatim.poor_thousands
    rate = jateng_jatim.poverty_rate_pct
    by = jateng_jatim.province_code.sample(frac=1, random_state=0)
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.pooled_rate(headcount, rate=rate, by=by, unit="percent")
    by = eval(_printed(str(err.value)), {"by": by, "headcount": headcount})
    out = povstat.pooled_rate(headcount, rate=rate, by=by, unit="percent")
    # The regencies' and cities' published counts of March 2023 summed by
    # hand: Jawa Tengah (33) 3,791.50, Jawa Timur (35) 4,188.84 thousand.
    assert out.group is not None
    assert out.group.tolist() == ["33", "35"]
    np.testing.assert_allclose(out.headcount, [3791.50, 4188.84], atol=0.005)


def test_sum_counts_by_in_another_order(jateng_jatim: pd.DataFrame) -> None:
    estimate = jateng_jatim.poor_thousands
    by = jateng_jatim.province_code.sample(frac=1, random_state=3)
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.sum_counts(estimate, by=by)
    by = eval(_printed(str(err.value)), {"by": by, "estimate": estimate})
    out = povstat.sum_counts(estimate, by=by)
    # As above: 3,791.50 and 4,188.84 thousand.
    np.testing.assert_allclose(out.total, [3791.50, 4188.84], atol=0.005)


def test_rate_change_after_in_another_order(jateng_jatim: pd.DataFrame) -> None:
    before = jateng_jatim.poverty_rate_pct
    after = before.sample(frac=1, random_state=1)
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.rate_change(before, after, unit="percent")
    after = eval(_printed(str(err.value)), {"before": before, "after": after})
    out = povstat.rate_change(before, after, unit="percent")
    # One table against itself, aligned: no region changes.
    np.testing.assert_array_equal(out.points, 0.0)


def test_implied_population_and_back(jateng_jatim: pd.DataFrame) -> None:
    rate = jateng_jatim.poverty_rate_pct
    headcount = jateng_jatim.poor_thousands.sample(frac=1, random_state=2)
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.implied_population(rate, headcount, unit="percent")
    headcount = eval(_printed(str(err.value)), {"rate": rate, "headcount": headcount})
    population = pd.Series(
        np.asarray(povstat.implied_population(rate, headcount, unit="percent")),
        index=rate.index,
    )
    # Kota Batu (3579): 7.10 thousand poor at 3.31 %: 7.10 / 0.0331 = 214.50.
    assert population["3579"] == pytest.approx(214.50, abs=0.005)
    shuffled = population.sample(frac=1, random_state=4)
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.rate_to_headcount(rate, shuffled, unit="percent")
    shuffled = eval(_printed(str(err.value)), {"rate": rate, "population": shuffled})
    back = pd.Series(
        np.asarray(povstat.rate_to_headcount(rate, shuffled, unit="percent")),
        index=rate.index,
    )
    # 3.31 % of 214.50 thousand is Kota Batu's 7.10 thousand again.
    assert back["3579"] == pytest.approx(7.10, abs=0.005)


def test_pivot_years_in_another_order() -> None:
    rate = pd.DataFrame({2023: [8.0], 2022: [10.0]}, index=["3579"])
    headcount = pd.DataFrame({2022: [5.0], 2023: [4.0]}, index=["3579"])
    with pytest.raises(ValueError, match="same labels in another order") as err:
        povstat.implied_population(rate, headcount, unit="percent")
    headcount = eval(_printed(str(err.value)), {"rate": rate, "headcount": headcount})
    out = np.asarray(povstat.implied_population(rate, headcount, unit="percent"))
    # In the columns of `rate` (2023, 2022): 4 / 0.08 = 50 and 5 / 0.10 = 50;
    # by position it would be 5 / 0.08 = 62.5 and 4 / 0.10 = 40.
    np.testing.assert_allclose(out, [[50.0, 50.0]])
