"""read_bps_table: a header year beside a round written with punctuation."""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    ("header", "beside", "round_", "extra"),
    [
        ("Maret, 2022", "Maret,", "Maret", ","),
        ("2022 - Maret", "- Maret", "Maret", "-"),
        ("(Maret 2022)", "(Maret )", "Maret", "( )"),
        ("Maret 2022*", "Maret *", "Maret", "*"),
        ("Sem 1 - 2022", "Sem 1 -", "Sem 1", "-"),
    ],
)
def test_the_hint_names_the_round_and_what_surrounds_it(
    header: str, beside: str, round_: str, extra: str
) -> None:
    # The comma, dash, brackets or mark are what the header does not read,
    # not the month: the hint names the round and the text around it.
    text = f"Kabupaten/Kota;{header}\nPacitan;13,80\n"
    with pytest.raises(ValueError, match="are not read as periods") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert f"beside {beside!r}, which names the round {round_!r}" in said
    assert f"with {extra!r} around it" in said
    assert "names no month" not in said


def test_a_unit_beside_a_year_still_names_no_round() -> None:
    text = "Kabupaten/Kota;2022 (persen)\nPacitan;13,80\n"
    with pytest.raises(ValueError, match="which names no month, semester or round"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")
