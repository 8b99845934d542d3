/**
 * Market exposure, leverage and turnover helpers. Market values are signed (long > 0,
 * short < 0) and in the same currency unit as `equity`, as floats. A non-positive or NaN
 * equity makes ratios to equity undefined → NaN. No PerformanceAnalytics equivalent except
 * where noted.
 */
import type { Series } from './stats';

/** Gross exposure: Σ|market value| (currency). */
export function grossExposure(marketValues: Series): number {
  let s = 0;
  for (let i = 0; i < marketValues.length; i++) s += Math.abs(marketValues[i]);
  return s;
}

/** Net exposure: Σ market value, longs minus shorts (currency). */
export function netExposure(marketValues: Series): number {
  let s = 0;
  for (let i = 0; i < marketValues.length; i++) s += marketValues[i];
  return s;
}

/** Gross leverage: gross exposure / equity (e.g. 1.5 = 150 % of equity deployed). */
export function leverage(marketValues: Series, equity: number): number {
  return equity > 0 ? grossExposure(marketValues) / equity : NaN;
}

/** Net leverage: net exposure / equity (negative when net short). */
export function netLeverage(marketValues: Series, equity: number): number {
  return equity > 0 ? netExposure(marketValues) / equity : NaN;
}

/**
 * Portfolio weights: market value / equity for each position (signed). These are the weights
 * PA's `Return.portfolio` expects. Non-positive equity → every weight NaN.
 */
export function positionWeights(marketValues: Series, equity: number): Float64Array {
  const out = new Float64Array(marketValues.length);
  for (let i = 0; i < out.length; i++) out[i] = equity > 0 ? marketValues[i] / equity : NaN;
  return out;
}

/**
 * Time in the market ("exposure" in backtest reports): the fraction of periods whose position
 * (size, weight or market value) is non-zero. Empty series → NaN.
 */
export function timeInMarket(positions: Series): number {
  if (positions.length === 0) return NaN;
  let k = 0;
  for (let i = 0; i < positions.length; i++) if (positions[i] !== 0) k++;
  return k / positions.length;
}

/**
 * One-way turnover of a rebalance from weights `from` to weights `to`: ½·Σ|to − from|
 * (0 = no trading, 1 = the whole book replaced). Give positions in the same order; use 0 for a
 * position absent on one side.
 * @throws RangeError when the weight vectors have different lengths.
 */
export function turnover(from: Series, to: Series): number {
  if (from.length !== to.length) {
    throw new RangeError(`turnover: weight vectors differ in length (${from.length} vs ${to.length})`);
  }
  let s = 0;
  for (let i = 0; i < from.length; i++) s += Math.abs(to[i] - from[i]);
  return s / 2;
}

/**
 * Mean one-way turnover per period over a sequence of weight vectors (one per period):
 * the average of {@link turnover} between consecutive periods. Fewer than 2 periods → NaN.
 */
export function averageTurnover(weightsByPeriod: readonly Series[]): number {
  const m = weightsByPeriod.length;
  if (m < 2) return NaN;
  let s = 0;
  for (let t = 1; t < m; t++) s += turnover(weightsByPeriod[t - 1], weightsByPeriod[t]);
  return s / (m - 1);
}
