import { bucketStart, Candle, CandleAggregator, CandleEvent, isTimeframe, resampleCandles, TIMEFRAME_MS } from './candles';
import { SyntheticFeed } from './synthetic-feed';
import type { Tick } from './ticks';

const T0 = Date.UTC(2025, 2, 3, 10, 0, 0); // Monday 10:00:00 UTC
const MIN = 60_000;
const tick = (epochMs: number, quote: number, symbol = 'R_100'): Tick => ({ symbol, epochMs, quote });
const kinds = (events: CandleEvent[]) => events.map((e) => `${e.type}:${e.candle.timeframe}@${e.candle.openTimeMs - T0}`);

describe('bucketing', () => {
  it('aligns UTC buckets to the epoch', () => {
    expect(bucketStart(T0 + 59_999, '1m')).toBe(T0);
    expect(bucketStart(T0 + 60_000, '1m')).toBe(T0 + MIN);
    expect(bucketStart(T0 + 7 * MIN, '5m')).toBe(T0 + 5 * MIN);
    expect(bucketStart(T0 + 44 * MIN, '15m')).toBe(T0 + 30 * MIN);
    expect(bucketStart(T0 + 59 * MIN, '1h')).toBe(T0);
    expect(bucketStart(T0, '1d')).toBe(Date.UTC(2025, 2, 3));
    expect(bucketStart(-1, '1m')).toBe(-MIN);
    expect(isTimeframe('15m')).toBe(true);
    expect(isTimeframe('2m')).toBe(false);
  });
});

describe('CandleAggregator', () => {
  it('builds OHLC and tick count within a bucket, emitting updated on every tick', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    const quotes = [100, 103, 98, 101];
    let last: CandleEvent[] = [];
    quotes.forEach((q, i) => {
      last = agg.push(tick(T0 + i * 2000, q));
      expect(last).toHaveLength(1);
      expect(last[0].type).toBe('updated');
    });
    expect(last[0].candle).toEqual({
      symbol: 'R_100', timeframe: '1m', openTimeMs: T0, closeTimeMs: T0 + MIN, open: 100, high: 103, low: 98, close: 101, tickCount: 4,
    });
    expect(agg.current('R_100', '1m')).toEqual(last[0].candle);
  });

  it('a tick exactly on a bucket boundary closes the previous candle and opens the next', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    agg.push(tick(T0 + 58_000, 10));
    agg.push(tick(T0 + 59_999, 11));
    const events = agg.push(tick(T0 + 60_000, 12));
    expect(events.map((e) => e.type)).toEqual(['closed', 'updated']);
    expect(events[0].candle).toMatchObject({ openTimeMs: T0, open: 10, close: 11, tickCount: 2 });
    expect(events[1].candle).toMatchObject({ openTimeMs: T0 + MIN, closeTimeMs: T0 + 2 * MIN, open: 12, high: 12, low: 12, close: 12, tickCount: 1 });
  });

  it('builds several timeframes at once and only closes the ones whose bucket ended', () => {
    const agg = new CandleAggregator({ timeframes: ['1m', '5m', '1h'] });
    expect(kinds(agg.push(tick(T0 + 4 * MIN + 30_000, 1)))).toEqual(['updated:1m@240000', 'updated:5m@0', 'updated:1h@0']);
    expect(kinds(agg.push(tick(T0 + 5 * MIN, 2)))).toEqual([
      'closed:1m@240000', 'updated:1m@300000',
      'closed:5m@0', 'updated:5m@300000',
      'updated:1h@0',
    ]);
  });

  it('leaves gaps without empty candles', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    agg.push(tick(T0 + 10_000, 5));
    const events = agg.push(tick(T0 + 7 * MIN + 1000, 6));
    expect(kinds(events)).toEqual(['closed:1m@0', 'updated:1m@420000']);
  });

  it('flush(now) closes candles whose bucket has ended, and only those', () => {
    const agg = new CandleAggregator({ timeframes: ['1m', '5m'] });
    agg.push(tick(T0 + 1000, 7));
    expect(agg.flush(T0 + MIN - 1)).toEqual([]);
    const events = agg.flush(T0 + MIN);
    expect(kinds(events)).toEqual(['closed:1m@0']);
    expect(agg.current('R_100', '1m')).toBeUndefined();
    expect(agg.current('R_100', '5m')).toBeDefined();
    expect(agg.flush(T0 + 2 * MIN)).toEqual([]); // nothing closes twice
    expect(kinds(agg.flush(T0 + 10 * MIN))).toEqual(['closed:5m@0']);
  });

  it('ignores late ticks: older than the last tick, or inside an already closed bucket', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    agg.push(tick(T0 + 30_000, 1));
    expect(agg.push(tick(T0 + 20_000, 99))).toEqual([]);
    agg.flush(T0 + MIN);
    expect(agg.push(tick(T0 + 59_000, 99))).toEqual([]);
    const events = agg.push(tick(T0 + MIN + 1, 2));
    expect(kinds(events)).toEqual(['updated:1m@60000']);
    // A tick at the same time as the previous one is accepted and becomes the close.
    expect(agg.push(tick(T0 + MIN + 1, 3))[0].candle).toMatchObject({ close: 3, tickCount: 2 });
  });

  it('keeps symbols apart', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    agg.push(tick(T0, 1, 'A'));
    agg.push(tick(T0 + 1000, 50, 'B'));
    const events = agg.push(tick(T0 + MIN, 2, 'A'));
    expect(kinds(events)).toEqual(['closed:1m@0', 'updated:1m@60000']);
    expect(events[0].candle).toMatchObject({ symbol: 'A', high: 1 });
    expect(agg.current('B', '1m')).toMatchObject({ open: 50 });
    expect(agg.symbols()).toEqual(['A', 'B']);
  });

  it('emits immutable snapshots that later ticks do not change', () => {
    const agg = new CandleAggregator({ timeframes: ['1m'] });
    const first = agg.push(tick(T0, 1))[0].candle;
    agg.push(tick(T0 + 1000, 2));
    expect(first.close).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('builds daily candles from 00:00 UTC', () => {
    const agg = new CandleAggregator({ timeframes: ['1d'] });
    agg.push(tick(Date.UTC(2025, 2, 3, 23, 59, 59), 1));
    const events = agg.push(tick(Date.UTC(2025, 2, 4), 2));
    expect(events[0]).toMatchObject({ type: 'closed', candle: { openTimeMs: Date.UTC(2025, 2, 3), closeTimeMs: Date.UTC(2025, 2, 4) } });
  });

  it('rejects bad configuration and non-finite ticks', () => {
    expect(() => new CandleAggregator({ timeframes: [] })).toThrow(RangeError);
    expect(() => new CandleAggregator({ timeframes: ['1m', '1m'] })).toThrow(RangeError);
    expect(() => new CandleAggregator({ timeframes: ['2m' as never] })).toThrow(RangeError);
    expect(() => new CandleAggregator().push(tick(NaN, 1))).toThrow(RangeError);
    expect(() => new CandleAggregator().push(tick(T0, Infinity))).toThrow(RangeError);
  });
});

