# Reference values for a domain whose rows all have weight 0 as given
# (tests/test_survey_lonely_omit.py).
#
# Run from the repository root:  Rscript tests/reference/survey_zero_weight_domain.R
# Needs R and the `survey` package (4.1.1 was used). Domain C's rows have
# weight 0; stratum 3 holds only C rows (one PSU), stratum 5 a C row and a
# B row (one PSU). Prints, for each lonely.psu option, P0 and P1 (percent)
# and their standard errors of domains A and B (svymean on the domain's
# subset, as svyby computes them) and of the whole sample (svymean).
suppressPackageStartupMessages(library(survey))
d <- data.frame(
  y = c(90, 130, 110, 140, 95, 150, 85, 160, 70, 60, 100, 120, 75, 88),
  w = c(10, 20, 15, 25, 12, 18, 14, 16, 0, 0, 8, 7, 0, 9),
  st = c(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5),
  psu = c(1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1),
  dom = c("A", "B", "A", "B", "A", "B", "A", "B", "C", "C", "B", "B", "C", "B")
)
d$P0 <- 100 * as.numeric(d$y < 100)
d$P1 <- 100 * pmax(0, 1 - d$y / 100)
for (lp in c("adjust", "average", "remove")) {
  options(survey.lonely.psu = lp)
  des <- svydesign(ids = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = d)
  for (g in c("A", "B")) {
    r <- svymean(~ P0 + P1, subset(des, dom == g))
    cat(lp, g, sprintf("%.17g", c(coef(r), SE(r))), "\n")
  }
  r <- svymean(~ P0 + P1, des)
  cat(lp, "overall", sprintf("%.17g", c(coef(r), SE(r))), "\n")
}
# Output (survey 4.1.1):
# adjust A 70.588235294117652 7.2549019607843146 26.553320491860067 3.7679895430237558
# adjust B 8.7378640776699026 1.0485436893203883 8.0881649866322753 0.97057979839587294
# adjust overall 29.220779220779221 3.1038961038961044 9.8643687475001798 1.4263455447928244
# average A 70.588235294117652 7.2549019607843146 26.553320491860067 3.7679895430237558
# average B 8.7378640776699026 1.0485436893203883 0.64607369170303663 0.077528843004364481
# average overall 29.220779220779221 3.1038961038961044 13.425240181907741 2.0449702918365977
# remove A 70.588235294117652 7.2549019607843146 26.553320491860067 3.7679895430237558
# remove B 8.7378640776699026 1.0485436893203883 0.45684308854944411 0.054821170625933349
# remove overall 29.220779220779221 3.1038961038961044 8.4908674219283427 1.2933527739165769
