import { Dec, ZERO } from './decimal';
import type { OrderSide } from './order-types';

/** A position in one symbol: signed quantity, average entry, realised P&L (before fees), fees. */
export interface Position {
  accountId: string;
  symbol: string;
  quantity: Dec;
  averagePrice: Dec;
  realisedPnl: Dec;
  feesPaid: Dec;
  updatedAt: number;
}

export function emptyPosition(accountId: string, symbol: string): Position {
  return { accountId, symbol, quantity: ZERO, averagePrice: ZERO, realisedPnl: ZERO, feesPaid: ZERO, updatedAt: 0 };
}

/**
 * Applies one fill to a position (average-cost method): adding keeps a volume-weighted average;
 * reducing realises (price - average) per unit closed; crossing zero opens the rest at the fill price.
 */
export function applyFillToPosition(position: Position, side: OrderSide, quantity: Dec, price: Dec, fee: Dec, at: number): Position {
  const signed = side === 'buy' ? quantity : quantity.neg();
  const q = position.quantity;
  let realised = position.realisedPnl;
  let average = position.averagePrice;
  const next = q.plus(signed);
  if (q.isZero() || q.isNegative() === signed.isNegative()) {
    // Opening or adding.
    average = q.abs().times(average).plus(quantity.times(price)).div(q.abs().plus(quantity));
  } else {
    const closed = Dec.min(q.abs(), quantity);
    const direction = q.isNegative() ? -1 : 1;
    realised = realised.plus(price.minus(average).times(closed).times(direction));
    if (next.isZero()) average = ZERO;
    else if (next.isNegative() !== q.isNegative()) average = price; // flipped: the remainder opens here
  }
  return { ...position, quantity: next, averagePrice: average, realisedPnl: realised, feesPaid: position.feesPaid.plus(fee), updatedAt: at };
}

/** Cash after a fill: buying pays notional plus fee, selling receives notional minus fee. */
export function cashAfterFill(cash: Dec, side: OrderSide, quantity: Dec, price: Dec, fee: Dec): Dec {
  const notional = quantity.times(price);
  return side === 'buy' ? cash.minus(notional).minus(fee) : cash.plus(notional).minus(fee);
}

export function unrealisedPnl(position: Position, markPrice: Dec): Dec {
  if (position.quantity.isZero()) return ZERO;
  return markPrice.minus(position.averagePrice).times(position.quantity);
}

export function fee(quantity: Dec, price: Dec, feeBps: Dec, feeFixed: Dec): Dec {
  return quantity.times(price).times(feeBps).div(10_000).plus(feeFixed);
}
