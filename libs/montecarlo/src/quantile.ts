/**
 * Quantiles as R's quantile(x, p, type = 7) computes them: with h = (n - 1)·p (0-based),
 * q = x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋ + 1] - x[⌊h⌋]) on the sorted values. For many paths the order
 * statistics are found by selection (expected O(n)) rather than by sorting.
 */

/**
 * Where the type-7 quantile at p falls, in R's own arithmetic (1-based index = 1 + (n - 1)·p),
 * so that results match R to the last bit: 0-based lower rank and interpolation weight.
 */
function position(n: number, p: number): { lo: number; h: number } {
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  return { lo: lo - 1, h: index - lo };
}

/** R's interpolation: (1 - h)·x[lo] + h·x[hi], skipped when h = 0 or both values are equal. */
function interpolate(a: number, b: number, h: number): number {
  return h > 0 && a !== b ? (1 - h) * a + h * b : a;
}

/** Type-7 quantile of already ascending-sorted values (no NaN). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const { lo, h } = position(n, p);
  return interpolate(sorted[lo], sorted[Math.min(lo + 1, n - 1)], h);
}

/** 0-based ranks of the order statistics that the type-7 quantiles at `probabilities` need. */
export function ranksFor(n: number, probabilities: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of probabilities) {
    const { lo, h } = position(n, p);
    ranks.add(lo);
    if (h > 0 && lo + 1 < n) ranks.add(lo + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}

/**
 * Type-7 quantiles of `values` at each probability, by partial selection. `values` is reordered
 * in place (pass a scratch copy); `transform` maps each order statistic before interpolating
 * (the log-space simulations store log equity and interpolate in equity, as R would on equity).
 */
export function quantilesInPlace(values: Float64Array, probabilities: readonly number[], transform?: (x: number) => number): Float64Array {
  const n = values.length;
  const out = new Float64Array(probabilities.length);
  if (n === 0) return out.fill(NaN);
  const ranks = ranksFor(n, probabilities);
  selectRanks(values, ranks, 0, ranks.length, 0, n - 1);
  const at = (rank: number) => (transform === undefined ? values[rank] : transform(values[rank]));
  probabilities.forEach((p, i) => {
    const { lo, h } = position(n, p);
    out[i] = h > 0 && lo + 1 < n ? interpolate(at(lo), at(lo + 1), h) : at(lo);
  });
  return out;
}

/**
 * Puts the elements of ranks[from..to) at their sorted positions within a[left..right]
 * (quickselect on the middle rank, then each side with its ranks).
 */
function selectRanks(a: Float64Array, ranks: readonly number[], from: number, to: number, left: number, right: number): void {
  while (from < to) {
    const middle = (from + to) >>> 1;
    const k = ranks[middle];
    select(a, k, left, right);
    // Recurse into the smaller side, loop on the other: the stack stays O(log ranks).
    if (middle - from < to - middle - 1) {
      selectRanks(a, ranks, from, middle, left, k - 1);
      from = middle + 1;
      left = k + 1;
    } else {
      selectRanks(a, ranks, middle + 1, to, k + 1, right);
      to = middle;
      right = k - 1;
    }
  }
}

/** Hoare-partition quickselect with a median-of-three pivot: a[k] ends up the k-th smallest. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left < 16) {
      insertionSort(a, left, right);
      return;
    }
    const mid = (left + right) >>> 1;
    // Median of three into a[mid], smallest at a[left], largest at a[right].
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    // Hoare's scheme stops on elements equal to the pivot, so runs of ties split evenly.
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // j < k < i: a[k] equals the pivot and sits in place
  }
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= left && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Type-7 quantiles of values spread over several arrays (the chunks' rows of one step), exact,
 * without copying or sorting them all. Bins of a fine histogram are monotone in the value, so the
 * order statistic of rank r lies in the bin where the cumulative count passes r, and only that
 * bin's values need sorting. To read the data about once:
 *
 * 1. the first sixteenth of the values (paths are exchangeable: a random sample) gives the bins'
 *    range and predicts, with a wide margin, which bins will hold the wanted ranks;
 * 2. one pass counts every value into its bin (values beyond the sample's range go to the end
 *    bins, which keeps the bins monotone) and keeps the values of the predicted bins;
 * 3. the exact counts name each rank's bin; its values are sorted (a few dozen). A bin the
 *    prediction missed (improbable) is collected by one more pass, so the result is always exact.
 *
 * Reuses its buffers between calls: one instance per thread.
 */
export class SegmentQuantiles {
  private counts = new Int32Array(0);
  private predicted = new Uint8Array(0);
  private collected = new Float64Array(0);
  private slots = new Int32Array(0);

  quantiles(segments: readonly Float64Array[], probabilities: readonly number[], transform?: (x: number) => number): Float64Array {
    let n = 0;
    for (const segment of segments) n += segment.length;
    const out = new Float64Array(probabilities.length);
    if (n === 0) return out.fill(NaN);
    const ranks = ranksFor(n, probabilities);
    const at = n < SMALL ? bySelection(segments, n, ranks) : this.orderStatistics(segments, n, ranks);
    const value = (rank: number) => {
      const x = at.get(rank) as number;
      return transform === undefined ? x : transform(x);
    };
    probabilities.forEach((p, i) => {
      const { lo, h } = position(n, p);
      out[i] = h > 0 && lo + 1 < n ? interpolate(value(lo), value(lo + 1), h) : value(lo);
    });
    return out;
  }

  private orderStatistics(segments: readonly Float64Array[], n: number, ranks: readonly number[]): Map<number, number> {
    const sampleSize = n >> 4;
    const [low, high] = sampleRange(segments, sampleSize);
    const bins = Math.min(1 << 16, Math.max(256, n >> 4));
    const scale = bins / (high - low);
    // A flat sample or infinite values: no useful bins; select on a copy instead.
    if (!(high > low && Number.isFinite(low) && Number.isFinite(high) && Number.isFinite(scale))) return bySelection(segments, n, ranks);
    const last = bins - 1;
    if (this.counts.length < bins) {
      this.counts = new Int32Array(bins);
      this.predicted = new Uint8Array(bins);
    }
    if (this.collected.length < n) this.collected = new Float64Array(n);
    const { counts, predicted, collected } = this;

    // 1. Predicted bins: around each rank's place in the sample, ±4 binomial standard deviations.
    counts.fill(0, 0, bins);
    forEachValue(segments, sampleSize, (x) => counts[binOf(x, low, scale, last)]++);
    predicted.fill(0, 0, bins);
    for (const r of ranks) {
      const p = r / (n - 1);
      const centre = (r * sampleSize) / n;
      const margin = 4 * Math.sqrt(sampleSize * p * (1 - p)) + 2;
      const from = binAtRank(counts, bins, Math.max(0, Math.floor(centre - margin)));
      const to = binAtRank(counts, bins, Math.min(sampleSize - 1, Math.ceil(centre + margin)));
      predicted.fill(1, from, to + 1);
    }

    // 2. One pass: exact counts, and the values of the predicted bins.
    counts.fill(0, 0, bins);
    let kept = 0;
    for (const segment of segments) {
      for (let i = 0; i < segment.length; i++) {
        const x = segment[i];
        const f = (x - low) * scale;
        const b = f < 0 ? 0 : f >= bins ? last : f | 0;
        counts[b]++;
        if (predicted[b] !== 0) collected[kept++] = x;
      }
    }

    // 3. Each rank's bin and place in it; that bin's values, sorted.
    const targets: number[] = []; // distinct bins holding a wanted rank, ascending
    const belowTarget: number[] = []; // values in the bins before each target
    const targetOfRank: number[] = [];
    let cumulative = 0;
    let r = 0;
    for (let b = 0; b < bins && r < ranks.length; b++) {
      const next = cumulative + counts[b];
      if (ranks[r] < next) {
        targets.push(b);
        belowTarget.push(cumulative);
        while (r < ranks.length && ranks[r] < next) {
          targetOfRank.push(targets.length - 1);
          r++;
        }
      }
      cumulative = next;
    }
    // Counting-sort placement of the targets' values: slot t holds bin targets[t].
    const slotOfBin = this.slotOfBin(bins);
    const starts: number[] = [];
    let size = 0;
    targets.forEach((b, t) => {
      slotOfBin[b] = t + 1;
      starts.push(size);
      size += counts[b];
    });
    const bucket = new Float64Array(size);
    const fill = starts.slice();
    for (let i = 0; i < kept; i++) {
      const x = collected[i];
      const t = slotOfBin[binOf(x, low, scale, last)];
      if (t !== 0) bucket[fill[t - 1]++] = x;
    }
    if (targets.some((b) => predicted[b] === 0)) {
      forEachValue(segments, n, (x) => {
        const b = binOf(x, low, scale, last);
        const t = slotOfBin[b];
        if (t !== 0 && predicted[b] === 0) bucket[fill[t - 1]++] = x;
      });
    }
    const result = new Map<number, number>();
    targets.forEach((b, t) => {
      slotOfBin[b] = 0;
      bucket.subarray(starts[t], starts[t] + counts[b]).sort();
    });
    ranks.forEach((rank, i) => {
      const t = targetOfRank[i];
      result.set(rank, bucket[starts[t] + rank - belowTarget[t]]);
    });
    return result;
  }

  private slotOfBin(bins: number): Int32Array {
    if (this.slots.length < bins) this.slots = new Int32Array(bins);
    return this.slots;
  }
}

/** Below this many values, a quickselect on a copy is as fast as the histogram. */
const SMALL = 4096;

function binOf(x: number, low: number, scale: number, last: number): number {
  const f = (x - low) * scale;
  return f < 0 ? 0 : f > last ? last : f | 0;
}

/** The bin holding the value of 0-based rank `rank`, given counts per bin. */
function binAtRank(counts: Int32Array, bins: number, rank: number): number {
  let cumulative = 0;
  for (let b = 0; b < bins; b++) {
    cumulative += counts[b];
    if (rank < cumulative) return b;
  }
  return bins - 1;
}

/** Smallest and largest of the first `count` values. */
function sampleRange(segments: readonly Float64Array[], count: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  forEachValue(segments, count, (x) => {
    if (x < low) low = x;
    if (x > high) high = x;
  });
  return [low, high];
}

/** Calls `visit` on the first `count` values, in order. */
function forEachValue(segments: readonly Float64Array[], count: number, visit: (x: number) => void): void {
  let left = count;
  for (const segment of segments) {
    const take = Math.min(left, segment.length);
    for (let i = 0; i < take; i++) visit(segment[i]);
    left -= take;
    if (left === 0) return;
  }
}

/** Exact order statistics by quickselect on a copy. */
function bySelection(segments: readonly Float64Array[], n: number, ranks: readonly number[]): Map<number, number> {
  const all = new Float64Array(n);
  let offset = 0;
  for (const segment of segments) {
    all.set(segment, offset);
    offset += segment.length;
  }
  selectRanks(all, ranks, 0, ranks.length, 0, n - 1);
  return new Map(ranks.map((r) => [r, all[r]]));
}

export interface Histogram {
  /** bins + 1 ascending edges; bin i is [edges[i], edges[i + 1]), the last one closed. */
  readonly edges: Float64Array;
  readonly counts: Uint32Array;
}

/** Equal-width histogram between the smallest and largest finite values. */
export function histogram(values: Float64Array, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const edges = new Float64Array(bins + 1);
  const counts = new Uint32Array(bins);
  if (!(min <= max) || !Number.isFinite(min) || !Number.isFinite(max)) return { edges: edges.fill(NaN), counts };
  const width = max > min ? (max - min) / bins : 1;
  for (let i = 0; i <= bins; i++) edges[i] = min + i * width;
  if (max > min) edges[bins] = max;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    let b = Math.floor((x - min) / width);
    if (b >= bins) b = bins - 1;
    counts[b]++;
  }
  return { edges, counts };
}
