from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from povstat import implied_population, round_half_up
from povstat.datasets import load_east_java, load_indonesia
from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_count_statement,
    check_statements,
)
from povstat.tracing import FigureTrace, trace_figure

DATA = load_east_java()
NATIONAL = load_indonesia()
MEASURES = ["poverty_rate_pct", "poor_thousands", "poverty_line_idr", "p1", "p2"]


def _trace(
    stated: float, decimals: int, subject: str, year: int, measure: str
) -> FigureTrace:
    return trace_figure(
        DATA,
        stated,
        decimals=decimals,
        subject=subject,
        at=pd.Timestamp(f"{year}-03-01"),
        measure=measure,
        region="region_name",
    )


def _national(
    stated: float, decimals: int, subject: str, year: int, measure: str
) -> FigureTrace:
    return trace_figure(
        NATIONAL,
        stated,
        decimals=decimals,
        subject=subject,
        at=f"{year}-03-01",
        measure=measure,
        where={"area": "total"},
        parent="province_name",
        region="region_name",
    )


def test_kota_kediri_2023_count_is_the_2024_figure() -> None:
    # BPS_N_KABKOTA (Jumlah Penduduk Miskin (Ribu Jiwa) Menurut
    # Kabupaten/Kota, national table): Kota Kediri 21.03 thousand (March
    # 2023), 19.24 (March 2024). Kota Kendari also had 19.24 in March 2023:
    # listed, but after the same region's other year, and not in the reason.
    res = _national(19.24, 2, "Kota Kediri", 2023, "poor_thousands")
    assert res.verdict == NOT_HOLDS
    assert res.value == 21.03
    frame = res.to_frame()
    best = frame.iloc[0]
    assert best["region_name"] == "Kota Kediri"
    assert best["period"] == pd.Timestamp("2024-03-01")
    assert best["measure"] == "poor_thousands"
    assert best["slips"] == 1
    assert "is 21.03, not 19.24" in res.reason
    assert "period March 2024 instead of March 2023" in res.reason
    assert "Kota Kendari" in frame["region_name"].tolist()
    assert "Kendari" not in res.reason
    # The same on the East Java table.
    east = _trace(19.24, 2, "Kota Kediri", 2023, "poor_thousands")
    assert east.to_frame()["period"].iloc[0] == pd.Timestamp("2024-03-01")


def test_east_java_march_2023_rate_is_indonesias() -> None:
    # BPS_P0_PROV (Persentase Penduduk Miskin (P0) Menurut Provinsi dan
    # Daerah, March 2023): Jawa Timur 10.35 %, Indonesia 9.36 %. Kabupaten
    # Sumedang (BPS_P0_KABKOTA) also had 9.36 %: Indonesia, the province's
    # parent, comes first, and only it is named in the reason.
    res = _national(9.36, 2, "Jawa Timur", 2023, "poverty_rate_pct")
    assert res.verdict == NOT_HOLDS
    assert res.value == 10.35
    frame = res.to_frame()
    assert frame["region_name"].tolist()[:2] == ["Indonesia", "Kabupaten Sumedang"]
    assert (frame["period"].iloc[0], frame["area"].iloc[0]) == (
        pd.Timestamp("2023-03-01"),
        "total",
    )
    assert "region_name Indonesia instead of Jawa Timur" in res.reason
    assert "Sumedang" not in res.reason
    # A regency's figure traced to its province (Kota Malang, 4.26 %, given
    # East Java's 10.35 %).
    city = _national(10.35, 2, "Kota Malang", 2023, "poverty_rate_pct")
    assert city.to_frame()["region_name"].iloc[0] == "Jawa Timur"


def test_sumenep_count_misread_by_ten() -> None:
    # BPS_P0_KABKOTA / BPS_N_KABKOTA, Kabupaten Sumenep March 2025: 17.02 %,
    # 188.48 thousand poor. "17.02 % equals 18,848 people": by hand 17.02 %
    # of the implied population (188.48 / 0.1702 = 1,107.4 thousand) is
    # 188,480, not 18,848; and 18,848 = 188,480 / 10.
    pop = float(implied_population(17.02, 188.48, unit="percent")) * 1000
    check = check_count_statement(
        17.02, pop, 18_848, unit="percent", decimals=0, rate_population=pop
    )
    assert check.verdict == NOT_HOLDS
    res = _national(18.848, 3, "Kabupaten Sumenep", 2025, "poor_thousands")
    assert res.verdict == NOT_HOLDS
    best = res.to_frame().iloc[0]
    assert best["region_name"] == "Kabupaten Sumenep"
    assert best["power"] == -1
    assert best["value"] == 188.48
    assert "misread by a factor of 10: the published figure divided by 10" in (
        res.reason
    )


