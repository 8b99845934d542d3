import {
  Candle,
  Clock,
  findInstrument,
  isTimeframe,
  MarketVenue,
  systemClock,
  Tick,
  Timeframe,
  TIMEFRAME_MS,
  VenueInstrument,
  VenueStatus,
} from '@meridian/market-data';
import { safeCall, StatusHub } from './status';

/** Loads stored candles of [fromMs, toMs), oldest first (e.g. from PostgreSQL). */
export type CandleLoader = (symbol: string, timeframe: Timeframe, fromMs: number, toMs: number) => Promise<readonly Candle[]>;

/**
 * `ohlc` (default): four ticks per candle — open at its open time, then the extremes, then the
 * close at +¾ of the interval; the extreme nearer in direction comes first (low first in an up
 * candle, high first in a down candle). Re-aggregating them yields exactly the stored candle.
 * `close`: one tick per candle, quoting the close at the last millisecond of its bucket.
 */
export type ReplayTickMode = 'ohlc' | 'close';

export interface ReplayVenueOptions {
  loadCandles: CandleLoader;
  /** Timeframe of the stored candles to play. */
  timeframe: Timeframe;
  /** Replay span [fromMs, toMs), market time. */
  fromMs: number;
  toMs: number;
  /** Market time runs `speed` times faster than the clock: a 1m candle plays in 60 s / speed. */
  speed?: number;
  tickMode?: ReplayTickMode;
  /** Instruments to list; defaults to the market-data catalogue entries of the played symbols. */
  instruments?: VenueInstrument[];
  clock?: Clock;
  /** Longest the timer sleeps before re-checking (ms); default 250. */
  maxSleepMs?: number;
  onError?: (err: unknown) => void;
}

interface Subscriber {
  symbols: ReadonlySet<string>;
  onTick: (tick: Tick) => void;
}

interface Track {
  ticks: Tick[];
  next: number;
}

/**
 * Plays stored candles as a live feed. Market time starts at `fromMs` when the first subscription
 * arrives and then runs at `speed` × the clock; every tick is delivered when market time reaches it,
 * so ticks are spaced by (candle interval ÷ 4 in `ohlc` mode, or the interval in `close` mode) ÷ speed.
 * When market time reaches `toMs` and every tick is out, the venue reports status `closed`.
 *
 * candleHistory only returns candles that have closed in market time, so strategies see no future.
 */
export class ReplayVenue implements MarketVenue {
  readonly name = 'replay' as const;
  readonly description: string;
  readonly speed: number;

  private readonly options: ReplayVenueOptions;
  private readonly clock: Clock;
  private readonly tickMode: ReplayTickMode;
  private readonly maxSleepMs: number;
  private readonly onError: (err: unknown) => void;
  private readonly status = new StatusHub({ state: 'connected' });
  private readonly subscribers = new Set<Subscriber>();
  private readonly tracks = new Map<string, Track>();
  private readonly loading = new Map<string, Promise<void>>();
  private startedAtMs: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private finished = false;
  private closed = false;

