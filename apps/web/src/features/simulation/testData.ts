// Shared fixtures of the strategies and simulation specs.
import type { BacktestMetricsView, GridPointView, RunDetail, RunSummary, SimulationEventPayload, StrategyView, WsServerFrame } from '@meridian/contracts';

export const OWNER = 'u-trader';

export const metrics = (extra: Partial<BacktestMetricsView> = {}): BacktestMetricsView => ({
  initialCash: 100_000,
  finalEquity: 112_000,
  totalReturn: 0.12,
  cagr: 0.1,
  annualizedVolatility: 0.2,
  sharpe: 1.25,
  sortino: 1.6,
  maxDrawdown: 0.08,
  maxDrawdownDuration: 40,
  calmar: 1.25,
  trades: 24,
  winRate: 0.55,
  profitFactor: 1.4,
  averageWin: 900,
  averageLoss: -600,
  exposure: 0.6,
  turnover: 3.2,
  feesPaid: 120,
  ...extra,
});

export const run = (id: string, extra: Partial<RunSummary> = {}): RunSummary => ({
  id,
  kind: 'backtest',
  status: 'running',
  progress: 0.2,
  strategyId: 'sma-crossover',
  strategyVersion: 1,
  label: `SMA crossover ${id}`,
  metrics: null,
  error: null,
  createdBy: OWNER,
  createdAt: '2026-01-01T10:00:00.000Z',
  startedAt: '2026-01-01T10:00:01.000Z',
  finishedAt: null,
  ...extra,
});

export const runDetail = (id: string, extra: Partial<RunDetail> = {}): RunDetail => ({
  ...run(id),
  config: { symbols: ['R_100'], timeframe: '1d', initialCash: 100_000 },
  dataVersion: null,
  equity: null,
  trades: [],
  grid: null,
  walkForward: null,
  monteCarlo: null,
  lookahead: null,
  ...extra,
});

export const strategy = (id: string, extra: Partial<StrategyView> = {}): StrategyView => ({
  id,
  name: 'SMA crossover',
  kind: 'builtin',
  description: 'Long when the fast SMA crosses above the slow one',
  params: {
    fast: { type: 'integer', default: 10, min: 2, max: 50, description: 'fast SMA period' },
    slow: { type: 'integer', default: 30, min: 10, max: 200, description: 'slow SMA period' },
  },
  latestVersion: 1,
  versions: [
    {
      version: 1,
      definition: { builtin: id, params: { fast: 10, slow: 30 } },
      canonical: null,
      params: { fast: 10, slow: 30 },
      warmupBars: 30,
      createdBy: 'system',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  latestBacktest: null,
  live: null,
  ownerId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** A 2-parameter grid: fast × slow, Sharpe rising with fast and falling with slow. */
export const grid2 = (): GridPointView[] =>
  [5, 10].flatMap((fast) =>
    [20, 30, 40].map((slow) => ({
      params: { fast, slow },
      metrics: metrics({ sharpe: fast / 10 - slow / 100, maxDrawdown: slow / 1000 + fast / 100 }),
    })),
  );

/** A frame of the `simulation` channel, as the socket delivers it. */
export const simulationFrame = (data: SimulationEventPayload): WsServerFrame => ({ type: 'event', channel: 'simulation', data, ts: Date.now() });
