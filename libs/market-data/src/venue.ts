import type { Candle, Timeframe } from './candles';
import type { Instrument } from './instruments';
import type { Tick } from './ticks';

/**
 * A market venue as the domain sees it: instruments, live ticks, candle history (orders arrive
 * with the execution issue). Adapters (simulated, Deriv, replay) live in libs/venues.
 */
export interface MarketVenue {
  readonly name: 'simulated' | 'deriv' | 'replay';
  /** One sentence for status pages: what it is and where it connects. */
  readonly description: string;
  instruments(): Promise<VenueInstrument[]>;
  /** Starts delivering ticks of these symbols; the returned function stops it. */
  subscribeTicks(symbols: readonly string[], onTick: (tick: Tick) => void): Promise<() => Promise<void>>;
  /** Candles of [fromMs, toMs), oldest first. */
  candleHistory(symbol: string, timeframe: Timeframe, fromMs: number, toMs: number): Promise<Candle[]>;
  /** Connection state changes (for health and alerts). */
  onStatus?(listener: (status: VenueStatus) => void): void;
  close(): Promise<void>;
}

export type VenueInstrument = Pick<Instrument, 'symbol' | 'displayName' | 'decimals' | 'pipSize'> & {
  type: string;
  tradingOpen: boolean;
};

export type VenueStatus = { state: 'connected' } | { state: 'reconnecting'; attempt: number; reason: string } | { state: 'closed' };

/** A clock the venue adapters read, so tests and replays can run on simulated time. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
