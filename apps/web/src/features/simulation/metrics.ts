import type { BacktestMetricsView, RunKind, RunStatus } from '@meridian/contracts';
import { formatFraction, formatNumber } from '../../ui/format';

// The backtest metrics: how each reads, and which way is better.

export type MetricKey = keyof BacktestMetricsView;

export interface MetricDef {
  key: MetricKey;
  label: string;
  format: (v: number | null | undefined) => string;
  /** Which way is better, for highlighting and colour scales; null: neither. */
  better: 'higher' | 'lower' | null;
}

const money = (v: number | null | undefined) => formatNumber(v, 2);
const ratio = (v: number | null | undefined) => formatNumber(v, 2);
const count = (v: number | null | undefined) => formatNumber(v, 0);

export const METRICS: readonly MetricDef[] = [
  { key: 'totalReturn', label: 'Total return', format: formatFraction, better: 'higher' },
  { key: 'cagr', label: 'CAGR', format: formatFraction, better: 'higher' },
  { key: 'sharpe', label: 'Sharpe', format: ratio, better: 'higher' },
  { key: 'sortino', label: 'Sortino', format: ratio, better: 'higher' },
  { key: 'calmar', label: 'Calmar', format: ratio, better: 'higher' },
  { key: 'annualizedVolatility', label: 'Volatility (ann.)', format: formatFraction, better: 'lower' },
  { key: 'maxDrawdown', label: 'Max drawdown', format: formatFraction, better: 'lower' },
  { key: 'maxDrawdownDuration', label: 'Max DD duration (bars)', format: count, better: 'lower' },
  { key: 'trades', label: 'Trades', format: count, better: null },
  { key: 'winRate', label: 'Win rate', format: formatFraction, better: 'higher' },
  { key: 'profitFactor', label: 'Profit factor', format: ratio, better: 'higher' },
  { key: 'averageWin', label: 'Average win', format: money, better: 'higher' },
  { key: 'averageLoss', label: 'Average loss', format: money, better: 'higher' },
  { key: 'exposure', label: 'Exposure', format: formatFraction, better: null },
  { key: 'turnover', label: 'Turnover', format: ratio, better: null },
  { key: 'feesPaid', label: 'Fees paid', format: money, better: 'lower' },
  { key: 'initialCash', label: 'Initial cash', format: money, better: null },
  { key: 'finalEquity', label: 'Final equity', format: money, better: 'higher' },
];

export const metricDef = (key: MetricKey): MetricDef => METRICS.find((m) => m.key === key)!;

/** The metrics a heat map or a walk-forward objective can be coloured by. */
export const SCORE_METRICS: readonly MetricKey[] = ['sharpe', 'totalReturn', 'cagr', 'sortino', 'calmar', 'maxDrawdown', 'winRate', 'profitFactor', 'trades'];

/** Drawdowns may come signed either way; a drawdown is shown and compared as its size. */
export const drawdownSize = (v: number) => Math.abs(v);

/** Index of the best value (nulls never win), or -1 when there is no comparison to make. */
export function bestIndex(values: readonly (number | null | undefined)[], better: MetricDef['better']): number {
  if (!better) return -1;
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null || Number.isNaN(v)) continue;
    const b = best < 0 ? null : values[best]!;
    if (b === null || (better === 'higher' ? v > b : v < b)) best = i;
  }
  const defined = values.filter((v) => v != null && !Number.isNaN(v));
  return defined.length > 1 && new Set(defined).size > 1 ? best : -1;
}

export const KIND_LABELS: Record<RunKind, string> = { backtest: 'Backtest', grid: 'Grid search', 'walk-forward': 'Walk-forward', 'monte-carlo': 'Monte Carlo' };

export function statusTone(status: RunStatus): string {
  switch (status) {
    case 'completed':
      return 'up';
    case 'failed':
      return 'down';
    case 'running':
    case 'queued':
      return 'info';
    default:
      return 'muted';
  }
}

export const clampPct = (fraction: number) => Math.max(0, Math.min(100, Number.isFinite(fraction) ? fraction * 100 : 0));

export const shortId = (id: string) => id.slice(0, 8);
