import {
  Candle,
  Clock,
  getInstrument,
  Instrument,
  INSTRUMENTS,
  isTimeframe,
  MarketVenue,
  scaledTime,
  Seed,
  SyntheticFeed,
  SyntheticFeedSnapshot,
  systemClock,
  Tick,
  Timeframe,
  TIMEFRAME_MS,
  VenueInstrument,
  VenueStatus,
} from '@meridian/market-data';
import { CandleBuilder, historyBuckets } from './candle-builder';
import { safeCall, StatusHub } from './status';

export interface SimulatedVenueOptions {
  /** PRNG seed of every feed (each symbol derives its own stream). Defaults to the current time. */
  seed?: Seed;
  /** Feed time runs `speed` times faster than the clock: 1 = real time, 10 = ten times faster. */
  speed?: number;
  /** Wall clock the feed time is derived from; inject one in tests. */
  clock?: Clock;
  /** How often the timer advances the feeds, ms (100–250 is smooth; default 200). */
  pollIntervalMs?: number;
  /** Symbols to simulate; defaults to every instrument of the market-data catalogue. */
  symbols?: readonly string[];
  /** At most this many candles per candleHistory call (the most recent ones); default 10 000. */
  maxHistoryCandles?: number;
  /**
   * At most this many not-yet-generated ticks of pre-start history per candleHistory call (default
   * 1 000 000: about 23 days of a 2 s index, 11.5 days of a 1 s index). Generated paths are
   * checkpointed, so each further call reaches that much further back.
   */
  maxHistoryTicksPerCall?: number;
  /** Appended to the description, e.g. why the simulated venue was chosen. */
  note?: string;
  /** Receives errors thrown by tick subscribers. */
  onError?: (err: unknown) => void;
}

interface Subscriber {
  symbols: ReadonlySet<string>;
  onTick: (tick: Tick) => void;
}

/** Ticks generated per history checkpoint (about one or two hours of feed time). */
const CHECKPOINT_TICKS = 3_600;
/** Ticks generated per advanceTo call while walking a history path: bounds memory, and how long the event loop waits for the orders and probes queued behind it. */
const HISTORY_CHUNK_TICKS = 5_000;
/** Ticks one live feed may return per timer round (a long pause catches up over several rounds). */
const LIVE_MAX_TICKS_PER_ROUND = 50_000;

/**
 * A deterministic price path of one feed with snapshots every {@link CHECKPOINT_TICKS} ticks, so a
 * range far along the path is regenerated from the nearest snapshot instead of from the start.
 */
class CheckpointedPath {
  private readonly snapshots: SyntheticFeedSnapshot[] = [];
  private readonly frontier: SyntheticFeed;
  private readonly intervalMs: number;
  private readonly stepMs: number;

  constructor(create: () => SyntheticFeed) {
    this.frontier = create();
    this.intervalMs = this.frontier.instrument.tickIntervalMs;
    this.stepMs = CHECKPOINT_TICKS * this.intervalMs;
    this.snapshots.push(this.frontier.snapshot());
  }

  /** Feed time of the first tick not generated yet. */
  get generatedUntilMs(): number {
    return this.frontier.nextTickEpochMs;
  }

