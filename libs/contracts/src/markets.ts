/** F4 Markets: the shapes the gateway, execution and the web app share. */

export const MARKET_TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d'] as const;
export type MarketTimeframe = (typeof MARKET_TIMEFRAMES)[number];

export type VenueName = 'simulated' | 'deriv' | 'replay' | 'imported';

export interface InstrumentView {
  symbol: string;
  displayName: string;
  /** volatility_index, step_index, or imported (history bound from a CSV). */
  type: string;
  decimals: number;
  pipSize: number;
  /** Where its prices come from. */
  venue: VenueName;
  /** Live instruments tick; imported ones only have history. */
  live: boolean;
}

export interface LiveQuote {
  symbol: string;
  displayName: string;
  decimals: number;
  price: number;
  /** Time of the last tick, epoch ms. */
  epochMs: number;
  /** Over the last 24 h (from the stored 1m candles and the live one). */
  change24h: number | null;
  changePct24h: number | null;
  high24h: number | null;
  low24h: number | null;
}

export interface CandleView {
  /** Bucket start, epoch ms (UTC). */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  tickCount: number;
  /** False for the candle still being built. */
  closed: boolean;
}

export interface CandlePage {
  symbol: string;
  timeframe: MarketTimeframe;
  /** Oldest first. */
  items: CandleView[];
  /** Pass as `before` (epoch ms) to read the page before this one; null when there is none. */
  nextBefore: number | null;
  /** Set on the newest page while the venue's history of the symbol is still being fetched: ask again shortly. */
  backfilling?: boolean;
}

export interface LiveDataResponse {
  quotes: LiveQuote[];
  /** Present when a symbol was asked for. */
  candles?: CandlePage;
}

export interface CorrelationResponse {
  symbols: string[];
  /** Pearson correlation of simple returns over the common dates (R's cor()). */
  matrix: number[][];
  observations: number;
  timeframe: MarketTimeframe;
  from: string | null;
  to: string | null;
  /** With window and exactly two symbols: the rolling correlation for a chart. */
  rolling?: { window: number; points: { time: number; value: number | null }[] };
}

export type PriceAlertCondition =
  | { kind: 'above'; level: number }
  | { kind: 'below'; level: number }
  | { kind: 'cross'; level: number; direction?: 'up' | 'down' | 'either' }
  | { kind: 'percentMove'; percent: number; windowSec: number; direction?: 'up' | 'down' | 'either' };

export interface PriceAlertView {
  id: string;
  ownerId: string;
  symbol: string;
  condition: PriceAlertCondition;
  /** once: fires one time then is spent; repeat: at most once per cooldown. */
  trigger: { mode: 'once' } | { mode: 'repeat'; cooldownSec: number };
  webhookUrl: string | null;
  note: string | null;
  status: 'active' | 'spent';
  createdAt: string;
  lastFiredAt: string | null;
  firedCount: number;
}

export interface PriceAlertFired {
  alertId: string;
  ownerId: string;
  symbol: string;
  price: number;
  epochMs: number;
  message: string;
}

export interface ImportResult {
  importId: string;
  symbol: string;
  timeframe: MarketTimeframe;
  rows: number;
  from: string;
  to: string;
  durationMs: number;
}

/** Frames of WS /api/markets/stream. */
export type MarketStreamClientFrame =
  | { type: 'subscribe' | 'unsubscribe'; channel: 'ticks'; symbols: string[] }
  | { type: 'subscribe' | 'unsubscribe'; channel: 'candles'; symbols: string[]; timeframe: MarketTimeframe }
  | { type: 'ping' };

export type MarketStreamServerFrame =
  | { type: 'welcome'; symbols: string[]; timeframes: readonly MarketTimeframe[] }
  | { type: 'subscribed' | 'unsubscribed'; channel: 'ticks' | 'candles'; symbols: string[]; timeframe?: MarketTimeframe }
  /** epochMs: the venue's time of the tick; publishedAt: when execution published it (wall clock, for latency). */
  | { type: 'tick'; symbol: string; price: number; epochMs: number; publishedAt?: number }
  | { type: 'candle'; symbol: string; timeframe: MarketTimeframe; candle: CandleView }
  | { type: 'alert'; alert: PriceAlertFired }
  | { type: 'heartbeat'; ts: number }
  | { type: 'error'; code: string; message: string };

/** Redis pub/sub channels execution publishes market data on (under the namespace). */
export const MARKET_CHANNELS = {
  ticks: 'markets:ticks',
  candles: 'markets:candles',
  alertsFired: 'markets:alerts-fired',
} as const;

export const MARKET_PATTERNS = {
  instruments: 'execution.markets.instruments.list.v1',
  liveData: 'execution.markets.live-data.get.v1',
  correlations: 'execution.markets.correlations.get.v1',
  createAlert: 'execution.markets.alert.create.v1',
  listAlerts: 'execution.markets.alert.list.v1',
  deleteAlert: 'execution.markets.alert.delete.v1',
  importBegin: 'execution.data.import.begin.v1',
  importAppend: 'execution.data.import.append.v1',
  importCommit: 'execution.data.import.commit.v1',
  importAbort: 'execution.data.import.abort.v1',
  replayStart: 'execution.markets.replay.start.v1',
  replayList: 'execution.markets.replay.list.v1',
  replayStop: 'execution.markets.replay.stop.v1',
} as const;

/** A replay of stored candles as a live feed, streamed under `<symbol>.replay`. */
export interface ReplayView {
  id: string;
  symbol: string;
  /** The symbol its ticks and candles carry on the market stream. */
  streamSymbol: string;
  timeframe: MarketTimeframe;
  from: string;
  to: string;
  speed: number;
  state: 'playing' | 'finished' | 'stopped';
  ticksSent: number;
  startedBy: string;
  startedAt: string;
}

/** One validated bar of an import, as sent from the gateway to execution. */
export interface ImportBar {
  /** Bar start, epoch ms (UTC midnight for daily bars). */
  time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string | null;
  /** Source line in the file, for error messages. */
  line: number;
}
