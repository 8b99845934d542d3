import { Dec } from '@meridian/trading';

/** A U-shaped intraday volume profile (more at the open and the close), as VWAP's default. */
export function uShapedProfile(slices: number): number[] {
  if (slices === 1) return [1];
  const mid = (slices - 1) / 2;
  return Array.from({ length: slices }, (_, i) => 1 + 2 * ((i - mid) / mid) ** 2);
}

/**
 * Splits a quantity by weights into child quantities with 8 decimals, rounding down and giving
 * the remainder to the last slice, so the children always add up to exactly the parent.
 */
export function splitQuantity(total: Dec, weights: readonly number[]): Dec[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Dec[] = [];
  let allocated = new Dec(0);
  weights.forEach((w, i) => {
    if (i === weights.length - 1) out.push(total.minus(allocated));
    else {
      const q = total.times(w).div(sum).toDecimalPlaces(8, Dec.ROUND_DOWN);
      out.push(q);
      allocated = allocated.plus(q);
    }
  });
  return out;
}
