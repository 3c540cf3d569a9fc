from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - after selecting the backend
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

from povstat.plotting import (  # noqa: E402
    plot_dumbbell,
    plot_rank_sets,
    plot_ranked_rates,
    plot_series,
)

# BPS, Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota, Jawa Timur,
# March 2023 (percent): Sampang, Kota Malang, Kota Batu, Mojokerto, Magetan.
NAMES = [
    "Kabupaten Sampang",
    "Kota Malang",
    "Kota Batu",
    "Kabupaten Mojokerto",
    "Kabupaten Magetan",
]
RATES_2023 = [21.76, 4.26, 3.31, 9.80, 9.80]
# Same table, March 2019 / 2021 / 2023 for Sampang, Kota Malang, Kota Batu.
RATES_19_21_23 = [[20.71, 23.76, 21.76], [4.07, 4.62, 4.26], [3.81, 4.09, 3.31]]


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _ranked(**kw: Any) -> Axes:
    args: dict[str, Any] = {
        "unit": "percent",
        "descending": True,
        "title": "Poverty rate, March 2023",
        "source": "BPS",
    }
    args.update(kw)
    rates = args.pop("rates", RATES_2023)
    labels = args.pop("labels", NAMES)
    return plot_ranked_rates(rates, labels, **args)


def _caption(ax: Axes) -> str:
    texts = [t.get_text() for t in ax.texts]
    return next(t for t in texts if "Source:" in t)


def _ticks(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


# --------------------------------------------------------------------------
# import
# --------------------------------------------------------------------------


def test_import_povstat_does_not_import_matplotlib() -> None:
    code = "import sys, povstat, povstat.plotting; print('matplotlib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_plotting_is_not_reexported_at_top_level() -> None:
    import povstat

    assert "plot_ranked_rates" not in povstat.__all__
    assert not hasattr(povstat, "plot_ranked_rates")


# --------------------------------------------------------------------------
# plot_ranked_rates
# --------------------------------------------------------------------------


def test_ranked_rows_follow_bps_ranks_with_ties() -> None:
    # Worked by hand: descending, ties "min": 21.76 -> 1, 9.80 and 9.80 -> 2
    # and 2, 4.26 -> 4, 3.31 -> 5 ("peringkat ke-5" = lowest of five).
    ax = _ranked()
    assert _ticks(ax) == [
        "1  Kabupaten Sampang",
        "2  Kabupaten Mojokerto",
        "2  Kabupaten Magetan",
        "4  Kota Malang",
        "5  Kota Batu",
    ]
    assert ax.get_ylabel() == "Rank (1 = highest) and region"


def test_ranked_ascending_puts_lowest_first() -> None:
    ax = _ranked(descending=False)
    assert _ticks(ax)[:2] == ["1  Kota Batu", "2  Kota Malang"]
    assert ax.get_ylabel() == "Rank (1 = lowest) and region"


def test_ranked_labels_units_title_and_source() -> None:
    ax = _ranked(source="BPS, March 2023 table")
    assert ax.get_xlabel() == "Poverty rate P0 (%)"
    assert ax.get_title(loc="left") == "Poverty rate, March 2023"
    assert _caption(ax) == "Source: BPS, March 2023 table"
    frac = _ranked(rates=np.asarray(RATES_2023) / 100, unit="fraction")
    assert frac.get_xlabel() == "Poverty rate P0 (fraction)"


def test_ranked_values_printed_rounded_half_up() -> None:
    # 4.265 rounds half up to 4.27 (Python's round gives 4.26 or 4.27
    # depending on the binary value; the chart must show the table's rule).
    ax = _ranked(rates=[4.265, 3.31], labels=["A", "B"])
    shown = {t.get_text() for t in ax.texts}
    assert {"4.27", "3.31"} <= shown


def test_ranked_highlight_and_reference() -> None:
    ax = _ranked(
        highlight=["Kota Malang", "Kota Batu"], reference=("Jawa Timur", 10.35)
    )
    colours = {t.get_text(): t.get_color() for t in ax.get_yticklabels()}
    assert colours["4  Kota Malang"] == colours["5  Kota Batu"]
    assert colours["4  Kota Malang"] != colours["1  Kabupaten Sampang"]
    assert any(t.get_text() == "Jawa Timur 10.35" for t in ax.texts)
    assert any(np.allclose(line.get_xdata(), [10.35, 10.35]) for line in ax.get_lines())


def test_ranked_missing_values_are_named_not_drawn() -> None:
    ax = _ranked(rates=[21.76, np.nan, 3.31], labels=NAMES[:3])
    assert _ticks(ax) == ["1  Kabupaten Sampang", "2  Kota Batu"]
    assert "No value (not shown): Kota Malang" in _caption(ax)
    (dots,) = ax.collections[1:2]
    assert np.asarray(dots.get_offsets()).shape[0] == 2


def test_ranked_draws_on_given_axes_and_leaves_input() -> None:
    fig, ax = plt.subplots()
    rates = np.array(RATES_2023)
    before = rates.copy()
    out = _ranked(rates=rates, ax=ax)
    assert out is ax
    np.testing.assert_array_equal(rates, before)
    assert fig.axes == [ax]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=12))
