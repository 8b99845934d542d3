import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Candle } from './candles';
import {
  alignedReturns,
  alignSeries,
  correlationMatrix,
  pearsonCorrelation,
  PriceSeries,
  rollingCorrelation,
  rollingPearson,
  seriesFromCandles,
  simpleReturns,
} from './correlation';

interface Reference {
  series: { symbol: string; times: number[]; closes: number[] }[];
  common: { times: number[]; returns: number[][] };
  correlation: { symbols: string[]; matrix: number[][]; observations: number };
  rolling: { symbols: [string, string]; window: number; times: number[]; values: (number | null)[] };
}

const reference: Reference = JSON.parse(
  readFileSync(join(__dirname, '..', 'reference', 'correlation-reference.json'), 'utf8'),
);
const TOLERANCE = 1e-9;

function expectClose(actual: ArrayLike<number>, expected: readonly (number | null)[]): void {
  expect(actual.length).toBe(expected.length);
  const mismatches: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null ? !Number.isNaN(a) : !(Math.abs(a - e) <= TOLERANCE)) mismatches.push(`[${i}] ${a} vs ${e}`);
  }
  expect(mismatches).toEqual([]);
}

describe('correlation against R reference values (make-correlation-reference.R)', () => {
  const series: PriceSeries[] = reference.series;

  it('aligns the three series on the dates they all share', () => {
    const aligned = alignSeries(series);
    expect(aligned.symbols).toEqual(['A', 'B', 'C']);
    expect(Array.from(aligned.times)).toEqual(reference.common.times);
  });

  it('computes the simple returns of the aligned closes', () => {
    const { returns, times } = alignedReturns(series);
    expect(Array.from(times)).toEqual(reference.common.times.slice(1));
    returns.forEach((r, k) => expectClose(r, reference.common.returns[k]));
  });

  it('matches cor() of the simple returns within 1e-9', () => {
    const result = correlationMatrix(series);
    expect(result.symbols).toEqual(reference.correlation.symbols);
    expect(result.observations).toBe(reference.correlation.observations);
    result.matrix.forEach((row, i) => expectClose(row, reference.correlation.matrix[i]));
  });

  it('matches the rolling correlation loop within 1e-9, NaN during warm-up', () => {
    const [a, b] = reference.series;
    const rolling = rollingCorrelation(a, b, reference.rolling.window);
    expect(rolling.symbols).toEqual(reference.rolling.symbols);
    expect(Array.from(rolling.times)).toEqual(reference.rolling.times);
    expectClose(rolling.values, reference.rolling.values);
    expect(Number.isNaN(rolling.values[reference.rolling.window - 2])).toBe(true);
    expect(Number.isNaN(rolling.values[reference.rolling.window - 1])).toBe(false);
  });
});

describe('alignSeries', () => {
  it('keeps only timestamps present in every series, in order', () => {
    const aligned = alignSeries([
      { symbol: 'X', times: [1, 2, 3, 5, 8], closes: [10, 20, 30, 50, 80] },
      { symbol: 'Y', times: [2, 3, 4, 5], closes: [200, 300, 400, 500] },
      { symbol: 'Z', times: [0, 2, 5, 8, 9], closes: [0, 2000, 5000, 8000, 9000] },
    ]);
    expect(Array.from(aligned.times)).toEqual([2, 5]);
    expect(aligned.closes.map((c) => Array.from(c))).toEqual([
      [20, 50],
      [200, 500],
      [2000, 5000],
    ]);
  });

  it('returns empty arrays when the series do not overlap', () => {
    const aligned = alignSeries([
      { symbol: 'X', times: [1, 2], closes: [1, 2] },
      { symbol: 'Y', times: [3, 4], closes: [3, 4] },
    ]);
    expect(aligned.times).toHaveLength(0);
    expect(correlationMatrix([
      { symbol: 'X', times: [1, 2], closes: [1, 2] },
      { symbol: 'Y', times: [3, 4], closes: [3, 4] },
    ]).observations).toBe(0);
  });

  it('rejects unsorted timestamps and mismatched lengths', () => {
    expect(() => alignSeries([{ symbol: 'X', times: [2, 1], closes: [1, 2] }])).toThrow(RangeError);
    expect(() => alignSeries([{ symbol: 'X', times: [1, 1], closes: [1, 2] }])).toThrow(RangeError);
    expect(() => alignSeries([{ symbol: 'X', times: [1, 2], closes: [1] }])).toThrow(RangeError);
    expect(() => alignSeries([])).toThrow(RangeError);
  });
});

