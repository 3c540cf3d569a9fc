"""More on what counts as evidence of a column's number convention.

Rows whose label names no region (a total or an average labelled otherwise)
never lift the thousands-dot rule; under a unit of count in ones the totals
and counts written without grouping are evidence of counts; a unit of count
stated by a group label or the title exempts counts as a unit row does; one
unit in two spellings is one unit; grouped numbers with three decimals show
that a column writes three decimals.

The true values are the bundled East Java figures for March 2023
(povstat.datasets.load_east_java): poor people, thousands: Kota Malang
37.78 (2022: 38.56), Kota Surabaya 136.37 (2022: 138.21), Kota Batu 7.10
(2022: 7.50), Jawa Timur 4,188.81; so in persons 37 780, 136 370, 7 100 and
4 188 810. Poverty line, rupiah per person per month: Kota Malang 674,660,
Kota Batu 613,985, Jawa Timur about 530,000 (rounded in the tables below).
"""

from __future__ import annotations

import pytest

from povstat import parse_numbers, read_bps_table
from spreadsheets import csv_table, invalid_texts, xlsx_bytes

# --- a row naming no region never lifts the thousands-dot rule -------------


@pytest.mark.parametrize(
    "label",
    [
        "Propinsi Jawa Timur",
        "Jumlah Jawa Timur",
        "Total Provinsi",
        "Jumlah Kab/Kota",
        "Rata-rata",
        "",
    ],
)
def test_unmatched_total_does_not_lift_id(label: str) -> None:
    # "4.188,81" is the province total (thousands); "37.780" and "7.100" are
    # 37.78 and 7.10 thousand typed in English: 37780 / 7100 would be 1000x.
    t = csv_table(
        f"Kabupaten/Kota;2023\n{label};4.188,81\nKota Malang;37.780\nKota Batu;7.100\n"
    )
    assert invalid_texts(t) == ["37.780", "7.100"]
    assert t.data["value"].tolist()[0] == 4188.81


def test_unmatched_total_does_not_lift_en() -> None:
    t = csv_table(
        'Regency/City,2023\nTotal Province,"4,188.81"\nKota Malang,"37,780"\n'
        'Kota Batu,"7,100"\n',
        "en",
    )
    assert invalid_texts(t) == ["37,780", "7,100"]
    # The unmatched row still shows the column writes decimals: "7,100"
    # among it and a region's "37.78" is refused, as before.
    t = csv_table(
        'Regency/City,2023\nAverage,22.44\nKota Malang,37.78\nKota Batu,"7,100"\n', "en"
    )
    assert invalid_texts(t) == ["7,100"]
    assert t.data["value"].tolist()[:2] == [22.44, 37.78]


def test_unmatched_total_does_not_lift_xlsx() -> None:
    # 4188.81 stored, shown "4.188,81" by its format; the cities as text.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        [None, "(ribu jiwa)"],
        ["Propinsi Jawa Timur", 4188.81],
        ["Kota Malang", "37.780"],
        ["Kota Batu", "7.100"],
    ]
    t = read_bps_table(
        xlsx_bytes(rows, {"B3": "#,##0.00"}), locale="id", month=3, errors="report"
    )
    assert invalid_texts(t) == ["37.780", "7.100"]


# --- rule 3: totals and ungrouped counts are counts ------------------------


def test_count_total_is_evidence_for_decimals_id() -> None:
    # 37.78 persons is no count: "37,78"/"7,10" are thousands (37 780, 7 100).
    t = csv_table(
        "Kabupaten/Kota;2023\n;(jiwa)\nJAWA TIMUR;4.188.810\nKota Malang;37,78\n"
        "Kota Batu;7,10\n"
    )
    assert invalid_texts(t) == ["37,78", "7,10"]
    assert t.data["value"].tolist()[0] == 4188810.0


