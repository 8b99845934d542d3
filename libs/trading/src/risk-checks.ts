import { Dec, ZERO } from './decimal';
import { remaining, signedQuantity, type Order, type OrderSpec } from './order-types';

/** Pre-trade limits of an account, optionally narrowed per instrument. Absent = not checked. */
export interface RiskLimits {
  maxOrderQuantity?: Dec;
  maxOrderNotional?: Dec;
  /** Fat-finger collar: the largest distance of a limit or stop price from the last price (0.1 = 10 %). */
  priceCollarPct?: Dec;
  /** Largest absolute position after the order, counting open orders on the same side. */
  maxPosition?: Dec;
  maxGrossExposure?: Dec;
  maxOpenOrders?: number;
  /** Loss since the start of the UTC day beyond which only position-reducing orders pass. */
  maxDailyLoss?: Dec;
  /** A second order with the same symbol, side, type, quantity and price within this window is refused. */
  duplicateWindowMs?: number;
}

export const RISK_CHECKS = [
  'platform-halt',
  'reduce-only',
  'max-order-quantity',
  'max-order-notional',
  'price-collar',
  'max-position',
  'max-gross-exposure',
  'max-open-orders',
  'max-daily-loss',
  'duplicate-order',
  'no-price',
  'post-only',
] as const;
export type RiskCheck = (typeof RISK_CHECKS)[number];

export interface RiskInput {
  spec: OrderSpec;
  /** The last traded price of the symbol, if the venue has one. */
  lastPrice: Dec | undefined;
  limits: RiskLimits;
  halted: boolean;
  /** Signed position of the account in the symbol. */
  position: Dec;
  /** Open orders of the account (all symbols). */
  openOrders: readonly Order[];
  /** Gross exposure of the account now, marked to last prices. */
  grossExposure: Dec;
  /** Equity change since the start of the UTC day (negative = loss). */
  dailyPnl: Dec;
  /** Orders of the account created recently (for the duplicate window). */
  recentOrders: readonly Pick<Order, 'symbol' | 'side' | 'type' | 'quantity' | 'limitPrice' | 'stopPrice' | 'createdAt' | 'clientOrderId'>[];
  now: number;
}

export type RiskDecision = { ok: true } | { ok: false; check: RiskCheck; reason: string };

const refuse = (check: RiskCheck, reason: string): RiskDecision => ({ ok: false, check, reason });

/** Whether the order can only shrink the position (it is on the other side and not larger than it). */
export function reducesPosition(position: Dec, side: 'buy' | 'sell', quantity: Dec): boolean {
  if (position.isZero()) return false;
  const opposite = position.isNegative() ? side === 'buy' : side === 'sell';
  return opposite && quantity.lessThanOrEqualTo(position.abs());
}

/**
 * The pre-trade checks in a fixed order; the first that refuses names itself and says why.
 * Pure: the caller gathers the inputs under its per-account lock, so two orders cannot both pass
 * a limit that only one of them fits under.
 */
