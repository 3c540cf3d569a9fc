"""Labels converted to the other side's kind, already in its order; year.month text.

Region names beside their codes, codes written with a dot beside the
same codes as numbers, and text months beside Timestamps or Periods:
where the converted labels are already in the other side's order, the
advice converts them and stops (no ``.reindex``), and does not claim
that ``.to_numpy()`` would pair one label with another. Text read as a
year and month ("2021.13", whose month is no month) is no time to convert
to: ``pandas.PeriodIndex`` would read it as January 2021.

Each printed snippet is run and the values checked, worked by hand.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat


def _snippet(msg: str, start: str) -> str:
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if s.startswith(start)][-1]


# Kabupaten Pacitan (3501), Ponorogo (3502), Kota Batu (3579): rates (%)
# 13.5 -> 13.0, 9.5 -> 9.0, 4.0 -> 3.5, by hand -0.5 each.
AFTER = [13.0, 9.0, 3.5]


@pytest.mark.parametrize(
    ("before", "after", "start"),
    [
        (
            pd.Series([13.5, 9.5, 4.0], index=["3501", "3502", "3579"]),
            # The names in the order of the codes (not alphabetical).
            ["Kabupaten Pacitan", "Kabupaten Ponorogo", "Kota Batu"],
            "after.rename",
        ),
        (
            pd.Series([13.5, 9.5, 4.0], index=[3501, 3502, 3579]),
            ["35.01", "35.02", "35.79"],
            "after.set_axis",
        ),
    ],
)
def test_regions_in_one_order_are_converted_alone(
    before: pd.Series, after: list[str], start: str
) -> None:
    rates = pd.Series(AFTER, index=after)
    with pytest.raises(ValueError, match="align them") as err:
        povstat.rate_change(before, rates, unit="percent")
    msg = str(err.value)
    assert "in other orders" not in msg
    assert "would pair one region with another" not in msg
    how = _snippet(msg, start)
    assert ".reindex(" not in how
    names = {"R": povstat.datasets.indonesia_regions(), "after": rates}
    fixed = eval(how, {"pandas": pd}, names)
    got = povstat.rate_change(before, fixed, unit="percent")
    np.testing.assert_allclose(np.asarray(got.points), [-0.5, -0.5, -0.5], atol=1e-12)


@pytest.mark.parametrize(
    "times",
    [
        pd.to_datetime(["2015-03-01", "2016-03-01"]),
        pd.PeriodIndex(["2015-03", "2016-03"], freq="M"),
    ],
)
def test_text_months_in_one_order_are_converted_alone(times: Any) -> None:
    rate = pd.Series([10.0, 9.0], index=["2015.03", "2016.03"])
    headcount = pd.Series([5.0, 4.0], index=times)
    with pytest.raises(ValueError, match="same times of two kinds") as err:
        povstat.implied_population(rate, headcount, unit="percent")
    msg = str(err.value)
    assert "would pair one time with another" not in msg
    how = _snippet(msg, "rate.set_axis")
    assert ".reindex(" not in how
    fixed = eval(how, {"pandas": pd}, {"rate": rate})
    out = np.asarray(povstat.implied_population(fixed, headcount, unit="percent"))
    # 5 / 0.10 = 50 and 4 / 0.09 = 44.44.
    np.testing.assert_allclose(out, [50.0, 4.0 / 0.09])


@pytest.mark.parametrize(
    "times",
    [
        pd.to_datetime(["2021-01-01", "2022-01-01"]),
        pd.PeriodIndex(["2021-01", "2022-01"], freq="M"),
    ],
)
def test_a_thirteenth_month_is_no_month(times: Any) -> None:
    # "2021.13": month 13 is no month, so the text is no time, and January
    # 2021 is not its period (pandas.PeriodIndex reads it as that).
    rate = pd.Series([10.0, 9.0], index=["2021.13", "2022.01"])
    headcount = pd.Series([5.0, 4.0], index=times)
    with pytest.raises(ValueError, match="different index labels") as err:
        povstat.implied_population(rate, headcount, unit="percent")
    msg = str(err.value)
    assert "same times" not in msg
    assert "set_axis" not in msg
    assert "'2021.13', '2022.01' in `rate` only" in msg
    assert povstat._validate._month_text_format(["2021.13"]) is None
    assert povstat._validate._month_text_format(["2021.00"]) is None
    assert povstat._validate._month_text_format(["2021.12"]) == "%Y.%m"
