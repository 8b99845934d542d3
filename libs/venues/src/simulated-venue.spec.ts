import { CandleAggregator, Candle, Clock, Tick, VenueStatus } from '@meridian/market-data';
import { SimulatedVenue } from './simulated-venue';

const T0 = Date.UTC(2025, 0, 6, 12, 0, 0); // a whole minute, a multiple of every tick interval

class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

describe('SimulatedVenue', () => {
  const venues: SimulatedVenue[] = [];
  const make = (options: ConstructorParameters<typeof SimulatedVenue>[0] = {}) => {
    const venue = new SimulatedVenue(options);
    venues.push(venue);
    return venue;
  };
  afterEach(async () => {
    await Promise.all(venues.map((v) => v.close()));
    venues.length = 0;
  });

  it('describes itself and lists the 11 Deriv-style synthetic indices, all open', async () => {
    const venue = make({ seed: 7 });
    expect(venue.name).toBe('simulated');
    expect(venue.description).toBe('simulated venue: 11 Deriv-style synthetic indices (seed 7, speed ×1), paper trading');
    const instruments = await venue.instruments();
    expect(instruments.map((i) => i.symbol)).toEqual(['R_10', 'R_25', 'R_50', 'R_75', 'R_100', '1HZ10V', '1HZ25V', '1HZ50V', '1HZ75V', '1HZ100V', 'stpRNG']);
    expect(instruments[0]).toEqual({ symbol: 'R_10', displayName: 'Volatility 10 Index', decimals: 3, pipSize: 0.001, type: 'volatility_index', tradingOpen: true });
  });

  it('delivers due ticks of the subscribed symbols in time order: R_ every 2 s, 1HZ every 1 s', async () => {
    const clock = new ManualClock(T0);
    const venue = make({ seed: 1, clock });
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100', '1HZ100V'], (t) => ticks.push(t));
    clock.ms = T0 + 10_000;
    venue.pump();
    expect(ticks.filter((t) => t.symbol === 'R_100').map((t) => t.epochMs - T0)).toEqual([2000, 4000, 6000, 8000, 10_000]);
    expect(ticks.filter((t) => t.symbol === '1HZ100V').map((t) => t.epochMs - T0)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(ticks).toHaveLength(15);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].epochMs).toBeGreaterThanOrEqual(ticks[i - 1].epochMs);
    expect(ticks.every((t) => Number.isFinite(t.quote) && t.quote > 0)).toBe(true);
  });

  it('moves the step index by exactly ±0.1 each second', async () => {
    const clock = new ManualClock(T0);
    const venue = make({ seed: 3, clock });
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['stpRNG'], (t) => ticks.push(t));
    clock.ms = T0 + 60_000;
    venue.pump();
    expect(ticks).toHaveLength(60);
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i].epochMs - ticks[i - 1].epochMs).toBe(1000);
      expect(Math.abs(ticks[i].quote - ticks[i - 1].quote)).toBeCloseTo(0.1, 9);
    }
  });

  it('runs `speed` times faster than the clock', async () => {
    const clock = new ManualClock(T0);
    const venue = make({ seed: 1, speed: 10, clock });
    expect(venue.description).toContain('speed ×10');
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['1HZ10V'], (t) => ticks.push(t));
    clock.ms = T0 + 1000;
    venue.pump();
    expect(ticks.map((t) => t.epochMs - T0)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
    expect(venue.feedNow()).toBe(T0 + 10_000);
  });

  it('is deterministic for a seed', async () => {
    const run = async (seed: number) => {
      const clock = new ManualClock(T0);
      const venue = make({ seed, clock });
      const ticks: Tick[] = [];
      await venue.subscribeTicks(['R_50', '1HZ75V'], (t) => ticks.push(t));
      clock.ms = T0 + 30_000;
      venue.pump();
      const history = await venue.candleHistory('R_50', '1m', T0 - 30 * 60_000, T0);
      return { ticks, history };
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    const b = await run(43);
    expect(b.ticks.map((t) => t.quote)).not.toEqual(a.ticks.map((t) => t.quote));
    expect(b.history.map((c) => c.close)).not.toEqual(a.history.map((c) => c.close));
  });

  it('ticks on its own timer and stops when the last subscriber leaves', async () => {
    const venue = make({ seed: 5, speed: 20, pollIntervalMs: 20 });
    const ticks: Tick[] = [];
    const stop = await venue.subscribeTicks(['1HZ100V'], (t) => ticks.push(t));
    const deadline = Date.now() + 3000;
    while (ticks.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    await stop();
    const count = ticks.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(ticks.length).toBe(count);
  });

  it('builds history before the start from one fixed path that joins the live start price', async () => {
    const clock = new ManualClock(T0);
    const venue = make({ seed: 9, clock });
    const hour = await venue.candleHistory('R_100', '1m', T0 - 60 * 60_000, T0);
    expect(hour).toHaveLength(60);
    expect(hour[0].openTimeMs).toBe(T0 - 60 * 60_000);
    expect(hour.at(-1)!.closeTimeMs).toBe(T0);
    for (const c of hour) {
      expect(c).toMatchObject({ symbol: 'R_100', timeframe: '1m', tickCount: 30 });
      expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close));
      expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close));
    }
    // The last pre-start tick is one step away from the live start price (1500 for R_100).
    expect(Math.abs(hour.at(-1)!.close / 1500 - 1)).toBeLessThan(0.01);
    // Any window of the same path agrees with any other.
    const overlap = await venue.candleHistory('R_100', '1m', T0 - 90 * 60_000, T0 - 30 * 60_000);
    expect(overlap.slice(30)).toEqual(hour.slice(0, 30));
    // Coarser candles aggregate the same ticks.
    const [fiveMinute] = await venue.candleHistory('R_100', '5m', T0 - 5 * 60_000, T0);
    const fine = hour.slice(55);
    expect(fiveMinute).toMatchObject({
      open: fine[0].open,
      close: fine[4].close,
      high: Math.max(...fine.map((c) => c.high)),
      low: Math.min(...fine.map((c) => c.low)),
      tickCount: 150,
    });
  });

  it('builds history after the start from the same ticks the subscribers received, never from the future', async () => {
    const clock = new ManualClock(T0);
    const venue = make({ seed: 11, clock });
    const aggregator = new CandleAggregator({ timeframes: ['1m'] });
    const closed: Candle[] = [];
    await venue.subscribeTicks(['1HZ50V'], (t) => {
      for (const e of aggregator.push(t)) if (e.type === 'closed') closed.push(e.candle);
    });
    for (let s = 1; s <= 300; s++) {
      clock.ms = T0 + s * 1000;
      venue.pump();
    }
    const history = await venue.candleHistory('1HZ50V', '1m', T0, T0 + 3_600_000);
    expect(history.map((c) => c.openTimeMs - T0)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000]); // the last one is forming
    // The subscriber missed the tick at T0 (before it subscribed); later candles match exactly.
    expect(history.slice(1, 4)).toEqual(closed.slice(1, 4));
    expect(history[0].close).toBe(closed[0].close);
  });

  it('caps a call at maxHistoryCandles, keeping the most recent, and bounds the ticks generated per call', async () => {
    const clock = new ManualClock(T0);
    const capped = make({ seed: 2, clock, maxHistoryCandles: 100 });
    const candles = await capped.candleHistory('R_10', '1m', T0 - 1000 * 60_000, T0);
    expect(candles).toHaveLength(100);
    expect(candles.at(-1)!.openTimeMs).toBe(T0 - 60_000);

    const budgeted = make({ seed: 2, clock, maxHistoryTicksPerCall: 1800 }); // one hour of a 2 s index
    const first = await budgeted.candleHistory('R_10', '1m', T0 - 6 * 3_600_000, T0);
    expect(first.length).toBeGreaterThanOrEqual(59); // the partial oldest minute is dropped
    expect(first.length).toBeLessThan(6 * 60);
    expect(first.at(-1)!.closeTimeMs).toBe(T0);
    const second = await budgeted.candleHistory('R_10', '1m', T0 - 6 * 3_600_000, T0);
    expect(second.length).toBeGreaterThan(first.length); // checkpoints let the next call reach further
    expect(second.slice(-first.length)).toEqual(first);
  });

  it('rejects unknown symbols and reports closed on close()', async () => {
    const venue = make({ seed: 1 });
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    await expect(venue.subscribeTicks(['EURUSD'], () => undefined)).rejects.toThrow(/Unknown instrument symbol: EURUSD/);
    await expect(venue.candleHistory('EURUSD', '1m', T0, T0 + 60_000)).rejects.toThrow(/Unknown instrument/);
    await venue.subscribeTicks(['R_10'], () => undefined);
    await venue.close();
    expect(statuses).toEqual([{ state: 'closed' }]);
    expect(venue.pump()).toBe(0);
    await expect(venue.subscribeTicks(['R_10'], () => undefined)).rejects.toThrow(/closed/);
  });
});
