/**
 * Risk-adjusted return ratios. The risk-free rate `rf` and the minimum acceptable return `mar`
 * are per period (e.g. a daily rate for daily returns), as in PA.
 * A zero denominator (constant returns, no downside) gives NaN rather than ±Infinity.
 */
import { annualizedReturn, PERIODS_PER_YEAR } from './returns';
import { mean, stdDev, type Series } from './stats';

function excess(returns: Series, rf: number): Float64Array {
  const out = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) out[i] = returns[i] - rf;
  return out;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? NaN : numerator / denominator;
}

/**
 * Per-period Sharpe ratio: `mean(R − rf) / sd(R − rf)` (sample sd).
 * Mirrors PA `SharpeRatio(R, Rf, FUN = "StdDev")`. Fewer than 2 observations or sd 0 → NaN.
 */
export function sharpeRatio(returns: Series, rf = 0): number {
  const x = excess(returns, rf);
  return ratio(mean(x), stdDev(x));
}

/**
 * Annualised Sharpe ratio: `Return.annualized(R − rf, scale, geometric) / StdDev.annualized(R − rf, scale)`.
 * Mirrors PA `SharpeRatio.annualized(R, Rf, scale, geometric = TRUE)` (geometric was PA's
 * default through 2.0.x; pass `geometric = false` for `mean(R − rf)·scale` in the numerator).
 * Fewer than 2 observations or sd 0 → NaN.
 */
export function annualizedSharpeRatio(
  returns: Series,
  rf = 0,
  scale: number = PERIODS_PER_YEAR,
  geometric = true,
): number {
  const x = excess(returns, rf);
  return ratio(annualizedReturn(x, scale, geometric), Math.sqrt(scale) * stdDev(x));
}

/**
 * Downside deviation below `mar`: `sqrt(sum(min(R − mar, 0)²) / n)` over all n observations.
 * Mirrors PA `DownsideDeviation(R, MAR, method = "full")` (the default). Empty series → NaN;
 * no return below `mar` → 0.
 */
export function downsideDeviation(returns: Series, mar = 0): number {
  const n = returns.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    if (r < mar || Number.isNaN(r)) {
      const d = mar - r;
      s += (d * d) / n;
    }
  }
  return Math.sqrt(s);
}

/**
 * Sortino ratio: `mean(R − mar) / DownsideDeviation(R, mar)` (per period, not annualised).
 * Mirrors PA `SortinoRatio(R, MAR)`. Empty series or no downside (deviation 0) → NaN.
 */
export function sortinoRatio(returns: Series, mar = 0): number {
  return ratio(mean(excess(returns, mar)), downsideDeviation(returns, mar));
}
