# Reference values for lonely_psu="average" with rows missing
# (tests/test_survey_round_findings.py, test_average_omit_*).
#
# Run from the repository root:  Rscript tests/reference/survey_average_omit.R
# Needs R and the `survey` package (4.1.1 was used). R's na.rm=TRUE drops the
# missing rows, so a stratum whose rows are all missing is not counted in the
# "average" factor; a row of zero weight stays, and its stratum counts.
# Prints P0 in percent and its standard error, one line per case.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "average")
show <- function(r) cat(sprintf("%.17g %.17g\n", coef(r), SE(r)))
d <- data.frame(
  y = c(90, 130, 110, 140, 95, 150, 85, 160, NA),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 30),
  st = c(1, 1, 1, 1, 2, 2, 2, 2, 3),
  psu = c(1, 1, 2, 2, 1, 1, 2, 2, 1)
)
d$p0 <- 100 * as.numeric(d$y < 100)
des <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = d)
# 1. stratum 3 (one PSU) holds a single row, missing
show(svymean(~p0, des, na.rm = TRUE))
# 2. the same row of zero weight instead (welfare 100, not poor)
z <- d
z$y[9] <- 100
z$p0[9] <- 0
z$w[9] <- 0
dz <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = z)
show(svymean(~p0, dz))
# 3. domains: in stratum 3 (one PSU) domain "a"'s row is missing, "b"'s is not
e <- data.frame(
  y = c(90, 130, 110, 140, 95, 150, 85, 160, NA, 70),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 30, 22),
  st = c(1, 1, 1, 1, 2, 2, 2, 2, 3, 3),
  psu = c(1, 1, 2, 2, 1, 1, 2, 2, 1, 1),
  dom = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b")
)
e$p0 <- 100 * as.numeric(e$y < 100)
de <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = e)
r <- svyby(~p0, ~dom, de, svymean, na.rm = TRUE)
cat(sprintf("%s %.17g %.17g\n", r$dom, coef(r), SE(r)), sep = "")
# Output (survey 4.1.1):
# 27.692307692307693 9.9422371501104028
# 27.692307692307693 12.176703959756644
# a 70.588235294117652 26.553320491860067
# b 21.782178217821784 1.4224092298892483
