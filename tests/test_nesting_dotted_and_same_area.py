"""BPS's dotted district codes tell nesting; one area written two ways is refused.

BPS writes a district (kecamatan) code with dots as province.regency and a
3-digit district (``"35.73.010"``, Kecamatan Kedungkandang of Kota Malang
in the Master File Desa), and a village as ``"35.73.010.001"``; a district
table may hold its regency's row as ``"35.73"`` or ``"3573"``. A group
holding the regency with its districts is refused. A province written
``"35"`` in one row and ``"3500"`` in another (or ``"Jawa Timur"`` and
``"JAWA TIMUR"``, or the country as ``"0"`` and ``"Indonesia"``) is one
area counted twice: refused too, naming both labels. Names tell nesting
in BPS's forms too: ``"Provinsi Jawa Timur"``, ``"Kab. Pacitan"``, a
footnote mark (``"INDONESIA*"``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from nesting import check_rank, frame_of, rank_sets
from povstat import aggregate_regions, with_ranks


@pytest.mark.parametrize(
    ("codes", "top", "parts"),
    [
        # The reported case: a regency dotted, its districts dotted BPS-style.
        (["35.73", "35.73.010", "35.73.020"], "35.73", "'35.73.010', '35.73.020'"),
        # The regency plain, its districts dotted; and the other way round.
        (["3573", "35.73.010", "35.73.020"], "3573", "'35.73.010', '35.73.020'"),
        (["35.73", "3573010", "3573020"], "35.73", "'3573010', '3573020'"),
        # A dotted BPS district with one of its villages (35.73.010.001).
        (["35.73.010", "35.73.010.001"], "35.73.010", "'35.73.010.001'"),
        # The province with a dotted district inside it.
        (["35", "35.73.010"], "35", "'35.73.010'"),
    ],
)
def test_dotted_bps_district_codes_are_nested_under_their_regency(
    codes: list[object], top: str, parts: str
) -> None:
    with pytest.raises(ValueError, match="regions nested in it") as err:
        aggregate_regions(frame_of(codes), by="g", unit="percent")
    msg = str(err.value)
    assert f"group 'M' holds region '{top}' together with regions nested" in msg
    assert f"({parts})" in msg
    assert "`region` column 'region_code'" in msg
    assert "count those regions twice" in msg
    # The districts alone (one level) pass: pooled by summing the counts
    # of rows 2, 3, ...: 20 + 30 (+ 40 ...) thousand.
    rest = frame_of(codes).iloc[1:]
    out = aggregate_regions(rest, by="g", unit="percent")
    assert float(out["pooled_headcount"].iloc[0]) == sum(rest["poor_thousands"])


@pytest.mark.parametrize(
    ("codes", "a", "b", "why"),
    [
        (["35", "3500", "36"], "'35'", "'3500'", "'3500' is the code '35' padded"),
        ([35, 3500, 36], "35", "3500", "3500 is the code '35' padded"),
        (
            ["3573", "35.73", "3507"],
            "'3573'",
            "'35.73'",
            "read as the area code '3573'",
        ),
        (["0", "Indonesia"], "'0'", "'Indonesia'", "both are the country's row"),
        (
            ["Jawa Timur", "JAWA TIMUR", "Bali"],
            "'Jawa Timur'",
            "'JAWA TIMUR'",
            "both name the region of code '35'",
        ),
    ],
)
def test_one_area_written_two_ways_in_one_group_is_refused(
    codes: list[object], a: str, b: str, why: str
) -> None:
    with pytest.raises(ValueError, match="one region written two ways") as err:
        aggregate_regions(frame_of(codes), by="g", unit="percent")
    msg = str(err.value)
    assert f"group 'M' holds one region written two ways, {a} and {b}," in msg
    assert "`region` column 'region_code'" in msg
    assert why in msg
    assert "the group's totals would count it twice" in msg
    # Each in its own group, the area is counted once in each: group A
    # pools the first row (10 thousand), group B the rest.
    apart = frame_of(codes, by=["A"] + ["B"] * (len(codes) - 1))
    out = aggregate_regions(apart, by="g", unit="percent")
    assert out["pooled_headcount"].tolist() == [
        10.0,
        10.0 * sum(range(2, len(codes) + 1)),
    ]


def test_the_rankings_refuse_one_area_written_two_ways() -> None:
    two = frame_of(["35", "3500", "36"]).assign(se=0.5)
    with pytest.raises(ValueError, match="one region written two ways") as err:
        with_ranks(two, descending=True, rate="poverty_rate_pct")
    msg = str(err.value)
    assert "'35' and '3500'" in msg
    assert "ranked twice (and counted twice in rank_count)" in msg
    with pytest.raises(ValueError, match=r"'35' and '3500'.*ranked twice"):
        rank_sets(two)
    data = two.assign(period=pd.Timestamp("2023-03-01"))
    with pytest.raises(ValueError, match="'35' and '3500'") as err:
        check_rank(data, "36", 1)
    assert "rank it twice (and count it twice in `of`)" in str(err.value)


@pytest.mark.parametrize(
    ("names", "top", "part"),
    [
        # BPS's prefixes and marks: "Provinsi" before a province's name,
        # "Kab." for "Kabupaten", a footnote mark, the country in capitals
        # with a mark.
        (
            ["Provinsi Jawa Timur", "Kota Malang"],
            "'Provinsi Jawa Timur'",
            "'Kota Malang'",
        ),
        (
            ["PROVINSI JAWA TIMUR", "KAB. PACITAN"],
            "'PROVINSI JAWA TIMUR'",
            "'KAB. PACITAN'",
        ),
        (["Jawa Timur", "Kab.  Pacitan"], "'Jawa Timur'", "'Kab.  Pacitan'"),
        (["Jawa Timur*", "Kota Batu"], "'Jawa Timur*'", "'Kota Batu'"),
        (["INDONESIA*", "Bali"], "'INDONESIA*'", "'Bali'"),
    ],
)
def test_bps_forms_of_names_tell_nesting(
    names: list[object], top: str, part: str
) -> None:
    with pytest.raises(ValueError, match="regions nested in it") as err:
        aggregate_regions(frame_of(names), by="g", unit="percent")
    msg = str(err.value)
    assert (
        f"group 'M' holds region {top} together with regions nested in it ({part})"
        in msg
    )
    assert "`region` column 'region_code'" in msg
    # Each alone in its group passes: 10 and 20 thousand.
    apart = aggregate_regions(frame_of(names, by=["A", "B"]), by="g", unit="percent")
    assert apart["pooled_headcount"].tolist() == [10.0, 20.0]
