"""Pairing advice for names of other spellings and times of other kinds, followed.

* Region names as BPS writes them (provinces in capitals, regencies
  bare), "Kab." names, names in capitals, beside area codes in another
  order: map the names with povstat's list of regions, the mapping that
  gives the codes, never ``.to_numpy()``.
* Labels carrying the code ("Kabupaten Pacitan \u2013 3501") beside the
  codes: take the code out.
* Names povstat does not know beside codes: no ``.to_numpy()`` advice.
* ``datetime.date`` labels beside Timestamps, text "2023-03" beside
  monthly Periods, in another order: the same times of two kinds, to
  convert.

Each printed snippet is run and the values checked, worked by hand.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import implied_population, rate_change
from povstat.datasets import indonesia_regions


def _snippet(msg: str) -> str:
    """The advice's code that aligns the labels (the last ``...reindex(...)``)."""
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if ".reindex(" in s][-1]


def _follow(snippet: str, **names: Any) -> Any:
    """Run the advice `snippet` with the objects it names."""
    return eval(snippet, {"pandas": pd, "R": indonesia_regions()}, names)


# Rates (%) of Aceh (11), Jawa Timur (35) and Bali (51); each rose 0.5
# points by hand (14.0 -> 14.5, 10.0 -> 10.5, 4.0 -> 4.5). `after` in
# code order; names sort otherwise (Aceh, Bali, Jawa Timur), so pairing
# by position would pair Bali 2022 with Jawa Timur 2023 (10.5 - 4.0).
AFTER = pd.Series([14.5, 10.5, 4.5], index=["11", "35", "51"])


@pytest.mark.parametrize(
    "names",
    [
        ["ACEH", "BALI", "JAWA TIMUR"],  # capitals, as BPS writes provinces
        ["aceh", "bali", "jawa timur"],
    ],
)
def test_province_names_in_capitals_beside_codes(names: list[str]) -> None:
    before = pd.Series([14.0, 4.0, 10.0], index=names)
    if names[0] == "aceh":  # no spelling of povstat's: no .to_numpy() advice
        with pytest.raises(ValueError, match="by area code") as err:
            rate_change(before, AFTER, unit="percent")
        assert "to_numpy() if" not in str(err.value)
        assert "not .to_numpy()" in str(err.value)
        return
    with pytest.raises(ValueError, match="by name and `after` by code") as err:
        rate_change(before, AFTER, unit="percent")
    assert "to_numpy() if" not in str(err.value)
    fixed = _follow(_snippet(str(err.value)), before=before, after=AFTER)
    got = rate_change(fixed, AFTER, unit="percent")
    np.testing.assert_allclose(np.asarray(got.points), [0.5, 0.5, 0.5], atol=1e-12)


# Kabupaten Pacitan (3501), Kabupaten Ponorogo (3502), Kota Batu (3579):
# rates (%) 13.5 -> 13.0, 9.5 -> 9.0, 4.0 -> 3.5 by hand: -0.5 each.
CODES = pd.Series([13.0, 9.0, 3.5], index=["3501", "3502", "3579"])


@pytest.mark.parametrize(
    "names",
    [
        ["Pacitan", "Ponorogo", "Kota Batu"],  # BPS's bare regencies
        ["Kab. Pacitan", "Kab. Ponorogo", "Kota Batu"],
        ["KABUPATEN PACITAN", "KABUPATEN PONOROGO", "KOTA BATU"],
        [
            "Kabupaten Pacitan \u2013 3501",
            "Kabupaten Ponorogo \u2013 3502",
            "Kota Batu \u2013 3579",
        ],
        ["[3501] PACITAN", "[3502] PONOROGO", "[3579] KOTA BATU"],
    ],
)
def test_regency_names_of_other_spellings_beside_codes(names: list[str]) -> None:
    # Sorted by name, as a pivot sorts them: Kota Batu first.
    before = pd.Series([13.5, 9.5, 4.0], index=names).iloc[[2, 0, 1]]
    with pytest.raises(ValueError, match="code") as err:
        rate_change(before, CODES, unit="percent")
    msg = str(err.value)
    assert "to_numpy() if" not in msg
    assert "not .to_numpy()" in msg
    fixed = _follow(_snippet(msg), before=before, after=CODES)
    got = rate_change(fixed, CODES, unit="percent")
    np.testing.assert_allclose(np.asarray(got.points), [-0.5, -0.5, -0.5], atol=1e-12)


# Jawa Timur: poverty rate 10.35 % (March 2023), 10.47 % (March 2024),
# 9.79 % (September 2024); poor 4188.81, 3982.69, 3893.82 thousand (BPS).
# Implied population = poor / rate * 100: 40471.59..., 38038.87...,
# 39773.44... thousand (by hand: 4188.81 / 0.1035 = 40471.59).
TIMES = pd.to_datetime(["2023-03-01", "2024-03-01", "2024-09-01"])
RATE = pd.Series([10.35, 10.47, 9.79], index=TIMES)
POOR = [4188.81, 3982.69, 3893.82]
TRUTH = [4188.81 / 0.1035, 3982.69 / 0.1047, 3893.82 / 0.0979]


def test_dates_beside_timestamps_in_another_order() -> None:
    dates = [
        datetime.date(2023, 3, 1),
        datetime.date(2024, 3, 1),
        datetime.date(2024, 9, 1),
    ]
    headcount = pd.Series(POOR, index=pd.Index(dates, dtype=object)).iloc[::-1]
    with pytest.raises(ValueError, match="same times of two kinds") as err:
        implied_population(RATE, headcount, unit="percent")
    msg = str(err.value)
    assert "datetime.date" in msg
    assert "to_numpy() if" not in msg
    assert "pandas.to_datetime(headcount.index)" in msg
    fixed = _follow(_snippet(msg), rate=RATE, headcount=headcount)
    got = implied_population(RATE, fixed, unit="percent")
    np.testing.assert_allclose(got, TRUTH, rtol=1e-12)


def test_text_months_beside_monthly_periods_in_another_order() -> None:
    rate = RATE.set_axis(TIMES.to_period("M"))
    headcount = pd.Series(POOR, index=["2023-03", "2024-03", "2024-09"]).iloc[::-1]
    with pytest.raises(ValueError, match="even where they print alike") as err:
        implied_population(rate, headcount, unit="percent")
    msg = str(err.value)
    assert "to_numpy() if" not in msg
    fixed = _follow(_snippet(msg), rate=rate, headcount=headcount)
    got = implied_population(rate, fixed, unit="percent")
    np.testing.assert_allclose(got, TRUTH, rtol=1e-12)
