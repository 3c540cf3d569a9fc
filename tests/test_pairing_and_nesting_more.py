"""Pairing advice for a sorted frame, `lines` entries paired, names in capitals.

A frame read from CSV has the labels 0..n-1; the same frame sorted holds
them in another order: the refusal offers to reorder it back (sort_index,
reindex), not only to pass the default-labelled side as an array. Per-unit
lines given in `lines` are paired with `welfare` as `line` is. And a
region's name in capitals (BPS prints tables so: "JAWA TIMUR") tells
nesting as the list's spelling does.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

import povstat as P
from povstat.datasets import load_indonesia


def test_sorted_frame_beside_its_unsorted_column_offers_reordering() -> None:
    sv = pd.read_csv(io.StringIO("welfare,weight\n100,1\n200,2\n300,3\n400,4\n"))
    ss = sv.sort_values("welfare", ascending=False)
    with pytest.raises(ValueError, match="different index labels") as e:
        P.poverty_estimates(ss.welfare, 250.0, unit="percent", weights=sv.weight)
    msg = str(e.value)
    assert "both hold the labels 0..3" in msg
    assert "`welfare.sort_index()`" in msg
    assert "do not reindex" not in msg
    # Following the advice gives the right estimate: poor are welfare 100
    # and 200 (below 250), weights 1 + 2 of 10: 30 %.
    est = P.poverty_estimates(
        ss.welfare.sort_index(), 250.0, unit="percent", weights=sv.weight
    )
    assert est.estimate[0] == pytest.approx(30.0, rel=1e-15)


def test_a_line_per_unit_in_lines_is_paired_with_welfare() -> None:
    w = pd.Series([100.0, 200, 300, 400], index=[10, 11, 12, 13])
    ln = pd.Series([250.0, 250, 350, 350], index=[13, 12, 11, 10])
    with pytest.raises(ValueError, match=r"`welfare` and `lines\['a'\]`"):
        P.poverty_estimates(w, unit="percent", lines={"a": ln})
    # Aligned by label: 100 -> 350 and 200 -> 350 poor, 300 -> 250 and
    # 400 -> 250 not: 50 %.
    est = P.poverty_estimates(w, unit="percent", lines={"a": ln.reindex(w.index)})
    assert est.estimate[0] == 50.0


def _march_2023() -> pd.DataFrame:
    df = load_indonesia()
    return df[(df.area == "total") & (df.year == 2023) & (df.month == 3)]


def test_names_in_capitals_tell_nesting() -> None:
    m = _march_2023()
    j = m[m.province_code == "35"]
    caps = j.assign(region_name=j.region_name.str.upper(), g="J")
    with pytest.raises(ValueError, match="'JAWA TIMUR' together with regions"):
        P.aggregate_regions(caps, by="g", region="region_name", unit="percent")
    n = m[m.region_type.isin(["nasional", "provinsi"])]
    caps = n.assign(region_name=n.region_name.str.upper(), g="I")
    with pytest.raises(ValueError, match="'INDONESIA' together with regions"):
        P.aggregate_regions(caps, by="g", region="region_name", unit="percent")


def test_names_in_capitals_of_one_level_pass() -> None:
    # The 38 regencies and cities of Jawa Timur in capitals, one group: no
    # region holds another; the pooled count is the sum of the published
    # counts (thousands), 4188.84 as the data guide shows.
    m = _march_2023()
    j = m[(m.province_code == "35") & m.region_type.isin(["kabupaten", "kota"])]
    caps = j.assign(region_name=j.region_name.str.upper(), g="J")
    out = P.aggregate_regions(caps, by="g", region="region_name", unit="percent")
    assert round(float(out["pooled_headcount"].iloc[0]), 2) == 4188.84
