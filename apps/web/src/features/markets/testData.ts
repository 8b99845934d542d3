// Shared fixtures of the markets specs.
import type { CandleView, InstrumentView, LiveDataResponse, LiveQuote, MarketStreamServerFrame } from '@meridian/contracts';

export const instrument = (symbol: string, live = true, decimals = 2): InstrumentView => ({
  symbol,
  displayName: live ? `Volatility ${symbol}` : `${symbol} (imported)`,
  type: live ? 'volatility_index' : 'imported',
  decimals,
  pipSize: 1 / 10 ** decimals,
  venue: live ? 'simulated' : 'imported',
  live,
});

export const quote = (symbol: string, price: number, extra: Partial<LiveQuote> = {}): LiveQuote => ({
  symbol,
  displayName: `Volatility ${symbol}`,
  decimals: 2,
  price,
  epochMs: 1_000,
  change24h: 10,
  changePct24h: 1,
  high24h: price + 5,
  low24h: price - 5,
  ...extra,
});

export const quotes = (...list: LiveQuote[]): LiveDataResponse => ({ quotes: list });

export const candle = (time: number, close: number, closed = false): CandleView => ({
  time,
  open: close - 1,
  high: close + 1,
  low: close - 2,
  close,
  volume: null,
  tickCount: 3,
  closed,
});

export const tickFrame = (symbol: string, price: number, epochMs: number): MarketStreamServerFrame => ({ type: 'tick', symbol, price, epochMs });

/** Lets a cache lifecycle reach its `await cacheDataLoaded`. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
