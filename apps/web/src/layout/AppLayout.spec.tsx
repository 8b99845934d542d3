import { screen, waitFor } from '@testing-library/react';
import type { HaltState, MaintenanceState } from '@meridian/contracts';
import { AppRoutes } from '../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs, tokenPair } from '../../test/render';

jest.mock('../features/dashboard/LatencyChart', () => ({ LatencyChart: () => <div data-testid="latency-chart" /> }));

const running: HaltState = { halted: false, reason: null, by: null, at: null };
const noMaintenance: MaintenanceState = { enabled: false, message: null, by: null, since: null };

afterEach(() => jest.restoreAllMocks());

describe('app layout', () => {
  it('sends a visitor without a session to the login page', async () => {
    renderWithStore(<AppRoutes />, { route: '/system' });
    expect(await screen.findByTestId('login-email')).toBeTruthy();
  });

  it("shows the user's email and role, and a red banner while trading is halted", async () => {
    fakeGateway({
      'GET /api/auth/me': { body: sessionAs('trader').user },
      'GET /api/system/halt': { body: { halted: true, reason: 'venue outage', by: 'admin@meridian.dev', at: '2026-01-01T00:00:00.000Z' } },
      'GET /api/system/maintenance': { body: { state: { enabled: true, message: 'DB upgrade', by: 'admin', since: '2026-01-01T00:00:00.000Z' }, runs: [] } },
    });
    renderWithStore(<AppRoutes />, { route: '/system/nowhere', session: sessionAs('trader') });

    expect((await screen.findByTestId('halt-banner')).textContent).toContain('venue outage');
    expect(screen.getByTestId('maintenance-banner').textContent).toContain('DB upgrade');
    expect(screen.getByTestId('user-info').textContent).toBe('trader@meridian.devtrader');
  });

  it('refreshes an expired token behind the scenes and keeps the user logged in', async () => {
    const calls = fakeGateway({
      'GET /api/auth/me': (req) => (req.headers.get('authorization') === 'Bearer jwt-2' ? { body: sessionAs('admin').user } : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'jwt expired' } }),
      'POST /api/auth/refresh': { body: tokenPair('jwt-2') },
      'GET /api/system/halt': { body: running },
      'GET /api/system/maintenance': { body: { state: noMaintenance, runs: [] } },
    });
    const { store } = renderWithStore(<AppRoutes />, { route: '/dashboard', session: sessionAs('admin', 'jwt-1') });

    await waitFor(() => expect(store.getState().session.accessToken).toBe('jwt-2'));
    expect(calls.filter((c) => c.key === 'POST /api/auth/refresh')).toHaveLength(1);
    expect(calls.find((c) => c.key === 'POST /api/auth/refresh')?.body).toEqual({ refreshToken: 'refresh-1' });
  });
});
