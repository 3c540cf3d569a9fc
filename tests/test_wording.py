from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import change_test, parse_numbers, round_half_up
from povstat.wording import describe_level_change, describe_rate_change


def test_issue_sentences_for_kota_malang() -> None:
    # BPS P0 Kota Malang: 4.37 % (March 2022), 4.26 % (March 2023).
    # By hand: -0.11 points; relative -0.11 / 4.37 = -2.517 % -> 2.52.
    assert str(describe_rate_change(4.37, 4.26, unit="percent", locale="en")) == (
        "fell 0.11 percentage points, from 4.37 % to 4.26 % (a 2.52 % relative fall)"
    )
    assert str(describe_rate_change(4.37, 4.26, unit="percent", locale="id")) == (
        "turun 0,11 poin persentase, dari 4,37 persen menjadi 4,26 persen "
        "(turun 2,52 persen)"
    )
    # Fractions are written in percent too.
    assert str(
        describe_rate_change(0.0437, 0.0426, unit="fraction", locale="en")
    ) == str(describe_rate_change(4.37, 4.26, unit="percent", locale="en"))


def test_test_result_is_named() -> None:
    # By hand: SE of the difference sqrt(0.2^2 + 0.2^2) = 0.283, z = -0.39:
    # not significant; with SEs of 0.01, z = -7.8: significant.
    weak = change_test(
        4.37, 4.26, se_before=0.2, se_after=0.2, level=0.95, independent=True
    )
    strong = change_test(
        4.37, 4.26, se_before=0.01, se_after=0.01, level=0.9, independent=True
    )
    en = str(describe_rate_change(4.37, 4.26, unit="percent", locale="en", test=weak))
    assert en.endswith("), not statistically significant at the 95 % level")
    idn = str(
        describe_rate_change(4.37, 4.26, unit="percent", locale="id", test=strong)
    )
    assert idn.endswith(
        "(turun 2,52 persen), signifikan secara statistik pada tingkat "
        "kepercayaan 90 persen"
    )
    # A level with a decimal is written with the locale's decimal mark:
    # 99,5 in Indonesian (99.5 would read as 995), 99.5 in English.
    finer = change_test(
        4.37, 4.26, se_before=0.01, se_after=0.01, level=0.995, independent=True
    )
    idn = str(describe_rate_change(4.37, 4.26, unit="percent", locale="id", test=finer))
    assert idn.endswith("kepercayaan 99,5 persen")
    en = str(describe_rate_change(4.37, 4.26, unit="percent", locale="en", test=finer))
    assert en.endswith("at the 99.5 % level")


def test_levels_rises_no_change_and_missing() -> None:
    # BPS Kabupaten Jember, thousands of poor: 247.99 (March 2020) -> 257.09
    # (March 2021). By hand: +9.10; 9.10 / 247.99 = 3.6695 % -> 3.67.
    out = describe_level_change(
        [247.99, 257.09, np.nan],
        [257.09, 257.09, 1.0],
        locale="en",
        unit_name="thousand",
    )
    assert out.tolist() == [
        "rose 9.10 thousand, from 247.99 thousand to 257.09 thousand "
        "(a 3.67 % relative rise)",
        "did not change, at 257.09 thousand",
        "n/a",
    ]
    # A poverty line in rupiah, no decimals; Indonesian number format.
    # Kota Malang, BPS_GK_KABKOTA: Rp 609,612 (March 2022) -> Rp 674,660
    # (March 2023). By hand: +65,048; 65,048 / 609,612 = +10.67 %.
    assert str(
        describe_level_change(
            609_612, 674_660, locale="id", decimals=0, unit_name="rupiah"
        )
    ) == (
        "naik 65.048 rupiah, dari 609.612 rupiah menjadi 674.660 rupiah "
        "(naik 10,67 persen)"
    )
    # A change too small for the stated decimals gets more decimals, not 0.00.
    assert "0.001 percentage points" in str(
        describe_rate_change(4.260, 4.261, unit="percent", locale="en")
    )


