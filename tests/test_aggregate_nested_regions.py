"""Groups holding a region together with regions nested in it are refused.

A province's row in :func:`povstat.datasets.load_indonesia` carries its own
code in ``province_code``: grouping every row by ``province_code`` puts each
province's total in its own group, next to its regencies and cities, and a
sum counts them twice. The adapters refuse such a group where the region
codes tell the nesting (a 2-digit province code begins its regencies' 4-digit
codes; ``"00"`` is the country).
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import polars as pl
import pytest

from povstat import aggregate_regions, with_rank_sets, with_ranks
from povstat.datasets import load_indonesia


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    """Every region of Indonesia, total area, March 2023 (BPS)."""
    df = load_indonesia()
    return df[(df["area"] == "total") & (df["year"] == 2023) & (df["month"] == 3)]


def regencies(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["region_type"].isin(["kabupaten", "kota"])]


def test_docs_recipe_gives_the_province_and_the_old_one_is_refused(
    march_2023: pd.DataFrame,
) -> None:
    # The recipe of docs/data.rst: regencies and cities alone, grouped by
    # province_code. Expected values worked from the bundled figures with
    # fractions (each published figure as its decimal): total poor
    # sum H_i, population sum 100 H_i / r_i, rate 100 * H / N; BPS's own
    # province row says 4188.81 thousand and 10.35 %.
    kk = regencies(march_2023)
    out = aggregate_regions(kk, by="province_code", unit="percent")
    row = out[out["group"] == "35"].iloc[0]
    east = kk[kk["province_code"] == "35"]
    assert len(east) == 38
    h = [Fraction(repr(x)) for x in east["poor_thousands"]]
    r = [Fraction(repr(x)) for x in east["poverty_rate_pct"]]
    total = sum(h, Fraction(0))
    population = sum((100 * a / b for a, b in zip(h, r, strict=True)), Fraction(0))
    assert total == Fraction("4188.84")
    assert row["pooled_headcount"] == float(total)
    assert row["pooled_population"] == pytest.approx(float(population), rel=1e-15)
    assert row["pooled_rate"] == pytest.approx(float(100 * total / population))
    assert round(row["pooled_rate"], 2) == 10.35
    # The recipe the docs gave before: every row, the province's own row
    # "35" included in group "35" (4188.84 + 4188.81 thousand poor).
    with pytest.raises(ValueError, match="group '11' holds region '11'") as err:
        aggregate_regions(
            march_2023[march_2023["region_code"] != "00"],
            by="province_code",
            unit="percent",
        )
    message = str(err.value)
    assert "'1101', '1102', '1103' and 20 more" in message  # Aceh's 23
    assert "region_code" in message
    assert "twice" in message


def test_with_ranks_by_province(march_2023: pd.DataFrame) -> None:
    # Jawa Timur has 38 regencies and cities (BPS): "Nth of 38", not of 39.
    kk = regencies(march_2023)
    ranked = with_ranks(kk, descending=True, by="province_code")
    assert set(ranked.loc[ranked["province_code"] == "35", "rank_count"]) == {38}
    with pytest.raises(
        ValueError, match="the group province_code='11' holds region '11'"
    ):
        with_ranks(
            march_2023[march_2023["region_code"] != "00"],
            descending=True,
            by="province_code",
        )


def test_with_rank_sets_by_province(march_2023: pd.DataFrame) -> None:
    jatim = march_2023[march_2023["region_code"].str.startswith("35")].assign(se=0.5)
    out = with_rank_sets(
        regencies(jatim),
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        se="se",
    )
    assert set(out["rank_set_count"]) == {38}
    with pytest.raises(ValueError, match="holds region '35' together with") as err:
        with_rank_sets(
            jatim,
            descending=True,
            level=0.9,
            method="bonferroni",
            simultaneous=False,
            se="se",
        )
    assert "ranked among its own parts" in str(err.value)
    assert "the frame (ranked as one group: no `by`)" in str(err.value)


def test_country_with_provinces(march_2023: pd.DataFrame) -> None:
    # The 34 provinces of March 2023 (BPS published the four provinces
    # formed in 2022 from 2024) in one ranking: fine; Indonesia among them
    # would make it "of 35".
    provinces = march_2023[march_2023["region_type"] == "provinsi"]
    assert set(with_ranks(provinces, descending=True)["rank_count"]) == {34}
    both = march_2023[march_2023["region_type"].isin(["provinsi", "nasional"])]
    with pytest.raises(ValueError, match=r"region '00' together with .*'11', '12'"):
        with_ranks(both, descending=True)
    named = both.assign(region_code=both["region_code"].replace("00", "Indonesia"))
    with pytest.raises(ValueError, match="region 'Indonesia' together with"):
        with_ranks(named, descending=True)


def test_provinces_by_island_and_groups_mapping(march_2023: pd.DataFrame) -> None:
    # Provinces grouped by island (first digit of the code: 1 Sumatra, 3
    # Java and Bali, ...): no province holds another, so no refusal. The
    # Java group sums the six provinces' published counts (hand sum of
    # the bundled figures, exact as fractions).
    provinces = march_2023[march_2023["region_type"] == "provinsi"]
    islands = provinces.assign(island=provinces["region_code"].str[0])
    out = aggregate_regions(islands, by="island", unit="percent")
    java = provinces[provinces["region_code"].str.startswith("3")]
    expected = sum((Fraction(repr(x)) for x in java["poor_thousands"]), Fraction(0))
    assert out.loc[out["group"] == "3", "pooled_headcount"].item() == float(expected)
    # A mapping naming Malang Raya with Jawa Timur itself is refused.
    groups = {"Malang Raya": ["3507", "3573", "3579", "35"]}
    with pytest.raises(
        ValueError, match=r"group 'Malang Raya' holds region '35' .*'3507', '3573'"
    ):
        aggregate_regions(march_2023, groups=groups, unit="percent")


def test_dotted_codes_and_other_labels() -> None:
    # Kemendagri writes regency codes "35.73": the same nesting.
    df = pd.DataFrame(
        {
            "region_code": ["35", "35.07", "35.73"],
            "period": [2023, 2023, 2023],
            "poverty_rate_pct": [10.35, 9.45, 4.26],
            "poor_thousands": [4188.81, 245.1, 37.78],
        }
    )
    with pytest.raises(ValueError, match=r"region '35' .*'35.07', '35.73'"):
        aggregate_regions(df, groups={"g": ["35", "35.07", "35.73"]}, unit="percent")
    # Names as povstat's list writes them tell the same nesting (East Java
    # holds both Malangs); other labels tell none: names written otherwise,
    # and integers that are not all codes of povstat's list (identifiers 1,
    # 35 and 3573 are three regions; 35, 3507 and 3573 alone would be read
    # as the codes: tests/test_nested_region_codes.py).
    named = df.assign(region_code=["Jawa Timur", "Kabupaten Malang", "Kota Malang"])
    with pytest.raises(ValueError, match=r"region 'Jawa Timur' .*'Kota Malang'"):
        aggregate_regions(
            named, groups={"g": list(named["region_code"])}, unit="percent"
        )
    named = df.assign(region_code=["Jatim", "Malang", "Kota Malang"])
    out = aggregate_regions(
        named, groups={"g": list(named["region_code"])}, unit="percent"
    )
    assert out["pooled_headcount"].item() == pytest.approx(4188.81 + 245.1 + 37.78)
    numbers = df.assign(region_code=[1, 35, 3573])
    out = aggregate_regions(numbers, groups={"g": [1, 35, 3573]}, unit="percent")
    assert out["pooled_headcount"].item() == pytest.approx(4188.81 + 245.1 + 37.78)


def test_refused_on_polars(march_2023: pd.DataFrame) -> None:
    jatim = march_2023[march_2023["region_code"].str.startswith("35")]
    frame = pl.from_pandas(
        jatim[["region_code", "province_code", "period", "poverty_rate_pct"]].astype(
            {"region_code": str, "province_code": str}
        )
    )
    ok = with_ranks(
        frame.filter(pl.col("region_code").str.len_chars() == 4),
        descending=True,
        by="province_code",
    )
    assert set(ok["rank_count"].to_list()) == {38}
    with pytest.raises(ValueError, match="province_code='35' holds region '35'"):
        with_ranks(frame, descending=True, by="province_code")
    with pytest.raises(ValueError, match="province_code='35' holds region '35'"):
        with_ranks(frame.lazy(), descending=True, by="province_code")
