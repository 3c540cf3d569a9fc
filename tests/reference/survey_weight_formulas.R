# Reference values for weights written as R formulas of two columns
# (tests/test_survey_unpaired_series_advice.py).
#
# Run from the repository root:  Rscript tests/reference/survey_weight_formulas.R
# Needs R and the `survey` package. The units of survey_interaction_psu.R
# with a household size `size`: R multiplies the columns of a weights
# formula, so weights=~w/size (R's ~w + w:size, the columns w and size)
# gives the estimate of weights=~w*size, and weights=~I(w/size) divides.
# Prints P0 (a fraction), its standard error and the design's df for each.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
d <- data.frame(
  kab = rep(c("3501", "3502"), each = 8),
  urban = rep(rep(c(0, 1), each = 4), 2),
  blok = rep(rep(1:4, each = 2), 2),
  y = c(90, 130, 80, 95, 150, 120, 85, 140, 70, 160, 110, 99, 60, 105, 145, 88),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 11, 9, 13, 17, 21, 8, 19, 22),
  size = c(4, 2, 5, 3, 1, 6, 2, 3, 4, 5, 2, 3, 6, 1, 2, 4)
)
d$p0 <- as.numeric(d$y < 100)
show <- function(weights) {
  des <- svydesign(ids = ~interaction(kab, blok), strata = ~urban,
                   weights = weights, data = d)
  r <- svymean(~p0, des)
  cat(sprintf("%.17g %.17g %d\n", coef(r), SE(r), degf(des)))
}
show(~w/size)
show(~w*size)
show(~I(w/size))
# Output (survey 4.1.1):
# 0.61854460093896713 0.13904719959047787 6
# 0.61854460093896713 0.13904719959047787 6
# 0.40526222850079463 0.10881127928976003 6
