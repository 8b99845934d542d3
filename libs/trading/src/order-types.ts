import type { Dec } from './decimal';

export type OrderSide = 'buy' | 'sell';
export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop-limit', 'trailing-stop'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const TIME_IN_FORCE = ['GTC', 'GTD', 'DAY', 'IOC', 'FOK'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];
export const ORDER_STATUSES = ['new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How an order relates to others: bracket children and OCO pairs cancel each other; algo children belong to a parent. */
export type OrderRole = 'single' | 'bracket-entry' | 'take-profit' | 'stop-loss' | 'oco' | 'algo-parent' | 'algo-child';

export interface TrailSpec {
  /** Distance in price units, or as a fraction of the reference price (0.01 = 1 %). */
  amount?: Dec;
  percent?: Dec;
}

/** What a client asks for, validated and in decimals. */
export interface OrderSpec {
  accountId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: Dec;
  limitPrice?: Dec;
  stopPrice?: Dec;
  trail?: TrailSpec;
  timeInForce: TimeInForce;
  /** GTD: when the order expires (epoch ms). */
  expireAt?: number;
  reduceOnly: boolean;
  postOnly: boolean;
  role: OrderRole;
  parentId?: string;
  /** The other order of an OCO pair or bracket leg. */
  linkedOrderId?: string;
  /** Strategy tag (strategy id and version) when a deployed strategy placed it. */
  tag?: string;
  /** Bracket entries: the children placed when the entry fills. */
  bracket?: { takeProfit?: Dec; stopLoss?: Dec };
  /** Algorithm parents: how the quantity is worked. */
  algo?: AlgoSpec;
}

export interface AlgoSpec {
  kind: 'twap' | 'vwap' | 'iceberg';
  durationSec?: number;
  slices?: number;
  volumeProfile?: number[];
  displayQuantity?: Dec;
}

/** An order as the book holds it. */
export interface Order extends OrderSpec {
  id: string;
  status: OrderStatus;
  filledQuantity: Dec;
  /** Volume-weighted average fill price; null before the first fill. */
  averagePrice: Dec | null;
  feesPaid: Dec;
  /** Stop orders: set once the stop price was touched (stop-limit then rests as a limit). */
  triggeredAt?: number;
  /** Trailing stops: the best price seen since acceptance, from which the stop trails. */
  trailAnchor?: Dec;
  rejectCheck?: string;
  rejectReason?: string;
  cancelReason?: string;
  createdAt: number;
  updatedAt: number;
  /** Sequence of the last event applied. */
  version: number;
}

export function remaining(order: Pick<Order, 'quantity' | 'filledQuantity'>): Dec {
  return order.quantity.minus(order.filledQuantity);
}

export function isOpen(order: Pick<Order, 'status'>): boolean {
  return order.status === 'new' || order.status === 'accepted' || order.status === 'partially_filled';
}

export function signedQuantity(side: OrderSide, quantity: Dec): Dec {
  return side === 'buy' ? quantity : quantity.neg();
}
