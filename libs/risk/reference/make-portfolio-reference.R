# Reference values for portfolioRiskMetrics (libs/risk/src/portfolio-metrics.ts), base R only.
#
# PerformanceAnalytics (PA) is not installed here (nor packaged for this Debian), so, as in
# make-reference.R, each metric is an explicit base-R transcription of the PA function it mirrors
# (the PA call is cited above each one). Nothing here calls the TypeScript code: the same fixed
# data go into the JSON, and src/portfolio-metrics.spec.ts recomputes everything from them.
#
# Run from the repository root:  Rscript libs/risk/reference/make-portfolio-reference.R
# Writes libs/risk/reference/portfolio-reference.json with every number as sprintf('%.17g').

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "libs/risk/reference"
out_file <- file.path(out_dir, "portfolio-reference.json")

# ---------------------------------------------------------------------------------------------
# Data: 300 dates x 3 assets, a benchmark, 250 account equity samples (all written to the JSON)
# ---------------------------------------------------------------------------------------------
set.seed(20240517)
n <- 300
market <- rnorm(n, mean = 0.0003, sd = 0.009)
# fat tails: ~3 % of dates get a market-wide shock
shock <- rbinom(n, 1, 0.03) * rnorm(n, mean = -0.02, sd = 0.03)
asset1 <- 1.1 * (market + shock) + rnorm(n, mean = 0.0002, sd = 0.008)
asset2 <- 0.7 * (market + shock) + rnorm(n, mean = 0.0001, sd = 0.012)
asset3 <- 1.4 * (market + shock) + rnorm(n, mean = 0.0000, sd = 0.015)
assets <- cbind(asset1, asset2, asset3)
benchmark <- market + shock + rnorm(n, mean = 0, sd = 0.002)
weights <- c(0.5, 0.3, -0.2)

# account equity in currency, rounded to cents, with a drawdown in the middle
m_eq <- 250
eq_ret <- rnorm(m_eq - 1, mean = 0.0006, sd = 0.011)
eq_ret[100:120] <- eq_ret[100:120] - 0.006
equity <- round(100000 * cumprod(c(1, 1 + eq_ret)), 2)

# ---------------------------------------------------------------------------------------------
# PA formulas in base R (same transcriptions as make-reference.R)
# ---------------------------------------------------------------------------------------------
# PA .setalphaprob(p): p >= 0.51 is a confidence level, else already a tail probability
setalphaprob <- function(p) if (p >= 0.51) 1 - p else p
# PA centeredmoment(R, power) = mean((R - mean(R))^power)   (population moment)
centeredmoment <- function(r, power) mean((r - mean(r))^power)

# PA Return.portfolio(R, weights, rebalance_on = every period) = R %*% w (constant weights)
portfolio_returns <- function(R, w) as.vector(R %*% w)
# PA Return.calculate(prices, method = "discrete"), leading NA dropped
return_calculate <- function(p) p[-1] / p[-length(p)] - 1
# PA Return.annualized(R, scale, geometric = TRUE)
return_annualized <- function(r, scale) prod(1 + r)^(scale / length(r)) - 1
# PA StdDev.annualized(R, scale) = sqrt(scale) * sd(R)
stddev_annualized <- function(r, scale) sqrt(scale) * sd(r)

# PA VaR(R, p, method = "historical"), invert = TRUE: -(-quantile(r, alpha, type = 7))
var_historical <- function(r, p) as.numeric(quantile(r, probs = setalphaprob(p), type = 7))
# PA ES(R, p, method = "historical"), invert = TRUE: mean(r[r < q]), q if none below
es_historical <- function(r, p) {
  q <- as.numeric(quantile(r, probs = setalphaprob(p), type = 7))
  exceed <- r[r < q]
  if (length(exceed) == 0) q else mean(exceed)
}
# PA VaR(R, p, method = "gaussian"), invert = TRUE: mean(r) + qnorm(alpha) * sqrt(m2)
var_gaussian <- function(r, p) mean(r) + qnorm(setalphaprob(p)) * sqrt(centeredmoment(r, 2))
# PA ES(R, p, method = "gaussian"), invert = TRUE: mean(r) - dnorm(qnorm(alpha)) * sqrt(m2) / alpha
es_gaussian <- function(r, p) {
  alpha <- setalphaprob(p)
  mean(r) - dnorm(qnorm(alpha)) * sqrt(centeredmoment(r, 2)) / alpha
}