def test_area_is_a_key_and_a_slip() -> None:
    # BPS_P0_PROV, Jawa Timur March 2023: total 10.35 %; the national table
    # has urban and rural rows too, so the claim names its area, and a
    # figure of the other area is a slip of area. Keys must be unique.
    urban = NATIONAL[
        (NATIONAL["region_name"] == "Jawa Timur")
        & (NATIONAL["period"] == "2023-03-01")
        & (NATIONAL["area"] == "urban")
    ]["poverty_rate_pct"].iloc[0]
    res = _national(float(urban), 2, "Jawa Timur", 2023, "poverty_rate_pct")
    best = res.to_frame().iloc[0]
    assert best["area"] == "urban"
    assert "area urban instead of total" in res.reason
    with pytest.raises(ValueError, match=r"3 rows with .*name further key columns"):
        trace_figure(
            NATIONAL,
            9.36,
            decimals=2,
            subject="Jawa Timur",
            at="2023-03-01",
            measure="poverty_rate_pct",
            region="region_name",
        )


def test_rate_given_for_a_count_and_swapped_digits() -> None:
    # BPS Kota Malang March 2023: 4.26 %, 37.78 thousand poor; Kota Kediri
    # 21.03 thousand. "4.26 thousand poor" is the rate; "21.30" swaps 0 and 3.
    res = _trace(4.26, 2, "Kota Malang", 2023, "poor_thousands")
    best = res.to_frame().iloc[0]
    assert best["measure"] == "poverty_rate_pct"
    assert best["region_name"] == "Kota Malang"
    assert "poverty_rate_pct instead of poor_thousands" in res.reason
    res = _trace(21.30, 2, "Kota Kediri", 2023, "poor_thousands")
    best = res.to_frame().iloc[0]
    assert bool(best["swapped"])
    assert "two adjacent digits swapped (21.03 -> 21.30)" in res.reason
    # Kota Malang 2021 was 4.62 %: both a year slip and a digit swap explain
    # "4.62 % in 2023"; the year slip is listed first, both are named.
    res = _trace(4.62, 2, "Kota Malang", 2023, "poverty_rate_pct")
    frame = res.to_frame()
    assert frame["period"].iloc[0] == pd.Timestamp("2021-03-01")
    assert bool(frame["swapped"].iloc[1])
    assert "; or it is 4.26 with two adjacent digits swapped" in res.reason


def test_holds_cannot_tell_and_other_frames() -> None:
    res = _trace(4.26, 2, "Kota Malang", 2023, "poverty_rate_pct")
    assert res.verdict == "holds"
    assert len(res.to_frame()) == 0
    # Rounded: 37.78 thousand stated as 37.8 (1 decimal) holds too.
    assert _trace(37.8, 1, "Kota Malang", 2023, "poor_thousands").verdict == "holds"
    # P1 of March 2025 is not in the bundled data (SOURCES.md coverage table).
    assert _trace(1.5, 2, "Kota Malang", 2025, "p1").verdict == "cannot tell"
    # Any long table: polars, lazy, keyed on a year column with a `where` key.
    pl = pytest.importorskip("polars")
    frame = pl.from_pandas(DATA.drop(columns=["period"])).lazy()
    res = trace_figure(
        frame,
        19.24,
        decimals=2,
        subject="Kota Kediri",
        at=2023,
        measure="poor_thousands",
        where={"month": 3},
        region="region_name",
        period="year",
    )
    assert res.to_frame()["year"].iloc[0] == 2024
    assert "year 2024 instead of 2023" in res.reason


