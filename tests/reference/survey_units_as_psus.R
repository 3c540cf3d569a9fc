# Reference values for designs where each unit is its own PSU and the
# variance of sums of squared weights would cancel (tests/test_survey.py,
# test_units_as_psus_do_not_cancel and
# test_units_as_psus_with_equal_deviations_have_no_variance).
#
# Run from the repository root:  Rscript tests/reference/survey_units_as_psus.R
# Needs R and the `survey` package (4.1.1 was used). Prints P0 in percent,
# its standard error and its design effect (svymean, deff=TRUE), one line
# per case; then P0, P1 and Watts with their standard errors and design
# effects for the stratified case with a lonely stratum removed.
suppressPackageStartupMessages(library(survey))
quiet <- function(expr) suppressWarnings(expr)
for (big in c(1e5, 1e8)) {
  d <- data.frame(y = c(1, 3, 1), w = c(big, 1, big), id = 1:3)
  d$p0 <- 100 * as.numeric(d$y < 2)
  des <- svydesign(ids = ~id, weights = ~w, data = d)
  r <- quiet(svymean(~p0, des, deff = TRUE))
  cat(sprintf("%.17g %.17g %.17g %.17g\n", big, coef(r), SE(r), deff(r)))
}
options(survey.lonely.psu = "remove")
d <- data.frame(y = c(80, 150, 120), st = c(0, 1, 1), id = 1:3)
d$p0 <- 100 * as.numeric(d$y < 100)
d$p1 <- 100 * ifelse(d$y < 100, (100 - d$y) / 100, 0)
d$watts <- 100 * ifelse(d$y < 100, log(100 / d$y), 0)
des <- svydesign(ids = ~id, strata = ~st, data = d)
r <- quiet(svymean(~ p0 + p1 + watts, des, deff = TRUE))
print(data.frame(estimate = coef(r), se = SE(r), deff = deff(r)))
# Output (survey 4.1.1):
# 100000 99.999500002499985 0.00074999250005730719 2.2500112501750962e-05
# 100000000 99.999999500000001 7.4999999311881066e-07 2.2500000149628634e-08
#       estimate se deff
# p0    33.333333  0  NaN
# p1     6.666667  0  NaN
# watts  7.438118  0  NaN
# (By hand, se = 300 W / (2W + 1)^2: 7.4999250005624977e-4 and
# 7.499999925e-7; R's own rounding of t - r errs by 8e-10 at W = 1e8.)
