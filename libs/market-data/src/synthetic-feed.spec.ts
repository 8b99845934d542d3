import { getInstrument, INSTRUMENTS, MS_PER_YEAR } from './instruments';
import { createPrng, NormalSampler } from './prng';
import { GeometricRandomWalk, scaledTime, simulatePrices, StepWalk, SyntheticFeed, tickDtYears } from './synthetic-feed';

const T0 = Date.UTC(2025, 0, 1); // a multiple of every tick interval

function logReturnStats(prices: Float64Array): { mean: number; sd: number; n: number } {
  const n = prices.length - 1;
  const r = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    r[i] = Math.log(prices[i + 1] / prices[i]);
    sum += r[i];
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (r[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (n - 1)), n };
}

describe('SyntheticFeed', () => {
  it('is reproducible: the same seed and times give the same ticks', () => {
    const run = () => {
      const feed = new SyntheticFeed({ instrument: 'R_100', seed: 42, startEpochMs: T0 });
      return [...feed.advanceTo(T0 + 10_000), ...feed.advanceTo(T0 + 60_000)];
    };
    const a = run();
    expect(run()).toEqual(a);
    const other = new SyntheticFeed({ instrument: 'R_100', seed: 43, startEpochMs: T0 }).advanceTo(T0 + 60_000);
    expect(other.map((t) => t.quote)).not.toEqual(a.map((t) => t.quote));
  });

  it('returns the ticks due since the last call, one per tick interval, on an epoch-aligned grid', () => {
    const feed = new SyntheticFeed({ instrument: 'R_10', seed: 1, startEpochMs: T0 + 500 });
    expect(feed.advanceTo(T0 + 1999)).toEqual([]);
    const first = feed.advanceTo(T0 + 2000);
    expect(first.map((t) => t.epochMs)).toEqual([T0 + 2000]);
    expect(first[0]).toMatchObject({ symbol: 'R_10', quote: 6000 });
    const next = feed.advanceTo(T0 + 9000);
    expect(next.map((t) => t.epochMs)).toEqual([T0 + 4000, T0 + 6000, T0 + 8000]);
    expect(feed.advanceTo(T0 + 9000)).toEqual([]);
    expect(feed.advanceTo(T0)).toEqual([]); // time going backwards yields nothing
    expect(feed.nextTickEpochMs).toBe(T0 + 10_000);
    expect(feed.ticksEmitted).toBe(4);
    expect(feed.lastTick).toBe(next[2]);
  });

  it('produces the same stream however the time is sliced', () => {
    const whole = new SyntheticFeed({ instrument: '1HZ75V', seed: 'slices', startEpochMs: T0 }).advanceTo(T0 + 300_000);
    const sliced = new SyntheticFeed({ instrument: '1HZ75V', seed: 'slices', startEpochMs: T0 });
    const parts = [];
    for (let t = T0; t <= T0 + 300_000; t += 7_333) parts.push(...sliced.advanceTo(t));
    parts.push(...sliced.advanceTo(T0 + 300_000));
    expect(parts).toEqual(whole);
    expect(whole).toHaveLength(301);
  });

  it('supports a speed factor as a time multiplier applied by the caller', () => {
    const feed = new SyntheticFeed({ instrument: '1HZ100V', seed: 3, startEpochMs: T0 });
    // 2 s of wall time at 30× = one minute of feed time = 61 ticks (both ends included).
    expect(feed.advanceTo(scaledTime(T0, 30, T0 + 2000))).toHaveLength(61);
    expect(scaledTime(1000, 1, 5000)).toBe(5000);
    expect(() => scaledTime(0, 0, 1)).toThrow(RangeError);
  });

  it('caps the ticks returned per call without dropping any', () => {
    const feed = new SyntheticFeed({ instrument: '1HZ10V', seed: 8, startEpochMs: T0, maxTicksPerCall: 100 });
    const reference = new SyntheticFeed({ instrument: '1HZ10V', seed: 8, startEpochMs: T0 }).advanceTo(T0 + 249_000);
    const got = [...feed.advanceTo(T0 + 249_000), ...feed.advanceTo(T0 + 249_000), ...feed.advanceTo(T0 + 249_000)];
    expect(got).toEqual(reference);
  });

  it('quotes are rounded to the instrument decimals while the price keeps full precision', () => {
    for (const instrument of INSTRUMENTS) {
      const feed = new SyntheticFeed({ instrument, seed: instrument.symbol, startEpochMs: T0 });
      const ticks = feed.advanceTo(T0 + 200 * instrument.tickIntervalMs);
      const unrounded = ticks.filter((tick) => Number(tick.quote.toFixed(instrument.decimals)) !== tick.quote);
      expect(unrounded).toEqual([]);
      expect(feed.lastTick?.quote).toBe(Number(feed.price.toFixed(instrument.decimals)));
    }
    const feed = new SyntheticFeed({ instrument: 'R_100', seed: 5, startEpochMs: T0 });
    feed.advanceTo(T0 + 20_000);
    expect(feed.price).not.toBe(feed.lastTick?.quote);
  });

  it('resumes exactly from a snapshot, including through JSON', () => {
    for (const symbol of ['R_50', 'stpRNG']) {
      const feed = new SyntheticFeed({ instrument: symbol, seed: 77, startEpochMs: T0 });
      feed.advanceTo(T0 + 31_000); // odd number of normals drawn: a spare is pending
      const snapshot = JSON.parse(JSON.stringify(feed.snapshot()));
      const restored = SyntheticFeed.restore(snapshot);
      expect(restored.lastTick).toEqual(feed.lastTick);
      expect(restored.advanceTo(T0 + 120_000)).toEqual(feed.advanceTo(T0 + 120_000));
    }
  });

  it('accepts a custom start price and validates options', () => {
    const feed = new SyntheticFeed({ instrument: 'R_25', seed: 1, startEpochMs: T0, startPrice: 1234.5678 });
    expect(feed.advanceTo(T0)[0].quote).toBe(1234.568);
    expect(() => new SyntheticFeed({ instrument: 'XYZ', seed: 1, startEpochMs: T0 })).toThrow(RangeError);
    expect(() => new SyntheticFeed({ instrument: 'R_25', seed: 1, startEpochMs: T0, startPrice: -1 })).toThrow(RangeError);
    expect(() => new SyntheticFeed({ instrument: 'R_25', seed: 1, startEpochMs: T0, maxTicksPerCall: 0 })).toThrow(RangeError);
  });
});

