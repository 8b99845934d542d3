import { setFlagsFromString } from 'node:v8';
import { Dec, parseDecimal } from './decimal';
import { deserializeEvent, serializeEvent, type TradingEvent } from './events';
import { applyFillToPosition, cashAfterFill, emptyPosition, fee, unrealisedPnl } from './ledger';
import { canTransition, IllegalTransitionError } from './order-state-machine';
import { ORDER_STATUSES, type Order, type OrderSpec } from './order-types';
import { expiryTime, matchOrder, nextTrailAnchor, stopLevel, type PaperFillModel } from './paper-matching';
import { checkPreTrade, mergeLimits, type RiskInput } from './risk-checks';
import { TradingState } from './trading-state';

const d = (v: string | number) => new Dec(v);
const spec = (over: Partial<OrderSpec> = {}): OrderSpec => ({
  accountId: 'a1',
  clientOrderId: 'c1',
  symbol: 'R_100',
  side: 'buy',
  type: 'market',
  quantity: d(2),
  timeInForce: 'GTC',
  reduceOnly: false,
  postOnly: false,
  role: 'single',
  ...over,
});
const order = (over: Partial<Order> = {}): Order => ({
  ...spec(),
  id: 'o1',
  status: 'accepted',
  filledQuantity: d(0),
  averagePrice: null,
  feesPaid: d(0),
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  ...over,
});
const model: PaperFillModel = { slippageBps: d(10), liquidityPerTick: d(5), feeBps: d(10), feeFixed: d('0.5'), latencyMs: 0 };

describe('order state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(
      [
        'new>accepted',
        'new>rejected',
        'accepted>partially_filled',
        'accepted>filled',
        'accepted>cancelled',
        'accepted>expired',
        'partially_filled>partially_filled',
        'partially_filled>filled',
        'partially_filled>cancelled',
        'partially_filled>expired',
      ].sort(),
    );
  });
});

describe('ledger', () => {
  it('averages in, realises out, and reopens at the fill price when a position flips', () => {
    let p = emptyPosition('a', 'X');
    p = applyFillToPosition(p, 'buy', d(2), d(100), d(1), 1);
    p = applyFillToPosition(p, 'buy', d(2), d(110), d(1), 2);
    expect(p.quantity.toString()).toBe('4');
    expect(p.averagePrice.toString()).toBe('105');
    p = applyFillToPosition(p, 'sell', d(1), d(120), d(1), 3);
    expect(p.realisedPnl.toString()).toBe('15');
    p = applyFillToPosition(p, 'sell', d(5), d(100), d(1), 4);
    expect(p.realisedPnl.toString()).toBe('0'); // 15 + 3 × (100 − 105)
    expect(p.quantity.toString()).toBe('-2');
    expect(p.averagePrice.toString()).toBe('100');
    expect(unrealisedPnl(p, d(90)).toString()).toBe('20');
    expect(p.feesPaid.toString()).toBe('4');
  });

  it('keeps cash exact in decimals', () => {
    let cash = d('100000');
    for (let i = 0; i < 10; i++) cash = cashAfterFill(cash, 'buy', d('0.1'), d('0.7'), d('0.01'));
    expect(cash.toString()).toBe('99999.2');
    expect(fee(d(3), d(1000), d(10), d('0.5')).toString()).toBe('3.5');
  });
});

