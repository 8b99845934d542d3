/**
 * Descriptive statistics used by the risk metrics. All functions are pure and
 * never throw on data: an empty input (or one that is too short for the
 * estimator) yields NaN, and a NaN anywhere in the input propagates to the result.
 * Use {@link dropNaN} to mirror R's `na.omit` explicitly.
 */

/** A read-only series of numbers; every public function takes a Float64Array. */
export type Series = Float64Array;

/** Copy of `x` without NaN entries (R's `na.omit`, which PerformanceAnalytics applies internally). */
export function dropNaN(x: Series): Float64Array {
  let count = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out[j++] = x[i];
  return out;
}

/** True when any element is NaN. */
export function hasNaN(x: Series): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) return true;
  return false;
}

/** Sum of the elements (0 for an empty series). */
export function sum(x: Series): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/**
 * Arithmetic mean (R's `mean`), with R's second-pass correction for accuracy.
 * Empty series → NaN.
 */
export function mean(x: Series): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m = sum(x) / n;
  if (!Number.isFinite(m)) return m;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i] - m;
  return m + c / n;
}

/** Sum of squared deviations from the mean (two-pass). */
function sumSquaredDeviations(x: Series): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    s += d * d;
  }
  return s;
}

/** Sample variance with the n − 1 denominator (R's `var`). Fewer than 2 values → NaN. */
export function variance(x: Series): number {
  if (x.length < 2) return NaN;
  return sumSquaredDeviations(x) / (x.length - 1);
}

/** Sample standard deviation with the n − 1 denominator (R's `sd`, PA's `StdDev`). Fewer than 2 values → NaN. */
export function stdDev(x: Series): number {
  return Math.sqrt(variance(x));
}

/**
 * Population standard deviation, `sqrt(mean((x − mean(x))²))` (denominator n). This is
 * PA's `sqrt(centeredmoment(R, 2))`, which `VaR`/`ES` with `method = "gaussian"` use.
 * Empty series → NaN.
 */
export function populationStdDev(x: Series): number {
  if (x.length === 0) return NaN;
  return Math.sqrt(sumSquaredDeviations(x) / x.length);
}

function assertSameLength(a: Series, b: Series, what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: series lengths differ (${a.length} vs ${b.length})`);
  }
}

/**
 * Sample covariance with the n − 1 denominator (R's `cov`). Fewer than 2 pairs → NaN.
 * @throws RangeError when the two series have different lengths (a caller bug, not a data condition).
 */
export function covariance(a: Series, b: Series): number {
  assertSameLength(a, b, 'covariance');
  const n = a.length;
  if (n < 2) return NaN;
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb);
  return s / (n - 1);
}

/**
 * Pearson correlation (R's `cor`). NaN when fewer than 2 pairs or when either series is
 * constant (zero variance).
 * @throws RangeError when the two series have different lengths.
 */
export function correlation(a: Series, b: Series): number {
  assertSameLength(a, b, 'correlation');
  const n = a.length;
  if (n < 2) return NaN;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  const r = sab / Math.sqrt(saa * sbb);
  // Guard against rounding just outside [-1, 1], as R's cor does.
  return Math.max(-1, Math.min(1, r));
}

/** Ascending sorted copy (NaN, if any, sort last). */
export function sortedCopy(x: Series): Float64Array {
  return Float64Array.from(x).sort();
}

/**
 * Sample quantile, R's `quantile(x, prob, type = 7)` (the default, which PA's historical
 * VaR/ES use): with h = 1 + (n − 1)·prob, lo = ⌊h⌋, hi = ⌈h⌉ on the sorted values,
 * `(1 − (h − lo))·x[lo] + (h − lo)·x[hi]`.
 * Empty series or a NaN in the input → NaN.
 * @throws RangeError when prob is outside [0, 1].
 */
export function quantile(x: Series, prob: number): number {
  if (!(prob >= 0 && prob <= 1)) throw new RangeError(`quantile: prob must be in [0, 1], got ${prob}`);
  if (x.length === 0 || hasNaN(x)) return NaN;
  return quantileSorted(sortedCopy(x), prob);
}

/** {@link quantile} on an already ascending-sorted, NaN-free series (internal). */
export function quantileSorted(sorted: Series, prob: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + (n - 1) * prob; // 1-based, as in R
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qlo = sorted[lo - 1];
  const qhi = sorted[hi - 1];
  if (index > lo && qhi !== qlo) {
    const h = index - lo;
    return (1 - h) * qlo + h * qhi;
  }
  return qlo;
}
