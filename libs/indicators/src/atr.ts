import { EmaStream, emaInto } from './ema';
import type { HlcBar, HlcSeries } from './types';
import { assertPeriod, assertSameLength } from './validate';

export interface AtrResult {
  /** True range: max(high, previous close) - min(low, previous close); NaN on the first bar. */
  readonly tr: Float64Array;
  /** Wilder-smoothed true range. */
  readonly atr: Float64Array;
}

export interface AtrValue {
  readonly tr: number;
  readonly atr: number;
}

/**
 * Average true range, TTR::ATR(HLC, n) with its default smoothing (EMA, wilder = TRUE). As in
 * TTR the first bar has no previous close, so its true range is NaN (not high - low), and the first
 * ATR, the mean of true ranges 1..n, is at index `period`.
 */
export function atr(hlc: HlcSeries, period = 14): AtrResult {
  assertPeriod('period', period);
  const n = assertSameLength({ high: hlc.high, low: hlc.low, close: hlc.close });
  const { high, low, close } = hlc;
  const tr = new Float64Array(n);
  if (n > 0) tr[0] = NaN;
  for (let i = 1; i < n; i++) {
    const pc = close[i - 1];
    tr[i] = Math.max(high[i], pc) - Math.min(low[i], pc);
  }
  const out = new Float64Array(n);
  emaInto(tr, period, 1 / period, out);
  return { tr, atr: out };
}

/** Streaming {@link atr}: O(1) per bar. */
export class AtrStream {
  private readonly smoother: EmaStream;
  private prevClose = NaN;

  constructor(readonly period = 14) {
    assertPeriod('period', period);
    this.smoother = new EmaStream(period, { wilder: true });
  }

  get ready(): boolean {
    return this.smoother.ready;
  }

  update(bar: HlcBar): AtrValue {
    const pc = this.prevClose;
    // Math.max/min give NaN when pc is NaN: no true range on the first bar, as in TTR.
    const tr = Math.max(bar.high, pc) - Math.min(bar.low, pc);
    this.prevClose = bar.close;
    return { tr, atr: this.smoother.update(tr) };
  }

  reset(): void {
    this.smoother.reset();
    this.prevClose = NaN;
  }
}
