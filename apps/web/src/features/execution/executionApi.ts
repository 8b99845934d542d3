import type {
  AlgoParams,
  CancelReport,
  CreateOrderResult,
  FillView,
  OrderSideName,
  OrderTypeName,
  OrderView,
  Page,
  TimeInForceName,
} from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import type { WithSession } from '../../session/sessionSlice';
import { applyFillEvent, applyOrderEvent, inScope, type FillsArgs, type OrdersArgs } from './orderPatches';

export type { FillsArgs, OrdersArgs } from './orderPatches';

/** POST /api/orders/create (the fields of CreateOrderDto; decimals as strings). */
export interface CreateOrderBody {
  symbol: string;
  side: OrderSideName;
  type: OrderTypeName | 'algo';
  quantity: string;
  limitPrice?: string;
  stopPrice?: string;
  trailAmount?: string;
  /** A fraction: 0.02 = 2 %. */
  trailPercent?: string;
  timeInForce?: TimeInForceName;
  expireAt?: string;
  /** Unique per account: the same id sent again returns the existing order instead of a new one. */
  clientOrderId: string;
  reduceOnly?: boolean;
  postOnly?: boolean;
  bracket?: { takeProfit?: string; stopLoss?: string };
  oco?: { type: 'limit' | 'stop' | 'stop-limit'; limitPrice?: string; stopPrice?: string };
  algo?: AlgoParams;
  tag?: string;
}

export interface AmendOrderBody {
  id: string;
  quantity?: string;
  limitPrice?: string;
  stopPrice?: string;
}

export interface CancelOrdersBody {
  scope: 'order' | 'symbol' | 'all';
  id?: string;
  clientOrderId?: string;
  symbol?: string;
}

const userIdOf = (state: unknown) => (state as WithSession).session.user?.id ?? null;

export const executionApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** A page of the caller's orders; order events of the `trading` channel keep it current. */
    getOrders: build.query<Page<OrderView>, OrdersArgs>({
      query: (args) => ({ url: '/orders/status', params: { ...args } }),
      providesTags: ['Orders'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('trading', (event) => {
            if (event.kind !== 'order') return;
            const userId = userIdOf(api.getState());
            api.updateCachedData((draft) => {
              const scope = { userId, accountId: draft.items[0]?.accountId };
              if (inScope({ ownerId: event.ownerId, accountId: event.order.accountId }, scope)) applyOrderEvent(draft, event.order, arg);
            });
          }),
        ),
    }),
    getOrder: build.query<OrderView, string>({
      query: (id) => `/orders/${encodeURIComponent(id)}`,
      providesTags: ['Orders'],
    }),
    createOrder: build.mutation<CreateOrderResult, CreateOrderBody>({
      query: (body) => ({ url: '/orders/create', method: 'POST', body }),
      // The live channel brings the order, its fills and the position; this covers a socket that is away.
      invalidatesTags: ['Orders', 'Fills', 'Positions'],
    }),
    amendOrder: build.mutation<OrderView, AmendOrderBody>({
      query: (body) => ({ url: '/orders/amend', method: 'POST', body }),
      invalidatesTags: ['Orders'],
    }),
    cancelOrders: build.mutation<CancelReport, CancelOrdersBody>({
      query: (body) => ({ url: '/executions/cancel', method: 'POST', body }),
      invalidatesTags: ['Orders'],
    }),
    /** A page of the caller's fills, newest first; fill events put new ones on top. */
    getFills: build.query<Page<FillView>, FillsArgs>({
      query: (args) => ({ url: '/executions/history', params: { ...args } }),
      providesTags: ['Fills'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('trading', (event) => {
            if (event.kind !== 'fill') return;
            const userId = userIdOf(api.getState());
            api.updateCachedData((draft) => {
              const scope = { userId, accountId: draft.items[0]?.accountId };
              if (inScope({ ownerId: event.ownerId, accountId: event.fill.accountId }, scope)) applyFillEvent(draft, event.fill, arg);
            });
          }),
        ),
    }),
  }),
});

export const {
  useGetOrdersQuery,
  useGetOrderQuery,
  useCreateOrderMutation,
  useAmendOrderMutation,
  useCancelOrdersMutation,
  useGetFillsQuery,
} = executionApi;
