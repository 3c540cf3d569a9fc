"""Units of count in ones named in a table's title or group labels.

A count in ones (persons, rupiah, households) has no decimals, so a figure
with three decimals after one to three digits under one ("76,930" under
"(Jiwa)") is the other convention's thousands mark: 76 930, never 76.93.

- A title naming two units of count in ones ("(Jiwa) dan Garis Kemiskinan
  (Rp/Kapita/Bulan)") states a count in ones over its columns either way.
- Households ("(Rumah Tangga)", "(ruta)") and families ("(KK)") are counted
  in ones.
- A title naming a unit after one measure ("Garis Kemiskinan
  (Rp/Kapita/Bulan), Indeks Kedalaman (P1) ...") states it over that
  measure's column group only: the P1 index "1,734" is 1.734, as the same
  table read from a workbook storing numbers gives.
- "Rp/Kapita/Bulan" without brackets in a title is a unit too (the slashes
  make it one); "Ribu Rp/Kapita/Bulan" is thousands of rupiah.

Values: East Java poverty lines, March 2022/2023 (``load_east_java``):
Kabupaten Bangkalan 458 754 / 503 207, Kabupaten Banyuwangi 414 879 /
448 928 rupiah per capita per month; the other figures are typed for the
test and each expected value is the figure as written, read by hand.
"""

from __future__ import annotations

import io

import pytest

from povstat import BpsTable, read_bps_table

_YEARS = "Kabupaten/Kota;2022;2023\n"
_COUNTS = "Kota Batu;76,930;77,100\nKota Malang;41,200;40,500\n"


def _report(text: str) -> BpsTable:
    return read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Jumlah Penduduk Miskin (Jiwa) dan Garis Kemiskinan (Rp/Kapita/Bulan)",
        "Jumlah Rumah Tangga Miskin (Rumah Tangga)",
        "Jumlah Rumah Tangga Miskin (ruta)",
        "Jumlah Keluarga Miskin (KK)",
        "Jumlah Penduduk Miskin (individu)",
    ],
)
def test_three_decimals_under_counts_in_ones_named_in_the_title_are_refused(
    title: str,
) -> None:
    # "76,930" in locale "id" reads 76.93 persons (or households, or
    # rupiah): a count in ones has no decimals, so all four cells are
    # refused (76 930 with an English thousands comma).
    t = _report(f"{title}, 2022-2023\n{_YEARS}{_COUNTS}")
    assert sorted(c.text for c in t.invalid) == [
        "40,500",
        "41,200",
        "76,930",
        "77,100",
    ]
    assert all("a count in ones" in c.reason for c in t.invalid)


def test_two_units_of_count_are_both_named() -> None:
    t = _report(
        "Jumlah Penduduk Miskin (Jiwa) dan Garis Kemiskinan (Rp/Kapita/Bulan), "
        f"2022-2023\n{_YEARS}{_COUNTS}"
    )
    reason = t.invalid[0].reason
    assert "a count in ones (persons or rupiah)" in reason
    assert "76930.0" in reason


def test_a_households_unit_row_is_a_unit_row() -> None:
    # "(KK)" over the years: a unit row (no data row of its own), and
    # "76,930" under it is refused as a count of families (kepala
    # keluarga) in ones.
    t = _report(f"{_YEARS};(KK);(KK)\n{_COUNTS}")
    assert "unit row" in t.skipped["reason"].tolist()
    assert {c.text for c in t.invalid} == {
        "76,930",
        "77,100",
        "41,200",
        "40,500",
    }
    assert "(families)" in t.invalid[0].reason


_COMBINED = (
    "Garis Kemiskinan (Rp/Kapita/Bulan), Indeks Kedalaman (P1) dan Indeks "
    "Keparahan Kemiskinan (P2) Menurut Kabupaten/Kota, 2023\n"
    "Kabupaten/Kota;Garis Kemiskinan;P1;P2\n;2023;2023;2023\n"
)


