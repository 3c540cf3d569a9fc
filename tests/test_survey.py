from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from povstat import PovertyEstimates, fgt, poverty_estimates, watts

REF = Path(__file__).parent / "reference"
# R `survey` 4.1.1 output of tests/reference/survey_se.R on the design in
# tests/reference/survey_design.csv (domains cut across strata and PSUs;
# zero-weight rows; unit 5 exactly at its line).
DESIGN = pd.read_csv(REF / "survey_design.csv")
OUT = pd.read_csv(REF / "survey_se_out.csv")
COV = pd.read_csv(REF / "survey_se_cov.csv")
MEASURES = {"FGT(1.5)": "F15"}

CASES: dict[str, dict[str, Any]] = {
    "base": {},
    "le": {"comparison": "<="},
    "units": {"psu": None},
    "fpc": {"fpc": True},
    "lonely_remove": {"full": True, "lonely_psu": "remove"},
    "lonely_adjust": {"full": True, "lonely_psu": "adjust"},
    "lonely_average": {"full": True, "lonely_psu": "average"},
    "lonely_certainty": {"full": True, "lonely_psu": "certainty"},
    "lonely_adjust_fpc": {"full": True, "lonely_psu": "adjust", "fpc": True},
}


def _data(full: bool) -> pd.DataFrame:
    if full:
        return DESIGN
    return DESIGN[~DESIGN["stratum"].isin(["s6", "s7"])]


