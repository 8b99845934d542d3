# Reference values for @meridian/risk, computed in base R only.
#
# PerformanceAnalytics (PA) is not installed here, so each metric re-implements, explicitly,
# the formula of the PA function it mirrors (the PA call is cited above each one; source read
# from braverock/PerformanceAnalytics: R/VaR.R, R/ES.R, R/StdDev.R, R/Return.annualized.R,
# R/SharpeRatio.R, R/SortinoRatio.R, R/DownsideDeviation.R, R/Drawdowns.R, R/maxDrawdown.R,
# R/findDrawdowns.R, R/CalmarRatio.R, R/CAPM.beta.R and the univariate helpers
# (.setalphaprob, centeredmoment, VaR.historical, ES.historical, VaR.Gaussian, ES.Gaussian)).
#
# Run from the repository root:  Rscript libs/risk/reference/make-reference.R
# Writes libs/risk/reference/pa-reference.json with every number as sprintf('%.17g').

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "libs/risk/reference"
out_file <- file.path(out_dir, "pa-reference.json")

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
set.seed(7)
n <- 500
core <- rnorm(n, mean = 0.0004, sd = 0.01)
# fat tails: on ~4 % of days add a jump from a wide, negatively centred normal
jumps <- rbinom(n, 1, 0.04) * rnorm(n, mean = -0.01, sd = 0.04)
daily <- core + jumps
benchmark <- 0.6 * daily + rnorm(n, mean = 0.0002, sd = 0.007)

# 12 monthly returns, by hand (scale 12); ends under water, so its last drawdown is open
hand <- c(0.02, -0.01, 0.035, -0.04, 0.01, 0, -0.025, 0.05, 0.015, -0.005, 0.03, -0.02)

# 21 values: (n - 1) * 0.05 = 1 exactly, so with p = 0.05 the 5 % quantile IS an observation
# and PA's strict `r < q` in ES.historical matters; also contains ties
ties21 <- c(-0.031, -0.02, -0.02, 0.015, -0.012, 0.004, 0.009, -0.004, 0.011, 0.02, 0.002,
            -0.007, 0.013, 0.006, -0.001, 0.017, 0.008, 0.003, -0.009, 0.012, 0.001)

prices <- c(100, 101.5, 100.75, 102.2, 99.8, 103.4, 103.4, 104.9, 101.0, 106.25, 107.1)

set.seed(11)
pnls <- c(round(rnorm(37, mean = 25, sd = 180), 2), 0, 0, 310.5)

# ---------------------------------------------------------------------------------------------
# PA formulas in base R
# ---------------------------------------------------------------------------------------------
# mark a vector as a series so the JSON writer keeps a 1-element vector as an array
as_series <- function(x) { attr(x, "series") <- TRUE; x }

# PA .setalphaprob(p): p >= 0.51 is a confidence level, else already a tail probability
setalphaprob <- function(p) if (p >= 0.51) 1 - p else p
# PA centeredmoment(R, power) = mean((R - mean(R))^power)   (population moment)
centeredmoment <- function(r, power) mean((r - mean(r))^power)

# PA Return.calculate(prices, method = "discrete" | "log"), leading NA dropped
return_calculate <- function(p, method) {
  if (method == "discrete") p[-1] / p[-length(p)] - 1 else log(p[-1] / p[-length(p)])
}
# PA Return.cumulative(R, geometric)
return_cumulative <- function(r, geometric = TRUE) if (geometric) prod(1 + r) - 1 else sum(r)
# PA Return.annualized(R, scale, geometric)
return_annualized <- function(r, scale, geometric = TRUE) {
  if (geometric) prod(1 + r)^(scale / length(r)) - 1 else mean(r) * scale
}
# PA StdDev.annualized(R, scale) = sqrt(scale) * sd(R)
stddev_annualized <- function(r, scale) sqrt(scale) * sd(r)

