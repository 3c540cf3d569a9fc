"""read_bps_table: DKI's bilingual and the old headings of a section of cities.

"Kota Administrasi/Administrative City" (BPS's bilingual DKI Jakarta
tables) and the old "KOTAMADYA DATI II", "KOTAMADYA DAERAH TINGKAT II" are
headings of cities, as "Kota/City" and "Kota Administrasi" are: a bare name
below them is the city, never the regency of the section above.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    "heading",
    [
        "Kota Administrasi/Administrative City",
        "Administrative City",
        "KOTAMADYA DATI II",
        "KOTAMADYA DAERAH TINGKAT II",
    ],
)
def test_a_bare_name_below_the_heading_is_the_city(heading: str) -> None:
    # Pacitan under KABUPATEN: Kabupaten Pacitan 3501. Blitar under the
    # heading: Kota Blitar 3572 (before, the row was no heading, and Blitar
    # was Kabupaten Blitar 3505, carried from KABUPATEN).
    text = (
        "Persentase Penduduk Miskin\nKabupaten/Kota;2023\n"
        f"KABUPATEN;\nPacitan;13,8\n{heading};\nBlitar;7,10\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, province="Jawa Timur"
    )
    codes = t.data["region_code"].tolist()
    assert codes[1] == "3501"
    assert codes[3] == "3572"
