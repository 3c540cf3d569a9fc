"""Tests of povstat.reliability: RSE bands and reliability flags."""

from __future__ import annotations

from typing import Any

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given

from povstat.reliability import (
    RSE_CONVENTIONS,
    RSEBands,
    reliability_flags,
)


@pytest.mark.parametrize(
    ("rse", "band", "flag"),
    [
        # BPS: RSE <= 25 % reliable, 25 % < RSE <= 50 % use with caution,
        # RSE > 50 % unreliable; the thresholds themselves join the band below.
        (0.0, 0, "reliable"),
        (25.0, 0, "reliable"),
        (25.01, 1, "use with caution"),
        (50.0, 1, "use with caution"),
        (50.01, 2, "unreliable"),
        (400.0, 2, "unreliable"),
    ],
)
def test_bps_bands(rse: float, band: int, flag: str) -> None:
    f = reliability_flags(rse, bands="bps")
    assert int(f.band) == band
    assert f.flag.item() == flag


@pytest.mark.parametrize(
    ("rse", "flag"),
    # NCHS (Klein et al. 2002): an RSE of 30 % or more is not reliable.
    [(29.99, "reliable"), (30.0, "unreliable"), (31.0, "unreliable")],
)
def test_nchs_threshold_belongs_to_the_upper_band(rse: float, flag: str) -> None:
    assert reliability_flags([rse], bands="nchs").flag[0] == flag


def test_abs_labels_and_sources_are_stated() -> None:
    assert reliability_flags(60.0, bands="abs").flag.item() == "too unreliable"
    for name, bands in RSE_CONVENTIONS.items():
        assert bands.source, name
        assert len(bands.labels) == len(bands.thresholds) + 1


def test_missing_rse_gets_no_flag() -> None:
    f = reliability_flags([np.nan, 10.0], bands="bps")
    assert f.band.tolist() == [-1, 0]
    assert f.flag.tolist() == [None, "reliable"]
    frame = f.to_frame()
    assert list(frame.columns) == ["rse_pct", "reliability_band", "reliability"]
    assert frame["reliability"].isna().tolist() == [True, False]
    assert frame["reliability"].iloc[1] == "reliable"


def test_custom_bands() -> None:
    bands = RSEBands(
        thresholds=[10, 20, 40],
        labels=["A", "B", "C", "D"],
        closed="left",
        source="a statistics office's own grades",
    )
    assert bands.thresholds == (10.0, 20.0, 40.0)
    f = reliability_flags([5.0, 10.0, 39.0, 40.0], bands=bands)
    assert f.flag.tolist() == ["A", "B", "C", "D"]
    assert f.bands == bands
    assert "thresholds=" in repr(f)
    assert "bands=" in repr(f)


def test_shape_is_kept() -> None:
    f = reliability_flags([[1.0, 30.0], [60.0, 2.0]], bands="bps")
    assert f.band.shape == (2, 2)
    assert f.flag[1, 0] == "unreliable"


@given(st.lists(st.floats(0, 1000), min_size=1, max_size=20))
def test_band_grows_with_the_rse(values: list[float]) -> None:
    r = np.sort(np.array(values))
    b = reliability_flags(r, bands="bps").band
    assert np.all(np.diff(b) >= 0)


@pytest.mark.parametrize(
    ("kwargs", "kind", "match"),
    [
        ({"thresholds": [], "labels": ["a"]}, ValueError, "at least one"),
        ({"thresholds": [20, 10], "labels": ["a", "b", "c"]}, ValueError, "increase"),
        ({"thresholds": [-1], "labels": ["a", "b"]}, ValueError, "> 0"),
        ({"thresholds": [np.inf], "labels": ["a", "b"]}, ValueError, "finite"),
        ({"thresholds": ["x"], "labels": ["a", "b"]}, TypeError, "numbers"),
        ({"thresholds": [10], "labels": ["a"]}, ValueError, "one more entry"),
        ({"thresholds": [10], "labels": ["a", "a"]}, ValueError, "distinct"),
        ({"thresholds": [10], "labels": "ab"}, TypeError, "sequence of str"),
        (
            {"thresholds": [10], "labels": ["a", "b"], "closed": "both"},
            ValueError,
            "closed",
        ),
        (
            {"thresholds": [10], "labels": ["a", "b"], "source": " "},
            ValueError,
            "source",
        ),
    ],
)
def test_bad_bands(kwargs: dict[str, Any], kind: type[Exception], match: str) -> None:
    args: dict[str, Any] = {"closed": "right", "source": "test", **kwargs}
    with pytest.raises(kind, match=match):
        RSEBands(**args)