# PA CAPM.beta(Ra, Rb, Rf = 0): cov(Ra, Rb) / var(Rb)
capm_beta <- function(ra, rb) cov(ra, rb) / var(rb)
# PA maxDrawdown(R, geometric = TRUE, invert = TRUE) = -min(Drawdowns(R))
max_drawdown <- function(r) {
  wealth <- cumprod(1 + r)
  peak <- cummax(c(1, wealth))[-1]
  -min(wealth / peak - 1)
}
# PA SharpeRatio.annualized(R, Rf = 0, scale, geometric = TRUE)
sharpe_annualized <- function(r, scale) return_annualized(r, scale) / stddev_annualized(r, scale)
# PA SortinoRatio(R, MAR = 0) = mean(R) / DownsideDeviation(R, 0, method = "full")
sortino <- function(r) {
  below <- r[r < 0]
  mean(r) / sqrt(sum((0 - below)^2 / length(r)))
}

# ---------------------------------------------------------------------------------------------
# portfolioRiskMetrics, by the definitions in its doc comment
# ---------------------------------------------------------------------------------------------
levels <- function(r, h, hist, gauss) {
  k <- sqrt(h)  # square-root-of-time scaling from one period to one day
  list(historical95 = hist(r, 0.95) * k, historical99 = hist(r, 0.99) * k,
       gaussian95 = gauss(r, 0.95) * k, gaussian99 = gauss(r, 0.99) * k)
}

portfolio_metrics <- function(R, w, periods_per_year, horizon_periods, benchmark = NULL,
                              equity = NULL, equity_periods_per_year = periods_per_year) {
  rp <- portfolio_returns(R, w)
  eq <- if (is.null(equity)) numeric(0) else return_calculate(equity)
  list(
    portfolioReturns = rp,
    observations = length(rp),
    annualisedVolatility = stddev_annualized(rp, periods_per_year),
    var = levels(rp, horizon_periods, var_historical, var_gaussian),
    cvar = levels(rp, horizon_periods, es_historical, es_gaussian),
    beta = if (is.null(benchmark)) NA_real_ else capm_beta(rp, benchmark),
    equity = list(
      observations = length(eq),
      maxDrawdown = max_drawdown(eq),
      sharpe = sharpe_annualized(eq, equity_periods_per_year),
      sortino = sortino(eq)
    )
  )
}

cases <- list(
  # daily returns: one period is the one-day horizon; equityPeriodsPerYear defaults to 252
  list(
    name = "daily returns, benchmark, daily equity",
    input = list(periodsPerYear = 252, horizonPeriods = 1, benchmark = TRUE,
                 equityPeriodsPerYear = NA_real_),
    expected = portfolio_metrics(assets, weights, 252, 1, benchmark, equity)
  ),
  # the same numbers read as hourly returns: VaR/ES scaled by sqrt(24), no benchmark
  list(
    name = "hourly returns, no benchmark, daily equity",
    input = list(periodsPerYear = 252 * 24, horizonPeriods = 24, benchmark = FALSE,
                 equityPeriodsPerYear = 252),
    expected = portfolio_metrics(assets, weights, 252 * 24, 24, NULL, equity, 252)
  )
)

ref <- list(
  meta = list(
    generator = "libs/risk/reference/make-portfolio-reference.R",
    r_version = R.version.string,
    note = paste("base-R transcriptions of PerformanceAnalytics formulas; VaR/ES as returns",
                 "(PA invert = TRUE) times sqrt(horizonPeriods); beta null without benchmark;",
                 "equityPeriodsPerYear null means the default (periodsPerYear)")
  ),
  data = list(
    weights = weights,
    assetReturns = list(asset1, asset2, asset3),
    benchmarkReturns = benchmark,
    equityCurve = equity
  ),
  cases = cases
)

# ---------------------------------------------------------------------------------------------
# Minimal JSON writer (no packages): numbers at full precision, NA -> null
# ---------------------------------------------------------------------------------------------
fmt_num <- function(x) ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"),
                                                        sprintf("%.17g", x)))
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      items <- mapply(function(k, v) paste0(inner, "\"", k, "\": ", to_json(v, inner)), names(x), x)
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
    }
    items <- vapply(x, function(v) paste0(inner, to_json(v, inner)), "")
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) return(paste0("\"", gsub("\"", "\\\\\"", x), "\""))
  if (is.logical(x) && length(x) == 1) return(if (is.na(x)) "null" else tolower(as.character(x)))
  vals <- fmt_num(as.numeric(x))
  if (length(x) == 1) return(vals)  # every series here is longer than 1
  paste0("[", paste(vals, collapse = ", "), "]")
}

writeLines(to_json(ref), out_file)
cat("wrote", out_file, "\n")
