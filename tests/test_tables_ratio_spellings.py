"""read_bps_table: ratios of persons written with "per" or "rerata", named as ratios.

"(Jiwa per Rumah Tangga)" and "(Persons per Household)" are persons per
household, as "(Jiwa/Rumah Tangga)" is; "Rerata" is "Rata-rata" (average).
A cell whose unit conflicts with a unit row of persons per household names
the row's unit as that ratio, not as persons.
"""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, read_bps_table

# Average size of poor households: 4,52 and 3,98 persons per household.
_BODY = "Kabupaten/Kota;2023\nPacitan;4,52\nKota Batu;3,98\n"


def _read(text: str) -> list[float]:
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, province="Jawa Timur"
    )
    return [float(v) for v in t.data["value"]]


@pytest.mark.parametrize(
    "text",
    [
        "Banyaknya Anggota Rumah Tangga Miskin (Jiwa per Rumah Tangga)\n" + _BODY,
        "Household Size (Persons per Household)\n" + _BODY,
        "Rerata Anggota Rumah Tangga Miskin (Jiwa)\n" + _BODY,
        "Judul\nKabupaten/Kota;2023\n;(Jiwa per Rumah Tangga)\n"
        "Pacitan;4,52\nKota Batu;3,98\n",
    ],
)
def test_ratios_written_with_per_or_rerata_are_read(text: str) -> None:
    # Before, refused as a count in ones (persons) with a fraction.
    assert _read(text) == [4.52, 3.98]


def test_a_unit_conflict_names_the_ratio_of_the_unit_row() -> None:
    # "4 rumah tangga" (households) under "(Jiwa/Rumah Tangga)": refused,
    # the row named as persons per household (before, as 'persons').
    text = (
        "Judul\nKabupaten/Kota;2023\n;(Jiwa/Rumah Tangga)\n"
        "Pacitan;4,52\nKota Batu;4 rumah tangga\n"
    )
    with pytest.raises(
        NumberParseError,
        match=r"states '\(Jiwa/Rumah Tangga\)' \('persons per household'\)",
    ):
        _read(text)


def test_persons_in_the_cells_under_an_average_title_are_read() -> None:
    # "4,52 jiwa" under "Rata-rata Anggota Rumah Tangga Miskin (Jiwa)": 4.52
    # persons on average, read as under a unit row "(Jiwa/Rumah Tangga)"
    # (before, refused as a count in ones with a fraction).
    text = (
        "Rata-rata Anggota Rumah Tangga Miskin (Jiwa)\nKabupaten/Kota;2023\n"
        "Pacitan;4,52 jiwa\nKota Batu;3,98 jiwa\n"
    )
    assert _read(text) == [4.52, 3.98]