def test_errors() -> None:
    with pytest.raises(ValueError, match="`locale` must be one of"):
        describe_rate_change(4.37, 4.26, unit="percent", locale="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`unit` must be one of"):
        describe_rate_change(4.37, 4.26, unit="pct", locale="en")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`test` must be a ChangeTest"):
        describe_rate_change(4.37, 4.26, unit="percent", locale="en", test=0.05)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`unit_name` must be a str"):
        describe_level_change(1.0, 2.0, locale="en", unit_name=1000)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`before` must be >= 0"):
        describe_level_change(-1.0, 2.0, locale="en")
    t = change_test(
        [1.0, 2.0],
        [1.0, 2.0],
        se_before=1.0,
        se_after=1.0,
        level=0.95,
        independent=True,
    )
    with pytest.raises(ValueError, match="`test` has shape"):
        describe_rate_change([1.0, 2.0, 3.0], 1.0, unit="percent", locale="en", test=t)


@given(
    st.integers(0, 10_000).map(lambda k: k / 100),
    st.integers(0, 10_000).map(lambda k: k / 100),
    st.sampled_from(["en", "id"]),
)
def test_the_sentence_states_the_rounded_figures(
    b: float, a: float, locale: str
) -> None:
    text = str(describe_rate_change(b, a, unit="percent", locale=locale))  # type: ignore[arg-type]
    pattern = r"\d[\d.,]*"
    found = re.findall(pattern, text)
    nums = parse_numbers([f.rstrip(".,") for f in found], locale=locale).value  # type: ignore[arg-type]
    if a == b:
        assert nums.tolist() == [a]
        return
    change, before, after = nums[:3]
    assert change == abs(round(a - b, 2))
    assert (before, after) == (b, a)
    if b > 0:
        # The exact decimal ratio decides ties: 100 * 4.61 / 8 is 57.625
        # exactly, 57.63 half up (its binary value is just below).
        rel = float(round_half_up(round_half_up(abs(100 * (a - b) / b), 10), 2))
        assert nums[3] == pytest.approx(rel, abs=1e-9)
        assert ("fell" in text or "turun" in text) == (a < b)


def test_a_test_of_another_change_is_refused() -> None:
    # The test of 10 -> 7 (points -3) is not a test of 4.37 -> 4.26 (points
    # -0.11): describing the fall as significant would borrow its verdict.
    other = change_test(
        10.0, 7.0, se_before=1.0, se_after=1.0, level=0.95, independent=True
    )
    with pytest.raises(ValueError, match=r"`test` must test the change described"):
        describe_rate_change(4.37, 4.26, unit="percent", locale="en", test=other)
    with pytest.raises(ValueError, match=r"got points -3.0 .* at index 1"):
        describe_level_change([5.0, 4.37], [2.0, 4.26], locale="en", test=other)
    # The same change through a fraction test: points -0.0011 = 0.0426 -
    # 0.0437 in the unit of the figures, accepted.
    same = change_test(
        0.0437, 0.0426, se_before=0.002, se_after=0.002, level=0.95, independent=True
    )
    text = str(
        describe_rate_change(0.0437, 0.0426, unit="fraction", locale="en", test=same)
    )
    assert text.endswith("not statistically significant at the 95 % level")


def test_an_undefined_test_gives_no_significance_word() -> None:
    # A missing SE makes z and p NaN: the test says nothing, so the sentence
    # must not call the change "not significant" (nor significant).
    t = change_test(
        4.37, 4.26, se_before=np.nan, se_after=0.2, level=0.95, independent=True
    )
    en = str(describe_rate_change(4.37, 4.26, unit="percent", locale="en", test=t))
    assert en.endswith(", significance unknown (the test is undefined)")
    assert "statistically significant" not in en
    ind = str(describe_level_change(4.37, 4.26, locale="id", test=t))
    assert ind.endswith(", signifikansi tidak diketahui (uji tidak terdefinisi)")


def test_one_percentage_point_is_singular() -> None:
    assert str(
        describe_rate_change(4.0, 5.0, unit="percent", locale="en", decimals=0)
    ).startswith("rose 1 percentage point, from 4 % to 5 %")
    assert "2 percentage points" in str(
        describe_rate_change(4.0, 6.0, unit="percent", locale="en", decimals=0)
    )


def test_levels_that_would_print_alike_get_the_decimals_that_part_them() -> None:
    # 10.0 -> 9.995 at two decimals would read "fell 0.01 ... from 10.00 %
    # to 10.00 %" (9.995 rounds half up to 10.00): the change and the levels
    # are shown with three decimals instead, and add up (10.000 - 9.995).
    text = str(describe_rate_change(10.0, 9.995, unit="percent", locale="en"))
    assert text.startswith("fell 0.005 percentage points, from 10.000 % to 9.995 %")
    # Published levels keep their decimals.
    assert "from 4.37 % to 4.26 %" in str(
        describe_rate_change(4.37, 4.26, unit="percent", locale="en")
    )