describe('resampleCandles', () => {
  function closedCandles(ticks: Tick[], timeframe: '1m' | '5m' | '1h'): Candle[] {
    const agg = new CandleAggregator({ timeframes: [timeframe] });
    const out: Candle[] = [];
    for (const t of ticks) for (const e of agg.push(t)) if (e.type === 'closed') out.push(e.candle);
    for (const e of agg.flush(Infinity)) out.push(e.candle);
    return out;
  }

  it('matches aggregating the ticks directly into the higher timeframe', () => {
    const feed = new SyntheticFeed({ instrument: 'R_75', seed: 'resample', startEpochMs: T0 });
    const ticks = feed.advanceTo(T0 + 3 * 3_600_000 + 17 * MIN);
    const oneMinute = closedCandles(ticks, '1m');
    expect(resampleCandles(oneMinute, '5m')).toEqual(closedCandles(ticks, '5m'));
    expect(resampleCandles(oneMinute, '1h')).toEqual(closedCandles(ticks, '1h'));
    expect(resampleCandles(resampleCandles(oneMinute, '5m'), '1h')).toEqual(closedCandles(ticks, '1h'));
  });

  it('combines OHLC and tick counts and keeps gaps', () => {
    const c = (minute: number, open: number, high: number, low: number, close: number, tickCount: number): Candle => ({
      symbol: 'X', timeframe: '1m', openTimeMs: T0 + minute * MIN, closeTimeMs: T0 + (minute + 1) * MIN, open, high, low, close, tickCount,
    });
    const out = resampleCandles([c(0, 10, 12, 9, 11, 3), c(3, 11, 15, 10, 14, 2), c(11, 20, 21, 19, 20, 1)], '5m');
    expect(out).toEqual([
      { symbol: 'X', timeframe: '5m', openTimeMs: T0, closeTimeMs: T0 + 5 * MIN, open: 10, high: 15, low: 9, close: 14, tickCount: 5 },
      { symbol: 'X', timeframe: '5m', openTimeMs: T0 + 10 * MIN, closeTimeMs: T0 + 15 * MIN, open: 20, high: 21, low: 19, close: 20, tickCount: 1 },
    ]);
    expect(resampleCandles([], '1h')).toEqual([]);
  });

  it('rejects downsampling, mixed input and unsorted candles', () => {
    const c = (minute: number, symbol = 'X'): Candle => ({
      symbol, timeframe: '5m', openTimeMs: T0 + minute * MIN, closeTimeMs: T0 + (minute + 5) * MIN, open: 1, high: 1, low: 1, close: 1, tickCount: 1,
    });
    expect(() => resampleCandles([c(0)], '1m')).toThrow(RangeError);
    expect(() => resampleCandles([c(0), c(5, 'Y')], '1h')).toThrow(RangeError);
    expect(() => resampleCandles([c(5), c(0)], '1h')).toThrow(RangeError);
    expect(resampleCandles([c(0)], '5m')).toEqual([c(0)]);
    expect(TIMEFRAME_MS['15m']).toBe(15 * MIN);
  });
});
