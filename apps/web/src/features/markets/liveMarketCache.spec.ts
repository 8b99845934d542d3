import type { CandlePage } from '@meridian/contracts';
import { createAppStore } from '../../app/store';
import { LiveChannels } from '../../live/liveChannels';
import { fakeGateway, sessionAs } from '../../../test/render';
import { applyCandle, applyTick } from './marketPatches';
import { marketsApi } from './marketsApi';
import { candle, quote, quotes, settle, tickFrame } from './testData';

/** The store's state as the markets selectors see it (they know the tag types markets adds). */
type MarketsState = Parameters<ReturnType<typeof marketsApi.endpoints.getMarketQuotes.select>>[0];

function setup() {
  const live = new LiveChannels();
  const store = createAppStore({ session: sessionAs('viewer'), live });
  return { live, store, state: () => store.getState() as unknown as MarketsState };
}
const page = (items = [candle(60_000, 10, true), candle(120_000, 11)], nextBefore: number | null = 60_000): CandlePage => ({
  symbol: 'R_100',
  timeframe: '1m',
  items,
  nextBefore,
});

afterEach(() => jest.restoreAllMocks());

describe('tick frames patch the cached quotes', () => {
  it('moves price and time, re-derives the 24h change and widens the 24h high', async () => {
    fakeGateway({ 'GET /api/markets/live-data': { body: quotes(quote('R_100', 100, { change24h: 10, changePct24h: 11.11, high24h: 104, low24h: 95 })) } });
    const { live, store, state } = setup();
    const sub = store.dispatch(marketsApi.endpoints.getMarketQuotes.initiate());
    await sub;
    await settle();

    live.markets.deliver(tickFrame('R_100', 105, 2_000));

    const q = marketsApi.endpoints.getMarketQuotes.select()(state()).data?.quotes[0];
    expect(q).toMatchObject({ price: 105, epochMs: 2_000, change24h: 15, high24h: 105, low24h: 95 });
    expect(q?.changePct24h).toBeCloseTo(16.6667, 3); // against the reference price 90
    sub.unsubscribe();
  });

  it('lowers the 24h low and ignores an older price', () => {
    const data = quotes(quote('R_100', 100, { epochMs: 5_000, high24h: 104, low24h: 95 }));
    applyTick(data, { symbol: 'R_100', price: 90, epochMs: 6_000 });
    applyTick(data, { symbol: 'R_100', price: 200, epochMs: 5_500 });
    expect(data.quotes[0]).toMatchObject({ price: 90, epochMs: 6_000, high24h: 104, low24h: 90 });
  });

  it('subscribes the ticks of the quoted symbols, and unsubscribes when the entry goes', async () => {
    fakeGateway({ 'GET /api/markets/live-data': { body: quotes(quote('R_100', 100), quote('R_50', 50)) } });
    const { live, store } = setup();
    const sent: unknown[] = [];
    live.markets.watch((change) => change && sent.push(change));
    const sub = store.dispatch(marketsApi.endpoints.getMarketQuotes.initiate());
    await sub;
    await settle();
    expect(sent).toEqual([{ type: 'subscribe', channel: 'ticks', symbols: ['R_100', 'R_50'] }]);

    store.dispatch(marketsApi.util.resetApiState());
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'unsubscribe', channel: 'ticks', symbols: ['R_100', 'R_50'] });
    expect(live.markets.interest()).toBe(0);
  });
});

describe('candle frames patch the cached candle page', () => {
  it('replaces the last candle when the frame has its time, and appends a newer one', async () => {
    const calls = fakeGateway({ 'GET /api/markets/live-data': { body: { quotes: [], candles: page() } } });
    const { live, store, state } = setup();
    const args = { symbol: 'R_100', timeframe: '1m' } as const;
    const sub = store.dispatch(marketsApi.endpoints.getMarketCandles.initiate(args));
    await sub;
    await settle();
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ symbol: 'R_100', timeframe: '1m', limit: '500' });
    const items = () => marketsApi.endpoints.getMarketCandles.select(args)(state()).data?.pages[0].items ?? [];

    live.markets.deliver({ type: 'candle', symbol: 'R_100', timeframe: '1m', candle: candle(120_000, 12.5) });
    expect(items().map((c) => [c.time, c.close])).toEqual([
      [60_000, 10],
      [120_000, 12.5],
    ]);

    live.markets.deliver({ type: 'candle', symbol: 'R_100', timeframe: '1m', candle: candle(180_000, 13) });
    expect(items().map((c) => [c.time, c.close, c.closed])).toEqual([
      [60_000, 10, true],
      [120_000, 12.5, true],
      [180_000, 13, false],
    ]);

    // another timeframe or symbol is not this page's business
    live.markets.deliver({ type: 'candle', symbol: 'R_100', timeframe: '5m', candle: candle(300_000, 99) });
    live.markets.deliver({ type: 'candle', symbol: 'R_50', timeframe: '1m', candle: candle(240_000, 99) });
    expect(items()).toHaveLength(3);
    sub.unsubscribe();
  });

  it('loads the page before with `before` = nextBefore', async () => {
    const calls = fakeGateway({
      'GET /api/markets/live-data': (req) =>
        new URL(req.url).searchParams.get('before') === '60000'
          ? { body: { quotes: [], candles: page([candle(0, 9, true)], null) } }
          : { body: { quotes: [], candles: page() } },
    });
    const { store, state } = setup();
    const args = { symbol: 'R_100', timeframe: '1m' } as const;
    const sub = store.dispatch(marketsApi.endpoints.getMarketCandles.initiate(args));
    await sub;
    await store.dispatch(marketsApi.endpoints.getMarketCandles.initiate(args, { direction: 'forward' }));

    const data = marketsApi.endpoints.getMarketCandles.select(args)(state());
    expect(calls.map((c) => c.url.searchParams.get('before'))).toEqual([null, '60000']);
    expect(data.data?.pages.map((p) => p.items.map((c) => c.time))).toEqual([[60_000, 120_000], [0]]);
    expect(data.hasNextPage).toBe(false);
    sub.unsubscribe();
  });

  it('replaces a stored candle of an earlier time and ignores one it does not hold', () => {
    const p = page([candle(60_000, 10, true), candle(120_000, 11)]);
    applyCandle(p, candle(60_000, 10.5, true));
    applyCandle(p, candle(0, 1, true));
    expect(p.items.map((c) => [c.time, c.close])).toEqual([
      [60_000, 10.5],
      [120_000, 11],
    ]);
  });
});
