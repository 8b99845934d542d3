import type { DefaultSizing } from './types';

/**
 * Rounds a quantity toward zero to a multiple of `lot` (0 = no rounding). The tiny nudge keeps
 * 0.3 / 0.1 = 2.9999999999999996 lots at 3 lots.
 */
export function roundToLot(quantity: number, lot: number): number {
  if (!(lot > 0)) return quantity;
  const lots = Math.trunc(quantity / lot + (quantity > 0 ? 1e-9 : -1e-9));
  return lots * lot;
}

/** Units that `sizing` gives for an order at `referencePrice`, rounded to the lot (0 if it cannot). */
export function defaultQuantity(sizing: DefaultSizing, referencePrice: number, equity: number, lot: number): number {
  switch (sizing.kind) {
    case 'quantity':
      return sizing.quantity;
    case 'notional':
      return referencePrice > 0 ? roundToLot(sizing.notional / referencePrice, lot) : 0;
    case 'percent-of-equity':
      return referencePrice > 0 && equity > 0 ? roundToLot((sizing.percent * equity) / referencePrice, lot) : 0;
  }
}

/** Units of a target of `percent` of `equity` at `price`, rounded toward zero to the lot. */
export function targetPercentQuantity(percent: number, equity: number, price: number, lot: number): number {
  return roundToLot((percent * equity) / price, lot);
}
