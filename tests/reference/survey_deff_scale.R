# Reference values for the design effect's dependence on the weights' scale
# (tests/test_survey.py, test_design_effect_depends_on_the_weights_total).
#
# Run from the repository root:  Rscript tests/reference/survey_deff_scale.R
# Needs R and the `survey` package (4.1.1 was used). Prints, for weights w
# scaled by 1, 1/sum(w), n/sum(w) and 1000, the P0 estimate, its standard
# error and its design effect (svymean, deff=TRUE), and R's warnings.
suppressPackageStartupMessages(library(survey))
d <- data.frame(
  y = c(120, 90, 150, 130, 100, 160, 95, 140),
  w = c(2.5, 1, 2, 1, 3, 1, 2, 2),
  st = c(1, 1, 1, 1, 2, 2, 2, 2),
  psu = 1:8
)
d$p0 <- as.numeric(d$y < 125)
for (c in c(1, 1 / sum(d$w), nrow(d) / sum(d$w), 1000)) {
  d$wc <- d$w * c
  des <- svydesign(ids = ~psu, strata = ~st, weights = ~wc, data = d)
  r <- withCallingHandlers(
    svymean(~p0, des, deff = TRUE),
    warning = function(w) {
      cat("warning:", conditionMessage(w), "\n")
      invokeRestart("muffleWarning")
    }
  )
  cat(sprintf("%.17g %.17g %.17g %.17g\n", sum(d$wc), coef(r), SE(r), deff(r)))
}
# Output (survey 4.1.1):
# 14.5 0.5862068965517242 0.20850758415065845 2.7987378859589809
# warning: Sample size greater than population size: are weights correctly scaled?
# 1 0.5862068965517242 0.20850758415065845 NA
# 8 0.5862068965517242 0.20850758415065845 Inf
# 14500 0.5862068965517242 0.20850758415065845 1.2552992174119082
