/**
 * OHLC candles from ticks.
 *
 * Buckets are UTC and aligned to the Unix epoch: a candle of timeframe T covers
 * [k·T, (k+1)·T) in epoch milliseconds, so a tick exactly on a boundary opens the next candle.
 * Daily candles therefore run from 00:00 UTC to 00:00 UTC. Gaps produce no empty candles.
 */
import type { Tick } from './ticks';

export type Timeframe = '1m' | '5m' | '15m' | '1h' | '1d';

export const TIMEFRAME_MS: Readonly<Record<Timeframe, number>> = Object.freeze({
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
});

/** All supported timeframes, shortest first. */
export const TIMEFRAMES: readonly Timeframe[] = Object.freeze(['1m', '5m', '15m', '1h', '1d'] as Timeframe[]);

export function isTimeframe(value: string): value is Timeframe {
  return Object.prototype.hasOwnProperty.call(TIMEFRAME_MS, value);
}

/** Start (epoch ms) of the bucket containing `epochMs`. */
export function bucketStart(epochMs: number, timeframe: Timeframe): number {
  const size = TIMEFRAME_MS[timeframe];
  return Math.floor(epochMs / size) * size;
}

export interface Candle {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** Bucket start, epoch ms (inclusive). */
  readonly openTimeMs: number;
  /** Bucket end, epoch ms (exclusive): openTimeMs + timeframe length. */
  readonly closeTimeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Number of ticks aggregated into the candle. */
  readonly tickCount: number;
}

/**
 * `updated`: the current (still open) candle changed. `closed`: its bucket ended; the candle is
 * final and will not be emitted again.
 */
export type CandleEvent = { readonly type: 'updated'; readonly candle: Candle } | { readonly type: 'closed'; readonly candle: Candle };

interface MutableCandle {
  symbol: string;
  timeframe: Timeframe;
  openTimeMs: number;
  closeTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  tickCount: number;
}

interface Series {
  current: MutableCandle | null;
  /** Ticks before this time are ignored (older than the last tick, or in a closed bucket). */
  acceptFromMs: number;
}

export interface CandleAggregatorOptions {
  /** Timeframes to build; defaults to all of {@link TIMEFRAMES}. */
  timeframes?: readonly Timeframe[];
}

/**
 * Aggregates ticks of any number of symbols into candles of several timeframes.
 *
 * - {@link push} returns, per timeframe, a `closed` event when the tick falls in a later bucket than
 *   the current candle, then an `updated` event for the candle containing the tick.
 * - {@link flush} closes every current candle whose bucket has ended by `nowMs` (nowMs ≥ closeTimeMs),
 *   e.g. from a periodic timer owned by the caller, so quiet markets still close their candles.
 * - Ticks older than the last accepted tick of the symbol, or falling in an already closed bucket, are
 *   ignored (empty result).
 */
export class CandleAggregator {
  readonly timeframes: readonly Timeframe[];
  private readonly series = new Map<string, Series[]>();

  constructor(options: CandleAggregatorOptions = {}) {
    const timeframes = options.timeframes ?? TIMEFRAMES;
    if (timeframes.length === 0) throw new RangeError('at least one timeframe is required');
    for (const tf of timeframes) if (!isTimeframe(tf)) throw new RangeError(`unknown timeframe: ${String(tf)}`);
    if (new Set(timeframes).size !== timeframes.length) throw new RangeError('duplicate timeframes');
    this.timeframes = Object.freeze([...timeframes]);
  }

