"""Transposed table whose periods carry a note mark ("2025*)"), advice
followed as printed (sheets16 F1).

BPS marks a provisional year "2025*)" with "*) angka sementara" below the
table. The advice's slice (``.loc[:'...']``, which leaves out the lines
below the table) must count the marked row as a period, not as a line
below the table: followed, it keeps the marked year, and the turned table
is refused loudly for the mark (never read without 2025's values).

Figures: P0 (Persen), March, bps_p0_kabkota_2004_2025.csv: JAWA TIMUR
10.35 / 9.79 / 9.50 (2023-2025), Pacitan 13.65 / 13.08 / 12.97, Kota Batu
3.31 / 3.06 / 2.86 (copied by hand from the source file).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

_P0 = {
    "JAWA TIMUR": (10.35, 9.79, 9.50),
    "Pacitan": (13.65, 13.08, 12.97),
    "Kota Batu": (3.31, 3.06, 2.86),
}
_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen),,,\n"


def _table(marks: tuple[str, str, str], title: bool = True) -> str:
    rows = "".join(
        f"{year}{mark}," + ",".join(f"{v[k]:.2f}" for v in _P0.values()) + "\n"
        for k, (year, mark) in enumerate(
            zip(("2023", "2024", "2025"), marks, strict=True)
        )
    )
    return (
        (_TITLE if title else "")
        + "Tahun,JAWA TIMUR,Pacitan,Kota Batu\n"
        + rows
        + ",,,\n*) angka sementara,,,\n"
    )


def _expected() -> list[tuple[str, int, float]]:
    return sorted(
        (name, 2023 + k, v) for name, vs in _P0.items() for k, v in enumerate(vs)
    )


def _read(frame: pd.DataFrame) -> list[tuple[str, int, float]]:
    t = read_bps_table(frame, locale="en", month=3)
    assert t.invalid == ()
    return sorted(
        (str(a), int(b), float(c))
        for a, b, c in t.data[["label", "year", "value"]].itertuples(index=False)
    )


def _unmark(frame: pd.DataFrame) -> pd.DataFrame:
    # What the message says: move the mark to a note (here: drop it from
    # the year, the note "*) angka sementara" is already below the table).
    out = frame.copy()
    out.index = pd.Index([str(s)[:4] for s in out.index])
    return out


@pytest.mark.parametrize(
    "marks",
    [("", "", "*)"), ("", "", "*"), ("", "", "\u00b9"), ("", "*", "**")],
)
def test_file_advice_keeps_the_marked_last_period(
    tmp_path: Path, marks: tuple[str, str, str]
) -> None:
    path = tmp_path / "trn_mark.csv"
    path.write_text(_table(marks), encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="en", month=3)
    message = str(info.value)
    last = f"2025{marks[2]}"
    cut = re.search(r"pass df\.loc\[:'([^']*)'\]\.T\.reset_index\(\)", message)
    assert cut is not None
    assert cut[1] == last
    assert "such as '*) angka sementara'" in message
    assert f"{last!r} holds a note mark" in message or (
        f"'2024{marks[1]}' holds a note mark" in message
    )
    # As printed: skiprows=1 (the title), index_col=0.
    df = pd.read_csv(path, skiprows=1, index_col=0, dtype=str, keep_default_na=False)
    sliced = df.loc[: cut[1]]
    assert list(sliced.index) == [f"2023{marks[0]}", f"2024{marks[1]}", last]
    # Followed as printed: refused loudly for the mark, never read short.
    with pytest.raises(ValueError, match="a note mark"):
        read_bps_table(sliced.T.reset_index(), locale="en", month=3)
    # The mark moved, as the message says: all nine source values.
    assert _read(_unmark(sliced).T.reset_index()) == _expected()


def test_frame_advice_keeps_the_marked_last_period() -> None:
    df = pd.read_csv(
        io.StringIO(_table(("", "", "*)"), title=False)),
        dtype=str,
        keep_default_na=False,
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(df, locale="en", month=3)
    message = str(info.value)
    assert "df.set_index(df.columns[0]).loc[:'2025*)'].T.reset_index()" in message
    sliced = df.set_index(df.columns[0]).loc[:"2025*)"]
    with pytest.raises(ValueError, match="a note mark"):
        read_bps_table(sliced.T.reset_index(), locale="en", month=3)
    assert _read(_unmark(sliced).T.reset_index()) == _expected()


def test_unmarked_table_advice_unchanged() -> None:
    # No mark: the slice ends at the bare last year and reads the nine values.
    df = pd.read_csv(
        io.StringIO(_table(("", "", ""), title=False)),
        dtype=str,
        keep_default_na=False,
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(df, locale="en", month=3)
    assert "holds a note mark" not in str(info.value)
    assert "loc[:'2025']" in str(info.value)
    assert _read(df.set_index(df.columns[0]).loc[:"2025"].T.reset_index()) == (
        _expected()
    )


# --- a marked round ("Maret 2026*)"), sheets17 G1 ---------------------------------

# P0 (Jumlah) by province, bps_p0_prov_2007_2026.csv, March and September
# 2025 and March 2026 (copied by hand from the source file).
_ROUNDS = {
    "Jawa Tengah": (9.48, 9.39, 9.21),
    "DI Yogyakarta": (10.23, 10.08, 9.7),
    "Jawa Timur": (9.5, 9.3, 9.06),
}
_PERIODS = ((2025, 3), (2025, 9), (2026, 3))


def _round_table(last: str) -> str:
    rows = "".join(
        f"{label}," + ",".join(f"{v[k]:g}" for v in _ROUNDS.values()) + "\n"
        for k, label in enumerate(("Maret 2025", "September 2025", last))
    )
    return (
        "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen),,,\n"
        "Periode,Jawa Tengah,DI Yogyakarta,Jawa Timur\n" + rows + ",,,\n"
        "*) angka sementara,,,\n"
    )


def _round_expected() -> list[tuple[str, int, int, float]]:
    return sorted(
        (name, *_PERIODS[k], v)
        for name, vs in _ROUNDS.items()
        for k, v in enumerate(vs)
    )


def _read_rounds(frame: pd.DataFrame) -> list[tuple[str, int, int, float]]:
    t = read_bps_table(frame, locale="en")
    assert t.invalid == ()
    return sorted(
        (str(a), int(b), int(c), float(d))
        for a, b, c, d in t.data[["label", "year", "month", "value"]].itertuples(
            index=False
        )
    )


@pytest.mark.parametrize(
    "last",
    [
        "Maret 2026*)",
        "Maret 2026*",
        "Maret 2026 r)",
        "Maret 2026\u00b9",
        "Maret 2026 *)",
        "Semester 1 (Maret) 2026*)",
    ],
)
def test_file_advice_keeps_a_marked_last_round(tmp_path: Path, last: str) -> None:
    path = tmp_path / "rounds.csv"
    path.write_text(_round_table(last), encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="en")
    message = str(info.value)
    cut = re.search(r"pass df\.loc\[:'([^']*)'\]\.T\.reset_index\(\)", message)
    assert cut is not None
    assert cut[1] == last
    assert "such as '*) angka sementara'" in message
    assert f"{last!r} holds a note mark" in message
    df = pd.read_csv(path, skiprows=1, index_col=0, dtype=str, keep_default_na=False)
    sliced = df.loc[: cut[1]]
    # Followed as printed: the marked round kept, and refused for its mark.
    assert list(sliced.index)[-1] == last
    with pytest.raises(ValueError, match="a note mark"):
        read_bps_table(sliced.T.reset_index(), locale="en")
    # The mark moved to the note below, as said: the nine source values.
    unmarked = sliced.rename(index={last: last.split("2026")[0] + "2026"})
    assert _read_rounds(unmarked.T.reset_index()) == _round_expected()


def test_frame_advice_keeps_a_marked_last_round() -> None:
    # The title line as the frame's column labels (pandas' default): the
    # rows from the header row to the marked round, by position.
    df = pd.read_csv(
        io.StringIO(_round_table("Maret 2026*)")), dtype=str, keep_default_na=False
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(df, locale="en")
    message = str(info.value)
    assert "to the table's last period 'Maret 2026*)'" in message
    assert "pandas df.iloc[0:4].T.reset_index(drop=True)" in message
    turned = df.iloc[0:4].T.reset_index(drop=True)
    with pytest.raises(ValueError, match="a note mark"):
        read_bps_table(turned, locale="en")
    fixed = df.copy()
    fixed.iloc[3, 0] = "Maret 2026"
    assert _read_rounds(fixed.iloc[0:4].T.reset_index(drop=True)) == _round_expected()
