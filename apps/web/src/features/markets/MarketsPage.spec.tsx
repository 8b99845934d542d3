import { screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { candle, instrument, quote, quotes } from './testData';

jest.mock('./CandleCanvas', () => ({
  CandleCanvas: ({ candles, timeframe }: { candles: { close: number }[]; timeframe: string }) => (
    <div data-testid="candle-chart" data-timeframe={timeframe}>
      {candles.map((c) => c.close).join(',')}
    </div>
  ),
}));

jest.mock('./RollingChart', () => ({ RollingChart: () => <div data-testid="rolling-chart" /> }));

afterEach(() => jest.restoreAllMocks());

function gateway() {
  return fakeGateway({
    'GET /api/auth/me': { body: sessionAs('viewer').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('SPY', false)] },
    'GET /api/markets/alerts': { body: [] },
    'GET /api/markets/live-data': (req) => {
      const url = new URL(req.url);
      const symbol = url.searchParams.get('symbol');
      if (!symbol) return { body: quotes(quote('R_100', 1234.5)) };
      const timeframe = url.searchParams.get('timeframe');
      return { body: { quotes: [], candles: { symbol, timeframe, items: [candle(60_000, 10, true), candle(120_000, 11)], nextBefore: null } } };
    },
  });
}

describe('Markets page', () => {
  it('opens on the watchlist with the chart of the first live symbol', async () => {
    const calls = gateway();
    renderWithStore(<AppRoutes />, { route: '/markets', session: sessionAs('viewer') });

    // the page is a lazy chunk: the first render waits for its module
    expect((await screen.findByTestId('quote-R_100', {}, { timeout: 5000 })).textContent).toBe('1,234.50');
    const chart = await screen.findByTestId('candle-chart');
    expect(chart.textContent).toBe('10,11');
    expect(chart.getAttribute('data-timeframe')).toBe('1m');
    const candleCall = calls.find((c) => c.url.searchParams.get('symbol'));
    expect(Object.fromEntries(candleCall!.url.searchParams)).toEqual({ symbol: 'R_100', timeframe: '1m', limit: '500' });
  });

  it('lets a viewer see the alerts but not create one', async () => {
    gateway();
    renderWithStore(<AppRoutes />, { route: '/markets/alerts', session: sessionAs('viewer') });
    expect(await screen.findByText('No price alerts yet', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Viewers can look at alerts/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('alert-submit')).toBeNull());
  });
});
