"""Numbers the advice tells the user to write are in the table's locale (sheets30 F3).

A bare fraction of one among "13,65%"-style cells under "(Persen)" is refused
with advice to write the percentage, or the number with a percent sign. In
locale "id" the advice wrote them in English ("13.86", "0.1386%"), which,
typed as printed into the "id" table, are refused ("not a number in locale
'id'"). Now each is written as the table writes numbers ("13,8", "0,138%"),
and exactly (not rounded by ``:g``): typed as printed, it reads as meant.
So are the example of the file advice for columns of fractions ("9,79 for
0,0979"), the numbers to store of the percent-format rule ("0,105") and the
scale rule's example of a fraction written in percent ("0,1365 is written
13,65%").

Figures: BPS P0 kab/kota Jawa Timur (bps_p0_kabkota_2004_2025.csv), 2022 /
2023: Pacitan 13.8 / 13.65, Ponorogo 9.32 / 9.53, Trenggalek 10.96 / 10.63;
2024: Ponorogo 9.11, Trenggalek 10.5. A "pasted" cell holds the figure / 100.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any, Literal

import pandas as pd
import pytest

from povstat import BpsTable, NumberParseError, parse_numbers, read_bps_table
from spreadsheets import xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"


def _csv(pacitan_2022: str, locale: Literal["id", "en"]) -> str:
    """The P0 table with Pacitan's 2022 cell as given, the others with "%"."""
    sep, n = (";", lambda x: x.replace(".", ",")) if locale == "id" else (",", str)
    rows = [
        ["Pacitan", pacitan_2022, n("13.65%")],
        ["Ponorogo", n("9.32%"), n("9.53%")],
        ["Trenggalek", n("10.96%"), n("10.63%")],
    ]
    lines = [_TITLE, sep.join(["Kabupaten/Kota", "2022", "2023"])]
    return "\n".join(lines + [sep.join(r) for r in rows]) + "\n"


def _read(text: str, locale: Literal["id", "en"]) -> BpsTable:
    sep = ";" if locale == "id" else ","
    return read_bps_table(io.StringIO(text), locale=locale, sep=sep, month=3)


def _written(reason: str) -> list[str]:
    """The two texts the advice says to write: the percentage, then with "%"."""
    found = re.search(
        r"write the percentage \('([^']*)'\), or, if it is .*?%, write it "
        r"with a percent sign \('([^']*)'\)$",
        reason,
    )
    assert found is not None, reason
    return [found[1], found[2]]


def _pacitan_2022(t: BpsTable) -> float:
    d = t.data.set_index(["label", "year"])["value"]
    return float(d[("Pacitan", 2022)])


@pytest.mark.parametrize(
    ("locale", "cell", "expected"),
    [
        # 0,138 is 13.8 / 100: as a percentage 13,8, or 0,138 with a sign.
        ("id", "0,138", ["13,8", "0,138%"]),
        ("en", "0.138", ["13.8", "0.138%"]),
        # Exact: 0,1380123 is no 13.8012 (":g" kept 6 significant digits).
        ("id", "0,1380123", ["13,80123", "0,1380123%"]),
    ],
)
def test_the_advice_for_a_text_cell_is_written_in_the_locale(
    locale: Literal["id", "en"], cell: str, expected: list[str]
) -> None:
    with pytest.raises(NumberParseError) as info:
        _read(_csv(cell, locale), locale)
    (bad,) = info.value.cells
    assert "likely a fraction of one" in bad.reason
    assert _written(bad.reason) == expected


@pytest.mark.parametrize("locale", ["id", "en"])
def test_the_advice_typed_as_printed_reads_as_meant(
    locale: Literal["id", "en"],
) -> None:
    cell = "0,138" if locale == "id" else "0.138"
    with pytest.raises(NumberParseError) as info:
        _read(_csv(cell, locale), locale)
    percentage, signed = _written(info.value.cells[0].reason)
    # By hand: the percentage is Pacitan's 2022 P0, 13.8; with its sign,
    # 0.138 percent.
    assert _pacitan_2022(_read(_csv(percentage, locale), locale)) == 13.8
    assert _pacitan_2022(_read(_csv(signed, locale), locale)) == 0.138


