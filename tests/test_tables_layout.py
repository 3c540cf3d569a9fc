"""read_bps_table: unit rows and units in cells, header dates, footnote marks."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import NumberParseError, parse_columns, read_bps_table
from spreadsheets import ods_bytes, ods_cell, xlsx_bytes

# Kota Batu and Kota Malang, number of poor (thousands) and P0 (percent),
# March 2022 and 2023 (BPS, "Jumlah dan Persentase Penduduk Miskin Menurut
# Kabupaten/Kota", as in the bundled data: 8.16, 7.10; 37.78, 35.50).


def _read(text: str, **kw: object) -> object:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["8.160 jiwa", "8.160 orang", "Rp 8.160"])
def test_a_unit_of_count_among_bare_numbers_is_ambiguous(cell: str) -> None:
    # "8.160 jiwa" is 8 160 persons (ones); "37,78" beside it is most likely
    # thousands: which scale the column is on is a guess, as with "8,16 ribu"
    # among bare numbers. The rarer kind (the stated cell, 1 of 2) is named.
    text = f"Kabupaten/Kota;2022;2023\nKota Batu;{cell};7,10\nKota Malang;37,78;35,5\n"
    with pytest.raises(NumberParseError, match="unit of count") as e:
        _read(text)
    assert [c.text for c in e.value.cells] == [cell]
    # The same in a frame of those strings.
    df = pd.DataFrame({"v": [cell, "37,78"]})
    with pytest.raises(NumberParseError, match="unit of count"):
        parse_columns(df, "v", locale="id")
    # Every cell stating it, or none: read (8160 persons; 8.16, 37.78).
    both = pd.DataFrame({"v": ["8.160 jiwa", "37.780 jiwa"]})
    assert parse_columns(both, "v", locale="id")["v"].tolist() == [8160.0, 37780.0]


@pytest.mark.parametrize("cell", ["8,16 poin", "8,16 pp", "8,16 persen poin"])
def test_a_unit_of_points_among_bare_numbers_is_ambiguous(cell: str) -> None:
    # "8,16 poin" is a change of 8.16 percentage points; "37,78" beside it
    # may be a rate or a count: the same guess as "9,9 %" among bare
    # numbers. The rarer kind (the stated cell, 1 of 4) is named.
    text = f"Kabupaten/Kota;2022;2023\nKota Batu;{cell};7,10\nKota Malang;37,78;35,5\n"
    with pytest.raises(NumberParseError, match="unit of points") as e:
        _read(text)
    assert [c.text for c in e.value.cells] == [cell]
    df = pd.DataFrame({"v": [cell, "37,78"]})
    # A tie (1 of each): the bare cell is named, as for other units.
    with pytest.raises(NumberParseError, match="without a unit of points") as e:
        parse_columns(df, "v", locale="id")
    assert [c.text for c in e.value.cells] == ["37,78"]
    # Every cell stating it, or none: read (8.16 and -0.78 points).
    both = pd.DataFrame({"v": [cell, "-0,78 poin"]})
    assert parse_columns(both, "v", locale="id")["v"].tolist() == [8.16, -0.78]


@pytest.mark.parametrize(
    ("unit", "clash"),
    [
        # (unit row, a cell stating another scale under it)
        ("(000 jiwa)", "8.160 jiwa"),  # persons x1000 over persons x1
        ("(000)", "8.160 jiwa"),
        ("('000)", "8.160 jiwa"),
        ("(x 1000)", "8.160 jiwa"),
        ("(x1.000)", "8.160 jiwa"),
        ("(ribu)", "8.160 jiwa"),
        ("(juta)", "8,16 ribu"),  # x1 000 000 over x1 000
        ("[persen]", "8,16 ribu"),
        ("Satuan: persen", "8,16 ribu"),
        ("(ribu jiwa)", "8.160 jiwa"),
        # The grammar: words around the unit ("dalam": in; "satuan:":
        # unit), plural and short words, an English translation after a
        # slash, spaces and quotes as typed.
        ("(Persen/Percent)", "8,16 ribu"),
        ("(persen/percent)", "8,16 ribu"),
        ("(ribu jiwa/thousand people)", "8.160 jiwa"),
        ("(ribuan)", "8.160 jiwa"),
        ("(ribuan jiwa)", "8.160 jiwa"),
        ("(dalam ribuan)", "8.160 jiwa"),
        ("(dalam persen)", "8,16 ribu"),
        ("(dalam juta)", "8,16 ribu"),
        ("(satuan: persen)", "8,16 ribu"),
        ("(000 org)", "8.160 jiwa"),
        ("(x 1 000)", "8.160 jiwa"),
        ("(\u00d71000)", "8.160 jiwa"),  # multiplication sign
        ("( 000 jiwa )", "8.160 jiwa"),
        ("(\u2018000)", "8.160 jiwa"),  # curly quotes
        ("(\u2019000)", "8.160 jiwa"),
        ("(000's)", "8.160 jiwa"),
        ("(thousands)", "8.160 jiwa"),
        ("(in percent)", "8,16 ribu"),
    ],
)
def test_common_unit_rows_are_unit_rows(unit: str, clash: str) -> None:
    text = f"Kabupaten/Kota;2022;2023\n;{unit};\nKota Batu;8,16;7,10\n"
    t = _read(text)
    # The row is skipped as a unit row, the values read as written.
    assert t.skipped["reason"].tolist() == ["unit row"]  # type: ignore[attr-defined]
    assert t.data["value"].tolist() == [8.16, 7.10]  # type: ignore[attr-defined]
    # A cell stating another scale under it is refused, naming both.
    text = f"Kabupaten/Kota;2022;2023\n;{unit};\nKota Batu;{clash};7,10\n"
    with pytest.raises(NumberParseError, match=r"but unit row 2 states") as e:
        _read(text)
    assert [c.text for c in e.value.cells] == [clash]


def test_a_unit_row_in_digits_states_thousands_over_its_group() -> None:
    # "(000 jiwa)" over 2022 and "(jiwa)" over 2023 are different scales for
    # one value column: refused as "(ribu jiwa)" and "(jiwa)" are.
    text = "Kabupaten/Kota;2022;2023\n;(000 jiwa);(jiwa)\nKota Batu;8,16;8.160\n"
    with pytest.raises(ValueError, match="states different units"):
        _read(text)


def test_a_translated_unit_states_its_scale_once() -> None:
    # "(ribu jiwa/thousand people)" is thousands of persons said twice, not
    # 1 000 x 1 000: over 2022 it agrees with "(000 jiwa)" over 2023 (both
    # persons x 1 000), so the unit row is one unit and is skipped.
    text = (
        "Kabupaten/Kota;2022;2023\n;(ribu jiwa/thousand people);(000 jiwa)\n"
        "Kota Batu;8,16;8,20\n"
    )
    assert _read(text).data["value"].tolist() == [8.16, 8.20]  # type: ignore[attr-defined]
    # "(juta jiwa)" (persons x 1 000 000) over 2023 is another scale.
    text = text.replace("(000 jiwa)", "(juta jiwa)")
    with pytest.raises(ValueError, match="states different units"):
        _read(text)


@pytest.mark.parametrize(
    "header", ["Maret/March 2022", "September/Sept 2022", "Semester I/2022"]
)
def test_a_period_written_with_a_slash_is_named(header: str) -> None:
    # A bilingual period, or one with a slash before its year, is not read
    # (a slash is no period's spelling): the error names the cell.
    with pytest.raises(ValueError, match=rf"cell\(s\) \['{header}'\] write a period"):
        _read(f"Kabupaten/Kota;{header}\nKota Batu;3,79\n")


@pytest.mark.parametrize("cell", ["(ABC)", "000", "(1)"])
def test_other_cells_are_no_unit_row(cell: str) -> None:
    # "(ABC)" is no unit word; a bare "000" could be a number. ("(KK)",
    # households, is a unit: tests/test_tables_count_units_in_titles.py.)
    text = f"Kabupaten/Kota;2022\n;{cell}\nKota Batu;8,16\n"
    t = _read(text, errors="report")
    assert "unit row" not in t.skipped["reason"].tolist()  # type: ignore[attr-defined]


def _book(value: object, fmt: str) -> io.BytesIO:
    return xlsx_bytes(
        [["Kabupaten/Kota", value, 2023], ["Kota Batu", 3.79, 3.31]], {"B1": fmt}
    )


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        # 2022 under a date format is day 2022 of Excel's 1900 system, counted
        # from 1899-12-30: 1905-07-14 (1900-01-00 plus 2022 days with Excel's
        # 29 February 1900), shown "1905", "14", "14/07/1905"; at midnight, so
        # "0:00"; as elapsed hours 2022 x 24 = 48528.
        ("yyyy", "'1905'"),
        ("d", "'14'"),
        ("dd/mm/yyyy", "'14/07/1905'"),
        ("h:mm", "'0:00'"),
        ("[h]", "'48528'"),
    ],
)
def test_a_year_typed_in_a_date_formatted_header_cell_is_refused(
    fmt: str, shown: str
) -> None:
    with pytest.raises(ValueError, match="holds the number 2022") as e:
        read_bps_table(_book(2022, fmt), locale="en")
    assert "cell B1" in str(e.value)
    assert shown in str(e.value)
    assert "General" in str(e.value)  # the advice


@pytest.mark.parametrize(("fmt", "shown"), [("d", "'1'"), ("dd/mm", "'01/03'")])
def test_a_header_date_whose_format_shows_no_year_is_refused(
    fmt: str, shown: str
) -> None:
    import datetime

    with pytest.raises(ValueError, match="without its year") as e:
        read_bps_table(_book(datetime.datetime(2022, 3, 1), fmt), locale="en")
    assert "cell B1" in str(e.value)
    assert shown in str(e.value)
    # Shown with its year ("March 2022"), the date is the period March 2022.
    t = read_bps_table(_book(datetime.datetime(2022, 3, 1), "mmmm yyyy"), locale="en")
    assert t.data[["year", "month"]].astype(object).to_numpy().tolist()[0] == [2022, 3]


@pytest.mark.parametrize(
    ("value", "fmt", "why"),
    [
        # 1 March 2022 is 28 Rajab 1443 AH: "B2yyyy" (B2, the Hijri
        # calendar) shows 1443, never 2022.
        ("date", "B2yyyy", r"Hijri calendar \(code B2\)"),
        # A locale tag's calendar: "[$-th-TH,107]" (after the comma, 01 the
        # numerals, 07 the calendar: Thai Buddhist, 2022 + 543 = 2565);
        # "[$-1060000]" (0x01060000: the calendar byte 0x06, Hijri, 1443);
        # "[$-D07041E]" (0x0D07041E: Thai numerals, calendar 0x07, Thai).
        ("date", "[$-th-TH,107]yyyy", r"calendar 7 \(Thai Buddhist\)"),
        ("date", "[$-1060000]yyyy", r"calendar 6 \(Hijri\)"),
        ("date", "[$-D07041E]yyyy", r"calendar 7 \(Thai Buddhist\)"),
        # "e", the era's year: 2022 typed is the day count 2022, 1905-07-14,
        # whose era year is 1905 in a Gregorian locale and Meiji 38 in a
        # Japanese one; never 2022.
        ("number", "e", r"the year of an era \(code 'e'\)"),
        ("date", "e", r"the year of an era \(code 'e'\)"),
        ("date", '[$-411]ggge"年"', r"the name of an era \(code 'ggg'\)"),
    ],
)
def test_a_header_in_another_calendar_or_era_is_refused(
    value: str, fmt: str, why: str
) -> None:
    import datetime

    stored = 2022 if value == "number" else datetime.datetime(2022, 3, 1)
    with pytest.raises(ValueError, match=why) as e:
        read_bps_table(_book(stored, fmt), locale="en")
    assert "cell B1" in str(e.value)
    assert repr(fmt) in str(e.value)
    assert "Gregorian year" in str(e.value)  # the advice


@pytest.mark.parametrize("fmt", ["[$-1060000]0", "[$-th-TH,107]General"])
def test_a_calendar_tag_on_a_number_format_shows_the_number(fmt: str) -> None:
    # A number format shows no date: 2022 under "[$-1060000]0" is "2022",
    # whatever calendar its tag names; read as the year 2022 (and 2023 in C1).
    t = read_bps_table(_book(2022, fmt), locale="en")
    assert t.data["year"].tolist() == [2022, 2023]


@pytest.mark.parametrize("fmt", ["B1yyyy", "[$-409]yyyy", "[$-en-US,1]yyyy", "yyyy"])
def test_a_header_date_in_the_gregorian_calendar_is_its_year(fmt: str) -> None:
    import datetime

    # B1 and calendars 0 and 1 are Gregorian: 1 January 2022 shows "2022",
    # the year 2022 (no month, as any date shown as its year alone).
    t = read_bps_table(_book(datetime.datetime(2022, 1, 1), fmt), locale="en")
    assert t.data["year"].tolist() == [2022, 2023]  # C1 holds 2023
    assert t.data["value"].tolist() == [3.79, 3.31]


def _ods(value: str, shown: str) -> io.BytesIO:
    # B1 holds the date `value`, its text (as its style shows it) `shown`.
    return ods_bytes(
        [
            ["Kabupaten/Kota", ods_cell(shown, valuetype="date", datevalue=value)],
            ["Kota Batu", ods_cell("3.79", valuetype="float", value="3.79")],
        ]
    )


@pytest.mark.parametrize(
    ("value", "shown", "match"),
    [
        ("2022-03-01", "1", "without its year"),  # 1 March 2022 shown "1"
        ("1905-07-14", "1905", "holds the number 2022"),  # 2022 typed: day 2022
    ],
)
def test_an_ods_header_date_is_read_as_shown(
    value: str, shown: str, match: str
) -> None:
    with pytest.raises(ValueError, match=match) as e:
        read_bps_table(_ods(value, shown), locale="en")
    assert "cell B1" in str(e.value)


def test_a_refused_header_year_is_quoted_as_excel_shows_it() -> None:
    # "$#,##0" shows 2022 with a thousands comma: "$2,022".
    with pytest.raises(ValueError, match=r"\['\$2,022'\]"):
        read_bps_table(_book(2022, "$#,##0"), locale="en")


@pytest.mark.parametrize(
    "mark",
    [
        # several marks: the whole run is the footnote
        " 1,2)",
        " (1,2)",
        " 1),2)",
        " *,**",
        "\u00b9,\u00b2",
        "\u00b9 \u00b2",
        " \u2020,\u2021",
        " \u2020 \u2021",
        " \u2020)",
        "\u00b9*",
        # look-alike stars and the Latin cross
        "\u2217",
        "\uff0a",
        "\u204e",
        "\u271d",
        # a subscript mark
        "\u2090",
        "\u2081",
    ],
)
def test_every_footnote_mark_after_a_name_is_kept(mark: str) -> None:
    # Kota Batu is 3579; the mark, whole, is its footnote.
    t = _read(f"Kabupaten/Kota;2022\nKota Batu{mark};3,79\n")
    row = t.data.iloc[0]  # type: ignore[attr-defined]
    assert (row["region_code"], row["footnote"]) == ("3579", mark.strip())


@pytest.mark.parametrize(
    ("label", "quoted"),
    [
        # A footnote mark of digits has one or two ("1)", "12)"): four
        # digits before ")" are no mark, and a year is part of no region's
        # name; so are three digits, and digits inside the name.
        ("Kota Batu 2022)", "'2022)'"),
        ("Kota Batu 1999)", "'1999)'"),
        ("Kota Batu 123)", "'123)'"),
        ("Kota 2022 Batu", "'2022'"),
        # A number after the name, bare or in brackets, is read as an area
        # code: 2022 is no region's code.
        ("Kota Batu (2022)", "2022 after the name"),
        ("Kota Batu 2022", "2022 after the name"),
    ],
)
def test_a_year_after_a_name_is_reported_never_dropped(label: str, quoted: str) -> None:
    # Kota Batu alone is 3579; with the digits, the row is unmatched (no
    # code), its label kept as written and the digits quoted in its reason,
    # never matched with "2022)" dropped.
    text = f"Kabupaten/Kota;2022\n{label};3,79\nKota Malang;4,1\n"
    t = _read(text, errors="report")
    row = t.data.iloc[0]  # type: ignore[attr-defined]
    assert pd.isna(row["region_code"])
    assert row["label"] == label
    assert pd.isna(row["footnote"])
    unmatched = t.unmatched  # type: ignore[attr-defined]
    assert unmatched["label"].tolist() == [label]
    assert quoted in unmatched["reason"].iloc[0]
    # The mark of two digits is a footnote, kept whole: "12)".
    t = _read("Kabupaten/Kota;2022\nKota Batu 12);3,79\n")
    row = t.data.iloc[0]  # type: ignore[attr-defined]
    assert (row["region_code"], row["footnote"]) == ("3579", "12)")


def _rich(*runs: tuple[str, str | None]) -> io.BytesIO:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"], ws["B1"] = "Kabupaten/Kota", "2022"
    ws["A2"] = CellRichText(
        *[
            TextBlock(InlineFont(vertAlign=where), text)  # type: ignore[arg-type]
            for text, where in runs
        ]
    )
    ws["B2"] = 3.79
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


@pytest.mark.parametrize(
    ("runs", "footnote"),
    [
        ((("Kota Batu", None), ("1,2", "superscript")), "\u00b9,\u00b2"),
        ((("Kota Batu", None), ("1", "superscript"), ("*", None)), "\u00b9*"),
        # a lowered "a" is the subscript letter, never "Kota Batua"
        ((("Kota Batu", None), ("a", "subscript")), "\u2090"),
        ((("Kota Batu", None), ("1", "subscript")), "\u2081"),
    ],
)
def test_raised_and_lowered_runs_of_marks_in_xlsx(
    runs: tuple[tuple[str, str | None], ...], footnote: str
) -> None:
    t = read_bps_table(_rich(*runs), locale="en")
    row = t.data.iloc[0]
    assert (row["region_code"], row["footnote"]) == ("3579", footnote)


def _long() -> pd.DataFrame:
    # One row per region and year: long form.
    return pd.DataFrame(
        {
            "Kabupaten/Kota": ["Kota Batu", "Kota Batu", "Kota Malang", "Kota Malang"],
            "Tahun": [2022, 2023, 2022, 2023],
            "P0": [3.79, 3.31, 4.37, 4.26],
        }
    )


def test_a_long_frame_with_its_year_column_first_gets_the_long_form_advice() -> None:
    # The years 2022, 2023, 2022 are no area codes: the long-form advice.
    with pytest.raises(ValueError, match="long form") as e:
        read_bps_table(_long()[["Tahun", "Kabupaten/Kota", "P0"]], locale="en")
    assert "area codes" not in str(e.value)


def test_a_long_frame_of_rounds_gets_the_long_form_advice() -> None:
    df = _long().assign(Tahun=["Maret 2022", "Maret 2023"] * 2)
    with pytest.raises(ValueError, match=r"column 'Tahun' holds periods, repeated"):
        read_bps_table(df, locale="en")


@pytest.mark.parametrize(
    "labels",
    [
        ["2022_3", "2022_9"],  # DuckDB, PIVOT ON Tahun, Bulan
        ["Perdesaan_2022", "Perkotaan_2022"],  # DuckDB, the other key first
        ['{"Perdesaan",2022}', '{"Perkotaan",2022}'],  # polars, likewise
    ],
)
def test_a_frame_pivoted_on_two_keys_gets_that_advice_first(labels: list[str]) -> None:
    df = pd.DataFrame([["Kota Batu", 3.79, 3.31]], columns=["Kabupaten/Kota", *labels])
    with pytest.raises(ValueError, match="a year and a second key") as e:
        read_bps_table(df, locale="en")
    # Never taken for a year a reader renamed ("2022" beside "2022_1").
    assert "renamed" not in str(e.value)


def test_a_year_beside_its_renamed_copy_gets_the_renamed_advice() -> None:
    df = pd.DataFrame(
        [["Kota Batu", 3.79, 3.31]], columns=["Wilayah", "2022", "2022_1"]
    )
    with pytest.raises(ValueError, match="renamed"):
        read_bps_table(df, locale="en")


@pytest.mark.parametrize("head", ["Provinsi", "Province", "PROVINSI"])
def test_gorontalo_in_a_table_of_provinces_is_the_province(head: str) -> None:
    # Gorontalo is the province 75 and the regency 7501 (in province 75);
    # under the heading "Provinsi", the province. Sulawesi Utara is 71.
    t = _read(f"{head};2022\nSulawesi Utara;7,34\nGorontalo;15,51\n")
    assert t.data["region_code"].tolist() == ["71", "75"]  # type: ignore[attr-defined]


def test_the_advice_for_an_ambiguous_name_works() -> None:
    text = "Wilayah;2022\nSulawesi Utara;7,34\nGorontalo;15,51\n"
    with pytest.raises(ValueError, match="head the label column 'Provinsi'") as e:
        _read(text)
    assert "'Provinsi ...'" in str(e.value)
    # Each fix it names: the kind written, or the heading.
    t = _read(text.replace("\nGorontalo", "\nProvinsi Gorontalo"))
    assert t.data["region_code"].tolist() == ["71", "75"]  # type: ignore[attr-defined]
    t = _read(text.replace("Wilayah", "Provinsi"))
    assert t.data["region_code"].tolist() == ["71", "75"]  # type: ignore[attr-defined]
    # In a table of one province's regencies, `province` (code or name):
    # the bare name is the regency 7501 (BPS convention).
    for prov in ("75", "Gorontalo"):
        t = _read("Kabupaten/Kota;2022\nGorontalo;15,51\n", province=prov)
        assert t.data["region_code"].tolist() == ["7501"]  # type: ignore[attr-defined]


def _merged_book(first: list[object]) -> io.BytesIO:
    return xlsx_bytes(
        [
            ["Kabupaten/Kota", "2022", None, "2023", None],
            [None, "(persen)", None, "(persen)", None],
            [None, "Perkotaan", "Perdesaan", "Perkotaan", "Perdesaan"],
            first,
        ],
        merges=["B1:C1", "D1:E1"],
    )


def test_a_unit_row_between_merged_years_and_groups_is_read() -> None:
    # 2022 merged over B:C, 2023 over D:E, "(persen)" under each year, the
    # groups under the units: four values, each with its year and group.
    t = read_bps_table(_merged_book(["Kota Batu", 3.1, 4.2, 3.0, 4.0]), locale="en")
    assert t.data[["year", "group", "value"]].to_numpy().tolist() == [
        [2022, "Perkotaan", 3.1],
        [2022, "Perdesaan", 4.2],
        [2023, "Perkotaan", 3.0],
        [2023, "Perdesaan", 4.0],
    ]
    # The unit row is checked as one under the header is: "3,1 ribu" (a
    # multiplier) under "(persen)" is refused, naming both.
    with pytest.raises(NumberParseError, match=r"but unit row 2 states '\(persen\)'"):
        read_bps_table(
            _merged_book(["Kota Batu", "3.1 thousand", 4.2, 3.0, 4.0]), locale="en"
        )


@pytest.mark.parametrize(
    ("groups", "units", "expected"),
    [
        # P0 in percent and P1 an index, each over 2022 and 2023.
        # The units differ: each ends its group's label.
        (
            ";P0;;P1;",
            ";(persen);;(indeks);",
            ["P0 (persen)", "P0 (persen)", "P1 (indeks)", "P1 (indeks)"],
        ),
        # One unit over both groups, written over each or once.
        (
            ";Perkotaan;;Perdesaan;",
            ";(persen);;(persen);",
            ["Perkotaan", "Perkotaan", "Perdesaan", "Perdesaan"],
        ),
        (
            ";Perkotaan;;Perdesaan;",
            ";(persen);;;",
            ["Perkotaan", "Perkotaan", "Perdesaan", "Perdesaan"],
        ),
    ],
)
def test_groups_above_a_unit_row_above_the_years(
    groups: str, units: str, expected: list[str]
) -> None:
    # Groups, then units, then years: the groups are read as groups (not
    # the units, and no "same period more than once"), the unit row is
    # layout. Values as written: 3.79, 3.5 under the first group's 2022,
    # 2023; 8.1, 7.4 under the second's.
    text = f"Kabupaten/Kota{groups}\n{units}\n;2022;2023;2022;2023\n"
    text += "Kota Batu;3,79;3,5;8,1;7,4\n"
    d = _read(text).data  # type: ignore[attr-defined]
    assert d["group"].tolist() == expected
    assert d["year"].tolist() == [2022, 2023, 2022, 2023]
    assert d["value"].tolist() == [3.79, 3.5, 8.1, 7.4]


def test_groups_above_a_unit_row_in_a_workbook_with_merged_cells() -> None:
    buffer = xlsx_bytes(
        [
            ["Kabupaten/Kota", "Perkotaan", None, "Perdesaan", None],
            [None, "(persen)", None, None, None],
            [None, 2022, 2023, 2022, 2023],
            ["Kota Batu", 3.79, 3.5, 8.1, 7.4],
        ],
        merges=["B1:C1", "D1:E1", "B2:E2", "A1:A3"],
    )
    d = read_bps_table(buffer, locale="en").data
    assert d["group"].tolist() == ["Perkotaan", "Perkotaan", "Perdesaan", "Perdesaan"]
    assert d["value"].tolist() == [3.79, 3.5, 8.1, 7.4]


def test_different_units_over_one_group_under_groups_are_refused() -> None:
    # "(persen)" over 2022 and "(ribu jiwa)" over 2023 of group Perkotaan:
    # one value column on two scales, refused as under the years.
    text = (
        "Kabupaten/Kota;Perkotaan;;Perdesaan;\n;(persen);(ribu jiwa);(persen);\n"
        ";2022;2023;2022;2023\nKota Batu;3,79;3,5;8,1;7,4\n"
    )
    with pytest.raises(ValueError, match="over the columns of group 'Perkotaan'"):
        _read(text)
