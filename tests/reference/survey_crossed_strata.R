# Reference values for strata crossed from two columns
# (tests/test_survey_crossed_design_labels.py).
#
# Run from the repository root:  Rscript tests/reference/survey_crossed_strata.R
# Needs R and the `survey` package (4.1.1 was used). Prints P0 (a fraction)
# and its standard error with strata regency x urban (one combined label),
# then the standard error of strata=~kab+urban, which with one stage of
# sampling stratifies by kab alone (the second term is a second stage's
# strata), equal to strata=~kab.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
d <- data.frame(
  kab = rep(c("3501", "3502"), each = 4),
  urban = rep(c(1, 1, 2, 2), 2),
  psu = rep(1:2, 4),
  y = c(90, 130, 110, 140, 95, 150, 85, 160),
  w = c(10, 20, 15, 25, 12, 18, 14, 16)
)
d$p0 <- as.numeric(d$y < 100)
d$s <- paste(d$kab, d$urban, sep = "/")
r <- svymean(~p0, svydesign(ids = ~psu, strata = ~s, weights = ~w, nest = TRUE, data = d))
cat(sprintf("%.17g %.17g\n", coef(r), SE(r)))
two <- svydesign(ids = ~psu, strata = ~kab + urban, weights = ~w, nest = TRUE, data = d)
one <- svydesign(ids = ~psu, strata = ~kab, weights = ~w, nest = TRUE, data = d)
cat(sprintf("%.17g %.17g\n", SE(svymean(~p0, two)), SE(svymean(~p0, one))))
# Output (survey 4.1.1):
# 0.27692307692307694 0.18351820838945609
# 0.24777730457271785 0.24777730457271785
