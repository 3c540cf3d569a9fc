"""check_change_statement's `levels_decimals` is in percent for fractions too.

BPS rates 4.37 % and 4.26 % stored as fractions (0.0437, 0.0426) were
published with 2 decimals in percent: ``levels_decimals=2``. The docstring
says so with this example.
"""

from __future__ import annotations

from povstat.statements import check_change_statement


def test_fraction_rates_with_levels_decimals_in_percent() -> None:
    # By hand: 4.37 % is [4.365, 4.375), 4.26 % is [4.255, 4.265), so the
    # fall lies in (0.100, 0.120) points; 0.112, stated to 3 decimals, is
    # inside: cannot tell.
    r = check_change_statement(
        0.0437,
        0.0426,
        0.112,
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=3,
        levels_decimals=2,
    )
    assert str(r.verdict) == "cannot tell"
    doc = check_change_statement.__doc__ or ""
    assert 'In percent even when\n        ``unit="fraction"``' in doc
