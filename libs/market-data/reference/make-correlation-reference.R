#!/usr/bin/env Rscript
# Reference values for libs/market-data/src/correlation.spec.ts.
#
# Builds three deterministic daily close series (set.seed) with different but overlapping dates,
# aligns them on the dates all three share, and computes with base R only:
#   * simple returns r_t = c_t / c_{t-1} - 1 of the aligned closes,
#   * cor() of those returns (Pearson),
#   * a rolling Pearson correlation of the returns of the pair (A, B) over their own common dates,
#     written as an explicit loop (NA during the first window - 1 returns).
# Everything is written at full precision (sprintf('%.17g')) to correlation-reference.json.
#
# Run from the repository root:  Rscript libs/market-data/reference/make-correlation-reference.R

set.seed(20240601)

all_dates <- seq(as.Date("2024-01-01"), as.Date("2024-12-31"), by = "day")
n_all <- length(all_dates)

# Correlated daily returns: one common factor plus idiosyncratic noise.
factor_returns <- rnorm(n_all, mean = 0.0002, sd = 0.010)
make_closes <- function(start, beta, idio_sd) {
  r <- beta * factor_returns + rnorm(n_all, mean = 0, sd = idio_sd)
  start * cumprod(1 + r)
}
closes_a <- make_closes(100, 1.0, 0.006)
closes_b <- make_closes(250, 0.6, 0.012)
closes_c <- make_closes(40, -0.8, 0.009)

# Different but overlapping calendars.
keep_a <- all_dates >= as.Date("2024-01-01") & all_dates <= as.Date("2024-10-31") & runif(n_all) > 0.10
keep_b <- all_dates >= as.Date("2024-02-01") & all_dates <= as.Date("2024-12-31") & runif(n_all) > 0.10
weekday <- as.POSIXlt(all_dates)$wday
keep_c <- all_dates >= as.Date("2024-01-15") & all_dates <= as.Date("2024-11-30") & weekday %in% 1:5

series <- list(
  A = list(dates = all_dates[keep_a], closes = closes_a[keep_a]),
  B = list(dates = all_dates[keep_b], closes = closes_b[keep_b]),
  C = list(dates = all_dates[keep_c], closes = closes_c[keep_c])
)

simple_returns <- function(x) x[-1] / x[-length(x)] - 1
epoch_ms <- function(d) as.numeric(d) * 86400000

# Align on the dates common to all three series.
common <- Reduce(intersect, lapply(series, function(s) as.numeric(s$dates)))
common <- sort(common)
aligned <- sapply(series, function(s) s$closes[match(common, as.numeric(s$dates))])
returns <- apply(aligned, 2, simple_returns)
cor_matrix <- cor(returns)

# Rolling correlation of A and B returns over their own common dates.
window <- 20
common_ab <- sort(intersect(as.numeric(series$A$dates), as.numeric(series$B$dates)))
ra <- simple_returns(series$A$closes[match(common_ab, as.numeric(series$A$dates))])
rb <- simple_returns(series$B$closes[match(common_ab, as.numeric(series$B$dates))])
rolling <- rep(NA_real_, length(ra))
for (i in seq_along(ra)) {
  if (i >= window) {
    idx <- (i - window + 1):i
    rolling[i] <- cor(ra[idx], rb[idx])
  }
}

# Minimal JSON writer (base R only).
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
str <- function(x) paste0("\"", x, "\"")
str_arr <- function(x) paste0("[", paste(str(x), collapse = ","), "]")

series_json <- vapply(names(series), function(name) {
  s <- series[[name]]
  sprintf("{\"symbol\":%s,\"times\":%s,\"closes\":%s}", str(name), arr(epoch_ms(s$dates)), arr(s$closes))
}, character(1))

matrix_json <- paste0("[", paste(apply(cor_matrix, 1, arr), collapse = ","), "]")
returns_json <- paste0("[", paste(apply(returns, 2, arr), collapse = ","), "]")

json <- paste0(
  "{\n",
  "\"generator\":", str(paste("make-correlation-reference.R,", R.version.string)), ",\n",
  "\"seed\":20240601,\n",
  "\"series\":[\n", paste(series_json, collapse = ",\n"), "\n],\n",
  "\"common\":{\"times\":", arr(epoch_ms(common)), ",\"returns\":", returns_json, "},\n",
  "\"correlation\":{\"symbols\":", str_arr(colnames(cor_matrix)), ",\"matrix\":", matrix_json,
  ",\"observations\":", nrow(returns), "},\n",
  "\"rolling\":{\"symbols\":", str_arr(c("A", "B")), ",\"window\":", window,
  ",\"times\":", arr(epoch_ms(common_ab[-1])), ",\"values\":", arr(rolling), "}\n",
  "}\n"
)

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(script) else "."
out <- file.path(out_dir, "correlation-reference.json")
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