# PA VaR(R, p, method = "historical") with invert = TRUE:
#   VaR.historical = -quantile(r, alpha)  (type 7), then inverted -> quantile(r, alpha)
var_historical <- function(r, p) {
  alpha <- setalphaprob(p)
  -(-as.numeric(quantile(r, probs = alpha, type = 7)))
}
# PA ES(R, p, method = "historical") with invert = TRUE:
#   ES.historical: q = quantile(r, alpha); -mean(r[r < q]) (or -q if none), then inverted
es_historical <- function(r, p) {
  alpha <- setalphaprob(p)
  q <- as.numeric(quantile(r, probs = alpha))
  exceed <- r[r < q]
  hES <- -mean(exceed)
  if (is.nan(hES)) hES <- -q
  -hES
}
# PA VaR(R, p, method = "gaussian") with invert = TRUE:
#   VaR.Gaussian = -mean(r) - qnorm(alpha) * sqrt(centeredmoment(r, 2)), then inverted
var_gaussian <- function(r, p, sdfun = function(x) sqrt(centeredmoment(x, 2))) {
  alpha <- setalphaprob(p)
  -(-mean(r) - qnorm(alpha) * sdfun(r))
}
# PA ES(R, p, method = "gaussian") with invert = TRUE:
#   ES.Gaussian = -mean(r) + dnorm(qnorm(alpha)) * sqrt(centeredmoment(r, 2)) / alpha, inverted
es_gaussian <- function(r, p, sdfun = function(x) sqrt(centeredmoment(x, 2))) {
  alpha <- setalphaprob(p)
  -(-mean(r) + dnorm(qnorm(alpha)) * sdfun(r) / alpha)
}

# PA CAPM.beta(Ra, Rb, Rf): cov(xRa, xRb) / var(xRb) on excess returns (= OLS slope)
capm_beta <- function(ra, rb, rf = 0) cov(ra - rf, rb - rf) / var(rb - rf)

# PA Drawdowns(R, geometric)
pa_drawdowns <- function(r, geometric = TRUE) {
  cumulative <- if (geometric) cumprod(1 + r) else 1 + cumsum(r)
  peak <- cummax(c(1, cumulative))[-1]
  cumulative / peak - 1
}
# PA maxDrawdown(R, geometric, invert = TRUE) = -min(Drawdowns(R))
max_drawdown <- function(r, geometric = TRUE) -min(pa_drawdowns(r, geometric))
# PA findDrawdowns(R): transcription of its loop (segments of negative / non-negative drawdown)
find_drawdowns <- function(r, geometric = TRUE) {
  drawdowns <- pa_drawdowns(r, geometric)
  draw <- c(); begin <- c(); end <- c(); trough <- c(0)
  index <- 1
  priorSign <- if (drawdowns[1] >= 0) 1 else 0
  from <- 1; sofar <- drawdowns[1]; to <- 1; dmin <- 1
  for (i in 1:length(drawdowns)) {
    thisSign <- ifelse(drawdowns[i] < 0, 0, 1)
    if (thisSign == priorSign) {
      if (drawdowns[i] < sofar) { sofar <- drawdowns[i]; dmin <- i }
      to <- i + 1
    } else {
      draw[index] <- sofar; begin[index] <- from; trough[index] <- dmin; end[index] <- to
      from <- i; sofar <- drawdowns[i]; to <- i + 1; dmin <- i
      index <- index + 1; priorSign <- thisSign
    }
  }
  draw[index] <- sofar; begin[index] <- from; trough[index] <- dmin; end[index] <- to
  list(return = draw, from = begin, trough = trough, to = end, length = end - begin + 1)
}
# Drawdown episodes (return < 0 only), 0-based indices as in the TypeScript library.
# Meridian's length = PA length, except an episode still open at the end, which PA counts
# as recovering at n + 1: there Meridian's length (peak to last period) is PA's minus 1.
episodes <- function(r) {
  fd <- find_drawdowns(r)
  keep <- fd$return < 0
  n <- length(r)
  open <- fd$to[keep] > n
  s <- function(x) as_series(as.numeric(x))
  list(
    start = s(fd$from[keep] - 1),
    trough = s(fd$trough[keep] - 1),
    recovery = s(ifelse(open, NA, fd$to[keep] - 1)),
    depth = s(fd$return[keep]),
    length = s(fd$length[keep] - ifelse(open, 1, 0)),
    pa_length = s(fd$length[keep])
  )
}
drawdown_duration <- function(r) { e <- episodes(r); if (length(e$length)) max(e$length) else 0 }
# PA CalmarRatio(R, scale) = Return.annualized(R, scale) / abs(maxDrawdown(R))
calmar <- function(r, scale) return_annualized(r, scale) / abs(max_drawdown(r))

