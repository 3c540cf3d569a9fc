"""check_change_statement's `levels_decimals` is in percent for fractions too.

BPS rates 4.37 % and 4.26 % stored as fractions (0.0437, 0.0426) were
published with 2 decimals in percent: ``levels_decimals=2``, as the
docstring says.
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


def test_fraction_rates_with_more_levels_decimals_in_percent() -> None:
    # The contrast that shows the unit: levels_decimals=4 in percent reads
    # 4.37 % as [4.36995, 4.37005) and 4.26 % as [4.25995, 4.26005), so the
    # fall lies in (0.11 - 0.0001, 0.11 + 0.0001) = (0.1099, 0.1101); 0.112
    # at 3 decimals is [0.1115, 0.1125), outside it: does not hold. Read in
    # the fractions' unit, 4 decimals of 0.0437 would be [0.04365, 0.04375),
    # the 2 decimals in percent above, and give "cannot tell".
    r = check_change_statement(
        0.0437,
        0.0426,
        0.112,
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=3,
        levels_decimals=4,
    )
    assert str(r.verdict) == "does not hold"
