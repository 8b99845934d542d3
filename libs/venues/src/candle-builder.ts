import { bucketStart, Candle, Timeframe, TIMEFRAME_MS } from '@meridian/market-data';

interface Bucket {
  openTimeMs: number;
  openAt: number;
  open: number;
  closeAt: number;
  close: number;
  high: number;
  low: number;
  tickCount: number;
}

/**
 * Builds candles from ticks visited in any time order (the simulated venue walks its history path
 * backwards): open is the quote of the earliest tick of a bucket, close the quote of the latest.
 */
export class CandleBuilder {
  private readonly buckets = new Map<number, Bucket>();
  private readonly sizeMs: number;

  constructor(
    readonly symbol: string,
    readonly timeframe: Timeframe,
  ) {
    this.sizeMs = TIMEFRAME_MS[timeframe];
  }

  add(epochMs: number, quote: number): void {
    const openTimeMs = bucketStart(epochMs, this.timeframe);
    const b = this.buckets.get(openTimeMs);
    if (!b) {
      this.buckets.set(openTimeMs, { openTimeMs, openAt: epochMs, open: quote, closeAt: epochMs, close: quote, high: quote, low: quote, tickCount: 1 });
      return;
    }
    if (epochMs < b.openAt) {
      b.openAt = epochMs;
      b.open = quote;
    }
    if (epochMs >= b.closeAt) {
      b.closeAt = epochMs;
      b.close = quote;
    }
    if (quote > b.high) b.high = quote;
    if (quote < b.low) b.low = quote;
    b.tickCount++;
  }

  /** Candles oldest first. */
  candles(): Candle[] {
    return [...this.buckets.values()]
      .sort((a, b) => a.openTimeMs - b.openTimeMs)
      .map((b) =>
        Object.freeze({
          symbol: this.symbol,
          timeframe: this.timeframe,
          openTimeMs: b.openTimeMs,
          closeTimeMs: b.openTimeMs + this.sizeMs,
          open: b.open,
          high: b.high,
          low: b.low,
          close: b.close,
          tickCount: b.tickCount,
        }),
      );
  }
}

/**
 * The bucket range a history call covers: candles whose open time lies in [fromMs, toMs) after
 * aligning fromMs down to its bucket, never later than the bucket containing `nowMs`, and at most
 * `maxCandles` of them (the most recent ones are kept).
 */
export function historyBuckets(
  timeframe: Timeframe,
  fromMs: number,
  toMs: number,
  nowMs: number,
  maxCandles: number,
): { firstOpenMs: number; lastOpenMs: number; count: number } | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('fromMs and toMs must be finite epoch milliseconds');
  if (toMs <= fromMs) return null;
  const size = TIMEFRAME_MS[timeframe];
  let firstOpenMs = bucketStart(fromMs, timeframe);
  const lastOpenMs = Math.min(bucketStart(toMs - 1, timeframe), bucketStart(nowMs, timeframe));
  if (lastOpenMs < firstOpenMs) return null;
  let count = (lastOpenMs - firstOpenMs) / size + 1;
  if (count > maxCandles) {
    firstOpenMs = lastOpenMs - (maxCandles - 1) * size;
    count = maxCandles;
  }
  return { firstOpenMs, lastOpenMs, count };
}
