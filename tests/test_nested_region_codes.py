"""Region codes in any written form tell the nesting of areas.

A CSV file written from :func:`povstat.datasets.load_indonesia` and read
back with pandas', polars', DuckDB's or Spark's defaults holds the codes as
integers (``35``, ``3501``; the country's ``"00"`` becomes ``0``). Other
files write a province's row ``"3500"``, the country's ``"0000"``, codes as
floats (``35.0``, a column with a blank), districts (kecamatan) by their
7-digit BPS code under their regency's, and the country's row as
``"Nasional"``. A group holding an area with areas inside it is refused in
each of these forms, naming the group, the area and some of its parts;
integers that are not all codes of povstat's list of regions tell no
nesting.
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest

import backends
from nesting import check_rank, frame_of, rank_sets
from povstat import aggregate_regions, with_ranks
from povstat.datasets import load_indonesia

_COLUMNS = ["region_code", "region_type", "province_code", "period"]
_VALUES = ["poverty_rate_pct", "poor_thousands"]


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    """Every region of Indonesia, total area, March 2023 (BPS)."""
    df = load_indonesia()
    return df[(df["area"] == "total") & (df["year"] == 2023) & (df["month"] == 3)]


@pytest.fixture(scope="module")
def east_java_csv(march_2023: pd.DataFrame) -> str:
    """Jawa Timur's row and its 38 regencies and cities, written as CSV."""
    jatim = march_2023[march_2023["province_code"] == "35"]
    return jatim[[*_COLUMNS, *_VALUES]].to_csv(index=False)


def _read(backend: str, text: str, tmp_path: Path) -> Any:
    """The CSV text read back with `backend`'s defaults (codes become integers)."""
    if backend == "pandas":
        return pd.read_csv(io.StringIO(text))
    if backend == "polars":
        return pl.read_csv(io.StringIO(text))
    path = tmp_path / "jatim.csv"
    path.write_text(text)
    if backend == "duckdb":
        return duckdb.read_csv(str(path))
    return backends.spark().read.csv(str(path), header=True, inferSchema=True)


# "Jawa Timur has 38 regencies and cities" (BPS): the message shows three
# (3501 Pacitan, 3502 Ponorogo, 3503 Trenggalek) and "35 more".
_PARTS = r"\(3501, 3502, 3503 and 35 more\)"


@pytest.mark.parametrize("backend", ["pandas", "polars", "duckdb", "pyspark"])
def test_csv_round_trip_is_refused(
    backend: str, east_java_csv: str, tmp_path: Path
) -> None:
    frame = _read(backend, east_java_csv, tmp_path)
    with pytest.raises(
        ValueError,
        match=rf"group 35 holds region 35 together with regions nested in it {_PARTS}",
    ) as err:
        aggregate_regions(frame, by="province_code", unit="percent")
    assert "count those regions twice" in str(err.value)
    assert "numbers, are read as area codes" in str(err.value)
    with pytest.raises(
        ValueError, match=rf"province_code=35 holds region 35 together .*{_PARTS}"
    ):
        with_ranks(frame, by="province_code", descending=True)


def test_csv_round_trip_regencies_alone_give_the_province(
    march_2023: pd.DataFrame, east_java_csv: str
) -> None:
    # The regencies and cities alone, integer codes: no refusal, and the
    # group's count is the sum of the 38 published counts, 4188.84 thousand
    # (summed as exact fractions of the published decimals; BPS's own
    # province row says 4188.81).
    frame = pd.read_csv(io.StringIO(east_java_csv))
    kk = frame[frame["region_code"] >= 100]
    assert len(kk) == 38
    out = aggregate_regions(kk, by="province_code", unit="percent")
    published = march_2023[march_2023["region_code"].str.match(r"35\d\d$")]
    total = sum((Fraction(repr(x)) for x in published["poor_thousands"]), Fraction(0))
    assert total == Fraction("4188.84")
    assert out["group"].tolist() == [35]
    assert out["pooled_headcount"].item() == float(total)
    ranked = with_ranks(kk, by="province_code", descending=True)
    assert set(ranked["rank_count"]) == {38}


def test_country_read_as_zero(march_2023: pd.DataFrame) -> None:
    # Indonesia's row "00" and the provinces, read back from CSV: 0 holds
    # every province (the pooled count would be 2 x 25898.6 thousand).
    keep = march_2023["region_type"].isin(["provinsi", "nasional"])
    text = march_2023.loc[keep, ["region_code", "period", *_VALUES]].to_csv(index=False)
    frame = pd.read_csv(io.StringIO(text))
    assert 0 in set(frame["region_code"])
    with pytest.raises(
        ValueError, match=r"holds region 0 together with .*\(11, 12, 13 and 31 more\)"
    ) as err:
        with_ranks(frame, descending=True)
    assert "the country holds every region" in str(err.value)
    as_text = frame.assign(region_code=frame["region_code"].astype(str))
    with pytest.raises(ValueError, match=r"region '0' together with .*'11', '12'"):
        aggregate_regions(
            as_text, groups={"all": list(as_text["region_code"])}, unit="percent"
        )


