import { ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  RUN_KINDS,
  RUN_STATUSES,
  type BacktestMetricsView,
  type DeploymentReport,
  type DeploymentView,
  type GridPointView,
  type MonteCarloView,
  type RuleError,
  type RuleValidation,
  type RunCompare,
  type RunDetail,
  type RunSummary,
  type StrategyVersionView,
  type StrategyView,
  type StressPositionResult,
  type StressScenarioResult,
  type StressScenarioView,
  type ParamSpecView,
  type StressTestResponse,
  type TradeView,
  type WalkForwardWindowView,
} from '../simulation';

// Response shapes of F6 Strategies and F7 Simulation for OpenAPI only: each class implements the
// contract's interface, so the documentation cannot drift from what the code returns without a
// compile error.

// Named parts of the contracts' nested shapes (a class can only implement a named type).
type DateRange = WalkForwardWindowView['inSample'];
type MonteCarloDistribution = MonteCarloView['maxDrawdown'];
type Histogram = MonteCarloDistribution['histogram'];
type LossProbability = MonteCarloView['lossProbabilities'][number];
type StressBreach = StressScenarioResult['breaches'][number];
type DeploymentLiveTotals = DeploymentReport['live'];
type DeploymentBacktestTotals = DeploymentReport['backtest'];

/** A map of parameter values, e.g. { fast: 10, slow: 30 }. */
const PARAM_VALUES: ApiPropertyOptions = { type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }] }, example: { fast: 10, slow: 30 } };

// ---- runs ----

export class BacktestMetricsViewDto implements BacktestMetricsView {
  @ApiProperty() initialCash: number;
  @ApiProperty() finalEquity: number;
  @ApiProperty({ description: 'Fraction: 0.12 = +12 %.' }) totalReturn: number;
  @ApiProperty({ nullable: true, type: Number }) cagr: number | null;
  @ApiProperty({ nullable: true, type: Number }) annualizedVolatility: number | null;
  @ApiProperty({ nullable: true, type: Number }) sharpe: number | null;
  @ApiProperty({ nullable: true, type: Number }) sortino: number | null;
  @ApiProperty({ description: 'A positive fraction: 0.2 = 20 % below a peak.' }) maxDrawdown: number;
  @ApiProperty({ description: 'Longest drawdown in bars, from the peak to the recovery (or to the end).' }) maxDrawdownDuration: number;
  @ApiProperty({ nullable: true, type: Number }) calmar: number | null;
  @ApiProperty() trades: number;
  @ApiProperty({ nullable: true, type: Number }) winRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) profitFactor: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageWin: number | null;
  @ApiProperty({ nullable: true, type: Number }) averageLoss: number | null;
  @ApiProperty() exposure: number;
  @ApiProperty({ nullable: true, type: Number }) turnover: number | null;
  @ApiProperty() feesPaid: number;
}

