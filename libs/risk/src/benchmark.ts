/** Measures of a return series against a benchmark series of the same length. */
import { covariance, variance, type Series } from './stats';

// Correlation with a benchmark is `correlation(returns, benchmark)` from './stats' (R's `cor`).

/**
 * CAPM beta: `cov(Ra − rf, Rb − rf) / var(Rb − rf)` with sample (n − 1) estimators
 * (equal to the OLS slope of Ra on Rb).
 * Mirrors PA `CAPM.beta(Ra, Rb, Rf)`. A scalar per-period `rf` does not change the value but is
 * accepted for symmetry with PA. Fewer than 2 pairs or a constant benchmark → NaN.
 * @throws RangeError when the series lengths differ.
 */
export function beta(returns: Series, benchmark: Series, rf = 0): number {
  if (returns.length !== benchmark.length) {
    throw new RangeError(`beta: series lengths differ (${returns.length} vs ${benchmark.length})`);
  }
  const n = returns.length;
  const xa = new Float64Array(n);
  const xb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xa[i] = returns[i] - rf;
    xb[i] = benchmark[i] - rf;
  }
  const v = variance(xb);
  return v === 0 ? NaN : covariance(xa, xb) / v;
}

