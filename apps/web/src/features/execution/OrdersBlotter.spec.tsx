import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CancelReport, OrderView } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { OrdersBlotter } from './OrdersBlotter';
import { OWNER, order, page, tradingFrame } from './testData';

afterEach(() => jest.restoreAllMocks());

const stopOrder = order('o-2', {
  side: 'sell',
  type: 'stop',
  limitPrice: null,
  stopPrice: '1100',
  status: 'partially_filled',
  filledQuantity: '1',
  averagePrice: '1101.25',
  timeInForce: 'DAY',
  tag: 'strat-a',
  createdAt: '2026-01-01T09:00:00.000Z',
});

/** A fake order book: the open orders list reflects cancels and amends. */
function gateway(initial: OrderView[] = [order('o-1'), stopOrder]) {
  let orders = initial;
  const calls = fakeGateway({
    'GET /api/orders/status': () => ({ body: page(orders.filter((o) => ['new', 'accepted', 'partially_filled'].includes(o.status))) }),
    'POST /api/executions/cancel': (_req, body) => {
      const { scope, id } = body as { scope: string; id?: string };
      const hit = orders.filter((o) => scope === 'all' || o.id === id);
      orders = orders.filter((o) => !hit.includes(o));
      const report: CancelReport = { cancelled: hit.map((o) => ({ ...o, status: 'cancelled' })), skipped: scope === 'all' ? [{ id: 'o-9', reason: 'already filled' }] : [] };
      return { body: report };
    },
    'POST /api/orders/amend': (_req, body) => {
      const { id, limitPrice } = body as { id: string; limitPrice: string };
      orders = orders.map((o) => (o.id === id ? { ...o, limitPrice, updatedAt: '2026-01-01T10:05:00.000Z' } : o));
      return { body: orders.find((o) => o.id === id) };
    },
  });
  return { calls, posts: (key: string) => calls.filter((c) => c.key === key).map((c) => c.body) };
}

describe('OrdersBlotter', () => {
  it('lists the open orders with their fills, prices, status, TIF and tag', async () => {
    const { calls } = gateway();
    renderWithStore(<OrdersBlotter />, { session: sessionAs('trader') });

    const stop = await screen.findByTestId('order-row-o-2');
    const cells = [...stop.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(1, 10)).toEqual(['R_100', 'sell', 'stop', '2', '1 @ 1,101.25', 'S 1,100', 'partially filled', 'DAY', 'strat-a']);
    expect(within(screen.getByTestId('order-row-o-1')).getByText('L 1,234.5')).toBeTruthy();
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ status: 'open', limit: '50', offset: '0' });
  });

  it('cancels one order through the API and drops it from the list', async () => {
    const { posts } = gateway();
    renderWithStore(<OrdersBlotter />, { session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('cancel-o-1'));

    expect((await screen.findByTestId('cancel-report')).textContent).toContain('Cancelled 1 order');
    expect(posts('POST /api/executions/cancel')).toEqual([{ scope: 'order', id: 'o-1' }]);
    await waitFor(() => expect(screen.queryByTestId('order-row-o-1')).toBeNull());
    expect(screen.getByTestId('order-row-o-2')).toBeTruthy();
  });

  it('cancels everything only after a confirmation, and reports what was skipped', async () => {
    const { posts } = gateway();
    renderWithStore(<OrdersBlotter />, { session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('cancel-all'));
    const dialog = screen.getByRole('dialog', { name: 'Cancel all orders' });
    expect(dialog.textContent).toContain('2 open now');
    expect(posts('POST /api/executions/cancel')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect((await screen.findByTestId('cancel-report')).textContent).toContain('Cancelled 2 orders; 1 skipped (already filled)');
    expect(posts('POST /api/executions/cancel')).toEqual([{ scope: 'all' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('No open orders')).toBeTruthy();
  });

  it('amends the limit price inline', async () => {
    const { posts } = gateway();
    renderWithStore(<OrdersBlotter />, { session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('amend-open-o-1'));
    fireEvent.change(screen.getByTestId('amend-limit-o-1'), { target: { value: '1240' } });
    fireEvent.click(screen.getByTestId('amend-save-o-1'));

    await waitFor(() => expect(posts('POST /api/orders/amend')).toEqual([{ id: 'o-1', limitPrice: '1240' }]));
    expect(await within(screen.getByTestId('order-row-o-1')).findByText('L 1,240')).toBeTruthy();
  });

  it('keeps the list live: a filled order leaves it, a new one of the account comes on top, others are ignored', async () => {
    gateway();
    const { live } = renderWithStore(<OrdersBlotter />, { session: sessionAs('trader') });
    await screen.findByTestId('order-row-o-1');
    await waitFor(() => expect(live.listenerCount('trading')).toBe(1));

    act(() => {
      live.deliver(tradingFrame({ kind: 'order', ownerId: OWNER, order: order('o-1', { status: 'filled', filledQuantity: '2', updatedAt: '2026-01-01T10:01:00.000Z' }) }));
      live.deliver(tradingFrame({ kind: 'order', ownerId: OWNER, order: order('o-3', { symbol: 'R_50', createdAt: '2026-01-01T10:02:00.000Z' }) }));
      live.deliver(tradingFrame({ kind: 'order', ownerId: 'u-other', order: order('o-4', { accountId: 'acc-other' }) }));
    });

    await waitFor(() => expect(screen.queryByTestId('order-row-o-1')).toBeNull());
    const rows = screen.getAllByTestId(/^order-row-/).map((r) => r.getAttribute('data-testid'));
    expect(rows).toEqual(['order-row-o-3', 'order-row-o-2']);
  });

  it('shows viewers the orders without the trading buttons', async () => {
    gateway();
    renderWithStore(<OrdersBlotter />, { session: sessionAs('viewer') });
    await screen.findByTestId('order-row-o-1');
    expect(screen.queryByTestId('cancel-o-1')).toBeNull();
    expect(screen.queryByTestId('cancel-all')).toBeNull();
  });
});
