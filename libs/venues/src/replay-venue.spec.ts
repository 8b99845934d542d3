import { Candle, CandleAggregator, Clock, Tick, Timeframe, VenueStatus } from '@meridian/market-data';
import { ReplayVenue } from './replay-venue';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function candle(symbol: string, i: number, open: number, high: number, low: number, close: number): Candle {
  return { symbol, timeframe: '1m', openTimeMs: T0 + i * 60_000, closeTimeMs: T0 + (i + 1) * 60_000, open, high, low, close, tickCount: 30 };
}

const STORED: Candle[] = [
  candle('R_100', 0, 100, 105, 99, 104), // up
  candle('R_100', 1, 104, 106, 101, 102), // down
  candle('R_100', 2, 102, 103, 100, 103),
  candle('R_100', 3, 103, 110, 103, 109),
  candle('R_100', 4, 109, 109, 95, 96),
  candle('R_50', 0, 50, 51, 49, 50.5),
  candle('R_50', 1, 50.5, 52, 50, 51),
];

/** The in-memory stand-in of the PostgreSQL loader; records its calls. */
function memoryLoader(calls: Array<[string, Timeframe, number, number]> = []) {
  return async (symbol: string, timeframe: Timeframe, fromMs: number, toMs: number) => {
    calls.push([symbol, timeframe, fromMs, toMs]);
    return STORED.filter((c) => c.symbol === symbol && c.timeframe === timeframe && c.openTimeMs >= fromMs && c.openTimeMs < toMs);
  };
}

class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('ReplayVenue', () => {
  const venues: ReplayVenue[] = [];
  const make = (options: Partial<ConstructorParameters<typeof ReplayVenue>[0]> = {}) => {
    const venue = new ReplayVenue({ loadCandles: memoryLoader(), timeframe: '1m', fromMs: T0, toMs: T0 + 5 * 60_000, speed: 6000, ...options });
    venues.push(venue);
    return venue;
  };
  afterEach(async () => {
    await Promise.all(venues.map((v) => v.close()));
    venues.length = 0;
  });

  it('plays every stored candle as open, extremes, close and then reports closed at the end', async () => {
    const calls: Array<[string, Timeframe, number, number]> = [];
    const venue = make({ loadCandles: memoryLoader(calls) });
    expect(venue.description).toMatch(/replay venue: stored 1m candles from 2025-01-06T09:00:00.000Z .* speed ×6000/);
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    expect(calls).toEqual([['R_100', '1m', T0, T0 + 5 * 60_000]]);
    await waitFor(() => statuses.length > 0, 'the end of the replay');
    expect(statuses).toEqual([{ state: 'closed' }]);
    expect(ticks).toHaveLength(20);
    expect(ticks.slice(0, 8)).toEqual([
      { symbol: 'R_100', epochMs: T0, quote: 100 },
      { symbol: 'R_100', epochMs: T0 + 15_000, quote: 99 }, // up candle: low first
      { symbol: 'R_100', epochMs: T0 + 30_000, quote: 105 },
      { symbol: 'R_100', epochMs: T0 + 45_000, quote: 104 },
      { symbol: 'R_100', epochMs: T0 + 60_000, quote: 104 },
      { symbol: 'R_100', epochMs: T0 + 75_000, quote: 106 }, // down candle: high first
      { symbol: 'R_100', epochMs: T0 + 90_000, quote: 101 },
      { symbol: 'R_100', epochMs: T0 + 105_000, quote: 102 },
    ]);
    // Aggregating the replayed ticks rebuilds the stored candles.
    const aggregator = new CandleAggregator({ timeframes: ['1m'] });
    const rebuilt: Candle[] = [];
    for (const t of ticks) for (const e of aggregator.push(t)) if (e.type === 'closed') rebuilt.push(e.candle);
    for (const e of aggregator.flush(T0 + 5 * 60_000)) rebuilt.push(e.candle);
    const ohlc = (c: Candle) => [c.openTimeMs, c.open, c.high, c.low, c.close];
    expect(rebuilt.map(ohlc)).toEqual(STORED.filter((c) => c.symbol === 'R_100').map(ohlc));
  });

  it('spaces ticks by the candle interval divided by speed', async () => {
    const clock = new ManualClock(1_000_000);
    const venue = make({ clock, speed: 60 }); // a 1m candle plays in one second: a tick every 250 ms
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    expect(ticks.map((t) => t.quote)).toEqual([100]);
    clock.ms += 249;
    venue.pump();
    expect(ticks).toHaveLength(1);
    clock.ms += 1;
    venue.pump();
    expect(ticks.map((t) => t.quote)).toEqual([100, 99]);
    clock.ms += 750;
    venue.pump();
    expect(ticks.map((t) => t.quote)).toEqual([100, 99, 105, 104, 104]);
    expect(venue.marketNow()).toBe(T0 + 60_000);
  });

  it('plays one tick per candle close in close mode, merging symbols in time order', async () => {
    const venue = make({ tickMode: 'close' });
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100', 'R_50'], (t) => ticks.push(t));
    await waitFor(() => venue.currentStatus.state === 'closed', 'the end');
    expect(ticks.map((t) => [t.symbol, t.epochMs - T0, t.quote])).toEqual([
      ['R_100', 59_999, 104],
      ['R_50', 59_999, 50.5],
      ['R_100', 119_999, 102],
      ['R_50', 119_999, 51],
      ['R_100', 179_999, 103],
      ['R_100', 239_999, 109],
      ['R_100', 299_999, 96],
    ]);
  });

  it('serves only candles that have closed in market time', async () => {
    const clock = new ManualClock(0);
    const venue = make({ clock, speed: 60 });
    expect(await venue.candleHistory('R_100', '1m', T0, T0 + 5 * 60_000)).toEqual([]);
    await venue.subscribeTicks(['R_100'], () => undefined);
    clock.ms += 2500; // market time T0 + 2.5 min
    venue.pump();
    const history = await venue.candleHistory('R_100', '1m', T0, T0 + 5 * 60_000);
    expect(history.map((c) => c.close)).toEqual([104, 102]);
  });

  it('lists the instruments it plays and stops its timer on close', async () => {
    const clock = new ManualClock(0);
    const venue = make({ clock, speed: 1 });
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    expect((await venue.instruments()).map((i) => i.symbol)).toEqual(['R_100']);
    await venue.close();
    expect(venue.currentStatus).toEqual({ state: 'closed' });
    clock.ms += 10 * 60_000;
    expect(venue.pump()).toBe(0);
    expect(ticks).toHaveLength(1);
  });
});
