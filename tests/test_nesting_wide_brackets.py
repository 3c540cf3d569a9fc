"""A code before the name in other brackets or after "Kode" is read when nesting.

"\uff083579\uff09Kota Batu", "\uff3b35\uff3d Jawa Timur",
"\u30103579\u3011Kota Batu", "(Kode 3579) Kota Batu", "Kode 3579 Kota
Batu" and, after the name, "Kota Batu\u30103579\u3011" are read as the
ASCII-bracket forms are (Kota Batu 3579 in Jawa Timur 35; 3573 is Kota
Malang).

Figures (March 2023, povstat.datasets.load_indonesia, total area): Jawa
Timur (35) 4,188.81 thousand poor; Kabupaten Pacitan (3501) 76.20,
Kabupaten Banyuwangi (3510) 119.52, Kota Batu (3579) 7.10; so a group of
both would count Kota Batu twice, 4,188.81 + 7.10 = 4,195.91.
"""

from __future__ import annotations

import pytest

from nesting import one_period_frame as _frame
from nesting import pool as _pool


@pytest.mark.parametrize(
    ("province", "city"),
    [
        ("\uff0835\uff09Jawa Timur", "\uff083579\uff09Kota Batu"),
        ("\uff0835\uff09 Jawa Timur", "\uff083579\uff09 Kota Batu"),
        ("\uff3b35\uff3dJawa Timur", "\uff3b3579\uff3dKota Batu"),
        ("Jawa Timur", "\uff083579\uff09Kota Batu"),
        ("\uff0835\uff09Jawa Timur", "Kota Batu"),
        ("Jawa Timur", "\u30103579\u3011Kota Batu"),
        ("Jawa Timur", "Kota Batu\u30103579\u3011"),
        ("Jawa Timur", "(Kode 3579) Kota Batu"),
        ("Jawa Timur", "\uff08Kode 3579\uff09Kota Batu"),
        ("Jawa Timur", "Kode 3579 Kota Batu"),
        ("Kode 35 Jawa Timur", "Kota Batu"),
        ("Jawa Timur", "[3579]Kota Batu"),
    ],
)
def test_codes_before_the_name_in_other_brackets(province: str, city: str) -> None:
    df = _frame([province, city])
    with pytest.raises(ValueError, match="a province holds its regencies"):
        _pool(df, groups={"G": [province, city]})
    with pytest.raises(ValueError, match="a province holds its regencies"):
        _pool(df.assign(g="x"), by="g")


def test_a_code_after_kode_that_disagrees_is_not_read_as_the_name() -> None:
    # "Kode 3573" is Kota Malang, not Kota Batu: the label is left unread
    # (as "3573 Kota Batu" is), so nothing nested is found: 1 + 1 = 2.
    df = _frame(["Jawa Tengah", "Kode 3573 Kota Batu"])
    out = _pool(df, groups={"G": ["Jawa Tengah", "Kode 3573 Kota Batu"]})
    assert out.pooled_headcount.iloc[0] == pytest.approx(2.0)