def test_errors() -> None:
    with pytest.raises(TypeError, match=r"`data` must be a dataframe.*got dict"):
        trace_figure({"p1": [1.0]}, 1.0, decimals=2, subject="A", at=2023, measure="p1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`data` has repeated column names \['p1'\]"):
        trace_figure(
            pd.concat([DATA, DATA[["p1"]]], axis=1),
            1.0,
            decimals=2,
            subject="Kota Malang",
            at=2023,
            measure="p1",
        )
    with pytest.raises(
        ValueError,
        match=r"no row of `data` has .*region_name='Kota X'.*is not in `data` at all",
    ):
        _trace(1.0, 2, "Kota X", 2023, "p1")
    with pytest.raises(ValueError, match=r"each value is in `data`, but not together"):
        # Kabupaten/kota rows have no September round.
        trace_figure(
            DATA,
            1.0,
            decimals=2,
            subject="Kota Malang",
            at="2022-09-01",
            measure="p1",
            region="region_name",
        )
    with pytest.raises(ValueError, match="no column 'rate'"):
        _trace(1.0, 2, "Kota Malang", 2023, "rate")
    with pytest.raises(ValueError, match="rounded to 2 decimals"):
        _trace(1.234, 2, "Kota Malang", 2023, "p1")
    with pytest.raises(TypeError, match="`decimals` must be an int"):
        _trace(1.0, 2.0, "Kota Malang", 2023, "p1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`stated` must be a number"):
        _trace("4,26", 2, "Kota Malang", 2023, "p1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"2 rows with .*keys must be unique"):
        # Jawa Timur has a March and a September 2022 row: say which round.
        trace_figure(
            DATA,
            1.0,
            decimals=2,
            subject="Jawa Timur",
            at=2022,
            measure="p1",
            region="region_name",
            period="year",
        )


_CELLS = (
    DATA[["region_name", "period", *MEASURES]]
    .melt(id_vars=["region_name", "period"], var_name="measure")
    .dropna()
)


@settings(max_examples=200)
@given(
    st.integers(0, len(_CELLS) - 1),
    st.integers(1, 500) | st.integers(-500, -1),
    st.sampled_from([0, 1, 2]),
)
def test_a_figure_perturbed_beyond_its_rounding_never_holds(
    i: int, k: int, d: int
) -> None:
    # A true statement (a published cell rounded to d decimals), moved by k
    # units of its last place: never "holds", whatever the cell.
    cell = _CELLS.iloc[i]
    true = float(round_half_up(cell["value"], d))
    stated = float(round_half_up(true + k * 10.0**-d, d))
    if stated < 0:
        return
    res = trace_figure(
        DATA,
        stated,
        decimals=d,
        subject=cell["region_name"],
        at=cell["period"],
        measure=cell["measure"],
        region="region_name",
    )
    # Where the cell is published with fewer decimals than d (a count of
    # 10 stated as 10.1), a figure within its rounding cannot be told;
    # otherwise it does not hold.
    # The column's decimals: the most any of its figures shows.
    column = DATA[cell["measure"]].to_numpy(dtype=float)
    column = column[np.isfinite(column)]
    shown = next(k for k in range(7) if (round_half_up(column, k) == column).all())
    # Half up: the cell stands for [v - h, v + h) (from 0 for a figure of
    # 0), the stated figure for [x - hs, x + hs); cannot tell where they
    # overlap, worked in exact decimals.
    v = Fraction(repr(float(cell["value"])))
    x = Fraction(repr(stated))
    half, hs = Fraction(1, 2 * 10**shown), Fraction(1, 2 * 10**d)
    low = max(v - half, Fraction(0)) if (column >= 0).all() else v - half
    inside = x - hs < v + half and x + hs > low
    assert res.verdict == ("cannot tell" if d > shown and inside else NOT_HOLDS)
    truth = trace_figure(
        DATA,
        true,
        decimals=d,
        subject=cell["region_name"],
        at=cell["period"],
        measure=cell["measure"],
        region="region_name",
    )
    # The cell itself, stated to d decimals: holds, unless d exceeds the
    # column's decimals (10 stated as 10.0 to a count of whole figures): the
    # table does not give that last decimal, trailing zero or not.
    assert truth.verdict == ("cannot tell" if d > shown else "holds")
    np.testing.assert_equal(truth.value, cell["value"])


def test_odd_but_valid_inputs() -> None:
    # A float32 figure stands for its shortest decimal; a huge figure is
    # simply not found (no overflow warning escapes).
    f32 = trace_figure(
        DATA,
        np.float32(4.26),
        decimals=2,
        subject="Kota Malang",
        at=2023,
        measure="poverty_rate_pct",
        region="region_name",
        period="year",
    )
    assert f32.verdict == "holds"
    huge = trace_figure(
        DATA,
        1e300,
        decimals=0,
        subject="Kota Malang",
        at=2023,
        measure="poverty_rate_pct",
        region="region_name",
        period="year",
    )
    assert huge.verdict == NOT_HOLDS
    assert "no cell of `data` matches it" in huge.reason


@pytest.mark.parametrize("decimals", [0, 2])
def test_a_stated_zero_is_never_a_power_of_ten(decimals: int) -> None:
    # Kota Malang 2023: 4.26 %. Stated 0: 4.26 * 10**-3 = 0.00426 rounds to
    # 0.00 (and to 0), so every small cell would "match" by a power of ten;
    # a zero is not a misread figure, so no candidate has a power.
    res = trace_figure(
        DATA,
        0.0,
        decimals=decimals,
        subject="Kota Malang",
        at=2023,
        measure="poverty_rate_pct",
        region="region_name",
        period="year",
    )
    assert res.verdict == NOT_HOLDS
    assert not (res.candidates["power"] != 0).any()
    assert "factor" not in res.reason


@pytest.mark.parametrize("key", ["year", "region_name", "month"])
def test_a_key_column_is_not_a_measure(key: str) -> None:
    # region, period and `where` keys identify the cell; tracing a figure
    # "in" one of them is a mistake, refused by name (not AttributeError).
    with pytest.raises(ValueError, match=rf"`measure` names the key column '{key}'"):
        trace_figure(
            DATA,
            2023.0,
            decimals=0,
            subject="Kota Malang",
            at=2023,
            measure=key,
            where={"month": 3},
            region="region_name",
            period="year",
        )
    with pytest.raises(ValueError, match=rf"`measures` names the key column '{key}'"):
        trace_figure(
            DATA,
            4.26,
            decimals=2,
            subject="Kota Malang",
            at=2023,
            measure="poverty_rate_pct",
            measures=["poor_thousands", key],
            where={"month": 3},
            region="region_name",
            period="year",
        )


@pytest.mark.parametrize(
    ("arg", "value"), [("measures", "poor_thousands"), ("powers", "123")]
)
def test_a_bare_str_is_not_a_list(arg: str, value: str) -> None:
    # "poor_thousands" would be searched as the columns 'p', 'o', ...
    with pytest.raises(TypeError, match=rf"`{arg}` must be a list, got the str"):
        trace_figure(
            DATA,
            4.26,
            decimals=2,
            subject="Kota Malang",
            at=2023,
            measure="poverty_rate_pct",
            region="region_name",
            period="year",
            **{arg: value},  # type: ignore[arg-type]
        )


def test_a_stated_figure_wider_than_float64_is_refused() -> None:
    # np.longdouble("4.2599999999999999") is below 4.26 but its float64 is
    # 4.26, which would "hold"; 2**53 + 1 would be read as 2**53.
    for stated in (np.longdouble("4.2599999999999999"), 2**53 + 1):
        with pytest.raises(ValueError, match=r"`stated` holds .* float64"):
            trace_figure(
                DATA,
                stated,
                decimals=2,
                subject="Kota Malang",
                at=2023,
                measure="poverty_rate_pct",
                region="region_name",
                period="year",
            )
    # (A float32 figure is its shortest decimal: test_odd_but_valid_inputs.)


@pytest.mark.parametrize(
    "stated", [Decimal("4.26"), Fraction(213, 50), np.float32(4.26), 4.26]
)
def test_a_decimal_or_fraction_figure_is_read_as_float64_holds_it(
    stated: object,
) -> None:
    # BPS, Kota Malang, March 2023: poverty rate 4.26 %. Decimal("4.26") and
    # Fraction(213, 50) (= 4.26 exactly) are the shortest decimal of the
    # float64 4.26, so each is that figure and the statement holds, with the
    # same trace as the float.
    def trace(x: object) -> FigureTrace:
        return trace_figure(
            DATA,
            x,  # type: ignore[arg-type]
            decimals=2,
            subject="Kota Malang",
            at=2023,
            measure="poverty_rate_pct",
            region="region_name",
            period="year",
        )

    got, ref = trace(stated), trace(4.26)
    assert got.verdict == "holds"
    assert got.reason == ref.reason
    pd.testing.assert_frame_equal(got.to_frame(), ref.to_frame())


def test_a_decimal_or_fraction_float64_cannot_hold_is_refused() -> None:
    # Decimal("4.2599999999999999999") is below 4.26 but float64 reads it as
    # 4.26, which would "hold"; 1/3 has no exact float64 either. A NaN
    # Decimal is not finite, and a bool is not a number.
    kw: dict[str, Any] = {
        "decimals": 2,
        "subject": "Kota Malang",
        "at": 2023,
        "measure": "poverty_rate_pct",
        "region": "region_name",
        "period": "year",
    }
    for bad in (Decimal("4.2599999999999999999"), Fraction(1, 3)):
        with pytest.raises(ValueError, match=r"`stated` holds .* float64"):
            trace_figure(DATA, bad, **kw)
    with pytest.raises(ValueError, match="`stated` must be finite"):
        trace_figure(DATA, Decimal("NaN"), **kw)
    for not_number in (True, np.bool_(True)):
        with pytest.raises(TypeError, match="`stated` must be a number"):
            trace_figure(DATA, not_number, **kw)  # type: ignore[arg-type]


def _small() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["A", "B", "C"],
            "period": [2023, 2023, 2023],
            "area": ["total", "total", "total"],
            "rate": [2.675, 4.26, 1.5],
        }
    )


