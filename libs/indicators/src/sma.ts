import { RingBuffer } from './ring-buffer';
import type { Series } from './types';
import { assertPeriod, firstValid, interiorNaN } from './validate';

/**
 * Simple moving average, TTR::SMA(x, n) (= runMean = runSum / n).
 * Output[i] is NaN for i < first + period - 1, where `first` is the index of the first non-NaN
 * input (leading NaN are skipped, as TTR does, so that averages can be chained).
 */
export function sma(values: Series, period: number): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const out = new Float64Array(n);
  smaInto(values, period, out);
  return out;
}

/** @internal Writes SMA(values, period) into `out` (same length). */
export function smaInto(values: Series, period: number, out: Float64Array): void {
  const n = values.length;
  const first = firstValid(values);
  const warm = Math.min(n, first + period - 1);
  out.fill(NaN, 0, warm);
  if (first + period > n) {
    out.fill(NaN);
    return;
  }
  let sum = 0;
  for (let i = first; i < first + period; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('sma', i);
    sum += x;
  }
  out[first + period - 1] = sum / period;
  for (let i = first + period; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('sma', i);
    sum = sum + x - values[i - period]; // (sum + x) - old: TTR's runSum order
    out[i] = sum / period;
  }
}

/** Streaming SMA: O(1) per value, same numbers as {@link sma}. */
export class SmaStream {
  private readonly window: RingBuffer;
  private sum = 0;
  private started = false;
  private index = 0;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new RingBuffer(period);
  }

  get ready(): boolean {
    return this.window.full;
  }

  /** Adds one value; returns the average, or NaN during warm-up. Leading NaN are skipped. */
  update(value: number): number {
    const i = this.index++;
    if (value !== value) {
      if (this.started) throw interiorNaN('SmaStream', i);
      return NaN;
    }
    this.started = true;
    const w = this.window;
    if (!w.full) {
      w.push(value);
      this.sum += value;
      return w.full ? this.sum / this.period : NaN;
    }
    const old = w.push(value);
    this.sum = this.sum + value - old;
    return this.sum / this.period;
  }

  reset(): void {
    this.window.clear();
    this.sum = 0;
    this.started = false;
    this.index = 0;
  }
}