describe('returns and Pearson correlation', () => {
  it('computes simple returns as c[i]/c[i-1] - 1', () => {
    expect(Array.from(simpleReturns([100, 110, 99]))).toEqual([0.10000000000000009, -0.09999999999999998]);
    expect(simpleReturns([100])).toHaveLength(0);
  });

  it('gives ±1 for linearly related samples and NaN for constant ones', () => {
    const x = [1, 2, 4, 8, 3];
    expect(pearsonCorrelation(x, x.map((v) => 3 * v + 1))).toBeCloseTo(1, 12);
    expect(pearsonCorrelation(x, x.map((v) => -2 * v))).toBeCloseTo(-1, 12);
    expect(pearsonCorrelation(x, [5, 5, 5, 5, 5])).toBeNaN();
    expect(pearsonCorrelation([1], [2])).toBeNaN();
  });

  it('builds a symmetric matrix with a unit diagonal and NaN for a flat series', () => {
    const times = [1, 2, 3, 4, 5, 6];
    const result = correlationMatrix([
      { symbol: 'A', times, closes: [100, 101, 99, 102, 103, 101] },
      { symbol: 'B', times, closes: [50, 50.2, 49.9, 50.8, 51, 50.1] },
      { symbol: 'FLAT', times, closes: [7, 7, 7, 7, 7, 7] },
    ]);
    expect(result.observations).toBe(5);
    expect(result.matrix[0][0]).toBe(1);
    expect(result.matrix[0][1]).toBe(result.matrix[1][0]);
    expect(result.matrix[0][1]).toBeGreaterThan(0.9);
    expect(result.matrix[2][2]).toBeNaN();
    expect(result.matrix[0][2]).toBeNaN();
  });

  it('rolling correlation equals the direct correlation of each window', () => {
    const n = 500;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.sin(i * 0.37) + 0.001 * i;
      y[i] = Math.cos(i * 0.11) + 0.5 * x[i];
    }
    const window = 30;
    const rolling = rollingPearson(x, y, window);
    const errors: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i < window - 1) {
        if (!Number.isNaN(rolling[i])) errors.push(i);
        continue;
      }
      const direct = pearsonCorrelation(x.subarray(i - window + 1, i + 1), y.subarray(i - window + 1, i + 1));
      if (!(Math.abs(rolling[i] - direct) < 1e-12)) errors.push(i);
    }
    expect(errors).toEqual([]);
  });

  it('rolling correlation is NaN for constant windows and validates the window', () => {
    const x = [1, 1, 1, 1, 2, 3, 1];
    const y = [1, 2, 3, 4, 5, 6, 8];
    const r = rollingPearson(x, y, 3);
    expect(Array.from(r.subarray(0, 4)).every(Number.isNaN)).toBe(true);
    expect(r[4]).toBeCloseTo(pearsonCorrelation([1, 1, 2], [3, 4, 5]), 12);
    // A constant window reached by a running update (not a recompute) is NaN too, not rounding noise.
    expect(rollingPearson([5.1, 0.3, 0.3, 0.3], [1, 2, 3, 4], 3)[3]).toBeNaN();
    expect(() => rollingPearson(x, y, 1)).toThrow(RangeError);
    expect(() => rollingPearson(x, y.slice(1), 3)).toThrow(RangeError);
    expect(Array.from(rollingPearson([1, 2], [2, 1], 3)).every(Number.isNaN)).toBe(true);
  });

  it('builds a close series from candles', () => {
    const candle = (openTimeMs: number, close: number): Candle => ({
      symbol: 'R_10', timeframe: '1m', openTimeMs, closeTimeMs: openTimeMs + 60_000, open: close, high: close, low: close, close, tickCount: 1,
    });
    const s = seriesFromCandles([candle(0, 1), candle(60_000, 2)]);
    expect(s.symbol).toBe('R_10');
    expect(Array.from(s.times)).toEqual([0, 60_000]);
    expect(Array.from(s.closes)).toEqual([1, 2]);
  });
});