@pytest.mark.parametrize("backend", ["numpy", "Float32", "polars"])
def test_float32_figures_are_read_as_their_shortest_decimal(backend: str) -> None:
    # np.float32(2.675) is 2.6749999523 in binary, which rounds to 2.67; the
    # published figure is 2.675, which rounds half up to 2.68 (by hand).
    import polars as pl

    small = _small()
    data: object
    if backend == "polars":
        data = pl.from_pandas(small).with_columns(pl.col("rate").cast(pl.Float32))
    else:
        data = small.astype({"rate": np.float32 if backend == "numpy" else "Float32"})
    res = trace_figure(
        data,
        2.68,
        decimals=2,
        subject="A",
        at=2023,
        measure="rate",
        region="region",
        period="period",
        measures=[],
    )
    assert res.verdict == "holds", res.reason
    assert res.value == 2.675
    # The candidates are read alike: B's 4.26 matches a stated 4.26 for C.
    other = trace_figure(
        data,
        4.26,
        decimals=2,
        subject="C",
        at=2023,
        measure="rate",
        region="region",
        period="period",
        measures=[],
    )
    assert list(other.candidates["region"]) == ["B"]
    assert list(other.candidates["value"]) == [4.26]


@pytest.mark.parametrize(
    "value", [["total"], ("total",), {"total"}, np.array(["total"])]
)
def test_where_values_must_be_single_labels(value: object) -> None:
    with pytest.raises(TypeError, match=r"`where` values must be single labels"):
        trace_figure(
            _small(),
            4.26,
            decimals=2,
            subject="B",
            at=2023,
            measure="rate",
            region="region",
            period="period",
            where={"area": value},
        )


