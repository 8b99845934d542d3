import type { UTCTimestamp } from 'lightweight-charts';
import type { MonteCarloView, RunDetail } from '@meridian/contracts';

// Data preparation of the simulation charts: pure, so it is tested without a canvas.

export interface ChartPoint {
  time: UTCTimestamp;
  value: number;
}

/** Run times are epoch milliseconds (as candles); seconds are accepted too. Charts take seconds. */
export const toChartSeconds = (t: number) => Math.floor(t > 1e11 ? t / 1000 : t);

/** Points in strictly increasing time, one per second (the chart rejects duplicates), the last one of a second winning. */
function bySecond(times: readonly number[], values: readonly number[], map: (v: number, i: number) => number): ChartPoint[] {
  const points = new Map<number, number>();
  for (let i = 0; i < Math.min(times.length, values.length); i++) {
    const v = values[i];
    if (v == null || !Number.isFinite(v) || !Number.isFinite(times[i])) continue;
    points.set(toChartSeconds(times[i]), map(v, i));
  }
  return [...points.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value }));
}

/** Equity in money, and the drawdown as a negative percentage (a drawdown of 12 % draws at −12). */
export function runEquitySeries(equity: NonNullable<RunDetail['equity']>): { equity: ChartPoint[]; drawdown: ChartPoint[] } {
  return {
    equity: bySecond(equity.time, equity.equity, (v) => v),
    drawdown: bySecond(equity.time, equity.drawdown, (v) => -Math.abs(v) * 100),
  };
}

/** A run's equity as a percentage return from its first value, so runs of different cash overlay. */
export function returnSeries(equity: NonNullable<RunDetail['equity']>): ChartPoint[] {
  const first = equity.equity.find((v) => Number.isFinite(v) && v !== 0);
  if (first === undefined) return [];
  return bySecond(equity.time, equity.equity, (v) => (v / first - 1) * 100);
}

/** The bands of a Monte Carlo fan chart. */
export const FAN_LEVELS = [5, 25, 50, 75, 95] as const;

export interface FanSeries {
  /** Percentile, 0..100. */
  level: number;
  label: string;
  /** x: the step (as a chart "time" of that many seconds); y: return in % from the start. */
  data: ChartPoint[];
}

/** Percentiles may be written as probabilities (0.05) or percentages (5). */
const asPercent = (p: number, all: readonly number[]) => (all.every((x) => x <= 1) ? p * 100 : p);

/**
 * bands[i][t] is the relative equity (1 = start) at percentile i and step t. The fan keeps the
 * 5/25/50/75/95 bands (those the run has), each as a line of returns in % by step.
 */
export function fanSeries(mc: Pick<MonteCarloView, 'percentiles' | 'bands'>): FanSeries[] {
  const levels = mc.percentiles.map((p) => asPercent(p, mc.percentiles));
  const out: FanSeries[] = [];
  for (const level of FAN_LEVELS) {
    const i = levels.findIndex((l) => Math.abs(l - level) < 1e-6);
    const band = i >= 0 ? mc.bands[i] : undefined;
    if (!band) continue;
    const data: ChartPoint[] = [];
    band.forEach((v, step) => {
      if (Number.isFinite(v)) data.push({ time: step as UTCTimestamp, value: (v - 1) * 100 });
    });
    out.push({ level, label: `p${level}`, data });
  }
  return out;
}

export interface HistogramBar {
  from: number;
  to: number;
  count: number;
  /** Height relative to the tallest bar, 0..100. */
  heightPct: number;
}

/** A histogram (edges has one more entry than counts) as bars to draw. */
export function histogramBars(h: { edges: number[]; counts: number[] }): HistogramBar[] {
  const max = Math.max(0, ...h.counts);
  return h.counts.map((count, i) => ({ from: h.edges[i], to: h.edges[i + 1], count, heightPct: max > 0 ? (count / max) * 100 : 0 }));
}
