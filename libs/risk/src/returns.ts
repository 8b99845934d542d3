import { mean, stdDev, type Series } from './stats';

/** Periods per year used when no scale is given (daily data), as in PerformanceAnalytics. */
export const PERIODS_PER_YEAR = 252;

/** How to turn prices into returns: PA's `Return.calculate(method = "discrete" | "log")`. */
export type ReturnMethod = 'discrete' | 'log';

/**
 * Period returns from a price or equity series.
 * Mirrors PA `Return.calculate(prices, method)`: discrete `p[t]/p[t−1] − 1` (default) or
 * log `ln(p[t]/p[t−1])`. PA keeps a leading NA row; here it is dropped, so the result has
 * `prices.length − 1` elements (empty for fewer than 2 prices).
 */
export function calculateReturns(prices: Series, method: ReturnMethod = 'discrete'): Float64Array {
  const n = prices.length;
  if (n < 2) return new Float64Array(0);
  const out = new Float64Array(n - 1);
  for (let t = 1; t < n; t++) {
    const ratio = prices[t] / prices[t - 1];
    out[t - 1] = method === 'log' ? Math.log(ratio) : ratio - 1;
  }
  return out;
}

/**
 * Cumulative (total) return over the whole series.
 * Mirrors PA `Return.cumulative(R, geometric)`: `prod(1 + R) − 1` (geometric, default) or
 * `sum(R)` (geometric = false). Empty series → 0 (empty product / sum), as in R.
 */
export function cumulativeReturn(returns: Series, geometric = true): number {
  if (geometric) {
    let w = 1;
    for (let i = 0; i < returns.length; i++) w *= 1 + returns[i];
    return w - 1;
  }
  let s = 0;
  for (let i = 0; i < returns.length; i++) s += returns[i];
  return s;
}

/**
 * Annualised return.
 * Mirrors PA `Return.annualized(R, scale, geometric)`: `prod(1 + R)^(scale/n) − 1`
 * (geometric, default) or `mean(R)·scale`. Empty series → NaN.
 */
export function annualizedReturn(returns: Series, scale: number = PERIODS_PER_YEAR, geometric = true): number {
  const n = returns.length;
  if (n === 0) return NaN;
  if (!geometric) return mean(returns) * scale;
  let w = 1;
  for (let i = 0; i < n; i++) w *= 1 + returns[i];
  return Math.pow(w, scale / n) - 1;
}

/**
 * Annualised volatility.
 * Mirrors PA `StdDev.annualized(R, scale)`: `sqrt(scale)·sd(R)` with the sample (n − 1)
 * standard deviation. Fewer than 2 observations → NaN; a constant series → 0.
 */
export function annualizedVolatility(returns: Series, scale: number = PERIODS_PER_YEAR): number {
  return Math.sqrt(scale) * stdDev(returns);
}