describe('volatility index price process', () => {
  it.each(['R_10', 'R_75', '1HZ25V', '1HZ100V'])('%s: sample annualised volatility of log returns is within 2 %% of σ', (symbol) => {
    const instrument = getInstrument(symbol);
    const prices = simulatePrices(instrument, `vol-${symbol}`, 100_000);
    const { sd } = logReturnStats(prices);
    const annualised = sd / Math.sqrt(tickDtYears(instrument));
    // Relative standard error of a sample sd over 1e5 returns ≈ 0.22 %, so 2 % is ~9 standard errors.
    expect(Math.abs(annualised / instrument.volatility - 1)).toBeLessThan(0.02);
  });

  it('per-tick mean log return is consistent with −σ²dt/2', () => {
    const instrument = getInstrument('1HZ100V');
    const prices = simulatePrices(instrument, 'mean-1HZ100V', 100_000);
    const { mean, sd, n } = logReturnStats(prices);
    const dt = tickDtYears(instrument);
    expect(Math.abs(mean - -0.5 * instrument.volatility ** 2 * dt)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('mean log return over a large step is −σ²dt/2 (the drift term is really there)', () => {
    // With σ = 100 % and daily steps the drift (−0.00137) is ~8 standard errors away from zero.
    const sigma = 1;
    const dt = 1 / 365;
    const walk = new GeometricRandomWalk({ volatility: sigma, dtYears: dt, startPrice: 100, normal: new NormalSampler(createPrng('drift')) });
    const prices = new Float64Array(100_001);
    prices[0] = walk.price;
    for (let i = 1; i < prices.length; i++) prices[i] = walk.step();
    const { mean, sd, n } = logReturnStats(prices);
    const expected = -0.5 * sigma * sigma * dt;
    expect(walk.logDrift).toBeCloseTo(expected, 15);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs(mean)).toBeGreaterThan((4 * sd) / Math.sqrt(n));
    expect(Math.abs(sd / Math.sqrt(dt) - sigma)).toBeLessThan(0.02);
  });

  it('is a martingale: the average gross return is ≈ 1', () => {
    const walk = new GeometricRandomWalk({ volatility: 1, dtYears: 1 / 365, startPrice: 1, normal: new NormalSampler(createPrng('mg')) });
    let sum = 0;
    let previous = walk.price;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const next = walk.step();
      sum += next / previous;
      previous = next;
    }
    expect(Math.abs(sum / n - 1)).toBeLessThan(0.001); // sd of the mean ≈ 0.00017
  });

  it('uses dt in years of 365 × 24 × 3600 s', () => {
    expect(tickDtYears(getInstrument('R_100'))).toBe(2 / 31_536_000);
    expect(MS_PER_YEAR).toBe(31_536_000_000);
  });
});

describe('step index', () => {
  it('moves by exactly ±0.1 each second and stays on the 0.1 grid', () => {
    const feed = new SyntheticFeed({ instrument: 'stpRNG', seed: 'step', startEpochMs: T0 });
    const ticks = feed.advanceTo(T0 + 20_000_000); // 20 001 ticks
    expect(ticks).toHaveLength(20_001);
    let ups = 0;
    const badSpacing: number[] = [];
    const offGrid: number[] = [];
    const badMoves: number[] = [];
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i].epochMs - ticks[i - 1].epochMs !== 1000) badSpacing.push(i);
      const units = Math.round(ticks[i].quote * 10);
      if (ticks[i].quote !== units / 10) offGrid.push(ticks[i].quote); // exactly on the grid, no float drift
      const move = units - Math.round(ticks[i - 1].quote * 10);
      if (Math.abs(move) !== 1) badMoves.push(i);
      if (move > 0) ups++;
    }
    expect(badSpacing).toEqual([]);
    expect(offGrid).toEqual([]);
    expect(badMoves).toEqual([]);
    // Fair coin: sd of the up-count is 70.7 for 20 000 moves.
    expect(Math.abs(ups - 10_000)).toBeLessThan(400);
    expect(ticks[0].quote).toBe(8000);
  });

  it('holds the price in integer pips', () => {
    const walk = new StepWalk({ startPrice: 0.3, stepSize: 0.1, decimals: 1, random: createPrng(1) });
    for (let i = 0; i < 1000; i++) walk.step();
    expect(walk.price).toBe(walk.priceUnits / 10);
    expect(() => new StepWalk({ startPrice: 1, stepSize: 0.05, decimals: 1, random: createPrng(1) })).toThrow(RangeError);
  });
});
