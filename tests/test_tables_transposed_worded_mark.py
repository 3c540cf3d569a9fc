"""A transposed table whose last round is marked in words (sheets18 H1).

BPS marks a provisional round "Maret 2026*)" or in words, "Maret 2026
(angka sementara)", "2026 (Sementara)". The row holds a value under every
region: a period with a note, not a line below the table. The advice's
slice must keep it (as for "2025*)"), and name the words as the mark to
move; followed to the end (slice, then write the period alone), the
source's values are read, the marked round's included.

Figures: P0, Jumlah, bps_p0_prov_2007_2026.csv (copied by hand): Jawa
Tengah 9.48 / 9.39 / 9.21 (Maret 2025, September 2025, Maret 2026), DI
Yogyakarta 10.23 / 10.08 / 9.7, Jawa Timur 9.5 / 9.3 / 9.06.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

from povstat import read_bps_table

_REGIONS = ("Jawa Tengah", "DI Yogyakarta", "Jawa Timur")
_ROUNDS = [
    ("Maret 2025", (9.48, 10.23, 9.5)),
    ("September 2025", (9.39, 10.08, 9.3)),
    ("Maret 2026", (9.21, 9.7, 9.06)),
]


def _text(last: str) -> str:
    rows = [(p if k < 2 else last, v) for k, (p, v) in enumerate(_ROUNDS)]
    return (
        "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen),,,\n"
        "Periode,"
        + ",".join(_REGIONS)
        + "\n"
        + "".join(f"{p}," + ",".join(map(str, v)) + "\n" for p, v in rows)
        + ",,,\nSumber: Badan Pusat Statistik,,,\n"
    )


def _expected() -> list[tuple[str, int, int, float]]:
    out = []
    for p, vs in _ROUNDS:
        month = 3 if p.startswith("Maret") else 9
        out += [(r, int(p[-4:]), month, v) for r, v in zip(_REGIONS, vs, strict=True)]
    return sorted(out)


def _read(frame: pd.DataFrame) -> list[tuple[str, int, int, float]]:
    t = read_bps_table(frame, locale="en")
    assert t.invalid == ()
    cols = ["label", "year", "month", "value"]
    return sorted(
        (str(a), int(b), int(c), float(d))
        for a, b, c, d in t.data[cols].itertuples(index=False)
    )


@pytest.mark.parametrize(
    ("last", "mark"),
    [
        ("Maret 2026 (angka sementara)", "(angka sementara)"),
        ("Maret 2026 (sementara)", "(sementara)"),
        ("Maret 2026 (prelim)", "(prelim)"),
    ],
)
def test_file_advice_keeps_a_round_marked_in_words(
    tmp_path: Path, last: str, mark: str
) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_text(last), encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="en")
    message = str(info.value)
    assert f"df.loc[:{last!r}].T.reset_index()" in message
    assert "such as 'Sumber: Badan Pusat Statistik'" in message
    assert f"move the mark {mark!r} to a note below the table first" in message
    assert "leaving 'Maret 2026'" in message
    # Followed as printed: the slice keeps the marked round, which is then
    # refused loudly for its words (never dropped).
    df = pd.read_csv(path, skiprows=1, index_col=0, dtype=str, keep_default_na=False)
    with pytest.raises(ValueError, match="write the round and the year alone"):
        read_bps_table(df.loc[:last].T.reset_index(), locale="en")
    # The mark moved, leaving 'Maret 2026': every source value.
    df = df.rename(index={last: "Maret 2026"})
    assert _read(df.loc[:"Maret 2026"].T.reset_index()) == _expected()


def test_frame_advice_keeps_a_round_marked_in_words() -> None:
    last = "Maret 2026 (angka sementara)"
    text = _text(last)
    frame = pl.read_csv(io.StringIO(text), infer_schema=False)
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(frame, locale="en")
    message = str(info.value)
    assert f"to the table's last period {last!r}" in message
    assert "df.iloc[0:4].T.reset_index(drop=True)" in message
    df = frame.to_pandas()
    with pytest.raises(ValueError, match="write the round and the year alone"):
        read_bps_table(df.iloc[0:4].T.reset_index(drop=True), locale="en")
    df.iloc[3, 0] = "Maret 2026"  # the mark moved, as advised
    assert _read(df.iloc[0:4].T.reset_index(drop=True)) == _expected()


def test_a_year_marked_in_words_is_kept() -> None:
    # Annual rounds "2024", "2025", "2026 (Sementara)" (the same figures
    # standing for years): the slice ends at the marked year, not '2025'.
    text = _text("2026 (Sementara)").replace("Maret 2025", "2024")
    text = text.replace("September 2025", "2025")
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(io.StringIO(text), locale="en")
    message = str(info.value)
    assert "df.loc[:'2026 (Sementara)'].T.reset_index()" in message
    assert "move the mark '(Sementara)' to a note below the table first" in message
    df = pd.read_csv(
        io.StringIO(text), skiprows=1, index_col=0, dtype=str, keep_default_na=False
    )
    with pytest.raises(ValueError, match="2026"):
        read_bps_table(df.loc[:"2026 (Sementara)"].T.reset_index(), locale="en")
    df = df.rename(index={"2026 (Sementara)": "2026"})
    t = read_bps_table(df.loc[:"2026"].T.reset_index(), locale="en")
    got = sorted(zip(t.data["year"].tolist(), t.data["value"].tolist(), strict=True))
    assert got == sorted(
        (year, v)
        for year, (_, vs) in zip((2024, 2025, 2026), _ROUNDS, strict=True)
        for v in vs
    )


def test_a_worded_note_line_without_values_stays_below_the_table() -> None:
    # A line below the table reading like a marked year but holding no
    # values is still a line below the table: the slice ends at the last
    # round with values.
    text = _text("Maret 2026").replace(
        "Sumber: Badan Pusat Statistik,,,", "2026 (angka sementara),,,"
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(io.StringIO(text), locale="en")
    message = str(info.value)
    assert "df.loc[:'Maret 2026'].T.reset_index()" in message
    assert "holds a note mark" not in message