def _estimate(case: str, **extra: Any) -> PovertyEstimates:
    c = CASES[case]
    d = _data(c.get("full", False))
    return poverty_estimates(
        d["welfare"],
        d["line"],
        unit="fraction",
        alpha=[0, 1, 2, 1.5],
        watts=True,
        weights=d["weight"],
        size=d["size"],
        by=d["domain"],
        strata=d["stratum"],
        psu=d["psu"] if c.get("psu", "psu") else None,
        fpc=d["fpc"] if c.get("fpc") else None,
        lonely_psu=c.get("lonely_psu", "raise"),
        comparison=c.get("comparison", "<"),
        overall=True,
        **extra,
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_r_survey(case: str) -> None:
    est = _estimate(case)
    got = est.to_frame().assign(domain=lambda f: f["domain"].fillna("(all)"))
    ref = OUT[OUT["case"] == case]
    both = got.merge(ref, on=["domain", "measure"], suffixes=("", "_r"))
    assert len(both) == len(ref) == len(got) == 20
    for col in ["estimate", "se", "deff"]:
        np.testing.assert_allclose(both[col], both[f"{col}_r"], rtol=1e-10, err_msg=col)
    # svyby's standard errors are the subset design's.
    svyby = both[both["domain"] != "(all)"]
    np.testing.assert_allclose(svyby["se"], svyby["se_svyby"], rtol=1e-10)
    np.testing.assert_array_equal(both["df"], both["df_r"])
    np.testing.assert_array_equal(both["n"], both["n_r"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_covariance_matches_r_svyby(case: str) -> None:
    est = _estimate(case)
    names = [
        f"{d}:{MEASURES.get(m, m)}"
        for d, m in zip(est.domain, est.measure, strict=True)
    ]
    keep = [i for i, d in enumerate(est.domain) if d is not None]
    ref = COV[COV["case"] == case].set_index(["row", "col"])["value"].unstack()  # noqa: PD010
    want = ref.loc[[names[i] for i in keep], [names[i] for i in keep]].to_numpy()
    got = est.cov[np.ix_(keep, keep)]
    np.testing.assert_allclose(np.sqrt(np.diag(est.cov)), est.se, rtol=1e-12)
    if case == "lonely_average":
        # R's vcov(svyby(covmat=TRUE)) scales by the whole design's strata
        # (7/5) while svyby's SEs use each domain's own (povstat's `se` and
        # the cov's diagonal); correlations agree.
        def corr(m: NDArray[np.float64]) -> NDArray[np.float64]:
            s = np.sqrt(np.diag(m))
            return np.asarray(m / np.outer(s, s))

        np.testing.assert_allclose(corr(got), corr(want), rtol=1e-10, atol=1e-14)
    else:
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-16)


def test_units_as_psus_agree_with_one_psu_per_row() -> None:
    # Two code paths: second moments by (domain, stratum) vs a PSU per row.
    d = _data(False)
    kwargs: dict[str, Any] = {
        "unit": "percent",
        "alpha": [0, 1, 2],
        "weights": d["weight"],
        "size": d["size"],
        "by": d["domain"],
        "strata": d["stratum"],
        "overall": True,
    }
    a = poverty_estimates(d["welfare"], d["line"], **kwargs)
    b = poverty_estimates(d["welfare"], d["line"], psu=d["id"], **kwargs)
    # No psu is a PSU per unit, computed the same way: the same bits.
    for name in ["estimate", "se", "deff", "df", "n_psu", "cov"]:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@pytest.mark.parametrize("big", [1e5, 1e8])
def test_units_as_psus_do_not_cancel(big: float) -> None:
    # Welfare 1, 3, 1 under a line of 2 with weights W, 1, W (no psu: each
    # unit a PSU). T = 2W + 1, r = 2W/T; the linearised values
    # z_i = w_i (t_i - r)/T are W/T^2, -2W/T^2, W/T^2, summing to 0, so
    # var = 3/2 * (W^2 + 4W^2 + W^2)/T^4 = 9 W^2/T^4: se = 300 W/T^2 in
    # percent (7.4999250005625e-4 for W = 1e5, 7.499999925e-7 for 1e8).
    # Expanded sums of squared weights gave 7.49993e-4 and 0.0. Here t - r
    # is 1/T, 5e-9 for W = 1e8, computed from r to 1e-16: 2e-8 relative.
    # R survey 4.1.1 (tests/reference/survey_units_as_psus.R) gives se
    # 7.4999250005730719e-4 and deff 2.2500112501750962e-5 for W = 1e5.
    se = 300 * big / (2 * big + 1) ** 2
    kw: dict[str, Any] = {"weights": [big, 1, big], "alpha": 0, "unit": "percent"}
    a = poverty_estimates([1.0, 3.0, 1.0], 2.0, **kw)
    np.testing.assert_allclose(a.se, [se], rtol=1e-10 if big < 1e6 else 3e-8)
    if big < 1e6:
        np.testing.assert_allclose(a.se, [7.4999250005730719e-4], rtol=1e-10)
        np.testing.assert_allclose(a.deff, [2.2500112501750962e-5], rtol=1e-10)
    assert a.deff[0] > 0
    b = poverty_estimates([1.0, 3.0, 1.0], 2.0, psu=[7, 8, 9], **kw)
    np.testing.assert_array_equal(a.se, b.se)
    np.testing.assert_array_equal(a.deff, b.deff)


def test_units_as_psus_with_equal_deviations_have_no_variance() -> None:
    # Strata 0 (welfare 80) and 1 (150, 120) under a line of 100, the
    # lonely stratum 0 removed: in stratum 1 both units are non-poor, so
    # their linearised values -r/T are equal and deviate 0 from their mean:
    # var = 0 for P0, P1 and Watts, and deff = 0/0 = NaN, as R survey 4.1.1
    # gives with ids 1, 2, 3 (tests/reference/survey_units_as_psus.R;
    # expanded sums left a Watts se of 6.6e-8 and a deff of inf).
    kw: dict[str, Any] = {
        "alpha": [0, 1],
        "watts": True,
        "strata": [0, 1, 1],
        "lonely_psu": "remove",
        "unit": "percent",
    }
    a = poverty_estimates([80.0, 150.0, 120.0], 100.0, **kw)
    np.testing.assert_array_equal(a.se, [0.0, 0.0, 0.0])
    assert np.isnan(a.deff).all()


def test_interval_uses_t_with_domain_df() -> None:
    est = _estimate("base", level=0.9)
    from scipy import stats

    q = stats.t.ppf(0.95, est.df)
    np.testing.assert_allclose(est.upper, est.estimate + q * est.se, rtol=1e-12)
    np.testing.assert_allclose(est.lower, est.estimate - q * est.se, rtol=1e-12)
    with np.errstate(divide="ignore", invalid="ignore"):
        rse = 100 * est.se / est.estimate
    np.testing.assert_allclose(est.rse_pct, rse, rtol=1e-12)


def test_percent_scales_everything() -> None:
    f = _estimate("base")
    d = _data(False)
    p = poverty_estimates(
        d["welfare"],
        d["line"],
        unit="percent",
        alpha=[0, 1, 2, 1.5],
        watts=True,
        weights=d["weight"],
        size=d["size"],
        by=d["domain"],
        strata=d["stratum"],
        psu=d["psu"],
        overall=True,
    )
    np.testing.assert_allclose(p.estimate, 100 * f.estimate, rtol=1e-14)
    np.testing.assert_allclose(p.se, 100 * f.se, rtol=1e-14)
    np.testing.assert_allclose(p.cov, 1e4 * f.cov, rtol=1e-12, atol=1e-18)
    np.testing.assert_allclose(p.deff, f.deff, rtol=1e-14)
    assert p.unit == "percent"


def test_result_repr_and_frame() -> None:
    est = poverty_estimates(
        [1, 2, 3, 4], 2.5, unit="fraction", alpha=0, psu=[1, 1, 2, 2]
    )
    assert "PovertyEstimates(" in repr(est)
    assert "design=<reduced table: 2 cells, 1 strata, 1 domains>" in repr(est)
    assert list(est.to_frame().columns) == [
        "domain",
        "measure",
        "estimate",
        "se",
        "lower",
        "upper",
        "rse_pct",
        "deff",
        "n",
        "n_psu",
        "df",
    ]
    with pytest.raises(ValueError, match="read-only"):
        est.estimate[0] = 1.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"strata": [1, 1, 2, 2], "psu": [1, 2, 3, 3]}, "single PSU"),
        (
            {"psu": [1, 2, 3, 4], "fpc": [10, 10, 11, 10]},
            r"one value without `strata` .* from 10 to 11",
        ),
        (
            {"strata": [1, 1, 2, 2], "psu": [1, 2, 3, 4], "fpc": [9, 10, 7, 8]},
            r"varies in 2 strata: 1 \(9 to 10\), 2 \(7 to 8\)$",
        ),
        # 0.1 + 0.2 = 0.30000000000000004 != 0.3: shown in full, not as
        # "0.3 to 0.3", and named as rounding (1.9e-16 relative <= 1e-12).
        (
            {
                "strata": [1, 1, 2, 2],
                "psu": [1, 2, 3, 4],
                "fpc": [0.3, 0.1 + 0.2, 0.3, 0.3],
            },
            r"1 \(0\.3 to 0\.30000000000000004\); they differ by rounding",
        ),
        # 10 to 10.00000001 (1e-9 relative) is more than rounding: no hint.
        (
            {"psu": [1, 2, 3, 4], "fpc": [10, 10, 10, 10.00000001]},
            r"from 10 to 10\.00000001$",
        ),
        (
            {"psu": [1, 2, 3, 4], "fpc": [10, np.nan, 10, 10]},
            r"1 missing, at index \[1\]",
        ),
        ({"psu": [1, 2, 3, 4], "fpc": [3, 3, 3, 3]}, "at least the number"),
        ({"psu": [1, 2, 3, 4], "fpc": [3, 3, 3, 3]}, r"fpc \[3.0\] but \[4.0\]"),
        ({"psu": [1, 2, 3, 4], "fpc": [1, 1, 1, 1]}, r"1 in every stratum.*\[4.0\]"),
        (
            {"strata": [1, 1, 2, 2], "psu": [1, 2, 3, 3], "fpc": [0.5, 0.5, 2, 2]},
            r"stratum \[1\] has fpc \[0.5\] but \[2.0\]",
        ),
        ({"psu": [1, 2, 3, 4], "fpc": [0, 3, 3, 3]}, "fpc"),
        ({"psu": [1, 2, 3]}, "psu"),
        ({"strata": [1, 2]}, "strata"),
        ({"lonely_psu": "fail"}, "lonely_psu"),
        ({"level": 95}, "level"),
        ({"by": ["a", "a", "b", "b"], "weights": [1, 1, 0, 0]}, "positive total"),
    ],
)
def test_bad_designs(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        poverty_estimates([1, 2, 3, 4], 2.5, unit="fraction", alpha=0, **kwargs)


def test_flags_are_bools() -> None:
    with pytest.raises(TypeError, match="watts"):
        poverty_estimates([1, 2], 2.5, unit="fraction", watts=1)  # type: ignore[arg-type]


def test_certainty_stratum_with_fpc_is_not_lonely() -> None:
    # Stratum 2 has its only PSU sampled with certainty (fpc = 1 PSU):
    # it adds no variance and needs no lonely-PSU rule. By hand, stratum 1
    # alone: P0 = 2/6; PSU totals of u = w (t - 1/3) / 6 are
    # (2 - 2/3)/6 = 2/9 and (0 - 2/3)/6 = -1/9, mean 1/18, deviations +-1/6;
    # var = 2/(2-1) * 2 * (1/6)^2 = 1/9 (fpc 9e9: f = 1 - 2/9e9). Equal
    # weights (which cancel) are stated: without them the fpc implies
    # unequal ones.
    est = poverty_estimates(
        [1, 1, 5, 5, 5, 5],
        2.5,
        unit="fraction",
        alpha=0,
        weights=[1e3] * 6,
        strata=[1, 1, 1, 1, 2, 2],
        psu=[1, 1, 2, 2, 3, 3],
        fpc=[9e9] * 4 + [1, 1],
    )
    assert est.se[0] == pytest.approx(1 / 3, rel=1e-8)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.floats(0.001, 1e4))
