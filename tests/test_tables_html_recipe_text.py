"""read_bps_table: the HTML-as-.xls recipe keeps every cell as text (sheets20 J3).

A web site's "Excel" download that is an HTML table is refused with advice
to read it with pandas.read_html. The advice had read_html turn the cells
into numbers (``thousands='.', decimal=','`` for Indonesian), which reads a
figure typed in the other convention ("6.22" among "6,59") as 622, silently.
It now keeps every cell as text (``thousands=None``, a ``str`` converter for
each column of the table, counted from the file) and passes the frame to
read_bps_table with the numbers' locale, whose checks refuse that cell.
Each recipe is run exactly as printed.

Source: bps_poor_kabkota_2004_2025.csv (Ribu Jiwa), columns V (2024) and W
(2025): JAWA TIMUR 3982.69 / 3875.88 (line 244), Pacitan 73.03 / 72.47
(line 245), Kota Batu 6.59 / 6.22 (line 282); written as in Indonesian.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

pytest.importorskip("lxml")

_TITLE = "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota"
_ROWS = {
    "JAWA TIMUR": ("3.982,69", "3.875,88"),
    "Pacitan": ("73,03", "72,47"),
    "Kota Batu": ("6,59", "6,22"),
}


def _html(rows: dict[str, tuple[str, str]], *, head: str) -> str:
    body = "".join(
        f"<tr><td>{name}</td><td>{a}</td><td>{b}</td></tr>"
        for name, (a, b) in rows.items()
    )
    return f"<html><body><table>{head}{body}</table></body></html>"


# The header as web sites write it: a title merged over the years, or a
# heading row of <th> cells.
_HEADS = {
    "merged-title": (
        "<tr><td>Provinsi/Kabupaten/Kota</td><td colspan=2>"
        f"{_TITLE}</td></tr><tr><td></td><td>2024</td><td>2025</td></tr>"
    ),
    "th-row": (
        "<thead><tr><th>Provinsi/Kabupaten/Kota</th><th>2024</th>"
        "<th>2025</th></tr></thead>"
    ),
}


def _follow(path: Path) -> pd.DataFrame:
    with pytest.raises(ValueError, match="an HTML page or table") as err:
        read_bps_table(path, locale="id", month=3)
    said = str(err.value)
    code = re.search(r"pd\.read_html\(path, .*?\)\[0\]", said)
    assert code is not None, said
    assert "converters={0: str, 1: str, 2: str}" in code[0]
    frame = eval(code[0], {"pd": pd, "path": path})
    assert isinstance(frame, pd.DataFrame)
    return frame


@pytest.mark.parametrize("head", list(_HEADS))
def test_followed_it_reads_the_source_values(tmp_path: Path, head: str) -> None:
    path = tmp_path / "poor.xls"
    path.write_text(_html(_ROWS, head=_HEADS[head]), encoding="utf-8")
    t = read_bps_table(_follow(path), locale="id", month=3)
    got = {(r.label, r.year): r.value for r in t.data.itertuples()}
    assert got == {
        ("JAWA TIMUR", 2024): 3982.69,
        ("JAWA TIMUR", 2025): 3875.88,
        ("Pacitan", 2024): 73.03,
        ("Pacitan", 2025): 72.47,
        ("Kota Batu", 2024): 6.59,
        ("Kota Batu", 2025): 6.22,
    }


@pytest.mark.parametrize("head", list(_HEADS))
def test_a_figure_in_the_other_convention_is_refused(tmp_path: Path, head: str) -> None:
    # Kota Batu 2025 typed "6.22" (as in English) among Indonesian figures:
    # read_html's own conversion gave 622 thousand; povstat names the cell.
    rows = dict(_ROWS)
    rows["Kota Batu"] = ("6,59", "6.22")
    path = tmp_path / "poor.xls"
    path.write_text(_html(rows, head=_HEADS[head]), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape("'6.22'")) as err:
        read_bps_table(_follow(path), locale="id", month=3)
    assert "not a number in locale 'id'; in locale 'en' it would read 6.22" in str(
        err.value
    )
