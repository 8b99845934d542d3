import { Dec, decString } from './decimal';
import type { OrderRole, OrderSide, OrderSpec, OrderType, TimeInForce } from './order-types';

/** Where an account's orders execute: the simulated venue (paper) or Deriv. */
export type AccountVenue = 'paper' | 'deriv';

/**
 * Every change of an order or an account is one of these events, appended to the event log.
 * Orders, fills, positions and balances are a fold over the log (see TradingState), which is
 * how the execution service rebuilds itself after a crash.
 */
export type TradingEvent =
  | { type: 'account.opened'; accountId: string; at: number; currency: string; cash: Dec; ownerId: string; name: string; venue?: AccountVenue }
  | { type: 'order.created'; accountId: string; orderId: string; at: number; spec: OrderSpec }
  | { type: 'order.accepted'; accountId: string; orderId: string; at: number }
  | { type: 'order.rejected'; accountId: string; orderId: string; at: number; check: string; reason: string }
  | { type: 'order.triggered'; accountId: string; orderId: string; at: number; price: Dec }
  | { type: 'order.amended'; accountId: string; orderId: string; at: number; quantity?: Dec; limitPrice?: Dec; stopPrice?: Dec }
  | { type: 'order.filled'; accountId: string; orderId: string; at: number; fillId: string; quantity: Dec; price: Dec; fee: Dec; liquidity: 'maker' | 'taker' }
  | { type: 'order.cancelled'; accountId: string; orderId: string; at: number; reason: string }
  | { type: 'order.expired'; accountId: string; orderId: string; at: number; reason: string };

export type TradingEventType = TradingEvent['type'];
export type OrderEvent = Extract<TradingEvent, { orderId: string }>;

/** The JSON form stored in the log: decimals as strings. */
export type StoredEvent = { type: TradingEventType; accountId: string; orderId?: string; at: number; [key: string]: unknown };

const DECIMAL_FIELDS = ['cash', 'price', 'quantity', 'fee', 'limitPrice', 'stopPrice'] as const;
const SPEC_DECIMALS = ['quantity', 'limitPrice', 'stopPrice'] as const;

export function serializeEvent(event: TradingEvent): StoredEvent {
  const out: Record<string, unknown> = { ...event };
  for (const f of DECIMAL_FIELDS) if (out[f] instanceof Dec) out[f] = decString(out[f] as Dec);
  if (event.type === 'order.created') out.spec = serializeSpec(event.spec);
  return out as StoredEvent;
}

export function deserializeEvent(stored: StoredEvent): TradingEvent {
  const out: Record<string, unknown> = { ...stored };
  for (const f of DECIMAL_FIELDS) if (typeof out[f] === 'string') out[f] = new Dec(out[f] as string);
  if (stored.type === 'order.created') out.spec = deserializeSpec(stored.spec as Record<string, unknown>);
  return out as unknown as TradingEvent;
}

function serializeSpec(spec: OrderSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { ...spec };
  for (const f of SPEC_DECIMALS) if (spec[f]) out[f] = decString(spec[f] as Dec);
  if (spec.trail) out.trail = { amount: spec.trail.amount && decString(spec.trail.amount), percent: spec.trail.percent && decString(spec.trail.percent) };
  if (spec.bracket) out.bracket = { takeProfit: spec.bracket.takeProfit && decString(spec.bracket.takeProfit), stopLoss: spec.bracket.stopLoss && decString(spec.bracket.stopLoss) };
  if (spec.algo) out.algo = { ...spec.algo, displayQuantity: spec.algo.displayQuantity && decString(spec.algo.displayQuantity) };
  return out;
}

function deserializeSpec(raw: Record<string, unknown>): OrderSpec {
  const spec = { ...raw } as Record<string, unknown>;
  for (const f of SPEC_DECIMALS) if (typeof raw[f] === 'string') spec[f] = new Dec(raw[f] as string);
  const trail = raw.trail as { amount?: string; percent?: string } | undefined;
  if (trail) spec.trail = { amount: trail.amount ? new Dec(trail.amount) : undefined, percent: trail.percent ? new Dec(trail.percent) : undefined };
  const bracket = raw.bracket as { takeProfit?: string; stopLoss?: string } | undefined;
  if (bracket) spec.bracket = { takeProfit: bracket.takeProfit ? new Dec(bracket.takeProfit) : undefined, stopLoss: bracket.stopLoss ? new Dec(bracket.stopLoss) : undefined };
  const algo = raw.algo as (Record<string, unknown> & { displayQuantity?: string }) | undefined;
  if (algo) spec.algo = { ...algo, displayQuantity: algo.displayQuantity ? new Dec(algo.displayQuantity) : undefined };
  return spec as unknown as OrderSpec & { side: OrderSide; type: OrderType; timeInForce: TimeInForce; role: OrderRole };
}
