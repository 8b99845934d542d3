import { RollingExtremum } from './monotonic-deque';
import { runMax, runMin } from './rolling-extrema';
import type { HlBar, HlSeries } from './types';
import { assertPeriod, assertSameLength } from './validate';

export interface DonchianOptions {
  /** Look-back (10, TTR's default). */
  readonly period?: number;
  /** Shift the channel one bar later, so that bar i's channel excludes bar i (TTR's include.lag). */
  readonly includeLag?: boolean;
}

export interface DonchianResult {
  readonly high: Float64Array;
  readonly mid: Float64Array;
  readonly low: Float64Array;
}

export interface DonchianValue {
  readonly high: number;
  readonly mid: number;
  readonly low: number;
}

function resolve(options: DonchianOptions): Required<DonchianOptions> {
  const o = { period: 10, includeLag: false, ...options };
  assertPeriod('period', o.period);
  return o;
}

/**
 * Donchian channel, TTR::DonchianChannel(HL, n, include.lag): high = runMax(high, n),
 * low = runMin(low, n), mid = (high + low) / 2. NaN for the first n - 1 bars (n with includeLag).
 */
export function donchian(hl: HlSeries, options: DonchianOptions = {}): DonchianResult {
  const o = resolve(options);
  const n = assertSameLength({ high: hl.high, low: hl.low });
  const high = runMax(hl.high, o.period);
  const low = runMin(hl.low, o.period);
  if (o.includeLag && n > 0) {
    high.copyWithin(1, 0, n - 1);
    high[0] = NaN;
    low.copyWithin(1, 0, n - 1);
    low[0] = NaN;
  }
  const mid = new Float64Array(n);
  for (let i = 0; i < n; i++) mid[i] = (high[i] + low[i]) / 2;
  return { high, mid, low };
}

/** Streaming {@link donchian}: amortised O(1) per bar. */
export class DonchianStream {
  private readonly o: Required<DonchianOptions>;
  private readonly hh: RollingExtremum;
  private readonly ll: RollingExtremum;
  private last: DonchianValue = { high: NaN, mid: NaN, low: NaN };

  constructor(options: DonchianOptions = {}) {
    this.o = resolve(options);
    this.hh = new RollingExtremum(this.o.period, 'max');
    this.ll = new RollingExtremum(this.o.period, 'min');
  }

  get ready(): boolean {
    return this.o.includeLag ? this.hh.pushed > this.o.period : this.hh.full;
  }

  update(bar: HlBar): DonchianValue {
    const h = this.hh.push(bar.high);
    const l = this.ll.push(bar.low);
    const now: DonchianValue = this.hh.full ? { high: h, mid: (h + l) / 2, low: l } : { high: NaN, mid: NaN, low: NaN };
    if (!this.o.includeLag) return now;
    const previous = this.last;
    this.last = now;
    return previous;
  }

  reset(): void {
    this.hh.clear();
    this.ll.clear();
    this.last = { high: NaN, mid: NaN, low: NaN };
  }
}
