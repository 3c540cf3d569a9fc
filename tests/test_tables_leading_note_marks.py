"""read_bps_table: a note mark before a label is one written with symbols.

A note mark before a region's name or a heading's label is read past when
it is one the marks after a name are read as (stars, daggers, raised or
lowered marks, symbols, a caret), bracketed as after a name: "(†) Kota
Batu" is Kota Batu (3579) as "(*) Kota Batu" is, and "¹Kota Batu" too. A
typed number before a name stays a list's ("1) Kota Batu"), and three
raised digits are no mark ("³⁵⁷⁹Kota Batu" holds stray digits), as after a
name.

BPS area codes: Kota Batu 3579, Kota Malang 3573, Pacitan 3501, Kota
Kediri 3571 (Kabupaten Kediri 3506), Kota Madiun 3577 (Kabupaten Madiun
3519).
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


def _read(label: str) -> tuple[list[str | None], list[str]]:
    text = f"Kabupaten/Kota;2023\n{label};3,5\nKota Malang;4,1\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    codes = t.data["region_code"].astype(object)
    return codes.where(codes.notna(), None).tolist(), list(
        t.unmatched.get("reason", [])
    )


@pytest.mark.parametrize(
    "label",
    [
        "*Kota Batu",
        "(*) Kota Batu",
        "\u2020)Kota Batu",
        # Before, these were unmatched: "(†)" was no leading mark, and
        # "¹Kota Batu" was refused with a reason naming '¹' as a mark.
        "(\u2020) Kota Batu",
        "\u00b9Kota Batu",
        "\u00b9 Kota Batu",
        "\u207d\u00b9\u207eKota Batu",
        "\u1d43 Kota Batu",
        "^1 Kota Batu",
        "1) Kota Batu",
    ],
)
def test_a_mark_before_a_name_is_read_past(label: str) -> None:
    codes, reasons = _read(label)
    assert codes == ["3579", "3573"]
    assert reasons == []


def test_three_raised_digits_before_a_name_are_no_mark() -> None:
    codes, reasons = _read("\u00b3\u2075\u2077\u2079Kota Batu")
    assert codes[1] == "3573"
    assert codes[0] is None
    assert len(reasons) == 1
    assert "'\u00b3\u2075\u2077\u2079'" in reasons[0]
    assert "no footnote mark" in reasons[0]


@pytest.mark.parametrize("heading", ["(*) KOTA", "\u00b9KOTA", "(\u2020) Kota"])
def test_a_mark_before_a_heading_is_read_past(heading: str) -> None:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        f"Pacitan,76.93,76.20\n{heading},,\nKediri,21.15,21.03\nMadiun,8.49,8.46\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].set_index("label")["region_code"]
    assert (d["Pacitan"], d["Kediri"], d["Madiun"]) == ("3501", "3571", "3577")
