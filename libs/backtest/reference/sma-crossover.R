# Independent reference for the backtest engine (libs/backtest/src/reference.spec.ts).
#
#   Rscript libs/backtest/reference/sma-crossover.R
#
# Needs R and TTR (Debian: r-base-core, r-cran-ttr). It
#   1. writes daily-bars.csv (500 business days of OHLCV from set.seed(20261126)) if it is not
#      there yet; the committed file is the reference input, so it is only generated once;
#   2. reads daily-bars.csv back, computes TTR::SMA(close, 10) and TTR::SMA(close, 30), and
#      simulates, with plain vectors and no backtest package, the rule:
#        enter long 1 unit when crossAbove(SMA10, SMA30): SMA10 > SMA30 now, SMA10 <= SMA30 on
#        the bar before; exit when crossBelow (SMA10 < SMA30 now, >= before);
#        an order decided at the close of bar t fills at the open of bar t + 1 (a decision on
#        the last bar never fills), no slippage, fees 10 bps of each fill's notional;
#   3. writes sma-crossover-expected.json: every closed trade (entry/exit date, time in epoch ms,
#      price, quantity, gross P&L, fees, net P&L), the trade still open at the end (if any),
#      the totals and the final equity (cash + position at the last close), numbers with 17
#      significant digits so that every double round-trips.

suppressPackageStartupMessages(library(TTR))

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
csv_path <- file.path(here, "daily-bars.csv")
json_path <- file.path(here, "sma-crossover-expected.json")

FAST <- 10
SLOW <- 30
QUANTITY <- 1
FEES_BPS <- 10
INITIAL_CASH <- 100000

generate_bars <- function(n = 500) {
  set.seed(20261126)
  days <- seq(as.Date("2023-01-02"), by = "day", length.out = n * 2)
  days <- days[!(format(days, "%u") %in% c("6", "7"))][1:n]
  open <- close <- high <- low <- numeric(n)
  previous <- 100
  for (i in 1:n) {
    open[i] <- previous * exp(rnorm(1, 0, 0.004))               # overnight gap
    close[i] <- open[i] * exp(rnorm(1, 0.0003, 0.015))
    high[i] <- max(open[i], close[i]) * (1 + abs(rnorm(1, 0, 0.006)))
    low[i] <- min(open[i], close[i]) * (1 - abs(rnorm(1, 0, 0.006)))
    previous <- close[i]
  }
  open <- round(open, 2)
  close <- round(close, 2)
  high <- pmax(round(high, 2), open, close)
  low <- pmin(round(low, 2), open, close)
  volume <- round(runif(n, 1e5, 1e6))
  data.frame(date = format(days, "%Y-%m-%d"), open = sprintf("%.2f", open), high = sprintf("%.2f", high),
             low = sprintf("%.2f", low), close = sprintf("%.2f", close), volume = sprintf("%.0f", volume))
}

if (!file.exists(csv_path)) {
  write.csv(generate_bars(), csv_path, row.names = FALSE, quote = FALSE)
  cat("wrote", csv_path, "\n")
}

bars <- read.csv(csv_path, colClasses = c(date = "character"))
n <- nrow(bars)
time_ms <- as.numeric(as.POSIXct(bars$date, tz = "UTC")) * 1000

fast <- SMA(bars$close, FAST)
slow <- SMA(bars$close, SLOW)
previous_fast <- c(NA, fast[-n])
previous_slow <- c(NA, slow[-n])
cross_above <- !is.na(previous_slow) & fast > slow & previous_fast <= previous_slow
cross_below <- !is.na(previous_slow) & fast < slow & previous_fast >= previous_slow

fee <- function(price) price * QUANTITY * FEES_BPS / 10000

trades <- list()
open_trade <- NULL
for (t in seq_len(n - 1)) {                  # a decision on bar n would fill after the data
  if (is.null(open_trade) && cross_above[t]) {
    open_trade <- list(entry = t + 1, price = bars$open[t + 1])
  } else if (!is.null(open_trade) && cross_below[t]) {
    exit_price <- bars$open[t + 1]
    gross <- (exit_price - open_trade$price) * QUANTITY
    fees <- fee(open_trade$price) + fee(exit_price)
    trades[[length(trades) + 1]] <- list(
      entryDate = bars$date[open_trade$entry], entryTime = time_ms[open_trade$entry], entryPrice = open_trade$price,
      exitDate = bars$date[t + 1], exitTime = time_ms[t + 1], exitPrice = exit_price,
      quantity = QUANTITY, grossPnl = gross, fees = fees, netPnl = gross - fees)
    open_trade <- NULL
  }
}

num <- function(x) sprintf("%.17g", x)
str <- function(x) paste0('"', x, '"')
object <- function(fields) paste0("{", paste0(str(names(fields)), ": ", unlist(fields), collapse = ", "), "}")
trade_json <- function(tr) object(list(
  entryDate = str(tr$entryDate), entryTime = num(tr$entryTime), entryPrice = num(tr$entryPrice),
  exitDate = str(tr$exitDate), exitTime = num(tr$exitTime), exitPrice = num(tr$exitPrice),
  quantity = num(tr$quantity), grossPnl = num(tr$grossPnl), fees = num(tr$fees), netPnl = num(tr$netPnl)))

gross_total <- sum(vapply(trades, function(tr) tr$grossPnl, 0))
fees_total <- sum(vapply(trades, function(tr) tr$fees, 0))
final_equity <- INITIAL_CASH + gross_total - fees_total
open_json <- "null"
if (!is.null(open_trade)) {
  final_equity <- final_equity - fee(open_trade$price) + (bars$close[n] - open_trade$price) * QUANTITY
  open_json <- object(list(entryDate = str(bars$date[open_trade$entry]), entryTime = num(time_ms[open_trade$entry]),
                           entryPrice = num(open_trade$price), quantity = num(QUANTITY), fees = num(fee(open_trade$price))))
}

json <- paste0(
  "{\n",
  '  "source": "libs/backtest/reference/sma-crossover.R (', R.version.string, ", TTR ", as.character(packageVersion("TTR")), ')",\n',
  '  "rule": "long 1 unit on crossAbove(SMA(close, 10), SMA(close, 30)), flat on crossBelow; fill at the next open; fees 10 bps",\n',
  '  "params": ', object(list(fast = num(FAST), slow = num(SLOW), quantity = num(QUANTITY), feesBps = num(FEES_BPS), initialCash = num(INITIAL_CASH))), ",\n",
  '  "bars": ', n, ",\n",
  '  "trades": [\n    ', paste0(vapply(trades, trade_json, ""), collapse = ",\n    "), "\n  ],\n",
  '  "openTrade": ', open_json, ",\n",
  '  "totals": ', object(list(trades = length(trades), grossPnl = num(gross_total), fees = num(fees_total), netPnl = num(gross_total - fees_total))), ",\n",
  '  "finalEquity": ', num(final_equity), "\n",
  "}\n")
writeLines(json, json_path, sep = "")

# Every number written must read back as the same double (17 significant digits always do).
written <- c(unlist(lapply(trades, function(tr) unlist(tr[c("entryTime", "entryPrice", "exitTime", "exitPrice", "grossPnl", "fees", "netPnl")]))),
             gross_total, fees_total, final_equity)
stopifnot(all(as.numeric(num(written)) == written))
cat("wrote", json_path, ":", length(trades), "closed trades,", if (is.null(open_trade)) "none" else "one", "open\n")