export function checkPreTrade(input: RiskInput): RiskDecision {
  const { spec, limits, lastPrice } = input;
  if (input.halted) return refuse('platform-halt', 'Trading is halted (emergency stop); only an admin can resume it');
  const reducing = reducesPosition(input.position, spec.side, spec.quantity);
  if (spec.reduceOnly && !reducing) {
    return refuse('reduce-only', `A reduce-only ${spec.side} of ${spec.quantity} would not reduce the position of ${input.position}`);
  }
  if (limits.maxOrderQuantity && spec.quantity.greaterThan(limits.maxOrderQuantity)) {
    return refuse('max-order-quantity', `Quantity ${spec.quantity} is above the limit of ${limits.maxOrderQuantity}`);
  }
  const referencePrice = spec.limitPrice ?? spec.stopPrice ?? lastPrice;
  if (!referencePrice) return refuse('no-price', `${spec.symbol} has no last price yet, so a ${spec.type} order cannot be valued`);
  const notional = spec.quantity.times(referencePrice);
  if (limits.maxOrderNotional && notional.greaterThan(limits.maxOrderNotional)) {
    return refuse('max-order-notional', `Notional ${notional.toDecimalPlaces(2)} is above the limit of ${limits.maxOrderNotional}`);
  }
  if (limits.priceCollarPct && lastPrice && !lastPrice.isZero()) {
    for (const [name, price] of [['limit price', spec.limitPrice], ['stop price', spec.stopPrice]] as const) {
      if (!price) continue;
      const distance = price.minus(lastPrice).abs().div(lastPrice);
      if (distance.greaterThan(limits.priceCollarPct)) {
        return refuse(
          'price-collar',
          `The ${name} ${price} is ${distance.times(100).toDecimalPlaces(2)} % from the last price ${lastPrice}; the collar allows ${limits.priceCollarPct.times(100)} %`,
        );
      }
    }
  }
  const sameSymbol = input.openOrders.filter((o) => o.symbol === spec.symbol && o.side === spec.side && o.role !== 'algo-parent');
  if (limits.maxPosition && !reducing) {
    const pending = sameSymbol.reduce((sum, o) => sum.plus(remaining(o)), ZERO);
    const worst = input.position.plus(signedQuantity(spec.side, pending.plus(spec.quantity))).abs();
    if (worst.greaterThan(limits.maxPosition)) {
      return refuse('max-position', `The position could reach ${worst} (now ${input.position}, open ${pending}, this ${spec.quantity}); the limit is ${limits.maxPosition}`);
    }
  }
  if (limits.maxGrossExposure && !reducing) {
    const after = input.grossExposure.plus(notional);
    if (after.greaterThan(limits.maxGrossExposure)) {
      return refuse('max-gross-exposure', `Gross exposure would reach ${after.toDecimalPlaces(2)}; the limit is ${limits.maxGrossExposure}`);
    }
  }
  if (limits.maxOpenOrders !== undefined) {
    const open = input.openOrders.filter((o) => o.role !== 'algo-parent').length;
    if (open >= limits.maxOpenOrders) return refuse('max-open-orders', `The account has ${open} open orders; the limit is ${limits.maxOpenOrders}`);
  }
  if (limits.maxDailyLoss && input.dailyPnl.negated().greaterThanOrEqualTo(limits.maxDailyLoss) && !reducing) {
    return refuse('max-daily-loss', `Today's loss of ${input.dailyPnl.negated().toDecimalPlaces(2)} reached the limit of ${limits.maxDailyLoss}; only orders that reduce a position pass`);
  }
  if (limits.duplicateWindowMs) {
    const since = input.now - limits.duplicateWindowMs;
    const twin = input.recentOrders.find(
      (o) =>
        o.createdAt >= since &&
        o.clientOrderId !== spec.clientOrderId &&
        o.symbol === spec.symbol &&
        o.side === spec.side &&
        o.type === spec.type &&
        o.quantity.equals(spec.quantity) &&
        sameOptional(o.limitPrice, spec.limitPrice) &&
        sameOptional(o.stopPrice, spec.stopPrice),
    );
    if (twin) return refuse('duplicate-order', `An identical order (${twin.clientOrderId}) was placed ${input.now - twin.createdAt} ms ago; the duplicate window is ${limits.duplicateWindowMs} ms`);
  }
  return { ok: true };
}

function sameOptional(a: Dec | undefined, b: Dec | undefined): boolean {
  return a === undefined ? b === undefined : b !== undefined && a.equals(b);
}

/** Merges the account-wide limits with the instrument's own (the instrument's win where set). */
export function mergeLimits(accountWide: RiskLimits | undefined, instrument: RiskLimits | undefined): RiskLimits {
  return { ...(accountWide ?? {}), ...Object.fromEntries(Object.entries(instrument ?? {}).filter(([, v]) => v !== undefined)) };
}

export { Dec };
