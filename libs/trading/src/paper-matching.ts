import { Dec } from './decimal';
import { remaining, type Order } from './order-types';

/** How the simulated venue fills: slippage on taker fills, liquidity per tick, fees, latency. */
export interface PaperFillModel {
  slippageBps: Dec;
  /** Largest quantity one order can fill on one tick; the rest waits for later ticks (partial fills). */
  liquidityPerTick: Dec;
  feeBps: Dec;
  feeFixed: Dec;
  /** Delay between acceptance and the order reaching the simulated matching engine. */
  latencyMs: number;
}

export type MatchOutcome =
  | { kind: 'none' }
  /** The stop was touched: record it, then evaluate again as a market (stop) or limit (stop-limit) order. */
  | { kind: 'trigger' }
  | { kind: 'fill'; quantity: Dec; price: Dec; liquidity: 'maker' | 'taker'; cancelRest?: string }
  /** IOC or FOK that could not (fully) trade on arrival. */
  | { kind: 'expire'; reason: string };

const isStopKind = (o: Order) => o.type === 'stop' || o.type === 'stop-limit' || o.type === 'trailing-stop';

/** The stop level of a stop or trailing stop at this moment (trailing: from its anchor). */
export function stopLevel(order: Order): Dec | undefined {
  if (order.type !== 'trailing-stop') return order.stopPrice;
  if (!order.trailAnchor || !order.trail) return undefined;
  const distance = order.trail.amount ?? order.trailAnchor.times(order.trail.percent ?? 0);
  return order.side === 'sell' ? order.trailAnchor.minus(distance) : order.trailAnchor.plus(distance);
}

/** A trailing stop's anchor follows the best price: the high for a sell stop, the low for a buy stop. */
export function nextTrailAnchor(order: Order, price: Dec): Dec {
  if (!order.trailAnchor) return price;
  return order.side === 'sell' ? Dec.max(order.trailAnchor, price) : Dec.min(order.trailAnchor, price);
}

/** Whether a limit price would trade at once against this price (for post-only and IOC/FOK). */
export function isMarketable(order: Pick<Order, 'side' | 'type' | 'limitPrice'>, price: Dec): boolean {
  if (order.type === 'market') return true;
  if (!order.limitPrice) return false;
  return order.side === 'buy' ? price.lessThanOrEqualTo(order.limitPrice) : price.greaterThanOrEqualTo(order.limitPrice);
}

/**
 * One order against one tick. `arrival` is the first look after acceptance (plus latency): there a
 * marketable limit takes the market's price (taker); afterwards a resting limit that the price
 * crosses fills at its own price (maker). Stops trigger when the price touches them and then fill
 * as market orders (stop, trailing stop) or rest as limits (stop-limit). Market-like fills pay the
 * slippage against the trader.
 */
export function matchOrder(order: Order, price: Dec, model: PaperFillModel, arrival: boolean): MatchOutcome {
  if (isStopKind(order) && order.triggeredAt === undefined) {
    const level = stopLevel(order);
    if (!level) return { kind: 'none' };
    const touched = order.side === 'buy' ? price.greaterThanOrEqualTo(level) : price.lessThanOrEqualTo(level);
    return touched ? { kind: 'trigger' } : arrival && isImmediate(order) ? { kind: 'expire', reason: `${order.timeInForce} stop not triggered on arrival` } : { kind: 'none' };
  }
  const open = remaining(order);
  const marketLike = order.type === 'market' || order.type === 'stop' || order.type === 'trailing-stop';
  const executable = marketLike || isMarketable(order, price);
  if (order.timeInForce === 'FOK' && arrival && (!executable || open.greaterThan(model.liquidityPerTick))) {
    return { kind: 'expire', reason: executable ? `FOK: only ${model.liquidityPerTick} available on arrival, ${open} needed` : 'FOK: not marketable on arrival' };
  }
  if (!executable) return order.timeInForce === 'IOC' && arrival ? { kind: 'expire', reason: 'IOC: not marketable on arrival' } : { kind: 'none' };
  const quantity = Dec.min(open, model.liquidityPerTick);
  const cancelRest = order.timeInForce === 'IOC' && arrival && quantity.lessThan(open) ? `IOC: ${open.minus(quantity)} not filled on arrival` : undefined;
  if (marketLike) {
    const slip = price.times(model.slippageBps).div(10_000);
    return { kind: 'fill', quantity, price: order.side === 'buy' ? price.plus(slip) : price.minus(slip), liquidity: 'taker', cancelRest };
  }
  return { kind: 'fill', quantity, price: arrival ? price : (order.limitPrice as Dec), liquidity: arrival ? 'taker' : 'maker', cancelRest };
}

function isImmediate(order: Order): boolean {
  return order.timeInForce === 'IOC' || order.timeInForce === 'FOK';
}

/** When a DAY or GTD order expires (epoch ms), or undefined. DAY ends at the next UTC midnight. */
export function expiryTime(order: Pick<Order, 'timeInForce' | 'expireAt' | 'createdAt'>): number | undefined {
  if (order.timeInForce === 'GTD') return order.expireAt;
  if (order.timeInForce === 'DAY') {
    const d = new Date(order.createdAt);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  }
  return undefined;
}

export { Dec };
