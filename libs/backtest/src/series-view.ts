import type { SeriesView } from '@meridian/strategy';
import type { SymbolBars } from './types';

/**
 * A symbol's bars up to the current one. The engine owns one view per symbol for the whole run
 * and only moves `length` forward, so reading a bar costs an index computation and no allocation.
 * `ago` must be a non-negative integer: the past is readable (NaN before the first bar), the
 * future is not (a RangeError, so a look-ahead bug fails loudly instead of reading NaN).
 */
export class BarSeriesView implements SeriesView {
  /** Bars visible, the current one included; set by the engine. */
  length = 0;
  readonly symbol: string;
  private readonly t: Float64Array;
  private readonly o: Float64Array;
  private readonly h: Float64Array;
  private readonly l: Float64Array;
  private readonly c: Float64Array;
  private readonly v: Float64Array;

  constructor(bars: SymbolBars) {
    this.symbol = bars.symbol;
    this.t = bars.time;
    this.o = bars.open;
    this.h = bars.high;
    this.l = bars.low;
    this.c = bars.close;
    this.v = bars.volume;
  }

  time(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.t[i] : this.outside(ago);
  }

  open(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.o[i] : this.outside(ago);
  }

  high(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.h[i] : this.outside(ago);
  }

  low(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.l[i] : this.outside(ago);
  }

  close(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.c[i] : this.outside(ago);
  }

  volume(ago = 0): number {
    const i = this.length - 1 - ago;
    return i >= 0 && ago >= 0 && (ago | 0) === ago ? this.v[i] : this.outside(ago);
  }

  private outside(ago: number): number {
    if (!(ago >= 0) || !Number.isInteger(ago)) {
      throw new RangeError(`${this.symbol}: ago must be an integer >= 0 (a strategy sees only the past), got ${ago}`);
    }
    return NaN; // before the first bar
  }
}
