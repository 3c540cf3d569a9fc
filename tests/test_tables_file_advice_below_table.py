"""File advice followed as printed: HTML saved as .xls, a transposed table
with lines below it.

HTML: pandas.read_html keeping every cell as text (``thousands=None``, a
``str`` converter for each column: sheets20 J3, where its own conversion read
a "9.5" typed among "9,79" as 95), so the frame is read with the locale its
numbers are written in, as the advice says.

Transposed: BPS's time-series layout (periods down, regions across) with
its title above and its source line ("Sumber: ...") or a footnote below:
the advice leaves the lines below out (``.loc[:'2025']``), which would
otherwise become columns naming no period once turned.

Figures: P0 (Persen), March, bps_p0_kabkota_2004_2025.csv: JAWA TIMUR
10.35 / 9.79 / 9.50 (2023-2025), Pacitan 13.65 / 13.08 / 12.97, Kota Batu
3.31 / 3.06 / 2.86. GK (Rupiah/Kapita/Bulan), March 2024 and 2025,
bps_gk_kabkota_2024.csv / _2025.csv: JAWA TIMUR 536122 / 558029, Pacitan
370643 / 386174.
"""

from __future__ import annotations

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


def _html(title: str, rows: dict[str, tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td>{name}</td><td>{a}</td><td>{b}</td></tr>"
        for name, (a, b) in rows.items()
    )
    return (
        "<html><body><table><tr><td rowspan=2>Provinsi/Kabupaten/Kota</td>"
        f"<td colspan=2>{title}</td></tr><tr><td>2024</td><td>2025</td></tr>"
        f"{body}</table></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "rows", "expected"),
    [
        (
            "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)",
            {n: (f"{v[1]:.2f}".replace(".", ","), "-") for n, v in _P0.items()},
            {n: v[1] for n, v in _P0.items()},
        ),
        (
            "Garis Kemiskinan Menurut Kabupaten/Kota (Rupiah/Kapita/Bulan)",
            {
                "JAWA TIMUR": ("536.122,00", "558.029,00"),
                "Pacitan": ("370.643,00", "-"),
            },
            {"JAWA TIMUR": 536122.0, "Pacitan": 370643.0},
        ),
    ],
)
def test_the_html_advice_followed_reads_indonesian_numbers(
    tmp_path: Path,
    title: str,
    rows: dict[str, tuple[str, str]],
    expected: dict[str, float],
) -> None:
    path = tmp_path / "p0.xls"
    path.write_text(_html(title, rows), encoding="utf-8")
    with pytest.raises(ValueError, match="an HTML page or table") as info:
        read_bps_table(path, locale="id", month=3)
    msg = str(info.value)
    assert "and pass the frame with the locale its numbers are written in" in msg
    pytest.importorskip("lxml")
    # As printed (every cell kept as text), with the numbers' locale.
    code = re.search(r"pd\.read_html\(path, .*?\)\[0\]", msg)
    assert code is not None, msg
    frame = eval(code[0], {"pd": pd, "path": path})
    t = read_bps_table(frame, locale="id", month=3)
    got = t.data[t.data["year"] == 2024].set_index("label")["value"].to_dict()
    assert got == expected


_TRANSPOSED = (
    "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen),,,\r\n"
    "Tahun,JAWA TIMUR,Pacitan,Kota Batu\r\n2023,10.35,13.65,3.31\r\n"
    "2024,9.79,13.08,3.06\r\n2025,9.50,12.97,2.86\r\n"
)


def _check_p0(t: object) -> None:
    data = t.data  # type: ignore[attr-defined]
    got = {(r.label, r.year): r.value for r in data.itertuples()}
    want = {
        (n, y): v
        for n, vs in _P0.items()
        for y, v in zip((2023, 2024, 2025), vs, strict=True)
    }
    assert got == want


@pytest.mark.parametrize(
    "below",
    [
        ",,,\r\nSumber: BPS Provinsi Jawa Timur,,,\r\n",
        "*) angka sementara,,,\r\n",
        "\r\nCatatan: 2025 angka sementara\r\n",
    ],
)
def test_the_transposed_advice_leaves_out_the_lines_below(
    tmp_path: Path, below: str
) -> None:
    path = tmp_path / "trn.csv"
    path.write_bytes((_TRANSPOSED + below).encode())
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(path, locale="en", month=3)
    msg = str(info.value)
    assert (
        "pandas.read_csv(..., skiprows=1, index_col=0, dtype=str, "
        "keep_default_na=False), and pass df.loc[:'2025'].T.reset_index()"
    ) in msg
    note = below.strip(",\r\n").split(",")[0]
    assert f"such as {note!r}" in msg
    # Followed as printed.
    df = pd.read_csv(path, skiprows=1, index_col=0, dtype=str, keep_default_na=False)
    _check_p0(read_bps_table(df.loc[:"2025"].T.reset_index(), locale="en", month=3))
    # The frame route: the file read with its header, turned as advised.
    frame = pd.read_csv(path, skiprows=1, dtype=str, keep_default_na=False)
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(frame, locale="en", month=3)
    assert "df.set_index(df.columns[0]).loc[:'2025'].T.reset_index()" in str(info.value)
    turned = frame.set_index(frame.columns[0]).loc[:"2025"].T.reset_index()
    _check_p0(read_bps_table(turned, locale="en", month=3))


def test_without_lines_below_the_advice_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "trn.csv"
    path.write_bytes(_TRANSPOSED.encode())
    with pytest.raises(ValueError, match="transposed") as info:
        read_bps_table(path, locale="en", month=3)
    assert "and pass df.T.reset_index();" in str(info.value)
    assert ".loc[" not in str(info.value)


def test_a_frames_column_labels_are_no_header_row(tmp_path: Path) -> None:
    # The frame turned without leaving out the source line: its column
    # labels (the frame's, which the file has no row of) name no period.
    path = tmp_path / "trn.csv"
    path.write_bytes((_TRANSPOSED + "Sumber: BPS Provinsi Jawa Timur,,,\r\n").encode())
    df = pd.read_csv(path, skiprows=1, index_col=0, dtype=str, keep_default_na=False)
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(df.T.reset_index(), locale="en", month=3)
    msg = str(info.value)
    assert msg.startswith(
        "column labels: ['Sumber: BPS Provinsi Jawa Timur'] name no period"
    )
    assert not re.search(r"header row 'columns", msg)
