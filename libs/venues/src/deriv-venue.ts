import {
  Candle,
  Clock,
  isTimeframe,
  MarketVenue,
  systemClock,
  Tick,
  Timeframe,
  TIMEFRAME_MS,
  VenueInstrument,
  VenueStatus,
} from '@meridian/market-data';
import { historyBuckets } from './candle-builder';
import { DerivCallClass, DerivConnection } from './deriv-connection';
import {
  DERIV_GRANULARITY,
  DERIV_MAX_CANDLES_PER_REQUEST,
  DERIV_PUBLIC_WS_URL,
  DerivActiveSymbol,
  DerivApiError,
  DerivCandle,
  DerivMessage,
  DerivTick,
  toCandle,
  toTick,
  toVenueInstrument,
  withAppId,
} from './deriv-protocol';
import { safeCall, StatusHub } from './status';

/** Client-side budgets per minute (per `rateLimitWindowMs`). */
export interface DerivRateLimits {
  /** ticks_history calls. */
  history: number;
  /** ticks subscriptions (including re-subscriptions after a reconnect). */
  subscriptions: number;
  /** Everything else: active_symbols, forget, forget_all (ping is not counted). */
  other: number;
}

export const DEFAULT_DERIV_RATE_LIMITS: Readonly<DerivRateLimits> = Object.freeze({ history: 60, subscriptions: 60, other: 60 });

export interface DerivVenueOptions {
  /** Deriv app id (DERIV_APP_ID); sent as `?app_id=` on the socket URL. */
  appId: string;
  /** Socket URL; defaults to Deriv's public market-data socket. Tests point it at a local server. */
  url?: string;
  /** Keep-alive ping period; an unanswered ping by the next period drops the socket. Default 30 000. */
  pingIntervalMs?: number;
  /** A call fails with DerivApiError('Timeout') after this long without an answer. Default 30 000. */
  requestTimeoutMs?: number;
  /** Reconnect backoff: full jitter in [0, min(cap, base·2^attempt)]. Defaults 500 / 30 000. */
  reconnectBaseMs?: number;
  reconnectCapMs?: number;
  /** Client-side budgets per window; defaults {@link DEFAULT_DERIV_RATE_LIMITS}. */
  rateLimits?: Partial<DerivRateLimits>;
  /** Window of the client-side budgets, default 60 000 (per minute). */
  rateLimitWindowMs?: number;
  /** After a RateLimit reply a call is retried after base + full-jitter backoff. Defaults 2 000 / 60 000. */
  rateLimitRetryBaseMs?: number;
  rateLimitRetryCapMs?: number;
  /** RateLimit replies tolerated per call before it fails with the DerivApiError. Default 6. */
  rateLimitMaxRetries?: number;
  /** At most this many candles per candleHistory call (the most recent); default 10 000. */
  maxHistoryCandles?: number;
  clock?: Clock;
  random?: () => number;
  /** Asynchronous failures no caller is waiting for (a failed re-subscription, a subscriber's throw). */
  onError?: (err: unknown) => void;
}

interface SymbolSubscription {
  readonly symbol: string;
  readonly listeners: Set<(tick: Tick) => void>;
  subscriptionId?: string;
  /** The ticks subscribe call in flight, if any. */
  inFlight?: Promise<void>;
}

/**
 * Market data from Deriv's current API (options platform, public socket, no login): instruments
 * from active_symbols, live ticks, candle history. Trading is DerivTradingVenue's (deriv-trading.ts; see README).
 */
export class DerivVenue implements MarketVenue {
  readonly name = 'deriv' as const;
  readonly description: string;
  readonly url: string;

  private readonly connection: DerivConnection;
  private readonly clock: Clock;
  private readonly maxHistoryCandles: number;
  private readonly onError: (err: unknown) => void;
  private readonly status = new StatusHub({ state: 'reconnecting', attempt: 0, reason: 'not connected yet' });
  private readonly subscriptions = new Map<string, SymbolSubscription>();
  private readonly symbolBySubscriptionId = new Map<string, string>();
  private closed = false;