# PA SharpeRatio(R, Rf, FUN = "StdDev") = mean(R - Rf) / sd(R - Rf)
sharpe <- function(r, rf = 0) mean(r - rf) / sd(r - rf)
# PA SharpeRatio.annualized(R, Rf, scale, geometric) =
#   Return.annualized(R - Rf, scale, geometric) / StdDev.annualized(R - Rf, scale)
sharpe_annualized <- function(r, rf, scale, geometric = TRUE) {
  return_annualized(r - rf, scale, geometric) / stddev_annualized(r - rf, scale)
}
# PA DownsideDeviation(R, MAR, method = "full") = sqrt(sum((MAR - r[r < MAR])^2 / length(R)))
downside_deviation <- function(r, mar = 0) {
  below <- r[r < mar]
  sqrt(sum((mar - below)^2 / length(r)))
}
# PA SortinoRatio(R, MAR) = mean(R - MAR) / DownsideDeviation(R, MAR)
sortino <- function(r, mar = 0) mean(r - mar) / downside_deviation(r, mar)

# ---------------------------------------------------------------------------------------------
# Metrics per series
# ---------------------------------------------------------------------------------------------
series_metrics <- function(r, scale, rf, mar) {
  m <- list(
    scale = scale, rf = rf, mar = mar,
    mean = mean(r), sd = sd(r), populationSd = sqrt(centeredmoment(r, 2)),
    cumulativeGeometric = return_cumulative(r, TRUE),
    cumulativeArithmetic = return_cumulative(r, FALSE),
    annualizedGeometric = return_annualized(r, scale, TRUE),
    annualizedArithmetic = return_annualized(r, scale, FALSE),
    annualizedVolatility = stddev_annualized(r, scale),
    drawdowns = pa_drawdowns(r),
    maxDrawdown = max_drawdown(r),
    maxDrawdownArithmetic = max_drawdown(r, geometric = FALSE),
    drawdownEpisodes = episodes(r),
    drawdownDuration = drawdown_duration(r),
    calmar = calmar(r, scale),
    sharpe = sharpe(r, 0), sharpeRf = sharpe(r, rf),
    sharpeAnnualized = sharpe_annualized(r, 0, scale, TRUE),
    sharpeAnnualizedRf = sharpe_annualized(r, rf, scale, TRUE),
    sharpeAnnualizedArithmeticRf = sharpe_annualized(r, rf, scale, FALSE),
    downsideDeviation = downside_deviation(r, 0), downsideDeviationMar = downside_deviation(r, mar),
    sortino = sortino(r, 0), sortinoMar = sortino(r, mar)
  )
  for (p in c(0.95, 0.99)) {
    k <- as.character(round(p * 100))
    m[[paste0("historicalVaR", k)]] <- var_historical(r, p)
    m[[paste0("historicalES", k)]] <- es_historical(r, p)
    m[[paste0("gaussianVaR", k)]] <- var_gaussian(r, p)
    m[[paste0("gaussianES", k)]] <- es_gaussian(r, p)
    m[[paste0("gaussianVaRSampleSd", k)]] <- var_gaussian(r, p, sd)
    m[[paste0("gaussianESSampleSd", k)]] <- es_gaussian(r, p, sd)
  }
  m
}