def test_ranked_rows_are_in_rank_order(rates: list[float]) -> None:
    labels = [f"R{i}" for i in range(len(rates))]
    ax = _ranked(rates=rates, labels=labels)
    ticks = _ticks(ax)
    ranks = [int(t.split()[0]) for t in ticks]
    values = [rates[int(t.split()[1][1:])] for t in ticks]
    assert ranks == sorted(ranks)
    assert values == sorted(values, reverse=True)
    assert sorted(t.split()[1] for t in ticks) == sorted(labels)
    plt.close("all")


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"unit": "percentage"}, ValueError, "unit"),
        ({"rates": [120.0]}, ValueError, "rate"),
        ({"rates": [[1.0, 2.0]], "labels": ["A"]}, ValueError, "1-D"),
        ({"labels": ["A"]}, ValueError, "labels"),
        ({"labels": "Kota Malang"}, TypeError, "labels"),
        ({"highlight": ["Kota Malng"]}, ValueError, "highlight"),
        ({"highlight": "Kota Malang"}, TypeError, "highlight"),
        ({"title": ""}, TypeError, "title"),
        ({"source": None}, TypeError, "source"),
        ({"descending": "yes"}, TypeError, "descending"),
        ({"rates": ["4,26"] * 5}, TypeError, "rates"),
    ],
)
def test_ranked_errors(kw: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        _ranked(**kw)


def test_unit_has_no_default() -> None:
    with pytest.raises(TypeError, match="unit"):
        plot_ranked_rates(  # type: ignore[call-arg]
            RATES_2023, NAMES, descending=True, title="t", source="s"
        )


# --------------------------------------------------------------------------
# plot_dumbbell
# --------------------------------------------------------------------------


def _dumbbell(**kw: Any) -> Axes:
    args: dict[str, Any] = {
        "periods": ["2019", "2021", "2023"],
        "unit": "percent",
        "title": "Poverty rate, March 2019, 2021, 2023",
        "source": "BPS",
    }
    args.update(kw)
    rates = args.pop("rates", RATES_19_21_23)
    labels = args.pop("labels", NAMES[:3])
    return plot_dumbbell(rates, labels, **args)


def test_dumbbell_orders_by_change_and_prints_points() -> None:
    # Worked by hand, 2023 - 2019: Sampang +1.05, Malang +0.19, Batu -0.50;
    # largest fall first.
    ax = _dumbbell()
    assert _ticks(ax) == ["Kota Batu", "Kota Malang", "Kabupaten Sampang"]
    texts = [t.get_text() for t in ax.texts]
    assert {"-0.50 pp", "+0.19 pp", "+1.05 pp"} <= set(texts)
    assert "Change\n2019-2023" in texts
    assert ax.get_xlabel() == "Poverty rate P0 (%)"
    assert _caption(ax).startswith("Changes in percentage points (pp).\nSource: BPS")
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["2019", "2021", "2023"]


def test_dumbbell_fraction_has_no_pp() -> None:
    ax = _dumbbell(rates=np.asarray(RATES_19_21_23) / 100, unit="fraction")
    texts = [t.get_text() for t in ax.texts]
    assert "-0.01" in texts  # -0.0050 rounded half up to 2 decimals
    assert "pp" not in _caption(ax)


def test_dumbbell_missing_endpoint_is_named() -> None:
    rates = [[20.71, 23.76, 21.76], [np.nan, 4.62, 4.26], [3.81, 4.09, 3.31]]
    ax = _dumbbell(rates=rates)
    assert _ticks(ax) == ["Kota Batu", "Kabupaten Sampang"]
    assert "No value (not shown): Kota Malang" in _caption(ax)


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"rates": [4.07, 4.26, 3.31]}, ValueError, "2-D"),
        ({"rates": [[4.07], [4.26], [3.31]]}, ValueError, "two periods"),
        ({"periods": ["2019", "2023"]}, ValueError, "periods"),
        ({"labels": ["A", "B"]}, ValueError, "labels"),
        ({"unit": None}, ValueError, "unit"),
        ({"source": ""}, TypeError, "source"),
    ],
)
def test_dumbbell_errors(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        _dumbbell(**kw)


# --------------------------------------------------------------------------
# plot_series
# --------------------------------------------------------------------------


def _series(**kw: Any) -> Axes:
    args: dict[str, Any] = {
        "unit": "percent",
        "title": "Poverty rate, March rounds",
        "source": "BPS",
        "xlabel": "Year (March round)",
    }
    args.update(kw)
    x = args.pop("x", [2019, 2021, 2023])
    rates = args.pop("rates", RATES_19_21_23)
    labels = args.pop("labels", NAMES[:3])
    return plot_series(x, rates, labels, **args)


def test_series_lines_labels_and_axes() -> None:
    ax = _series(highlight=["Kota Malang"])
    lines = ax.get_lines()
    assert len(lines) == 3
    ydata = np.asarray(lines[1].get_ydata(), dtype=float)
    np.testing.assert_allclose(ydata, np.array([4.07, 4.62, 4.26]))
    assert lines[1].get_linewidth() > lines[0].get_linewidth()
    texts = {t.get_text() for t in ax.texts}
    assert {"Kabupaten Sampang 21.76", "Kota Malang 4.26", "Kota Batu 3.31"} <= texts
    assert ax.get_ylabel() == "Poverty rate P0 (%)"
    assert ax.get_xlabel() == "Year (March round)"
    assert list(ax.get_xticks()) == [2019, 2021, 2023]


def test_series_gap_is_not_interpolated() -> None:
    ax = _series(rates=[[4.07, np.nan, 4.26]], labels=["Kota Malang"])
    ydata = np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)
    assert np.isnan(ydata[1])


