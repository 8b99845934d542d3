import { createHash } from 'node:crypto';
import type { BacktestMetricsView, CandleColumns, TradeView } from '@meridian/contracts';
import type { BacktestInput, BacktestMetrics, BacktestResult, SymbolBars } from '@meridian/backtest';
import { Rng } from '@meridian/montecarlo';
import type { ParamSchema, ParamValues } from '@meridian/strategy';

/** What a backtest run was asked for (stored as the run's configuration, enough to reproduce it). */
export interface BacktestConfig {
  strategyId: string | null;
  version: number | null;
  rule?: Record<string, unknown>;
  /** A built-in's id (for built-ins and user strategies that configure one). */
  builtin?: string;
  params: Record<string, number | boolean | string>;
  symbols: string[];
  timeframe: string;
  from?: string;
  to?: string;
  initialCash: number;
  feesBps: number;
  feeFixed: number;
  slippageBps: number;
  periodsPerYear: number;
  grid?: Record<string, (number | boolean | string)[]>;
  random?: { samples: number; seed: number };
  walkForward?: { windows: number; inSampleBars: number; outOfSampleBars: number; objective: Objective };
  lookaheadCheck?: boolean;
}

export type Objective = 'sharpe' | 'totalReturn' | 'calmar' | 'sortino';

export const PERIODS_PER_YEAR: Record<string, number> = { '1m': 252 * 24 * 60, '5m': 252 * 24 * 12, '15m': 252 * 24 * 4, '1h': 252 * 24, '1d': 252 };
const MAX_GRID_POINTS = 2_000;
const MAX_CHART_POINTS = 2_000;

export function toSymbolBars(c: CandleColumns): SymbolBars {
  return {
    symbol: c.symbol,
    time: Float64Array.from(c.time),
    open: Float64Array.from(c.open),
    high: Float64Array.from(c.high),
    low: Float64Array.from(c.low),
    close: Float64Array.from(c.close),
    volume: Float64Array.from(c.volume),
  };
}

export function backtestInput(bars: SymbolBars[], cfg: BacktestConfig): BacktestInput {
  return { symbols: bars, initialCash: cfg.initialCash, feesBps: cfg.feesBps, feeFixed: cfg.feeFixed, slippageBps: cfg.slippageBps, periodsPerYear: cfg.periodsPerYear };
}

/** A fingerprint of exactly the bars read: same data, same version. */
export function dataVersion(columns: readonly CandleColumns[]): string {
  const h = createHash('sha256');
  for (const c of columns) h.update(JSON.stringify([c.symbol, c.timeframe, c.time, c.open, c.high, c.low, c.close, c.volume]));
  return `sha256:${h.digest('hex').slice(0, 32)}`;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

export function metricsView(m: BacktestMetrics): BacktestMetricsView {
  return {
    initialCash: m.initialCash,
    finalEquity: m.finalEquity,
    totalReturn: m.totalReturn,
    cagr: finite(m.cagr),
    annualizedVolatility: finite(m.annualizedVolatility),
    sharpe: finite(m.sharpe),
    sortino: finite(m.sortino),
    maxDrawdown: m.maxDrawdown,
    maxDrawdownDuration: m.maxDrawdownDuration,
    calmar: finite(m.calmar),
    trades: m.trades,
    winRate: finite(m.winRate),
    profitFactor: finite(m.profitFactor),
    averageWin: finite(m.averageWin),
    averageLoss: finite(m.averageLoss),
    exposure: m.exposure,
    turnover: finite(m.turnover),
    feesPaid: m.feesPaid,
  };
}

/** Equity and drawdown for charts: every point, or an even sample of at most 2,000 with the last kept. */
export function equityView(r: BacktestResult): { time: number[]; equity: number[]; drawdown: number[] } {
  const n = r.times.length;
  const stride = Math.max(1, Math.ceil(n / MAX_CHART_POINTS));
  const time: number[] = [];
  const equity: number[] = [];
  const drawdown: number[] = [];
  for (let i = 0; i < n; i += stride) {
    time.push(r.times[i]);
    equity.push(r.equity[i]);
    drawdown.push(r.drawdown[i]);
  }
  if (n > 0 && (n - 1) % stride !== 0) {
    time.push(r.times[n - 1]);
    equity.push(r.equity[n - 1]);
    drawdown.push(r.drawdown[n - 1]);
  }
  return { time, equity, drawdown };
}

export function tradesView(r: BacktestResult, limit = 5_000): TradeView[] {
  return [...r.trades, ...r.openTrades].slice(0, limit).map((t) => ({
    symbol: t.symbol,
    direction: t.direction,
    quantity: t.quantity,
    entryTime: new Date(t.entryTime).toISOString(),
    entryPrice: t.entryPrice,
    exitTime: Number.isFinite(t.exitTime) ? new Date(t.exitTime).toISOString() : null,
    exitPrice: Number.isFinite(t.exitPrice) ? t.exitPrice : null,
    grossPnl: t.grossPnl,
    fees: t.fees,
    netPnl: t.netPnl,
    open: t.open,
  }));
}

/** Every combination of the grid's values over the base parameters (at most 2,000). */
export function expandGrid(base: ParamValues, grid: Record<string, (number | boolean | string)[]>): ParamValues[] {
  const keys = Object.keys(grid);
  const size = keys.reduce((n, k) => n * Math.max(1, grid[k].length), 1);
  if (keys.some((k) => grid[k].length === 0)) throw new RangeError('every grid parameter needs at least one value');
  if (size > MAX_GRID_POINTS) throw new RangeError(`the grid has ${size} points; at most ${MAX_GRID_POINTS}`);
  let points: Record<string, number | boolean | string>[] = [{ ...base }];
  for (const k of keys) points = points.flatMap((p) => grid[k].map((v) => ({ ...p, [k]: v })));
  return points;
}

/** Random points within the schema's numeric ranges (seeded, so the same request samples the same points). */
export function randomPoints(schema: ParamSchema, base: ParamValues, samples: number, seed: number): ParamValues[] {
  const rng = new Rng(seed);
  const out: ParamValues[] = [];
  for (let i = 0; i < samples; i++) {
    const p: Record<string, number | boolean | string> = { ...base };
    for (const [k, spec] of Object.entries(schema)) {
      if (spec.type === 'integer') p[k] = spec.min + rng.nextBelow(spec.max - spec.min + 1);
      else if (spec.type === 'number') p[k] = spec.min + rng.nextDouble() * (spec.max - spec.min);
      else if (spec.type === 'boolean') p[k] = rng.nextBelow(2) === 1;
      else if (spec.type === 'enum') p[k] = spec.values[rng.nextBelow(spec.values.length)];
    }
    out.push(p);
  }
  return out;
}

/** The bars of [fromTime, toTime) of every symbol. */
export function sliceInput(input: BacktestInput, fromTime: number, toTime: number): BacktestInput {
  const symbols = input.symbols.map((s) => {
    let a = 0;
    while (a < s.time.length && s.time[a] < fromTime) a++;
    let b = a;
    while (b < s.time.length && s.time[b] < toTime) b++;
    return { symbol: s.symbol, time: s.time.subarray(a, b), open: s.open.subarray(a, b), high: s.high.subarray(a, b), low: s.low.subarray(a, b), close: s.close.subarray(a, b), volume: s.volume.subarray(a, b) };
  });
  return { ...input, symbols };
}

export function objectiveValue(m: BacktestMetricsView | null, objective: Objective): number {
  if (!m) return -Infinity;
  const v = objective === 'totalReturn' ? m.totalReturn : m[objective];
  return v === null || !Number.isFinite(v) ? -Infinity : v;
}
