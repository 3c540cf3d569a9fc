# Reference values for a design of two stages written as R's ids=~nks+hh
# (tests/test_survey_multistage_advice.py).
#
# Run from the repository root:  Rscript tests/reference/survey_multistage_ids.R
# Needs R and the `survey` package (4.1.1 was used). Two strata, three census
# blocks (nks) per stratum, three households (hh) per block. Prints P0 in
# percent, its standard error, its design effect (svymean, deff=TRUE) and the
# degrees of freedom (degf), one line per design:
#   1. ids=~nks+hh without fpc (the variance of the first stage alone);
#   2. ids=~nks (the same figures);
#   3. ids=~nks with the first stage's fpc=~N1;
#   4. ids=~nks+hh with fpc=~N1+N2 (both stages' variance);
#   5. ids=~1 (no clusters: each household its own PSU).
suppressPackageStartupMessages(library(survey))
d <- data.frame(
  st = rep(c("a", "b"), each = 9),
  nks = rep(rep(1:3, each = 3), 2),
  hh = rep(1:3, 6),
  y = c(80, 95, 120, 150, 160, 140, 70, 90, 85,
        110, 130, 95, 60, 75, 90, 200, 180, 170),
  w = c(10, 12, 11, 20, 18, 22, 15, 14, 16,
        30, 25, 28, 12, 10, 11, 40, 35, 38),
  N1 = rep(c(10, 6), each = 9),
  N2 = 20
)
d$p0 <- 100 * as.numeric(d$y < 100)
show <- function(des) {
  r <- svymean(~p0, des, deff = TRUE)
  cat(sprintf("%.17g %.17g %.17g %d\n", coef(r), SE(r), deff(r), degf(des)))
}
show(svydesign(ids = ~nks + hh, strata = ~st, weights = ~w, nest = TRUE, data = d))
show(svydesign(ids = ~nks, strata = ~st, weights = ~w, nest = TRUE, data = d))
show(svydesign(ids = ~nks, strata = ~st, weights = ~w, fpc = ~N1, nest = TRUE, data = d))
show(svydesign(ids = ~nks + hh, strata = ~st, weights = ~w, fpc = ~N1 + N2, nest = TRUE, data = d))
show(svydesign(ids = ~1, strata = ~st, weights = ~w, data = d))
# Output (survey 4.1.1):
# 34.87738419618529 18.834808868717264 2.7921339637751901 4
# 34.87738419618529 18.834808868717264 2.7921339637751901 4
# 34.87738419618529 14.354965166409629 1.6218777000891029 4
# 34.87738419618529 15.265909617014723 1.8342527976238816 4
# 34.87738419618529 11.793591570629678 1.0947273880780579 16
