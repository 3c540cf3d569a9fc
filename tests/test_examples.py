from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    argv = sys.argv
    sys.argv = [name]
    try:
        runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    finally:
        sys.argv = argv
    return capsys.readouterr().out


def test_malang_2023_prints_every_checked_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run("malang_2023.py", capsys)
    # Each figure worked by hand from the BPS values 4.07 (2019), 4.62 (2021),
    # 4.37 / 38.56 (2022), 4.26 / 37.78 (2023), Kota Batu 3.31 (2023).
    for expected in [
        "Poverty rate (P0) 2023: 4.26 %",
        "fell 0.11 percentage points, from 4.37 % to 4.26 % (a 2.52 % relative fall)",
        "turun 0,11 poin persentase, dari 4,37 persen menjadi 4,26 persen",
        "+0.19 pp",
        "65.5 % of the 2019 -> 2021 rise (peak 4.62 %)",
        "2 of 38 from the lowest",
        "after Kota Batu (3.31 %)",
        "37.78 thousand",
        "implied population 886.9 thousand",
        "between 885.7 and 888.0 thousand",
        "-0.78 thousand",
        "population effect +0.19 thousand, rate effect -0.97 thousand",
        "7,966 people, not 'about 9,000'",
    ]:
        assert expected in out, expected


@pytest.mark.parametrize(
    ("city", "expected"),
    [
        # BPS March 2023: Kota Batu 3.31 %, the lowest of the 38; Kabupaten
        # Sampang 21.76 %, the highest, just after Kabupaten Bangkalan 19.35 %.
        ("Kota Batu", "1 of 38 from the lowest (ties: min), the lowest of all"),
        # Kota Batu: 3.81 % (2019), 4.09 % (2021), 3.31 % (2023): the rise of
        # 0.28 pp reversed by 0.78 pp, 278.6 % of it, 0.50 pp below 2019.
        (
            "Kota Batu",
            "Recovery: the 2019 -> 2021 rise (peak 4.09 %) has been reversed in "
            "full and more: 3.31 % is 0.50 pp below the 2019 level (278.6 % of "
            "the rise)",
        ),
        (
            "Kabupaten Sampang",
            "38 of 38 from the lowest (ties: min), after Kabupaten Bangkalan (19.35 %)",
        ),
    ],
)
def test_malang_2023_for_another_city_names_the_region_just_before(
    city: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (EXAMPLES / "malang_2023.py").read_text(encoding="utf-8")
    script = tmp_path / "other_city.py"
    script.write_text(
        source.replace('CITY = "Kota Malang"', f"CITY = {city!r}"), encoding="utf-8"
    )
    runpy.run_path(str(script), run_name="__main__")
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize(
    "script",
    sorted(p.name for p in EXAMPLES.glob("*.py") if p.name != "malang_2023.py"),
)
def test_other_examples_run(script: str, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    _run(script, capsys)


def test_statements_example_names_each_kind_of_slip(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("matplotlib")
    out = " ".join(_run("statements_east_java.py", capsys).split())
    # Each verdict worked by hand from the bundled BPS figures (see the
    # tests of povstat.statements and povstat.tracing for the arithmetic).
    for expected in [
        "0.11 is the change in percentage points, not in percent",
        "the rate is a share of a population of 886,854, not of 187,000",
        "it matches Indonesia, September 2022, poor_thousands = 26,363.27",
        "poor_thousands = 90.64 (misread by a factor of 10",
        "poverty_rate_pct = 18.76 (period March 2022 instead of March 2023)",
        "no cell of `data` matches it",
        "0.23 is the change of the rate in percentage points",
        "has no percentage points",
        "+5.53 % a year compound",
        "two adjacent digits swapped (21.03 -> 21.30)",
        "it matches Indonesia, March 2023, poverty_rate_pct = 9.36",
        # The implied population at whole persons: 8.60 % of 1,053,953 is
        # 90,639.958, shown to 1 decimal so that it rounds as it does.
        "8.60 % of 1,053,953 is 90,640.0, not 9,064",
    ]:
        assert expected in out, expected


def test_aggregates_example_prints_the_checked_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    out = _run("plot_aggregates_2023.py", capsys)
    # Worked by hand in tests/test_aggregate.py from the BPS March 2023
    # figures: Malang Raya 251.36 + 37.78 + 7.10 thousand poor at 9.45, 4.26
    # and 3.31 %; the 38 counts add to 4,188.84 (published 4,188.81); Kota
    # Malang's mean shortfall 0.76 / 4.26 * Rp 674,660.
    for expected in [
        "Malang Raya: 296.24 thousand poor",
        "pooled rate 7.876 %",
        "unweighted mean of the three rates, 5.673 %",
        "sum of 38 counts 4188.84 thousand",
        "published 4188.81",
        "pooled rate 10.347 % (published 10.35 %)",
        "mean shortfall Rp 120,362 per poor person per month",
        "total Rp 4.55 billion a month",
    ]:
        assert expected in out, expected


def test_indonesia_example_prints_the_changes_and_ranks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    out = _run("plot_indonesia_provinces_2019_2025.py", capsys)
    # Worked by hand from the BPS provincial table (load_indonesia): Bengkulu
    # 15.23 % (March 2019) -> 12.08 % (March 2025) is -3.15 pp, and
    # -3.15 / 15.23 = -20.68 %; Indonesia 9.41 -> 8.47 is -0.94 pp, -9.99 %.
    # Kabupaten Nduga 37.09 % in 2023 was third of Papua's 29 regencies and
    # cities as BPS then grouped them (after Intan Jaya 40.01 % and Deiyai
    # 38.66 %), and first of Papua Pegunungan's 8 in 2025 at 32.89 %.
    for expected in [
        "comparable 2019 -> 2025: 32",
        "Left out, boundaries changed by the 2022 split: Papua, Papua Barat",
        "Bengkulu                    15.23 % ->  12.08 %   -3.15 pp (-20.68 %)",
        "Indonesia: 9.41 % -> 8.47 %, -0.94 pp (-9.99 %)",
        "Kabupaten Nduga 2023: 37.09 %, rank 3 of 29 in Papua",
        "Kabupaten Nduga 2025: 32.89 %, rank 1 of 8 in Papua Pegunungan",
    ]:
        assert expected in out, expected