describe('event log', () => {
  const events: TradingEvent[] = [
    { type: 'account.opened', accountId: 'a1', at: 0, currency: 'USD', cash: d(1000), ownerId: 'u', name: 'Paper' },
    { type: 'order.created', accountId: 'a1', orderId: 'o1', at: 1, spec: spec({ type: 'limit', limitPrice: d('99.5'), trail: undefined }) },
    { type: 'order.accepted', accountId: 'a1', orderId: 'o1', at: 2 },
    { type: 'order.filled', accountId: 'a1', orderId: 'o1', at: 3, fillId: 'f1', quantity: d(1), price: d('99.5'), fee: d('0.1'), liquidity: 'maker' },
    { type: 'order.filled', accountId: 'a1', orderId: 'o1', at: 4, fillId: 'f2', quantity: d(1), price: d('99'), fee: d('0.1'), liquidity: 'maker' },
  ];

  it('rebuilds orders, positions and cash from the serialised log', () => {
    const stored = events.map((e) => JSON.parse(JSON.stringify(serializeEvent(e))));
    const state = TradingState.rebuild(stored.map((s, i) => ({ sequence: i + 1, event: deserializeEvent(s) })));
    const o = state.orders.get('o1')!;
    expect(o.status).toBe('filled');
    expect(o.averagePrice!.toString()).toBe('99.25');
    expect(state.accounts.get('a1')!.cash.toString()).toBe('801.3');
    expect(state.position('a1', 'R_100').quantity.toString()).toBe('2');
    expect(state.fillCount).toBe(2);
    expect(state.openOrders()).toHaveLength(0);
    expect(state.orderByClientId('a1', 'c1')).toBe(o);
  });

  it('refuses a log that breaks the state machine or repeats a fill', () => {
    const state = TradingState.rebuild(events.slice(0, 3).map((event, i) => ({ sequence: i + 1, event })));
    state.apply(events[3], 4);
    expect(() => state.apply(events[3], 5)).toThrow(/applied twice/);
    const rejected = TradingState.rebuild(events.slice(0, 2).map((event, i) => ({ sequence: i + 1, event })));
    rejected.apply({ type: 'order.rejected', accountId: 'a1', orderId: 'o1', at: 2, check: 'x', reason: 'y' }, 3);
    expect(() => rejected.apply(events[2], 4)).toThrow(IllegalTransitionError);
  });

  it("finds an account's recent orders newest first, without rejected ones or other accounts'", () => {
    const state = TradingState.rebuild(events.slice(0, 1).map((event, i) => ({ sequence: i + 1, event })));
    let seq = 1;
    const place = (accountId: string, orderId: string, at: number, reject = false) => {
      state.apply({ type: 'order.created', accountId, orderId, at, spec: spec({ accountId, clientOrderId: orderId }) }, ++seq);
      if (reject) state.apply({ type: 'order.rejected', accountId, orderId, at, check: 'x', reason: 'y' }, ++seq);
    };
    place('a1', 'old', 100);
    place('a1', 'mid', 200);
    place('a2', 'other', 250);
    place('a1', 'refused', 260, true);
    place('a1', 'new', 300);
    expect(state.recentOrders('a1', 200).map((o) => o.id)).toEqual(['new', 'mid']);
    expect(state.recentOrders('a1', 301)).toEqual([]);
    expect(state.recentOrders('nobody', 0)).toEqual([]);
  });

  it('gives every order one V8 map, whatever its spec, also after rejection fields are set', () => {
    // The execution service holds many orders: per-order maps cost a map and descriptor array each,
    // which only a full collection frees (see newOrder in trading-state.ts).
    setFlagsFromString('--allow-natives-syntax');
    const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const state = TradingState.rebuild(events.slice(0, 1).map((event, i) => ({ sequence: i + 1, event })));
    state.apply({ type: 'order.created', accountId: 'a1', orderId: 'm1', at: 1, spec: spec({ clientOrderId: 'm1' }) }, 2);
    state.apply({ type: 'order.created', accountId: 'a1', orderId: 'l1', at: 1, spec: spec({ clientOrderId: 'l1', type: 'limit', limitPrice: d(99), tag: 's1' }) }, 3);
    state.apply({ type: 'order.created', accountId: 'a1', orderId: 'r1', at: 1, spec: { ...spec({ clientOrderId: 'r1' }), bracket: { takeProfit: d(110) } } }, 4);
    state.apply({ type: 'order.rejected', accountId: 'a1', orderId: 'r1', at: 2, check: 'x', reason: 'y' }, 5);
    const [m1, l1, r1] = ['m1', 'l1', 'r1'].map((id) => state.orders.get(id)!);
    expect(haveSameMap(m1, l1)).toBe(true);
    expect(haveSameMap(m1, r1)).toBe(true);
    expect(r1.rejectReason).toBe('y');
  });
});

describe('pre-trade risk checks', () => {
  const base = (over: Partial<RiskInput> = {}): RiskInput => ({
    spec: spec(),
    lastPrice: d(1000),
    limits: {},
    halted: false,
    position: d(0),
    openOrders: [],
    grossExposure: d(0),
    dailyPnl: d(0),
    recentOrders: [],
    now: 10_000,
    ...over,
  });

  it.each([
    ['platform-halt', { halted: true }],
    ['max-order-quantity', { limits: { maxOrderQuantity: d(1) } }],
    ['max-order-notional', { limits: { maxOrderNotional: d(1999) } }],
    ['price-collar', { spec: spec({ type: 'limit', limitPrice: d(800) }), limits: { priceCollarPct: d('0.1') } }],
    ['max-position', { position: d(9), limits: { maxPosition: d(10) } }],
    ['max-gross-exposure', { grossExposure: d(9000), limits: { maxGrossExposure: d(10000) } }],
    ['max-open-orders', { openOrders: [order()], limits: { maxOpenOrders: 1 } }],
    ['max-daily-loss', { dailyPnl: d(-500), limits: { maxDailyLoss: d(500) } }],
    ['duplicate-order', { recentOrders: [{ ...order({ clientOrderId: 'other', createdAt: 9_900 }) }], limits: { duplicateWindowMs: 500 } }],
    ['reduce-only', { spec: spec({ reduceOnly: true }) }],
    ['no-price', { lastPrice: undefined }],
  ] as const)('%s refuses and says why', (check, over) => {
    const decision = checkPreTrade(base(over as Partial<RiskInput>));
    expect(decision).toMatchObject({ ok: false, check });
    expect((decision as { reason: string }).reason.length).toBeGreaterThan(10);
  });

  it('lets a position-reducing order through the daily-loss and exposure limits', () => {
    const input = base({ spec: spec({ side: 'sell' }), position: d(5), dailyPnl: d(-600), grossExposure: d(20000), limits: { maxDailyLoss: d(500), maxGrossExposure: d(10000) } });
    expect(checkPreTrade(input)).toEqual({ ok: true });
  });

  it('passes an order inside every limit; instrument limits override account ones', () => {
    const limits = mergeLimits({ maxOrderQuantity: d(1), priceCollarPct: d('0.1') }, { maxOrderQuantity: d(5), priceCollarPct: undefined });
    expect(limits.maxOrderQuantity!.toString()).toBe('5');
    expect(checkPreTrade(base({ limits }))).toEqual({ ok: true });
  });
});