@pytest.mark.parametrize(
    ("column", "arg"), [("region", "region"), ("period", "period"), ("area", "where")]
)
@pytest.mark.parametrize("rows", [[0], [0, 2]])
def test_missing_keys_in_data_are_refused(
    column: str, arg: str, rows: list[int]
) -> None:
    # One or two rows without a key: never ranked as a candidate labelled
    # "nan", never a bare error from sorting mixed labels.
    data = _small().astype({column: object})
    data.loc[rows, column] = None
    with pytest.raises(
        ValueError,
        match=rf"`data` column '{column}' \(argument `{arg}`\) is a key and must "
        rf"not have missing values; {len(rows)} row\(s\)",
    ):
        trace_figure(
            data,
            4.27,
            decimals=2,
            subject="B",
            at=2023,
            measure="rate",
            region="region",
            period="period",
            where={"area": "total"},
        )


def test_max_slips_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match=r"`max_slips` must be >= 0, got -1"):
        trace_figure(
            _small(),
            4.26,
            decimals=2,
            subject="B",
            at=2023,
            measure="rate",
            region="region",
            period="period",
            max_slips=-1,
        )


def test_dates_are_matched_by_calendar_month() -> None:
    # BPS March 2023: Jawa Timur 10.35 %, dated 2023-03-01; "mid-March 2023"
    # is that row, as the adapters read dates.
    res = trace_figure(
        DATA,
        10.35,
        decimals=2,
        subject="Jawa Timur",
        at="2023-03-15",
        measure="poverty_rate_pct",
        region="region_name",
    )
    assert res.verdict == "holds", res.reason


def test_a_key_of_another_type_is_named_as_such() -> None:
    # 3573 (an int) where the column holds "3573" (text): the message says
    # so, not "not in `data` at all".
    data = pd.DataFrame(
        {
            "region_code": ["3507", "3573"],
            "period": [2023, 2023],
            "poverty_rate_pct": [9.45, 4.26],
        }
    )
    with pytest.raises(
        ValueError,
        match=r"region_code=3573 \(of type int\) .* holds '3573' of type str",
    ):
        trace_figure(
            data, 4.26, decimals=2, subject=3573, at=2023, measure="poverty_rate_pct"
        )


@pytest.mark.parametrize("text", ["09/03/2023", "15/03/2023", "March 2023", "3/9/23"])
def test_text_dates_are_read_only_in_iso_order(text: str) -> None:
    # "09/03/2023" is 9 March in Indonesia but 3 September month-first: a
    # text date in any order but ISO is refused rather than read as either
    # (before, it matched September). "2023-03-15" is read (March 2023).
    with pytest.raises(
        ValueError, match=r"`at`: .* is not a date (in ISO order|as povstat reads text)"
    ):
        trace_figure(
            DATA,
            10.35,
            decimals=2,
            subject="Jawa Timur",
            at=text,
            measure="poverty_rate_pct",
            region="region_name",
        )
    statements = pd.DataFrame(
        {
            "kind": ["figure"],
            "region": ["Jawa Timur"],
            "period": [text],
            "measure": ["poverty_rate_pct"],
            "stated": [10.35],
            "decimals": [2],
        }
    )
    with pytest.raises(
        ValueError,
        match=r"`statements` column 'period': .* not a date "
        r"(in ISO order|as povstat reads text)",
    ):
        check_statements(
            statements,
            DATA,
            unit="percent",
            region="region_name",
            persons_per_poor_unit=1000,
        )


def test_a_year_as_text_gets_advice_that_fits() -> None:
    # '2023' against a column of years (int): the message shows the held
    # 2023 as the int it is; against a column of dates it says a year needs
    # its month (March or September), not "not a date in ISO order".
    years = pd.DataFrame(
        {"region_code": ["A"], "period": [2023], "poverty_rate_pct": [4.26]}
    )
    with pytest.raises(ValueError, match=r"which holds 2023 of type int64"):
        trace_figure(
            years, 4.26, decimals=2, subject="A", at="2023", measure="poverty_rate_pct"
        )
    dates = years.assign(period=pd.to_datetime(["2023-03-01"]))
    with pytest.raises(ValueError, match=r"'2023' is a year, but the periods are"):
        trace_figure(
            dates, 4.26, decimals=2, subject="A", at="2023", measure="poverty_rate_pct"
        )


@pytest.mark.parametrize("text", ["2023-02-29", "2023-13-01", "2023-04-31"])
def test_an_impossible_iso_date_is_named_as_such(text: str) -> None:
    # Written in ISO order but not in the calendar (2023 is not a leap year;
    # there is no month 13; April has 30 days): the message says so rather
    # than asking for ISO order, which the text already has.
    with pytest.raises(ValueError, match=r"in ISO order but is not a date of the"):
        trace_figure(
            DATA,
            10.35,
            decimals=2,
            subject="Jawa Timur",
            at=text,
            measure="poverty_rate_pct",
            region="region_name",
        )


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [
        (188.48, "cannot tell"),
        (188.481, "cannot tell"),
        (188.485, "cannot tell"),
        (188.486, "does not hold"),
    ],
)
def test_a_figure_with_more_decimals_than_the_table(
    stated: float, verdict: str
) -> None:
    # Kabupaten Sumenep, 188.48 thousand poor (BPS, 2025, 2 decimals) stands
    # for [188.475, 188.485). Stated to 3 decimals: 188.480 (the published
    # figure with a zero added, [188.4795, 188.4805)), 188.481, and 188.485
    # ([188.4845, 188.4855), which 188.4847 rounds to, as it rounds to
    # 188.48), are within its rounding but the table does not give them
    # (cannot tell); 188.486 is outside.
    from povstat.datasets import load_east_java

    res = trace_figure(
        load_east_java(),
        stated,
        decimals=3,
        subject="Kabupaten Sumenep",
        at=2025,
        measure="poor_thousands",
        region="region_name",
        period="year",
    )
    assert res.verdict == verdict
    if verdict == "cannot tell":
        assert "stands for 188.475 to 188.485" in str(res.reason)