  constructor(options: DerivVenueOptions) {
    if (!options.appId) throw new RangeError('DerivVenue needs an app id (DERIV_APP_ID)');
    const base = options.url ?? DERIV_PUBLIC_WS_URL;
    this.url = withAppId(base, options.appId);
    this.clock = options.clock ?? systemClock;
    this.maxHistoryCandles = options.maxHistoryCandles ?? 10_000;
    this.onError = options.onError ?? (() => undefined);
    const limits = { ...DEFAULT_DERIV_RATE_LIMITS, ...options.rateLimits };
    const shownUrl = new URL(base);
    shownUrl.search = '';
    this.description = `Deriv venue: live ticks and candle history from ${shownUrl.toString()} (app id ${options.appId}), market data only, no trading`;
    this.connection = new DerivConnection({
      url: this.url,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      reconnectBaseMs: options.reconnectBaseMs ?? 500,
      reconnectCapMs: options.reconnectCapMs ?? 30_000,
      rateLimits: limits,
      rateLimitWindowMs: options.rateLimitWindowMs ?? 60_000,
      rateLimitRetryBaseMs: options.rateLimitRetryBaseMs ?? 2_000,
      rateLimitRetryCapMs: options.rateLimitRetryCapMs ?? 60_000,
      rateLimitMaxRetries: options.rateLimitMaxRetries ?? 6,
      random: options.random ?? Math.random,
      onStatus: (s) => this.status.emit(s),
      onUnsolicited: (m) => this.handleStream(m),
      onReconnected: () => this.resubscribeAll(),
      onError: (err) => this.reportError(err),
    });
  }

  get currentStatus(): VenueStatus {
    return this.status.current;
  }

  /** Calls of a class waiting for client-side budget (for metrics and tests). */
  queuedCalls(cls: DerivCallClass): number {
    return this.connection.queued(cls);
  }

  /** Opens the socket now instead of on the first call. */
  connect(): void {
    this.connection.connect();
  }

  async instruments(): Promise<VenueInstrument[]> {
    const reply = await this.request({ active_symbols: 'brief' }, 'other');
    const list = (reply?.active_symbols ?? []) as DerivActiveSymbol[];
    return list.filter((s) => s && typeof s.underlying_symbol === 'string').map(toVenueInstrument);
  }

