import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBuiltin } from '@meridian/strategy';
import { runBacktest } from './run';
import type { SymbolBars, TradeRecord } from './types';

/**
 * Acceptance test: the engine running the built-in SMA crossover on the committed daily bars must
 * reproduce, to 1e-9, the trades computed independently in R (reference/sma-crossover.R, TTR::SMA,
 * plain vectors). Regenerate the expectation with `Rscript libs/backtest/reference/sma-crossover.R`.
 */
interface ExpectedTrade {
  entryDate: string;
  entryTime: number;
  entryPrice: number;
  exitDate: string;
  exitTime: number;
  exitPrice: number;
  quantity: number;
  grossPnl: number;
  fees: number;
  netPnl: number;
}
interface Expected {
  params: { fast: number; slow: number; quantity: number; feesBps: number; initialCash: number };
  bars: number;
  trades: ExpectedTrade[];
  openTrade: { entryTime: number; entryPrice: number; quantity: number; fees: number } | null;
  totals: { trades: number; grossPnl: number; fees: number; netPnl: number };
  finalEquity: number;
}

const dir = join(__dirname, '..', 'reference');
const expected = JSON.parse(readFileSync(join(dir, 'sma-crossover-expected.json'), 'utf8')) as Expected;

function readBars(path: string): SymbolBars {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('date,open,high,low,close,volume');
  const rows = lines.map((l) => l.split(','));
  const col = (k: number) => Float64Array.from(rows, (r) => Number(r[k]));
  return {
    symbol: 'REF',
    time: Float64Array.from(rows, (r) => Date.parse(`${r[0]}T00:00:00Z`)),
    open: col(1),
    high: col(2),
    low: col(3),
    close: col(4),
    volume: col(5),
  };
}

const TOLERANCE = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

describe('reference: SMA(10/30) crossover against an independent R calculation', () => {
  const bars = readBars(join(dir, 'daily-bars.csv'));
  const { fast, slow, quantity, feesBps, initialCash } = expected.params;
  const result = runBacktest(
    findBuiltin('sma-crossover')!,
    { fast, slow, mode: 'long-only', sizing: 'quantity', quantity },
    { symbols: [bars], initialCash, feesBps, feeFixed: 0, slippageBps: 0, periodsPerYear: 252 },
  );

  it('reads the committed bars', () => {
    expect(bars.time.length).toBe(expected.bars);
  });

  it('has the same trades: times, prices, quantity, gross P&L, fees and net P&L to 1e-9', () => {
    expect(result.trades.length).toBe(expected.trades.length);
    expect(expected.trades.length).toBeGreaterThanOrEqual(5);
    result.trades.forEach((t: TradeRecord, i) => {
      const e = expected.trades[i];
      const mismatches = (
        [
          ['entryTime', t.entryTime, e.entryTime],
          ['entryPrice', t.entryPrice, e.entryPrice],
          ['exitTime', t.exitTime, e.exitTime],
          ['exitPrice', t.exitPrice, e.exitPrice],
          ['quantity', t.quantity, e.quantity],
          ['grossPnl', t.grossPnl, e.grossPnl],
          ['fees', t.fees, e.fees],
          ['netPnl', t.netPnl, e.netPnl],
        ] as const
      ).filter(([, got, want]) => !close(got, want));
      expect({ trade: i, entry: e.entryDate, mismatches }).toEqual({ trade: i, entry: e.entryDate, mismatches: [] });
      expect(t.direction).toBe('long');
    });
  });

  it('has the same open trade, totals and final equity', () => {
    if (expected.openTrade === null) expect(result.openTrades).toEqual([]);
    else {
      expect(result.openTrades).toHaveLength(1);
      expect(close(result.openTrades[0].entryPrice, expected.openTrade.entryPrice)).toBe(true);
      expect(result.openTrades[0].entryTime).toBe(expected.openTrade.entryTime);
    }
    const gross = result.trades.reduce((s, t) => s + t.grossPnl, 0);
    const fees = result.trades.reduce((s, t) => s + t.fees, 0);
    expect(close(gross, expected.totals.grossPnl)).toBe(true);
    expect(close(fees, expected.totals.fees)).toBe(true);
    expect(close(result.metrics.feesPaid, expected.totals.fees + (expected.openTrade?.fees ?? 0))).toBe(true);
    expect(close(result.metrics.finalEquity, expected.finalEquity)).toBe(true);
  });

  it('every fill is at the open of the bar after the decision', () => {
    const byId = new Map(result.orders.map((o) => [o.id, o]));
    for (const f of result.fills) {
      expect(f.step).toBe(byId.get(f.orderId)!.placedStep + 1);
      expect(f.price).toBe(bars.open[f.step]);
    }
  });
});
