"""read_bps_table and parse_numbers: hints for dashes, years and iterators."""

from __future__ import annotations

import io

import pytest

from povstat import parse_numbers, read_bps_table


def _reasons(cell: str) -> list[str]:
    text = f"Kabupaten/Kota;2022\nPacitan;{cell}\nKota Batu;4,1\n"
    got = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    return [c.reason for c in got.invalid]


@pytest.mark.parametrize("cell", ["- 4", "\u2013 4", "\u2212 4", "+ 4"])
def test_a_sign_apart_from_its_number_is_named(cell: str) -> None:
    (reason,) = _reasons(cell)
    assert "stands apart from the number" in reason


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212"])
def test_a_lone_dash_other_than_hyphen_is_advised_into_missing(dash: str) -> None:
    (reason,) = _reasons(dash)
    assert f"missing=[..., {dash!r}]" in reason
    # The advice works: with the dash in `missing`, Pacitan is missing and
    # Kota Batu 4,1 -> 4.1.
    text = f"Kabupaten/Kota;2022\nPacitan;{dash}\nKota Batu;4,1\n"
    got = read_bps_table(
        io.StringIO(text), locale="id", sep=";", missing=("", "-", dash)
    ).data
    assert got["value"].isna().tolist() == [True, False]
    assert got["value"].iloc[1] == 4.1


@pytest.mark.parametrize(
    ("cell", "fixed"),
    [("Maret 2.023", "Maret 2023"), ("Semester 1 2.023", "Semester 1 2023")],
)
def test_a_round_before_a_year_with_a_thousands_separator_is_named(
    cell: str, fixed: str
) -> None:
    text = f"Kabupaten/Kota;2022;{cell}\nPacitan;13,8;13,65\n"
    with pytest.raises(ValueError, match="with a thousands separator") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert f"{fixed!r} is read" in str(info.value)


def test_enumerate_is_refused() -> None:
    with pytest.raises(TypeError, match=r"enumerate.*positions would be read"):
        parse_numbers(enumerate(["13,65", "4,1"]), locale="id")


def test_an_iterator_of_tuples_is_refused() -> None:
    with pytest.raises(TypeError, match="yielding tuples"):
        parse_numbers(
            zip(["Pacitan", "Kota Batu"], ["13,65", "4,1"], strict=True), locale="id"
        )


def test_an_iterator_of_cells_is_still_read() -> None:
    # 13,65 -> 13.65 and 4,1 -> 4.1 in locale "id".
    got = parse_numbers(iter(["13,65", "4,1"]), locale="id")
    assert got.value.tolist() == [13.65, 4.1]