def test_order_scale_and_domains(rnd: Any, c: float) -> None:
    d = _data(False)
    perm = list(range(len(d)))
    rnd.shuffle(perm)
    p = d.iloc[perm]

    def run(frame: pd.DataFrame, weights: Any) -> PovertyEstimates:
        return poverty_estimates(
            frame["welfare"],
            frame["line"],
            unit="fraction",
            alpha=[0, 1, 2],
            weights=weights,
            size=frame["size"],
            by=frame["domain"],
            strata=frame["stratum"],
            psu=frame["psu"],
            overall=True,
        )

    a = run(d, d["weight"])
    b = run(p, p["weight"])
    s = run(d, d["weight"] * c)
    for x in (b, s):
        np.testing.assert_allclose(x.estimate, a.estimate, rtol=1e-10, atol=1e-15)
        np.testing.assert_allclose(x.se, a.se, rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(x.cov, a.cov, rtol=1e-8, atol=1e-15)
    # A domain: its estimate is that of its rows alone, its SE that of the
    # whole design with the other rows weighted zero.
    label = rnd.choice(["A", "B", "C"])
    rows = d["domain"] == label
    alone = poverty_estimates(
        d.loc[rows, "welfare"],
        d.loc[rows, "line"],
        unit="fraction",
        alpha=[0, 1, 2],
        weights=d.loc[rows, "weight"],
        size=d.loc[rows, "size"],
    )
    zeroed = poverty_estimates(
        d["welfare"],
        d["line"],
        unit="fraction",
        alpha=[0, 1, 2],
        weights=d["weight"].where(rows, 0),
        size=d["size"],
        strata=d["stratum"],
        psu=d["psu"],
    )
    mine = a.domain == label
    np.testing.assert_allclose(a.estimate[mine], alone.estimate, rtol=1e-12)
    np.testing.assert_allclose(a.se[mine], zeroed.se, rtol=1e-10)


def test_integer_psu_labels_take_the_same_path_as_any_labels() -> None:
    # Small integer PSU labels are coded without a sort; labels with gaps,
    # labels repeated across strata or cut by domains, and the same labels as
    # strings must all give one answer.
    rng = np.random.default_rng(3)
    n = 400
    strata = rng.integers(0, 4, n)
    psu = rng.integers(0, 12, n)
    by = rng.integers(0, 3, n)
    y = rng.lognormal(0.0, 0.5, n)
    w = rng.uniform(1, 3, n)
    kw: dict[str, Any] = {"unit": "fraction", "weights": w, "by": by}
    want = poverty_estimates(y, 1.0, strata=strata, psu=psu.astype(str), **kw)
    for labels in (psu, psu * 7 + 5, psu + 3 * strata):
        got = poverty_estimates(y, 1.0, strata=strata, psu=labels, **kw)
        if labels is psu:
            np.testing.assert_allclose(got.se, want.se, rtol=1e-12)
        np.testing.assert_allclose(got.estimate, want.estimate, rtol=1e-12)
    nested = strata * 100 + psu  # every label in one stratum (and gaps)
    one = poverty_estimates(y, 1.0, strata=strata, psu=nested, **kw)
    two = poverty_estimates(y, 1.0, strata=strata, psu=nested.astype(str), **kw)
    np.testing.assert_allclose(one.se, two.se, rtol=1e-12)
    np.testing.assert_allclose(one.df, two.df)


def test_fpc_as_fraction_or_population_size() -> None:
    # Four PSUs, one unit each, welfare 1..4 under a line of 2.5: P0 = 1/2;
    # u_i = (t_i - 1/2)/4 = +-1/8, so sum (u - mean)^2 = 4/64 and
    # var = (1 - f) * 4/3 * 1/16. A sampling fraction of 1/2 and a
    # population of 8 PSUs both give f = 1/2: var = 1/24.
    kw: dict[str, Any] = {"unit": "fraction", "alpha": 0, "psu": [1, 2, 3, 4]}
    frac = poverty_estimates([1, 2, 3, 4], 2.5, fpc=[0.5] * 4, **kw)
    size = poverty_estimates([1, 2, 3, 4], 2.5, fpc=[8] * 4, **kw)
    assert frac.se[0] == pytest.approx(np.sqrt(1 / 24), rel=1e-12)
    assert size.se[0] == pytest.approx(np.sqrt(1 / 24), rel=1e-12)


def test_fpc_of_one_with_one_psu_per_stratum_is_a_census() -> None:
    # fpc 1 everywhere reads the same both ways when each stratum has one
    # PSU sampled (fraction 1 = population of 1 PSU): a census, se 0, and
    # no stratum is lonely.
    est = poverty_estimates(
        [1, 2, 3, 4],
        2.5,
        unit="fraction",
        alpha=0,
        strata=[1, 1, 2, 2],
        psu=[1, 1, 2, 2],
        fpc=[1, 1, 1, 1],
    )
    assert est.estimate[0] == pytest.approx(0.5)
    assert est.se[0] == 0.0


# R `survey` 4.1.1 output of tests/reference/survey_fpc_weights.R: without
# weights R derives them from the fpc, N_h/n_h (or 1/f for fractions).
_FPC_Y = [1.0, 2, 2, 8]
_FPC_KW: dict[str, Any] = {"alpha": 0, "unit": "fraction", "strata": [1, 1, 2, 2]}


@pytest.mark.parametrize(
    ("fpc", "match"),
    [
        # Populations of 10 and 100 units, 2 sampled in each: 5 and 50.
        (
            [10, 10, 100, 100],
            r"`fpc` without `weights` implies unequal weights: .* N_h/n_h .*"
            r"from 5 in stratum 1 to 50 in stratum 2.*pass `weights`",
        ),
        # Sampling fractions 0.2 and 0.02: 1/f = 5 and 50.
        ([0.2, 0.2, 0.02, 0.02], r"1/fpc .*from 5 in stratum 1 to 50 in stratum 2"),
        # Populations of 10 and 20 with 2 sampled in each: 5 and 10.
        ([10, 10, 20, 20], r"from 5 in stratum 1 to 10 in stratum 2"),
    ],
)
def test_fpc_without_weights_implying_unequal_weights_is_refused(
    fpc: list[float], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        poverty_estimates(_FPC_Y, 4, fpc=fpc, **_FPC_KW)
    # Household sizes do not change the weights the fpc implies.
    with pytest.raises(ValueError, match=match):
        poverty_estimates(_FPC_Y, 4, fpc=fpc, size=[1, 2, 3, 4], **_FPC_KW)


def test_fpc_with_the_weights_it_implies_matches_r() -> None:
    # R derives weights 5, 5, 50, 50 without weights; passing them gives
    # R's 0.54545454545454541 (= 30/55 by hand: poor weight 5+5+50 of 110)
    # and se 0.44997704257325749, with either reading of the fpc.
    w = [5.0, 5, 50, 50]
    for fpc in ([10, 10, 100, 100], [0.2, 0.2, 0.02, 0.02]):
        est = poverty_estimates(_FPC_Y, 4, fpc=fpc, weights=w, **_FPC_KW)
        assert est.estimate[0] == pytest.approx(0.54545454545454541, rel=1e-14)
        assert est.se[0] == pytest.approx(0.44997704257325749, rel=1e-12)


def test_fpc_implying_equal_weights_needs_no_weights() -> None:
    # Populations of 10 and 20 with 2 and 4 units sampled: N_h/n_h is 5 in
    # both strata, so equal weights are R's: P0 = 4/6 (y < 4: 1, 2, 2, 3),
    # se 0.17213259316477408 (tests/reference/survey_fpc_weights.R).
    est = poverty_estimates(
        [1.0, 2, 2, 8, 3, 5],
        4,
        alpha=0,
        unit="fraction",
        strata=[1, 1, 2, 2, 2, 2],
        fpc=[10, 10, 20, 20, 20, 20],
    )
    assert est.estimate[0] == pytest.approx(2 / 3, rel=1e-14)
    assert est.se[0] == pytest.approx(0.17213259316477408, rel=1e-12)
    # One stratum, or equal fractions: the implied weights are equal too.
    poverty_estimates(_FPC_Y, 4, fpc=[10] * 4, alpha=0, unit="fraction")
    poverty_estimates(_FPC_Y, 4, fpc=[0.5] * 4, **_FPC_KW)


# --------------------------------------------------------------------------
# A measure the same for every unit of a domain
# --------------------------------------------------------------------------

# Welfare 0.7 under a line of 1 for every unit: P0 = 1, P1 = 0.3 and Watts
# = ln(1/0.7) for each, so each linearised value u = w (t - R) / N is 0:
# R `survey` 4.1.1 gives se exactly 0 and deff NaN for all three
# (tests/reference/survey_fpc_weights.R); the ratio's rounding left 5e-16.
_SAME_W = [1e3, 2e3, 3e3, 4e3, 5e3, 6e3]
_SAME_KW: dict[str, Any] = {"alpha": [0, 1], "watts": True, "unit": "percent"}


@pytest.mark.parametrize("design", [{}, {"psu": [1, 1, 2, 2, 3, 3]}])
def test_a_measure_equal_for_every_unit_has_se_0_and_deff_nan(
    design: dict[str, Any],
) -> None:
    est = poverty_estimates([0.7] * 6, 1.0, weights=_SAME_W, **_SAME_KW, **design)
    np.testing.assert_allclose(
        est.estimate, [100, 30.000000000000004, 35.667494393873239], rtol=1e-14
    )
    assert est.se.tolist() == [0.0, 0.0, 0.0]
    assert np.isnan(est.deff).all()
    assert est.cov.tolist() == [[0.0] * 3] * 3
    assert est.lower.tolist() == est.upper.tolist() == est.estimate.tolist()


@settings(max_examples=40, deadline=None)
@given(
    st.floats(0.01, 0.99),
    st.lists(st.floats(100, 1e6), min_size=4, max_size=12),
    st.booleans(),
)
def test_equal_units_give_se_0_in_their_domain_only(
    y0: float, w: list[float], zero_row: bool
) -> None:
    # Domain "a": every unit at welfare y0 (the same P0, P1, P2, Watts);
    # domain "b": welfare 0.5 and 2 alternating, so its P0 varies. Only
    # the measures of "a" have se 0, deff NaN and zero rows and columns in
    # .cov; the overall row mixes both. A zero-weight unit of another
    # welfare in "a" (a row left out) does not count.
    n = len(w)
    y = [y0] * n + [0.5, 2.0] * 2
    weights = [*w, 100.0, 200.0, 300.0, 400.0]
    by = ["a"] * n + ["b"] * 4
    if zero_row:
        y, weights, by = [*y, 0.2], [*weights, 0.0], [*by, "a"]
    est = poverty_estimates(
        y,
        1.0,
        weights=weights,
        by=by,
        overall=True,
        alpha=[0, 1, 2],
        watts=True,
        unit="fraction",
        psu=list(range(len(y))),
    )
    a = est.domain == "a"
    assert est.se[a].tolist() == [0.0] * 4
    assert np.isnan(est.deff[a]).all()
    cov = est.cov
    assert (cov[a] == 0).all()
    assert (cov[:, a] == 0).all()
    assert (est.se[~a] > 0).all()
    np.testing.assert_allclose(np.diag(cov), est.se**2, rtol=1e-12)


def test_poverty_estimates_refuses_by_labels_of_mixed_kinds() -> None:
    # The one shared label check: 1, '1' and True would otherwise be merged.
    mixed: list[list[Any]] = [[1, "1", 1], [1, 1.0, True, "1"]]
    for by in mixed:
        welfare = np.arange(1.0, len(by) + 1.0)
        with pytest.raises(
            TypeError, match=r"`by` labels must be of one kind.*differ only in type"
        ):
            poverty_estimates(welfare, 2.5, unit="fraction", by=by)
    with pytest.raises(ValueError, match=r"`by` must not contain missing labels"):
        poverty_estimates(
            [1.0, 2.0], 2.5, unit="fraction", by=np.array(["a", None], dtype=object)
        )


# --------------------------------------------------------------------------
# Several poverty lines in one pass
# --------------------------------------------------------------------------


def test_lines_worked_by_hand() -> None:
    # Welfare 100, 110, 150, 160, equal weights. National line 125: 100 and
    # 110 are poor, P0 = 2/4 = 0.5, P1 = (25/125 + 15/125)/4 = 0.08.
    # Extreme line 105: only 100 is poor, P0 = 1/4 = 0.25,
    # P1 = (5/105)/4 = 1/84.
    est = poverty_estimates(
        [100, 110, 150, 160],
        alpha=[0, 1],
        unit="fraction",
        lines={"national": 125, "extreme": 105},
    )
    assert est.line is not None
    assert est.line.tolist() == ["national", "national", "extreme", "extreme"]
    assert est.measure.tolist() == ["P0", "P1", "P0", "P1"]
    np.testing.assert_allclose(est.estimate, [0.5, 0.08, 0.25, 1 / 84], rtol=1e-12)
    assert list(est.to_frame().columns[:3]) == ["domain", "line", "measure"]


@pytest.mark.parametrize("case", ["base", "units", "fpc", "lonely_average"])
def test_lines_equal_separate_calls(case: str) -> None:
    opts = CASES[case]
    data = _data(bool(opts.get("full")))
    common: dict[str, Any] = {
        "unit": "percent",
        "alpha": [0, 1, 2],
        "watts": True,
        "weights": data["weight"],
        "by": data["domain"],
        "strata": data["stratum"],
        "psu": None if "psu" in opts else data["psu"],
        "fpc": data["fpc"] if opts.get("fpc") else None,
        "lonely_psu": opts.get("lonely_psu", "raise"),
        "overall": True,
    }
    domains = sorted(set(data["domain"]))
    lines: dict[str, Any] = {
        "column": data["line"],
        "scalar": 150.0,
        "per_domain": {d: 80.0 + 20 * i for i, d in enumerate(domains)},
    }
    both = poverty_estimates(data["welfare"], lines=lines, **common)
    assert both.line is not None
    k = 4
    n_rows = both.estimate.shape[0]
    for j, (name, value) in enumerate(lines.items()):
        one = poverty_estimates(data["welfare"], value, **common)
        take = np.flatnonzero(both.line == name)
        assert take.shape[0] == n_rows // 3
        for attr in ("estimate", "se", "lower", "upper", "deff", "df", "n"):
            np.testing.assert_allclose(
                getattr(both, attr)[take], getattr(one, attr), rtol=1e-12, atol=1e-12
            )
        assert both.measure[take].tolist() == one.measure.tolist()
        # Each line's block of the joint covariance is that line's covariance.
        np.testing.assert_allclose(
            both.cov[np.ix_(take, take)], one.cov, rtol=1e-12, atol=1e-12
        )
        assert take[:k].tolist() == list(range(j * k, (j + 1) * k))


@pytest.mark.parametrize(
    ("line", "lines", "match"),
    [
        (125, {"a": 100}, "exactly one of `line` and `lines`, got both"),
        (None, None, "exactly one of `line` and `lines`, got neither"),
        (None, {}, "`lines` must name at least one"),
    ],
)
def test_lines_errors(line: Any, lines: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        poverty_estimates([100, 110], line, lines=lines, unit="fraction")


def test_lines_names_must_be_strings() -> None:
    with pytest.raises(TypeError, match="`lines` names must be strings"):
        poverty_estimates([100, 110], lines={1: 100}, unit="fraction")  # type: ignore[dict-item]


_DECIMAL_WEIGHTS = st.sampled_from(
    [0.1, 0.2, 0.3, 1.3, 2.7, 1 / 3, 1e-3, 1e4, 12345.678]
)


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@settings(max_examples=60, deadline=None)
@given(
    weights=st.lists(_DECIMAL_WEIGHTS, min_size=4, max_size=40),
    seed=st.integers(0, 2**32 - 1),
)
def test_row_order_never_changes_any_figure(weights: list[float], seed: int) -> None:
    # Float64 sums depend on their order (0.1 + 0.1 + 1.3 vs 0.1 + 1.3 +
    # 0.1); the unit-level sums are exact integer sums of limbs
    # (povstat._exact), so a permutation of the units gives bit-identical
    # estimates, SEs and design effects, and a ratio that is 12.5 in one
    # order is 12.5 in all (0.2 / 1.6 with weights 0.1, 0.1, 0.1, 1.3).
    rng = np.random.default_rng(seed)
    n = len(weights)
    w = np.array(weights)
    y = rng.choice([50.0, 90.0, 110.0, 200.0], n)
    strata = rng.integers(0, 2, n)
    psu = np.arange(n) // 2
    dom = rng.choice(["a", "b"], n)
    kw: dict[str, Any] = {"alpha": [0, 1, 2], "unit": "percent", "lonely_psu": "adjust"}
    first = poverty_estimates(y, 100, weights=w, by=dom, strata=strata, psu=psu, **kw)
    p = rng.permutation(n)
    again = poverty_estimates(
        y[p], 100, weights=w[p], by=dom[p], strata=strata[p], psu=psu[p], **kw
    )
    for name in ("estimate", "se", "deff", "lower", "upper"):
        np.testing.assert_array_equal(getattr(first, name), getattr(again, name))


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
def test_a_decimal_tie_is_the_same_in_every_order() -> None:
    # Weights 0.1, 0.1 (poor) and 0.1, 1.3: P0 = 0.2 / 1.6 = 12.5 % (by
    # hand). A float64 sum in one order gave 12.499999999999998 (-> 12).
    y = np.array([50.0, 50.0, 200.0, 200.0])
    w = np.array([0.1, 0.1, 0.1, 1.3])
    for order in ([0, 1, 2, 3], [0, 3, 1, 2], [3, 2, 1, 0], [2, 0, 3, 1]):
        est = poverty_estimates(
            y[order], 100, weights=w[order], alpha=0, unit="percent"
        )
        assert float(est.estimate[0]) == 12.5


@pytest.mark.parametrize("psu", [None, [1, 2]])
def test_weights_beyond_float64_are_rescaled(psu: list[int] | None) -> None:
    # Weights 1e308 total 2e308, beyond float64: they are rescaled by a
    # power of two (exact), never a silent inf or NaN. Welfare 1 and 5
    # under 3: P0 = 1/2, z = +-1/4, var = 2 * (1/16 + 1/16) = 1/4, se 1/2.
    # deff against a population of 2e308 (inf in float64): the SRS
    # variance is s^2 (1 - n/N) / n = (1/2)(1 - 0)/2 = 1/4 with s^2 =
    # (1/4 + 1/4) / 1, so deff = 1.
    est = poverty_estimates(
        [1.0, 5.0], 3, alpha=0, unit="fraction", weights=[1e308] * 2, psu=psu
    )
    assert est.estimate.tolist() == [0.5]
    np.testing.assert_allclose(est.se, [0.5], rtol=1e-15)
    np.testing.assert_allclose(est.deff, [1.0], rtol=1e-15)
    # fgt rescales alike: the same P0.
    got = fgt([1.0, 5.0], 3, alpha=0, unit="fraction", weights=[1e308] * 2)
    assert float(got) == 0.5


@pytest.mark.parametrize("tiny", [5e-324, 1e-310, 1e-200, 1e200])
def test_fgt_and_watts_of_weights_whose_squares_leave_float64(tiny: float) -> None:
    # Equal weights: P0 = 2/4, P1 = (0.6 + 0.2)/4 = 20 %, P2 = (0.36 +
    # 0.04)/4 = 10 % for welfare 1, 2, 3, 4 under 2.5 (gaps 1.5/2.5 and
    # 0.5/2.5); Watts = (ln 2.5 + ln 1.25)/4. A weight of 5e-324 times a
    # gap of 0.6 was 5e-324 (P1 25 %) before the rescaling.
    y = [1.0, 2.0, 3.0, 4.0]
    got = fgt(y, 2.5, alpha=[0, 1, 2], unit="percent", weights=[tiny] * 4)
    np.testing.assert_allclose(got, [50.0, 20.0, 10.0], rtol=1e-15)
    w = watts(y, 2.5, unit="fraction", weights=[tiny] * 4)
    np.testing.assert_allclose(w, (np.log(2.5) + np.log(1.25)) / 4, rtol=1e-15)


@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(1, 1000), min_size=3, max_size=10),
    st.sampled_from([-1060, -600, 600, 1000]),
    st.booleans(),
)
def test_weights_times_a_power_of_two_change_nothing(
    w: list[int], exponent: int, with_psu: bool
) -> None:
    # Integer weights times 2**exponent are exact, even as subnormals
    # (2**-1060 * 1000 is a multiple of 2**-1074), and a power of two
    # commutes with every rounding: estimates and standard errors are
    # those of the integer weights, bit for bit.
    n = len(w)
    y = np.linspace(10.0, 200.0, n)
    by = np.arange(n) % 2
    psu = np.arange(n) if with_psu else None
    kw: dict[str, Any] = {"unit": "percent", "by": by, "psu": psu}
    base = poverty_estimates(y, 120.0, weights=np.array(w, float), **kw)
    scaled = np.ldexp(np.array(w, float), exponent)
    got = poverty_estimates(y, 120.0, weights=scaled, **kw)
    np.testing.assert_array_equal(got.estimate, base.estimate)
    np.testing.assert_array_equal(got.se, base.se)


@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@pytest.mark.parametrize("weight", [1e160, 1e-170])
@pytest.mark.parametrize("psu", [None, [1, 2]])
def test_weights_whose_squares_leave_float64_have_a_variance(
    weight: float, psu: list[int] | None
) -> None:
    # Each unit its own PSU, from deviations: welfare 1 and 5 under a line
    # of 3 with equal weights W, so T = 2W, r = 1/2, and z = W (t - r)/T =
    # +1/4, -1/4 whatever W: var = 2/1 * (1/16 + 1/16) = 1/4, se 0.5. The
    # squares W^2 (1e320 or 1e-340) leave float64, but no square of a
    # weight is taken (expanded sums of squares refused these weights).
    est = poverty_estimates(
        [1.0, 5.0], 3, alpha=0, unit="fraction", weights=[weight] * 2, psu=psu
    )
    np.testing.assert_allclose(est.estimate, [0.5], rtol=1e-15)
    np.testing.assert_allclose(est.se, [0.5], rtol=1e-15)


# Labels that are containers: the argument and the label's type are named,
# never numpy's "truth value of an array is ambiguous".
@pytest.mark.parametrize("role", ["by", "strata", "psu"])
@pytest.mark.parametrize(
    ("labels", "what"),
    [
        ([[1], [2], [1], [2]], "list"),
        (pd.Series([[1, 2], [3], [1, 2], [3]]), "list"),
        (pd.Series([(1, 2), (3, 4)] * 2), "tuple"),
        ([(1, 2), (3,), (1, 2), (3,)], "tuple"),
    ],
)
def test_container_labels_are_refused_by_name(
    role: str, labels: Any, what: str
) -> None:
    with pytest.raises(
        TypeError, match=rf"`{role}` labels must be scalars .*got a {what} at index 0"
    ):
        poverty_estimates(
            [90.0, 120, 200, 80], 100.0, alpha=0, unit="fraction", **{role: labels}
        )


def test_polars_list_labels_are_refused_by_name() -> None:
    import polars as pl

    with pytest.raises(TypeError, match=r"`by` labels must be scalars .*ndarray"):
        poverty_estimates(
            [90.0, 120, 200, 80],
            100.0,
            by=pl.Series([[1, 2], [3], [1, 2], [3]]),
            alpha=0,
            unit="fraction",
        )
    # A fixed-width polars Array (or any 2-D array): a row of values per
    # unit is no label either.
    fixed = pl.Series([[1, 2], [3, 4]] * 2, dtype=pl.Array(pl.Int64, 2))
    for labels in (fixed, np.array([[1, 2], [3, 4]] * 2)):
        with pytest.raises(
            TypeError, match=r"`psu` labels must be scalars .*2-D array of shape"
        ):
            poverty_estimates(
                [90.0, 120, 200, 80], 100.0, psu=labels, alpha=0, unit="fraction"
            )


def test_a_missing_line_under_omit_is_named() -> None:
    # A NaN line gives its rows zero weight under nan_policy="omit": for
    # the whole sample, or a whole domain of a mapping, nothing is left to
    # estimate, and the message names `line` as the cause.
    y, by = [90.0, 120, 200, 80], [1, 2, 1, 2]
    kw: dict[str, Any] = {"alpha": 0, "unit": "fraction", "nan_policy": "omit"}
    with pytest.raises(
        ValueError, match=r"`line` is missing \(NaN\): one line for every row"
    ):
        poverty_estimates(y, np.nan, **kw)
    with pytest.raises(
        ValueError, match=r"`line` is missing \(NaN\): one line for every row"
    ):
        fgt(y, np.nan, **kw)
    with pytest.raises(
        ValueError, match=r"`line` is missing \(NaN\) for domain\(s\) \[2\]"
    ):
        poverty_estimates(y, {1: 100.0, 2: np.nan}, by=by, **kw)
    with pytest.raises(
        ValueError, match=r"`lines` entry 'b' is missing \(NaN\) for domain\(s\) \[1\]"
    ):
        poverty_estimates(y, lines={"a": 100.0, "b": {1: np.nan, 2: 9.0}}, by=by, **kw)
    # A per-unit line missing on every row of one domain: the message names
    # the line (and its entry of `lines`) and the domain.
    with pytest.raises(
        ValueError,
        match=r"^`line` is missing \(NaN\) on every row of domain\(s\) \[2\]",
    ):
        poverty_estimates(y, [100.0, np.nan, 100.0, np.nan], by=by, **kw)
    with pytest.raises(
        ValueError, match=r"^`lines` entry 'col' is missing \(NaN\) on every row of "
    ):
        poverty_estimates(
            y, lines={"flat": 125.0, "col": [100.0, np.nan, 100.0, np.nan]}, by=by, **kw
        )
    # Without `by`: every row, not a domain labelled None.
    with pytest.raises(ValueError, match=r"^`line` is missing \(NaN\) on every row:"):
        poverty_estimates(y, [np.nan] * 4, **kw)
    # Missing welfare on every row of a domain: the domain has no weight.
    with pytest.raises(ValueError, match=r"none in \[2\]: for each, .*missing welfare"):
        poverty_estimates([90.0, np.nan, 200, np.nan], 100.0, by=by, **kw)


@pytest.mark.parametrize("line", [np.nan, {1: 100.0, 2: np.nan}])
def test_a_missing_line_is_named_as_the_cause_under_raise_too(line: Any) -> None:
    # A NaN scalar line, or a NaN line of a domain, is the line's fault, not
    # the rows': nan_policy="omit" is not offered as a way out.
    y, by = [90.0, 120, 200, 80], [1, 2, 1, 2]
    with pytest.raises(ValueError, match=r"^`line` is missing \(NaN\)") as err:
        poverty_estimates(y, line, by=by, alpha=0, unit="percent")
    assert "pass nan_policy='omit'" not in str(err.value)


@pytest.mark.parametrize(
    "labels",
    [
        np.array(["a", np.str_("a"), "b", "b"], dtype=object),
        np.array([True, np.True_, False, False], dtype=object),
        np.array([1, np.int64(1), 2, 2], dtype=object),
        np.array([1.5, np.float64(1.5), 2.5, 2.5], dtype=object),
    ],
)
def test_numpy_scalar_labels_are_shown_as_python_values_in_any_order(
    labels: NDArray[Any],
) -> None:
    # 'a' and np.str_('a') (True and np.True_, ...) are one domain, shown as
    # the Python value whatever row comes first.
    y = np.array([90.0, 120.0, 200.0, 80.0])
    for order in itertools.permutations(range(4)):
        idx = list(order)
        est = poverty_estimates(y[idx], 125, unit="percent", alpha=0, by=labels[idx])
        shown = est.domain.tolist()
        assert [type(v) for v in shown] == [type(labels[0])] * 2
        assert shown == sorted({labels[0], labels[2]})


def test_a_signalling_nan_decimal_label_is_a_missing_label() -> None:
    from decimal import Decimal

    labels = np.array([Decimal("sNaN"), Decimal("sNaN"), 1, 1], dtype=object)
    with pytest.raises(ValueError, match=r"missing labels .*Decimal\('sNaN'\)"):
        poverty_estimates([90.0, 120, 200, 80], 125, by=labels, unit="percent")
    df = pd.DataFrame({"y": [90.0, 120, 200, 80], "g": labels})
    from povstat import poverty_table

    for role in ("by", "strata", "psu"):
        kw: dict[str, Any] = {role: "g"}
        with pytest.raises(ValueError, match=f"`{role}` column 'g' must not hold"):
            poverty_table(df, welfare="y", line=125, unit="percent", alpha=0, **kw)


def test_a_tiny_sampling_fraction_warns_of_nothing() -> None:
    # fpc = 1e-320 (<= 1: a sampling fraction) makes the population
    # n_h / 1e-320 overflow to inf: no correction, f = 1, as without fpc
    # (filterwarnings = error turns any numpy warning into a failure).
    y, psu = [90.0, 120, 200, 80], [1, 2, 3, 4]
    tiny = poverty_estimates(y, 125, psu=psu, fpc=[1e-320] * 4, unit="percent")
    plain = poverty_estimates(y, 125, psu=psu, unit="percent")
    np.testing.assert_array_equal(tiny.se, plain.se)


def test_the_unorderable_labels_message_is_the_same_in_every_order() -> None:
    # date, datetime and Timestamp labels cannot be ordered together: the
    # shared label check refuses dates mixed with date-times, naming the
    # types of each (sorted), whatever the order.
    import datetime as dt

    labels = [dt.date(2020, 1, 1), dt.datetime(2020, 1, 2), pd.Timestamp("2020-01-03")]
    arr = np.array(labels, dtype=object)
    messages = set()
    for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2]):
        with pytest.raises(TypeError, match="mix dates and date-times") as info:
            poverty_estimates(
                [90.0, 120, 200],
                100,
                by=arr[order],
                alpha=0,
                unit="fraction",
            )
        messages.add(str(info.value))
    assert len(messages) == 1
    assert "(dates: date; date-times: Timestamp, datetime)" in messages.pop()


