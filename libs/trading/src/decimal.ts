import Decimal from 'decimal.js';

/**
 * The decimal type of every quantity, price, fee, balance and P&L. A clone with 40 significant
 * digits and banker's rounding, so no configuration elsewhere can change how money is computed.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

export function dec(value: Decimal.Value | Dec): Dec {
  return value instanceof Dec ? value : new Dec(value as Decimal.Value);
}

/** A decimal as the canonical string stored and sent (no exponent, trailing zeros trimmed). */
export function decString(value: Dec): string {
  return value.toFixed();
}

/** Parses a client's decimal string or number; null when it is not a finite decimal. */
export function parseDecimal(value: unknown): Dec | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return null;
  try {
    const d = new Dec(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}
