/**
 * Reconciliation of the platform's stored open positions with the contracts Deriv holds. Pure:
 * the adapter fetches `portfolio` (plus `proposal_open_contract` for multiplier and limit orders,
 * which `portfolio` does not carry) and hands both lists here; the caller turns the differences
 * into alerts. Nothing is corrected automatically: which side is right is a decision, not a rule.
 */
import type { ContractState, MultiplierContractType, PositionDirection, VenueContract } from './deriv-trading-types';
import { CONTRACT_TYPE_FOR_DIRECTION, sameAmount } from './deriv-trading-types';

/** An open position as the platform stored it. Fields left undefined are not compared. */
export interface StoredContract {
  contractId: string;
  symbol?: string;
  direction?: PositionDirection;
  contractType?: MultiplierContractType;
  currency?: string;
  stake?: string;
  /** The position's size: exposure = stake × multiplier. */
  multiplier?: number;
  /** `null`: stored without one (Deriv must have none either). */
  takeProfit?: string | null;
  stopLoss?: string | null;
}

export type ReconciledField = 'symbol' | 'contractType' | 'currency' | 'stake' | 'multiplier' | 'takeProfit' | 'stopLoss';

export type ContractDifference =
  /** Stored as open, not open on Deriv: closed there (take profit, stop loss, stop out, by hand) or never bought. */
  | { kind: 'missing-on-venue'; contractId: string; stored: StoredContract; closed?: ContractState }
  /** Open on Deriv, not stored: a lost buy not yet resolved, or a trade made outside the platform. */
  | { kind: 'unknown-on-venue'; contractId: string; venue: VenueContract }
  /** Both sides know the contract but disagree on a field. */
  | { kind: 'field-mismatch'; contractId: string; field: ReconciledField; stored: string | null; venue: string | null };

const text = (v: string | number | null | undefined): string | null => (v === undefined || v === null ? null : String(v));

function compare(stored: StoredContract, venue: VenueContract): ContractDifference[] {
  const out: ContractDifference[] = [];
  const differ = (field: ReconciledField, s: string | number | null | undefined, v: string | number | null | undefined, amounts: boolean) => {
    if (s === undefined || v === undefined) return; // not tracked on one side
    const equal = amounts ? sameAmount(text(s), text(v)) : text(s) === text(v);
    if (!equal) out.push({ kind: 'field-mismatch', contractId: stored.contractId, field, stored: text(s), venue: text(v) });
  };
  const storedType = stored.contractType ?? (stored.direction ? CONTRACT_TYPE_FOR_DIRECTION[stored.direction] : undefined);
  differ('symbol', stored.symbol, venue.symbol, false);
  differ('contractType', storedType, venue.contractType, false);
  differ('currency', stored.currency, venue.currency, false);
  differ('stake', stored.stake, venue.buyPrice, true); // a multiplier's buy price is its stake
  differ('multiplier', stored.multiplier, venue.multiplier, false);
  differ('takeProfit', stored.takeProfit, venue.takeProfit, true);
  differ('stopLoss', stored.stopLoss, venue.stopLoss, true);
  return out;
}

/**
 * Differences between stored open contracts and Deriv's open contracts: each stored contract
 * Deriv does not list, each Deriv contract not stored, and each field on which a contract known to
 * both differs. Stored order first, then Deriv's order for the unknown ones.
 */
export function reconcileContracts(stored: readonly StoredContract[], venue: readonly VenueContract[]): ContractDifference[] {
  const byId = new Map(venue.map((c) => [c.contractId, c]));
  const storedIds = new Set(stored.map((s) => s.contractId));
  const out: ContractDifference[] = [];
  for (const s of stored) {
    const v = byId.get(s.contractId);
    if (v) out.push(...compare(s, v));
    else out.push({ kind: 'missing-on-venue', contractId: s.contractId, stored: s });
  }
  for (const v of venue) if (!storedIds.has(v.contractId)) out.push({ kind: 'unknown-on-venue', contractId: v.contractId, venue: v });
  return out;
}