  /**
   * Calls `fn` for every tick of the path with feed time in [fromMs, toMs], in time order. Yields to
   * the event loop between chunks so a long walk does not stall the service; calls on one path run
   * one after another.
   */
  visit(fromMs: number, toMs: number, fn: (epochMs: number, quote: number) => void): Promise<void> {
    const run = this.queue.then(() => this.walk(fromMs, toMs, fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queue: Promise<void> = Promise.resolve();

  private async walk(fromMs: number, toMs: number, fn: (epochMs: number, quote: number) => void): Promise<void> {
    if (toMs < fromMs) return;
    // 1. The part already generated: replay it from the nearest checkpoint at or before fromMs.
    if (fromMs < this.frontier.nextTickEpochMs) {
      let lo = 0;
      let hi = this.snapshots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.snapshots[mid].nextTickEpochMs <= fromMs) lo = mid;
        else hi = mid - 1;
      }
      const feed = SyntheticFeed.restore(this.snapshots[lo]);
      const end = Math.min(toMs, this.frontier.nextTickEpochMs - this.intervalMs);
      while (feed.nextTickEpochMs <= end) {
        const chunkEnd = Math.min(end, feed.nextTickEpochMs + (HISTORY_CHUNK_TICKS - 1) * this.intervalMs);
        for (const tick of feed.advanceTo(chunkEnd)) if (tick.epochMs >= fromMs) fn(tick.epochMs, tick.quote);
        if (feed.nextTickEpochMs <= end) await yieldToEventLoop();
      }
    }
    // 2. The rest: extend the path one checkpoint step at a time.
    let sinceYield = 0;
    while (this.frontier.nextTickEpochMs <= toMs) {
      const ticks = this.frontier.advanceTo(this.frontier.nextTickEpochMs + this.stepMs - this.intervalMs);
      this.snapshots.push(this.frontier.snapshot());
      for (const tick of ticks) if (tick.epochMs >= fromMs && tick.epochMs <= toMs) fn(tick.epochMs, tick.quote);
      sinceYield += ticks.length;
      if (sinceYield >= HISTORY_CHUNK_TICKS) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The default venue: Deriv-style synthetic indices generated locally, one {@link SyntheticFeed} per
 * symbol, for paper trading and demos without any account.
 *
 * Live ticks: feed time is `origin + (clock.now() − origin) · speed`, where origin is the clock
 * reading at construction. A timer (started by the first subscription, stopped by the last
 * unsubscribe) advances every feed to the current feed time and delivers the due ticks of all
 * subscribed symbols merged in time order.
 *
 * History: each symbol has one fixed price path through the venue's start — the live feed from the
 * start on, and before it a second seeded feed walked backwards in time that ends exactly at the
 * live start price. A candle is therefore the same in every call and history joins the live
 * ticks without a gap. Calls return at most `maxHistoryCandles` candles (the most recent) and
 * generate at most `maxHistoryTicksPerCall` new pre-start ticks.
 */
export class SimulatedVenue implements MarketVenue {
  readonly name = 'simulated' as const;
  readonly description: string;
  readonly seed: Seed;
  readonly speed: number;
  /** Clock reading at construction: feed time and wall time agree here. */
  readonly originMs: number;

  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly maxHistoryCandles: number;
  private readonly maxHistoryTicksPerCall: number;
  private readonly onError: (err: unknown) => void;
  private readonly instrumentList: readonly Instrument[];
  private readonly feeds = new Map<string, SyntheticFeed>();
  private readonly forwardPaths = new Map<string, CheckpointedPath>();
  private readonly backwardPaths = new Map<string, CheckpointedPath>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly status = new StatusHub({ state: 'connected' });
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(options: SimulatedVenueOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.seed = options.seed ?? Date.now();
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0) || !Number.isFinite(this.speed)) throw new RangeError(`speed must be a positive number, got ${this.speed}`);
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    if (!(this.pollIntervalMs > 0)) throw new RangeError(`pollIntervalMs must be > 0, got ${this.pollIntervalMs}`);
    this.maxHistoryCandles = options.maxHistoryCandles ?? 10_000;
    this.maxHistoryTicksPerCall = options.maxHistoryTicksPerCall ?? 1_000_000;
    this.onError = options.onError ?? (() => undefined);
    this.instrumentList = options.symbols ? options.symbols.map((s) => getInstrument(s)) : INSTRUMENTS;
    this.originMs = this.clock.now();
    for (const instrument of this.instrumentList) {
      this.feeds.set(instrument.symbol, this.createLiveFeed(instrument, LIVE_MAX_TICKS_PER_ROUND));
    }
    const n = this.instrumentList.length;
    this.description =
      `simulated venue: ${n} Deriv-style synthetic ${n === 1 ? 'index' : 'indices'} (seed ${String(this.seed)}, speed ×${this.speed}), paper trading` +
      (options.note ? ` — ${options.note}` : '');
  }

  /** Current feed time, epoch ms (runs `speed` times faster than the clock). */
  feedNow(): number {
    return scaledTime(this.originMs, this.speed, this.clock.now());
  }

  get currentStatus(): VenueStatus {
    return this.status.current;
  }

  async instruments(): Promise<VenueInstrument[]> {
    return this.instrumentList.map((i) => ({
      symbol: i.symbol,
      displayName: i.displayName,
      decimals: i.decimals,
      pipSize: i.pipSize,
      type: i.type,
      tradingOpen: !this.closed,
    }));
  }

  async subscribeTicks(symbols: readonly string[], onTick: (tick: Tick) => void): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the simulated venue is closed');
    for (const symbol of symbols) {
      if (!this.feeds.has(symbol)) throw new RangeError(`Unknown instrument symbol: ${symbol}`);
    }
    const subscriber: Subscriber = { symbols: new Set(symbols), onTick };
    if (this.subscribers.size === 0) {
      // Feeds only run while someone listens: skip the ticks nobody heard, then start the timer.
      const now = this.feedNow();
      for (const feed of this.feeds.values()) while (feed.advanceTo(now).length === LIVE_MAX_TICKS_PER_ROUND);
      this.timer = setInterval(() => this.pump(), this.pollIntervalMs);
    }
    this.subscribers.add(subscriber);
    return async () => {
      if (!this.subscribers.delete(subscriber)) return;
      if (this.subscribers.size === 0) this.stopTimer();
    };
  }

  /**
   * Advances every feed to the current feed time and delivers the due ticks in time order; returns
   * how many ticks were generated. The timer calls it; tests with an injected clock may too.
   */
  pump(): number {
    if (this.closed) return 0;
    const now = this.feedNow();
    const due: Tick[] = [];
    for (const feed of this.feeds.values()) for (const tick of feed.advanceTo(now)) due.push(tick);
    due.sort((a, b) => a.epochMs - b.epochMs); // stable: equal times keep catalogue order
    for (const tick of due) {
      for (const subscriber of this.subscribers) {
        if (subscriber.symbols.has(tick.symbol)) safeCall(subscriber.onTick, tick, this.onError);
      }
    }
    return due.length;
  }

  async candleHistory(symbol: string, timeframe: Timeframe, fromMs: number, toMs: number): Promise<Candle[]> {
    const feed = this.feeds.get(symbol);
    if (!feed) throw new RangeError(`Unknown instrument symbol: ${symbol}`);
    if (!isTimeframe(timeframe)) throw new RangeError(`unknown timeframe: ${String(timeframe)}`);
    const now = this.feedNow();
    const range = historyBuckets(timeframe, fromMs, toMs, now, this.maxHistoryCandles);
    if (!range) return [];
    const instrument = feed.instrument;
    const interval = instrument.tickIntervalMs;
    const startMs = Math.ceil(this.originMs / interval) * interval; // first live tick
    let fromTick = range.firstOpenMs;
    const toTick = Math.min(range.lastOpenMs + TIMEFRAME_MS[timeframe] - 1, now);
    const builder = new CandleBuilder(symbol, timeframe);

    if (fromTick < startMs) {
      // Before the start: backward path tick j (j ≥ 1) is at startMs − j·interval.
      const backward = this.backwardPath(instrument);
      const jFrom = Math.max(1, Math.ceil((startMs - toTick) / interval));
      let jTo = Math.floor((startMs - fromTick) / interval);
      const generated = backward.generatedUntilMs / interval; // index of the first tick not generated yet
      if (jTo - generated + 1 > this.maxHistoryTicksPerCall) {
        jTo = generated + this.maxHistoryTicksPerCall - 1;
        fromTick = startMs - jTo * interval;
      }
      if (jTo >= jFrom) await backward.visit(jFrom * interval, jTo * interval, (e, q) => builder.add(startMs - e, q));
    }
    if (toTick >= startMs) {
      await this.forwardPath(instrument).visit(Math.max(fromTick, startMs), toTick, (e, q) => builder.add(e, q));
    }
    // When the tick budget cut the span short, drop the then partial oldest bucket.
    const size = TIMEFRAME_MS[timeframe];
    const firstWhole = Math.max(range.firstOpenMs, Math.ceil(fromTick / size) * size);
    return builder.candles().filter((c) => c.openTimeMs >= firstWhole && c.openTimeMs <= range.lastOpenMs);
  }

  onStatus(listener: (status: VenueStatus) => void): void {
    this.status.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopTimer();
    this.subscribers.clear();
    this.status.emit({ state: 'closed' });
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private createLiveFeed(instrument: Instrument, maxTicksPerCall?: number): SyntheticFeed {
    return new SyntheticFeed({ instrument, seed: `${String(this.seed)}/${instrument.symbol}`, startEpochMs: this.originMs, maxTicksPerCall });
  }

  private forwardPath(instrument: Instrument): CheckpointedPath {
    let path = this.forwardPaths.get(instrument.symbol);
    if (!path) {
      path = new CheckpointedPath(() => this.createLiveFeed(instrument));
      this.forwardPaths.set(instrument.symbol, path);
    }
    return path;
  }

  private backwardPath(instrument: Instrument): CheckpointedPath {
    let path = this.backwardPaths.get(instrument.symbol);
    if (!path) {
      // Index grid: tick j at j·interval; its first tick quotes the start price, like the live feed.
      path = new CheckpointedPath(() => new SyntheticFeed({ instrument, seed: `${String(this.seed)}/${instrument.symbol}/history`, startEpochMs: 0 }));
      this.backwardPaths.set(instrument.symbol, path);
    }
    return path;
  }
}
