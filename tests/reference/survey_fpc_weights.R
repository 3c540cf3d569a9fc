# Reference values for the weights an fpc implies, and for a measure equal
# across the units of a domain (tests/test_survey.py,
# test_fpc_without_weights_implying_unequal_weights_is_refused and
# test_a_measure_equal_for_every_unit_has_se_0_and_deff_nan).
#
# Run from the repository root:  Rscript tests/reference/survey_fpc_weights.R
# Needs R and the `survey` package (4.1.1 was used: Debian package r-cran-survey).
suppressPackageStartupMessages(library(survey))
show <- function(label, m) {
  cat(label, sprintf("%.17g", coef(m)), sprintf("%.17g", SE(m)),
      if (!is.null(attr(m, "deff"))) sprintf("%.17g", deff(m)), "\n")
}

# 1. fpc without weights: R derives the weights N_h/n_h (5 and 50), the same
#    as passing them.
d <- data.frame(y = c(1, 2, 2, 8), st = c(1, 1, 2, 2), f = c(10, 10, 100, 100),
                fr = c(0.2, 0.2, 0.02, 0.02), w = c(5, 5, 50, 50))
d$P0 <- as.numeric(d$y < 4)
show("fpc sizes, no weights:", svymean(~P0, svydesign(ids = ~1, strata = ~st, fpc = ~f, data = d)))
print(weights(svydesign(ids = ~1, strata = ~st, fpc = ~f, data = d)))
show("fpc fractions, no weights:", svymean(~P0, svydesign(ids = ~1, strata = ~st, fpc = ~fr, data = d)))
show("fpc sizes, weights N_h/n_h:",
     svymean(~P0, svydesign(ids = ~1, strata = ~st, fpc = ~f, weights = ~w, data = d)))
# Equal implied weights (10/2 and 20/4 are 5 and 5): the same as equal weights.
q <- data.frame(y = c(1, 2, 2, 8, 3, 5), st = c(1, 1, 2, 2, 2, 2),
                g = c(10, 10, 20, 20, 20, 20), one = 1)
q$P0 <- as.numeric(q$y < 4)
show("fpc 10, 20 (N_h/n_h = 5, 5), no weights:",
     svymean(~P0, svydesign(ids = ~1, strata = ~st, fpc = ~g, data = q)))
show("fpc 10, 20 (N_h/n_h = 5, 5), weights 1:",
     svymean(~P0, svydesign(ids = ~1, strata = ~st, fpc = ~g, weights = ~one, data = q)))

# 2. A measure equal for every unit (welfare 0.7 under a line of 1): P0 = 1,
#    P1 = 0.3, Watts = ln(1/0.7) for every unit; se exactly 0, deff NaN.
e <- data.frame(y = rep(0.7, 6), w = c(1e3, 2e3, 3e3, 4e3, 5e3, 6e3), psu = c(1, 1, 2, 2, 3, 3))
e$P0 <- as.numeric(e$y < 1)
e$P1 <- ifelse(e$y < 1, (1 - e$y) / 1, 0)
e$W <- ifelse(e$y < 1, log(1 / e$y), 0)
m <- svymean(~P0 + P1 + W, svydesign(ids = ~psu, weights = ~w, data = e), deff = TRUE)
print(format(cbind(coef(m), SE(m), deff(m)), digits = 17))
# Output (survey 4.1.1):
# fpc sizes, no weights: 0.54545454545454541 0.44997704257325749 
#  1  2  3  4 
#  5  5 50 50 
# fpc fractions, no weights: 0.54545454545454541 0.44997704257325749 
# fpc sizes, weights N_h/n_h: 0.54545454545454541 0.44997704257325749 
# fpc 10, 20 (N_h/n_h = 5, 5), no weights: 0.66666666666666663 0.17213259316477408 
# fpc 10, 20 (N_h/n_h = 5, 5), weights 1: 0.66666666666666663 0.17213259316477406 
#    [,1]                  [,2]                  [,3]                 
# P0 "1.00000000000000000" "0.00000000000000000" "                NaN"
# P1 "0.30000000000000004" "0.00000000000000000" "                NaN"
# W  "0.35667494393873239" "0.00000000000000000" "                NaN"