qprobs <- c(1e-12, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.075, 0.1, 0.3, 0.425, 0.5, 0.6, 0.75,
            0.925, 0.95, 0.975, 0.99, 0.999, 1 - 1e-7)
quantile_probs <- c(0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 1)

wins <- pnls[pnls > 0]; losses <- pnls[pnls < 0]
market_values <- c(25000, -12000.5, 8000.25, -3000, 0, 15500)
equity <- 50000
weights_by_period <- list(c(0.5, 0.3, 0.2, 0), c(0.4, 0.3, 0.1, 0.2), c(0, 0.6, 0.1, 0.3))
positions <- c(0, 0, 1, 1, 1, 0, -1, -1, 0, 0, 2, 0)
one_way <- function(a, b) sum(abs(b - a)) / 2

ref <- list(
  meta = list(
    generator = "libs/risk/reference/make-reference.R",
    r_version = R.version.string,
    note = "base-R transcriptions of PerformanceAnalytics formulas; VaR/ES signs as PA invert=TRUE"
  ),
  data = list(daily = daily, benchmark = benchmark, hand = hand, ties21 = ties21, prices = prices,
              pnls = pnls, marketValues = market_values, equity = equity,
              weightsByPeriod = weights_by_period, positions = positions),
  daily = series_metrics(daily, 252, 0.0001, 0.0005),
  benchmarkSeries = series_metrics(benchmark, 252, 0.0001, 0.0005),
  hand = series_metrics(hand, 12, 0.002, 0.005),
  relative = list(
    beta = capm_beta(daily, benchmark), betaRf = capm_beta(daily, benchmark, 0.0001),
    betaOfBenchmark = capm_beta(benchmark, daily),
    correlation = cor(daily, benchmark)
  ),
  ties21 = list(
    historicalVaR95 = var_historical(ties21, 0.95), historicalES95 = es_historical(ties21, 0.95),
    historicalVaR05 = var_historical(ties21, 0.05), historicalES05 = es_historical(ties21, 0.05),
    historicalVaR99 = var_historical(ties21, 0.99), historicalES99 = es_historical(ties21, 0.99),
    esNonStrict05 = mean(ties21[ties21 <= as.numeric(quantile(ties21, 0.05))])
  ),
  returns = list(discrete = return_calculate(prices, "discrete"), log = return_calculate(prices, "log")),
  normal = list(p = qprobs, qnorm = qnorm(qprobs), dnormAtQnorm = dnorm(qnorm(qprobs))),
  quantile = list(probs = quantile_probs,
                  daily = as.numeric(quantile(daily, quantile_probs, type = 7)),
                  ties21 = as.numeric(quantile(ties21, quantile_probs, type = 7))),
  trades = list(
    trades = length(pnls), wins = length(wins), losses = length(losses),
    winRate = length(wins) / length(pnls),
    grossProfit = sum(wins), grossLoss = sum(losses),
    profitFactor = sum(wins) / abs(sum(losses)),
    averageWin = mean(wins), averageLoss = mean(losses),
    payoffRatio = mean(wins) / abs(mean(losses)),
    expectancy = mean(pnls)
  ),
  exposure = list(
    gross = sum(abs(market_values)), net = sum(market_values),
    leverage = sum(abs(market_values)) / equity, netLeverage = sum(market_values) / equity,
    weights = market_values / equity,
    turnover01 = one_way(weights_by_period[[1]], weights_by_period[[2]]),
    averageTurnover = mean(c(one_way(weights_by_period[[1]], weights_by_period[[2]]),
                             one_way(weights_by_period[[2]], weights_by_period[[3]]))),
    timeInMarket = mean(positions != 0)
  )
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
  # scalars stay scalars; series (length != 1, or known series names) become arrays
  if (length(x) == 1 && is.null(attr(x, "series"))) return(vals)
  paste0("[", paste(vals, collapse = ", "), "]")
}

writeLines(to_json(ref), out_file)
cat("wrote", out_file, "\n")