def test_a_cell_s_decimals_are_its_column_s() -> None:
    # Kabupaten Trenggalek 2024: BPS published 10.50 % (the float shows
    # 10.5, but the column's figures show 2 decimals): a stated 10.48 is not
    # it (does not hold), never "published with 1 decimal". From a DuckDB
    # DECIMAL(7,2) column the scale says 2 decimals; 10.503 (3 decimals)
    # lies within 10.50's rounding: cannot tell.
    import duckdb

    from povstat.datasets import load_east_java

    d = load_east_java()
    d = d[d["region_type"].isin(["kabupaten", "kota"])]
    res = trace_figure(
        d,
        10.48,
        decimals=2,
        subject="Kabupaten Trenggalek",
        at=2024,
        measure="poverty_rate_pct",
        region="region_name",
        period="year",
    )
    assert res.verdict == NOT_HOLDS
    rel = duckdb.sql("SELECT 'A' AS region, 2024 AS year, 10.50::DECIMAL(7,2) AS r")
    assert rel is not None
    kw: dict[str, Any] = {
        "subject": "A",
        "at": 2024,
        "measure": "r",
        "region": "region",
        "period": "year",
    }
    assert trace_figure(rel, 10.48, decimals=2, **kw).verdict == NOT_HOLDS
    assert trace_figure(rel, 10.503, decimals=3, **kw).verdict == "cannot tell"


def test_a_published_zero_in_a_signed_column_stands_for_both_signs() -> None:
    # A change of 0.00 among changes of both signs stands for (-0.005,
    # 0.005): -0.004 and +0.004 may both be it (cannot tell). Among counts
    # (no negative figure) a 0 stands for [0, 0.5): 0.3 at 1 decimal... is
    # within it; 0.6 is not. Zero never shows as -0.
    changes = pd.DataFrame(
        {"region": ["A", "B"], "year": [2023, 2023], "chg": [0.0, -0.11]}
    )
    kw: dict[str, Any] = {
        "subject": "A",
        "at": 2023,
        "measure": "chg",
        "region": "region",
        "period": "year",
    }
    for stated in (-0.004, 0.004):
        assert trace_figure(changes, stated, decimals=3, **kw).verdict == "cannot tell"
    res = trace_figure(changes, -0.0, decimals=2, **kw)
    assert "-0" not in str(res.reason)


def test_cell_decimals_judge_a_figure_against_the_cell_rounding() -> None:
    # A cell 10.39 published to 2 decimals stands for [10.385, 10.395): 10.394
    # may be it (cannot tell), 10.384 may not (does not hold). A cell with
    # float noise (0.1 + 0.2 is 0.30000000000000004) is the figure 0.3.
    df = pd.DataFrame(
        {
            "region_code": ["35", "35", "36"],
            "period": [2022, 2023, 2023],
            "poverty_rate_pct": [10.5, 10.39, 0.1 + 0.2],
        }
    )
    kw: dict[str, Any] = {
        "decimals": 3,
        "subject": "35",
        "at": 2023,
        "measure": "poverty_rate_pct",
        "cell_decimals": 2,
    }
    assert trace_figure(df, 10.394, **kw).verdict == "cannot tell"
    assert trace_figure(df, 10.384, **kw).verdict == NOT_HOLDS


def test_cells_needing_more_than_cell_decimals_are_read_on_their_own() -> None:
    # cell_decimals=0 states whole figures; 4.26 is not one: it is read on
    # its own, at the 2 decimals it needs (never rounded to 4), as
    # check_statements reads a column with rate_decimals. 4.26 rounds to
    # 4.26 (holds), to 4 at 0 decimals (holds) and to 4.3 at 1, not 4.2.
    one = pd.DataFrame({"region": ["A"], "period": [2023], "x": [4.26]})
    kw: dict[str, Any] = {
        "subject": "A",
        "at": 2023,
        "measure": "x",
        "region": "region",
        "period": "period",
        "cell_decimals": 0,
    }
    got = [
        trace_figure(one, stated, decimals=dec, **kw).verdict
        for stated, dec in ((4.26, 2), (4.0, 0), (4.2, 1))
    ]
    assert got == [HOLDS, HOLDS, NOT_HOLDS]
    with pytest.raises(ValueError, match=r"`cell_decimals` must lie in"):
        trace_figure(one, 4.26, decimals=2, **{**kw, "cell_decimals": 16})


