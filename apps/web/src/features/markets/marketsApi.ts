import type {
  CandlePage,
  CorrelationResponse,
  InstrumentView,
  LiveDataResponse,
  MarketTimeframe,
  PriceAlertFired,
  PriceAlertView,
} from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import type { LiveStatus } from '../../app/uiSlice';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import { applyAlertFired, applyCandle, applyTick, pushFired } from './marketPatches';

export interface CandleArgs {
  symbol: string;
  timeframe: MarketTimeframe;
}
/** Candles per request; scrolling to the left edge asks for the page before with `before`. */
export const CANDLE_PAGE_SIZE = 500;

export interface CorrelationArgs {
  symbols: string[];
  timeframe: MarketTimeframe;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  /** Rolling window, with exactly two symbols. */
  window?: number;
}

/** POST /api/markets/alerts: the alert's own fields, webhook and note optional. */
export type CreatePriceAlertBody = Pick<PriceAlertView, 'symbol' | 'condition' | 'trigger'> & { webhookUrl?: string; note?: string };

const marketsOf = (extra: unknown) => liveChannelsOf(extra)?.markets;

export const marketsApi = baseApi.enhanceEndpoints({ addTagTypes: ['MarketInstruments', 'PriceAlerts'] }).injectEndpoints({
  endpoints: (build) => ({
    getMarketInstruments: build.query<InstrumentView[], void>({
      query: () => '/markets/instruments',
      providesTags: ['MarketInstruments'],
    }),
    /** Quotes of every live symbol, moved by tick frames for as long as the entry is cached. */
    getMarketQuotes: build.query<LiveDataResponse, void>({
      query: () => '/markets/live-data',
      providesTags: ['MarketInstruments'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => {
          const symbols = api.getCacheEntry().data?.quotes.map((q) => q.symbol) ?? [];
          if (symbols.length === 0) return undefined;
          return marketsOf(api.extra)?.onTicks(symbols, (tick) => api.updateCachedData((draft) => applyTick(draft, tick)));
        }),
    }),
    /**
     * Candle history of one symbol and timeframe. The first page is the newest (and is patched by
     * candle frames); each further page is the one before, by `before` = the previous `nextBefore`.
     */
    getMarketCandles: build.infiniteQuery<CandlePage, CandleArgs, number | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: '/markets/live-data',
        params: { symbol: queryArg.symbol, timeframe: queryArg.timeframe, limit: CANDLE_PAGE_SIZE, before: pageParam ?? undefined },
      }),
      transformResponse: (response: LiveDataResponse, _meta, { queryArg }) =>
        response.candles ?? { symbol: queryArg.symbol, timeframe: queryArg.timeframe, items: [], nextBefore: null },
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          marketsOf(api.extra)?.onCandles(arg.symbol, arg.timeframe, (candle) =>
            api.updateCachedData((draft) => {
              if (draft.pages[0]) applyCandle(draft.pages[0], candle);
            }),
          ),
        ),
    }),
    getMarketCorrelations: build.query<CorrelationResponse, CorrelationArgs>({
      query: ({ symbols, ...rest }) => ({ url: '/markets/correlations', params: { symbols: symbols.join(','), ...rest } }),
    }),
    /** The caller's own alerts; firings arriving on the stream count themselves in. */
    getPriceAlerts: build.query<PriceAlertView[], void>({
      query: () => '/markets/alerts',
      providesTags: ['PriceAlerts'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => marketsOf(api.extra)?.onAlert((fired) => api.updateCachedData((draft) => applyAlertFired(draft, fired)))),
    }),
    createPriceAlert: build.mutation<PriceAlertView, CreatePriceAlertBody>({
      query: (body) => ({ url: '/markets/alerts', method: 'POST', body }),
      invalidatesTags: ['PriceAlerts'],
    }),
    deletePriceAlert: build.mutation<void, string>({
      query: (id) => ({ url: `/markets/alerts/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['PriceAlerts'],
    }),
    /** Alert frames of this session, newest first: a client-side feed for the toasts. */
    getFiredPriceAlerts: build.query<PriceAlertFired[], void>({
      queryFn: () => ({ data: [] }),
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => marketsOf(api.extra)?.onAlert((fired) => api.updateCachedData((draft) => pushFired(draft, fired)))),
    }),
    /** State of the market stream socket. */
    getMarketStreamStatus: build.query<LiveStatus, void>({
      queryFn: (_arg, api) => ({ data: marketsOf(api.extra)?.status ?? 'offline' }),
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => marketsOf(api.extra)?.onStatus((status) => api.updateCachedData(() => status))),
    }),
  }),
});

export const {
  useGetMarketInstrumentsQuery,
  useGetMarketQuotesQuery,
  useGetMarketCandlesInfiniteQuery,
  useGetMarketCorrelationsQuery,
  useGetPriceAlertsQuery,
  useCreatePriceAlertMutation,
  useDeletePriceAlertMutation,
  useGetFiredPriceAlertsQuery,
  useGetMarketStreamStatusQuery,
} = marketsApi;
