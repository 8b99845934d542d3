// Shared fixtures of the execution and portfolio specs.
import type { AccountView, FillView, OrderView, Page, PositionView, WsServerFrame, TradingEventPayload } from '@meridian/contracts';

export const OWNER = 'u-trader';
export const ACCOUNT = 'acc-1';

export const order = (id: string, extra: Partial<OrderView> = {}): OrderView => ({
  id,
  accountId: ACCOUNT,
  clientOrderId: `web-${id}`,
  symbol: 'R_100',
  side: 'buy',
  type: 'limit',
  quantity: '2',
  limitPrice: '1234.5',
  stopPrice: null,
  trailAmount: null,
  trailPercent: null,
  timeInForce: 'GTC',
  expireAt: null,
  reduceOnly: false,
  postOnly: false,
  role: 'single',
  parentId: null,
  linkedOrderId: null,
  tag: null,
  status: 'accepted',
  filledQuantity: '0',
  averagePrice: null,
  feesPaid: '0',
  rejectCheck: null,
  rejectReason: null,
  cancelReason: null,
  triggered: false,
  bracket: null,
  algo: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});

export const fill = (id: string, extra: Partial<FillView> = {}): FillView => ({
  id,
  orderId: 'o-1',
  accountId: ACCOUNT,
  symbol: 'R_100',
  side: 'buy',
  quantity: '1',
  price: '1234.5',
  fee: '0.12',
  liquidity: 'taker',
  tag: null,
  at: '2026-01-01T10:00:00.000Z',
  ...extra,
});

export const page = <T>(items: T[], extra: Partial<Page<T>> = {}): Page<T> => ({ items, total: items.length, limit: 50, offset: 0, ...extra });

export const account = (extra: Partial<AccountView> = {}): AccountView => ({
  id: ACCOUNT,
  name: 'Paper',
  currency: 'USD',
  initialCash: '100000',
  cash: '90000',
  equity: '100200',
  realisedPnl: '50',
  unrealisedPnl: '200',
  feesPaid: '3.5',
  openOrders: 1,
  ...extra,
});

export const position = (symbol: string, extra: Partial<PositionView> = {}): PositionView => ({
  symbol,
  quantity: '2',
  averagePrice: '1000',
  lastPrice: '1100',
  marketValue: '2200',
  unrealisedPnl: '200',
  realisedPnl: '0',
  feesPaid: '1',
  weight: 0.022,
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});

/** A frame of the `trading` channel, as the socket delivers it. */
export const tradingFrame = (data: TradingEventPayload): WsServerFrame => ({ type: 'event', channel: 'trading', data, ts: Date.now() });

export const apiError = (statusCode: number, message: string, details?: unknown[]) => ({
  status: statusCode,
  body: { statusCode, error: statusCode === 422 ? 'Unprocessable Entity' : statusCode === 400 ? 'Bad Request' : 'Error', message, ...(details ? { details } : {}) },
});
