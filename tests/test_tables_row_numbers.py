"""read_bps_table: a number of three digits before a region's name."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_SUB = "the number {n!r} before the name is no row number (the table has {rows} row"

_JATIM = [  # 3501 to 3511, in order of code
    "Pacitan", "Ponorogo", "Trenggalek", "Tulungagung", "Blitar", "Kediri",
    "Malang", "Lumajang", "Jember", "Banyuwangi", "Bondowoso",
]  # fmt: skip


def _read(body: str) -> tuple[dict[str, object], dict[str, str]]:
    got = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2023\n{body}"),
        locale="id",
        sep=";",
        errors="report",
    )
    codes = {
        str(lab): None if code is pd.NA else code
        for lab, code in zip(got.data["label"], got.data["region_code"], strict=True)
    }
    reasons = dict(zip(got.unmatched["label"], got.unmatched["reason"], strict=True))
    return codes, reasons


@pytest.mark.parametrize(
    ("label", "code"),
    [
        # Three digits written as a row number: read whatever the row count.
        ("357. Pacitan", "3501"),
        ("357) Pacitan", "3501"),
        ("(357) Pacitan", "3501"),
        # One digit: a row number, as before (9 here, in a table of three
        # rows, numbered with single digits too). Two digits beyond the row
        # count are no row number unless the numbers run on without a gap:
        # see test_two_plain_digits_beyond_the_rows_are_unmatched.
        ("9 Pacitan", "3501"),
        ("3 Pacitan", "3501"),
        # Four digits: an area code, checked against the name as before.
        ("3501 Pacitan", "3501"),
    ],
)
def test_a_row_number_is_set_apart(label: str, code: str) -> None:
    # Three rows: the label under test, 1 Ngawi (3521), 2 Magetan (3520).
    codes, reasons = _read(f"{label};13,8\n1 Ngawi;1\n2 Magetan;2\n")
    assert codes == {label: code, "1 Ngawi": "3521", "2 Magetan": "3520"}
    assert reasons == {}


@pytest.mark.parametrize(
    "label", ["357 Pacitan", "[357] Pacitan", "357 - Pacitan", "357-Pacitan"]
)
def test_three_plain_digits_beyond_the_rows_are_unmatched(label: str) -> None:
    # 357 in a table of three rows: no row number, and no area code (two or
    # four digits; 357 may be 3573 with a digit missing): never matched to
    # 3501 with the number dropped.
    codes, reasons = _read(f"{label};13,8\nNgawi;1\nMagetan;2\n")
    assert codes == {label: None, "Ngawi": "3521", "Magetan": "3520"}
    assert reasons[label].startswith(_SUB.format(n="357", rows=3))
    assert "'357.', '357)' or '(357)'" in reasons[label]


def test_three_plain_digits_within_the_rows_are_row_numbers() -> None:
    # A numbered list of 101 rows: 1 to 11 name 3501 to 3511, rows 12 to
    # 100 name no region ("-", unmatched rows of the table), row 101 is
    # Kota Batu (3579): 101 is at most the 101 rows, a row number.
    body = "".join(f"{k} {n};1\n" for k, n in enumerate(_JATIM, start=1))
    body += "".join(f"{k} -;\n" for k in range(12, 101))
    codes, _ = _read(body + "101 Kota Batu;4\n")
    assert [codes[f"{k} {n}"] for k, n in enumerate(_JATIM, start=1)] == [
        f"35{k:02d}" for k in range(1, 12)
    ]
    assert codes["101 Kota Batu"] == "3579"
    # Numbered 102 in the same 101 rows: beyond them, unmatched.
    codes, reasons = _read(body + "102 Kota Batu;4\n")
    assert codes["102 Kota Batu"] is None
    assert reasons["102 Kota Batu"].startswith(_SUB.format(n="102", rows=101))


def test_the_rule_does_not_depend_on_row_order() -> None:
    body = ["357 Pacitan;1\n", "2 Ngawi;2\n", "1 Magetan;3\n"]
    one = _read("".join(body))
    other = _read("".join(reversed(body)))
    assert one == other
    assert one[0] == {"357 Pacitan": None, "2 Ngawi": "3521", "1 Magetan": "3520"}


@pytest.mark.parametrize("label", ["79 Pacitan", "11 Pacitan"])
def test_two_plain_digits_beyond_the_rows_are_unmatched(label: str) -> None:
    # Three rows numbered 1, 2 and 79 (or 11): not a run, and 79 > 3 rows,
    # so 79 is no row number; 79 is no province's code either (Pacitan is a
    # regency), and is Kota Batu's regency suffix (3579): never dropped.
    codes, reasons = _read(f"{label};13,8\n1 Ngawi;1\n2 Magetan;2\n")
    assert codes == {label: None, "1 Ngawi": "3521", "2 Magetan": "3520"}
    assert reasons[label].startswith(_SUB.format(n=label.split()[0], rows=3))


def test_two_digits_in_a_run_are_a_slice_of_a_list() -> None:
    # Rows 10, 11 and 12 of a longer list, in any order: list numbers,
    # though each is more than the table's three rows.
    codes, reasons = _read("12 Trenggalek;1\n10 Pacitan;13,8\n11 Ponorogo;2\n")
    assert codes == {
        "12 Trenggalek": "3503",
        "10 Pacitan": "3501",
        "11 Ponorogo": "3502",
    }
    assert reasons == {}


def test_two_digits_before_a_province_stay_its_code() -> None:
    # "35 Jawa Timur" in a table of two provinces: 35 > 2 rows, but 35 is
    # the province's code and is checked as one (it agrees).
    got = read_bps_table(
        io.StringIO("Provinsi;2023\n35 Jawa Timur;10\n11 Aceh;14\n"),
        locale="id",
        sep=";",
    )
    assert got.data["region_code"].tolist() == ["35", "11"]
