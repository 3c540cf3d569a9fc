"""Dekker's exact product, written once for arrays, in place and on engines."""

from __future__ import annotations

from fractions import Fraction

import duckdb
import narwhals.stable.v2 as nw
import numpy as np
import pandas as pd
import polars as pl

from povstat._exact import IN_PLACE, OPERATORS, _product_error


def _operands() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    n = 400
    a = rng.uniform(-1, 1, n) * 10.0 ** rng.uniform(-150, 150, n)
    b = rng.uniform(0, 1, n) * 10.0 ** rng.uniform(-150, 150, n)
    return a, b


def test_the_error_makes_the_product_exact() -> None:
    # By definition: a * b = p + e exactly, checked in Fractions; e.g.
    # 0.1 * 0.1 is 0.010000000000000002 in float64, and e is the exact
    # product minus that.
    a, b = _operands()
    a, b = np.append(a, 0.1), np.append(b, 0.1)
    p = a * b
    e = _product_error(a, b, p)
    for x, y, hi, lo in zip(a, b, p, e, strict=True):
        assert Fraction(x) * Fraction(y) == Fraction(hi) + Fraction(lo)


def test_in_place_and_engines_give_the_same_bits() -> None:
    a, b = _operands()
    p = a * b
    want = _product_error(a, b, p, OPERATORS)
    got = _product_error(a.copy(), b.copy(), p.copy(), IN_PLACE)
    assert got.tobytes() == want.tobytes()
    d = pd.DataFrame({"a": a, "b": b})
    expr = _product_error(nw.col("a"), nw.col("b"), nw.col("a") * nw.col("b"))
    for native in (pl.from_pandas(d).lazy(), duckdb.from_df(d)):
        out = nw.from_native(native).select(expr.alias("e")).collect().to_native()
        col = (
            out["e"].to_numpy()
            if isinstance(out, pl.DataFrame)
            else out.to_pandas()["e"]
        )
        assert np.asarray(col, np.float64).tobytes() == want.tobytes()