export class RunSummaryDto implements RunSummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: RUN_KINDS }) kind: RunSummary['kind'];
  @ApiProperty({ enum: RUN_STATUSES }) status: RunSummary['status'];
  @ApiProperty({ description: '0..1' }) progress: number;
  @ApiProperty({ nullable: true, type: String }) strategyId: string | null;
  @ApiProperty({ nullable: true, type: Number }) strategyVersion: number | null;
  @ApiProperty() label: string;
  @ApiProperty({ type: BacktestMetricsViewDto, nullable: true }) metrics: BacktestMetricsView | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class RunSummaryPageDto {
  @ApiProperty({ type: [RunSummaryDto] }) items: RunSummary[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class TradeViewDto implements TradeView {
  @ApiProperty() symbol: string;
  @ApiProperty({ enum: ['long', 'short'] }) direction: TradeView['direction'];
  @ApiProperty() quantity: number;
  @ApiProperty() entryTime: string;
  @ApiProperty() entryPrice: number;
  @ApiProperty({ nullable: true, type: String }) exitTime: string | null;
  @ApiProperty({ nullable: true, type: Number }) exitPrice: number | null;
  @ApiProperty() grossPnl: number;
  @ApiProperty() fees: number;
  @ApiProperty() netPnl: number;
  @ApiProperty() open: boolean;
}

export class GridPointViewDto implements GridPointView {
  @ApiProperty(PARAM_VALUES) params: GridPointView['params'];
  @ApiProperty({ type: BacktestMetricsViewDto, nullable: true }) metrics: BacktestMetricsView | null;
  @ApiPropertyOptional() error?: string;
}

export class DateRangeDto implements DateRange {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class WalkForwardWindowViewDto implements WalkForwardWindowView {
  @ApiProperty() index: number;
  @ApiProperty({ type: DateRangeDto }) inSample: WalkForwardWindowView['inSample'];
  @ApiProperty({ type: DateRangeDto }) outOfSample: WalkForwardWindowView['outOfSample'];
  @ApiProperty(PARAM_VALUES) bestParams: WalkForwardWindowView['bestParams'];
  @ApiProperty({ type: BacktestMetricsViewDto, nullable: true }) inSampleMetrics: BacktestMetricsView | null;
  @ApiProperty({ type: BacktestMetricsViewDto, nullable: true }) outOfSampleMetrics: BacktestMetricsView | null;
}

export class HistogramDto implements Histogram {
  @ApiProperty({ type: [Number], description: 'Bin edges: one more than counts.' }) edges: number[];
  @ApiProperty({ type: [Number] }) counts: number[];
}

export class MonteCarloDistributionDto implements MonteCarloDistribution {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Value at each percentile, keyed by its probability (0.05 = the 5th percentile).', example: { '0.05': 0.04, '0.5': 0.12, '0.95': 0.31 } })
  percentiles: Record<string, number>;
  @ApiProperty({ type: HistogramDto }) histogram: MonteCarloView['maxDrawdown']['histogram'];
}

export class LossProbabilityDto implements LossProbability {
  @ApiProperty({ example: 0.1, description: 'A loss as a fraction of initial equity (0.1 = 10 %).' }) threshold: number;
  @ApiProperty({ description: 'P(final return < −threshold).' }) probability: number;
  @ApiProperty({ description: 'P(maximum drawdown > threshold).' }) drawdownProbability: number;
}

export class MonteCarloViewDto implements MonteCarloView {
  @ApiProperty() paths: number;
  @ApiProperty() steps: number;
  @ApiProperty() seed: number;
  @ApiProperty({ type: [Number], description: 'The probabilities of the bands, e.g. 0.05.' }) percentiles: number[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'bands[i][t]: equity (relative, 1 = start) at percentile i, step t.' }) bands: number[][];
  @ApiProperty({ type: MonteCarloDistributionDto }) maxDrawdown: MonteCarloView['maxDrawdown'];
  @ApiProperty({ type: MonteCarloDistributionDto }) finalReturn: MonteCarloView['finalReturn'];
  @ApiProperty({ type: [LossProbabilityDto] }) lossProbabilities: MonteCarloView['lossProbabilities'];
  @ApiProperty() elapsedMs: number;
}

export class EquitySeriesDto implements NonNullable<RunDetail['equity']> {
  @ApiProperty({ type: [Number], description: 'Epoch ms.' }) time: number[];
  @ApiProperty({ type: [Number] }) equity: number[];
  @ApiProperty({ type: [Number] }) drawdown: number[];
}

export class LookaheadCheckDto implements NonNullable<RunDetail['lookahead']> {
  @ApiProperty() checked: boolean;
  @ApiProperty() differences: number;
  @ApiProperty({ type: [String] }) details: string[];
}

export class RunDetailDto extends RunSummaryDto implements RunDetail {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The configuration the run was queued with.' }) config: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'A fingerprint of the bars the run read.' }) dataVersion: string | null;
  @ApiProperty({ type: EquitySeriesDto, nullable: true, description: 'Downsampled to at most 2,000 points.' }) equity: RunDetail['equity'];
  @ApiProperty({ type: [TradeViewDto] }) trades: TradeView[];
  @ApiProperty({ type: [GridPointViewDto], nullable: true }) grid: GridPointView[] | null;
  @ApiProperty({ type: [WalkForwardWindowViewDto], nullable: true }) walkForward: WalkForwardWindowView[] | null;
  @ApiProperty({ type: MonteCarloViewDto, nullable: true }) monteCarlo: MonteCarloView | null;
  @ApiProperty({ type: LookaheadCheckDto, nullable: true }) lookahead: RunDetail['lookahead'];
}

export class RunCompareDto implements RunCompare {
  @ApiProperty({ type: [RunDetailDto] }) runs: RunDetail[];
}

// ---- stress tests ----

export class StressPositionResultDto implements StressPositionResult {
  @ApiProperty() symbol: string;
  @ApiProperty() quantity: number;
  @ApiProperty() price: number;
  @ApiProperty() pnl: number;
}

export class StressBreachDto implements StressBreach {
  @ApiProperty({ example: 'maxDailyLoss' }) limit: string;
  @ApiProperty() value: number;
  @ApiProperty() threshold: number;
}

export class StressScenarioResultDto implements StressScenarioResult {
  @ApiProperty() name: string;
  @ApiProperty({ example: 'shock' }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty() pnl: number;
  @ApiProperty() pnlPct: number;
  @ApiProperty({ type: [StressPositionResultDto] }) positions: StressPositionResult[];
  @ApiProperty({ type: [StressBreachDto], description: 'The risk limits breached.' }) breaches: StressScenarioResult['breaches'];
}

export class StressTestResponseDto implements StressTestResponse {
  @ApiProperty({ enum: ['portfolio', 'backtest'] }) source: StressTestResponse['source'];
  @ApiProperty() equity: number;
  @ApiProperty({ type: [StressScenarioResultDto] }) scenarios: StressScenarioResult[];
}

export class StressScenarioViewDto implements StressScenarioView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { kind: 'shock', moves: { '*': -0.1 } } }) definition: Record<string, unknown>;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

// ---- strategies ----

/** ParamSpecView is a union keyed by `type`; documented as its common shape, each field saying which types carry it. */
export class ParamSpecViewDto {
  @ApiProperty({ enum: ['integer', 'number', 'boolean', 'enum'] }) type: ParamSpecView['type'];
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }], description: 'A number, boolean or string, by type.' }) default: ParamSpecView['default'];
  @ApiPropertyOptional({ description: 'integer and number.' }) min?: number;
  @ApiPropertyOptional({ description: 'integer and number.' }) max?: number;
  @ApiPropertyOptional({ description: 'integer and number.' }) step?: number;
  @ApiPropertyOptional({ type: [String], description: 'enum: the allowed values.' }) values?: readonly string[];
  @ApiProperty() description: string;
}

