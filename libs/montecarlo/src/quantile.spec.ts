import { quantile as riskQuantile } from '@meridian/risk';
import reference from '../reference/quantile-reference.json';
import { Rng } from './prng';
import { histogram, quantileSorted, quantilesInPlace, SegmentQuantiles } from './quantile';

const { probs } = reference;

describe('type-7 quantiles equal R (reference/quantile-reference.json, made by make-reference.R)', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, { x, quantiles }) => {
    const values = Float64Array.from(x);
    const sorted = Float64Array.from(values).sort();
    expect(probs.map((p) => quantileSorted(sorted, p))).toEqual(quantiles);
    expect(Array.from(quantilesInPlace(Float64Array.from(values), probs))).toEqual(quantiles);
    expect(Array.from(new SegmentQuantiles().quantiles([values], probs))).toEqual(quantiles);
    // Split into uneven segments, as chunk rows are.
    const cut1 = Math.floor(values.length / 3);
    const cut2 = Math.floor((values.length * 3) / 4);
    const segments = [values.subarray(0, cut1), values.subarray(cut1, cut2), values.subarray(cut2)];
    expect(Array.from(new SegmentQuantiles().quantiles(segments, probs))).toEqual(quantiles);
  });

  it('gives R\'s numbers for a hand-checked case', () => {
    // quantile(c(1, 2, 3, 4, 10), c(0.05, 0.25, 0.5, 0.75, 0.95)) = 1.2 2 3 4 8.8
    const q = new SegmentQuantiles().quantiles([Float64Array.of(10, 4, 3, 2, 1)], [0.05, 0.25, 0.5, 0.75, 0.95]);
    // R prints 7 digits; its double for the last is 8.799999999999999 (h = 4.8 - 4 is not exactly
    // 0.8), and so is ours: the file-based cases above compare all 17 digits.
    [1.2, 2, 3, 4, 8.8].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 14));
    expect(q[4]).toBe(8.799999999999999);
  });
});

describe('SegmentQuantiles', () => {
  const reference = (values: Float64Array, p: readonly number[]) => p.map((q) => riskQuantile(values, q));

  it('equals @meridian/risk quantile on random data, with ties and of every size', () => {
    const rng = new Rng(5);
    const selector = new SegmentQuantiles();
    const p = [0, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1];
    for (const n of [1, 2, 3, 10, 257, 1000, 4099, 60_000]) {
      for (const kind of ['continuous', 'few distinct', 'heavy tail'] as const) {
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const z = rng.nextNormal();
          values[i] = kind === 'continuous' ? z : kind === 'few distinct' ? Math.round(z * 2) / 2 + 0 : Math.exp(3 * z);
        }
        const expected = reference(values, p);
        expect(Array.from(selector.quantiles([values], p))).toEqual(expected);
        expect(Array.from(quantilesInPlace(Float64Array.from(values), p))).toEqual(expected);
      }
    }
  });

  it('transforms order statistics before interpolating, and handles infinities and constant data', () => {
    const values = Float64Array.of(0.1, -0.2, 0.3, 0.05, 0);
    const q = new SegmentQuantiles().quantiles([values], [0.3, 0.9], Math.exp);
    const equities = Float64Array.from(values, Math.exp);
    expect(Array.from(q)).toEqual(reference(equities, [0.3, 0.9]));
    const withInfinity = Float64Array.of(-Infinity, 1, 2, 3, Infinity);
    expect(Array.from(new SegmentQuantiles().quantiles([withInfinity], [0, 0.5, 0.75, 1]))).toEqual([-Infinity, 2, 3, Infinity]);
    const big = new Float64Array(20_000).map((_, i) => (i % 7 === 0 ? Infinity : i));
    expect(Array.from(new SegmentQuantiles().quantiles([big], [0.5, 0.99]))).toEqual(reference(big, [0.5, 0.99]));
    expect(Array.from(new SegmentQuantiles().quantiles([Float64Array.of(4, 4, 4)], [0.1, 0.9]))).toEqual([4, 4]);
    expect(Array.from(new SegmentQuantiles().quantiles([new Float64Array(50_000).fill(2.5)], [0.1, 0.9]))).toEqual([2.5, 2.5]);
    expect(Array.from(new SegmentQuantiles().quantiles([], [0.5]))).toEqual([NaN]);
  });

  it('stays exact when the first values are not a fair sample (sorted or shifted data)', () => {
    const p = [0.01, 0.05, 0.5, 0.95, 0.99];
    const ascending = Float64Array.from({ length: 50_000 }, (_, i) => i * 0.5);
    const descending = ascending.slice().reverse();
    const rng = new Rng(3);
    const shifted = Float64Array.from({ length: 80_000 }, (_, i) => (i < 5000 ? 0 : 100) + rng.nextNormal());
    for (const values of [ascending, descending, shifted]) {
      const segments = [values.subarray(0, 1234), values.subarray(1234, 40_000), values.subarray(40_000)];
      expect(Array.from(new SegmentQuantiles().quantiles(segments, p))).toEqual(reference(values, p));
    }
  });
});

describe('histogram', () => {
  it('counts every value once, in equal-width bins from min to max', () => {
    const values = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const { edges, counts } = histogram(values, 5);
    expect(Array.from(edges)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(Array.from(counts)).toEqual([2, 2, 2, 2, 3]); // the last bin is closed
    const flat = histogram(Float64Array.of(3, 3), 4);
    expect(Array.from(flat.counts)).toEqual([2, 0, 0, 0]);
  });
});
