import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { EquityPoint, RiskMetricsResponse } from '@meridian/contracts';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { account, OWNER, position, tradingFrame } from '../execution/testData';
import { instrument, quote, quotes } from '../markets/testData';
import { equitySeries } from './equityData';

// lightweight-charts needs a real canvas: the chart is replaced by its data.
jest.mock('./EquityChart', () => ({
  EquityChart: ({ points, baseline }: { points: EquityPoint[]; baseline?: number }) => (
    <div data-testid="equity-chart" data-baseline={baseline}>
      {points.map((p) => p.equity).join(',')}
    </div>
  ),
}));

afterEach(() => jest.restoreAllMocks());

const metrics: RiskMetricsResponse = {
  accountId: 'acc-1',
  asOf: '2026-01-01T10:00:00.000Z',
  equity: '100000',
  grossExposure: '150000',
  netExposure: '50000',
  leverage: 1.5,
  weights: [
    { symbol: 'R_100', weight: 1 },
    { symbol: 'R_50', weight: -0.5 },
  ],
  returnsBasis: { timeframe: '1h', observations: 500, periodsPerYear: 8760, horizon: '1d' },
  annualisedVolatility: 0.32,
  var: { historical95: 0.021, historical99: 0.034, gaussian95: 0.02, gaussian99: 0.029 },
  cvar: { historical95: 0.03, historical99: null, gaussian95: 0.025, gaussian99: 0.033 },
  beta: { benchmark: 'R_100', value: null },
  equityCurve: { observations: 12, maxDrawdown: 0.052, sharpe: 1.234, sortino: null },
  notes: ['beta: fewer than 30 common returns with R_100', 'historical CVaR 99 %: fewer than 100 returns in the tail'],
};
const equity: EquityPoint[] = [
  { at: '2026-01-01T09:00:00.000Z', equity: '100000', cash: '100000' },
  { at: '2026-01-01T10:00:00.000Z', equity: '100200', cash: '90000' },
];

function gateway() {
  return fakeGateway({
    'GET /api/auth/me': { body: sessionAs('trader').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50')] },
    'GET /api/markets/live-data': { body: quotes(quote('R_100', 1100)) },
    'GET /api/portfolio/positions': { body: { account: account(), positions: [position('R_100')] } },
    'GET /api/portfolio/equity': { body: equity },
    'GET /api/portfolio/risk-metrics': { body: metrics },
  });
}

describe('Portfolio page', () => {
  it('opens on the account, the positions and the equity curve', async () => {
    const calls = gateway();
    renderWithStore(<AppRoutes />, { route: '/portfolio', session: sessionAs('trader') });

    expect((await screen.findByTestId('account-equity', {}, { timeout: 5000 })).textContent).toBe('100,200.00');
    expect(screen.getByTestId('account-realised').textContent).toBe('+50.00');
    expect(await screen.findByTestId('pos-row-R_100')).toBeTruthy();
    const chart = await screen.findByTestId('equity-chart');
    expect(chart.textContent).toBe('100000,100200');
    expect(chart.getAttribute('data-baseline')).toBe('100000');
    expect(calls.find((c) => c.key === 'GET /api/portfolio/equity')?.url.searchParams.get('limit')).toBe('2000');
  });

  it("draws new equity samples of the account as they arrive on the trading channel, ignoring other accounts' and late ones", async () => {
    const calls = gateway();
    const { live } = renderWithStore(<AppRoutes />, { route: '/portfolio', session: sessionAs('trader') });
    const chart = await screen.findByTestId('equity-chart', {}, { timeout: 5000 });
    await screen.findByTestId('pos-row-R_100');
    await waitFor(() => expect(live.listenerCount('trading')).toBeGreaterThanOrEqual(2));
    const accountId = account().id;
    act(() => {
      live.deliver(tradingFrame({ kind: 'equity', ownerId: OWNER, accountId, point: { at: '2026-01-01T10:00:10.000Z', equity: '100250', cash: '90000' } }));
      live.deliver(tradingFrame({ kind: 'equity', ownerId: OWNER, accountId: 'acc-other', point: { at: '2026-01-01T10:00:20.000Z', equity: '5', cash: '5' } }));
      live.deliver(tradingFrame({ kind: 'equity', ownerId: OWNER, accountId, point: { at: '2026-01-01T10:00:05.000Z', equity: '1', cash: '1' } }));
    });
    await waitFor(() => expect(chart.textContent).toBe('100000,100200,100250'));
    // Live, not polled: the curve was read once.
    expect(calls.filter((c) => c.key === 'GET /api/portfolio/equity')).toHaveLength(1);
  });

  it('shows the risk metrics, explains missing values, and asks again for another benchmark', async () => {
    const calls = gateway();
    renderWithStore(<AppRoutes />, { route: '/portfolio/risk', session: sessionAs('trader') });

    expect((await screen.findByTestId('risk-leverage', {}, { timeout: 5000 })).textContent).toBe('1.50×');
    expect(screen.getByTestId('var-historical95').textContent).toBe('2.10 %');
    expect(screen.getByTestId('cvar-historical99').textContent).toBe('—');
    expect(screen.getByTestId('risk-beta').getAttribute('title')).toContain('see the notes');
    expect(screen.getByTestId('risk-drawdown').textContent).toBe('5.20 %');
    expect(screen.getByTestId('risk-sharpe').textContent).toBe('1.23');
    expect(screen.getByTestId('risk-notes').textContent).toContain('fewer than 30 common returns');

    fireEvent.change(screen.getByTestId('risk-benchmark'), { target: { value: 'R_50' } });
    await waitFor(() =>
      expect(Object.fromEntries(calls.filter((c) => c.key === 'GET /api/portfolio/risk-metrics').at(-1)!.url.searchParams)).toEqual({ benchmark: 'R_50', timeframe: '1h' }),
    );
  });
});

describe('equitySeries', () => {
  it('keeps one point per second in time order, the last sample of a second winning', () => {
    const series = equitySeries([
      { at: '2026-01-01T10:00:01.000Z', equity: '3', cash: '0' },
      { at: '2026-01-01T10:00:00.100Z', equity: '1', cash: '0' },
      { at: '2026-01-01T10:00:00.900Z', equity: '2', cash: '0' },
    ]);
    expect(series.map((p) => p.value)).toEqual([2, 3]);
    expect(series[1].time - series[0].time).toBe(1);
  });
});
