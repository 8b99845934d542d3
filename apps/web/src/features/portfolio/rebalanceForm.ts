import type { PositionView, RebalanceResponse } from '@meridian/contracts';
import { isPositiveDecimal, normaliseDecimal } from '../../ui/decimal';
import type { RebalanceBody } from './portfolioApi';

export interface TargetRow {
  key: number;
  symbol: string;
  /** Percent of equity as typed; negative = short. */
  weightPct: string;
}

export interface RebalanceDraft {
  rows: TargetRow[];
  minTradeNotional: string;
  closeOthers: boolean;
}

let nextKey = 1;
export const targetRow = (symbol = '', weightPct = ''): TargetRow => ({ key: nextKey++, symbol, weightPct });

/** Rows of the current positions at their weights (as percent, 0.01 % precision). */
export function rowsFromPositions(positions: PositionView[]): TargetRow[] {
  return positions
    .filter((p) => Number(p.quantity) !== 0)
    .map((p) => targetRow(p.symbol, p.weight == null ? '' : String(Math.round(p.weight * 10_000) / 100)));
}

/** A percentage as a fraction, without float noise (33.3 → 0.333). */
const fractionOf = (pct: number) => Math.round(pct * 10_000) / 1_000_000;

export type ParsedRebalance = { body: Omit<RebalanceBody, 'mode'> } | { errors: Record<string, string> };

/** The request without its mode, or errors keyed `rows.<i>.symbol` / `rows.<i>.weight` / `minTradeNotional`. */
export function rebalanceBodyOf(draft: RebalanceDraft): ParsedRebalance {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const targets = draft.rows.map((row, i) => {
    const symbol = row.symbol.trim();
    if (!symbol) errors[`rows.${i}.symbol`] = 'pick a symbol';
    else if (seen.has(symbol)) errors[`rows.${i}.symbol`] = 'listed twice';
    seen.add(symbol);
    const text = row.weightPct.trim();
    const pct = Number(text);
    if (!text || !Number.isFinite(pct)) errors[`rows.${i}.weight`] = 'a percentage';
    else if (pct < -100 || pct > 100) errors[`rows.${i}.weight`] = 'from −100 to 100 %';
    return { symbol, weight: fractionOf(pct) };
  });
  if (targets.length === 0) errors.rows = 'add at least one target';
  const min = normaliseDecimal(draft.minTradeNotional);
  if (min && !isPositiveDecimal(min)) errors.minTradeNotional = 'a positive amount, or blank for the default';
  if (Object.keys(errors).length) return { errors };
  return { body: { targets, ...(min ? { minTradeNotional: min } : {}), ...(draft.closeOthers ? { closeOthers: true } : {}) } };
}

/** Sum of the target weights and of their absolute values (gross), in percent. */
export function weightTotals(rows: TargetRow[]): { net: number; gross: number } {
  let net = 0;
  let gross = 0;
  for (const r of rows) {
    const pct = Number(r.weightPct);
    if (!r.weightPct.trim() || !Number.isFinite(pct)) continue;
    net += pct;
    gross += Math.abs(pct);
  }
  return { net, gross };
}

/** Orders the plan would send (not skipped) and their notional by side. */
export function planSummary(plan: RebalanceResponse): { orders: number; skipped: number; buy: number; sell: number } {
  let orders = 0;
  let skipped = 0;
  let buy = 0;
  let sell = 0;
  for (const o of plan.orders) {
    if (o.skipped) {
      skipped++;
      continue;
    }
    orders++;
    if (o.side === 'buy') buy += Number(o.notional);
    else sell += Number(o.notional);
  }
  return { orders, skipped, buy, sell };
}
