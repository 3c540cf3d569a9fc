"""Pairing advice for dotted beside plain codes, the country's 0, names spelt otherwise.

* Plain codes ("3507", or 3507 read back) beside Kemendagri's dotted
  codes ("35.07", or 35.07 read back from a CSV; a province's "35"
  among them), in other orders: take the dot out and align.
* Integer codes with the country's 0 ("00" read back) beside names: area
  codes, not row numbers; integer codes in any order beside labels that
  carry the code ("3507 Kabupaten Malang"): take the code out.
* Names written in capitals beside povstat's names, in other orders:
  write them one way and align; never ``.to_numpy()`` where the order
  differs.

Each printed snippet is run and the values checked. Rates (%), BPS:
Kabupaten Malang (3507) 9.56 (March 2022) -> 9.45 (March 2023), Kota
Malang (3573) 4.37 -> 4.26, Kota Batu (3579) 3.79 -> 3.31, Jawa Timur
(35) 10.49 -> 10.35: changes -0.11, -0.11, -0.48, -0.14 points.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change

_CHANGE = {"35": -0.14, "3507": -0.11, "3573": -0.11, "3579": -0.48}


def _snippet(msg: str, start: str) -> str:
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if s.startswith(start)][-1]


def _follow(snippet: str, **names: Any) -> Any:
    return eval(snippet, {"pandas": pd}, names)


def _refusal(before: Any, after: Any) -> str:
    with pytest.raises(ValueError, match="pair values by position") as err:
        rate_change(before, after, unit="percent")
    return str(err.value)


@pytest.mark.parametrize(
    "after",
    [
        pd.Series({"35.79": 3.31, "35.07": 9.45, "35.73": 4.26}),
        pd.Series([3.31, 9.45, 4.26], index=[35.79, 35.07, 35.73]),  # read_csv
    ],
)
def test_plain_codes_beside_dotted_codes_in_another_order(after: Any) -> None:
    before = pd.Series({"3507": 9.56, "3573": 4.37, "3579": 3.79})
    msg = _refusal(before, after)
    assert "written with a dot" in msg
    assert "pass .to_numpy()" not in msg
    aligned = _follow(_snippet(msg, "after.set_axis"), after=after, before=before)
    got = rate_change(before, aligned, unit="percent").points
    np.testing.assert_allclose(got, [-0.11, -0.11, -0.48], atol=1e-9)


def test_integer_codes_beside_dotted_codes_with_a_province() -> None:
    before = pd.Series({35: 10.49, 3507: 9.56, 3573: 4.37})
    after = pd.Series({"35.73": 4.26, "35": 10.35, "35.07": 9.45})
    msg = _refusal(before, after)
    assert "written with a dot" in msg
    aligned = _follow(_snippet(msg, "after.set_axis"), after=after, before=before)
    got = rate_change(before, aligned, unit="percent").points
    np.testing.assert_allclose(got, [-0.14, -0.11, -0.11], atol=1e-9)


def test_integer_codes_with_the_country_are_no_row_numbers() -> None:
    before = pd.Series(
        [9.54, 10.49, 9.56], index=["Indonesia", "Jawa Timur", "Kabupaten Malang"]
    )
    after = pd.Series([9.36, 10.35, 9.45], index=[0, 35, 3507])  # "00" read as 0
    msg = _refusal(before, after)
    assert "are row numbers" not in msg
    assert "area codes read as integers" in msg
    after = _follow(_snippet(msg, "after = ").split(" = ", 1)[1], after=after)
    assert after.index.tolist() == ["00", "35", "3507"]
    again = _refusal(before, after)
    assert "by area code" in again
    assert "not .to_numpy()" in again


def test_integer_codes_in_any_order_beside_labels_carrying_them() -> None:
    before = pd.Series(
        {
            "3507 Kabupaten Malang": 9.56,
            "3573 Kota Malang": 4.37,
            "3579 Kota Batu": 3.79,
        }
    )
    after = pd.Series({3579: 3.31, 3507: 9.45, 3573: 4.26})
    msg = _refusal(before, after)
    assert "area codes read as integers" in msg
    after = _follow(_snippet(msg, "after = ").split(" = ", 1)[1], after=after)
    before = _follow(_snippet(msg, "before.set_axis"), before=before, after=after)
    got = rate_change(before, after, unit="percent").points
    np.testing.assert_allclose(got, [-0.48, -0.11, -0.11], atol=1e-9)


@pytest.mark.parametrize(
    "names",
    [
        ["KOTA BATU", "KABUPATEN MALANG", "KOTA MALANG"],
        ["Kota Batu ", "Kabupaten Malang ", "Kota Malang "],
    ],
)
def test_names_spelt_otherwise_in_another_order(names: list[str]) -> None:
    before = pd.Series(
        {"Kabupaten Malang": 9.56, "Kota Malang": 4.37, "Kota Batu": 3.79}
    )
    after = pd.Series([3.31, 9.45, 4.26], index=names)
    msg = _refusal(before, after)
    assert "pass .to_numpy()" not in msg
    aligned = _follow(_snippet(msg, "after.set_axis"), after=after, before=before)
    got = rate_change(before, aligned, unit="percent").points
    np.testing.assert_allclose(got, [-0.11, -0.11, -0.48], atol=1e-9)


def test_bare_names_beside_kinds_are_not_paired() -> None:
    # A bare "Malang" may be Kabupaten Malang (3507) or Kota Malang (3573):
    # the nesting check leaves it unread as ambiguous, and so does the
    # pairing advice: no "same regions" advice. But a bare "Pacitan" is one
    # region only (Kabupaten Pacitan, as BPS writes it), at position 1 in
    # `before` and 0 in `after`: the orders differ, so .to_numpy() (which
    # would pair Pacitan's 13.65 with Malang's 9.56) is not offered (core16 G3).
    before = pd.Series({"Kabupaten Malang": 9.56, "Kabupaten Pacitan": 13.80})
    after = pd.Series({"Pacitan": 13.65, "Malang": 9.45})
    msg = _refusal(before, after)
    assert "same regions" not in msg
    assert "if their values are already in one order" not in msg
    assert "'Kabupaten Pacitan', at position 1 in `before`, is written 'Pacitan'" in msg
    assert "not .to_numpy(), which would pair one region with another" in msg