def test_rupiah_total_is_evidence_for_decimals_id() -> None:
    t = csv_table(
        "Kabupaten/Kota;2023\n;(Rp/kapita/bulan)\nJAWA TIMUR;530.000\n"
        "Kota Malang;674,66\nKota Batu;587,72\n"
    )
    assert invalid_texts(t) == ["674,66", "587,72"]


def test_count_total_is_evidence_for_decimals_en() -> None:
    t = csv_table(
        'Regency/City,2023\n,(people)\nEAST JAVA,"4,188,810"\nKota Malang,37.78\n'
        "Kota Batu,7.10\n",
        "en",
    )
    assert invalid_texts(t) == ["37.78", "7.10"]


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        (
            "Kabupaten/Kota;2023\n;(jiwa)\nKota Malang;37780\nKota Surabaya;136370\n"
            "Kota Batu;7,10\n",
            "7,10",
        ),
        (
            "Kabupaten/Kota;2023\nKota Malang;37780 jiwa\nKota Surabaya;136370 jiwa\n"
            "Kota Batu;7,10 jiwa\n",
            "7,10 jiwa",
        ),
        (
            "Kabupaten/Kota;2023\n;(Rp/kapita/bulan)\nKota Malang;674660\n"
            "Kota Surabaya;613985\nKota Batu;587,72\n",
            "587,72",
        ),
    ],
)
def test_ungrouped_counts_are_evidence(text: str, odd: str) -> None:
    t = csv_table(text)
    assert invalid_texts(t) == [odd]
    assert t.data["value"].tolist()[:2] in ([37780.0, 136370.0], [674660.0, 613985.0])


def test_ungrouped_counts_are_evidence_xlsx() -> None:
    # Number cells in the General format (no grouping shown).
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        [None, "(jiwa)"],
        ["Kota Malang", 37780],
        ["Kota Surabaya", 136370],
        ["Kota Batu", 7.1],
    ]
    t = read_bps_table(xlsx_bytes(rows, {}), locale="id", month=3, errors="report")
    assert len(t.invalid) == 1
    assert t.data["value"].tolist()[:2] == [37780.0, 136370.0]


def test_parse_numbers_ungrouped_counts_with_unit() -> None:
    p = parse_numbers(
        ["37780 jiwa", "136370 jiwa", "7,10 jiwa"], locale="id", errors="report"
    )
    assert [c.text for c in p.invalid] == ["7,10 jiwa"]
    # No count of 1,000 or more: nothing shows "7,10" is thousands, but
    # persons are counted whole, so 7.1 persons is refused all the same.
    p = parse_numbers(["780 jiwa", "7,10 jiwa"], locale="id", errors="report")
    assert [c.text for c in p.invalid] == ["7,10 jiwa"]
    assert "with a fraction" in p.invalid[0].reason


# --- a count unit in a group label or the title ----------------------------


@pytest.mark.parametrize("group", ["(jiwa)", "Jumlah Penduduk Miskin (jiwa)"])
def test_count_unit_in_group_label(group: str) -> None:
    t = csv_table(
        f"Kabupaten/Kota;{group};\n;2022;2023\nKota Malang;38.560;37.780\n"
        "Kota Surabaya;138.210;136.370\nKota Batu;7.500;7,10\n"
    )
    assert invalid_texts(t) == ["7,10"]
    assert t.data["value"].tolist()[:4] == [38560.0, 37780.0, 138210.0, 136370.0]


def test_rupiah_unit_in_group_label() -> None:
    t = csv_table(
        "Kabupaten/Kota;Garis Kemiskinan (Rp/kapita/bulan);\n;2022;2023\n"
        "Kota Malang;674.660;680.000\nKota Surabaya;613.985;620.000\n"
        "Kota Batu;640.000;587,72\n"
    )
    assert invalid_texts(t) == ["587,72"]


def test_count_unit_in_group_label_en() -> None:
    t = csv_table(
        "Regency/City,Number of Poor People (people),\n,2022,2023\n"
        'Kota Malang,"38,560","37,780"\nKota Surabaya,"138,210","136,370"\n'
        'Kota Batu,"7,500",7.10\n',
        "en",
    )
    assert invalid_texts(t) == ["7.10"]