  async subscribeTicks(symbols: readonly string[], onTick: (tick: Tick) => void): Promise<() => Promise<void>> {
    if (this.closed) throw new DerivApiError('ConnectionClosed', '', 'tick');
    const unique = [...new Set(symbols)];
    const pending: Promise<void>[] = [];
    for (const symbol of unique) {
      let sub = this.subscriptions.get(symbol);
      if (!sub) {
        sub = { symbol, listeners: new Set() };
        this.subscriptions.set(symbol, sub);
        this.startSubscription(sub);
      }
      sub.listeners.add(onTick);
      if (sub.inFlight) pending.push(sub.inFlight);
    }
    let active = true;
    const unsubscribe = async (): Promise<void> => {
      if (!active) return;
      active = false;
      await Promise.all(unique.map((symbol) => this.removeListener(symbol, onTick)));
    };
    const results = await Promise.allSettled(pending);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await unsubscribe();
      throw failed.reason;
    }
    return unsubscribe;
  }

  /** Stops every tick stream of the connection ({forget_all: 'ticks'}) and drops all subscribers. */
  async forgetAllTicks(): Promise<void> {
    this.subscriptions.clear();
    this.symbolBySubscriptionId.clear();
    await this.request({ forget_all: 'ticks' }, 'other', true);
  }

  async candleHistory(symbol: string, timeframe: Timeframe, fromMs: number, toMs: number): Promise<Candle[]> {
    if (!isTimeframe(timeframe)) throw new RangeError(`unknown timeframe: ${String(timeframe)}`);
    const range = historyBuckets(timeframe, fromMs, toMs, this.clock.now(), this.maxHistoryCandles);
    if (!range) return [];
    const size = TIMEFRAME_MS[timeframe];
    const granularity = DERIV_GRANULARITY[timeframe];
    const byOpen = new Map<number, Candle>();
    // Page through the span, at most DERIV_MAX_CANDLES_PER_REQUEST candles per call, oldest first.
    for (let first = range.firstOpenMs; first <= range.lastOpenMs; first += DERIV_MAX_CANDLES_PER_REQUEST * size) {
      const last = Math.min(range.lastOpenMs, first + (DERIV_MAX_CANDLES_PER_REQUEST - 1) * size);
      const count = (last - first) / size + 1;
      const endSeconds = (last + size) / 1000 - 1; // the last second of the last candle
      const end = endSeconds * 1000 >= this.clock.now() ? 'latest' : endSeconds;
      const reply = await this.request(
        { ticks_history: symbol, style: 'candles', granularity, start: first / 1000, end, count, adjust_start_time: 0 },
        'history',
      );
      for (const raw of (reply?.candles ?? []) as DerivCandle[]) {
        const candle = toCandle(symbol, timeframe, raw);
        if (Number.isFinite(candle.openTimeMs) && candle.openTimeMs >= first && candle.openTimeMs <= last) byOpen.set(candle.openTimeMs, candle);
      }
    }
    return [...byOpen.values()].sort((a, b) => a.openTimeMs - b.openTimeMs);
  }

  onStatus(listener: (status: VenueStatus) => void): void {
    this.status.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.clear();
    this.symbolBySubscriptionId.clear();
    await this.connection.close();
  }

  private async request(payload: Record<string, unknown>, cls: DerivCallClass, connectionBound = false, onAnswer?: (reply: DerivMessage) => void): Promise<DerivMessage | null> {
    if (this.closed) throw new DerivApiError('ConnectionClosed', '', Object.keys(payload)[0]);
    return this.connection.call(payload, { cls, connectionBound, onAnswer });
  }

  private startSubscription(sub: SymbolSubscription): Promise<void> {
    // Handled in onAnswer, not in a .then: ticks right behind the answer must find the id registered
    // and must not overtake the answer's own (older) tick.
    const onAnswer = (reply: DerivMessage) => {
      const id = reply.subscription?.id;
      if (this.subscriptions.get(sub.symbol) !== sub) {
        // Unsubscribed (or closed) while the call was in flight: stop the stream it just opened.
        if (id && !this.closed) void this.forget(id);
        return;
      }
      if (id) {
        sub.subscriptionId = id;
        this.symbolBySubscriptionId.set(id, sub.symbol);
      }
      const tick = reply.tick as DerivTick | undefined;
      if (tick) this.deliver(sub, tick);
    };
    const inFlight = this.request({ ticks: sub.symbol, subscribe: 1 }, 'subscriptions', false, onAnswer).then(() => undefined);
    sub.inFlight = inFlight;
    const clear = () => {
      if (sub.inFlight === inFlight) sub.inFlight = undefined;
    };
    inFlight.then(clear, clear);
    return inFlight;
  }

  private async removeListener(symbol: string, onTick: (tick: Tick) => void): Promise<void> {
    const sub = this.subscriptions.get(symbol);
    if (!sub || !sub.listeners.delete(onTick) || sub.listeners.size > 0) return;
    this.subscriptions.delete(symbol);
    if (sub.subscriptionId) {
      this.symbolBySubscriptionId.delete(sub.subscriptionId);
      await this.forget(sub.subscriptionId);
    }
    // A subscription still in flight is forgotten when its answer arrives (startSubscription).
  }

  private async forget(subscriptionId: string): Promise<void> {
    try {
      await this.request({ forget: subscriptionId }, 'other', true);
    } catch (err) {
      if (!(err instanceof DerivApiError && err.code === 'ConnectionClosed')) this.reportError(err);
    }
  }

  /** After a reconnect every wanted stream is requested again on the new socket. */
  private resubscribeAll(): void {
    this.symbolBySubscriptionId.clear();
    for (const sub of this.subscriptions.values()) {
      sub.subscriptionId = undefined;
      if (sub.inFlight) continue; // its call is sent again on the new socket
      this.startSubscription(sub).catch((err: unknown) => this.reportError(err));
    }
  }

  private handleStream(message: DerivMessage): void {
    if (message.msg_type !== 'tick' || !message.tick) return;
    const tick = message.tick as DerivTick;
    const id = message.subscription?.id;
    const symbol = (id && this.symbolBySubscriptionId.get(id)) || tick.symbol;
    const sub = this.subscriptions.get(symbol);
    if (sub) this.deliver(sub, tick);
  }

  private deliver(sub: SymbolSubscription, raw: DerivTick): void {
    const tick = toTick({ ...raw, symbol: raw.symbol ?? sub.symbol });
    if (!Number.isFinite(tick.epochMs) || !Number.isFinite(tick.quote)) {
      this.reportError(new Error(`malformed tick from Deriv for ${sub.symbol}`));
      return;
    }
    for (const listener of [...sub.listeners]) safeCall(listener, tick, (err) => this.reportError(err));
  }

  private reportError(err: unknown): void {
    try {
      this.onError(err);
    } catch {
      // never let a reporting hook break the socket handlers
    }
  }
}
