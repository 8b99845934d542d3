/**
 * Test helpers for the rule language (not exported by the library): a seeded price series and a
 * minimal engine that drives a strategy the way the SDK describes (decisions at a bar's close,
 * market orders filled at the next bar's open, stop and limit orders when a bar trades through).
 */
import type { OpenOrderView, OrderIntent, SeriesView, Strategy, StrategyContext } from '../sdk';
import type { Expr } from './ast';

/** mulberry32: small, seeded, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Bars {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** A geometric random walk with gaps and wicks (low <= open, close <= high). */
export function randomBars(length: number, seed: number, start = 100, volatility = 0.01): Bars {
  const random = seededRandom(seed);
  const bars: Bars = {
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
  let price = start;
  for (let i = 0; i < length; i++) {
    const open = price * (1 + (random() - 0.5) * volatility * 0.5);
    const close = open * (1 + (random() - 0.5) * 2 * volatility);
    bars.time[i] = 1_700_000_000_000 + i * 60_000;
    bars.open[i] = open;
    bars.close[i] = close;
    bars.high[i] = Math.max(open, close) * (1 + random() * volatility * 0.5);
    bars.low[i] = Math.min(open, close) * (1 - random() * volatility * 0.5);
    bars.volume[i] = Math.round(1000 + random() * 1000);
    price = close;
  }
  return bars;
}

/** Removes the spans of a tree, to compare trees parsed from different texts. */
export function withoutSpans(expr: Expr): unknown {
  switch (expr.kind) {
    case 'number':
      return { kind: 'number', value: expr.value };
    case 'param':
      return { kind: 'param', name: expr.name };
    case 'field':
      return { kind: 'field', field: expr.field };
    case 'call':
      return { kind: 'call', callee: expr.callee, args: expr.args.map(withoutSpans) };
    case 'unary':
      return { kind: 'unary', operator: expr.operator, operand: withoutSpans(expr.operand) };
    case 'binary':
      return { kind: 'binary', operator: expr.operator, left: withoutSpans(expr.left), right: withoutSpans(expr.right) };
  }
}

interface PendingOrder extends OpenOrderView {
  readonly placedAt: number;
}

export interface EngineLogEntry {
  readonly bar: number;
  readonly intent: OrderIntent;
}

export interface Fill {
  readonly bar: number;
  readonly side: 'buy' | 'sell';
  readonly quantity: number;
  readonly price: number;
  readonly type: OpenOrderView['type'];
  readonly tag?: string;
}

/** Drives `strategy` over one symbol's bars; returns every intent and fill. */
export function runOnBars(strategy: Strategy, symbol: string, bars: Bars, initialCash = 100_000): { intents: EngineLogEntry[]; fills: Fill[] } {
  const intents: EngineLogEntry[] = [];
  const fills: Fill[] = [];
  let current = -1;
  let position = 0;
  let averagePrice = NaN;
  let cash = initialCash;
  let nextId = 1;
  let orders: PendingOrder[] = [];

  const view: SeriesView = {
    symbol,
    get length() {
      return current + 1;
    },
    time: (ago = 0) => bars.time[current - ago],
    open: (ago = 0) => bars.open[current - ago],
    high: (ago = 0) => bars.high[current - ago],
    low: (ago = 0) => bars.low[current - ago],
    close: (ago = 0) => bars.close[current - ago],
    volume: (ago = 0) => bars.volume[current - ago],
  };
  const ctx: StrategyContext = {
    get time() {
      return bars.time[current];
    },
    get barIndex() {
      return current;
    },
    symbols: [symbol],
    series: (s) => (s === symbol && current >= 0 ? view : undefined),
    position: (s) => (s === symbol ? position : 0),
    averagePrice: (s) => (s === symbol && position !== 0 ? averagePrice : NaN),
    get cash() {
      return cash;
    },
    get equity() {
      return cash + position * bars.close[current];
    },
    openOrders: (s) => (s === undefined || s === symbol ? orders : []),
  };

  const fill = (order: PendingOrder, price: number) => {
    const signed = order.side === 'buy' ? order.quantity : -order.quantity;
    const next = position + signed;
    if (position === 0 || Math.sign(next) === Math.sign(position)) {
      if (Math.abs(next) > Math.abs(position)) averagePrice = position === 0 ? price : (averagePrice * position + price * signed) / next;
    }
    position = Math.abs(next) < 1e-12 ? 0 : next;
    if (position === 0) averagePrice = NaN;
    cash -= signed * price;
    fills.push({ bar: current, side: order.side, quantity: order.quantity, price, type: order.type, ...(order.tag !== undefined ? { tag: order.tag } : {}) });
  };

  strategy.init?.(ctx);
  for (current = 0; current < bars.close.length; current++) {
    // Orders from the previous close: market at this open, stops and limits when traded through.
    const remaining: PendingOrder[] = [];
    for (const order of orders) {
      const o = bars.open[current];
      if (order.type === 'market') fill(order, o);
      else if (order.type === 'stop' && order.stopPrice !== undefined) {
        const hit = order.side === 'sell' ? bars.low[current] <= order.stopPrice : bars.high[current] >= order.stopPrice;
        if (hit) fill(order, order.side === 'sell' ? Math.min(o, order.stopPrice) : Math.max(o, order.stopPrice));
        else remaining.push(order);
      } else if (order.type === 'limit' && order.limitPrice !== undefined) {
        const hit = order.side === 'sell' ? bars.high[current] >= order.limitPrice : bars.low[current] <= order.limitPrice;
        if (hit) fill(order, order.side === 'sell' ? Math.max(o, order.limitPrice) : Math.min(o, order.limitPrice));
        else remaining.push(order);
      }
    }
    orders = remaining;
    const answer = strategy.onBar(ctx) ?? [];
    for (const intent of answer) {
      intents.push({ bar: current, intent });
      if (intent.kind === 'cancel') orders = orders.filter((o) => o.id !== intent.orderId);
      else if (intent.kind === 'cancel-all') orders = [];
      else if (intent.kind === 'market' || intent.kind === 'stop' || intent.kind === 'limit') {
        orders.push({
          id: String(nextId++),
          symbol,
          side: intent.side,
          type: intent.kind,
          quantity: intent.quantity,
          ...(intent.kind === 'stop' ? { stopPrice: intent.stopPrice } : {}),
          ...(intent.kind === 'limit' ? { limitPrice: intent.limitPrice } : {}),
          ...(intent.tag !== undefined ? { tag: intent.tag } : {}),
          placedAt: current,
        });
      }
    }
  }
  return { intents, fills };
}