def test_a_frame_of_text_in_locale_id_takes_the_advice_as_printed() -> None:
    # A frame read with every column as text, as the docs advise for "id".
    df = pd.read_csv(
        io.StringIO(_csv("0,138", "id")),
        sep=";",
        dtype=str,
        keep_default_na=False,
        header=None,
        names=range(3),
    )
    with pytest.raises(NumberParseError) as info:
        read_bps_table(df, locale="id", month=3)
    percentage, signed = _written(info.value.cells[0].reason)
    assert (percentage, signed) == ("13,8", "0,138%")
    for text, expected in ((percentage, 13.8), (signed, 0.138)):
        fixed = df.copy()
        fixed.iloc[2, 1] = text  # Pacitan, 2022 (the title, the header above)
        assert _pacitan_2022(read_bps_table(fixed, locale="id", month=3)) == expected


def _workbook_rows(trenggalek_2024: Any) -> list[list[Any]]:
    # 2024 as cells formatted 0.00% (the fraction stored), Trenggalek's as given.
    return [
        ["Provinsi/Kabupaten/Kota", _TITLE],
        [None, 2023, 2024],
        ["Pacitan", 13.65, 0.1308],
        ["Ponorogo", 9.53, 0.0911],
        ["Trenggalek", 10.63, trenggalek_2024],
    ]


_FORMATS = {"C3": "0.00%", "C4": "0.00%"}


def test_a_workbook_number_cell_takes_the_advice_as_printed() -> None:
    rows = _workbook_rows(0.105)
    with pytest.raises(NumberParseError) as info:
        read_bps_table(xlsx_bytes(rows, _FORMATS), locale="id", month=3)
    percentage, signed = _written(info.value.cells[0].reason)
    assert (percentage, signed) == ("10,5", "0,105%")
    for text, expected in ((percentage, 10.5), (signed, 0.105)):
        fixed = _workbook_rows(text)  # typed into the cell as printed
        t = read_bps_table(xlsx_bytes(fixed, _FORMATS), locale="id", month=3)
        d = t.data.set_index(["label", "year"])["value"]
        assert d[("Trenggalek", 2024)] == expected


def test_the_file_advice_for_columns_of_fractions_is_in_the_locale() -> None:
    # Every 2022 cell a fraction of one: warned, with the file advice.
    text = (
        f"{_TITLE}\nKabupaten/Kota;2022;2023\nPacitan;0,138;13,65\n"
        "Ponorogo;0,0932;9,53\nTrenggalek;0,1096;10,63\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _read(text, "id")
    (said,) = [str(w.message) for w in caught if "fractions of one" in str(w.message)]
    assert "write them in percent in the file, 9,79 for 0,0979" in said
    # The example, as printed, is what locale "id" reads: 9.79 and 0.0979.
    assert parse_numbers(["9,79", "0,0979"], locale="id").value.tolist() == [
        9.79,
        0.0979,
    ]


def test_the_percent_format_rule_stores_numbers_in_the_locale() -> None:
    # No percent stated: the rarer plain 10.5 among percent-formatted
    # fractions is refused; "if it is 10.5%, store 0,105 in it" (10.5 / 100).
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", 2023, 2024],
        ["Pacitan", 0.1365, 0.1308],
        ["Ponorogo", 0.0953, 0.0911],
        ["Trenggalek", 0.1063, 10.5],
    ]
    formats = {f"{c}{r}": "0.00%" for c in "BC" for r in (2, 3, 4)}
    del formats["C4"]
    t = read_bps_table(xlsx_bytes(rows, formats), locale="id", errors="report")
    (bad,) = t.invalid
    assert "store 0,105 in it with their percent format" in bad.reason
    # Stored so (0,105 in an Indonesian sheet is 0.105), with the format.
    rows[3][2] = 0.105
    formats["C4"] = "0.00%"
    t = read_bps_table(xlsx_bytes(rows, formats), locale="id")
    d = t.data.set_index(["label", "year"])["value"]
    assert d[("Trenggalek", 2024)] == 10.5


def test_the_percent_sign_example_is_written_in_the_locale() -> None:
    # No percent stated: a bare 0,0911 (Ponorogo 2024, 9.11 / 100) among
    # "%" cells is refused by the scale rule, whose example of a fraction
    # written in percent is in the locale ("0,1365 is written 13,65%").
    text = (
        "Kabupaten/Kota;2023;2024\nPacitan;13,65%;13,08%\n"
        "Ponorogo;9,53%;0,0911\nTrenggalek;10,63%;10,5%\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    (bad,) = t.invalid
    assert "a fraction of one such as 0,1365 is written 13,65%" in bad.reason
    written = parse_numbers(["13,65%"], locale="id")
    assert (written.value.tolist(), written.unit.tolist()) == ([13.65], ["percent"])
