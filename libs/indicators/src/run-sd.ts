import { RollingVariance } from './rolling-variance';
import type { Series } from './types';
import { assertPeriod, firstValid, interiorNaN } from './validate';

export interface RunSdOptions {
  /** Sample standard deviation (divisor n - 1, TTR's default) or population (divisor n). */
  readonly sample?: boolean;
}

/**
 * Rolling standard deviation over `period` values, TTR::runSD(x, n, sample). NaN during warm-up
 * (i < first + period - 1). With sample = true and period = 1 the result is NaN (0/0), as in R.
 */
export function runSD(values: Series, period: number, options: RunSdOptions = {}): Float64Array {
  assertPeriod('period', period);
  const sample = options.sample ?? true;
  const n = values.length;
  const out = new Float64Array(n);
  const first = firstValid(values);
  if (first + period > n) return out.fill(NaN);
  out.fill(NaN, 0, first + period - 1);
  const rv = new RollingVariance(period);
  for (let i = first; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN('runSD', i);
    rv.push(x);
    if (i >= first + period - 1) out[i] = Math.sqrt(rv.variance(sample));
  }
  return out;
}

/** Streaming {@link runSD}: O(1) per value. */
export class RunSdStream {
  private readonly rv: RollingVariance;
  private readonly sample: boolean;
  private started = false;
  private index = 0;

  constructor(
    readonly period: number,
    options: RunSdOptions = {},
  ) {
    assertPeriod('period', period);
    this.sample = options.sample ?? true;
    this.rv = new RollingVariance(period);
  }

  get ready(): boolean {
    return this.rv.full;
  }

  update(value: number): number {
    const i = this.index++;
    if (value !== value) {
      if (this.started) throw interiorNaN('RunSdStream', i);
      return NaN;
    }
    this.started = true;
    this.rv.push(value);
    return this.rv.full ? Math.sqrt(this.rv.variance(this.sample)) : NaN;
  }

  reset(): void {
    this.rv.clear();
    this.started = false;
    this.index = 0;
  }
}