export class StrategyVersionViewDto implements StrategyVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'builtin: { builtin, params }; rule: the rule document as submitted.' }) definition: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'The rule printed back in canonical form (rule strategies).' }) canonical: string | null;
  @ApiProperty(PARAM_VALUES) params: StrategyVersionView['params'];
  @ApiProperty() warmupBars: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class StrategyLiveDto implements NonNullable<StrategyView['live']> {
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) status: NonNullable<StrategyView['live']>['status'];
  @ApiProperty() deploymentId: string;
}

export class StrategyViewDto implements StrategyView {
  @ApiProperty({ example: 'sma-crossover' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['builtin', 'rule'] }) kind: StrategyView['kind'];
  @ApiProperty() description: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ParamSpecViewDto) },
    description: 'Built-ins: their parameter schema; rule strategies: their named parameters.',
  })
  params: StrategyView['params'];
  @ApiProperty() latestVersion: number;
  @ApiProperty({ type: [StrategyVersionViewDto] }) versions: StrategyVersionView[];
  @ApiProperty({ type: RunSummaryDto, nullable: true }) latestBacktest: RunSummary | null;
  @ApiProperty({ type: StrategyLiveDto, nullable: true }) live: StrategyView['live'];
  @ApiProperty({ nullable: true, type: String, description: 'Null for built-ins.' }) ownerId: string | null;
  @ApiProperty() createdAt: string;
}

export class StrategyPageDto {
  @ApiProperty({ type: [StrategyViewDto] }) items: StrategyView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class RuleErrorPositionDto implements NonNullable<RuleError['position']> {
  @ApiProperty() offset: number;
  @ApiProperty() line: number;
  @ApiProperty() column: number;
}

export class RuleErrorDto implements RuleError {
  @ApiProperty({ example: 'sizing.value', description: 'Where in the document.' }) path: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: RuleErrorPositionDto }) position?: RuleError['position'];
}

export class RuleCanonicalDto implements NonNullable<RuleValidation['canonical']> {
  @ApiProperty() entry: string;
  @ApiProperty({ nullable: true, type: String }) exit: string | null;
}

export class RuleValidationDto implements RuleValidation {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [RuleErrorDto] }) errors: RuleError[];
  @ApiProperty({ type: RuleCanonicalDto, nullable: true, description: 'The rule printed back (when it parses).' }) canonical: RuleValidation['canonical'];
  @ApiProperty({ nullable: true, type: Number }) warmupBars: number | null;
}

// ---- deployments ----

export class DeploymentViewDto implements DeploymentView {
  @ApiProperty() id: string;
  @ApiProperty() strategyId: string;
  @ApiProperty() version: number;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'The tag its orders carry.' }) tag: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ type: [String], example: ['R_100'] }) symbols: string[];
  @ApiProperty({ example: '1m' }) timeframe: string;
  @ApiProperty(PARAM_VALUES) params: DeploymentView['params'];
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) status: DeploymentView['status'];
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() backtestRunId: string;
  @ApiProperty() barsSeen: number;
  @ApiProperty() ordersPlaced: number;
  @ApiProperty({ nullable: true, type: String }) lastBarAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() startedAt: string;
  @ApiProperty() updatedAt: string;
}

export class DeploymentLiveTotalsDto implements DeploymentLiveTotals {
  @ApiProperty() trades: number;
  @ApiProperty() fills: number;
  @ApiProperty() netPnl: number;
  @ApiProperty() feesPaid: number;
}

export class DeploymentBacktestTotalsDto extends DeploymentLiveTotalsDto implements DeploymentBacktestTotals {
  @ApiProperty({ nullable: true, type: String, description: 'Why the comparison backtest could not run.' }) error: string | null;
}

export class DeploymentReportDto implements DeploymentReport {
  @ApiProperty({ type: DeploymentViewDto }) deployment: DeploymentView;
  @ApiProperty({ type: DateRangeDto }) period: DeploymentReport['period'];
  @ApiProperty({ type: DeploymentLiveTotalsDto }) live: DeploymentReport['live'];
  @ApiProperty({ type: DeploymentBacktestTotalsDto }) backtest: DeploymentReport['backtest'];
  @ApiProperty({ description: 'Live net P&L minus backtest net P&L.' }) drift: number;
  @ApiProperty({ type: [String] }) notes: string[];
}
