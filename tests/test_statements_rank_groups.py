"""check_statements rank rows: nested groups refused, `after` and `kind` messages.

Also the wording of counts in the reasons of the rank and top-k checks.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.datasets import load_indonesia
from povstat.statements import (
    check_rank_statement,
    check_statements,
    check_top_statement,
)

_KW: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000}


@pytest.fixture(scope="module")
def totals() -> pd.DataFrame:
    df = load_indonesia()
    data = df[df["area"] == "total"]
    # Indonesia's own row has no province_code (a missing key is refused).
    return data[data["region_code"] != "00"]


# "Kota Malang, second lowest" in March 2023 (the news of 2023-2024).
_MALANG_SECOND: dict[str, object] = {
    "kind": "rank",
    "region": "Kota Malang",
    "period": pd.Timestamp("2023-03-01"),
    "stated_rank": 2,
    "descending": False,
}


def _malang_statements() -> pd.DataFrame:
    # Statements of the 2023-2024 news: "Kota Malang, second lowest after
    # Kota Batu, of 38"; "Magetan 18th highest"; "Probolinggo 4th highest
    # of 38".
    return pd.DataFrame(
        [
            {**_MALANG_SECOND, "after": "Kota Batu", "of": 38},
            {
                "kind": "rank",
                "region": "Kabupaten Magetan",
                "period": pd.Timestamp("2023-03-01"),
                "stated_rank": 18,
                "descending": True,
            },
            {
                "kind": "rank",
                "region": "Kabupaten Probolinggo",
                "period": pd.Timestamp("2024-03-01"),
                "stated_rank": 4,
                "descending": True,
                "of": 38,
            },
        ]
    )


def test_province_row_in_its_own_group_is_refused_by_name(
    totals: pd.DataFrame,
) -> None:
    # Jawa Timur's own row carries province_code "35": grouping on it
    # without keeping the regencies and cities would rank the province
    # (10.35 %) among its 38 regencies and cities (rank_count 39).
    with pytest.raises(
        ValueError,
        match=r"'province_code' group '35' of `data` at period 2023-03-01 holds "
        r"region 'Jawa Timur' together with regions nested in it "
        r"\('Kabupaten Pacitan', .* and 35 more\) in the `region` column "
        r"'region_name'.*keep one level first",
    ):
        check_statements(
            _malang_statements(),
            totals,
            region="region_name",
            by="province_code",
            **_KW,
        )


def test_province_row_in_its_own_group_is_refused_by_code(
    totals: pd.DataFrame,
) -> None:
    st = _malang_statements().assign(
        region=["3573", "3520", "3513"],
        after=pd.Series(["3579", None, None], dtype=object),
    )
    with pytest.raises(ValueError, match=r"holds region '35' together with"):
        check_statements(st, totals, region="region_code", by="province_code", **_KW)
    # Regencies and cities alone give the true verdicts. By hand from BPS's
    # March 2023 and 2024 tables: East Java has 38 regencies and cities;
    # Kota Batu (3.31 %) is the lowest and Kota Malang (4.26 %) the next;
    # 17 are above Magetan's 9.80 % (tied with Mojokerto, so 18-19 with
    # ties); Sampang, Bangkalan and Sumenep are above
    # Probolinggo's 16.45 % in 2024.
    kk = totals[totals["region_type"].isin(["kabupaten", "kota"])]
    out = check_statements(
        _malang_statements(), kk, region="region_name", by="province_code", **_KW
    )
    assert out["verdict"].tolist() == ["holds", "holds", "holds"]
    assert "ranks 2 of 38 from the lowest" in out["reason"].iloc[0]
    assert (
        "ranks 18 of 38 from the highest (ties: min; 18-19 with ties)"
        in (out["reason"].iloc[1])
    )
    assert "ranks 4 of 38" in out["reason"].iloc[2]
    # Only the groups ranked in are checked: Jawa Barat's row beside its
    # regencies (group "32") is refused only where a statement ranks there.
    jabar = totals[totals["region_name"] == "Jawa Barat"]
    both = pd.concat([kk, jabar])
    out = check_statements(
        _malang_statements(), both, region="region_name", by="province_code", **_KW
    )
    assert out["verdict"].tolist() == ["holds", "holds", "holds"]
    bandung = (
        _malang_statements()
        .iloc[[0]]
        .assign(region="Kota Bandung", after=None, of=None)
    )
    with pytest.raises(ValueError, match=r"group '32' .* region 'Jawa Barat'"):
        check_statements(bandung, both, region="region_name", by="province_code", **_KW)


def _one_after(after: str) -> pd.DataFrame:
    return pd.DataFrame([{**_MALANG_SECOND, "after": after}], index=["b"])


def test_misspelt_after_is_not_in_data_at_all(totals: pd.DataFrame) -> None:
    kk = totals[totals["region_type"].isin(["kabupaten", "kota"])]
    for typo in ("Kota batu", "Kota  Batu"):
        with pytest.raises(
            ValueError,
            match=r"row 'b' \(kind 'rank'\): column 'after' names "
            + re.escape(repr(typo))
            + r", which is not a 'region_name' of `data`: region_name "
            + re.escape(repr(typo))
            + r" is not in `data` at all \(it differs only in case or spaces "
            r"from 'Kota Batu'",
        ):
            check_statements(
                _one_after(typo), kk, region="region_name", by="province_code", **_KW
            )
    with pytest.raises(ValueError, match=r"'Kota Batuu' is not in `data` at all$"):
        check_statements(
            _one_after("Kota Batuu"),
            kk,
            region="region_name",
            by="province_code",
            **_KW,
        )


def test_after_in_another_group_is_told_its_group(totals: pd.DataFrame) -> None:
    kk = totals[totals["region_type"].isin(["kabupaten", "kota"])]
    with pytest.raises(
        ValueError,
        match=r"names 'Kota Bandung', which is not a 'region_name' of `data` at "
        r"period 2023-03-01 in the same 'province_code' group \(at that period "
        r"it is in the 'province_code' group '32'\)",
    ):
        check_statements(
            _one_after("Kota Bandung"),
            kk,
            region="region_name",
            by="province_code",
            **_KW,
        )


def test_after_without_a_row_at_the_period() -> None:
    data = pd.DataFrame(
        {
            "region": ["A", "B", "C"],
            "period": [2023, 2023, 2022],
            "rate": [4.26, 3.31, 5.0],
            "poor": [1.0, 1.0, 1.0],
        }
    )
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "A",
                "period": 2023,
                "stated_rank": 2,
                "descending": False,
                "after": "C",
            }
        ]
    )
    with pytest.raises(ValueError, match=r"\(it has no row at that period\)"):
        check_statements(
            st, data, region="region", rate="rate", headcount="poor", **_KW
        )


def test_unknown_kind_names_rows_column_and_near_miss() -> None:
    data = pd.DataFrame(
        {
            "region": ["A", "B"],
            "period": [2023] * 2,
            "rate": [4.26, 3.31],
            "poor": [1.0] * 2,
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["rank", "rank ", "ranking", "rank"],
            "region": ["A", "B", "A", "B"],
            "period": [2023] * 4,
            "stated_rank": [1] * 4,
            "descending": [False] * 4,
        },
        index=[10, 11, 12, 13],
    )
    with pytest.raises(ValueError, match="unknown kinds") as caught:
        check_statements(
            st, data, region="region", rate="rate", headcount="poor", **_KW
        )
    msg = str(caught.value)
    assert msg.startswith(
        "`statements` column 'kind': rows [11, 12] have unknown kinds "
        "['rank ', 'ranking']; known: "
    )
    # 'rank ' is pointed to 'rank', not taken as it; 'ranking' has no hint.
    assert msg.endswith(
        "; 'rank ' (it differs only in case or spaces from 'rank': write it "
        "exactly as that kind is written)"
    )
    with pytest.raises(ValueError, match=r"column 'kind': row 11 has unknown kinds"):
        check_statements(
            st.loc[[10, 11, 13]],
            data,
            region="region",
            rate="rate",
            headcount="poor",
            **_KW,
        )


def test_one_ranked_region_is_singular() -> None:
    res = check_rank_statement(
        [5.0], ["R0"], subject="R0", stated_rank=1, descending=False, of=6
    )
    assert str(res.reason).endswith(": 1 region is ranked, not 6")
    res = check_rank_statement(
        [5.0, 4.0], ["R0", "R1"], subject="R0", stated_rank=2, descending=False, of=6
    )
    assert str(res.reason).endswith(": 2 regions are ranked, not 6")


def test_one_region_without_a_value_is_singular() -> None:
    res = check_rank_statement(
        [5.0, 4.0, np.nan],
        ["a", "b", "c"],
        subject="a",
        stated_rank=2,
        descending=False,
    )
    assert "; 1 region has no value (c) and could rank anywhere" in str(res.reason)


def test_top_statement_says_only_what_widens_the_range() -> None:
    # B (9) is not tied; the one missing value could rank above it: 2-3.
    res = check_top_statement(
        [10, 9, np.nan, 8, 7], list("ABCDE"), members=["B"], k=2, descending=True
    )
    assert str(res.reason).endswith(
        "decided by missing values: B (2-3 with 1 missing value)"
    )
    # B ties C (9); no missing value: 2-3 with ties.
    res = check_top_statement(
        [10, 9, 9, 8, 7], list("ABCDE"), members=["B"], k=2, descending=True
    )
    assert str(res.reason).endswith("decided by ties: B (2-3 with ties)")


def test_top_statement_places_and_named_agree() -> None:
    # One place, two named (both above the rest): they cannot both fit.
    res = check_top_statement(
        [10, 9, 8],
        list("ABC"),
        members=["A", "B"],
        k=1,
        descending=True,
        exactly=True,
    )
    assert "2 regions are named for a set of 1" in str(res.reason)
    res = check_top_statement(
        [10, 9, 8], list("ABC"), members=["C"], k=2, descending=True, exactly=True
    )
    assert "1 region is named for a set of 2" in str(res.reason)
