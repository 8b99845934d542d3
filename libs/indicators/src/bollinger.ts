import { RollingVariance } from './rolling-variance';
import type { HlcBar, HlcSeries, Series } from './types';
import { assertPeriod, assertSameLength, firstValid, interiorNaN } from './validate';

export interface BollingerOptions {
  /** Window of the SMA and of the standard deviation (20). */
  readonly period?: number;
  /** Width of the bands in standard deviations (2). */
  readonly k?: number;
}

export interface BollingerResult {
  readonly lower: Float64Array;
  readonly middle: Float64Array;
  readonly upper: Float64Array;
  /** %B = (price - lower) / (upper - lower); NaN where the band has zero width. */
  readonly pctB: Float64Array;
}

export interface BollingerValue {
  readonly lower: number;
  readonly middle: number;
  readonly upper: number;
  readonly pctB: number;
}

/** %B; NaN for a zero-width band (a window of identical prices), where it is undefined. */
function pctBOf(price: number, lower: number, upper: number): number {
  const width = upper - lower;
  return width === 0 ? NaN : (price - lower) / width;
}

function resolve(options: BollingerOptions): { period: number; k: number } {
  const period = options.period ?? 20;
  const k = options.k ?? 2;
  assertPeriod('period', period);
  if (!Number.isFinite(k)) throw new RangeError(`k must be finite, got ${k}`);
  return { period, k };
}

/**
 * Bollinger bands, TTR::BBands(price, n, maType = "SMA", sd = k): middle = SMA(price, n),
 * bands = middle ± k·σ with σ the POPULATION standard deviation of the window
 * (TTR uses runSD(price, n, sample = FALSE)). NaN during the first n - 1 values.
 * For TTR's high/low/close form pass {@link typicalPrice}(hlc).
 */
export function bollinger(values: Series, options: BollingerOptions = {}): BollingerResult {
  const { period, k } = resolve(options);
  const n = values.length;
  const lower = new Float64Array(n).fill(NaN);
  const middle = new Float64Array(n).fill(NaN);
  const upper = new Float64Array(n).fill(NaN);
  const pctB = new Float64Array(n).fill(NaN);
  const first = firstValid(values);
  if (first + period > n) return { lower, middle, upper, pctB };
  const rv = new RollingVariance(period);
  for (let i = first; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('bollinger', i);
    rv.push(x);
    if (rv.full) {
      const mid = rv.sum / period;
      const width = k * Math.sqrt(rv.variance(false));
      const lo = mid - width;
      const up = mid + width;
      lower[i] = lo;
      middle[i] = mid;
      upper[i] = up;
      pctB[i] = pctBOf(x, lo, up);
    }
  }
  return { lower, middle, upper, pctB };
}

/** (high + low + close) / 3, the price TTR's BBands, CCI etc. use when given HLC. */
export function typicalPrice(hlc: HlcSeries): Float64Array {
  const n = assertSameLength({ high: hlc.high, low: hlc.low, close: hlc.close });
  const out = new Float64Array(n);
  const { high, low, close } = hlc;
  for (let i = 0; i < n; i++) out[i] = (high[i] + low[i] + close[i]) / 3;
  return out;
}

/** Typical price of one bar, same arithmetic as {@link typicalPrice}. */
export function typicalPriceOf(bar: HlcBar): number {
  return (bar.high + bar.low + bar.close) / 3;
}

/** Streaming {@link bollinger}: O(1) per price. */
export class BollingerStream {
  private readonly rv: RollingVariance;
  readonly period: number;
  readonly k: number;
  private started = false;
  private index = 0;

  constructor(options: BollingerOptions = {}) {
    const { period, k } = resolve(options);
    this.period = period;
    this.k = k;
    this.rv = new RollingVariance(period);
  }

  get ready(): boolean {
    return this.rv.full;
  }

  update(price: number): BollingerValue {
    const i = this.index++;
    if (price !== price) {
      if (this.started) throw interiorNaN('BollingerStream', i);
      return { lower: NaN, middle: NaN, upper: NaN, pctB: NaN };
    }
    this.started = true;
    const rv = this.rv;
    rv.push(price);
    if (!rv.full) return { lower: NaN, middle: NaN, upper: NaN, pctB: NaN };
    const mid = rv.sum / this.period;
    const width = this.k * Math.sqrt(rv.variance(false));
    const lo = mid - width;
    const up = mid + width;
    return { lower: lo, middle: mid, upper: up, pctB: pctBOf(price, lo, up) };
  }

  reset(): void {
    this.rv.clear();
    this.started = false;
    this.index = 0;
  }
}