def test_design_effect_of_a_one_unit_domain_is_nan_for_every_measure() -> None:
    # Domain "a" holds one unit: its standard error is 0 and the unit
    # variance of simple random sampling, s^2 = sum w (t - R)^2 / sum w
    # * n / (n - 1), divides by n - 1 = 0, so deff is 0/0 = NaN for P0, P1,
    # P2 and Watts alike (P2 gave -0.0: a rounding-negative spread times inf).
    est = poverty_estimates(
        [120.0, 90, 150, 130, 100, 160],
        125.3,
        alpha=(0, 1, 2),
        watts=True,
        unit="percent",
        weights=[2.5, 1, 2, 1, 3, 1],
        size=[4, 1, 1, 1, 1, 1],
        by=list("abbbbb"),
        strata=[1, 1, 1, 2, 2, 2],
        psu=[1, 2, 3, 1, 2, 3],
    )
    a = est.domain == "a"
    assert est.n[a].tolist() == [1.0] * 4
    assert est.se[a].tolist() == [0.0] * 4
    assert np.isnan(est.deff[a]).all()
    # Domain b (5 units) keeps finite, positive design effects.
    assert (est.deff[~a] > 0).all()
    assert np.isfinite(est.deff[~a]).all()


@pytest.mark.parametrize(
    ("line", "match"),
    [
        # Domain b's line 0 sits on rows 2 and 3: the domain is named, not
        # the rows (as a NaN line of a domain is).
        (
            {"a": 125, "b": 0},
            r"^`line` must be > 0: the line of domain\(s\) \['b'\] is \[0\.0\]$",
        ),
        ({"a": -1.5, "b": 125}, r"domain\(s\) \['a'\] is \[-1\.5\]$"),
    ],
)
def test_a_non_positive_line_of_a_mapping_names_its_domain(
    line: dict[str, float], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        poverty_estimates(
            [100, 110, 150, 160], line, by=list("aabb"), alpha=0, unit="fraction"
        )
    with pytest.raises(
        ValueError, match=match.replace("^`line`", "^`lines` entry 'x'")
    ):
        poverty_estimates(
            [100, 110, 150, 160],
            lines={"x": line},
            by=list("aabb"),
            alpha=0,
            unit="fraction",
        )


def test_non_positive_lines_of_many_domains_are_counted() -> None:
    # Ten domains 0..9 with lines 0, -1, ..., -9: all ten break the rule,
    # the first five are shown and the total is given.
    with pytest.raises(
        ValueError,
        match=r"domain\(s\) \[0, 1, 2, 3, 4\] is \[0\.0, -1\.0, -2\.0, -3\.0, -4\.0\] "
        r"\(10 domains in all\)$",
    ):
        poverty_estimates(
            np.arange(10.0) + 1,
            {i: -float(i) for i in range(10)},
            by=np.arange(10),
            alpha=0,
            unit="fraction",
        )


@pytest.mark.parametrize(
    ("n_strata", "match"),
    [
        # One lonely stratum: named alone.
        (1, r"^stratum \[0\] has a single PSU, so its variance cannot be estimated"),
        # Three: all named, no total needed.
        (3, r"^strata \[0, 1, 2\] have a single PSU each, so their variance"),
        # 1,000 strata of 3 units in one PSU each: the first five and the total.
        (
            1000,
            r"^strata \[0, 1, 2, 3, 4\] \(1,000 strata in all\) have a single PSU "
            r"each",
        ),
    ],
)
def test_lonely_strata_are_named_and_counted(n_strata: int, match: str) -> None:
    n = 3 * n_strata
    with pytest.raises(ValueError, match=match):
        poverty_estimates(
            np.arange(n) % 200 + 50.0,
            125,
            alpha=0,
            unit="percent",
            strata=np.arange(n) // 3,
            psu=np.zeros(n, int),
        )


# --------------------------------------------------------------------------
# The design effect needs expansion weights
# --------------------------------------------------------------------------

# R `survey` 4.1.1 output of tests/reference/survey_deff_scale.R: P0 of
# eight units in two strata of four PSUs, weights w scaled to four totals.
_DEFF_Y = [120.0, 90, 150, 130, 100, 160, 95, 140]
_DEFF_W = np.array([2.5, 1, 2, 1, 3, 1, 2, 2])
_DEFF_KW: dict[str, Any] = {
    "alpha": 0,
    "unit": "fraction",
    "strata": [1, 1, 1, 1, 2, 2, 2, 2],
    "psu": list(range(8)),
}
_UNSCALED = "the weights total at most the units sampled in the sample"


@pytest.mark.parametrize(
    ("scale", "deff", "warns"),
    [
        (1.0, 2.7987378859589809, False),  # total 14.5 > 8 units
        (1 / 14.5, np.nan, True),  # total 1 < 8: R gives NA and warns
        (8 / 14.5, np.inf, True),  # total 8 = 8 units: R gives Inf
        (1000.0, 1.2552992174119082, False),  # total 14500
    ],
)
def test_design_effect_depends_on_the_weights_total(
    scale: float, deff: float, warns: bool
) -> None:
    w = _DEFF_W * scale
    if warns:
        with pytest.warns(UserWarning, match=_UNSCALED):
            est = poverty_estimates(_DEFF_Y, 125, weights=w, **_DEFF_KW)
    else:
        est = poverty_estimates(_DEFF_Y, 125, weights=w, **_DEFF_KW)
    # The estimate and its SE do not depend on the scale (R, every row).
    assert est.estimate[0] == pytest.approx(0.5862068965517242, rel=1e-14)
    assert est.se[0] == pytest.approx(0.20850758415065845, rel=1e-12)
    np.testing.assert_allclose(est.deff, [deff], rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.floats(8 / 14.5 * 1.001, 1e6))
def test_design_effect_scales_with_the_finite_population_factor(c: float) -> None:
    # deff = var / vsrs with vsrs = s2 (N - n) / (N n): var and s2 do not
    # depend on the weights' scale, so by hand deff(c w) / deff(w) =
    # [(N - n) / N] / [(c N - n) / (c N)] with N = 14.5, n = 8.
    base = poverty_estimates(_DEFF_Y, 125, weights=_DEFF_W, **_DEFF_KW)
    scaled = poverty_estimates(_DEFF_Y, 125, weights=_DEFF_W * c, **_DEFF_KW)
    n_total = 14.5
    ratio = ((n_total - 8) / n_total) / ((c * n_total - 8) / (c * n_total))
    np.testing.assert_allclose(scaled.deff, base.deff * ratio, rtol=1e-9)


def test_unscaled_weights_warning_names_each_domain_and_overall() -> None:
    # Weights summing to 1: domain a (rows 0, 2, 4, 6) totals 8.5/14.5 < 4
    # units, b 6/14.5 < 4, all 1 < 8: deff NaN in each, and each is named.
    by = np.array(list("abababab"))
    with pytest.warns(UserWarning, match=r"domain\(s\) \['a', 'b', 'overall'\]"):
        est = poverty_estimates(
            _DEFF_Y, 125, weights=_DEFF_W / 14.5, by=by, overall=True, **_DEFF_KW
        )
    assert np.isnan(est.deff).all()
    # Weights of 100 times w: a totals 850 > 4 units, b 600: no warning.
    poverty_estimates(_DEFF_Y, 125, weights=_DEFF_W * 100, by=by, **_DEFF_KW)


def test_without_survey_weights_the_design_effect_is_inf_sizes_or_not() -> None:
    # Without weights the sample is the whole population: the reference
    # variance is 0, deff inf (var > 0), as R's without weights; household
    # sizes alone (persons in the sample) are no population either, so
    # deff is inf with `size` too, and no warning is given in either case.
    size = [4, 3, 5, 2, 6, 3, 4, 4]
    extras: list[dict[str, Any]] = [{}, {"size": size}]
    for extra in extras:
        est = poverty_estimates(_DEFF_Y, 125, **_DEFF_KW, **extra)
        assert est.se[0] > 0
        assert est.deff.tolist() == [np.inf]


# --------------------------------------------------------------------------
# The covariance matrix's memory is checked before it is allocated
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("domains", "alpha", "shown"),
    [
        # 20,000 domains x 3 measures = 60,000 estimates: the matrix is
        # 60,000**2 x 8 bytes = 28.8 GB, five of them 144.0 GB (by hand).
        (
            20_000,
            (0, 1, 2),
            r"60,000 estimates \(20,000 domains\) would need about "
            r"144\.0 GB .*the matrix alone is 28\.8 GB",
        ),
        # 10,001 estimates: 5 x 8 x 10,001**2 = 4.0008e9 bytes, just above
        # the 4 GB limit (10,000 would be exactly at it).
        (10_001, 0, r"10,001 estimates \(10,001 domains\) would need about 4\.0 GB"),
    ],
)
def test_a_covariance_matrix_too_large_is_refused_with_its_size(
    domains: int, alpha: Any, shown: str
) -> None:
    rng = np.random.default_rng(0)
    est = poverty_estimates(
        rng.uniform(1, 10, 2 * domains),
        5.0,
        by=np.repeat(np.arange(domains), 2),
        alpha=alpha,
        unit="fraction",
    )
    with pytest.raises(ValueError, match=shown + r".*standard errors \(`se`\)"):
        _ = est.cov
    assert est.se.shape == (est.estimate.shape[0],)  # the errors are there