  push(tick: Tick): CandleEvent[] {
    const { symbol, epochMs, quote } = tick;
    if (!Number.isFinite(epochMs)) throw new RangeError(`tick time must be finite, got ${epochMs}`);
    if (!Number.isFinite(quote)) throw new RangeError(`tick quote must be finite, got ${quote}`);
    let all = this.series.get(symbol);
    if (!all) {
      all = this.timeframes.map(() => ({ current: null, acceptFromMs: -Infinity }));
      this.series.set(symbol, all);
    }
    const events: CandleEvent[] = [];
    for (let i = 0; i < all.length; i++) {
      const series = all[i];
      if (epochMs < series.acceptFromMs) continue;
      const timeframe = this.timeframes[i];
      let candle = series.current;
      if (candle && epochMs >= candle.closeTimeMs) {
        events.push({ type: 'closed', candle: freeze(candle) });
        candle = null;
      }
      if (!candle) {
        const openTimeMs = bucketStart(epochMs, timeframe);
        candle = {
          symbol,
          timeframe,
          openTimeMs,
          closeTimeMs: openTimeMs + TIMEFRAME_MS[timeframe],
          open: quote,
          high: quote,
          low: quote,
          close: quote,
          tickCount: 1,
        };
      } else {
        if (quote > candle.high) candle.high = quote;
        if (quote < candle.low) candle.low = quote;
        candle.close = quote;
        candle.tickCount++;
      }
      series.current = candle;
      series.acceptFromMs = epochMs;
      events.push({ type: 'updated', candle: freeze(candle) });
    }
    return events;
  }

  /** Closes every current candle whose bucket has ended at `nowMs` (nowMs ≥ closeTimeMs). */
  flush(nowMs: number): CandleEvent[] {
    if (Number.isNaN(nowMs)) throw new RangeError('nowMs must be a number');
    const events: CandleEvent[] = [];
    for (const all of this.series.values()) {
      for (const series of all) {
        const candle = series.current;
        if (candle && nowMs >= candle.closeTimeMs) {
          events.push({ type: 'closed', candle: freeze(candle) });
          series.current = null;
          series.acceptFromMs = Math.max(series.acceptFromMs, candle.closeTimeMs);
        }
      }
    }
    return events;
  }

  /** The open candle of a symbol and timeframe, if any. */
  current(symbol: string, timeframe: Timeframe): Candle | undefined {
    const index = this.timeframes.indexOf(timeframe);
    const candle = index >= 0 ? this.series.get(symbol)?.[index].current : null;
    return candle ? freeze(candle) : undefined;
  }

  /** Symbols seen so far. */
  symbols(): string[] {
    return [...this.series.keys()];
  }
}

function freeze(candle: MutableCandle): Candle {
  return Object.freeze({ ...candle });
}

/**
 * Resamples candles of one symbol and timeframe (sorted by open time, no duplicates) into a
 * higher timeframe: open of the first, close of the last, max high, min low, summed tick count.
 * Gaps stay gaps. The last output candle may cover a bucket that is still forming.
 */
export function resampleCandles(candles: readonly Candle[], target: Timeframe): Candle[] {
  if (!isTimeframe(target)) throw new RangeError(`unknown timeframe: ${String(target)}`);
  if (candles.length === 0) return [];
  const { symbol, timeframe: source } = candles[0];
  const sourceMs = TIMEFRAME_MS[source];
  const targetMs = TIMEFRAME_MS[target];
  if (targetMs < sourceMs || targetMs % sourceMs !== 0) {
    throw new RangeError(`cannot resample ${source} candles into ${target}`);
  }
  const out: Candle[] = [];
  let acc: MutableCandle | null = null;
  let previousOpen = -Infinity;
  for (const c of candles) {
    if (c.symbol !== symbol || c.timeframe !== source) throw new RangeError('resampleCandles needs candles of a single symbol and timeframe');
    if (!(c.openTimeMs > previousOpen)) throw new RangeError('candles must be sorted by openTimeMs without duplicates');
    previousOpen = c.openTimeMs;
    const openTimeMs = Math.floor(c.openTimeMs / targetMs) * targetMs;
    if (acc && acc.openTimeMs !== openTimeMs) {
      out.push(Object.freeze(acc));
      acc = null;
    }
    if (!acc) {
      acc = {
        symbol,
        timeframe: target,
        openTimeMs,
        closeTimeMs: openTimeMs + targetMs,
        open: c.open,
        high: c.high,
        low: c.low,
        close: c.close,
        tickCount: c.tickCount,
      };
    } else {
      if (c.high > acc.high) acc.high = c.high;
      if (c.low < acc.low) acc.low = c.low;
      acc.close = c.close;
      acc.tickCount += c.tickCount;
    }
  }
  if (acc) out.push(Object.freeze(acc));
  return out;
}