@pytest.mark.parametrize(
    ("codes", "region", "parts"),
    [
        # The country as "0" (an int code turned back to text).
        (["0", "35", "36"], "'0'", "'35', '36'"),
        # Province and country rows padded to four digits, as files that
        # give a province's row with regency digits "00" write them.
        (["3500", "3507", "3573"], "'3500'", "'3507', '3573'"),
        (["0000", "35", "3573"], "'0000'", "'35', '3573'"),
        (["3500", "3507", "0000"], "'0000'", "'3500', '3507'"),
        # Floats: a code column read from a CSV file with a blank.
        ([35.0, 3507.0, 3573.0], "35.0", "3507.0, 3573.0"),
        (["35.0", "3573.0"], "'35.0'", "'3573.0'"),
        # Districts (kecamatan) under their regency: Kota Malang's 3573010
        # Kedungkandang and 3573020 Sukun (BPS 7-digit codes), and as
        # integers; Kemendagri's 6-digit code 357301.
        (["3573", "3573010", "3573020"], "'3573'", "'3573010', '3573020'"),
        ([3573, 3573010, 3573020], "3573", "3573010, 3573020"),
        (["35.73", "35.73.01"], "'35.73'", "'35.73.01'"),
        # A province with a district of one of its regencies.
        ([35, 3573010], "35", "3573010"),
        # The country's row as BPS tables name it.
        # Parts are shown in code order: Jawa Timur 35, Bali 51.
        (["Nasional", "Jawa Timur", "Bali"], "'Nasional'", "'Jawa Timur', 'Bali'"),
        (["NASIONAL", "35", "51"], "'NASIONAL'", "'35', '51'"),
        (
            ["INDONESIA", "Jawa Timur", "Kota Malang"],
            "'INDONESIA'",
            "'Jawa Timur', 'Kota Malang'",
        ),
    ],
)
def test_each_form_is_refused(codes: list[Any], region: str, parts: str) -> None:
    frame = frame_of(codes)
    with pytest.raises(ValueError, match="nested in it") as err:
        with_ranks(frame, descending=True, rate="poverty_rate_pct")
    message = str(err.value)
    assert message.startswith(
        f"the frame (ranked as one group: no `by`) holds region {region} "
        f"together with regions nested in it ({parts})"
    ), message


def test_padded_code_is_named_as_such() -> None:
    frame = frame_of(["3500", "3507", "3573"])
    with pytest.raises(ValueError, match=r"'3500' is the code '35' padded with zeros"):
        with_ranks(frame, descending=True, rate="poverty_rate_pct")
    frame = frame_of(["3573", "3573010"])
    with pytest.raises(ValueError, match="begins the codes of its districts"):
        with_ranks(frame, descending=True, rate="poverty_rate_pct")


def test_with_rank_sets_and_statements_take_integer_codes(
    march_2023: pd.DataFrame,
) -> None:
    # Kota Malang (3573) and Kabupaten Malang (3507) with Jawa Timur (35),
    # integer codes: ranked as one set, the province among its parts.
    three = frame_of([35, 3573, 3507]).assign(se=0.5)
    with pytest.raises(ValueError, match=r"holds region 35 together .*\(3507, 3573\)"):
        rank_sets(three)
    jatim = march_2023[march_2023["province_code"] == "35"]
    data = jatim.assign(
        region_code=jatim["region_code"].astype(int),
        province_code=jatim["province_code"].astype(int),
    )
    with pytest.raises(ValueError, match=rf"holds region 35 together .*{_PARTS}"):
        check_rank(data, 3573, 2, by="province_code")


@pytest.mark.parametrize(
    "codes",
    [
        # Identifiers that are not all codes of povstat's list: 1 and 2 are
        # no area's codes, so 35 and 3573 are two more identifiers.
        [1, 2, 35, 3573],
        [0, 1, 2, 3],
        ["1", "35.0", "3573.0"],
        # 3599 is no regency of Jawa Timur (codes 3501-3529, 3571-3579).
        [35, 3599],
        # Seven digits not under a regency of the list.
        [3599010, 3599],
    ],
)
def test_other_integer_identifiers_tell_no_nesting(codes: list[Any]) -> None:
    frame = frame_of(codes)
    out = with_ranks(frame, descending=True, rate="poverty_rate_pct")
    assert set(out["rank_count"]) == {len(codes)}


def test_provinces_by_island_with_integer_codes(march_2023: pd.DataFrame) -> None:
    # The provinces (no country row) read back as integers and grouped by
    # the first digit of the code (1 Sumatra, 3 Java and Bali, ...): no
    # province holds another. Java's group is the sum of its six provinces'
    # published counts (exact as fractions).
    provinces = march_2023[march_2023["region_type"] == "provinsi"]
    text = provinces[["region_code", "period", *_VALUES]].to_csv(index=False)
    frame = pd.read_csv(io.StringIO(text))
    islands = frame.assign(island=frame["region_code"] // 10)
    out = aggregate_regions(islands, by="island", unit="percent")
    java = provinces[provinces["region_code"].str.startswith("3")]
    assert len(java) == 6
    expected = sum((Fraction(repr(x)) for x in java["poor_thousands"]), Fraction(0))
    assert out.loc[out["group"] == 3, "pooled_headcount"].item() == float(expected)


def test_repeated_rows_name_the_area_column(march_2023: pd.DataFrame) -> None:
    # load_indonesia() gives each region and period three rows (total,
    # urban, rural): a frame of every area repeats each key.
    df = load_indonesia()
    every = df[(df["region_type"] == "provinsi") & (df["year"] == 2023)]
    every = every[every["month"] == 3]
    islands = every.assign(island=every["region_code"].str[0])
    note = "differ in the 'area' column ('rural', 'total', 'urban')"
    with pytest.raises(ValueError, match=r"region '11' has more than one row") as err:
        aggregate_regions(islands, by="island", unit="percent")
    assert note in str(err.value)
    with pytest.raises(ValueError, match="duplicated key") as err:
        with_ranks(every, descending=True)
    assert note in str(err.value)
    # Rows repeated with the same area: the area column is not the cause.
    twice = pd.concat([march_2023, march_2023[march_2023["region_code"] == "11"]])
    twice = twice[twice["region_type"] == "provinsi"]
    with pytest.raises(ValueError, match="duplicated key") as err:
        with_ranks(twice, descending=True)
    assert "'area'" not in str(err.value)
