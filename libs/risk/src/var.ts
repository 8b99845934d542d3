/**
 * One-period Value at Risk and Expected Shortfall (CVaR).
 *
 * SIGN CONVENTION (PA's default `invert = TRUE`): VaR and ES are reported as *returns*,
 * so a loss is a negative number, e.g. `historicalVaR(r, 0.95) === -0.021` means a 5 %
 * chance of losing 2.1 % or more in one period. ES ≤ VaR for the same data and level.
 * This is exactly the number `VaR(R, p, method = …)` / `ES(R, p, method = …)` print by default.
 *
 * Differences from PA, on purpose:
 *  - PA replaces a VaR/ES that implies a gain (a positive return here) with NA and caps a
 *    loss beyond 100 % at 100 % ("unreliable result" messages). These functions return the
 *    raw value; check the sign yourself if you need PA's NA.
 *  - PA drops NAs (`na.omit`); here a NaN in the input gives NaN (use `dropNaN` first).
 *
 * The level `p` follows PA's `.setalphaprob`: p ≥ 0.51 is a confidence level and the tail
 * probability is 1 − p (0.95 → 5 % tail); p < 0.51 is taken as the tail probability itself
 * (0.05 → 5 % tail). Empty input → NaN.
 */
import { normalDensity, normalQuantile } from './normal';
import { hasNaN, mean, populationStdDev, quantileSorted, sortedCopy, stdDev, type Series } from './stats';

/** Tail probability for a PA-style level (PA's internal `.setalphaprob`). */
export function tailProbability(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`VaR/ES level must be in (0, 1), got ${p}`);
  return p >= 0.51 ? 1 - p : p;
}

/** Options for the parametric (Gaussian) estimators. */
export interface GaussianOptions {
  /**
   * Which standard deviation to use. PA uses `sqrt(centeredmoment(R, 2))`, the population
   * sd (denominator n), so `'population'` is the default and matches PA exactly;
   * `'sample'` (n − 1) matches textbook `mean + qnorm(α)·sd(R)`.
   */
  readonly sd?: 'population' | 'sample';
}

function gaussianSd(returns: Series, options?: GaussianOptions): number {
  return options?.sd === 'sample' ? stdDev(returns) : populationStdDev(returns);
}

/**
 * Historical VaR: the α-quantile of the returns (R `quantile`, type 7), α = tail probability.
 * Mirrors PA `VaR(R, p, method = "historical")` (`VaR.historical`: `-quantile(R, α)`, then
 * inverted by `invert = TRUE`). Returns a return (negative = loss).
 */
export function historicalVaR(returns: Series, p = 0.95): number {
  const alpha = tailProbability(p);
  if (returns.length === 0 || hasNaN(returns)) return NaN;
  return quantileSorted(sortedCopy(returns), alpha);
}

/**
 * Historical Expected Shortfall: the mean of the returns strictly below the historical VaR
 * quantile q; when no return is below q, ES = q.
 * Mirrors PA `ES(R, p, method = "historical")` (`ES.historical`: `q = quantile(r, α)`,
 * `-mean(r[r < q])`, falling back to `-q`, then inverted). Note PA's test is strict
 * (`r < q`), which only matters when q coincides with an observation (ties, or when
 * (n − 1)·α is an integer).
 */
export function historicalES(returns: Series, p = 0.95): number {
  const alpha = tailProbability(p);
  if (returns.length === 0 || hasNaN(returns)) return NaN;
  const sorted = sortedCopy(returns);
  const q = quantileSorted(sorted, alpha);
  let s = 0;
  let k = 0;
  for (let i = 0; i < sorted.length && sorted[i] < q; i++) {
    s += sorted[i];
    k++;
  }
  return k === 0 ? q : s / k;
}

/**
 * Gaussian (parametric) VaR: `mean(R) + qnorm(α)·σ`.
 * Mirrors PA `VaR(R, p, method = "gaussian")` (`VaR.Gaussian`: `-mean − qnorm(α)·sqrt(m2)`,
 * then inverted). σ is the population sd by default, as in PA (see {@link GaussianOptions}).
 * A constant series gives its mean (σ = 0); a single observation gives that observation with
 * the population sd, NaN with the sample sd.
 */
export function gaussianVaR(returns: Series, p = 0.95, options?: GaussianOptions): number {
  const alpha = tailProbability(p);
  if (returns.length === 0) return NaN;
  return mean(returns) + normalQuantile(alpha) * gaussianSd(returns, options);
}

/**
 * Gaussian (parametric) Expected Shortfall: `mean(R) − σ·dnorm(qnorm(α))/α`.
 * Mirrors PA `ES(R, p, method = "gaussian")` (`ES.Gaussian`: `-mean + dnorm(qnorm(α))·sqrt(m2)/α`,
 * then inverted). σ as in {@link gaussianVaR}.
 */
export function gaussianES(returns: Series, p = 0.95, options?: GaussianOptions): number {
  const alpha = tailProbability(p);
  if (returns.length === 0) return NaN;
  return mean(returns) - (gaussianSd(returns, options) * normalDensity(normalQuantile(alpha))) / alpha;
}