  constructor(options: ReplayVenueOptions) {
    if (!isTimeframe(options.timeframe)) throw new RangeError(`unknown timeframe: ${String(options.timeframe)}`);
    if (!(options.toMs > options.fromMs)) throw new RangeError('toMs must be after fromMs');
    this.options = options;
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0) || !Number.isFinite(this.speed)) throw new RangeError(`speed must be a positive number, got ${this.speed}`);
    this.clock = options.clock ?? systemClock;
    this.tickMode = options.tickMode ?? 'ohlc';
    this.maxSleepMs = options.maxSleepMs ?? 250;
    this.onError = options.onError ?? (() => undefined);
    this.description = `replay venue: stored ${options.timeframe} candles from ${new Date(options.fromMs).toISOString()} to ${new Date(options.toMs).toISOString()} at speed ×${this.speed} (${this.tickMode === 'ohlc' ? 'four ticks per candle' : 'one tick per candle'}), paper trading`;
  }

  get currentStatus(): VenueStatus {
    return this.status.current;
  }

  /** Market time of the replay: fromMs before the first subscription, toMs after the end. */
  marketNow(): number {
    if (this.startedAtMs === undefined) return this.options.fromMs;
    return Math.min(this.options.toMs, this.options.fromMs + (this.clock.now() - this.startedAtMs) * this.speed);
  }

  async instruments(): Promise<VenueInstrument[]> {
    if (this.options.instruments) return this.options.instruments;
    const symbols = new Set([...this.tracks.keys()]);
    return [...symbols].flatMap((symbol) => {
      const i = findInstrument(symbol);
      return i ? [{ symbol: i.symbol, displayName: i.displayName, decimals: i.decimals, pipSize: i.pipSize, type: i.type, tradingOpen: !this.finished }] : [];
    });
  }

  async subscribeTicks(symbols: readonly string[], onTick: (tick: Tick) => void): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the replay venue is closed');
    await Promise.all([...new Set(symbols)].map((s) => this.load(s)));
    if (this.closed) throw new Error('the replay venue is closed');
    const subscriber: Subscriber = { symbols: new Set(symbols), onTick };
    this.subscribers.add(subscriber);
    if (this.startedAtMs === undefined) this.startedAtMs = this.clock.now();
    this.pump();
    return async () => {
      this.subscribers.delete(subscriber);
    };
  }

  /**
   * Delivers every tick due by the current market time (in time order) and arms the timer for the
   * next one; returns how many were delivered. The timer calls it; tests may too.
   */
  pump(): number {
    if (this.closed || this.startedAtMs === undefined) return 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.marketNow();
    let delivered = 0;
    for (;;) {
      let best: Track | undefined;
      for (const track of this.tracks.values()) {
        const t = track.ticks[track.next];
        if (t && t.epochMs <= now && (!best || t.epochMs < best.ticks[best.next].epochMs)) best = track;
      }
      if (!best) break;
      const tick = best.ticks[best.next++];
      delivered++;
      for (const s of this.subscribers) if (s.symbols.has(tick.symbol)) safeCall(s.onTick, tick, this.onError);
      if (this.closed) return delivered;
    }
    const pending = [...this.tracks.values()].some((t) => t.next < t.ticks.length);
    if (!pending && now >= this.options.toMs) {
      if (!this.finished) {
        this.finished = true;
        this.status.emit({ state: 'closed' });
      }
      return delivered;
    }
    let nextDue = this.options.toMs;
    for (const track of this.tracks.values()) {
      const t = track.ticks[track.next];
      if (t) nextDue = Math.min(nextDue, t.epochMs);
    }
    const wait = Math.max(0, Math.ceil((nextDue - now) / this.speed));
    this.timer = setTimeout(() => this.pump(), Math.min(wait, this.maxSleepMs));
    return delivered;
  }

  async candleHistory(symbol: string, timeframe: Timeframe, fromMs: number, toMs: number): Promise<Candle[]> {
    const now = this.marketNow();
    const end = Math.min(toMs, now);
    if (end <= fromMs) return [];
    const candles = await this.options.loadCandles(symbol, timeframe, fromMs, end);
    return candles.filter((c) => c.closeTimeMs <= now && c.openTimeMs < toMs).sort((a, b) => a.openTimeMs - b.openTimeMs);
  }

  onStatus(listener: (status: VenueStatus) => void): void {
    this.status.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.subscribers.clear();
    if (!this.finished) this.status.emit({ state: 'closed' });
    this.finished = true;
  }

  private load(symbol: string): Promise<void> {
    let loading = this.loading.get(symbol);
    if (!loading) {
      loading = this.options
        .loadCandles(symbol, this.options.timeframe, this.options.fromMs, this.options.toMs)
        .then((candles) => {
          const sorted = [...candles]
            .filter((c) => c.symbol === symbol && c.openTimeMs >= this.options.fromMs && c.openTimeMs < this.options.toMs)
            .sort((a, b) => a.openTimeMs - b.openTimeMs);
          const ticks = sorted.flatMap((c) => candleTicks(c, this.tickMode));
          // A symbol joining mid-replay starts at the current market time.
          const now = this.marketNow();
          const first = this.startedAtMs === undefined ? 0 : ticks.findIndex((t) => t.epochMs > now);
          this.tracks.set(symbol, { ticks, next: first < 0 ? ticks.length : first });
        });
      this.loading.set(symbol, loading);
      loading.catch(() => this.loading.delete(symbol)); // a failed load may be retried
    }
    return loading;
  }
}

/** The ticks a candle plays as (see {@link ReplayTickMode}). */
export function candleTicks(candle: Candle, mode: ReplayTickMode): Tick[] {
  const { symbol, openTimeMs, open, high, low, close } = candle;
  const size = TIMEFRAME_MS[candle.timeframe];
  if (mode === 'close') return [{ symbol, epochMs: openTimeMs + size - 1, quote: close }];
  const quarter = size / 4;
  const [first, second] = close >= open ? [low, high] : [high, low];
  return [
    { symbol, epochMs: openTimeMs, quote: open },
    { symbol, epochMs: openTimeMs + quarter, quote: first },
    { symbol, epochMs: openTimeMs + 2 * quarter, quote: second },
    { symbol, epochMs: openTimeMs + 3 * quarter, quote: close },
  ];
}
