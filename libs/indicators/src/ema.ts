import type { Series } from './types';
import { assertPeriod, firstValid, interiorNaN } from './validate';

export interface EmaOptions {
  /** Wilder's smoothing: ratio 1/period instead of 2/(period+1) (TTR's `wilder = TRUE`). */
  readonly wilder?: boolean;
}

/** The smoothing ratio TTR uses: 1/n for Wilder, 2/(n+1) otherwise. */
export function emaRatio(period: number, wilder = false): number {
  return wilder ? 1 / period : 2 / (period + 1);
}

/**
 * Exponential moving average, TTR::EMA(x, n, wilder). The first value is the simple mean of the
 * first `period` values (at index first + period - 1, `first` being the first non-NaN input), then
 * ema[i] = x[i]·r + ema[i-1]·(1-r). Earlier outputs are NaN.
 */
export function ema(values: Series, period: number, options: EmaOptions = {}): Float64Array {
  assertPeriod('period', period);
  const out = new Float64Array(values.length);
  emaInto(values, period, emaRatio(period, options.wilder), out);
  return out;
}

/** @internal Writes the EMA with smoothing `ratio` into `out` (same length as `values`; may be `values`). */
export function emaInto(values: Series, period: number, ratio: number, out: Float64Array): void {
  const n = values.length;
  const first = firstValid(values);
  if (first + period > n) {
    out.fill(NaN);
    return;
  }
  let sum = 0;
  for (let i = first; i < first + period; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('ema', i);
    sum += x;
  }
  // Filled only now, after the seed window was read, so that `out` may alias `values`.
  out.fill(NaN, 0, first + period - 1);
  let prev = sum / period;
  out[first + period - 1] = prev;
  const keep = 1 - ratio;
  for (let i = first + period; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('ema', i);
    prev = x * ratio + prev * keep;
    out[i] = prev;
  }
}

/** Streaming EMA: O(1) per value, same numbers as {@link ema}. */
export class EmaStream {
  private readonly ratio: number;
  private readonly keep: number;
  private seen = 0; // non-NaN values seen
  private sum = 0;
  private prev = NaN;
  private index = 0;

  constructor(
    readonly period: number,
    options: EmaOptions = {},
  ) {
    assertPeriod('period', period);
    this.ratio = emaRatio(period, options.wilder);
    this.keep = 1 - this.ratio;
  }

  get ready(): boolean {
    return this.seen >= this.period;
  }

  /** Adds one value; returns the EMA, or NaN during warm-up. Leading NaN are skipped. */
  update(value: number): number {
    const i = this.index++;
    if (value !== value) {
      if (this.seen > 0) throw interiorNaN('EmaStream', i);
      return NaN;
    }
    if (this.seen >= this.period) {
      this.prev = value * this.ratio + this.prev * this.keep;
      return this.prev;
    }
    this.seen++;
    this.sum += value;
    if (this.seen === this.period) {
      this.prev = this.sum / this.period;
      return this.prev;
    }
    return NaN;
  }

  reset(): void {
    this.seen = 0;
    this.sum = 0;
    this.prev = NaN;
    this.index = 0;
  }
}
