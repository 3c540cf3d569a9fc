"""read_bps_table: units alone under the years ("Jumlah dan Persentase")."""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    ("number", "rate"),
    [("(ribu jiwa)", "(persen)"), ("(rb jiwa)", "(%)")],
)
def test_units_alone_under_the_years_are_said_to_be_units(
    number: str, rate: str
) -> None:
    # 2022 and 2023 each over a number of poor and a rate: the row under
    # them names units, no groups; the message says so and how to label
    # the groups, never that labels are missing.
    text = (
        "Kabupaten/Kota;2022;;2023;\n"
        f";{number};{rate};{number};{rate}\n"
        "Pacitan;75,8;13,8;74,1;13,65\n"
    )
    with pytest.raises(ValueError, match="names units alone") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert repr(number) in said
    assert repr(rate) in said
    assert "'Jumlah (ribu jiwa)', 'Persentase (persen)'" in said
    assert "write the missing labels" not in said
