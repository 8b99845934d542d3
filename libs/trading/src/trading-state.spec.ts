import { Dec } from './decimal';
import type { TradingEvent } from './events';
import type { OrderSpec } from './order-types';
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

/** Applies events with increasing sequences and times (each event one ms after the one before). */
function feed(state: TradingState, events: TradingEvent[]): void {
  for (const event of events) {
    const sequence = state.lastSequence + 1;
    state.apply({ ...event, at: sequence } as TradingEvent, sequence);
  }
}

const created = (orderId: string, over: Partial<OrderSpec> = {}): TradingEvent[] => [
  { type: 'order.created', accountId: 'a1', orderId, at: 0, spec: spec({ clientOrderId: `c-${orderId}`, ...over }) },
  { type: 'order.accepted', accountId: 'a1', orderId, at: 0 },
];
const filled = (orderId: string, quantity: string | number, price = '100', fillId = `f-${orderId}-${quantity}`): TradingEvent => ({
  type: 'order.filled',
  accountId: 'a1',
  orderId,
  at: 0,
  fillId,
  quantity: d(quantity),
  price: d(price),
  fee: d(0),
  liquidity: 'taker',
});
const cancelled = (orderId: string): TradingEvent => ({ type: 'order.cancelled', accountId: 'a1', orderId, at: 0, reason: 'test' });
const everything = { finishedBefore: Number.MAX_SAFE_INTEGER, persistedThrough: Number.MAX_SAFE_INTEGER };

describe('TradingState eviction of finished orders', () => {
  it('drops finished orders but keeps open ones, positions, cash and the client order ids', () => {
    const state = new TradingState();
    feed(state, [{ type: 'account.opened', accountId: 'a1', at: 0, currency: 'USD', cash: d(1000), ownerId: 'u1', name: 'Paper' }]);
    feed(state, [...created('o1'), filled('o1', 2), ...created('o2'), ...created('o3', { type: 'limit', limitPrice: d(90) }), cancelled('o2')]);
    const cash = state.accounts.get('a1')?.cash;

    expect(state.evict(everything)).toBe(2);
    expect([...state.orders.keys()]).toEqual(['o3']);
    expect(state.openOrders().map((o) => o.id)).toEqual(['o3']);
    expect(state.orderByClientId('a1', 'c-o1')).toBeUndefined();
    expect(state.wasEvicted('a1', 'c-o1')).toBe(true);
    expect(state.wasEvicted('a1', 'c-o3')).toBe(false);
    expect(state.position('a1', 'R_100').quantity.equals(d(2))).toBe(true);
    expect(state.accounts.get('a1')?.cash.equals(cash as Dec)).toBe(true);
    expect(state.fillCount).toBe(1);
    expect(state.evictedOrders).toBe(2);
  });

  it('keeps what the read model does not have yet, and what finished too recently', () => {
    const state = new TradingState();
    feed(state, [...created('o1'), cancelled('o1'), ...created('o2'), cancelled('o2')]);
    // o1's events are sequences 1–3, o2's 4–6: only o1 is recorded in the read model.
    expect(state.evict({ finishedBefore: Number.MAX_SAFE_INTEGER, persistedThrough: 3 })).toBe(1);
    expect([...state.orders.keys()]).toEqual(['o2']);
    // o2 finished at time 6: not yet "before" 6.
    expect(state.evict({ finishedBefore: 6, persistedThrough: 6 })).toBe(0);
    expect(state.evict({ finishedBefore: 7, persistedThrough: 6 })).toBe(1);
    expect(state.orders.size).toBe(0);
  });

  it('keeps an algorithm and its finished slices together until the whole family is finished', () => {
    const state = new TradingState();
    feed(state, [...created('p', { role: 'algo-parent', quantity: d(2) }), ...created('s1', { parentId: 'p', role: 'algo-child', quantity: d(1) }), filled('s1', 1), filled('p', 1, '100', 'f-s1:parent')]);
    expect(state.evict(everything)).toBe(0);
    expect(state.childrenOf('p').map((o) => o.id)).toEqual(['s1']);
    feed(state, [...created('s2', { parentId: 'p', role: 'algo-child', quantity: d(1) }), filled('s2', 1), filled('p', 1, '100', 'f-s2:parent')]);
    expect(state.orders.get('p')?.status).toBe('filled');
    expect(state.evict(everything)).toBe(3);
    expect(state.orders.size).toBe(0);
    // The parent's mirrored fills moved no money: only the slices count.
    expect(state.fillCount).toBe(2);
  });

  it('reopens a filled bracket entry when its exits are created, and evicts it only with them', () => {
    const state = new TradingState();
    feed(state, [...created('e', { role: 'bracket-entry' }), filled('e', 2), ...created('tp', { parentId: 'e', role: 'take-profit', side: 'sell', type: 'limit', limitPrice: d(110), linkedOrderId: 'sl' })]);
    feed(state, created('sl', { parentId: 'e', role: 'stop-loss', side: 'sell', type: 'stop', stopPrice: d(90), linkedOrderId: 'tp' }));
    expect(state.evict(everything)).toBe(0);
    feed(state, [filled('tp', 2, '110'), cancelled('sl')]);
    expect(state.evict(everything)).toBe(3);
    expect(state.position('a1', 'R_100').quantity.isZero()).toBe(true);
  });

  it('leaves families the rule says to keep', () => {
    const state = new TradingState();
    feed(state, [...created('o1'), cancelled('o1')]);
    expect(state.evict({ ...everything, evictable: () => false })).toBe(0);
    expect(state.orders.has('o1')).toBe(true);
  });

  it('refuses a fill applied twice to the same order, and keeps per-tag books across eviction', () => {
    const state = new TradingState();
    feed(state, [...created('o1', { tag: 's1', quantity: d(3) }), filled('o1', 1, '100', 'x')]);
    expect(() => feed(state, [filled('o1', 1, '100', 'x')])).toThrow(/applied twice/);
    feed(state, [filled('o1', 2, '130', 'y'), ...created('o2', { tag: 's1', side: 'sell', quantity: d(1) }), filled('o2', 1, '140', 'z')]);
    state.evict(everything);
    expect(state.orders.size).toBe(0);
    const book = state.tagBook('s1', 'R_100');
    expect(book?.buyQuantity.equals(d(3))).toBe(true);
    expect(book?.buyNotional.equals(d(360))).toBe(true);
    expect(book?.sellQuantity.equals(d(1))).toBe(true);
    expect(book?.sellNotional.equals(d(140))).toBe(true);
  });

  it('finds recent orders for the duplicate window after older ones were evicted', () => {
    const state = new TradingState();
    feed(state, [...created('o1'), cancelled('o1'), ...created('o2'), cancelled('o2'), ...created('o3')]);
    state.evict({ finishedBefore: 4, persistedThrough: 100 });
    expect(state.recentOrders('a1', 0).map((o) => o.id)).toEqual(['o3', 'o2']);
  });
});
