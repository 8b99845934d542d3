import { RollingExtremum } from './monotonic-deque';
import { runMax, runMin } from './rolling-extrema';
import { SmaStream, smaInto } from './sma';
import type { HlcBar, HlcSeries } from './types';
import { assertPeriod, assertSameLength } from './validate';

export interface StochasticOptions {
  /** Look-back of the highest high / lowest low (14). */
  readonly fastK?: number;
  /** SMA period turning fastK into fastD (3). */
  readonly fastD?: number;
  /** SMA period turning fastD into slowD (3). */
  readonly slowD?: number;
  /** SMA period applied to the numerator and denominator of fastK before dividing (1 = none). */
  readonly smooth?: number;
  /**
   * true (default): the window includes the current bar. false: the high/low range is taken over
   * the previous bars (TTR's bounded = FALSE, with the first bar's high/low standing in for bar -1).
   */
  readonly bounded?: boolean;
}

export interface StochasticResult {
  readonly fastK: Float64Array;
  readonly fastD: Float64Array;
  readonly slowD: Float64Array;
}

export interface StochasticValue {
  readonly fastK: number;
  readonly fastD: number;
  readonly slowD: number;
}

function resolve(options: StochasticOptions): Required<StochasticOptions> {
  const o = { fastK: 14, fastD: 3, slowD: 3, smooth: 1, bounded: true, ...options };
  assertPeriod('fastK', o.fastK);
  assertPeriod('fastD', o.fastD);
  assertPeriod('slowD', o.slowD);
  assertPeriod('smooth', o.smooth);
  return o;
}

/**
 * fastK from its (smoothed) numerator and denominator. An empty high-low range (den = 0) gives 0.5:
 * TTR documents that, and does it for ±Inf (bounded = FALSE, close outside the previous range),
 * though 0.24.3 leaves 0/0 as NaN and then fails in the SMA; NaN from the warm-up stays NaN.
 */
function ratio(num: number, den: number): number {
  return den === 0 && num === num ? 0.5 : num / den;
}

/**
 * Stochastic oscillator, TTR::stoch(HLC, nFastK, nFastD, nSlowD, maType = "SMA", bounded, smooth),
 * as fractions in [0, 1] (multiply by 100 for percent):
 * fastK = (close - LL) / (HH - LL) over fastK bars (0.5 when HH = LL), fastD = SMA(fastK, fastD),
 * slowD = SMA(fastD, slowD). Warm-up: fastK from index fastK + smooth - 2, fastD from
 * fastK + smooth + fastD - 3, slowD from fastK + smooth + fastD + slowD - 4.
 */
export function stochastic(hlc: HlcSeries, options: StochasticOptions = {}): StochasticResult {
  const o = resolve(options);
  const n = assertSameLength({ high: hlc.high, low: hlc.low, close: hlc.close });
  const { close } = hlc;
  let high = hlc.high;
  let low = hlc.low;
  if (!o.bounded && n > 0) {
    // c(high[1], high[-N]): the series shifted by one bar, the first value repeated.
    const h = new Float64Array(n);
    const l = new Float64Array(n);
    h[0] = high[0];
    l[0] = low[0];
    for (let i = 1; i < n; i++) {
      h[i] = high[i - 1];
      l[i] = low[i - 1];
    }
    high = h;
    low = l;
  }
  const num = runMin(low, o.fastK); // lowest low, then close - LL in place
  const den = runMax(high, o.fastK); // highest high, then HH - LL in place
  for (let i = 0; i < n; i++) {
    const ll = num[i];
    num[i] = close[i] - ll;
    den[i] -= ll;
  }
  if (o.smooth > 1) {
    const tmp = new Float64Array(n);
    smaInto(num, o.smooth, tmp);
    num.set(tmp);
    // Where the last `smooth` ranges were all empty the smoothed range is exactly 0, not the
    // rounding residue a running sum leaves (which would make fastK arbitrary).
    const zeros = new Float64Array(n);
    let zeroRun = 0;
    for (let i = 0; i < n; i++) {
      zeroRun = den[i] === 0 ? zeroRun + 1 : 0;
      zeros[i] = zeroRun;
    }
    smaInto(den, o.smooth, tmp);
    for (let i = 0; i < n; i++) den[i] = zeros[i] >= o.smooth ? 0 : tmp[i];
  }
  const fastK = num;
  for (let i = 0; i < n; i++) fastK[i] = ratio(num[i], den[i]);
  const fastD = den;
  smaInto(fastK, o.fastD, fastD);
  const slowD = new Float64Array(n);
  smaInto(fastD, o.slowD, slowD);
  return { fastK, fastD, slowD };
}

/** Streaming {@link stochastic}: amortised O(1) per bar (monotonic deques for HH and LL). */
export class StochasticStream {
  private readonly o: Required<StochasticOptions>;
  private readonly hh: RollingExtremum;
  private readonly ll: RollingExtremum;
  private readonly numMa: SmaStream | null;
  private readonly denMa: SmaStream | null;
  private readonly fastDMa: SmaStream;
  private readonly slowDMa: SmaStream;
  private prevHigh = NaN;
  private prevLow = NaN;
  private zeroRun = 0; // consecutive empty ranges, for the smoothing

  constructor(options: StochasticOptions = {}) {
    const o = resolve(options);
    this.o = o;
    this.hh = new RollingExtremum(o.fastK, 'max');
    this.ll = new RollingExtremum(o.fastK, 'min');
    this.numMa = o.smooth > 1 ? new SmaStream(o.smooth) : null;
    this.denMa = o.smooth > 1 ? new SmaStream(o.smooth) : null;
    this.fastDMa = new SmaStream(o.fastD);
    this.slowDMa = new SmaStream(o.slowD);
  }

  get ready(): boolean {
    return this.slowDMa.ready;
  }

  update(bar: HlcBar): StochasticValue {
    let h = bar.high;
    let l = bar.low;
    if (!this.o.bounded) {
      const first = this.hh.pushed === 0;
      const ph = first ? h : this.prevHigh;
      const pl = first ? l : this.prevLow;
      this.prevHigh = h;
      this.prevLow = l;
      h = ph;
      l = pl;
    }
    const hh = this.hh.push(h);
    const ll = this.ll.push(l);
    let num = NaN;
    let den = NaN;
    if (this.hh.full) {
      num = bar.close - ll;
      den = hh - ll;
    }
    if (this.numMa !== null && this.denMa !== null) {
      this.zeroRun = den === 0 ? this.zeroRun + 1 : 0;
      num = this.numMa.update(num);
      const smoothed = this.denMa.update(den); // always: the SMA's window must advance
      den = this.zeroRun >= this.o.smooth ? 0 : smoothed;
    }
    const fastK = ratio(num, den);
    const fastD = this.fastDMa.update(fastK);
    const slowD = this.slowDMa.update(fastD);
    return { fastK, fastD, slowD };
  }

  reset(): void {
    this.hh.clear();
    this.ll.clear();
    this.numMa?.reset();
    this.denMa?.reset();
    this.fastDMa.reset();
    this.slowDMa.reset();
    this.prevHigh = NaN;
    this.prevLow = NaN;
    this.zeroRun = 0;
  }
}
