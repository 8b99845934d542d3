/**
 * How a platform order becomes Deriv multiplier contracts, as pure functions (no I/O, no Nest).
 * The reasons for these choices are in README.md beside this file; in short:
 *
 * - `quantity` means the same on a Deriv account as on a paper account: units of the underlying.
 *   A contract of exposure quantity × price is bought by its stake, so
 *   stake = quantity × last price ÷ multiplier, rounded half-up to cents.
 * - buy → MULTUP (long), sell → MULTDOWN (short); a reduce-only order instead closes whole open
 *   contracts of the opposite direction on that symbol (sell closes MULTUPs, buy closes MULTDOWNs).
 * - Only market orders exist on Deriv: limit, stop, brackets, OCO pairs and algorithms are refused.
 * - Fills are booked so that the account's equity moves exactly by Deriv's profit: the opening
 *   fill is at the contract's entry spot, the closing fill at entry + profit ÷ units.
 */
import { Dec, type Order } from '@meridian/trading';
import type { PositionDirection } from '@meridian/venues';

/** Places of the stake sent to Deriv (cents of a fiat currency). */
export const STAKE_DP = 2;
/** Places of booked prices (the engine's money precision). */
export const PRICE_DP = 8;

export type DerivOrderPlan =
  | { kind: 'open'; direction: PositionDirection; stake: Dec; referencePrice: Dec }
  | { kind: 'close'; direction: PositionDirection }
  | { kind: 'refuse'; reason: string };

const NOTHING_SENT = 'nothing was sent to Deriv';

/** What to do on Deriv for an accepted order of a Deriv account. */
export function planDerivOrder(order: Pick<Order, 'type' | 'side' | 'role' | 'reduceOnly' | 'bracket' | 'quantity' | 'symbol'>, lastPrice: Dec | undefined, multiplier: number): DerivOrderPlan {
  if (order.role === 'algo-parent' || order.role === 'algo-child') {
    return { kind: 'refuse', reason: `Algorithms (TWAP, VWAP, iceberg) are not supported on a Deriv account; ${NOTHING_SENT}` };
  }
  if (order.type !== 'market') {
    return { kind: 'refuse', reason: `Deriv multipliers have no resting orders, so a ${order.type} order cannot be placed on a Deriv account (use a market order); ${NOTHING_SENT}` };
  }
  if (order.role === 'oco') return { kind: 'refuse', reason: `OCO pairs are not supported on a Deriv account; ${NOTHING_SENT}` };
  if (order.bracket || order.role === 'bracket-entry') {
    return { kind: 'refuse', reason: `Brackets are not supported on a Deriv account yet (Deriv takes take profit and stop loss as money amounts on the contract, not as price levels); ${NOTHING_SENT}` };
  }
  if (order.reduceOnly) return { kind: 'close', direction: order.side === 'sell' ? 'long' : 'short' };
  if (!lastPrice || !lastPrice.isPositive()) {
    return { kind: 'refuse', reason: `${order.symbol} has no last price to size the Deriv stake from (stake = quantity × price ÷ multiplier); ${NOTHING_SENT}` };
  }
  const stake = stakeFor(order.quantity, lastPrice, multiplier);
  if (!stake.isPositive()) {
    return { kind: 'refuse', reason: `A quantity of ${order.quantity} ${order.symbol} at ${lastPrice} is a stake below 0.01 at multiplier ${multiplier}; ${NOTHING_SENT}` };
  }
  return { kind: 'open', direction: order.side === 'buy' ? 'long' : 'short', stake, referencePrice: lastPrice };
}

/** Stake of a multiplier contract whose exposure is `quantity` units at `price`. */
export function stakeFor(quantity: Dec, price: Dec, multiplier: number): Dec {
  return quantity.times(price).div(multiplier).toDecimalPlaces(STAKE_DP, Dec.ROUND_HALF_UP);
}

/**
 * The price at which `units` of a linear position entered at `entry` would have made the
 * contract's profit (sold for − stake): booking the close there moves cash by exactly Deriv's
 * profit, commission and stop-out cap included.
 */
export function exitPriceFor(entry: Dec, units: Dec, stake: Dec, soldFor: Dec): Dec {
  return entry.plus(soldFor.minus(stake).div(units)).toDecimalPlaces(PRICE_DP, Dec.ROUND_HALF_EVEN);
}

export interface ClosableContract {
  contractId: string;
  units: Dec;
}

/**
 * Contracts close whole: takes them oldest first while they fit in what is left of the order.
 * The caller passes them oldest first.
 */
export function pickContractsToClose<T extends ClosableContract>(contracts: readonly T[], quantity: Dec): T[] {
  const picked: T[] = [];
  let left = quantity;
  for (const c of contracts) {
    if (c.units.greaterThan(left)) continue;
    picked.push(c);
    left = left.minus(c.units);
    if (left.isZero()) break;
  }
  return picked;
}

/** Signed units of a contract in the engine's position (long +, short −). */
export function signedUnits(direction: PositionDirection, units: Dec): Dec {
  return direction === 'long' ? units : units.negated();
}
