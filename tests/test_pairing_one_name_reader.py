"""The pairing advice reads region names and dotted codes as the nesting check does.

One reader of a name (:func:`povstat._regions.name_code`, the nesting
check's :func:`povstat._regions.name_key`), one reader of dotted codes read
back as floats (:func:`povstat._regions.dotted_floats`), one rule for
prefixes (:data:`povstat._regions.PREFIX`, no "Kab. " special case).

Rates (%), BPS: Kabupaten Malang (3507) 9.56 (March 2022) -> 9.45 (March
2023), Kota Malang (3573) 4.37 -> 4.26, Kota Batu (3579) 3.79 -> 3.31:
changes -0.11, -0.11, -0.48 points.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import _regions, rate_change
from povstat.frames._checks import _name_key, _region_names

BEFORE = pd.Series({"Kabupaten Malang": 9.56, "Kota Malang": 4.37, "Kota Batu": 3.79})


def _refusal(before: Any, after: Any) -> str:
    with pytest.raises(ValueError, match="pair values by position") as err:
        rate_change(before, after, unit="percent")
    return str(err.value)


@pytest.mark.parametrize(
    ("label", "code"),
    [
        # By hand from povstat's list: "Malang" bare is Kabupaten (3507) or
        # Kota (3573) Malang; "Pacitan" bare is a regency's name, which the
        # nesting check reads as a province's or the country's only.
        ("Malang", None),
        ("Pacitan", None),
        ("Kab. Malang", "3507"),
        ("Kab Malang", "3507"),
        ("Kotamadya Malang", "3573"),
        ("KOTA BATU 1)", "3579"),
        ("Jawa Timur", "35"),
        ("Indonesia", "00"),
    ],
)
def test_one_reader_of_names(label: str, code: str | None) -> None:
    assert _regions.name_code(label) == code
    # The nesting check's reading of the same label.
    nested = "00" if _name_key(label) == "indonesia" else None
    assert _region_names().get(_name_key(label), nested) == code


def test_bare_name_is_not_paired_with_a_regency() -> None:
    # Before: "Malang" was read as Kabupaten Malang and the advice said the
    # two name the same regions; it may be Kota Malang as well.
    after = pd.Series({"Kota Batu": 3.31, "Malang": 9.45, "Kota Malang": 4.26})
    msg = _refusal(BEFORE, after)
    assert "same regions" not in msg


@pytest.mark.parametrize(
    ("names", "pair"),
    [
        # The pair quoted is one region's two writings, never two equal texts.
        (
            ["Kota Batu", "Kab. Malang", "Kota Malang"],
            ("Kabupaten Malang", "Kab. Malang"),
        ),
        (
            ["Kota Batu", "Kab Malang", "Kota Malang"],
            ("Kabupaten Malang", "Kab Malang"),
        ),
        (
            ["Kota Batu", "Kabupaten Malang", "Kotamadya Malang"],
            ("Kota Malang", "Kotamadya Malang"),
        ),
    ],
)
def test_every_prefix_read_by_one_rule_and_a_differing_pair_quoted(
    names: list[str], pair: tuple[str, str]
) -> None:
    after = pd.Series([3.31, 9.45, 4.26], index=names)
    msg = _refusal(BEFORE, after)
    assert "same regions in other orders, written otherwise" in msg
    assert f"(e.g. {pair[0]!r} in `before`, {pair[1]!r} in `after`)" in msg
    assert "not .to_numpy()" in msg
    # Following the advice: the codes of the names (by hand: 3507, 3573,
    # 3579), then align.
    codes = {"Kabupaten Malang": "3507", "Kota Malang": "3573", "Kota Batu": "3579"}
    codes |= {n: c for n, c in zip(names, ["3579", "3507", "3573"], strict=True)}
    b = BEFORE.set_axis(BEFORE.index.map(codes))
    a = after.set_axis(after.index.map(codes)).reindex(b.index)
    np.testing.assert_allclose(
        rate_change(b, a, unit="percent").points, [-0.11, -0.11, -0.48], atol=1e-9
    )


def test_float32_dotted_codes_get_the_dotted_advice() -> None:
    # A float32 column of "35.79", "35.07", "35.73": 35.07 is held as
    # 35.06999969..., read at float32's precision as 35.07, the code 3507.
    before = pd.Series({"3507": 9.56, "3573": 4.37, "3579": 3.79})
    after = pd.Series(
        [3.31, 9.45, 4.26], index=pd.Index([35.79, 35.07, 35.73], dtype="float32")
    )
    msg = _refusal(before, after)
    assert "written with a dot (e.g. '3507' and 35.07)" in msg
    snippet = [s for s in re.findall(r"`([^`]*)`", msg) if s.startswith("after.")][-1]
    aligned = eval(snippet, {}, {"after": after, "before": before})
    np.testing.assert_allclose(
        rate_change(before, aligned, unit="percent").points,
        [-0.11, -0.11, -0.48],
        atol=1e-9,
    )
