import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MonteCarloView, StressTestResponse } from '@meridian/contracts';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs, type FakeRoute, type FakeReply } from '../../../test/render';
import { page } from '../execution/testData';
import { metrics, run, runDetail } from './testData';

// lightweight-charts needs a real canvas: the charts are replaced by their data.
jest.mock('./charts', () => ({
  EquityCurveChart: () => <div data-testid="run-equity-chart" />,
  DrawdownChart: () => <div data-testid="run-drawdown-chart" />,
  OverlayChart: ({ lines }: { lines: { label: string; data: { value: number }[] }[] }) => (
    <div data-testid="compare-chart">{lines.map((l) => `${l.label}:${l.data.map((p) => p.value.toFixed(0)).join('/')}`).join(' ')}</div>
  ),
  FanChart: ({ series }: { series: { label: string; data: unknown[] }[] }) => <div data-testid="fan-chart">{series.map((s) => `${s.label}:${s.data.length}`).join(' ')}</div>,
}));

afterEach(() => jest.restoreAllMocks());

const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const B = 'bbbbbbbb-0000-4000-8000-00000000000b';
const MC = 'cccccccc-0000-4000-8000-00000000000c';

const mcView: MonteCarloView = {
  paths: 1000,
  steps: 2,
  seed: 7,
  percentiles: [0.05, 0.25, 0.5, 0.75, 0.95],
  bands: [
    [1, 0.9, 0.85],
    [1, 0.97, 0.95],
    [1, 1.01, 1.02],
    [1, 1.04, 1.08],
    [1, 1.1, 1.2],
  ],
  maxDrawdown: { percentiles: { '0.05': 0.02, '0.5': 0.08, '0.95': 0.21 }, histogram: { edges: [0, 0.1, 0.2, 0.3], counts: [600, 300, 100] } },
  finalReturn: { percentiles: { '0.05': -0.15, '0.5': 0.02, '0.95': 0.2 }, histogram: { edges: [-0.2, 0, 0.2], counts: [400, 600] } },
  lossProbabilities: [{ threshold: 0.1, probability: 0.031, drawdownProbability: 0.4 }],
  elapsedMs: 120,
};

function gateway(extra: Record<string, FakeRoute | FakeReply> = {}) {
  const calls = fakeGateway({
    'GET /api/auth/me': { body: sessionAs('trader').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [] },
    'GET /api/strategies/registry': { body: page([]) },
    'GET /api/simulation/scenarios': { body: [{ id: 'dddddddd-0000-4000-8000-00000000000d', name: 'Crash', definition: { kind: 'shock', moves: { '*': -0.3 } }, createdBy: 'u-trader', createdAt: '2026-01-01T00:00:00.000Z' }] },
    'GET /api/simulation/results': (req) => {
      const url = new URL(req.url);
      if (url.searchParams.get('ids')) {
        return {
          body: {
            runs: [
              runDetail(A, { label: 'fast', status: 'completed', metrics: metrics({ sharpe: 1.5, maxDrawdown: 0.1 }), equity: { time: [1, 2], equity: [100, 120], drawdown: [0, 0] } }),
              runDetail(B, { label: 'slow', status: 'completed', metrics: metrics({ sharpe: 0.9, maxDrawdown: 0.05 }), equity: { time: [1, 2], equity: [200, 210], drawdown: [0, 0] } }),
            ],
          },
        };
      }
      if (url.searchParams.get('id') === MC) return { body: runDetail(MC, { kind: 'monte-carlo', status: 'completed', progress: 1, monteCarlo: mcView }) };
      return { body: page([run(A, { status: 'completed', progress: 1, label: 'fast' })]) };
    },
    ...extra,
  });
  return { calls, posts: (key: string) => calls.filter((c) => c.key === key).map((c) => c.body) };
}