describe('paper matching', () => {
  it('fills a market order at the last price plus slippage, capped by the liquidity per tick', () => {
    const m = matchOrder(order({ quantity: d(8) }), d(1000), model, true);
    expect(m).toEqual({ kind: 'fill', quantity: d(5), price: d(1001), liquidity: 'taker', cancelRest: undefined });
  });

  it('takes the market price for a marketable limit on arrival and its own price when crossed later', () => {
    const limit = order({ type: 'limit', limitPrice: d(1000) });
    expect(matchOrder(limit, d(990), model, true)).toMatchObject({ kind: 'fill', price: d(990), liquidity: 'taker' });
    expect(matchOrder(limit, d(1001), model, false)).toEqual({ kind: 'none' });
    expect(matchOrder(limit, d(990), model, false)).toMatchObject({ kind: 'fill', price: d(1000), liquidity: 'maker' });
  });

  it('triggers a stop when touched, and trails a trailing stop from the best price', () => {
    const stop = order({ side: 'sell', type: 'stop', stopPrice: d(950) });
    expect(matchOrder(stop, d(960), model, false)).toEqual({ kind: 'none' });
    expect(matchOrder(stop, d(950), model, false)).toEqual({ kind: 'trigger' });
    expect(matchOrder({ ...stop, triggeredAt: 1 }, d(950), model, true)).toMatchObject({ kind: 'fill', price: d('949.05') });
    const trail = order({ side: 'sell', type: 'trailing-stop', trail: { percent: d('0.05') }, trailAnchor: d(1000) });
    const anchored = { ...trail, trailAnchor: nextTrailAnchor(trail, d(1100)) };
    expect(stopLevel(anchored)!.toString()).toBe('1045');
    expect(matchOrder(anchored, d(1046), model, false)).toEqual({ kind: 'none' });
    expect(matchOrder(anchored, d(1045), model, false)).toEqual({ kind: 'trigger' });
  });

  it('expires FOK that cannot fill whole and IOC that cannot trade, cancels the IOC remainder', () => {
    expect(matchOrder(order({ timeInForce: 'FOK', quantity: d(6) }), d(1000), model, true)).toMatchObject({ kind: 'expire' });
    expect(matchOrder(order({ timeInForce: 'FOK', quantity: d(5) }), d(1000), model, true)).toMatchObject({ kind: 'fill', quantity: d(5) });
    expect(matchOrder(order({ type: 'limit', limitPrice: d(900), timeInForce: 'IOC' }), d(1000), model, true)).toMatchObject({ kind: 'expire' });
    expect(matchOrder(order({ timeInForce: 'IOC', quantity: d(7) }), d(1000), model, true)).toMatchObject({ kind: 'fill', quantity: d(5), cancelRest: 'IOC: 2 not filled on arrival' });
  });

  it('ends DAY orders at the next UTC midnight and GTD at their time', () => {
    expect(expiryTime({ timeInForce: 'DAY', createdAt: Date.UTC(2026, 0, 5, 13), expireAt: undefined })).toBe(Date.UTC(2026, 0, 6));
    expect(expiryTime({ timeInForce: 'GTD', createdAt: 0, expireAt: 42 })).toBe(42);
    expect(expiryTime({ timeInForce: 'GTC', createdAt: 0, expireAt: undefined })).toBeUndefined();
  });
});

describe('parseDecimal', () => {
  it('accepts decimal strings and numbers, refuses the rest', () => {
    expect(parseDecimal('1.50')!.toString()).toBe('1.5');
    expect(parseDecimal(2)!.toString()).toBe('2');
    for (const bad of ['abc', '1,5', '', 'NaN', 'Infinity', null, {}]) expect(parseDecimal(bad)).toBeNull();
  });
});
