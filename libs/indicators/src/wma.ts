import { RingBuffer } from './ring-buffer';
import type { Series } from './types';
import { assertPeriod, firstValid, interiorNaN } from './validate';

/**
 * Linearly weighted moving average, TTR::WMA(x, n) with the default weights 1..n (the newest value
 * weighs n): sum(w·x) / sum(w). NaN for i < first + period - 1 (leading NaN skipped).
 *
 * O(1) per value: with S the plain window sum and W the weighted one, sliding the window gives
 * W' = W - S + n·x_new and S' = S - x_old + x_new.
 */
export function wma(values: Series, period: number): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const out = new Float64Array(n);
  const first = firstValid(values);
  if (first + period > n) return out.fill(NaN);
  out.fill(NaN, 0, first + period - 1);
  const denom = (period * (period + 1)) / 2;
  let s = 0;
  let w = 0;
  for (let k = 0; k < period; k++) {
    const x = values[first + k];
    if (x !== x) throw interiorNaN('wma', first + k);
    s += x;
    w += (k + 1) * x;
  }
  out[first + period - 1] = w / denom;
  for (let i = first + period; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('wma', i);
    w += period * x - s;
    s += x - values[i - period];
    out[i] = w / denom;
  }
  return out;
}

/** Streaming WMA: O(1) per value, same numbers as {@link wma}. */
export class WmaStream {
  private readonly window: RingBuffer;
  private readonly denom: number;
  private s = 0;
  private w = 0;
  private started = false;
  private index = 0;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new RingBuffer(period);
    this.denom = (period * (period + 1)) / 2;
  }

  get ready(): boolean {
    return this.window.full;
  }

  update(value: number): number {
    const i = this.index++;
    if (value !== value) {
      if (this.started) throw interiorNaN('WmaStream', i);
      return NaN;
    }
    this.started = true;
    const win = this.window;
    if (!win.full) {
      win.push(value);
      this.s += value;
      this.w += win.size * value;
      return win.full ? this.w / this.denom : NaN;
    }
    const old = win.push(value);
    this.w += this.period * value - this.s;
    this.s += value - old;
    return this.w / this.denom;
  }

  reset(): void {
    this.window.clear();
    this.s = 0;
    this.w = 0;
    this.started = false;
    this.index = 0;
  }
}
