# Reference values for a PSU written as R's interaction() of two columns
# (tests/test_survey_interaction_psu.py).
#
# Run from the repository root:  Rscript tests/reference/survey_interaction_psu.R
# Needs R and the `survey` package (4.1.1 was used). Census blocks are
# numbered within each regency, so the PSU is the crossing of regency and
# block: svydesign(ids=~interaction(kab, blok)), one stage. Prints P0 (a
# fraction), its standard error and the design's degrees of freedom; then
# the same for ids=~kab:blok, which R reads as the two stages ~kab+blok
# (its first stage, kab, the PSUs), and for ids=~blok (blocks joined
# across regencies).
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
d <- data.frame(
  kab = rep(c("3501", "3502"), each = 8),
  urban = rep(rep(c(0, 1), each = 4), 2),
  blok = rep(rep(1:4, each = 2), 2),
  y = c(90, 130, 80, 95, 150, 120, 85, 140, 70, 160, 110, 99, 60, 105, 145, 88),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 11, 9, 13, 17, 21, 8, 19, 22)
)
d$p0 <- as.numeric(d$y < 100)
show <- function(ids) {
  des <- svydesign(ids = ids, strata = ~urban, weights = ~w, nest = TRUE, data = d)
  r <- svymean(~p0, des)
  cat(sprintf("%.17g %.17g %d\n", coef(r), SE(r), degf(des)))
}
show(~interaction(kab, blok))
show(~kab:blok)
show(~blok)
# Output (survey 4.1.1):
# 0.54000000000000004 0.11184515009601445 6
# 0.54000000000000004 0.10449114795043647 2
# 0.54000000000000004 0.10640529310142424 2