@pytest.mark.parametrize(
    ("call", "shown"),
    [
        # Thousands: 37,780 -> 37,310 at -3 would read "fell 500 (0 at
        # thousands), from 38,000 to 37,000"; at hundreds the fall of 470
        # rounds to 500 = 37,800 - 37,300.
        (
            lambda: describe_level_change(
                37_780, 37_310, locale="id", decimals=-3, unit_name="jiwa"
            ),
            "turun 500 jiwa, dari 37.800 jiwa menjadi 37.300 jiwa",
        ),
        # At hundreds 168,900 - 168,400 = 500 but the fall 420 shows as 400:
        # tens, where 168,860 - 168,440 = 420.
        (
            lambda: describe_level_change(168_860, 168_440, locale="en", decimals=-3),
            "fell 420, from 168,860 to 168,440",
        ),
        # 4.36 -> 4.34 at one decimal: a fall of 0.0 between 4.4 and 4.3.
        (
            lambda: describe_rate_change(
                4.36, 4.34, unit="percent", locale="en", decimals=1
            ),
            "fell 0.02 percentage points, from 4.36 % to 4.34 %",
        ),
        # 4.34 -> 4.26 at 0 decimals: 4 and 4, then 4.3 and 4.3; at two, 0.08.
        (
            lambda: describe_rate_change(
                4.34, 4.26, unit="percent", locale="en", decimals=0
            ),
            "fell 0.08 percentage points, from 4.34 % to 4.26 %",
        ),
        # Unrounded: 4.3749 -> 4.2551 reads 4.37 -> 4.26 (0.11 apart) next to a
        # fall of 0.1198 = 0.12 at two decimals; at three, 4.375 - 4.255 =
        # 0.120.
        (
            lambda: describe_rate_change(4.3749, 4.2551, unit="percent", locale="en"),
            "fell 0.120 percentage points, from 4.375 % to 4.255 %",
        ),
        # A rise of 0.0002: 9.54 -> 9.55 at two decimals, 9.545 -> 9.545 at
        # three; at four it adds up. Its relative size, 0.0021 %, shows as
        # 0.002 %, not 0.00 %.
        (
            lambda: describe_rate_change(9.5449, 9.5451, unit="percent", locale="en"),
            "rose 0.0002 percentage points, from 9.5449 % to 9.5451 % "
            "(a 0.002 % relative rise)",
        ),
    ],
)
def test_a_sentence_adds_up(call: object, shown: str) -> None:
    assert str(call()).startswith(shown)  # type: ignore[operator]


def test_a_tiny_relative_change_is_not_shown_as_zero() -> None:
    # Indonesia's population, 278,696,200 -> 278,696,201: a relative rise of
    # 100 / 278,696,200 = 3.588e-7 %, shown with the decimals that make it
    # not 0 (0.0000004 at 7), not as "0.000000 %".
    text = str(
        describe_level_change(
            278_696_200, 278_696_201, locale="en", decimals=0, unit_name="people"
        )
    )
    assert text.endswith("(a 0.0000004 % relative rise)")


@given(
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(-2, 3),
)
def test_shown_levels_and_change_always_add_up(b: int, a: int, decimals: int) -> None:
    # Figures with 4 decimals (b / 10**4 %): the shown change is the
    # difference of the shown levels, and is 0 only for equal figures.
    before, after = b / 10**4, a / 10**4
    text = str(
        describe_rate_change(
            before, after, unit="percent", locale="en", decimals=decimals
        )
    )
    if before == after:
        assert text.startswith("did not change")
        return
    m = re.match(
        r"(fell|rose) ([\d,.]+) percentage points?, from ([\d,.]+) % to "
        r"([\d,.]+) %",
        text,
    )
    assert m is not None, text
    size, lo, hi = (float(x.replace(",", "")) for x in m.group(2, 3, 4))
    assert size != 0
    assert lo != hi
    assert float(round_half_up(abs(hi - lo), 10)) == size
    assert (m.group(1) == "rose") == (after > before)
