#!/usr/bin/env Rscript
# Reference values for @meridian/indicators, computed by R's TTR package (the independent source).
#
#   Rscript libs/indicators/reference/make-reference.R     (from the repository root)
#
# Writes libs/indicators/reference/ttr-reference.json next to this script: the input series and,
# for every case, TTR's output columns, NA/NaN as null, doubles printed with 17 significant digits
# so that they parse back to the very same binary value. Deterministic: set.seed(42).
# Needs the Debian packages r-base-core and r-cran-ttr (jsonlite is not needed).

suppressPackageStartupMessages(library(TTR))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()
out_file <- file.path(out_dir, "ttr-reference.json")

# ---- input series --------------------------------------------------------------------------

make_bars <- function(close, open, wick) {
  # high/low envelope open and close, so that low <= min(open, close) <= max(open, close) <= high
  list(
    open = open,
    high = pmax(open, close) * exp(wick[, 1]),
    low = pmin(open, close) * exp(-wick[, 2]),
    close = close
  )
}

set.seed(42)
N <- 400
ret <- rnorm(N, mean = 0.0003, sd = 0.015)
close <- 100 * exp(cumsum(ret))
open <- c(100, close[-N]) * exp(rnorm(N, 0, 0.002)) # small overnight gaps
wick <- matrix(abs(rnorm(2 * N, 0, 0.006)), ncol = 2)
walk <- make_bars(close, open, wick)

# A second series with flat stretches (high = low = close): zero ranges and zero variances, where
# RSI is 0/0 at its seed, %B is 0/0 and the stochastic range is empty.
flat_close <- c(rep(50, 25), 50 * exp(cumsum(rnorm(60, 0, 0.02))))
flat_close <- c(flat_close, rep(flat_close[length(flat_close)], 25))
flat_close <- c(flat_close, flat_close[length(flat_close)] * exp(cumsum(rnorm(40, 0, 0.02))))
M <- length(flat_close)
flat_open <- c(50, flat_close[-M])
flat_wick <- matrix(abs(rnorm(2 * M, 0, 0.004)), ncol = 2)
is_flat <- c(rep(TRUE, 25), rep(FALSE, 60), rep(TRUE, 25), rep(FALSE, 40))
flat_open[is_flat] <- flat_close[is_flat]
flat_wick[is_flat, ] <- 0
flat <- make_bars(flat_close, flat_open, flat_wick)

datasets <- list(walk = walk, flat = flat)

# ---- cases ---------------------------------------------------------------------------------

cases <- list()
add <- function(dataset, indicator, params, call, outputs) {
  d <- datasets[[dataset]]
  hlc <- cbind(d$high, d$low, d$close)
  hl <- cbind(d$high, d$low)
  env <- list2env(list(close = d$close, high = d$high, low = d$low, HLC = hlc, HL = hl), parent = globalenv())
  res <- tryCatch(eval(parse(text = call), envir = env), error = function(e) e)
  if (inherits(res, "error")) {
    message(sprintf("skipped (TTR error): %s on %s: %s", call, dataset, conditionMessage(res)))
    return(invisible())
  }
  res <- as.matrix(res)
  cols <- list()
  for (name in names(outputs)) cols[[name]] <- as.numeric(res[, outputs[[name]]])
  id <- sprintf("%s %s", dataset, call)
  cases[[length(cases) + 1]] <<- list(id = id, dataset = dataset, indicator = indicator,
                                      params = params, call = call, outputs = cols)
}

