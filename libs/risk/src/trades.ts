/**
 * Trade statistics for backtests, from an array of closed-trade P&Ls (any currency unit, as
 * floats; convert decimals to numbers before calling). There is no PerformanceAnalytics
 * equivalent; names and signs follow the usual backtest report (cf. blotter's `tradeStats`):
 * a win is P&L > 0, a loss is P&L < 0, a scratch trade (P&L = 0) counts as a trade but as
 * neither. Losses are reported as negative numbers (`averageLoss`, `grossLoss`).
 * No trades, or an undefined ratio (no losses for the profit factor), → NaN.
 */
import { mean, type Series } from './stats';

/** Fraction of trades with a positive P&L. No trades → NaN. */
export function winRate(pnls: Series): number {
  if (pnls.length === 0) return NaN;
  let wins = 0;
  for (let i = 0; i < pnls.length; i++) if (pnls[i] > 0) wins++;
  return wins / pnls.length;
}

function sumWhere(pnls: Series, keep: (x: number) => boolean): { total: number; count: number } {
  let total = 0;
  let count = 0;
  for (let i = 0; i < pnls.length; i++) {
    if (keep(pnls[i])) {
      total += pnls[i];
      count++;
    }
  }
  return { total, count };
}

const isWin = (x: number): boolean => x > 0;
const isLoss = (x: number): boolean => x < 0;

/** Gross profit / |gross loss|. No losing trade (or no trades) → NaN. */
export function profitFactor(pnls: Series): number {
  const loss = sumWhere(pnls, isLoss).total;
  return loss === 0 ? NaN : sumWhere(pnls, isWin).total / -loss;
}

/** Mean P&L of the winning trades (> 0). No win → NaN. */
export function averageWin(pnls: Series): number {
  const w = sumWhere(pnls, isWin);
  return w.count === 0 ? NaN : w.total / w.count;
}

/** Mean P&L of the losing trades, a negative number. No loss → NaN. */
export function averageLoss(pnls: Series): number {
  const l = sumWhere(pnls, isLoss);
  return l.count === 0 ? NaN : l.total / l.count;
}

/**
 * Expectancy: the mean P&L per trade (= winRate·averageWin + lossRate·averageLoss).
 * No trades → NaN.
 */
export function expectancy(pnls: Series): number {
  return mean(pnls);
}

/** All trade statistics at once. */
export interface TradeStatistics {
  readonly trades: number;
  readonly wins: number;
  readonly losses: number;
  readonly winRate: number;
  /** Sum of winning P&Ls (≥ 0). */
  readonly grossProfit: number;
  /** Sum of losing P&Ls (≤ 0). */
  readonly grossLoss: number;
  readonly profitFactor: number;
  readonly averageWin: number;
  readonly averageLoss: number;
  /** averageWin / |averageLoss|; NaN without wins or losses. */
  readonly payoffRatio: number;
  readonly expectancy: number;
}

/** Computes every trade statistic in one call (see the individual functions for definitions). */
export function tradeStatistics(pnls: Series): TradeStatistics {
  const w = sumWhere(pnls, isWin);
  const l = sumWhere(pnls, isLoss);
  const avgWin = averageWin(pnls);
  const avgLoss = averageLoss(pnls);
  return {
    trades: pnls.length,
    wins: w.count,
    losses: l.count,
    winRate: winRate(pnls),
    grossProfit: w.total,
    grossLoss: l.total,
    profitFactor: profitFactor(pnls),
    averageWin: avgWin,
    averageLoss: avgLoss,
    payoffRatio: avgWin / -avgLoss,
    expectancy: expectancy(pnls),
  };
}
