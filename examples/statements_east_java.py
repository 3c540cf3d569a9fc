"""
Checking published statements about poverty in East Java, 2023-2025
===================================================================

Local news in East Java restates BPS poverty figures every year, and the
slips it makes are few in kind: a rate's change in points called "percent", a
count's change given in "percentage points", a rate applied to the wrong
population, a figure of another year or of another region (Indonesia's for
East Java's), a count misread by a power of ten, two digits swapped.

This example takes real statements from 2023-2025 news reports (sources in
``povstat.datasets.east_java_sources()``, role "statement" and
"cross-check"), adds a few statements built from the BPS figures to show the
kinds of slip the news sample lacks (marked "constructed"), puts them all in
one frame, and checks them in one call of
:func:`povstat.statements.check_statements` against the BPS figures shipped
with povstat for all of Indonesia (:func:`povstat.datasets.load_indonesia`).
A wrong figure is traced to the cell of that table it came from
(:func:`povstat.tracing.trace_figure`): another year, another region (the
province's, or Indonesia's), a power of ten, or swapped digits.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from povstat import implied_population, round_half_up
from povstat.datasets import load_indonesia
from povstat.statements import check_statements


def main() -> None:
    data = load_indonesia()
    # One row per region and survey round (the whole of each region, not its
    # urban or rural part): key on the region's name and the round's date.
    data = data[data["area"] == "total"].rename(columns={"region_name": "region"})
    march = {y: pd.Timestamp(f"{y}-03-01") for y in range(2015, 2026)}
    sep_2022 = pd.Timestamp("2022-09-01")

    def population(region: str, when: pd.Timestamp) -> float:
        """Persons the BPS rate is a share of: implied by rate and poor count.

        A population is a number of persons: the implied one is rounded to
        whole persons (half up), as a story would write it.
        """
        row = data[(data["region"] == region) & (data["period"] == when)].iloc[0]
        n = implied_population(
            row["poverty_rate_pct"], row["poor_thousands"], unit="percent"
        )
        return float(round_half_up(float(n) * 1000, 0))

    rows = [
        # (source, statement, kind, fields)
        (
            "Ketik / SuryaMalang, 2023-10-24",
            "Kota Malang's poverty rate fell 0.11 percent (2022 -> 2023)",
            "change",
            dict(
                region="Kota Malang",
                period_before=march[2022],
                period_after=march[2023],
                stated=0.11,
                direction="fall",
                stated_as="percent",
                decimals=2,
            ),
        ),
        (
            "SuryaMalang, 2023-10-24",
            "Poverty in Kota Malang is still above its pre-pandemic (2019) level",
            "direction",
            dict(
                region="Kota Malang",
                period_before=march[2019],
                period_after=march[2023],
                direction="rise",
            ),
        ),
        (
            "Ngopibareng, 2023-10-24",
            "4.26 % of the 187,000 people on the register is about 9,000",
            "count",
            dict(
                region="Kota Malang",
                period=march[2023],
                base=187_000,
                stated=9_000,
                decimals=-3,
            ),
        ),
        (
            "Malang Posco Media, 2025-10-14",
            "Kota Malang's poverty rate fell 0.06 percent (2024 -> 2025)",
            "change",
            dict(
                region="Kota Malang",
                period_before=march[2024],
                period_after=march[2025],
                stated=0.06,
                direction="fall",
                stated_as="percent",
                decimals=2,
            ),
        ),
        (
            "said of 2023 and 2024 (e.g. Ketik, 2023-10-24); tested on 2025 here",
            "Kota Malang is second lowest in East Java after Kota Batu (2025 data)",
            "rank",
            dict(
                region="Kota Malang",
                period=march[2025],
                stated_rank=2,
                descending=False,
                after="Kota Batu",
                of=38,
            ),
        ),
        (
            "Kompas, 2025-05-15",
            "Kabupaten Probolinggo's poverty rate is 4th highest in East Java (2024)",
            "rank",
            dict(
                region="Kabupaten Probolinggo",
                period=march[2024],
                stated_rank=4,
                descending=True,
                of=38,
            ),
        ),
        (
            "Surya, 2025-11-16",
            "Lumajang's 8.60 % means 9,064 poor people (2025)",
            "count",
            dict(
                region="Kabupaten Lumajang",
                period=march[2025],
                base=population("Kabupaten Lumajang", march[2025]),
                stated=9_064,
                decimals=0,
            ),
        ),
        (
            "Realita, 2023-01-16",
            "East Java has 26.36 million poor people (September 2022)",
            "count",
            dict(
                region="Jawa Timur",
                period=sep_2022,
                base=population("Jawa Timur", sep_2022),
                stated=26_360_000,
                decimals=-4,
            ),
        ),
        (
            "Realita, 2023-01-16",
            "East Java has 26.36 million poor people (September 2022): whose figure?",
            "figure",
            dict(
                region="Jawa Timur",
                period=sep_2022,
                measure="poor_thousands",
                stated=26_360,  # thousand, to the nearest ten thousand
                decimals=-1,
            ),
        ),
        (
            "Surya, 2025-11-16",
            "Lumajang has 9,064 poor people (2025): where does 9,064 come from?",
            "figure",
            dict(
                region="Kabupaten Lumajang",
                period=march[2025],
                measure="poor_thousands",
                stated=9.064,  # thousand
                decimals=3,
            ),
        ),
        (
            "Pekaaksara, 2024-08-02 (one paragraph)",
            "Sumenep's poverty rate in 2023 was 18.76 %",
            "figure",
            dict(
                region="Kabupaten Sumenep",
                period=march[2023],
                measure="poverty_rate_pct",
                stated=18.76,
                decimals=2,
            ),
        ),
        (
            "1minute.id, 2024",
            "Gresik has 149.39 thousand poor people (2024)",
            "figure",
            dict(
                region="Kabupaten Gresik",
                period=march[2024],
                measure="poor_thousands",
                stated=149.39,
                decimals=2,
            ),
        ),
        (
            "constructed (BPS figures)",
            "The number of poor in Kabupaten Tuban fell 0.23 percent (2024 -> 2025)",
            "level_change",
            dict(
                region="Kabupaten Tuban",
                period_before=march[2024],
                period_after=march[2025],
                stated=0.23,
                direction="fall",
                stated_as="percent",
                decimals=2,
            ),
        ),
        (
            "constructed (BPS figures)",
            "Kabupaten Jember's poor rose 3.66 percentage points (2020 -> 2021)",
            "level_change",
            dict(
                region="Kabupaten Jember",
                period_before=march[2020],
                period_after=march[2021],
                stated=3.66,
                direction="rise",
                stated_as="points",
                decimals=2,
            ),
        ),
        (
            "constructed (BPS figures)",
            "Kota Malang's poverty line rose 5.53 % a year (2019 -> 2023)",
            "level_change",
            dict(
                region="Kota Malang",
                period_before=march[2019],
                period_after=march[2023],
                stated=5.53,
                direction="rise",
                stated_as="percent",
                decimals=2,
                measure="poverty_line_idr",
                per_year=True,
            ),
        ),
        (
            "constructed (BPS figures)",
            "Sumenep's 17.02 % means 18,848 poor people (2025)",
            "figure",
            dict(
                region="Kabupaten Sumenep",
                period=march[2025],
                measure="poor_thousands",
                stated=18.848,
                decimals=3,
            ),
        ),
        (
            "constructed (BPS figures)",
            "Kota Kediri had 19.24 thousand poor people in 2023",
            "figure",
            dict(
                region="Kota Kediri",
                period=march[2023],
                measure="poor_thousands",
                stated=19.24,
                decimals=2,
            ),
        ),
        (
            "constructed (BPS figures)",
            "Kota Kediri had 21.30 thousand poor people in 2023",
            "figure",
            dict(
                region="Kota Kediri",
                period=march[2023],
                measure="poor_thousands",
                stated=21.30,
                decimals=2,
            ),
        ),
        (
            "constructed (BPS figures)",
            "East Java's poverty rate in March 2023 was 9.36 %",
            "figure",
            dict(
                region="Jawa Timur",
                period=march[2023],
                measure="poverty_rate_pct",
                stated=9.36,
                decimals=2,
            ),
        ),
    ]
    statements = pd.DataFrame(
        [{"source": s, "statement": t, "kind": k, **f} for s, t, k, f in rows]
    )
    # Rank statements compare the regencies and cities of one province.
    kabkota = data["region_type"].isin(["kabupaten", "kota"])
    data["scope"] = data["region_type"].where(
        ~kabkota, data["province_name"] + " kab/kota"
    )
    checked = check_statements(
        statements,
        data,
        unit="percent",
        region="region",
        persons_per_poor_unit=1000,
        by="scope",
        parent="province_name",
    )
    for _, row in checked.iterrows():
        print(f"[{row['verdict']}] {row['statement']}")
        print(f"    source: {row['source']}")
        for line in textwrap.wrap(row["reason"], 84):
            print(f"    {line}")
    print()
    print(checked["verdict"].value_counts().to_string())


if __name__ == "__main__":
    main()
