import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { instrument, quote, quotes } from '../markets/testData';
import { fill, order, page } from './testData';

afterEach(() => jest.restoreAllMocks());

const twap = order('p-1', {
  type: 'algo',
  role: 'algo-parent',
  quantity: '10',
  limitPrice: null,
  status: 'partially_filled',
  filledQuantity: '4',
  algo: {
    kind: 'twap',
    durationSec: 600,
    slices: 10,
    progress: { kind: 'twap', childrenPlaced: 4, childrenPlanned: 10, filledQuantity: '4', percentDone: 40, nextChildAt: null, state: 'running' },
  },
});

function gateway(role: 'viewer' | 'trader') {
  return fakeGateway({
    'GET /api/auth/me': { body: sessionAs(role).user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [instrument('R_100')] },
    'GET /api/markets/live-data': { body: quotes(quote('R_100', 1234.5)) },
    'GET /api/orders/status': (req) => {
      const url = new URL(req.url);
      if (url.searchParams.get('parentId')) return { body: page([order('c-1', { role: 'algo-child', parentId: 'p-1', type: 'market', limitPrice: null, status: 'filled' })]) };
      if (url.searchParams.get('role') === 'algo-parent') return { body: page([twap]) };
      return { body: page([order('o-1'), twap]) };
    },
    'GET /api/executions/history': { body: page([fill('f-1')]) },
    'POST /api/executions/cancel': { body: { cancelled: [{ ...twap, status: 'cancelled' }], skipped: [] } },
  });
}

describe('Execution page', () => {
  it('opens on the ticket and the open orders, and switches tabs by absolute links', async () => {
    gateway('trader');
    renderWithStore(<AppRoutes />, { route: '/execution', session: sessionAs('trader') });

    // the page is a lazy chunk: the first render waits for its module
    expect(await screen.findByTestId('ticket-submit', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId('order-row-o-1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Fills' }).getAttribute('href')).toBe('/execution/fills');

    fireEvent.click(screen.getByRole('link', { name: 'Fills' }));
    expect(await screen.findByTestId('fill-row-f-1')).toBeTruthy();
  });

  it('shows algorithm progress, its slices, and cancels the parent after a confirmation', async () => {
    const calls = gateway('trader');
    renderWithStore(<AppRoutes />, { route: '/execution/algos', session: sessionAs('trader') });

    const bar = await screen.findByTestId('algo-progress-p-1', {}, { timeout: 5000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('algo-children-count-p-1').textContent).toBe('4 / 10');
    expect(screen.queryByTestId('algo-o-1')).toBeNull(); // plain orders are not algorithms
    // Parents are asked for by role: a page of all orders would let slices crowd older algorithms out.
    const asked = calls.filter((c) => c.key === 'GET /api/orders/status').map((c) => c.url.searchParams);
    const lists = asked.filter((q) => !q.get('parentId'));
    expect(lists.map((q) => `${q.get('status')}:${q.get('role')}`).sort()).toEqual(['all:algo-parent', 'open:algo-parent']);

    fireEvent.click(screen.getByText('Show slices'));
    expect(await screen.findByTestId('algo-children-p-1')).toBeTruthy();

    fireEvent.click(screen.getByTestId('algo-cancel-p-1'));
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(calls.find((c) => c.key === 'POST /api/executions/cancel')?.body).toEqual({ scope: 'order', id: 'p-1' }));
  });

  it('lets a viewer follow orders but not place them', async () => {
    gateway('viewer');
    renderWithStore(<AppRoutes />, { route: '/execution/trade', session: sessionAs('viewer') });
    expect(await screen.findByText('Viewers can follow orders but not place them.', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByTestId('order-row-o-1')).toBeTruthy();
    expect(screen.queryByTestId('ticket-submit')).toBeNull();
  });
});