def test_count_unit_in_title() -> None:
    t = csv_table(
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota (jiwa), 2023\n"
        "Kabupaten/Kota;2023\nKota Malang;37.780\nKota Surabaya;136.370\n"
        "Kota Batu;7,10\n"
    )
    assert invalid_texts(t) == ["7,10"]
    assert t.data["value"].tolist()[:2] == [37780.0, 136370.0]
    # "(ribu jiwa)": thousands, so decimals are right there.
    t = csv_table(
        "Jumlah Penduduk Miskin (ribu jiwa), 2023\nKabupaten/Kota;2023\n"
        "Kota Malang;37,78\nKota Batu;7,10\n"
    )
    assert invalid_texts(t) == []


def test_count_unit_in_group_label_xlsx() -> None:
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "Jumlah Penduduk Miskin (jiwa)", None],
        [None, "2022", "2023"],
        ["Kota Malang", "38.560", "37.780"],
        ["Kota Surabaya", "138.210", "136.370"],
        ["Kota Batu", "7.500", "7,10"],
    ]
    t = read_bps_table(xlsx_bytes(rows, {}), locale="id", month=3, errors="report")
    assert invalid_texts(t) == ["7,10"]


# --- one unit in two spellings is one unit ---------------------------------


@pytest.mark.parametrize(
    "other", ["(Ribu Jiwa)", "(ribu orang)", "(000 jiwa)", "ribu jiwa"]
)
def test_one_unit_two_spellings_judged_whole(other: str) -> None:
    # 2023 typed in English ("37.780" = 37.78 thousand) beside 2022's "38,56".
    t = csv_table(
        f"Kabupaten/Kota;2022;2023\n;(ribu jiwa);{other}\nKota Malang;38,56;37.780\n"
        "Kota Batu;7,50;7.100\n"
    )
    assert invalid_texts(t) == ["37.780", "7.100"]
    # One unit: the title states it once, no group per spelling.
    assert t.title == "(ribu jiwa)"
    assert t.data["group"].isna().all()


def test_percent_two_spellings_judged_whole() -> None:
    # P0 in percent: Kota Malang 4.26 (2022: 4.37); "4.260" is 4.26 in English.
    t = csv_table(
        "Kabupaten/Kota;2022;2023\n;(persen);(%)\nKota Malang;4,37;4.260\n"
        "Kota Batu;3,79;3.310\n"
    )
    assert invalid_texts(t) == ["4.260", "3.310"]


# --- grouped three decimals show a decimal comma ---------------------------


def test_three_decimals_throughout_id() -> None:
    # Population in thousands to the person (three decimals).
    t = csv_table(
        "Kabupaten/Kota;2024\n;(ribu jiwa)\nKabupaten Malang;2.700,123\n"
        "Kota Surabaya;3.009,286\nKota Batu;223,601\nKota Blitar;157,444\n"
    )
    assert invalid_texts(t) == []
    assert t.data["value"].tolist() == [2700.123, 3009.286, 223.601, 157.444]


def test_three_decimals_throughout_en() -> None:
    t = csv_table(
        'Regency/City,2024\n,(thousand people)\nKabupaten Malang,"2,700.123"\n'
        'Kota Surabaya,"3,009.286"\nKota Batu,223.601\nKota Blitar,157.444\n',
        "en",
    )
    assert invalid_texts(t) == []
    assert t.data["value"].tolist() == [2700.123, 3009.286, 223.601, 157.444]


def test_three_decimals_parse_numbers() -> None:
    p = parse_numbers(["1.257,701", "1.688,468", "757,444"], locale="id")
    assert p.value.tolist() == [1257.701, 1688.468, 757.444]
    # "1.257,70" shows two decimals: "757,444" may be 757444 in English.
    p = parse_numbers(["1.257,70", "1.688,47", "757,444"], locale="id", errors="report")
    assert [c.text for c in p.invalid] == ["757,444"]
