import type { SymbolBars } from './types';

/** One bar as a row (as JSON or a database gives them). */
export interface BarRow {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume?: number;
}

/** Columns of Float64Array from rows, the engine's input form (volume 0 when absent). */
export function barsFromRows(symbol: string, rows: readonly BarRow[]): SymbolBars {
  const n = rows.length;
  const bars = {
    symbol,
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    bars.time[i] = r.time;
    bars.open[i] = r.open;
    bars.high[i] = r.high;
    bars.low[i] = r.low;
    bars.close[i] = r.close;
    bars.volume[i] = r.volume ?? 0;
  });
  return bars;
}
