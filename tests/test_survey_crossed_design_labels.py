"""`strata` and `psu` given as several labels per unit, or several columns.

A Susenas stratum is a regency crossed with urban/rural; `strata` takes one
label per unit (one column in poverty_table), so a MultiIndex, tuples or a
list of columns get the advice to combine them into one label, as `by`
does. R's ``svydesign(strata=~kab+urban)`` does not cross them either: with
one stage of sampling it stratifies by ``kab`` alone (its second term is a
second stage's strata).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat import poverty_estimates, poverty_table

DF = pd.DataFrame(
    {
        "kab": ["3501"] * 4 + ["3502"] * 4,
        "urban": [1, 1, 2, 2] * 2,
        "psu": [1, 2, 1, 2, 1, 2, 1, 2],
        "y": [90.0, 130, 110, 140, 95, 150, 85, 160],
        "w": [10.0, 20, 15, 25, 12, 18, 14, 16],
    }
)
STRATA_ADVICE = (
    "; for crossed strata (regency by urban/rural, say) give one combined "
    "label per unit, such as the labels joined as text (regency + '/' + "
    "urban) or an integer code; povstat.poverty_table takes one strata "
    "column, so build that column first"
)
# No join of stages for psu (joined stages make every household a PSU);
# the crossing of a PSU numbered within a regency is one combined label.
PSU_ADVICE = (
    "give the first, psu=a (joining them makes every household a PSU and "
    "the standard errors too small)",
    "R's svydesign(ids=~interaction(a, b))), 'b' alone would join PSUs of "
    "different 'a' values: give one combined label per unit",
)
CROSSED: dict[str, Any] = {
    "multiindex": DF.set_index(["kab", "urban"]).index,
    "tuples": list(zip(DF.kab, DF.urban, strict=True)),
    "2-D": DF[["kab", "urban"]].to_numpy(),
}


def _estimate(**design: Any) -> None:
    poverty_estimates(DF.y, 100, alpha=0, unit="percent", weights=DF.w, **design)


@pytest.mark.parametrize("kind", list(CROSSED))
def test_crossed_strata_get_the_advice_to_combine_them(kind: str) -> None:
    with pytest.raises(TypeError, match="`strata` labels must be scalars") as err:
        _estimate(strata=CROSSED[kind], psu=DF.psu)
    assert str(err.value).endswith(STRATA_ADVICE)


@pytest.mark.parametrize("kind", ["multiindex", "tuples"])
def test_stratum_and_psu_tuples_get_the_advice_for_psu(kind: str) -> None:
    psu = CROSSED[kind] if kind != "multiindex" else DF.set_index(["kab", "psu"]).index
    with pytest.raises(TypeError, match="`psu` labels must be scalars") as err:
        _estimate(strata=DF.kab, psu=psu)
    assert all(part in str(err.value) for part in PSU_ADVICE)


def test_the_advice_gives_the_estimate_of_crossed_strata() -> None:
    # tests/reference/survey_crossed_strata.R: strata regency x urban as one
    # combined label, as the advice says (R survey 4.1.1).
    strata = DF.kab + "/" + DF.urban.astype(str)
    e = poverty_estimates(
        DF.y, 100, alpha=0, unit="fraction", weights=DF.w, strata=strata, psu=DF.psu
    )
    assert e.estimate[0] == pytest.approx(0.27692307692307694, rel=1e-15)
    assert e.se[0] == pytest.approx(0.18351820838945609, rel=1e-12)


@pytest.mark.parametrize(
    ("arg", "given", "advice"),
    [
        (
            "strata",
            ["kab", "urban"],
            "; `strata` takes one column and does not cross several, as "
            "by=[...] does (nor does R's svydesign(strata=~a+b), whose second "
            "term stratifies a second stage): build one column of combined "
            "labels first (in pandas, df['kab_urban'] = "
            "df['kab'].astype('string') + '/' + df['urban'].astype('string')) "
            "and name it: strata='kab_urban'",
        ),
        (
            "psu",
            ("kab", "psu"),
            # 'kab' is the strata column: the PSU's own column, no join.
            "; `psu` takes one column, not several: 'kab' is the strata "
            "column, and PSUs are nested in strata (the same label in two "
            "strata already names two PSUs), so give the PSU's own column: "
            "psu='psu'",
        ),
    ],
)
def test_several_columns_as_strata_or_psu_get_the_advice(
    arg: str, given: object, advice: str
) -> None:
    design: dict[str, Any] = {"strata": "kab", "psu": "psu", arg: given}
    with pytest.raises(TypeError, match=f"`{arg}` must be a column name") as err:
        poverty_table(
            DF, welfare="y", line=100.0, unit="percent", alpha=0, weight="w", **design
        )
    assert str(err.value).endswith(advice)
    # One name in a list is a slip, not a crossing: no advice to cross.
    design[arg] = [design["strata" if arg == "psu" else "psu"]]
    with pytest.raises(TypeError) as err:
        poverty_table(
            DF, welfare="y", line=100.0, unit="percent", alpha=0, weight="w", **design
        )
    assert "combined labels" not in str(err.value)
