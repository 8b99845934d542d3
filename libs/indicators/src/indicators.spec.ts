import {
  atr,
  AtrStream,
  bollinger,
  BollingerStream,
  donchian,
  ema,
  EmaStream,
  macd,
  MacdStream,
  RingBuffer,
  RollingExtremum,
  RollingVariance,
  roc,
  rsi,
  runMax,
  runMin,
  runSD,
  sma,
  SmaStream,
  stochastic,
  StochasticStream,
  wma,
  WmaStream,
} from '@meridian/indicators';
import { prng, randomBars } from './spec-helpers';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);
const list = (xs: ArrayLike<number>): number[] => Array.from(xs);

describe('RingBuffer', () => {
  it('returns NaN while filling, then evicts the oldest value first', () => {
    const rb = new RingBuffer(3);
    expect([rb.push(1), rb.push(2), rb.push(3)]).toEqual([NaN, NaN, NaN]);
    expect(rb.full).toBe(true);
    expect([rb.push(4), rb.push(5)]).toEqual([1, 2]);
    expect([rb.get(0), rb.get(1), rb.get(2), rb.oldest()]).toEqual([3, 4, 5, 3]);
    rb.clear();
    expect(rb.size).toBe(0);
  });
});

describe('RollingExtremum (monotonic deque)', () => {
  it('gives the brute-force max and min of the last n values, ties and monotone runs included', () => {
    const rand = prng(7);
    for (const window of [1, 2, 5, 17]) {
      const xs = Array.from({ length: 500 }, (_, i) => (i % 97 < 40 ? 500 - i : Math.round(rand() * 10)));
      const max = new RollingExtremum(window, 'max');
      const min = new RollingExtremum(window, 'min');
      xs.forEach((x, i) => {
        const win = xs.slice(Math.max(0, i - window + 1), i + 1);
        expect(max.push(x)).toBe(Math.max(...win));
        expect(min.push(x)).toBe(Math.min(...win));
      });
    }
  });

  it('never holds more than `window` entries (fixed storage, amortised O(1))', () => {
    const max = new RollingExtremum(4, 'max');
    for (let i = 0; i < 1000; i++) max.push(-i); // strictly decreasing: the deque is always full
    expect(max.current()).toBe(-996);
  });
});

describe('RollingVariance', () => {
  it('keeps the exact zero variance of a window of identical values after varied ones', () => {
    const rv = new RollingVariance(4);
    for (const x of [0.1, 0.7, 1e6, 3.3, 0.3, 0.3, 0.3, 0.3]) rv.push(x);
    expect(rv.variance(false)).toBe(0);
    expect(rv.variance(true)).toBe(0);
  });

  it('stays accurate on large prices with a small spread (no catastrophic cancellation)', () => {
    const rv = new RollingVariance(3);
    for (const x of [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5]) rv.push(x);
    expect(rv.variance(true)).toBeCloseTo(1, 9);
  });
});

describe('warm-up and degenerate inputs', () => {
  it('returns all NaN (never throws) when the series is shorter than the warm-up', () => {
    const x = f64([1, 2, 3]);
    expect(list(sma(x, 5))).toEqual([NaN, NaN, NaN]);
    expect(list(ema(x, 4))).toEqual([NaN, NaN, NaN]);
    expect(list(wma(x, 4))).toEqual([NaN, NaN, NaN]);
    expect(list(rsi(x, 3))).toEqual([NaN, NaN, NaN]);
    expect(list(runSD(x, 4))).toEqual([NaN, NaN, NaN]);
    expect(list(roc(x, 5))).toEqual([NaN, NaN, NaN]);
    expect(list(macd(x).signal)).toEqual([NaN, NaN, NaN]);
    expect(sma(f64([]), 3).length).toBe(0);
  });

  it('rejects a period that is not a positive integer', () => {
    expect(() => sma(f64([1, 2]), 0)).toThrow(RangeError);
    expect(() => new EmaStream(2.5)).toThrow(RangeError);
    expect(() => macd(f64([1]), { signal: -1 })).toThrow(RangeError);
  });

  it('rejects high/low/close columns of different lengths', () => {
    expect(() => atr({ high: f64([2, 3]), low: f64([1]), close: f64([1, 2]) })).toThrow(RangeError);
  });

  it('skips leading NaN as missing history (as TTR does), in batch and streaming forms', () => {
    const x = f64([NaN, NaN, 1, 2, 3, 4]);
    expect(list(sma(x, 2))).toEqual([NaN, NaN, NaN, 1.5, 2.5, 3.5]);
    expect(list(ema(x, 3))).toEqual([NaN, NaN, NaN, NaN, 2, 3]);
    const s = new SmaStream(2);
    expect(list(x).map((v) => s.update(v))).toEqual([NaN, NaN, NaN, 1.5, 2.5, 3.5]);
  });

  it('throws on a NaN after the first value instead of silently poisoning the average', () => {
    expect(() => sma(f64([1, 2, NaN, 4]), 2)).toThrow(/index 2/);
    expect(() => ema(f64([1, 2, 3, NaN]), 2)).toThrow(RangeError);
    const s = new WmaStream(2);
    s.update(1);
    expect(() => s.update(NaN)).toThrow(RangeError);
  });

  it('reset() makes a stream start over like a fresh one', () => {
    const x = randomBars(prng(3), 80).close;
    const s = new MacdStream({ fast: 3, slow: 7, signal: 4 });
    for (const v of x) s.update(v);
    s.reset();
    const fresh = new MacdStream({ fast: 3, slow: 7, signal: 4 });
    for (const v of x) expect(s.update(v)).toEqual(fresh.update(v));
  });
});