def test_a_title_unit_after_one_measure_covers_that_measure_only() -> None:
    # The rupiah unit follows "Garis Kemiskinan": P1 and P2 are indices,
    # "1,734" is 1.734 and "0,318" is 0.318; the poverty line "352.606" is
    # 352 606 rupiah.
    text = _COMBINED + (
        "Kabupaten Pacitan;352.606;1,734;0,318\n"
        "Kabupaten Ponorogo;400.147;1,482;0,297\n"
        "Kota Batu;471.930;0,512;0,094\n"
    )
    t = _report(text)
    assert t.invalid == ()
    assert t.data["value"].tolist() == [
        352606.0,
        1.734,
        0.318,
        400147.0,
        1.482,
        0.297,
        471930.0,
        0.512,
        0.094,
    ]


def test_the_measure_named_with_the_unit_is_still_judged() -> None:
    # The same table with English thousands commas in the poverty line:
    # "352,606" in locale "id" reads 352.606 rupiah, so those three cells
    # are refused, the indices beside them read.
    text = _COMBINED + (
        "Kabupaten Pacitan;352,606;1,734;0,318\n"
        "Kabupaten Ponorogo;400,147;1,482;0,297\n"
        "Kota Batu;471,930;0,512;0,094\n"
    )
    t = _report(text)
    assert [c.text for c in t.invalid] == [
        "352,606",
        "400,147",
        "471,930",
    ]


def test_percentages_beside_a_count_named_in_the_title_are_read() -> None:
    # "(jiwa)" follows "Jumlah Penduduk Miskin": the percentages "13,650"
    # (13.65) are not counts.
    text = (
        "Jumlah Penduduk Miskin (jiwa) dan Persentase Penduduk Miskin Menurut "
        "Kabupaten/Kota, 2023\n"
        "Kabupaten/Kota;Jumlah Penduduk Miskin;Persentase Penduduk Miskin\n"
        ";2023;2023\n"
        "Kabupaten Pacitan;76.930;13,650\nKota Batu;8.200;3,310\n"
    )
    t = _report(text)
    assert t.invalid == ()
    assert t.data["value"].tolist() == [76930.0, 13.65, 8200.0, 3.31]


def test_a_title_unit_covers_groups_naming_no_measure() -> None:
    # Groups "Perkotaan", "Perdesaan" (urban, rural) name no measure of the
    # title: its rupiah unit covers both, and "458,754" is refused in each.
    text = (
        "Garis Kemiskinan (Rp/Kapita/Bulan), 2023\n"
        "Kabupaten/Kota;Perkotaan;Perdesaan\n;2023;2023\n"
        "Kabupaten Bangkalan;458,754;503,207\n"
    )
    t = _report(text)
    assert [c.text for c in t.invalid] == ["458,754", "503,207"]


_BARE = "Kabupaten Bangkalan;458,754;503,207\nKabupaten Banyuwangi;414,879;448,928\n"


def test_a_unit_without_brackets_in_the_title_is_read() -> None:
    # "Rp/Kapita/Bulan" after the measure's name: "458,754" would read
    # 458.754 rupiah, a thousandth of Bangkalan's 458 754: refused.
    t = _report(
        "Garis Kemiskinan Menurut Kabupaten/Kota Rp/Kapita/Bulan, 2022-2023\n"
        + _YEARS
        + _BARE
    )
    assert sorted(c.text for c in t.invalid) == [
        "414,879",
        "448,928",
        "458,754",
        "503,207",
    ]


def test_a_multiplier_before_an_unbracketed_unit_is_no_count_in_ones() -> None:
    # "Ribu Rp/Kapita/Bulan": thousands of rupiah, so "458,754" is 458.754
    # (thousand rupiah), read as written.
    t = _report("Garis Kemiskinan Ribu Rp/Kapita/Bulan, 2022-2023\n" + _YEARS + _BARE)
    assert t.invalid == ()
    assert t.data["value"].tolist() == [458.754, 503.207, 414.879, 448.928]
