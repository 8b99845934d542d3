import { EmaStream, emaInto } from './ema';
import type { Series } from './types';
import { assertPeriod } from './validate';

/**
 * Relative strength index, TTR::RSI(price, n) with its default smoothing (EMA with
 * wilder = TRUE, ratio 1/n). Gains and losses are the one-bar price changes (the first is NaN),
 * each averaged by an EMA seeded with the mean of its first n values, so the first RSI is at index
 * `period`. rsi = 100·avgGain / (avgGain + avgLoss); NaN where both averages are 0 (a flat market).
 */
export function rsi(values: Series, period = 14): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const up = new Float64Array(n);
  const dn = new Float64Array(n);
  if (n > 0) {
    up[0] = NaN;
    dn[0] = NaN;
  }
  for (let i = 1; i < n; i++) {
    const d = values[i] - values[i - 1];
    if (d !== d) {
      up[i] = NaN;
      dn[i] = NaN;
    } else {
      up[i] = d > 0 ? d : 0;
      dn[i] = d < 0 ? -d : 0;
    }
  }
  const ratio = 1 / period;
  emaInto(up, period, ratio, up); // in place: emaInto reads values[i] before writing out[i]
  emaInto(dn, period, ratio, dn);
  for (let i = 0; i < n; i++) up[i] = (100 * up[i]) / (up[i] + dn[i]);
  return up;
}

/** Streaming {@link rsi}: O(1) per price. */
export class RsiStream {
  private readonly gains: EmaStream;
  private readonly losses: EmaStream;
  private prev = NaN;

  constructor(readonly period = 14) {
    assertPeriod('period', period);
    this.gains = new EmaStream(period, { wilder: true });
    this.losses = new EmaStream(period, { wilder: true });
  }

  get ready(): boolean {
    return this.gains.ready;
  }

  update(price: number): number {
    const d = price - this.prev;
    this.prev = price;
    let g: number;
    let l: number;
    if (d !== d) {
      g = this.gains.update(NaN);
      l = this.losses.update(NaN);
    } else {
      g = this.gains.update(d > 0 ? d : 0);
      l = this.losses.update(d < 0 ? -d : 0);
    }
    return (100 * g) / (g + l);
  }

  reset(): void {
    this.gains.reset();
    this.losses.reset();
    this.prev = NaN;
  }
}
