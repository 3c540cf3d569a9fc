"""read_bps_table: an unclosed quote is refused wherever its row sits."""

from __future__ import annotations

import io
import itertools

import pytest

from povstat import read_bps_table

ROWS = ['"Kota Batu;4,1', "Pacitan;13,8", "Kabupaten Malang;9,5"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_an_unclosed_quote_is_refused_in_every_row_order(
    order: tuple[int, ...],
) -> None:
    # Whether the quoted row comes first, in the middle or last, the quote
    # opened in it is never closed: the same refusal naming the quote.
    text = "Kabupaten/Kota;2022\n" + "\n".join(ROWS[k] for k in order) + "\n"
    line = 2 + order.index(0)  # the header is line 1
    with pytest.raises(ValueError, match=rf'quote \("\) opened in line {line}'):
        read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")


@pytest.mark.parametrize("end", ["\n", ""])
def test_a_quote_opened_in_the_last_value_is_refused(end: str) -> None:
    text = f'Kabupaten/Kota;2022\nPacitan;13,8\nKota Batu;"4,1{end}'
    with pytest.raises(ValueError, match="opened in line 3 is never closed"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_a_quoted_label_over_two_lines_at_the_end_is_still_read() -> None:
    # The quote is closed: "Kota\nBatu" is one label, 4,1 its value.
    text = 'Kabupaten/Kota;2022\nPacitan;13,8\n"Kota\nBatu";4,1\n'
    got = read_bps_table(io.StringIO(text), locale="id", sep=";").data
    assert sorted(got["value"].tolist()) == [4.1, 13.8]
