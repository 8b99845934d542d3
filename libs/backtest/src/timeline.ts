/** True when every column holds the same times as the first (same array, or equal values). */
function allSame(columns: readonly Float64Array[]): boolean {
  const first = columns[0];
  for (let k = 1; k < columns.length; k++) {
    const c = columns[k];
    if (c === first) continue;
    if (c.length !== first.length) return false;
    for (let i = 0; i < c.length; i++) if (c[i] !== first[i]) return false;
  }
  return true;
}

/**
 * The union of several strictly increasing time columns, in order, without duplicates: one time
 * step per distinct time. When all columns hold the same times (already aligned data), the first
 * is returned as is (the engine never writes to it). Otherwise a merge, O(total · columns), fine
 * for the handful of symbols a backtest aligns.
 */
export function unionTimeline(columns: readonly Float64Array[]): Float64Array {
  const nonEmpty = columns.filter((c) => c.length > 0);
  if (nonEmpty.length === 0) return new Float64Array(0);
  if (allSame(nonEmpty)) return nonEmpty[0];
  let total = 0;
  for (const c of nonEmpty) total += c.length;
  const out = new Float64Array(total);
  const cursor = new Int32Array(nonEmpty.length);
  let n = 0;
  for (;;) {
    let next = Infinity;
    for (let k = 0; k < nonEmpty.length; k++) {
      const c = nonEmpty[k];
      if (cursor[k] < c.length && c[cursor[k]] < next) next = c[cursor[k]];
    }
    if (next === Infinity) break;
    out[n++] = next;
    for (let k = 0; k < nonEmpty.length; k++) if (nonEmpty[k][cursor[k]] === next) cursor[k]++;
  }
  return out.slice(0, n);
}

/** Number of values of the increasing column `times` that are <= `limit` (binary search). */
export function countAtOrBefore(times: Float64Array, limit: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
