import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CorrelationResponse } from '@meridian/contracts';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { instrument, quote, quotes } from './testData';

jest.mock('./CandleCanvas', () => ({ CandleCanvas: () => <div data-testid="candle-chart" /> }));
jest.mock('./RollingChart', () => ({ RollingChart: () => <div data-testid="rolling-chart" /> }));

afterEach(() => jest.restoreAllMocks());

const LIVE = ['R_10', 'R_25', 'R_50', 'R_75', 'R_100', '1HZ10V'];
const correlations: CorrelationResponse = {
  symbols: ['AAA', 'BBB'],
  matrix: [
    [1, 0.5],
    [0.5, 1],
  ],
  observations: 299,
  timeframe: '1d',
  from: null,
  to: null,
};

function gateway() {
  return fakeGateway({
    'GET /api/auth/me': { body: sessionAs('admin').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [...LIVE.map((s) => instrument(s)), instrument('AAA', false), instrument('BBB', false)] },
    'GET /api/markets/alerts': { body: [] },
    'GET /api/markets/live-data': { body: quotes(...LIVE.map((s) => quote(s, 100))) },
    'GET /api/markets/correlations': { body: correlations },
  });
}

const tab = (name: string) => screen.getByRole('link', { name });

// The tabs are nested <Routes> under the splat route markets/*: relative tab links and a relative
// catch-all redirect resolved against the whole URL (/markets/watch/correlations/watch/…) and
// the redirect then looped forever, hanging the page.
describe('Markets tabs', () => {
  it('renders the correlations of live and imported instruments at /markets/correlations', async () => {
    gateway();
    renderWithStore(<AppRoutes />, { route: '/markets/correlations', session: sessionAs('admin') });
    expect((await screen.findByTestId('corr-AAA-BBB', {}, { timeout: 5000 })).textContent).toBe('0.50');
  });

  it('links every tab to its own path and opens Correlations from the watchlist', async () => {
    const calls = gateway();
    renderWithStore(<AppRoutes />, { route: '/markets', session: sessionAs('admin') });
    await screen.findByTestId('quote-R_10', {}, { timeout: 5000 });
    expect(tab('Watchlist').getAttribute('href')).toBe('/markets/watch');
    expect(tab('Correlations').getAttribute('href')).toBe('/markets/correlations');
    expect(tab('Price alerts').getAttribute('href')).toBe('/markets/alerts');
    expect(tab('Import').getAttribute('href')).toBe('/markets/import');

    fireEvent.click(tab('Correlations'));

    expect((await screen.findByTestId('corr-AAA-BBB')).textContent).toBe('0.50');
    expect(tab('Correlations').className).toContain('active');
    expect(calls.some((c) => c.key === 'GET /api/markets/correlations')).toBe(true);

    fireEvent.click(tab('Price alerts'));
    expect(await screen.findByText('No price alerts yet')).toBeTruthy();
    fireEvent.click(tab('Import'));
    await waitFor(() => expect(tab('Import').className).toContain('active'));
    expect(tab('Correlations').getAttribute('href')).toBe('/markets/correlations');
  });

  it('sends an unknown section back to the watchlist once', async () => {
    gateway();
    renderWithStore(<AppRoutes />, { route: '/markets/nowhere/deeper', session: sessionAs('admin') });
    await screen.findByTestId('quote-R_10', {}, { timeout: 5000 });
    expect(tab('Watchlist').className).toContain('active');
  });
});