_F = np.float32(0.1)


@pytest.mark.parametrize(
    "by",
    [
        np.array([_F] * 4),  # a float32 array
        [_F] * 4,  # numpy float32 scalars in a list
        (_F,) * 4,
        np.array([_F] * 4, dtype=object),
        [_F, 0.1, _F, 0.1],  # with the figure each stands for
        np.array([_F, 0.1] * 2, dtype=object),
    ],
    ids=["f4 array", "list", "tuple", "object array", "mixed list", "mixed object"],
)
def test_float32_labels_are_one_reading_whatever_holds_them(by: Any) -> None:
    # np.float32(0.1) is its shortest decimal 0.1, the figure typed, in a
    # float32 array as in a list, as povstat's arrays layer reads float32
    # labels (sum_counts, ranks): one domain 0.1, whatever the container,
    # and `line` keys np.float32(0.1) and 0.1 match it; the float64 the
    # float32 holds (0.10000000149011612) is another label. By hand:
    # welfare 100 and 50 are under 120, 200 and 300 are not, so P0 is
    # 2/4 = 50 %.
    est = poverty_estimates([100, 200, 50, 300], 125, alpha=0, unit="percent", by=by)
    assert est.domain.tolist() == [0.1]
    assert est.estimate.tolist() == [50.0]
    for key in (_F, 0.1):
        keyed = fgt([100, 200, 50, 300], {key: 120}, alpha=0, unit="percent", by=by)
        assert keyed.tolist() == [50.0]
    with pytest.raises(ValueError, match=r"no poverty line for domain\(s\) \[0\.1\]"):
        fgt([100, 200, 50, 300], {float(_F): 120}, alpha=0, unit="percent", by=by)


