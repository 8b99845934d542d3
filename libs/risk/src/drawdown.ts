/**
 * Drawdowns of a return series.
 *
 * SIGN CONVENTION (as PA): the drawdown *series* and episode depths are ≤ 0
 * (`Drawdowns`, `findDrawdowns$return`), while {@link maxDrawdown} is a positive magnitude
 * (PA's `maxDrawdown` with its default `invert = TRUE`), e.g. 0.25 for a 25 % fall.
 *
 * Wealth starts at 1 before the first return, so a loss in the first period is a drawdown.
 */
import { annualizedReturn, PERIODS_PER_YEAR } from './returns';
import type { Series } from './stats';

/**
 * Drawdown at each period: wealth / running peak − 1 (≤ 0).
 * Mirrors PA `Drawdowns(R, geometric)`: wealth = `cumprod(1 + R)` (geometric, default) or
 * `1 + cumsum(R)`, running peak = `cummax(c(1, wealth))[-1]`.
 */
export function drawdowns(returns: Series, geometric = true): Float64Array {
  const n = returns.length;
  const out = new Float64Array(n);
  let wealth = 1;
  let peak = 1;
  for (let i = 0; i < n; i++) {
    wealth = geometric ? wealth * (1 + returns[i]) : wealth + returns[i];
    if (wealth > peak) peak = wealth;
    out[i] = wealth / peak - 1;
  }
  return out;
}

/**
 * Maximum drawdown as a positive fraction (0 when the series never falls below its peak).
 * Mirrors PA `maxDrawdown(R, geometric)` = `-min(Drawdowns(R))`. Empty series → NaN.
 */
export function maxDrawdown(returns: Series, geometric = true): number {
  if (returns.length === 0) return NaN;
  const dd = drawdowns(returns, geometric);
  let min = 0;
  for (let i = 0; i < dd.length; i++) {
    if (dd[i] < min || Number.isNaN(dd[i])) min = dd[i];
    if (Number.isNaN(min)) return NaN;
  }
  return min === 0 ? 0 : -min;
}

/** One drawdown episode, with 0-based indices into the return series. */
export interface DrawdownEpisode {
  /** First period below the previous peak (the peak is the period before, or the start). */
  readonly start: number;
  /** Period of the deepest point. */
  readonly trough: number;
  /** Period in which wealth is back at (or above) the peak; null if not recovered by the end. */
  readonly recovery: number | null;
  /** Deepest drawdown of the episode, ≤ 0 (PA `findDrawdowns$return`). */
  readonly depth: number;
  /**
   * Periods from the peak to the recovery (`recovery − start + 1`), or to the end of the
   * series when not recovered (`n − start`).
   */
  readonly length: number;
}

/**
 * Drawdown episodes in time order. Same segmentation as PA `findDrawdowns` (a drawdown is a
 * run of periods with drawdown < 0); lengths agree with PA's `length` for recovered episodes,
 * while for an episode still open at the end PA reports one period more (it counts a
 * recovery at n + 1) — here the length runs to the last period.
 */
export function findDrawdowns(returns: Series, geometric = true): DrawdownEpisode[] {
  const dd = drawdowns(returns, geometric);
  const n = dd.length;
  const episodes: DrawdownEpisode[] = [];
  let start = -1;
  let trough = -1;
  for (let i = 0; i < n; i++) {
    if (dd[i] < 0) {
      if (start < 0) {
        start = i;
        trough = i;
      } else if (dd[i] < dd[trough]) {
        trough = i;
      }
    } else if (start >= 0) {
      episodes.push({ start, trough, recovery: i, depth: dd[trough], length: i - start + 1 });
      start = -1;
    }
  }
  if (start >= 0) episodes.push({ start, trough, recovery: null, depth: dd[trough], length: n - start });
  return episodes;
}

/**
 * Longest drawdown duration in periods, from peak to recovery (or to the end of the series if
 * still under water); 0 when there is no drawdown (including an empty series).
 * See {@link findDrawdowns} for the one-period difference with PA on an unrecovered final drawdown.
 */
export function drawdownDuration(returns: Series, geometric = true): number {
  let longest = 0;
  for (const e of findDrawdowns(returns, geometric)) if (e.length > longest) longest = e.length;
  return longest;
}

/**
 * Calmar ratio: annualised return / |max drawdown|.
 * Mirrors PA `CalmarRatio(R, scale)` = `Return.annualized(R, scale) / abs(maxDrawdown(R))`.
 * No drawdown (max drawdown 0) → NaN (PA would give ±Inf); empty series → NaN.
 */
export function calmarRatio(returns: Series, scale: number = PERIODS_PER_YEAR): number {
  const mdd = maxDrawdown(returns);
  if (!(mdd > 0)) return NaN;
  return annualizedReturn(returns, scale) / mdd;
}
