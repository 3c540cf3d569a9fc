# Reference values for strata with a single PSU when rows are missing
# (tests/test_survey_lonely_omit.py).
#
# Run from the repository root:  Rscript tests/reference/survey_lonely_omit.R
# Needs R and the `survey` package (4.1.1 was used). R's na.rm=TRUE drops the
# missing rows, so a stratum whose rows are all missing is no longer in the
# design: under survey.lonely.psu="fail" its single PSU is not an error.
# Prints P0 in percent and its standard error, one line per case (with the
# domain first for svyby).
suppressPackageStartupMessages(library(survey))
show <- function(r) cat(sprintf("%.17g %.17g\n", coef(r), SE(r)))
by_domain <- function(r) {
  cat(sprintf("%s %.17g %.17g\n", r[[1]], coef(r), SE(r)), sep = "")
}
options(survey.lonely.psu = "fail")
d <- data.frame(
  y = c(90, 130, 110, 140, 95, 150, 85, 160, NA, NA),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 30, 20),
  st = c(1, 1, 1, 1, 2, 2, 2, 2, 3, 3),
  psu = c(1, 1, 2, 2, 1, 1, 2, 2, 1, 1),
  dom = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b")
)
d$p0 <- 100 * as.numeric(d$y < 100)
# 1. stratum 3 (one PSU) holds two rows, both missing
des <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = d)
show(svymean(~p0, des, na.rm = TRUE))
# 2. the same by domain
by_domain(svyby(~p0, ~dom, des, svymean, na.rm = TRUE))
# 3. each unit its own PSU (no `psu`): stratum 3 holds two units, both
#    missing, so it has two PSUs in the design and is not lonely either
dn <- svydesign(ids = ~1, strata = ~st, weights = ~w, data = d)
show(svymean(~p0, dn, na.rm = TRUE))
# 4. each unit its own PSU, stratum 3 of one unit, missing
u <- data.frame(y = c(90, 130, 110, 140, NA), w = c(1, 2, 3, 4, 5), st = c(1, 1, 2, 2, 3))
u$p0 <- 100 * as.numeric(u$y < 100)
du <- svydesign(ids = ~1, strata = ~st, weights = ~w, data = u)
show(svymean(~p0, du, na.rm = TRUE))
# 5. domain C's rows are all missing; PSU 3 of stratum 2 holds only C rows.
#    With the full design (R gives C 0 and SE 0 from no rows) and with C's
#    rows dropped, which removes PSU 3 and changes A's standard error.
e <- data.frame(
  y = c(90, 130, 110, 140, NA, 95, 150, 85, 160, NA, NA),
  w = c(10, 20, 15, 25, 5, 12, 18, 14, 16, 9, 9),
  st = c(1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2),
  psu = c(1, 1, 2, 2, 2, 1, 1, 2, 2, 3, 3),
  dom = c("A", "B", "A", "B", "C", "A", "B", "A", "B", "C", "C")
)
e$p0 <- 100 * as.numeric(e$y < 100)
de <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = e)
by_domain(svyby(~p0, ~dom, de, svymean, na.rm = TRUE))
dd <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE,
                data = e[e$dom != "C", ])
by_domain(svyby(~p0, ~dom, dd, svymean, na.rm = TRUE))
# 6. lonely.psu="average": domain B lies in stratum 3 alone, of one PSU:
#    no stratum of B has two PSUs, so its SE is NaN (0 * 1/0)
options(survey.lonely.psu = "average")
v <- data.frame(
  y = c(90, 130, 110, 140, 95, 150, 85, 160, 70, 120),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 30, 20),
  st = c(1, 1, 1, 1, 2, 2, 2, 2, 3, 3),
  psu = c(1, 1, 2, 2, 1, 1, 2, 2, 1, 1),
  dom = c(rep("A", 8), "B", "B")
)
v$p0 <- 100 * as.numeric(v$y < 100)
dv <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = v)
by_domain(svyby(~p0, ~dom, dv, svymean))
# Output (survey 4.1.1):
# 27.692307692307693 9.9422371501104028
# a 70.588235294117652 26.553320491860067
# b 0 0
# 27.692307692307693 16.046045574726001
# 10 11.045361017187261
# A 70.588235294117652 27.585376570014759
# B 0 0
# C 0 0
# A 70.588235294117652 26.553320491860067
# B 0 0
# A 27.692307692307693 9.9422371501104028
# B 60 NaN