def test_distinct_float32_labels_stay_distinct_domains() -> None:
    # Adjacent float32 values 1 and 1 + 2**-23 (shortest decimals 1.0 and
    # 1.0000001) are two domains, as the float32 values are; P0 by hand:
    # welfare 50 under 100 in the first, 150 not in the second.
    by = np.array([1.0, np.nextafter(np.float32(1), np.float32(2))], np.float32)
    est = poverty_estimates([50, 150], 100, alpha=0, unit="percent", by=by)
    assert est.domain.tolist() == [1.0, 1.0000001]
    assert est.estimate.tolist() == [100.0, 0.0]


def test_levels_near_1_have_finite_bounds_and_near_0_name_the_limit() -> None:
    # Welfare 100 and 50 under 125, 200 not: P0 = 2/3, deviations (1/3,
    # -2/3, 1/3), var = (6/9) / (3 * 2) = 1/9, se = 100/3 %, df = 2. For
    # df = 2 the t quantile at p = 1 - a/2 is (2p - 1) / sqrt(2 p (1 - p)),
    # about 1 / sqrt(a) for small a: level 1 - 2**-53 (a = 2**-53) gives
    # 2**26.5 = 94906265.6, finite (it was inf, the bounds -inf and inf).
    kw: dict[str, Any] = {"alpha": 0, "unit": "percent"}
    est = poverty_estimates([100, 200, 50], 125, level=np.nextafter(1, 0), **kw)
    a = 2.0**-53  # 2p - 1 = 1 - a, 1 - p = a / 2 (p itself rounds to 1)
    t = (1 - a) / np.sqrt(2 * (1 - a / 2) * (a / 2))
    np.testing.assert_allclose(est.se, [100 / 3], rtol=1e-14)
    np.testing.assert_allclose(est.upper - est.estimate, [100 / 3 * t], rtol=1e-9)
    np.testing.assert_allclose(est.estimate - est.lower, [100 / 3 * t], rtol=1e-9)
    for tiny in (1e-300, 2.0**-54):
        with pytest.raises(ValueError, match=r"`level` must be above 2\*\*-54"):
            poverty_estimates([100, 200, 50], 125, level=tiny, **kw)