for (ds in names(datasets)) {
  for (n in c(1, 5, 20, 50))
    add(ds, "sma", list(period = n), sprintf("SMA(close, n = %d)", n), list(value = 1))
  for (n in c(1, 5, 12, 26, 50))
    add(ds, "ema", list(period = n, wilder = FALSE), sprintf("EMA(close, n = %d)", n), list(value = 1))
  for (n in c(5, 14))
    add(ds, "ema", list(period = n, wilder = TRUE), sprintf("EMA(close, n = %d, wilder = TRUE)", n), list(value = 1))
  for (n in c(1, 5, 10, 30))
    add(ds, "wma", list(period = n), sprintf("WMA(close, n = %d)", n), list(value = 1))
  for (n in c(2, 14, 30))
    add(ds, "rsi", list(period = n), sprintf("RSI(close, n = %d)", n), list(value = 1))
  for (p in list(c(12, 26, 9), c(5, 35, 5), c(26, 12, 9), c(3, 10, 16))) {
    for (percent in c(FALSE, TRUE)) {
      add(ds, "macd", list(fast = p[1], slow = p[2], signal = p[3], percent = percent),
          sprintf("MACD(close, nFast = %d, nSlow = %d, nSig = %d, percent = %s)", p[1], p[2], p[3], percent),
          list(macd = "macd", signal = "signal"))
    }
  }
  for (p in list(c(20, 2), c(10, 1.5), c(5, 3))) {
    add(ds, "bollinger", list(period = p[1], k = p[2], input = "close"),
        sprintf("BBands(close, n = %d, sd = %g)", p[1], p[2]),
        list(lower = "dn", middle = "mavg", upper = "up", pctB = "pctB"))
  }
  add(ds, "bollinger", list(period = 20, k = 2, input = "typical"), "BBands(HLC, n = 20, sd = 2)",
      list(lower = "dn", middle = "mavg", upper = "up", pctB = "pctB"))
  for (n in c(1, 5, 14))
    add(ds, "atr", list(period = n), sprintf("ATR(HLC, n = %d)", n), list(tr = "tr", atr = "atr"))
  for (p in list(c(14, 3, 3, 1), c(5, 3, 3, 1), c(14, 3, 3, 3), c(9, 1, 4, 1))) {
    add(ds, "stochastic", list(fastK = p[1], fastD = p[2], slowD = p[3], smooth = p[4], bounded = TRUE),
        sprintf("stoch(HLC, nFastK = %d, nFastD = %d, nSlowD = %d, smooth = %d)", p[1], p[2], p[3], p[4]),
        list(fastK = "fastK", fastD = "fastD", slowD = "slowD"))
  }
  add(ds, "stochastic", list(fastK = 14, fastD = 3, slowD = 3, smooth = 1, bounded = FALSE),
      "stoch(HLC, nFastK = 14, nFastD = 3, nSlowD = 3, bounded = FALSE)",
      list(fastK = "fastK", fastD = "fastD", slowD = "slowD"))
  for (n in c(1, 5, 20)) {
    for (type in c("continuous", "discrete"))
      add(ds, "roc", list(period = n, type = type), sprintf("ROC(close, n = %d, type = \"%s\")", n, type),
          list(value = 1))
  }
  for (n in c(2, 10, 20)) {
    for (sample in c(TRUE, FALSE))
      add(ds, "runSD", list(period = n, sample = sample), sprintf("runSD(close, n = %d, sample = %s)", n, sample),
          list(value = 1))
  }
  for (n in c(1, 5, 20)) {
    add(ds, "runMax", list(period = n), sprintf("runMax(high, n = %d)", n), list(value = 1))
    add(ds, "runMin", list(period = n), sprintf("runMin(low, n = %d)", n), list(value = 1))
  }
  for (n in c(10, 20)) {
    for (lag in c(FALSE, TRUE))
      add(ds, "donchian", list(period = n, includeLag = lag),
          sprintf("DonchianChannel(HL, n = %d, include.lag = %s)", n, lag),
          list(high = "high", mid = "mid", low = "low"))
  }
}

# ---- JSON (hand-written: 17 significant digits round-trip every double exactly) ------------

num <- function(x) {
  s <- ifelse(is.na(x), "null", sprintf("%.17g", x))
  s[is.infinite(x)] <- ifelse(x[is.infinite(x)] > 0, '"Inf"', '"-Inf"') # JSON has no Inf
  paste0("[", paste(s, collapse = ","), "]")
}
str <- function(x) paste0('"', gsub('"', '\\\\"', x), '"')
scalar <- function(v) {
  if (is.logical(v)) tolower(as.character(v))
  else if (is.numeric(v)) sprintf("%.17g", v)
  else str(v)
}
obj <- function(fields) paste0("{", paste(sprintf("%s:%s", str(names(fields)), unlist(fields)), collapse = ","), "}")

json_datasets <- obj(lapply(datasets, function(d) obj(lapply(d, num))))
json_cases <- paste0("[\n", paste(vapply(cases, function(k) obj(list(
  id = str(k$id),
  dataset = str(k$dataset),
  indicator = str(k$indicator),
  params = obj(lapply(k$params, scalar)),
  call = str(k$call),
  outputs = obj(lapply(k$outputs, num))
)), ""), collapse = ",\n"), "\n]")

json <- paste0("{\n",
  '"generator":"libs/indicators/reference/make-reference.R",\n',
  '"r":', str(R.version.string), ",\n",
  '"ttr":', str(as.character(packageVersion("TTR"))), ",\n",
  '"seed":42,\n',
  '"datasets":', json_datasets, ",\n",
  '"cases":', json_cases, "\n}\n")
writeLines(json, out_file, sep = "")

# Self-check: every printed number parses back to the identical double.
orig <- unname(unlist(lapply(cases, function(k) unlist(k$outputs))))
back <- suppressWarnings(as.numeric(sprintf("%.17g", orig)))
stopifnot(all(is.na(back) == is.na(orig)), all(back[!is.na(back)] == orig[!is.na(orig)]))
message(sprintf("%d infinite values written as \"Inf\"/\"-Inf\"", sum(is.infinite(orig))))
message(sprintf("wrote %d cases to %s", length(cases), out_file))
