import {
  annualizedReturn,
  annualizedSharpeRatio,
  annualizedVolatility,
  downsideDeviation,
  drawdowns,
  mean,
  PERIODS_PER_YEAR,
  sortinoRatio,
  timeInMarket,
  tradeStatistics,
} from '@meridian/risk';
import type { BacktestMetrics, TradeRecord } from './types';

export interface MetricsInput {
  readonly initialCash: number;
  readonly equity: Float64Array;
  readonly grossExposure: Float64Array;
  readonly tradedNotional: Float64Array;
  readonly trades: readonly TradeRecord[];
  readonly feesPaid: number;
  readonly periodsPerYear?: number;
  readonly riskFreeRate?: number;
}

/** Step returns of an equity curve, the first against the initial cash (so there is one per step). */
export function equityReturns(initialCash: number, equity: Float64Array): Float64Array {
  const out = new Float64Array(equity.length);
  let previous = initialCash;
  for (let t = 0; t < equity.length; t++) {
    out[t] = equity[t] / previous - 1;
    previous = equity[t];
  }
  return out;
}

/**
 * One-way turnover per year: the mean over steps of notional traded / (2 · equity), times the
 * periods per year (1 = the book replaced once a year). A step with equity <= 0 counts as 0.
 */
export function annualTurnover(tradedNotional: Float64Array, equity: Float64Array, periodsPerYear: number): number {
  const n = equity.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let t = 0; t < n; t++) if (equity[t] > 0) sum += tradedNotional[t] / (2 * equity[t]);
  return (sum / n) * periodsPerYear;
}

/**
 * Maximum drawdown as a positive fraction from a drawdown curve: what risk's `maxDrawdown(returns)`
 * computes, read from the curve the result carries anyway instead of recomputing it (a million
 * steps make every extra pass and 8 MB array count). NaN propagates; an empty curve gives NaN.
 */
function maxDrawdownOf(curve: Float64Array): number {
  if (curve.length === 0) return NaN;
  let min = 0;
  for (let t = 0; t < curve.length; t++) {
    const d = curve[t];
    if (d !== d) return NaN;
    if (d < min) min = d;
  }
  return min === 0 ? 0 : -min;
}

/**
 * Longest drawdown in periods from a drawdown curve: risk's `drawdownDuration(returns)` (PA
 * findDrawdowns segmentation: a run of periods below the peak lasts from the peak to the recovery
 * period, or to the last period when not recovered), read from the curve already computed.
 */
function longestDrawdownOf(curve: Float64Array): number {
  const n = curve.length;
  let longest = 0;
  let start = -1;
  for (let t = 0; t < n; t++) {
    if (curve[t] < 0) {
      if (start < 0) start = t;
    } else if (start >= 0) {
      longest = Math.max(longest, t - start + 1);
      start = -1;
    }
  }
  return start >= 0 ? Math.max(longest, n - start) : longest;
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);

/**
 * The run's metrics, with @meridian/risk (PerformanceAnalytics conventions) on the step returns
 * of the equity curve, and its trade statistics on the closed trades' net P&L.
 */
export function computeMetrics(m: MetricsInput): { metrics: BacktestMetrics; returns: Float64Array; drawdown: Float64Array } {
  const scale = m.periodsPerYear ?? PERIODS_PER_YEAR;
  const rf = m.riskFreeRate ?? 0;
  const returns = equityReturns(m.initialCash, m.equity);
  const n = m.equity.length;
  const finalEquity = n > 0 ? m.equity[n - 1] : m.initialCash;
  const stats = tradeStatistics(Float64Array.from(m.trades, (t) => t.netPnl));
  const drawdown = drawdowns(returns);
  const mdd = maxDrawdownOf(drawdown);
  const cagr = annualizedReturn(returns, scale);
  const volatility = annualizedVolatility(returns, scale);
  // With no risk-free rate, PA's Sharpe and Sortino are these quotients of values at hand: the same
  // operations as annualizedSharpeRatio / sortinoRatio without their copy of the returns (r − 0).
  const sharpe = rf === 0 ? ratio(cagr, volatility) : annualizedSharpeRatio(returns, rf, scale);
  const sortino = rf === 0 ? ratio(mean(returns), downsideDeviation(returns, 0)) : sortinoRatio(returns, rf);
  const metrics: BacktestMetrics = {
    initialCash: m.initialCash,
    finalEquity,
    totalReturn: finalEquity / m.initialCash - 1,
    cagr,
    annualizedVolatility: volatility,
    sharpe,
    sortino: sortino * Math.sqrt(scale),
    maxDrawdown: mdd,
    maxDrawdownDuration: longestDrawdownOf(drawdown),
    calmar: mdd > 0 ? cagr / mdd : NaN, // risk's calmarRatio, from the values above

    trades: stats.trades,
    winRate: stats.winRate,
    profitFactor: stats.profitFactor,
    averageWin: stats.averageWin,
    averageLoss: stats.averageLoss,
    exposure: timeInMarket(m.grossExposure),
    turnover: annualTurnover(m.tradedNotional, m.equity, scale),
    feesPaid: m.feesPaid,
  };
  return { metrics, returns, drawdown };
}
