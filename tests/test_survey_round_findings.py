"""Survey estimates: missing rows under "average", exact zero variances,
masked object labels, symmetric covariance, mixed-kind and absent-column
messages."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat import poverty_estimates, poverty_table

NAN = float("nan")

# tests/reference/survey_average_omit.R (R survey 4.1.1, na.rm=TRUE).
Y = [90.0, 130, 110, 140, 95, 150, 85, 160, NAN]
W = [10.0, 20, 15, 25, 12, 18, 14, 16, 30]
ST = [1, 1, 1, 1, 2, 2, 2, 2, 3]
PSU = [1, 1, 2, 2, 1, 1, 2, 2, 1]


def test_average_omit_leaves_out_a_stratum_of_missing_rows() -> None:
    # Stratum 3 (one PSU) holds one row, missing: R's na.rm=TRUE drops it,
    # so the factor is 2 strata / 2 with more than one PSU, not 3 / 2.
    e = poverty_estimates(
        Y,
        100,
        alpha=0,
        unit="percent",
        weights=W,
        strata=ST,
        psu=PSU,
        lonely_psu="average",
        nan_policy="omit",
    )
    assert e.estimate[0] == pytest.approx(27.692307692307693, rel=1e-14)
    assert e.se[0] == pytest.approx(9.9422371501104028, rel=1e-12)
    # The same row of zero weight is not missing: R keeps its stratum.
    y = [*Y[:8], 100.0]
    w = [*W[:8], 0.0]
    z = poverty_estimates(
        y,
        100,
        alpha=0,
        unit="percent",
        weights=w,
        strata=ST,
        psu=PSU,
        lonely_psu="average",
    )
    assert z.se[0] == pytest.approx(12.176703959756644, rel=1e-12)


@pytest.mark.parametrize("engine", ["pandas", "polars", "lazy"])
def test_average_omit_domain_strata_on_every_engine(engine: str) -> None:
    # Domain "a"'s row in stratum 3 is missing, "b"'s is not: "a" has strata
    # 1 and 2 (factor 1), "b" strata 1, 2 and 3 (3 lonely: factor 3/2).
    df = pd.DataFrame(
        {
            "y": [90.0, 130, 110, 140, 95, 150, 85, 160, NAN, 70],
            "w": [10.0, 20, 15, 25, 12, 18, 14, 16, 30, 22],
            "st": [1, 1, 1, 1, 2, 2, 2, 2, 3, 3],
            "psu": [1, 1, 2, 2, 1, 1, 2, 2, 1, 1],
            "dom": [*"abababab", "a", "b"],
        }
    )
    frame: object = df
    if engine != "pandas":
        frame = pl.from_pandas(df)
        if engine == "lazy":
            frame = frame.lazy()
    out = poverty_table(
        frame,  # type: ignore[arg-type]
        welfare="y",
        line=100,
        weight="w",
        by="dom",
        strata="st",
        psu="psu",
        alpha=0,
        unit="percent",
        lonely_psu="average",
        nan_policy="omit",
    )
    if engine == "lazy":
        out = out.collect()
    got = pd.DataFrame(out.to_dict(as_series=False)) if engine != "pandas" else out
    got = got.sort_values("dom")
    np.testing.assert_allclose(
        got["estimate"], [70.588235294117652, 21.782178217821784], rtol=1e-13
    )
    np.testing.assert_allclose(
        got["se"], [26.553320491860067, 1.4224092298892483], rtol=1e-12
    )


def test_domain_in_one_psu_has_exactly_zero_variance() -> None:
    # Domain A's two units lie in PSU 3: its only PSU total is the sum of
    # all its deviations w (t - R) / W, exactly 0, and the others are 0, so
    # its variance is exactly 0 (by hand) and deff is 0 / vsrs = 0 (A has
    # one poor and one non-poor unit: its SRS variance is positive).
    y = [172.0, 40, 90, 130, 95, 150]
    w = [27.68, 39.41, 10.0, 20.0, 12.0, 18.0]
    dom = ["A", "A", "B", "B", "B", "B"]
    for overall in (False, True):
        e = poverty_estimates(
            y,
            100,
            alpha=0,
            unit="percent",
            weights=w,
            by=dom,
            strata=[1] * 6,
            psu=[3, 3, 1, 1, 2, 2],
            overall=overall,
        )
        assert e.se[0] == 0.0
        assert e.deff[0] == 0.0
        assert e.rse_pct[0] == 0.0
        cov = e.cov
        assert np.all(cov[0, :] == 0.0)
        assert np.all(cov[:, 0] == 0.0)
        np.testing.assert_array_equal(np.diag(cov)[:1], e.se[:1] ** 2)


OBJ = np.array(list("aaaabbbb"), dtype=object)
MASKED = np.ma.masked_array(OBJ, mask=np.arange(8) == 3)
LISTED: list[Any] = ["a", "a", "a", np.ma.masked, "b", "b", "b", "b"]


@pytest.mark.parametrize("arg", ["by", "strata", "psu"])
@pytest.mark.parametrize("labels", [MASKED, LISTED], ids=["masked_array", "list"])
def test_masked_object_label_is_a_missing_label(arg: str, labels: object) -> None:
    y = [90.0, 130, 110, 140, 95, 150, 85, 160]
    with pytest.raises(ValueError, match=rf"`{arg}` must not contain missing labels"):
        poverty_estimates(
            y,
            100,
            alpha=0,
            unit="fraction",
            lonely_psu="remove",
            **{arg: labels},  # type: ignore[arg-type]
        )


def test_masked_object_label_names_its_index() -> None:
    y = [90.0, 130, 110, 140, 95, 150, 85, 160]
    with pytest.raises(ValueError, match=r"first at index 3"):
        poverty_estimates(y, 100, alpha=0, unit="fraction", by=MASKED)
    with pytest.raises(ValueError, match=r"found masked at index 3"):
        poverty_estimates(y, 100, alpha=0, unit="fraction", by=LISTED)


def test_cov_is_exactly_symmetric_with_domains_across_strata() -> None:
    from povstat.datasets import simulate_survey

    df = simulate_survey(20000, year=2023, seed=1)
    assert isinstance(df, pd.DataFrame)
    cls = np.where(df["size"] >= 5, "big", "small")
    e = poverty_estimates(
        df.welfare,
        df.poverty_line,
        alpha=[0, 1, 2],
        unit="percent",
        weights=df.weight,
        size=df["size"],
        by=cls,
        strata=df.stratum,
        psu=df.psu,
        overall=True,
        watts=True,
    )
    cov = e.cov
    np.testing.assert_array_equal(cov, cov.T)
    # The diagonal is the variance of the standard errors (to rounding).
    np.testing.assert_allclose(np.diag(cov), e.se**2, rtol=1e-15)


def test_mixed_kinds_name_first_row_of_the_rarer_kind_and_counts() -> None:
    df = pd.DataFrame(
        {
            "y": [90.0, 130, 110, 140, 95, 150],
            "r": pd.Series(["a", "a", 12, "b", 35, "b"], dtype=object),
        }
    )
    with pytest.raises(
        TypeError,
        match=r"`by` column 'r' labels must be of one kind.*"
        r"\(first int at index 2: 12; 2 int, 4 str\)",
    ):
        poverty_table(df, welfare="y", line=100, alpha=0, unit="percent", by="r")
    with pytest.raises(
        TypeError, match=r"`strata` labels .*\(first int at index 1: 1; 1 int, 2 str\)"
    ):
        poverty_estimates(
            [1.0, 2, 3],
            2,
            alpha=0,
            unit="percent",
            strata=np.array(["a", 1, "b"], dtype=object),
        )


def test_absent_columns_named_together_in_signature_order() -> None:
    df = pd.DataFrame({"kons": [1.0, 2.0], "gk": [1.5, 1.5], "w": [1.0, 1.0]})
    with pytest.raises(
        ValueError,
        match=r"^2 columns not found: `welfare` column 'welfare', `line` column "
        r"'garis'; columns: \['kons', 'gk', 'w'\]",
    ):
        poverty_table(df, welfare="welfare", line="garis", unit="percent", alpha=0)
    with pytest.raises(
        ValueError,
        match=r"^3 columns not found: `welfare` column 'x', `lines` entry 'a' "
        r"column 'garis', `by` column 'r';",
    ):
        poverty_table(
            df,
            welfare="x",
            lines={"a": "garis", "b": "gk"},
            by=["r", "gk"],
            unit="percent",
            alpha=0,
        )
    # One absent column keeps its own message.
    with pytest.raises(ValueError, match=r"^`line` column 'garis' not found;"):
        poverty_table(df, welfare="kons", line="garis", unit="percent", alpha=0)
