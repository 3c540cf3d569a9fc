"""read_bps_table: the reasons given for unmatched labels, worded as written."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def _unmatched(body: str) -> tuple[dict[str, object], list[str]]:
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
    return codes, got.unmatched["reason"].tolist()


@pytest.mark.parametrize(
    ("label", "named"),
    [
        # The code of another region before a name with its kind: the name
        # is quoted as written, kind and all.
        ("3501  Kota Batu", "'Kota Batu' is 3579 Kota Batu (Jawa Timur)"),
        ("3501 Kab. Ngawi", "'Kab. Ngawi' is 3521 Kabupaten Ngawi (Jawa Timur)"),
        ("3579 Pacitan", "'Pacitan' is 3501 Kabupaten Pacitan (Jawa Timur)"),
    ],
)
def test_a_conflicting_code_quotes_the_name_as_written(label: str, named: str) -> None:
    codes, reasons = _unmatched(f"{label};13,8\n")
    assert list(codes.values()) == [None]
    (reason,) = reasons
    assert reason.startswith("the code 35")
    # A code of a region of the name's kind and province may be BPS's
    # numbering: the reason goes on to say so (see test_tables_bps_regency_codes).
    assert reason.split("; BPS numbers")[0].endswith(f"but the name {named}")


@pytest.mark.parametrize("label", ["", "  "])
def test_an_empty_label_with_values_is_said_to_be_empty(label: str) -> None:
    # A row of values under no name: unmatched (kept, never dropped), its
    # reason saying the label is empty, not "no region of this name".
    codes, reasons = _unmatched(f"{label};13,8\nPacitan;5\n")
    assert list(codes.values()) == [None, "3501"]
    assert reasons == [
        "the label is empty: write the region's name in the first column"
    ]


@pytest.mark.parametrize(
    ("label", "code", "mark"),
    [
        # One or two digits, raised or lowered, as typed ("1)", "12)"): a
        # footnote mark, set apart; Pacitan is 3501.
        ("Pacitan\u00b9", "3501", "\u00b9"),
        ("Pacitan\u00b9\u00b2", "3501", "\u00b9\u00b2"),
        ("Pacitan\u2081\u2082", "3501", "\u2081\u2082"),
        ("Pacitan 12)", "3501", "12)"),
    ],
)
def test_a_mark_of_one_or_two_digits_is_a_footnote(
    label: str, code: str, mark: str
) -> None:
    got = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2023\n{label};13,8\n"), locale="id", sep=";"
    )
    assert got.data["region_code"].tolist() == [code]
    assert got.data["footnote"].tolist() == [mark]


@pytest.mark.parametrize(
    ("label", "held"),
    [
        # Three or four digits, raised, lowered or typed: no mark (a year,
        # a code), so the row is unmatched with the digits quoted, the same
        # rule for all.
        ("Pacitan\u00b3\u2075\u2077\u00b3", "\u00b3\u2075\u2077\u00b3"),
        ("Pacitan\u00b2\u2070\u00b2\u00b2", "\u00b2\u2070\u00b2\u00b2"),
        ("Pacitan\u00b9\u00b2\u00b3", "\u00b9\u00b2\u00b3"),
        ("Pacitan\u2081\u2082\u2083", "\u2081\u2082\u2083"),
        ("Pacitan 2022)", "2022)"),
        ("Pacitan 123)", "123)"),
    ],
)
def test_three_or_more_digits_are_no_mark(label: str, held: str) -> None:
    codes, reasons = _unmatched(f"{label};13,8\n")
    assert codes == {label: None}
    (reason,) = reasons
    assert reason.startswith(f"the label holds {held!r}, which is part of no region")
    assert "a mark of digits has one or two, typed or raised" in reason
