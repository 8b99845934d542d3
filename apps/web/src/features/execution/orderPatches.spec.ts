import { applyFillEvent, applyOrderEvent, inScope, orderMatches, type OrdersArgs } from './orderPatches';
import { fill, order, page } from './testData';

const open: OrdersArgs = { status: 'open', limit: 3, offset: 0 };

describe('order events on a cached page', () => {
  it('replaces an order in place, unless the cached copy is newer', () => {
    const p = page([order('a'), order('b')]);
    applyOrderEvent(p, order('b', { status: 'partially_filled', filledQuantity: '1', updatedAt: '2026-01-01T10:01:00.000Z' }), open);
    expect(p.items[1].filledQuantity).toBe('1');

    applyOrderEvent(p, order('b', { status: 'accepted', filledQuantity: '0', updatedAt: '2026-01-01T10:00:30.000Z' }), open);
    expect(p.items[1].filledQuantity).toBe('1');
  });

  it('drops an order that no longer matches the filter and adds new matches on top of the first page only', () => {
    const p = page([order('a'), order('b'), order('c')]);
    applyOrderEvent(p, order('a', { status: 'cancelled', updatedAt: '2026-01-01T11:00:00.000Z' }), open);
    expect(p.items.map((o) => o.id)).toEqual(['b', 'c']);
    expect(p.total).toBe(2);

    applyOrderEvent(p, order('d'), open);
    applyOrderEvent(p, order('e'), open);
    expect(p.items.map((o) => o.id)).toEqual(['e', 'd', 'b']); // trimmed to the page size
    expect(p.total).toBe(4);

    const second = page([order('x')], { offset: 3 });
    applyOrderEvent(second, order('f'), { ...open, offset: 3 });
    expect(second.items.map((o) => o.id)).toEqual(['x']);
  });

  it('matches status, symbol, side and parent filters', () => {
    expect(orderMatches(order('a', { status: 'filled' }), { ...open, status: 'all' })).toBe(true);
    expect(orderMatches(order('a', { status: 'filled' }), open)).toBe(false);
    expect(orderMatches(order('a'), { ...open, symbol: 'R_50' })).toBe(false);
    expect(orderMatches(order('a', { side: 'sell' }), { ...open, side: 'buy' })).toBe(false);
    expect(orderMatches(order('a', { parentId: 'p' }), { ...open, parentId: 'p' })).toBe(true);
    expect(orderMatches(order('a', { role: 'algo-parent' }), { ...open, role: 'algo-parent' })).toBe(true);
    expect(orderMatches(order('a', { role: 'algo-child' }), { ...open, role: 'algo-parent' })).toBe(false);
  });

  it('takes the events of its account, or of its user while the account is unknown', () => {
    expect(inScope({ ownerId: 'u1', accountId: 'acc-1' }, { userId: 'u1', accountId: 'acc-2' })).toBe(false);
    expect(inScope({ ownerId: 'u2', accountId: 'acc-1' }, { userId: 'u1', accountId: 'acc-1' })).toBe(true);
    expect(inScope({ ownerId: 'u1', accountId: 'acc-9' }, { userId: 'u1', accountId: null })).toBe(true);
    expect(inScope({ ownerId: 'u2', accountId: 'acc-9' }, { userId: 'u1', accountId: null })).toBe(false);
  });
});

describe('fill events on a cached page', () => {
  it('puts a matching new fill on top once', () => {
    const p = page([fill('f1')]);
    const args = { symbol: 'R_100', limit: 50, offset: 0 };
    applyFillEvent(p, fill('f2'), args);
    applyFillEvent(p, fill('f2'), args);
    applyFillEvent(p, fill('f3', { symbol: 'R_50' }), args);
    expect(p.items.map((f) => f.id)).toEqual(['f2', 'f1']);
    expect(p.total).toBe(2);
  });
});
