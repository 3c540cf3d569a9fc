"""The same regions written otherwise, in another order, are never offered
``.to_numpy()`` (core16 G3): BPS's bare regency names ("Pacitan", "PACITAN")
beside povstat's ("Kabupaten Pacitan"), and a MultiIndex level of integer
codes (3507) beside dotted codes ("35.07") or names. The advice gives both
the codes of their regions and aligns them; each printed snippet is run.

Rates (%): Pacitan 13.0 -> 12.5 and Ponorogo 9.0 -> 8.5 (made-up round
figures), by hand -0.5 and -0.5 points. BPS P0, March 2022 -> March 2023:
Kabupaten Malang (3507) 10.37 -> 9.91, Kota Malang (3573) 4.37 -> 4.26,
Kota Batu (3579) 3.79 -> 3.31: by hand -0.46, -0.11, -0.48 points.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from povstat import rate_change, rate_to_headcount
from povstat.statements import check_change_statement

MI = pd.MultiIndex.from_tuples
AFTER = pd.Series({"Kabupaten Ponorogo": 8.5, "Kabupaten Pacitan": 12.5})


def _refusal(func: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(ValueError, match="pair values by position") as info:
        func(*args, **kwargs)
    return str(info.value)


def _follow(msg: str, **frames: Any) -> dict[str, Any]:
    """Run each `name = ...` statement the message prints, in order."""
    scope: dict[str, Any] = {"povstat": povstat, **frames}
    for code in re.findall(r"`([A-Za-z_]\w* = [^`]+)`", msg):
        exec(code, scope)
    return scope


@pytest.mark.parametrize("names", [["Pacitan", "Ponorogo"], ["PACITAN", "PONOROGO"]])
def test_bare_bps_names_in_another_order(names: list[str]) -> None:
    before = pd.Series([13.0, 9.0], index=names)
    msg = _refusal(rate_change, before, AFTER, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "they name the same regions" in msg
    assert "not .to_numpy(), which would pair one region with another" in msg
    scope = _follow(msg, before=before, after=AFTER)
    got = rate_change(scope["before"], scope["after"], unit="percent").points
    # By hand: Pacitan 12.5 - 13.0 = -0.5, Ponorogo 8.5 - 9.0 = -0.5
    # (.to_numpy() would give 8.5 - 13.0 = -4.5 and 12.5 - 9.0 = 3.5).
    np.testing.assert_allclose(got, [-0.5, -0.5], atol=1e-12)


def test_bare_bps_names_in_one_order_may_use_to_numpy() -> None:
    before = pd.Series({"Pacitan": 13.0, "Ponorogo": 9.0})
    after = pd.Series({"Kabupaten Pacitan": 12.5, "Kabupaten Ponorogo": 8.5})
    msg = _refusal(rate_change, before, after, unit="percent")
    assert "in one order: pass .to_numpy() of one" in msg
    got = rate_change(before.to_numpy(), after, unit="percent").points
    np.testing.assert_allclose(got, [-0.5, -0.5], atol=1e-12)  # by hand, as above
    scope = _follow(msg, before=before, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent").points
    np.testing.assert_allclose(got, [-0.5, -0.5], atol=1e-12)


def test_check_change_statement_bare_capitals() -> None:
    before = pd.Series({"PACITAN": 13.0, "PONOROGO": 9.0})
    kw: dict[str, Any] = {
        "direction": "fall",
        "stated_as": "points",
        "unit": "percent",
        "decimals": 1,
    }
    msg = _refusal(check_change_statement, before, AFTER, 0.5, **kw)
    assert "if their values are already in one order" not in msg
    scope = _follow(msg, before=before, after=AFTER)
    res = check_change_statement(scope["before"], scope["after"], 0.5, **kw)
    # By hand: each fell 0.5 points, as stated.
    assert (np.asarray(res.verdict) == "holds").all()


def test_rate_to_headcount_bare_capitals_frame_rows() -> None:
    rate = pd.DataFrame(
        {2022: [13.0, 9.0, 10.0], 2023: [12.5, 8.5, 9.5]},
        index=["Kabupaten Pacitan", "Kabupaten Ponorogo", "Kabupaten Trenggalek"],
    )
    population = pd.Series({"PONOROGO": 870.0, "PACITAN": 590.0, "TRENGGALEK": 700.0})
    msg = _refusal(rate_to_headcount, rate, population, unit="percent")
    snippet = re.search(r"`(population\.rename\(.*?\[:, None\])`", msg)
    assert snippet is not None, msg
    column = eval(
        snippet[1],
        {"povstat": povstat, "R": povstat.datasets.indonesia_regions()},
        {"population": population, "rate": rate},
    )
    got = rate_to_headcount(rate, column, unit="percent")
    # By hand (thousands): 13.0 * 590 / 100 = 76.7, 12.5 * 590 / 100 = 73.75;
    # 9.0 * 870 / 100 = 78.3, 8.5 * 870 / 100 = 73.95; 10.0 * 700 / 100 = 70.0,
    # 9.5 * 700 / 100 = 66.5.
    expected = [[76.7, 73.75], [78.3, 73.95], [70.0, 66.5]]
    np.testing.assert_allclose(np.asarray(got), expected, rtol=1e-12)


BEFORE_CODES = pd.Series(
    [10.37, 4.37, 3.79], index=MI([(3507, "total"), (3573, "total"), (3579, "total")])
)


@pytest.mark.parametrize(
    "level0",
    [
        ["35.79", "35.73", "35.07"],
        ["Kota Batu", "Kota Malang", "Kabupaten Malang"],
        ["KOTA BATU", "KOTA MALANG", "KABUPATEN MALANG"],
    ],
)
def test_multiindex_level_of_codes_beside_dotted_or_names(level0: list[str]) -> None:
    after = pd.Series([3.31, 4.26, 9.91], index=MI([(v, "total") for v in level0]))
    msg = _refusal(rate_change, BEFORE_CODES, after, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "in level 0" in msg
    scope = _follow(msg, before=BEFORE_CODES, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent").points
    # By hand, in the order of `before`: 9.91 - 10.37 = -0.46,
    # 4.26 - 4.37 = -0.11, 3.31 - 3.79 = -0.48 (.to_numpy() would give
    # 3.31 - 10.37 = -7.06, -0.11, 9.91 - 3.79 = 6.12).
    np.testing.assert_allclose(got, [-0.46, -0.11, -0.48], atol=1e-9)


def test_some_regions_in_one_side_only_no_to_numpy() -> None:
    # Not the same regions (Trenggalek beside Magetan), but "Pacitan" is
    # Kabupaten Pacitan at another position: the orders differ.
    before = pd.Series({"Pacitan": 13.0, "Ponorogo": 9.0, "Trenggalek": 11.0})
    after = pd.Series(
        {"Kabupaten Ponorogo": 8.5, "Kabupaten Pacitan": 12.5, "Kabupaten Magetan": 7.0}
    )
    msg = _refusal(rate_change, before, after, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "their orders differ ('Pacitan', at position 0" in msg


def test_multiindex_codes_partly_other_regions_no_to_numpy() -> None:
    after = pd.Series(
        [3.31, 4.26, 9.91], index=MI([("35.79", "t"), ("35.73", "t"), ("35.01", "t")])
    )
    before = pd.Series(
        [3.79, 4.37, 10.37], index=MI([(3507, "t"), (3573, "t"), (3579, "t")])
    )
    msg = _refusal(rate_change, before, after, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "their orders differ" in msg


def test_multiindex_codes_beside_a_bare_name_of_two_regions_no_to_numpy() -> None:
    # A bare "MALANG" may be Kabupaten or Kota Malang: not read as either
    # (no "same regions" advice), but "KOTA BATU" is 3579, at position 2 in
    # `before` and 0 in `after`: the orders differ.
    after = pd.Series(
        [3.31, 4.26, 9.91],
        index=MI(
            [("KOTA BATU", "total"), ("KOTA MALANG", "total"), ("MALANG", "total")]
        ),
    )
    msg = _refusal(rate_change, BEFORE_CODES, after, unit="percent")
    assert "same regions" not in msg
    assert "if their values are already in one order" not in msg
    assert "their orders differ" in msg
