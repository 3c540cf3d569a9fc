"""A column of remarks or codes in the header: advice to leave it out.

"Keterangan", "Catatan", "Ket." (remarks) or "Kode" (area codes) head a
column that holds no values; the header error says so and advises leaving
the column out, not only that the heading names no period.
"""

from __future__ import annotations

import io

import pytest

import povstat as ps


@pytest.mark.parametrize(
    ("text", "head", "what"),
    [
        (
            "Kabupaten/Kota;2022;2023;Keterangan\nPacitan;13,8;13,65;\n"
            "Kota Batu;4,1;4,0;angka sementara\n",
            "Keterangan",
            "remarks",
        ),
        ("Kabupaten/Kota;2022;Catatan\nPacitan;13,8;x\n", "Catatan", "remarks"),
        ("Kabupaten/Kota;2022;Ket.\nPacitan;13,8;x\n", r"Ket\.", "remarks"),
        ("Kabupaten/Kota;Kode;2022\nPacitan;3501;13,8\n", "Kode", "codes"),
        (
            "Kabupaten/Kota;Kode Wilayah;2022\nPacitan;3501;13,8\n",
            "Kode Wilayah",
            "codes",
        ),
    ],
)
def test_remarks_and_code_columns_get_leave_out_advice(
    text: str, head: str, what: str
) -> None:
    with pytest.raises(
        ValueError,
        match=rf"\['{head}'\] name no period.*'{head}' heads a column of {what}, "
        r"not of values: leave the column out .*usecols",
    ):
        ps.read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_other_headings_get_no_such_advice() -> None:
    # "Tahun Dasar" is neither remarks nor codes: the plain header error.
    with pytest.raises(ValueError, match="name no period") as e:
        ps.read_bps_table(
            io.StringIO("Kabupaten/Kota;2022;Tahun Dasar\nPacitan;13,8;x\n"),
            locale="id",
            sep=";",
        )
    assert "leave the column out" not in str(e.value)


def test_the_advice_followed_reads_the_table() -> None:
    # Without the remarks column: Pacitan 13.8 and 13.65 (2022, 2023).
    t = ps.read_bps_table(
        io.StringIO("Kabupaten/Kota;2022;2023\nPacitan;13,8;13,65\n"),
        locale="id",
        sep=";",
    )
    assert t.data["value"].tolist() == [13.8, 13.65]


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_value_name_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match=r"`value_name` must name the value column"):
        ps.read_bps_table(
            io.StringIO("Kabupaten/Kota;2022\nPacitan;13,8\n"),
            locale="id",
            sep=";",
            value_name=name,
        )
