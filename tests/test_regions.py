"""Region names and codes of all Indonesia, and reading tables with them."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat import BpsTable, read_bps_table
from povstat.datasets import indonesia_regions, load_indonesia

DATA = Path(__file__).resolve().parent / "data"


def _read(rows: str, **kw: object) -> pd.DataFrame:
    t = read_bps_table(io.StringIO(";2023\n" + rows), locale="id", sep=";", **kw)  # type: ignore[arg-type]
    return t.data


def _codes(rows: str, **kw: object) -> list[str]:
    return [str(c) for c in _read(rows, **kw)["region_code"]]


# --- the list -----------------------------------------------------------------


def test_the_list_has_every_region_once() -> None:
    r = indonesia_regions()
    assert len(r) == 552
    assert r["region_code"].is_unique
    counts = r["region_type"].value_counts().to_dict()
    # 38 provinces, 416 regencies and 98 cities (Kepmendagri 300.2.2-2138/2025).
    assert counts == {"kabupaten": 416, "kota": 98, "provinsi": 38}
    assert set(r["province_code"]) == set(
        r.loc[r["region_type"] == "provinsi", "region_code"]
    )
    kk = r[r["region_type"] != "provinsi"]
    assert (kk["region_code"].str[:2] == kk["province_code"]).all()
    # Cities are numbered from 71 within their province.
    assert (
        (kk["region_code"].str[2:].astype(int) >= 71) == (kk["region_type"] == "kota")
    ).all()
    # The 2022 split: the 26 regencies and cities of the 4 new provinces were in
    # Papua (91) or Papua Barat (92) before.
    moved = kk[kk["province_code"] != kk["province_code_before_split"]]
    assert len(moved) == 26
    assert set(moved["province_code_before_split"]) == {"91", "92"}
    assert set(moved["province_code"]) == {"93", "94", "95", "96"}
    # The list is the one read_bps_table matches against, and the one the data use.
    data = load_indonesia()[["region_code", "region_name"]].drop_duplicates()
    both = data.merge(r, on="region_code", suffixes=("", "_list"))
    assert len(both) == 552
    assert (both["region_name"] == both["region_name_list"]).all()


# --- BPS-style tables of two provinces ----------------------------------------


def test_north_sumatra_table_every_region_matched() -> None:
    # tests/data/SOURCES.md: BPS poor counts, names in many styles.
    t = read_bps_table(
        DATA / "bps_poor_sumatera_utara_2022_2024.csv",
        locale="id",
        sep=";",
        month=3,
        value_name="poor_thousands",
    )
    assert t.unmatched.empty
    assert t.invalid == ()
    d = t.data
    codes = d["region_code"].drop_duplicates()
    assert len(codes) == 34
    assert set(codes.str[:2]) == {"12"}
    named = d.drop_duplicates("region_code").set_index("label")["region_name"]
    assert named["Kab. Toba Samosir"] == "Kabupaten Toba"
    assert named["Kab Labuhanbatu"] == "Kabupaten Labuhanbatu"
    assert named["KOTA PEMATANGSIANTAR"] == "Kota Pematangsiantar"
    assert named["Kotamadya Medan"] == "Kota Medan"
    assert named["Provinsi Sumatera Utara"] == "Sumatera Utara"
    # Every value equals the bundled table (same BPS tables).
    ref = load_indonesia()
    ref = ref[ref["area"] == "total"]
    merged = d.merge(
        ref[["region_code", "year", "month", "poor_thousands"]],
        on=["region_code", "year", "month"],
        suffixes=("", "_ref"),
        validate="one_to_one",
    )
    assert len(merged) == 34 * 3
    np.testing.assert_array_equal(
        merged["poor_thousands"], merged["poor_thousands_ref"]
    )
    # Thousands grouping read as such: Sumatera Utara March 2023, 1.239,71.
    su = d[(d["region_code"] == "12") & (d["year"] == 2023)]
    assert su["poor_thousands"].tolist() == [1239.71]


def test_papua_pegunungan_table_every_region_matched() -> None:
    t = read_bps_table(
        DATA / "bps_p0_papua_pegunungan_2022_2025.csv",
        locale="id",
        sep=";",
        month=3,
        value_name="poverty_rate_pct",
    )
    assert t.unmatched.empty
    d = t.data
    assert sorted(d["region_code"].unique()) == [
        "95",
        *(f"950{i}" for i in range(1, 9)),
    ]
    nduga = d[d["region_code"] == "9508"]
    assert set(nduga["footnote"]) == {"*"}
    assert t.skipped["reason"].tolist() == ["title", "blank", "note"]
    ref = load_indonesia()
    ref = ref[(ref["area"] == "total") & ref["region_code"].str.startswith("95")]
    merged = d.merge(
        ref[["region_code", "year", "month", "poverty_rate_pct"]],
        on=["region_code", "year", "month"],
        how="left",
        suffixes=("", "_ref"),
    )
    # The province has no figure before 2024 ("-"), nor has the bundled table.
    np.testing.assert_array_equal(
        merged["poverty_rate_pct"], merged["poverty_rate_pct_ref"]
    )
    assert merged["poverty_rate_pct"].isna().sum() == 2


def test_papua_regencies_under_their_province_before_the_split() -> None:
    # The P1/P2 table (data-raw) lists them under PAPUA; "Merauke" is in Papua
    # Selatan today.
    d = _read("PAPUA;1\nMerauke;2\nKota Jayapura;3\nPAPUA BARAT;4\nKota Sorong;5\n")
    assert d["region_code"].tolist() == ["91", "9301", "9171", "92", "9671"]


# --- the ambiguous names of the issue -----------------------------------------


@pytest.mark.parametrize(
    ("rows", "codes"),
    [
        # A regency and a city of the same name: bare or "Kab." is the regency.
        ("Malang;1\nKota Malang;2\n", ["3507", "3573"]),
        ("Kediri;1\nKota Kediri;2\n", ["3506", "3571"]),
        ("Kab. Blitar;1\nKota Blitar;2\n", ["3505", "3572"]),
        ("Kab Bogor;1\nKOTA BOGOR;2\n", ["3201", "3271"]),
        ("Kabupaten Bandung;1\nKota Bandung;2\n", ["3204", "3273"]),
        # Look-alikes in different provinces.
        ("Banjar;1\nKota Banjar;2\n", ["6303", "3279"]),
        ("Kota Baru;1\n", ["6302"]),  # BPS writes Kabupaten Kotabaru so
        ("Kotabaru;1\n", ["6302"]),
        ("Kab. Kotabaru;1\n", ["6302"]),
        ("KALIMANTAN SELATAN;1\nBanjar;2\nKota Baru;3\n", ["63", "6303", "6302"]),
        ("JAWA BARAT;1\nKota Banjar;2\n", ["32", "3279"]),
        # Old names.
        ("Toba Samosir;1\n", ["1212"]),
        ("Mamuju Utara;1\n", ["7601"]),
        ("Maluku Tenggara Barat;1\n", ["8103"]),
        ("Kab. Toba;1\n", ["1212"]),
        # Spellings: spaces, hyphens, "Kep.", DKI/DI.
        (
            "Toli-Toli;1\nKota Tanjung Balai;2\nKep. Seribu;3\n",
            ["7204", "1274", "3101"],
        ),
        ("DKI Jakarta;1\nKota Jakarta Pusat;2\n", ["31", "3171"]),
        ("D.I. Yogyakarta;1\nKab. Kulon Progo;2\n", ["34", "3401"]),
    ],
)
def test_ambiguous_names_resolved(rows: str, codes: list[str]) -> None:
    assert _codes(rows) == codes


def test_a_regency_named_as_its_province() -> None:
    # BPS writes the province row in capitals; the regency below it.
    assert _codes("GORONTALO;1\nBoalemo;2\nGorontalo;3\n") == ["75", "7502", "7501"]
    assert _codes("Provinsi Gorontalo;1\nGorontalo;2\n") == ["75", "7501"]
    assert _codes("Kabupaten Gorontalo;1\nKota Gorontalo;2\n") == ["7501", "7571"]
    # Without context the name fits both: an error listing the candidates.
    with pytest.raises(ValueError, match="fit more than one region") as e:
        _read("Boalemo;1\nGorontalo;2\n")
    assert "'Gorontalo' (row 3)" in str(e.value)
    assert "7501 Kabupaten Gorontalo (Gorontalo) or 75 Gorontalo" in str(e.value)
    # A `province=` hint resolves it, by name or code.
    assert _codes("Boalemo;1\nGorontalo;2\n", province="Gorontalo") == ["7502", "7501"]
    assert _codes("Gorontalo;2\n", province="75") == ["7501"]
    # The province row still comes first when the hint is given.
    assert _codes("GORONTALO;1\nGorontalo;2\n", province="Gorontalo") == ["75", "7501"]


def _table(rows: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(";2023\n" + rows), locale="id", sep=";", **kw)  # type: ignore[arg-type]


def test_a_bare_name_under_a_province_with_a_city_of_that_name() -> None:
    # "Banjar" is Kabupaten Banjar (Kalimantan Selatan); Jawa Barat has only
    # Kota Banjar. A bare name is a regency (BPS), so under Jawa Barat it is
    # never guessed to be the city: unmatched, the reason naming both.
    for t in (
        _table("JAWA BARAT;1\nBanjar;2\n"),
        _table("Banjar;2\n", province="Jawa Barat"),
    ):
        assert t.data["region_code"].tolist()[-1] is pd.NA
        assert t.data["value"].tolist()[-1] == 2.0  # kept, not dropped
        (reason,) = t.unmatched["reason"]
        assert "not a region of Jawa Barat: 6303 Kabupaten Banjar" in reason
        assert "(Kalimantan Selatan)" in reason
        assert "Jawa Barat has 3279 Kota Banjar (Jawa Barat): write 'Kota Banjar'" in (
            reason
        )
    # Written as BPS writes it, it matches.
    assert _codes("JAWA BARAT;1\nKota Banjar;2\n") == ["32", "3279"]
    assert _codes("Kota Banjar;2\n", province="Jawa Barat") == ["3279"]


@pytest.mark.parametrize(
    ("rows", "kw"),
    [
        ("JAWA TENGAH;10\nMalang;9,45\n", {}),
        ("Malang;9,45\n", {"province": "Jawa Tengah"}),
        ("JAWA TENGAH;10\nKabupaten Malang;9,45\n", {}),
        ("JAWA TENGAH;10\nKota Malang;9,45\n", {}),
    ],
)
def test_a_province_restricts_the_match(rows: str, kw: dict[str, str]) -> None:
    # Malang (regency 3507, city 3573) is in Jawa Timur: under Jawa Tengah,
    # by its row or by `province`, the row is unmatched, never 3507/3573.
    t = _table(rows, **kw)
    assert t.data["region_code"].tolist()[-1] is pd.NA
    assert len(t.unmatched) == 1
    (reason,) = t.unmatched["reason"]
    assert reason.startswith("not a region of Jawa Tengah: 35")
    assert "(Jawa Timur)" in reason


def test_the_province_context_changes_with_each_province_row() -> None:
    # Each province row sets the context of the rows below it: Malang is
    # matched under Jawa Timur, Semarang (3322) under Jawa Tengah; Kota
    # Semarang (3374) under Jawa Timur is unmatched.
    t = _table(
        "JAWA TENGAH;1\nSemarang;2\nKota Malang;3\n"
        "JAWA TIMUR;4\nMalang;5\nKota Semarang;6\n"
    )
    assert [str(c) for c in t.data["region_code"]] == [
        "33", "3322", "<NA>", "35", "3507", "<NA>"
    ]  # fmt: skip
    assert t.unmatched["row"].tolist() == [4, 7]
    assert t.unmatched["reason"].str.contains("3573 Kota Malang").tolist() == [
        True,
        False,
    ]


def test_papua_regencies_under_the_province_of_the_table_years() -> None:
    # Merauke (9301) is in Papua Selatan (93) today, in Papua (91) before the
    # split; BPS tables give Papua Selatan figures from 2024.
    old = read_bps_table(
        io.StringIO(";2023\nPAPUA;1\nMerauke;2\n"), locale="id", sep=";"
    )
    assert [str(c) for c in old.data["region_code"]] == ["91", "9301"]
    new = read_bps_table(
        io.StringIO(";2024\nPAPUA;1\nMerauke;2\n"), locale="id", sep=";"
    )
    assert new.data["region_code"].tolist()[-1] is pd.NA
    assert "not a region of Papua: 9301" in new.unmatched["reason"].iloc[0]
    today = read_bps_table(
        io.StringIO(";2024\nPAPUA SELATAN;1\nMerauke;2\n"), locale="id", sep=";"
    )
    assert [str(c) for c in today.data["region_code"]] == ["93", "9301"]


def test_the_ambiguity_advice_works() -> None:
    # "Gorontalo" alone fits the province and its regency; the error says to
    # put the province's row above or give `province`, and both work.
    with pytest.raises(ValueError, match="put the province's row above them"):
        _read("Gorontalo;2\n")
    assert _codes("GORONTALO;1\nGorontalo;2\n") == ["75", "7501"]
    assert _codes("Gorontalo;2\n", province="Gorontalo") == ["7501"]


def test_unmatched_rows_are_reported_not_dropped() -> None:
    t = read_bps_table(
        io.StringIO(";2023\nSUMATERA UTARA;1\nKab. Tobaa;2\nKota Medan;3\n"),
        locale="id",
        sep=";",
    )
    assert t.data["region_code"].tolist() == ["12", pd.NA, "1271"]
    assert t.data["value"].tolist() == [1.0, 2.0, 3.0]
    assert t.unmatched.to_dict("list") == {
        "row": [3],
        "label": ["Kab. Tobaa"],
        "reason": ["no region of this name"],
    }


def test_province_argument_errors() -> None:
    with pytest.raises(
        ValueError, match="`province` must be a province's code or name"
    ):
        _read("Gorontalo;1\n", province="Atlantis")
    with pytest.raises(ValueError, match="province"):
        _read("Gorontalo;1\n", province="3573")  # a city's code
    with pytest.raises(TypeError, match="`province` must be a str"):
        _read("Gorontalo;1\n", province=75)


# --- numbers before the names -------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "codes"),
    [
        # List numbers are dropped alike before any name: "1 Malang" is
        # Kabupaten Malang (3507), "2 Kota Malang" Kota Malang (3573).
        ("1 Malang;1\n2 Kota Malang;2\n", ["3507", "3573"]),
        ("1. Kab. Pacitan;1\n2) Kota Batu;2\n", ["3501", "3579"]),
        # After 1-9, two-digit numbers are list numbers too: 11 is no code.
        ("9 Pacitan;1\n11 Jawa Timur;2\n", ["3501", "35"]),
        # Kemendagri codes agreeing with the name.
        (
            "3573 Kota Malang;1\n3507 Malang;2\n35 Jawa Timur;3\n",
            ["3573", "3507", "35"],
        ),
        # A code resolves a name that fits two regions (Gorontalo: the
        # province 75 and its regency 7501).
        ("7501 Gorontalo;1\n", ["7501"]),
        # Hyphen after the kind, "DI." with its dot (spaces, hyphens and dots
        # are ignored, as documented).
        # (A table naming one province is that province's table: the
        # Yogyakarta row stands alone here.)
        ("Kota-Malang;1\nKab - Pacitan;2\n", ["3573", "3501"]),
        ("DI. Yogyakarta;3\n", ["34"]),
    ],
)
def test_numbers_before_names(rows: str, codes: list[str]) -> None:
    assert _codes(rows) == codes


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        # 3573 is Kota Malang, but a bare "Malang" is Kabupaten Malang (3507):
        # the code contradicts the name, so neither is taken.
        (
            "3573 Malang",
            "the code 3573 before the name is 3573 Kota Malang (Jawa Timur), "
            "but the name 'Malang' is 3507 Kabupaten Malang (Jawa Timur)",
        ),
        ("11 Jawa Timur", "the code 11 before the name is 11 Aceh, but the name"),
        ("3599 Malang", "the number 3599 before the name is no region's code"),
    ],
)
def test_a_code_contradicting_the_name_is_unmatched(label: str, reason: str) -> None:
    t = read_bps_table(io.StringIO(f";2023\n{label};1\n"), locale="id", sep=";")
    assert t.data["region_code"].isna().all()
    assert t.unmatched["label"].tolist() == [label]
    assert t.unmatched["reason"].str.startswith(reason).all()


# --- context independent of row order -------------------------------------------


def test_province_row_after_its_regions_gives_the_context() -> None:
    # BPS puts a province's total last. "Banjar" (bare: a regency) is
    # Kabupaten Banjar, 6303, in Kalimantan Selatan; the table names Jawa
    # Barat only, so it is not matched, whether the Jawa Barat row comes
    # first or last.
    for rows in (
        "Jawa Barat;7,62\nKabupaten Bogor;7,27\nBanjar;5,3\n",
        "Kabupaten Bogor;7,27\nBanjar;5,3\nJawa Barat;7,62\n",
    ):
        t = read_bps_table(
            io.StringIO(";2023\n" + rows), locale="id", sep=";", errors="report"
        )
        assert t.unmatched["label"].tolist() == ["Banjar"]
        assert "not a region of Jawa Barat" in t.unmatched["reason"].iloc[0]
        assert "write 'Kota Banjar'" in t.unmatched["reason"].iloc[0]
    # "Malang" (3507, Jawa Timur) and "Kota Kediri" (3571, Jawa Timur)
    # under a Jawa Tengah total below them: both unmatched.
    t = read_bps_table(
        io.StringIO(";2023\nKota Kediri;1\nMalang;2\nJawa Tengah;3\n"),
        locale="id",
        sep=";",
        errors="report",
    )
    assert t.unmatched["label"].tolist() == ["Kota Kediri", "Malang"]


def test_rows_above_the_first_of_several_province_rows() -> None:
    # Several provinces: each province row heads the rows below it, and rows
    # above the first get `province`, or without it any of the table's
    # provinces: "Malang" (3507, Jawa Timur) above Jawa Barat and Jawa
    # Tengah rows is unmatched; "Kota Bogor" (3271, Jawa Barat) is matched.
    t = read_bps_table(
        io.StringIO(
            ";2023\nMalang;1\nKota Bogor;2\nJawa Barat;3\nJawa Tengah;4\nCilacap;5\n"
        ),
        locale="id",
        sep=";",
        errors="report",
    )
    assert t.unmatched["label"].tolist() == ["Malang"]
    assert "not a region of Jawa Barat or Jawa Tengah" in t.unmatched["reason"].iloc[0]
    assert t.data["region_code"].dropna().tolist() == ["3271", "32", "33", "3301"]
    # With `province` given, it is the context above the first of several
    # province rows, as documented: Malang (Jawa Timur) is then matched.
    t = read_bps_table(
        io.StringIO(";2023\nMalang;1\nJawa Barat;3\nBogor;4\nJawa Tengah;5\n"),
        locale="id",
        sep=";",
        province="35",
        errors="report",
    )
    assert t.data["region_code"].tolist() == ["3507", "32", "3201", "33"]
    # One province row only: the table is that province's, and `province`
    # naming another is refused (in any row order).
    with pytest.raises(ValueError, match="only province row, 'Jawa Barat'"):
        read_bps_table(
            io.StringIO(";2023\nMalang;1\nJawa Barat;3\nBogor;4\n"),
            locale="id",
            sep=";",
            province="35",
            errors="report",
        )
    # Over three provinces, the message counts them: "Malang" above Aceh,
    # Bali, Papua and Riau rows.
    t = read_bps_table(
        io.StringIO(";2023\nMalang;1\nAceh;2\nBali;3\nPapua;4\nRiau;5\n"),
        locale="id",
        sep=";",
        errors="report",
    )
    assert t.unmatched["reason"].tolist() == [
        "not a region of any of the table's 4 provinces: 3507 Kabupaten Malang "
        "(Jawa Timur)"
    ]


_JABAR = [
    # A Jawa Barat table as BPS publishes it, total last. By hand: Bogor
    # bare is Kabupaten Bogor 3201; Kota Bogor 3271; Kota Banjar 3279;
    # "Banjar" bare is Kabupaten Banjar 6303 (Kalimantan Selatan): unmatched;
    # Cirebon bare 3209; Kota Cirebon 3274; Jawa Barat 32; Indonesia 00.
    ("Bogor", "3201"),
    ("Kota Bogor", "3271"),
    ("Kota Banjar", "3279"),
    ("Banjar", None),
    ("Cirebon", "3209"),
    ("Kota Cirebon", "3274"),
    ("JAWA BARAT", "32"),
    ("INDONESIA", "00"),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(_JABAR))
def test_single_province_table_matched_alike_in_any_row_order(
    rows: list[tuple[str, str | None]],
) -> None:
    text = ";2023\n" + "".join(f"{lab};{k + 1}\n" for k, (lab, _) in enumerate(rows))
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    got = dict(zip(t.data["label"], t.data["region_code"], strict=True))
    assert {lab: (None if pd.isna(c) else c) for lab, c in got.items()} == dict(_JABAR)
    assert t.unmatched["label"].tolist() == ["Banjar"]


@pytest.mark.parametrize(
    ("label", "quoted"),
    [
        # By hand: without the digits each would be a region (Kota Batu
        # 3579, Kabupaten Pacitan 3501); the digits are no mark ("2)",
        # raised "2") and no four-digit code, so the row is unmatched, never
        # matched with them dropped. 36 is Banten's code, never Pacitan's.
        ("Kota Batu2", "Batu2"),
        ("Kota Batu12", "Batu12"),
        ("Pacitan 36", "36"),
        ("Pacitan 1", "1"),
    ],
)
def test_a_number_left_beside_a_name_is_not_dropped(label: str, quoted: str) -> None:
    t = read_bps_table(
        io.StringIO(f";2023\n{label};1\n"), locale="id", sep=";", errors="report"
    )
    assert t.unmatched["label"].tolist() == [label]
    reason = t.unmatched["reason"].iloc[0]
    assert f"the label holds {quoted!r}, which is part of no region's name" in reason
    # Written as a mark or a code, it is read: 3579.
    assert _codes("Kota Batu 2);1\n") == ["3579"]
    assert _codes("Kota Batu 3579;1\n") == ["3579"]