describe('Simulation page', () => {
  it('opens on the runs list', async () => {
    gateway();
    renderWithStore(<AppRoutes />, { route: '/simulation', session: sessionAs('trader') });
    expect(await screen.findByTestId(`run-row-${A}`, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Runs' }).className).toContain('active');
  });

  it('compares runs side by side: metrics with the best of each marked, equity curves overlaid as returns', async () => {
    const { calls } = gateway();
    renderWithStore(<AppRoutes />, { route: `/simulation/compare?ids=${A},${B}`, session: sessionAs('trader') });

    const sharpe = await screen.findByTestId('compare-row-sharpe', {}, { timeout: 5000 });
    expect([...sharpe.querySelectorAll('td')].map((td) => [td.textContent, td.className.includes('compare-best')])).toEqual([
      ['Sharpe', false],
      ['1.50', true],
      ['0.90', false],
    ]);
    const dd = screen.getByTestId('compare-row-maxDrawdown');
    expect(dd.querySelector('.compare-best')!.textContent).toBe('5.00 %');
    expect(screen.getByTestId('compare-chart').textContent).toBe('fast:0/20 slow:0/5');
    expect(calls.find((c) => c.url.searchParams.has('ids'))!.url.searchParams.get('ids')).toBe(`${A},${B}`);
  });

  it('starts a Monte Carlo of a backtest and shows its fan, drawdown histogram and loss probabilities', async () => {
    const { posts } = gateway({ 'POST /api/simulation/monte-carlo': { status: 202, body: run(MC, { kind: 'monte-carlo', status: 'queued', progress: 0 }) } });
    renderWithStore(<AppRoutes />, { route: `/simulation/monte-carlo?run=${A}`, session: sessionAs('trader') });

    await screen.findByRole('option', { name: /^fast ·/ }, { timeout: 5000 });
    fireEvent.change(screen.getByTestId('mc-method'), { target: { value: 'block-bootstrap' } });
    fireEvent.change(screen.getByTestId('mc-paths'), { target: { value: '5000' } });
    fireEvent.change(screen.getByTestId('mc-thresholds'), { target: { value: '5, 15' } });
    fireEvent.click(screen.getByTestId('mc-submit'));

    expect((await screen.findByTestId('fan-chart')).textContent).toBe('p5:3 p25:3 p50:3 p75:3 p95:3');
    expect(posts('POST /api/simulation/monte-carlo')).toEqual([
      { source: 'backtest', runId: A, method: 'block-bootstrap', paths: 5000, steps: 252, seed: 1, blockLength: 5, lossThresholds: [0.05, 0.15] },
    ]);
    const bars = screen.getByTestId('mc-drawdown-histogram').querySelectorAll('.histogram-bar');
    expect([...bars].map((b) => (b as HTMLElement).style.height)).toEqual(['100%', '50%', '16.666666666666664%']);
    const loss = within(screen.getByTestId('mc-loss-probabilities')).getAllByRole('row')[1];
    expect([...loss.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['10 %', '3.1 %', '40.0 %']);
  });

  it('stress-tests the portfolio with a saved and a newly built scenario and lists P&L and breaches', async () => {
    const response: StressTestResponse = {
      source: 'portfolio',
      equity: 100_000,
      scenarios: [
        { name: 'Crash', kind: 'shock', description: 'all −30 %', pnl: -30_000, pnlPct: -0.3, positions: [], breaches: [{ limit: 'maxDailyLoss', value: 30_000, threshold: 5_000 }] },
        { name: 'R_100 gap', kind: 'shock', description: 'R_100 −20 %', pnl: -4_000, pnlPct: -4, positions: [{ symbol: 'R_100', quantity: 2, price: 10_000, pnl: -4_000 }], breaches: [] },
      ],
    };
    const { posts } = gateway({ 'POST /api/simulation/stress-test': { body: response } });
    renderWithStore(<AppRoutes />, { route: '/simulation/stress', session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('scenario-pick-dddddddd-0000-4000-8000-00000000000d', {}, { timeout: 5000 }));
    fireEvent.change(screen.getByTestId('scenario-name'), { target: { value: 'R_100 gap' } });
    fireEvent.change(screen.getByTestId('scenario-all'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('scenario-move-add'));
    fireEvent.change(screen.getByTestId('scenario-move-symbol-0'), { target: { value: 'r_100' } });
    fireEvent.change(screen.getByTestId('scenario-move-pct-0'), { target: { value: '-20' } });
    fireEvent.click(screen.getByTestId('scenario-add'));
    fireEvent.click(screen.getByTestId('stress-standard'));
    fireEvent.click(screen.getByTestId('stress-run-btn'));

    const crash = await screen.findByTestId('stress-row-Crash');
    expect([...crash.querySelectorAll('td')].slice(3, 6).map((td) => td.textContent)).toEqual(['-30,000.00', '-30.00 %', 'maxDailyLoss 30,000.00 / 5,000.00']);
    // pnlPct written as a percentage (−4) reads the same as −4,000 of 100,000.
    expect(within(screen.getByTestId('stress-row-R_100 gap')).getByText('-4.00 %')).toBeTruthy();
    await waitFor(() =>
      expect(posts('POST /api/simulation/stress-test')).toEqual([
        {
          source: 'portfolio',
          standard: false,
          scenarioIds: ['dddddddd-0000-4000-8000-00000000000d'],
          scenarios: [{ name: 'R_100 gap', definition: { kind: 'shock', moves: { R_100: -0.2 } } }],
        },
      ]),
    );
  });
});