def test_cell_decimals_beside_an_appended_3_decimal_figure() -> None:
    # BPS 2023: Kota Malang 4.26 (2 decimals), with Malang Raya's pooled
    # rate appended rounded to 3 (7.876). cell_decimals=2 states the
    # published decimals; 7.876 is read on its own (it was refused, and the
    # advised None read 4.26 as 4.260, so 4.261 "did not hold").
    ej = load_east_java()
    kk = ej[ej.region_type.isin(["kabupaten", "kota"]) & (ej.year == 2023)]
    data = pd.concat(
        [
            kk[["region_name", "year", "poverty_rate_pct"]],
            pd.DataFrame(
                {
                    "region_name": ["Malang Raya"],
                    "year": [2023],
                    "poverty_rate_pct": [7.876],
                }
            ),
        ],
        ignore_index=True,
    )
    kw: dict[str, Any] = {
        "at": 2023,
        "measure": "poverty_rate_pct",
        "region": "region_name",
        "period": "year",
        "cell_decimals": 2,
    }
    # 4.26 stands for [4.255, 4.265), which holds 4.261 ([4.2605, 4.2615)):
    # cannot tell; 4.266 ([4.2655, 4.2665)) is outside it: does not hold.
    res = trace_figure(data, 4.261, decimals=3, subject="Kota Malang", **kw)
    assert res.verdict == UNDECIDED
    assert "stands for 4.255 to 4.265" in res.reason
    assert (
        trace_figure(data, 4.266, decimals=3, subject="Kota Malang", **kw).verdict
        == NOT_HOLDS
    )
    # 7.876 on its own stands for [7.8755, 7.8765): 7.8761 (4 decimals)
    # cannot tell; 7.877 (3) does not hold; 7.88 (2) holds.
    got = [
        trace_figure(data, s, decimals=k, subject="Malang Raya", **kw).verdict
        for s, k in ((7.8761, 4), (7.877, 3), (7.88, 2))
    ]
    assert got == [UNDECIDED, NOT_HOLDS, HOLDS]


# A figure reached by rounding twice is traced to its cell.


def test_trace_finds_cells_by_double_rounding() -> None:
    # By hand: B = 4.27 stands for [4.265, 4.275); a true 4.2747 is
    # published 4.27 and stated 4.275 at 3 decimals ([4.2745, 4.2755)
    # meets [4.265, 4.275)). A = 4.26 ([4.255, 4.265)) cannot give 4.275.
    df = pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poverty_rate_pct": [4.26, 4.27],
        }
    )
    kw: dict[str, Any] = {"subject": "A", "at": 2023, "measure": "poverty_rate_pct"}
    res = trace_figure(df, 4.275, decimals=3, **kw)
    assert res.verdict == NOT_HOLDS
    assert list(res.candidates["region_code"]) == ["B"]
    assert "4.27 stands for values that round to 4.275" in res.reason
    # 4.2805 at 4 decimals ([4.28045, 4.28055)) meets neither: none.
    res = trace_figure(df, 4.2805, decimals=4, **kw)
    assert len(res.candidates["region_code"]) == 0


@given(
    cell=st.integers(0, 999),
    stated=st.integers(0, 99_999),
)
@example(cell=0, stated=1)  # a zero cell and a tiny stated figure
@example(cell=0, stated=0)
@settings(max_examples=60, deadline=None)
def test_trace_candidate_rule_against_fraction(cell: int, stated: int) -> None:
    # A cell c / 100 (2 decimals) is a candidate for a stated s / 10**4 (4
    # decimals) exactly when some true value rounds half up to both:
    # [c/100 - 1/200, c/100 + 1/200) (from 0 at c = 0) meets
    # [s/10**4 - 1/20000, s/10**4 + 1/20000). (Powers of ten are other slips.)
    # A cell published as 0 is no origin of a nonzero figure stated more
    # precisely (documented in trace_figure: any small figure would match
    # every zero cell), so c = 0 is a candidate only for s = 0.
    v, x = Fraction(cell, 100), Fraction(stated, 10**4)
    low = max(v - Fraction(1, 200), Fraction(0))
    expected = (
        x - Fraction(1, 20000) < v + Fraction(1, 200)
        and x + Fraction(1, 20000) > low
        and (cell != 0 or stated == 0)
    )
    df = pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poverty_rate_pct": [99.99, float(v)],
        }
    )
    res = trace_figure(
        df, float(x), decimals=4, subject="A", at=2023, measure="poverty_rate_pct",
        cell_decimals=2,
    )  # fmt: skip
    found = res.candidates["region_code"][res.candidates["power"] == 0]  # no misread
    assert ("B" in list(found)) == expected


@pytest.mark.parametrize(
    ("cell", "stated", "wrong", "decimals", "factor"),
    [
        # 518.05 x 1,000 is 518,050 exactly, which rounds half up to 518,100
        # at hundreds (the float product 518049.99999999994 would give
        # 518,000).
        (518.05, 518_100.0, 518_000.0, -2, "1,000"),
        # 8,256.05 x 100 is 825,605, which rounds half up to 825,610 at tens.
        (8256.05, 825_610.0, 825_600.0, -1, "100"),
    ],
)
def test_a_power_of_ten_slip_is_judged_on_the_decimal_product(
    cell: float, stated: float, wrong: float, decimals: int, factor: str
) -> None:
    df = pd.DataFrame(
        {"region_code": ["A"], "period": [2023], "poor_thousands": [cell]}
    )
    res = trace_figure(
        df, stated, decimals=decimals, subject="A", at=2023, measure="poor_thousands"
    )
    assert list(res.candidates["power"]) == [round(np.log10(stated / cell))]
    assert f"misread by a factor of {factor}" in res.reason
    off = trace_figure(
        df, wrong, decimals=decimals, subject="A", at=2023, measure="poor_thousands"
    )
    assert len(off.candidates["power"]) == 0
    assert "no cell of `data` matches it" in off.reason