def test_series_end_labels_do_not_overlap() -> None:
    # Kota Malang and Kota Batu end 0.95 points apart on a 0-22 scale: too
    # close for two labels, which must be pushed apart.
    ax = _series()
    fig = ax.figure
    fig.canvas.draw()
    boxes = [
        t.get_window_extent()
        for t in ax.texts
        if t.get_text().startswith(("Kota Malang", "Kota Batu"))
    ]
    assert len(boxes) == 2
    assert not boxes[0].overlaps(boxes[1])


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"x": [2019, 2021]}, ValueError, "`x`"),
        ({"rates": [4.07, 4.62, 4.26], "labels": ["A"]}, ValueError, "2-D"),
        (
            {"rates": [[4.0] * 3] * 7, "labels": list("ABCDEFG")},
            ValueError,
            "at most 6",
        ),
        ({"xlabel": ""}, TypeError, "xlabel"),
        ({"highlight": ["Kota Malng"]}, ValueError, "highlight"),
    ],
)
def test_series_errors(kw: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        _series(**kw)


# --------------------------------------------------------------------------
# plot_rank_sets
# --------------------------------------------------------------------------

# Rank sets worked by hand for the BPS March 2023 rates of Kota Malang 4.26,
# Kota Batu 3.31, Kota Surabaya 4.65 and Kabupaten Sampang 21.76 %, with an
# SE of 10 % of each rate, rank 1 = lowest, marginal Bonferroni at 90 %
# (z* = 2.128 for 3 comparisons): Batu-Malang z = 0.95 / 0.539 = 1.76 and
# Malang-Surabaya z = 0.39 / 0.631 = 0.62 are not significant, Batu-Surabaya
# z = 1.34 / 0.571 = 2.35 is, and Sampang differs from all.
SET_NAMES = ["Kota Malang", "Kota Batu", "Kota Surabaya", "Kabupaten Sampang"]
SET_RANK = [2.0, 1.0, 3.0, 4.0]
SET_LOWER = [1.0, 1.0, 2.0, 4.0]
SET_UPPER = [3.0, 2.0, 3.0, 4.0]


def _sets(**kw: Any) -> Axes:
    args: dict[str, Any] = {
        "descending": False,
        "level": 0.9,
        "simultaneous": False,
        "title": "Rank of the poverty rate, March 2023",
        "source": "BPS",
    }
    args.update(kw)
    rank = args.pop("rank", SET_RANK)
    lower = args.pop("lower", SET_LOWER)
    upper = args.pop("upper", SET_UPPER)
    labels = args.pop("labels", SET_NAMES)
    return plot_rank_sets(rank, lower, upper, labels, **args)


def test_rank_sets_rows_bars_and_printed_sets() -> None:
    ax = _sets(highlight=["Kota Malang"], note="SEs assumed: RSE 10 %")
    assert _ticks(ax) == [
        "1  Kota Batu",
        "2  Kota Malang",
        "3  Kota Surabaya",
        "4  Kabupaten Sampang",
    ]
    texts = [t.get_text() for t in ax.texts]
    assert texts[:4] == ["1-2", "1-3", "2-3", "4"]
    assert "Set" in texts
    bars = ax.collections[0]
    assert isinstance(bars, LineCollection)
    # Top row first (y = 3): Kota Batu's set 1-2, drawn 0.3 beyond each end.
    spans = sorted(
        ((s[0][1], s[0][0], s[1][0]) for s in bars.get_segments()), reverse=True
    )
    np.testing.assert_allclose(
        [x for _, *x in spans], [[0.7, 2.3], [0.7, 3.3], [1.7, 3.3], [3.7, 4.3]]
    )
    assert ax.get_xlabel() == "Rank (1 = lowest poverty rate)"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "90 % confidence set for the rank (marginal)",
        "Estimated rank",
    ]
    assert _caption(ax) == "SEs assumed: RSE 10 %\nSource: BPS"
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["2  Kota Malang"]


