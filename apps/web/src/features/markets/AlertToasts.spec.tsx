import { act, screen, waitFor, waitForElementToBeRemoved } from '@testing-library/react';
import type { PriceAlertFired, PriceAlertView } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { AlertList } from './AlertList';
import { AlertToasts } from './AlertToasts';

const fired: PriceAlertFired = {
  alertId: 'a1',
  ownerId: 'u-trader',
  symbol: 'R_100',
  price: 1301.25,
  epochMs: Date.UTC(2026, 0, 1, 12, 0, 0),
  message: 'R_100 rose above 1300.00',
};
const alertView: PriceAlertView = {
  id: 'a1',
  ownerId: 'u-trader',
  symbol: 'R_100',
  condition: { kind: 'above', level: 1300 },
  trigger: { mode: 'once' },
  webhookUrl: null,
  note: 'breakout',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastFiredAt: null,
  firedCount: 0,
};

afterEach(() => jest.restoreAllMocks());

describe('alert toasts', () => {
  it('shows a toast when an alert frame arrives, and it leaves by itself', async () => {
    const { live } = renderWithStore(<AlertToasts durationMs={300} />, { session: sessionAs('trader') });
    expect(screen.queryByTestId('alert-toast')).toBeNull();
    await waitFor(() => expect(live.markets.interest()).toBe(1)); // listening opens the stream

    act(() => live.markets.deliver({ type: 'alert', alert: fired }));

    const toast = await screen.findByTestId('alert-toast');
    expect(toast.textContent).toContain('R_100 rose above 1300.00');
    expect(toast.textContent).toContain('1301.25');
    await waitForElementToBeRemoved(() => screen.queryByTestId('alert-toast'), { timeout: 2000 });
  });

  it('counts the firing in the alert list, a one-shot alert becoming spent', async () => {
    fakeGateway({ 'GET /api/markets/alerts': { body: [alertView] } });
    const { live } = renderWithStore(<AlertList instruments={undefined} />, { session: sessionAs('viewer') });
    expect((await screen.findByTestId('alert-fired-a1')).textContent).toBe('0');
    await waitFor(() => expect(live.markets.interest()).toBe(1));

    act(() => live.markets.deliver({ type: 'alert', alert: fired }));

    await waitFor(() => expect(screen.getByTestId('alert-fired-a1').textContent).toBe('1'));
    expect(screen.getByTestId('alert-row-a1').textContent).toContain('spent');
    expect(screen.queryByTestId('alert-delete-a1')).toBeNull(); // viewers cannot delete
  });
});