describe('conventions', () => {
  it('EMA is seeded with the simple mean of the first n values, then x·r + prev·(1-r)', () => {
    const e = ema(f64([2, 4, 6, 8]), 3);
    expect(list(e)).toEqual([NaN, NaN, 4, 8 * 0.5 + 4 * 0.5]);
    expect(ema(f64([2, 4, 6, 8]), 3, { wilder: true })[3]).toBeCloseTo(8 / 3 + (4 * 2) / 3, 12);
  });

  it('WMA weighs the newest value n, the oldest 1', () => {
    expect(wma(f64([1, 2, 3]), 3)[2]).toBeCloseTo((1 * 1 + 2 * 2 + 3 * 3) / 6, 14);
  });

  it('RSI is NaN when prices have not moved over its seed window (0/0), 100 when they only rose', () => {
    expect(Number.isNaN(rsi(f64([5, 5, 5, 5]), 3)[3])).toBe(true);
    expect(rsi(f64([1, 2, 3, 4]), 3)[3]).toBe(100);
  });

  it('MACD: percent = 100·(fast/slow - 1), plain = fast - slow, histogram = macd - signal', () => {
    const x = randomBars(prng(11), 120).close;
    const plain = macd(x, { percent: false });
    const pct = macd(x, { percent: true });
    const fast = ema(x, 12);
    const slow = ema(x, 26);
    for (let i = 40; i < 120; i++) {
      expect(plain.macd[i]).toBeCloseTo(fast[i] - slow[i], 10);
      expect(pct.macd[i]).toBeCloseTo(100 * (fast[i] / slow[i] - 1), 10);
      expect(plain.histogram[i]).toBeCloseTo(plain.macd[i] - plain.signal[i], 12);
    }
    expect(Number.isNaN(plain.signal[32])).toBe(true);
    expect(Number.isNaN(plain.signal[33])).toBe(false);
  });

  it('Bollinger bands use the population standard deviation, and %B is NaN on a zero-width band', () => {
    const b = bollinger(f64([1, 2, 3, 4, 4, 4, 4]), { period: 4, k: 2 });
    expect(b.upper[3]).toBeCloseTo(2.5 + 2 * Math.sqrt(1.25), 12);
    expect(b.pctB[6]).toBeNaN();
    const s = new BollingerStream({ period: 4 });
    for (const v of [1, 2, 3, 4, 4, 4]) s.update(v);
    expect(s.update(4).pctB).toBeNaN();
  });

  it('runSD defaults to the sample standard deviation', () => {
    expect(runSD(f64([1, 2, 3]), 3)[2]).toBe(1);
    expect(runSD(f64([1, 2, 3]), 3, { sample: false })[2]).toBeCloseTo(Math.sqrt(2 / 3), 14);
  });

  it('ATR has no true range on the first bar (no previous close), so the first ATR is at index n', () => {
    const hlc = { high: f64([11, 12, 13, 12]), low: f64([9, 10, 11, 10]), close: f64([10, 11, 12, 11]) };
    const r = atr(hlc, 2);
    expect(list(r.tr)).toEqual([NaN, 2, 2, 2]);
    expect(list(r.atr)).toEqual([NaN, NaN, 2, 2]);
    const s = new AtrStream(2);
    expect(Number.isNaN(s.update({ high: 11, low: 9, close: 10 }).tr)).toBe(true);
  });

  it('stochastic fastK is 0.5 over an empty high-low range, in batch and streaming, with and without smoothing', () => {
    const flat = f64(Array.from({ length: 30 }, () => 42));
    for (const smooth of [1, 3]) {
      const r = stochastic({ high: flat, low: flat, close: flat }, { fastK: 5, smooth });
      expect(r.fastK[29]).toBe(0.5);
      expect(r.slowD[29]).toBeCloseTo(0.5, 14);
      const s = new StochasticStream({ fastK: 5, smooth });
      let last = { fastK: NaN, fastD: NaN, slowD: NaN };
      for (let i = 0; i < 30; i++) last = s.update({ high: 42, low: 42, close: 42 });
      expect(last.fastK).toBe(0.5);
    }
  });

  it('stochastic with bounded = false ranks the close against the previous bars only', () => {
    const high = f64([10, 10, 10, 10]);
    const low = f64([8, 8, 8, 8]);
    const close = f64([9, 9, 9, 9.5]);
    expect(stochastic({ high, low, close }, { fastK: 2, fastD: 1, slowD: 1, bounded: false }).fastK[3]).toBeCloseTo(0.75, 14);
  });

  it('ROC: continuous is the log return, discrete the simple return', () => {
    expect(roc(f64([100, 110]), 1, { type: 'discrete' })[1]).toBeCloseTo(0.1, 14);
    expect(roc(f64([100, 110]), 1)[1]).toBeCloseTo(Math.log(1.1), 14);
  });

  it('Donchian: highest high, lowest low, their midpoint; includeLag shifts by one bar', () => {
    const hl = { high: f64([3, 5, 4, 2]), low: f64([1, 2, 0, 1]) };
    expect(list(donchian(hl, { period: 2 }).high)).toEqual([NaN, 5, 5, 4]);
    expect(list(donchian(hl, { period: 2 }).mid)).toEqual([NaN, 3, 2.5, 2]);
    expect(list(donchian(hl, { period: 2, includeLag: true }).low)).toEqual([NaN, NaN, 1, 0]);
    expect(list(runMax(hl.high, 3))).toEqual([NaN, NaN, 5, 5]);
    expect(list(runMin(hl.low, 3))).toEqual([NaN, NaN, 0, 0]);
  });
});