def test_rank_sets_descending_simultaneous_and_missing() -> None:
    ax = _sets(
        rank=[3.0, np.nan, 2.0, 1.0],
        lower=[2.0, np.nan, 1.0, 1.0],
        upper=[3.0, np.nan, 3.0, 1.0],
        descending=True,
        simultaneous=True,
        level=0.95,
        value_label="rate",
    )
    assert _ticks(ax) == ["1  Kabupaten Sampang", "2  Kota Surabaya", "3  Kota Malang"]
    assert ax.get_xlabel() == "Rank (1 = highest rate)"
    legend = ax.get_legend()
    assert legend is not None
    assert legend.get_texts()[0].get_text().startswith("95 % confidence set")
    assert legend.get_texts()[0].get_text().endswith("(simultaneous)")
    assert "No value (not shown): Kota Batu" in _caption(ax)


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"lower": [1.0, 1.0, 2.0]}, ValueError, "`lower` must be 1-D"),
        ({"labels": ["A"]}, ValueError, "labels"),
        ({"upper": [3.0, 2.0, 2.0, 4.0]}, ValueError, "lower <= rank <= upper"),
        ({"rank": [0.0, 1.0, 3.0, 4.0]}, ValueError, "1 <= lower"),
        ({"lower": [np.nan, 1.0, 2.0, 4.0]}, ValueError, "some but not all"),
        ({"level": 90}, ValueError, "pass 0.9"),
        ({"descending": None}, TypeError, "descending"),
        ({"simultaneous": "no"}, TypeError, "simultaneous"),
        ({"rank": ["2", "1", "3", "4"]}, TypeError, "rank"),
        ({"title": ""}, TypeError, "title"),
        ({"highlight": ["Kota Malng"]}, ValueError, "highlight"),
    ],
)
def test_rank_sets_errors(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        _sets(**kw)


def test_rank_sets_take_the_result_of_rank_confidence_sets() -> None:
    from povstat import rank_confidence_sets

    # The rates and SEs of the sets worked by hand above (SET_RANK, ...).
    rates = np.array([4.26, 3.31, 4.65, 21.76])
    sets = rank_confidence_sets(
        rates,
        se=rates / 10,
        descending=False,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
    )
    np.testing.assert_array_equal(sets.point_rank, SET_RANK)
    np.testing.assert_array_equal(sets.lower, SET_LOWER)
    np.testing.assert_array_equal(sets.upper, SET_UPPER)
    ax = plot_rank_sets(sets, labels=SET_NAMES, title="Ranks", source="BPS")
    by_hand = _sets(title="Ranks")
    assert _ticks(ax) == _ticks(by_hand)
    assert [t.get_text() for t in ax.texts] == [t.get_text() for t in by_hand.texts]
    assert ax.get_xlabel() == by_hand.get_xlabel()
    legend, legend_by_hand = ax.get_legend(), by_hand.get_legend()
    assert legend is not None
    assert legend_by_hand is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        t.get_text() for t in legend_by_hand.get_texts()
    ]


def test_rank_sets_result_and_arrays_do_not_mix() -> None:
    from povstat import rank_confidence_sets

    sets = rank_confidence_sets(
        [4.26, 3.31],
        se=[0.4, 0.3],
        descending=False,
        level=0.9,
        method="sidak",
        simultaneous=True,
    )
    with pytest.raises(ValueError, match="`level` must not be given with a RankConf"):
        plot_rank_sets(sets, labels=["a", "b"], title="t", source="s", level=0.9)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="`labels` must be given"):
        plot_rank_sets(sets, title="t", source="s")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="`lower` and `upper` must be given"):
        plot_rank_sets(  # type: ignore[call-overload]
            [1.0, 2.0],
            labels=["a", "b"],
            descending=True,
            level=0.9,
            simultaneous=True,
            title="t",
            source="s",
        )
