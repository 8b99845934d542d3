import type { EquityPoint, PositionsResponse, RebalanceResponse, RiskLimitsResponse, RiskLimitsValues, RiskMetricsResponse } from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import { applyPositionEvent } from './positionPatches';

export interface EquityArgs {
  limit: number;
}
export interface RiskMetricsArgs {
  benchmark: string;
  timeframe: '1h' | '1d';
}
export interface SetRiskLimitsBody {
  /** '*' for the whole account, or one symbol. */
  symbol: string;
  limits: RiskLimitsValues;
  reason?: string;
}
export interface RebalanceBody {
  targets: { symbol: string; weight: number }[];
  mode: 'preview' | 'execute';
  minTradeNotional?: string;
  closeOthers?: boolean;
}

/** A fill moves cash, fees and realised P&L: the account is re-read, at most this often. */
const ACCOUNT_REFRESH_MS = 1500;

/** A new sample at the end of the curve (a late or repeated one is dropped), keeping at most `limit`. */
export function appendEquityPoint(points: EquityPoint[], point: EquityPoint, limit: number): void {
  const last = points[points.length - 1];
  if (last && Date.parse(point.at) <= Date.parse(last.at)) return;
  points.push(point);
  if (points.length > limit) points.splice(0, points.length - limit);
}

export const portfolioApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /**
     * The account and its positions. Position events patch the positions at once; fills of the
     * account re-read it (throttled) for cash, fees and realised P&L.
     */
    getPositions: build.query<PositionsResponse, void>({
      query: () => '/portfolio/positions',
      providesTags: ['Positions'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          const refreshSoon = () => {
            timer ??= setTimeout(() => {
              timer = null;
              api.dispatch(baseApi.util.invalidateTags(['Positions']));
            }, ACCOUNT_REFRESH_MS);
          };
          const stop = liveChannelsOf(api.extra)?.on('trading', (event) => {
            const accountId = api.getCacheEntry().data?.account.id;
            if (event.kind === 'position') {
              api.updateCachedData((draft) => applyPositionEvent(draft, event.accountId, event.position));
            } else if (event.kind === 'fill' && event.fill.accountId === accountId) {
              refreshSoon();
            }
          });
          return () => {
            stop?.();
            if (timer) clearTimeout(timer);
          };
        }),
    }),
    /** The equity curve of the account shown on the page; new samples arrive on the `trading` channel. */
    getEquity: build.query<EquityPoint[], EquityArgs>({
      query: ({ limit }) => ({ url: '/portfolio/equity', params: { limit } }),
      providesTags: ['Equity'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('trading', (event) => {
            if (event.kind !== 'equity') return;
            // The curve is the default account's, the one the positions query shows.
            const accountId = portfolioApi.endpoints.getPositions.select()(api.getState() as never).data?.account.id;
            if (event.accountId === accountId) api.updateCachedData((points) => appendEquityPoint(points, event.point, arg.limit));
          }),
        ),
    }),
    getRiskMetrics: build.query<RiskMetricsResponse, RiskMetricsArgs>({
      query: (params) => ({ url: '/portfolio/risk-metrics', params: { ...params } }),
      providesTags: ['RiskMetrics'],
    }),
    getRiskLimits: build.query<RiskLimitsResponse, void>({
      query: () => '/portfolio/risk-limits',
      providesTags: ['RiskLimits'],
    }),
    /** Answers the new state of every scope: it replaces the cached one, no refetch needed. */
    setRiskLimits: build.mutation<RiskLimitsResponse, SetRiskLimitsBody>({
      query: (body) => ({ url: '/portfolio/risk-limits', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }): Promise<void> {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(portfolioApi.util.upsertQueryData('getRiskLimits', undefined, data));
      },
    }),
    rebalance: build.mutation<RebalanceResponse, RebalanceBody>({
      query: (body) => ({ url: '/portfolio/rebalance', method: 'POST', body }),
      invalidatesTags: (_result, _error, arg) => (arg.mode === 'execute' ? ['Orders', 'Fills', 'Positions', 'RiskMetrics'] : []),
    }),
  }),
});

export const {
  useGetPositionsQuery,
  useGetEquityQuery,
  useGetRiskMetricsQuery,
  useGetRiskLimitsQuery,
  useSetRiskLimitsMutation,
  useRebalanceMutation,
} = portfolioApi;
