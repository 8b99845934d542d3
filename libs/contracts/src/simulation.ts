/** F6 Strategies and F7 Simulation: the shapes the gateway, simulation, execution and the web app share. */

export const SIMULATION_PATTERNS = {
  registry: 'simulation.strategy.registry.v1',
  getStrategy: 'simulation.strategy.get.v1',
  createStrategy: 'simulation.strategy.create.v1',
  validateRule: 'simulation.strategy.validate.v1',
  backtestStrategy: 'simulation.strategy.backtest.v1',
  backtest: 'simulation.backtest.run.v1',
  results: 'simulation.results.list.v1',
  result: 'simulation.results.get.v1',
  compare: 'simulation.results.compare.v1',
  cancel: 'simulation.run.cancel.v1',
  monteCarlo: 'simulation.monte-carlo.run.v1',
  stressTest: 'simulation.stress-test.run.v1',
  scenarios: 'simulation.scenarios.list.v1',
  saveScenario: 'simulation.scenarios.save.v1',
} as const;

/** Execution serves stored candles as columns to the simulation service. */
export const CANDLE_COLUMNS_PATTERN = 'execution.candles.columns.v1';

export interface CandleColumns {
  symbol: string;
  timeframe: string;
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

export type ParamSpecView =
  | { type: 'integer' | 'number'; default: number; min: number; max: number; step?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; default: string; values: readonly string[]; description: string };

export type StrategyKind = 'builtin' | 'rule';

export interface StrategyVersionView {
  version: number;
  /** builtin: { builtin, params }; rule: the rule document as submitted. */
  definition: Record<string, unknown>;
  /** The rule printed back in canonical form (rule strategies). */
  canonical: string | null;
  params: Record<string, number | boolean | string>;
  warmupBars: number;
  createdBy: string;
  createdAt: string;
}

export interface StrategyView {
  id: string;
  name: string;
  kind: StrategyKind;
  description: string;
  /** Built-ins: their parameter schema; rule strategies: their named parameters. */
  params: Record<string, ParamSpecView>;
  latestVersion: number;
  versions: StrategyVersionView[];
  latestBacktest: RunSummary | null;
  live: { status: 'running' | 'paused' | 'stopped'; deploymentId: string } | null;
  ownerId: string | null;
  createdAt: string;
}

export interface RuleError {
  /** Where in the document: "entry", "sizing.value", ... */
  path: string;
  message: string;
  position?: { offset: number; line: number; column: number };
}

export interface RuleValidation {
  ok: boolean;
  errors: RuleError[];
  canonical: { entry: string; exit: string | null } | null;
  warmupBars: number | null;
}

export const RUN_KINDS = ['backtest', 'grid', 'walk-forward', 'monte-carlo'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface BacktestMetricsView {
  initialCash: number;
  finalEquity: number;
  totalReturn: number;
  cagr: number | null;
  annualizedVolatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  maxDrawdownDuration: number;
  calmar: number | null;
  trades: number;
  winRate: number | null;
  profitFactor: number | null;
  averageWin: number | null;
  averageLoss: number | null;
  exposure: number;
  turnover: number | null;
  feesPaid: number;
}

export interface RunSummary {
  id: string;
  kind: RunKind;
  status: RunStatus;
  /** 0..1 */
  progress: number;
  strategyId: string | null;
  strategyVersion: number | null;
  label: string;
  metrics: BacktestMetricsView | null;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface TradeView {
  symbol: string;
  direction: 'long' | 'short';
  quantity: number;
  entryTime: string;
  entryPrice: number;
  exitTime: string | null;
  exitPrice: number | null;
  grossPnl: number;
  fees: number;
  netPnl: number;
  open: boolean;
}

export interface GridPointView {
  params: Record<string, number | boolean | string>;
  metrics: BacktestMetricsView | null;
  error?: string;
}

export interface WalkForwardWindowView {
  index: number;
  inSample: { from: string; to: string };
  outOfSample: { from: string; to: string };
  bestParams: Record<string, number | boolean | string>;
  inSampleMetrics: BacktestMetricsView | null;
  outOfSampleMetrics: BacktestMetricsView | null;
}

export interface MonteCarloView {
  paths: number;
  steps: number;
  seed: number;
  percentiles: number[];
  /** bands[i][t]: equity (relative, 1 = start) at percentile i, step t. */
  bands: number[][];
  maxDrawdown: { percentiles: Record<string, number>; histogram: { edges: number[]; counts: number[] } };
  finalReturn: { percentiles: Record<string, number>; histogram: { edges: number[]; counts: number[] } };
  lossProbabilities: { threshold: number; probability: number; drawdownProbability: number }[];
  elapsedMs: number;
}

export interface RunDetail extends RunSummary {
  config: Record<string, unknown>;
  /** A fingerprint of the bars the run read, so a rerun can prove it used the same data. */
  dataVersion: string | null;
  /** Downsampled to at most 2,000 points for charts. */
  equity: { time: number[]; equity: number[]; drawdown: number[] } | null;
  trades: TradeView[];
  grid: GridPointView[] | null;
  walkForward: WalkForwardWindowView[] | null;
  monteCarlo: MonteCarloView | null;
  lookahead: { checked: boolean; differences: number; details: string[] } | null;
}

export interface RunCompare {
  runs: RunDetail[];
}

export interface StressPositionResult {
  symbol: string;
  quantity: number;
  price: number;
  pnl: number;
}

export interface StressScenarioResult {
  name: string;
  kind: string;
  description: string;
  pnl: number;
  pnlPct: number;
  positions: StressPositionResult[];
  breaches: { limit: string; value: number; threshold: number }[];
}

export interface StressTestResponse {
  source: 'portfolio' | 'backtest';
  equity: number;
  scenarios: StressScenarioResult[];
}

export interface StressScenarioView {
  id: string;
  name: string;
  definition: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

/** Events of the `simulation` WebSocket channel. */
export type SimulationEventPayload = { kind: 'run'; ownerId: string; run: RunSummary };

/** Live (paper) deployments of strategies, run by the execution service. */
export const DEPLOYMENT_PATTERNS = {
  deploy: 'execution.deployment.create.v1',
  list: 'execution.deployment.list.v1',
  control: 'execution.deployment.control.v1',
  live: 'execution.deployment.live.v1',
} as const;

/** The simulation service checks a deployment request before execution runs it. */
export const DEPLOY_PATTERN = 'simulation.strategy.deploy.v1';
export const DEPLOYMENT_REPORT_PATTERN = 'simulation.deployment.report.v1';

export type DeploymentStatus = 'running' | 'paused' | 'stopped';

/** What execution needs to run a strategy: how to rebuild it, with what, on what. */
export interface DeploymentSpec {
  strategyId: string;
  version: number;
  label: string;
  source: { rule: Record<string, unknown> } | { builtin: string };
  params: Record<string, number | boolean | string>;
  symbols: string[];
  timeframe: string;
  backtestRunId: string;
  accountId?: string;
}

export interface DeploymentView {
  id: string;
  strategyId: string;
  version: number;
  label: string;
  tag: string;
  accountId: string;
  symbols: string[];
  timeframe: string;
  params: Record<string, number | boolean | string>;
  status: DeploymentStatus;
  statusReason: string | null;
  backtestRunId: string;
  barsSeen: number;
  ordersPlaced: number;
  lastBarAt: string | null;
  createdAt: string;
  startedAt: string;
  updatedAt: string;
}

/** A deployment's own live results: its fills (tagged), P&L and position per symbol. */
export interface DeploymentLive {
  deployment: DeploymentView;
  fills: { time: string; symbol: string; side: 'buy' | 'sell'; quantity: number; price: number; fee: number }[];
  positions: { symbol: string; quantity: number; averagePrice: number; lastPrice: number | null }[];
  realisedPnl: number;
  unrealisedPnl: number;
  feesPaid: number;
}

/** Live beside the backtest of the same strategy over the same period. */
export interface DeploymentReport {
  deployment: DeploymentView;
  period: { from: string; to: string };
  live: { trades: number; fills: number; netPnl: number; feesPaid: number };
  backtest: { trades: number; fills: number; netPnl: number; feesPaid: number; error: string | null };
  /** Live net P&L minus backtest net P&L. */
  drift: number;
  notes: string[];
}