def test_errors() -> None:
    with pytest.raises(ValueError, match="`bands` must be one of"):
        reliability_flags(1.0, bands="who")
    with pytest.raises(ValueError, match="`rse_pct` must be >= 0"):
        reliability_flags(-1.0, bands="bps")
    with pytest.raises(TypeError, match="`rse_pct` must be numeric"):
        reliability_flags(["high"], bands="bps")
    # A lone string is taken for a column name given to an array function.
    with pytest.raises(TypeError, match=r"`rse_pct` must be the values .* column name"):
        reliability_flags("high", bands="bps")


@pytest.mark.parametrize(
    ("estimate", "se", "bands", "flag"),
    [
        # Worked by hand: 100 * se / estimate is exactly the threshold.
        (0.69, 0.1725, "bps", "reliable"),  # 17.25 / 0.69 = 25
        (4.37, 1.0925, "bps", "reliable"),  # 109.25 / 4.37 = 25
        (0.69, 0.345, "bps", "use with caution"),  # 34.5 / 0.69 = 50
        (12.34, 6.17, "abs", "use with caution"),  # 617 / 12.34 = 50
        (0.07, 0.021, "nchs", "unreliable"),  # 2.1 / 0.07 = 30, closed left
        (10.35, 3.105, "nchs", "unreliable"),  # 310.5 / 10.35 = 30
    ],
)
def test_exact_thresholds_are_not_moved_by_float_noise(
    estimate: float, se: float, bands: str, flag: str
) -> None:
    from povstat import rse_from_se

    assert reliability_flags(rse_from_se(estimate, se), bands=bands).flag == flag


@pytest.mark.parametrize(
    ("ratio", "bands", "flag"),
    [
        ("0.25", "bps", "reliable"),
        ("0.5", "bps", "use with caution"),
        ("0.3", "nchs", "unreliable"),
    ],
)
def test_grid_of_exact_thresholds(ratio: str, bands: str, flag: str) -> None:
    # Estimates 0.01, 0.02, ..., 50.00 and SEs ratio * estimate written as
    # the exact decimal (k/100 * 0.25 = k/400): every RSE is exactly the
    # threshold, so every flag is the band the threshold belongs to; in
    # float64 about 1 in 30 of these RSEs lands above or below it.
    from decimal import Decimal

    from povstat import rse_from_se

    ks = range(1, 5001)
    estimate = np.array([k / 100 for k in ks])
    se = np.array([float(Decimal(k) / 100 * Decimal(ratio)) for k in ks])
    flags = reliability_flags(rse_from_se(estimate, se), bands=bands).flag
    assert set(flags.tolist()) == {flag}
    # Just off the threshold (1e-8 % in RSE) still moves the band.
    t = float(Decimal(ratio) * 100)
    near = reliability_flags([t - 1e-8, t + 1e-8], bands=bands).band
    assert near[1] == near[0] + 1


@pytest.mark.parametrize(
    "bad", [("25",), (b"25",), ("1e1",), (True,), "25", (np.True_,)]
)
def test_thresholds_must_be_numbers(bad: object) -> None:
    with pytest.raises(TypeError, match="`thresholds` must"):
        RSEBands(thresholds=bad, labels=("a", "b"), closed="right", source="test")


def test_float32_thresholds_are_the_figures_they_print_as() -> None:
    # np.float32(25.1) is 25.100000381469727 in binary but stands for 25.1:
    # an RSE of exactly 25.1 is at the threshold, on its closed side.
    left = RSEBands(
        thresholds=(np.float32(25.1),), labels=("ok", "bad"), closed="left", source="x"
    )
    assert left.thresholds == (25.1,)
    assert reliability_flags([25.1], bands=left).flag.tolist() == ["bad"]
    right = RSEBands(
        thresholds=(np.float32(25.3),), labels=("ok", "bad"), closed="right", source="x"
    )
    assert reliability_flags([25.3], bands=right).flag.tolist() == ["ok"]
