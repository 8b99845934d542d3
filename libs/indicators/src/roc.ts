import { RingBuffer } from './ring-buffer';
import type { Series } from './types';
import { assertPeriod } from './validate';

export type RocType = 'continuous' | 'discrete';

export interface RocOptions {
  /** 'continuous' (TTR's default): log(x[i]) - log(x[i-n]); 'discrete': x[i]/x[i-n] - 1. */
  readonly type?: RocType;
}

/**
 * Rate of change over `period` bars, TTR::ROC(x, n, type). Not in percent. The first `period`
 * outputs are NaN. Pointwise: a NaN input makes only the outputs that use it NaN.
 */
export function roc(values: Series, period = 1, options: RocOptions = {}): Float64Array {
  assertPeriod('period', period);
  const continuous = (options.type ?? 'continuous') === 'continuous';
  const n = values.length;
  const out = new Float64Array(n);
  out.fill(NaN, 0, Math.min(period, n));
  if (continuous) {
    for (let i = period; i < n; i++) out[i] = Math.log(values[i]) - Math.log(values[i - period]);
  } else {
    for (let i = period; i < n; i++) out[i] = values[i] / values[i - period] - 1;
  }
  return out;
}

/** Streaming {@link roc}: O(1) per value. */
export class RocStream {
  private readonly lagged: RingBuffer;
  private readonly continuous: boolean;

  constructor(
    readonly period = 1,
    options: RocOptions = {},
  ) {
    assertPeriod('period', period);
    this.continuous = (options.type ?? 'continuous') === 'continuous';
    this.lagged = new RingBuffer(period);
  }

  get ready(): boolean {
    return this.lagged.full;
  }

  update(value: number): number {
    const wasFull = this.lagged.full;
    const old = this.lagged.push(value);
    if (!wasFull) return NaN;
    return this.continuous ? Math.log(value) - Math.log(old) : value / old - 1;
  }

  reset(): void {
    this.lagged.clear();
  }
}
