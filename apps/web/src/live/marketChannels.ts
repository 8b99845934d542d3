import type { CandleView, MarketStreamClientFrame, MarketStreamServerFrame, MarketTimeframe, PriceAlertFired } from '@meridian/contracts';
import type { LiveStatus } from '../app/uiSlice';

export interface MarketTick {
  symbol: string;
  price: number;
  epochMs: number;
}
export type TickHandler = (tick: MarketTick) => void;
export type CandleHandler = (candle: CandleView) => void;
export type AlertHandler = (alert: PriceAlertFired) => void;
export type StatusHandler = (status: LiveStatus) => void;

/** Subscription frames the connection must send, as listeners come and go. */
export type SubscriptionChange = Extract<MarketStreamClientFrame, { type: 'subscribe' | 'unsubscribe' }>;

type Handlers<H> = Map<string, Set<H>>;
const candleKey = (symbol: string, timeframe: MarketTimeframe) => `${timeframe}|${symbol}`;

/**
 * Fan-out of the market stream's frames, and the book of what is subscribed. RTK Query cache
 * entries listen here from `onCacheEntryAdded`; the first listener of a symbol (or symbol and
 * timeframe) subscribes it on the socket, the last one to leave unsubscribes it. The socket
 * (MarketConnection) is open only while anyone listens at all.
 */
export class MarketChannels {
  private readonly ticks: Handlers<TickHandler> = new Map();
  private readonly candles: Handlers<CandleHandler> = new Map();
  private readonly alerts = new Set<AlertHandler>();
  private readonly statusHandlers = new Set<StatusHandler>();
  private readonly watchers = new Set<(change: SubscriptionChange | null) => void>();
  private currentStatus: LiveStatus = 'offline';

  onTicks(symbols: readonly string[], handler: TickHandler): () => void {
    const added = [...new Set(symbols)].filter((s) => this.add(this.ticks, s, handler));
    if (added.length) this.emit({ type: 'subscribe', channel: 'ticks', symbols: added });
    else this.emit(null);
    return () => {
      const removed = [...new Set(symbols)].filter((s) => this.remove(this.ticks, s, handler));
      if (removed.length) this.emit({ type: 'unsubscribe', channel: 'ticks', symbols: removed });
      else this.emit(null);
    };
  }

  onCandles(symbol: string, timeframe: MarketTimeframe, handler: CandleHandler): () => void {
    const key = candleKey(symbol, timeframe);
    this.emit(this.add(this.candles, key, handler) ? { type: 'subscribe', channel: 'candles', symbols: [symbol], timeframe } : null);
    return () => {
      this.emit(this.remove(this.candles, key, handler) ? { type: 'unsubscribe', channel: 'candles', symbols: [symbol], timeframe } : null);
    };
  }

  /** The caller's own alerts firing; the server sends them without a subscription. */
  onAlert(handler: AlertHandler): () => void {
    this.alerts.add(handler);
    this.emit(null);
    return () => {
      this.alerts.delete(handler);
      this.emit(null);
    };
  }

  /** Listeners of the socket's state; these do not keep the socket open. */
  onStatus(handler: StatusHandler): () => void {
    this.statusHandlers.add(handler);
    return () => this.statusHandlers.delete(handler);
  }

  get status(): LiveStatus {
    return this.currentStatus;
  }

  setStatus(status: LiveStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const h of this.statusHandlers) h(status);
  }

  /** How many listeners want the socket open. */
  interest(): number {
    let n = this.alerts.size;
    for (const set of this.ticks.values()) n += set.size;
    for (const set of this.candles.values()) n += set.size;
    return n;
  }

  /** Everything to subscribe to after (re)connecting: one ticks frame, one candles frame per timeframe. */
  subscriptions(): SubscriptionChange[] {
    const frames: SubscriptionChange[] = [];
    if (this.ticks.size) frames.push({ type: 'subscribe', channel: 'ticks', symbols: [...this.ticks.keys()] });
    const byTimeframe = new Map<MarketTimeframe, string[]>();
    for (const key of this.candles.keys()) {
      const [timeframe, symbol] = [key.slice(0, key.indexOf('|')) as MarketTimeframe, key.slice(key.indexOf('|') + 1)];
      byTimeframe.set(timeframe, [...(byTimeframe.get(timeframe) ?? []), symbol]);
    }
    for (const [timeframe, symbols] of byTimeframe) frames.push({ type: 'subscribe', channel: 'candles', symbols, timeframe });
    return frames;
  }

  /**
   * For the connection: called with each subscription change to send, and with null when only
   * the interest changed (an alert listener came or went).
   */
  watch(watcher: (change: SubscriptionChange | null) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  deliver(frame: MarketStreamServerFrame): void {
    switch (frame.type) {
      case 'tick':
        this.call(this.ticks.get(frame.symbol), { symbol: frame.symbol, price: frame.price, epochMs: frame.epochMs });
        break;
      case 'candle':
        this.call(this.candles.get(candleKey(frame.symbol, frame.timeframe)), frame.candle);
        break;
      case 'alert':
        this.call(this.alerts, frame.alert);
        break;
      default:
        break; // welcome, acknowledgements, heartbeats and errors are the connection's business
    }
  }

  private call<T>(handlers: Set<(value: T) => void> | undefined, value: T): void {
    for (const handler of handlers ?? []) {
      try {
        handler(value);
      } catch (err) {
        console.error('market stream handler failed', err); // one bad handler must not starve the others
      }
    }
  }

  /** Adds a handler; true when it is the first one for the key. */
  private add<H>(map: Handlers<H>, key: string, handler: H): boolean {
    const set = map.get(key);
    if (set) {
      set.add(handler);
      return false;
    }
    map.set(key, new Set([handler]));
    return true;
  }

  /** Removes a handler; true when it was the last one for the key. */
  private remove<H>(map: Handlers<H>, key: string, handler: H): boolean {
    const set = map.get(key);
    if (!set?.delete(handler) || set.size > 0) return false;
    map.delete(key);
    return true;
  }

  private emit(change: SubscriptionChange | null): void {
    for (const w of this.watchers) w(change);
  }
}