def test_bundled_power_of_ten_slips_at_half_up_ties() -> None:
    # BPS: East Java had 4,292.15 thousand poor in September 2018, and West
    # Java 4,485.65 thousand in September 2015 (bundled tables). Misread by
    # 100 they are 429,215 and 448,565 exactly, which round half up to
    # 429,220 and 448,570 at tens (not 429,210 / 448,560).
    ej = trace_figure(
        DATA, 429_220, decimals=-1, subject="Jawa Timur", at="2018-09-01",
        measure="poor_thousands", region="region_name",
    )  # fmt: skip
    assert ej.value == 4292.15
    assert ej.candidates["power"][0] == 2
    assert "Jawa Timur, September 2018, poor_thousands = 4,292.15" in ej.reason
    near = trace_figure(
        DATA, 429_210, decimals=-1, subject="Jawa Timur", at="2018-09-01",
        measure="poor_thousands", region="region_name",
    )  # fmt: skip
    assert "no cell of `data` matches it" in near.reason
    wb = trace_figure(
        NATIONAL, 448_570, decimals=-1, subject="Jawa Barat", at="2015-09-01",
        measure="poor_thousands", region="region_name", where={"area": "total"},
    )  # fmt: skip
    assert wb.value == 4485.65
    assert wb.candidates["power"][0] == 2
    assert "misread by a factor of 100" in wb.reason
    # The "figure" kind of check_statements reads the slip the same way.
    st_ = pd.DataFrame(
        {
            "kind": ["figure", "figure"],
            "region": ["Jawa Timur", "Jawa Timur"],
            "period": [pd.Timestamp("2018-09-01")] * 2,
            "measure": ["poor_thousands"] * 2,
            "stated": [429_220.0, 429_210.0],
            "decimals": [-1, -1],
        }
    )
    out = check_statements(
        st_, DATA, unit="percent", region="region_name", persons_per_poor_unit=1000
    )
    assert "misread by a factor of 100" in out["reason"].iloc[0]
    assert "no cell of `data` matches it" in out["reason"].iloc[1]


@given(
    q=st.integers(0, 10**7),
    d=st.integers(-4, 6),
    power=st.sampled_from([-3, -2, -1, 1, 2, 3]),
)
@settings(max_examples=200, deadline=None)
def test_power_of_ten_slips_at_exact_ties_against_decimal(
    q: int, d: int, power: int
) -> None:
    # The misread figure (q + 1/2) * 10**-d is an exact half-up tie at d
    # decimals; the cell is that figure divided by 10**power, a decimal of
    # at most 9 digits. The oracle: the Decimal product rounded
    # ROUND_HALF_UP at d is (q + 1) * 10**-d; q * 10**-d is no match.
    product = (Decimal(q) + Decimal("0.5")).scaleb(-d)
    cell = product.scaleb(-power)
    expected = product.quantize(Decimal(1).scaleb(-d), rounding="ROUND_HALF_UP")
    assert expected == Decimal(q + 1).scaleb(-d)
    below = Decimal(q).scaleb(-d)
    df = pd.DataFrame(
        {"region_code": ["A"], "period": [2023], "poor_thousands": [float(cell)]}
    )
    kw: dict[str, Any] = {"subject": "A", "at": 2023, "measure": "poor_thousands"}
    res = trace_figure(df, float(expected), decimals=d, powers=[power], **kw)
    # (A digit swap of the cell may be listed too: 0.01 and 0.10.)
    assert power in list(res.candidates["power"]), (cell, power, expected)
    if below > 0:
        off = trace_figure(df, float(below), decimals=d, powers=[power], **kw)
        assert power not in list(off.candidates["power"]), (cell, power, below)


def test_zero_cell_is_no_origin_of_a_finer_nonzero_figure() -> None:
    # By hand: A's rate is 0.00; a stated 0.01 is "0" at 0 decimals, so it
    # would match every zero count of the table (A's poor_thousands 0): no
    # origin. B's count 3 is still one for a stated 3.01 (3 at 0 decimals).
    df = pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poverty_rate_pct": [0.0, 1.25],
            "poor_thousands": [0.0, 3.0],
        }
    )
    res = trace_figure(
        df, 0.01, decimals=2, subject="A", at=2023, measure="poverty_rate_pct"
    )
    assert str(res.verdict) == "does not hold"
    assert "poor_thousands = 0" not in str(res.reason)
    assert 0.0 not in set(res.candidates["value"].tolist())
    res = trace_figure(
        df, 3.01, decimals=2, subject="A", at=2023, measure="poverty_rate_pct"
    )
    assert "it matches B, 2023, poor_thousands = 3 (" in str(res.reason)
