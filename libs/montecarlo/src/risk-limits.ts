/**
 * Risk-limit checks: which limits a portfolio breaks now, or would break after a stress scenario.
 * Exposure and loss limits are amounts of quote currency; the drawdown limit is a fraction of the
 * peak equity.
 */
import type { StressPosition, StressResult } from './stress';

export interface RiskLimits {
  /** Largest Σ |quantity × price|. */
  readonly maxGrossExposure?: number;
  /** Largest |quantity × price| of any one position. */
  readonly maxPositionNotional?: number;
  /** Largest loss in one day (a positive amount). */
  readonly maxDailyLoss?: number;
  /** Largest fall of equity from its peak (0.2 = 20 %). */
  readonly maxDrawdown?: number;
}

export interface RiskState {
  readonly positions: readonly StressPosition[];
  readonly equity?: number;
  /** Highest equity so far (for the drawdown limit). */
  readonly peakEquity?: number;
  /** Today's P&L so far (negative = loss). */
  readonly dailyPnl?: number;
}

export interface RiskBreach {
  readonly limit: keyof RiskLimits;
  readonly symbol?: string;
  /** The measured value, in the limit's unit. */
  readonly value: number;
  readonly threshold: number;
  readonly message: string;
}

/** Every limit the state breaks (a value equal to its limit is not a breach). */
export function evaluateRiskLimits(state: RiskState, limits: RiskLimits): RiskBreach[] {
  const breaches: RiskBreach[] = [];
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) throw new RangeError(`limit ${name} must be a number >= 0, got ${String(value)}`);
  }
  const amount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const { maxGrossExposure, maxPositionNotional, maxDailyLoss, maxDrawdown } = limits;
  let gross = 0;
  for (const p of state.positions) {
    const notional = Math.abs(p.quantity * p.price);
    gross += notional;
    if (maxPositionNotional !== undefined && notional > maxPositionNotional) {
      breaches.push({
        limit: 'maxPositionNotional',
        symbol: p.symbol,
        value: notional,
        threshold: maxPositionNotional,
        message: `${p.symbol} notional ${amount(notional)} exceeds the limit of ${amount(maxPositionNotional)}`,
      });
    }
  }
  if (maxGrossExposure !== undefined && gross > maxGrossExposure) {
    breaches.push({ limit: 'maxGrossExposure', value: gross, threshold: maxGrossExposure, message: `gross exposure ${amount(gross)} exceeds the limit of ${amount(maxGrossExposure)}` });
  }
  if (maxDailyLoss !== undefined && state.dailyPnl !== undefined && -state.dailyPnl > maxDailyLoss) {
    const loss = -state.dailyPnl;
    breaches.push({ limit: 'maxDailyLoss', value: loss, threshold: maxDailyLoss, message: `daily loss ${amount(loss)} exceeds the limit of ${amount(maxDailyLoss)}` });
  }
  if (maxDrawdown !== undefined && state.equity !== undefined && state.peakEquity !== undefined && state.peakEquity > 0) {
    const drawdown = Math.max(0, (state.peakEquity - state.equity) / state.peakEquity);
    if (drawdown > maxDrawdown) {
      breaches.push({
        limit: 'maxDrawdown',
        value: drawdown,
        threshold: maxDrawdown,
        message: `drawdown ${(drawdown * 100).toFixed(2)} % exceeds the limit of ${(maxDrawdown * 100).toFixed(2)} %`,
      });
    }
  }
  return breaches;
}

/**
 * The limits broken after a stress scenario: positions repriced by their moves, the scenario's
 * P&L added to today's P&L and to equity (the peak stays where it was).
 */
export function stressBreaches(result: StressResult, state: RiskState, limits: RiskLimits): RiskBreach[] {
  const moved = result.positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity, price: p.price * (1 + p.move) }));
  const equity = state.equity !== undefined ? state.equity + result.totalPnl : undefined;
  const peakEquity = state.peakEquity ?? state.equity;
  return evaluateRiskLimits(
    {
      positions: moved,
      dailyPnl: (state.dailyPnl ?? 0) + result.totalPnl,
      ...(equity !== undefined ? { equity } : {}),
      ...(peakEquity !== undefined ? { peakEquity } : {}),
    },
    limits,
  );
}
