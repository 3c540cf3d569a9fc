# Reference values for povstat's design-based standard errors (tests/test_survey.py).
#
# Run from the repository root:  Rscript tests/reference/survey_se.R
# Needs R and the `survey` package (4.1.1 was used: Debian package r-cran-survey).
# Writes, next to this script:
#   survey_design.csv     the synthetic unit-level data (input of the tests)
#   survey_se_out.csv     estimates, standard errors, design effects and degrees
#                         of freedom by case, domain and measure
#   survey_se_cov.csv     covariance matrices of the domain estimates by case
#
# The design: 7 strata, 1 to 5 PSUs per stratum (two strata have a single PSU,
# used only by the lonely-PSU cases), 2 to 7 units per PSU, three domains that
# cut across strata and PSUs, zero-weight rows, a per-unit poverty line (two
# values) and a unit exactly at its line (poor only under "<=").
suppressPackageStartupMessages(library(survey))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
set.seed(20241204)

npsu <- c(s1 = 3, s2 = 4, s3 = 2, s4 = 5, s5 = 3, s6 = 1, s7 = 1)
rows <- list()
for (h in names(npsu)) {
  for (j in seq_len(npsu[[h]])) {
    m <- sample(2:7, 1)
    rows[[length(rows) + 1]] <- data.frame(stratum = h, psu = paste0(h, "_p", j), unit = seq_len(m))
  }
}
d <- do.call(rbind, rows)
n <- nrow(d)
d$domain <- sample(c("A", "B", "C"), n, replace = TRUE)
d$line <- ifelse(d$stratum %in% c("s1", "s2", "s6"), 100, 120)
d$welfare <- round(exp(rnorm(n, log(130), 0.5)), 2)
d$size <- sample(1:6, n, replace = TRUE)
d$weight <- sample(c(0, 50, 80, 120, 200, 350), n, replace = TRUE, prob = c(0.08, rep(0.184, 5)))
d$welfare[5] <- d$line[5]           # a unit exactly at its line
d$weight[5] <- 120
# stratum population sizes in PSUs for the fpc case
d$fpc <- c(s1 = 10, s2 = 9, s3 = 2, s4 = 40, s5 = 7, s6 = 3, s7 = 1)[d$stratum]
d$id <- seq_len(n)
write.csv(d[, c("id", "stratum", "psu", "domain", "welfare", "line", "size", "weight", "fpc")],
          file.path(here, "survey_design.csv"), row.names = FALSE)

terms <- function(d, cmp) {
  poor <- if (cmp == "<") d$welfare < d$line else d$welfare <= d$line
  g <- ifelse(poor, (d$line - d$welfare) / d$line, 0)
  d$P0 <- as.numeric(poor)
  d$P1 <- g
  d$P2 <- g^2
  d$F15 <- g^1.5
  d$watts <- ifelse(poor, log(d$line / d$welfare), 0)
  d$pw <- d$weight * d$size
  d
}

out <- list()
covs <- list()
run <- function(case, data, lonely, cmp = "<", fpc = FALSE, ids = ~psu) {
  options(survey.lonely.psu = lonely)
  data <- terms(data, cmp)
  des <- if (fpc) {
    svydesign(ids = ids, strata = ~stratum, weights = ~pw, fpc = ~fpc, data = data, nest = TRUE)
  } else {
    svydesign(ids = ids, strata = ~stratum, weights = ~pw, data = data, nest = TRUE)
  }
  f <- ~P0 + P1 + P2 + F15 + watts
  meas <- c("P0", "P1", "P2", "FGT(1.5)", "watts")
  by <- svyby(f, ~domain, des, svymean, covmat = TRUE, deff = TRUE)
  est <- coef(by)
  v <- vcov(by)
  doms <- as.character(by$domain)
  for (k in seq_along(doms)) {
    dk <- doms[k]
    sub <- subset(des, domain == dk)
    m1 <- svymean(f, sub, deff = TRUE)
    out[[length(out) + 1]] <<- data.frame(
      case = case, domain = dk, measure = meas,
      estimate = as.numeric(coef(m1)), se = as.numeric(SE(m1)),
      deff = as.numeric(diag(as.matrix(attr(m1, "deff")))),
      df = degf(sub), n = sum(weights(sub) != 0),
      se_svyby = as.numeric(SE(by)[k, ]),
      estimate_svyby = as.numeric(est[grepl(paste0("^", dk, ":"), names(est))])
    )
  }
  tot <- svymean(f, des, deff = TRUE)
  out[[length(out) + 1]] <<- data.frame(
    case = case, domain = "(all)", measure = meas,
    estimate = as.numeric(coef(tot)), se = as.numeric(SE(tot)),
    deff = as.numeric(diag(as.matrix(attr(tot, "deff")))),
    df = degf(des), n = sum(weights(des) != 0),
    se_svyby = NA, estimate_svyby = NA
  )
  covs[[length(covs) + 1]] <<- data.frame(
    case = case, row = rep(rownames(v), ncol(v)), col = rep(colnames(v), each = nrow(v)),
    value = as.vector(v)
  )
}

full <- d
nolonely <- d[!(d$stratum %in% c("s6", "s7")), ]
run("base", nolonely, "fail")
run("le", nolonely, "fail", cmp = "<=")
run("units", nolonely, "fail", ids = ~1)  # every unit its own PSU
run("fpc", nolonely, "fail", fpc = TRUE)
for (lonely in c("remove", "adjust", "average", "certainty")) {
  run(paste0("lonely_", lonely), full, lonely)
}
run("lonely_adjust_fpc", full, "adjust", fpc = TRUE)

fmt <- function(x) if (is.numeric(x)) sprintf("%.17g", x) else x
res <- do.call(rbind, out)
res[] <- lapply(res, fmt)
write.csv(res, file.path(here, "survey_se_out.csv"), row.names = FALSE, quote = FALSE)
cv <- do.call(rbind, covs)
cv$value <- sprintf("%.17g", cv$value)
write.csv(cv, file.path(here, "survey_se_cov.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("R %s, survey %s: %d rows of estimates\n", getRversion(), packageVersion("survey"), nrow(res)))
