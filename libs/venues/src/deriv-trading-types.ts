/**
 * The public language of the Deriv trading adapter: positions as the platform sees them (a
 * direction, a stake, a multiplier, take profit / stop loss amounts) and the multiplier contracts
 * Deriv holds for them. Money is always a decimal string here; numbers only travel on the wire.
 */
import Decimal from 'decimal.js';

export type PositionDirection = 'long' | 'short';

/** Deriv's multiplier contracts: MULTUP gains when the price rises, MULTDOWN when it falls. */
export type MultiplierContractType = 'MULTUP' | 'MULTDOWN';

export const CONTRACT_TYPE_FOR_DIRECTION: Readonly<Record<PositionDirection, MultiplierContractType>> = Object.freeze({
  long: 'MULTUP',
  short: 'MULTDOWN',
});

/** The direction of a contract type; undefined for anything but a multiplier. */
export function directionOfContractType(contractType: string): PositionDirection | undefined {
  if (contractType === 'MULTUP') return 'long';
  if (contractType === 'MULTDOWN') return 'short';
  return undefined;
}

export interface OpenPositionRequest {
  /** The caller's id of this order; the intent journal keys on it (Deriv has no client order id). */
  intentId: string;
  /** Deriv's `underlying_symbol`, e.g. `R_100`. */
  symbol: string;
  direction: PositionDirection;
  /** Amount put at risk, in `currency` (decimal string, e.g. "10.00"). The most the position can lose. */
  stake: string;
  currency: string;
  /** Exposure = stake × multiplier. Deriv offers a fixed set per symbol (e.g. 40, 100, 200, 400). */
  multiplier: number;
  /** Close when the profit reaches this amount of money (not a price level). */
  takeProfit?: string;
  /** Close when the loss reaches this amount of money (not a price level); at most the stake. */
  stopLoss?: string;
  /** Highest price accepted for the buy; defaults to the proposal's ask price (= the stake). */
  maxPrice?: string;
}

export interface OpenedPosition {
  intentId: string;
  contractId: string;
  symbol: string;
  direction: PositionDirection;
  contractType: MultiplierContractType;
  currency: string;
  stake: string;
  multiplier: number;
  takeProfit: string | null;
  stopLoss: string | null;
  /** What Deriv charged; for a multiplier it equals the stake. */
  buyPrice: string;
  purchaseTimeMs: number;
  transactionId: string;
  /** Account balance right after the buy (absent when the position was recovered from `portfolio`). */
  balanceAfter?: string;
  /** True when the buy's answer was lost and the contract was found in `portfolio` instead. */
  recovered: boolean;
}

/** New limit orders: a string sets the amount, `null` cancels it, an absent key leaves it unchanged. */
export interface LimitsUpdate {
  takeProfit?: string | null;
  stopLoss?: string | null;
}

export interface UpdatedLimits {
  contractId: string;
  takeProfit: string | null;
  stopLoss: string | null;
}

export type ContractStatus = 'open' | 'sold' | 'won' | 'lost' | 'cancelled' | (string & NonNullable<unknown>);

export interface ClosedPosition {
  contractId: string;
  /** What the contract paid back (stake + profit, never below 0). */
  soldFor: string;
  status: ContractStatus;
  balanceAfter?: string;
  transactionId?: string;
  /**
   * `sell`: our sell was answered. `recovered`: its answer was lost and the contract was found
   * sold. `already-closed`: Deriv had closed it before (take profit, stop loss or stop out).
   */
  via: 'sell' | 'recovered' | 'already-closed';
}

/** An open contract as `portfolio` lists it, with details from `proposal_open_contract` when fetched. */
export interface VenueContract {
  contractId: string;
  symbol: string;
  contractType: string;
  /** Undefined for contracts other than multipliers (bought elsewhere). */
  direction?: PositionDirection;
  currency: string;
  buyPrice: string;
  purchaseTimeMs: number;
  transactionId?: string;
  /** Details (undefined when not fetched). */
  multiplier?: number;
  takeProfit?: string | null;
  stopLoss?: string | null;
}

/** The live state of a contract (`proposal_open_contract`). */
export interface ContractState {
  contractId: string;
  symbol: string;
  contractType: string;
  direction?: PositionDirection;
  currency: string;
  status: ContractStatus;
  isSold: boolean;
  buyPrice: string;
  bidPrice?: string;
  profit?: string;
  entrySpot?: string;
  currentSpot?: string;
  multiplier?: number;
  takeProfit: string | null;
  stopLoss: string | null;
  /** Loss at which Deriv closes the contract on its own (the stake). */
  stopOut: string | null;
  purchaseTimeMs?: number;
  sellPrice?: string;
  sellTimeMs?: number;
}

const DECIMAL_TEXT = /^(0|[1-9]\d*)(\.\d+)?$/;

/** A positive decimal given as a plain decimal string ("10", "10.50"); throws RangeError otherwise. */
export function parsePositiveAmount(name: string, value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) throw new RangeError(`${name} must be a decimal string such as "10.00", got ${JSON.stringify(value)}`);
  const amount = new Decimal(value);
  if (amount.lte(0)) throw new RangeError(`${name} must be greater than 0, got "${value}"`);
  return amount;
}

/** A decimal from a wire value (number or string) as plain decimal text, or undefined. */
export function decimalText(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  try {
    const d = new Decimal(value);
    return d.isFinite() ? d.toFixed() : undefined;
  } catch {
    return undefined;
  }
}

/** Equal amounts ("10" = "10.00"); null and undefined are equal only to themselves. */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  try {
    return new Decimal(a).eq(b);
  } catch {
    return a === b;
  }
}

/**
 * Deriv's amounts are JSON numbers. A decimal with a few places converts exactly (the shortest
 * representation of the double is the decimal itself), so "10.10" goes out as 10.1.
 */
export function wireAmount(amount: Decimal): number {
  return amount.toNumber();
}
