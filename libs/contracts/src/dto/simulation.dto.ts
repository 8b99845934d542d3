import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MARKET_TIMEFRAMES, type MarketTimeframe } from '../markets';
import { RUN_KINDS, RUN_STATUSES, type RunKind, type RunStatus } from '../simulation';
import { SYMBOL_PATTERN } from './markets.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STRATEGY_ID = /^[a-z0-9][a-z0-9-]{0,63}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class RegistryQueryDto {
  @ApiPropertyOptional({ enum: ['builtin', 'rule'] }) @IsOptional() @IsIn(['builtin', 'rule']) kind?: 'builtin' | 'rule';
  @ApiPropertyOptional({ description: 'Text in the name or description.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class StrategyIdParamDto {
  @ApiProperty() @IsString() @Matches(STRATEGY_ID, { message: 'id must be a built-in id or a UUID' }) id: string;
}

export class CreateStrategyDto {
  @ApiPropertyOptional({ description: 'A new version of this strategy (one of yours); omit to create a new strategy.' })
  @IsOptional() @IsString() @Matches(UUID, { message: 'strategyId must be a UUID' }) strategyId?: string;
  @ApiPropertyOptional({ maxLength: 80, description: 'Required for a new strategy.' }) @IsOptional() @IsString() @MaxLength(80) name?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiProperty({ enum: ['rule', 'builtin'] }) @IsIn(['rule', 'builtin']) kind: 'rule' | 'builtin';
  @ApiPropertyOptional({ description: 'kind rule: the rule document { entry, exit, side, sizing, stopLoss?, takeProfit?, params? }.' }) @IsOptional() @IsObject() rule?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'kind builtin: the built-in it configures, e.g. sma-crossover.' }) @IsOptional() @IsString() @MaxLength(64) builtin?: string;
  @ApiPropertyOptional({ description: 'Parameter values (checked against the schema).' }) @IsOptional() @IsObject() params?: Record<string, number | boolean | string>;
}

export class ValidateRuleDto {
  @ApiProperty({ description: 'A rule document to parse and type-check without saving.' }) @IsObject() rule: Record<string, unknown>;
}

export class BacktestDataDto {
  @ApiProperty({ type: [String], example: ['R_100'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(SYMBOL_PATTERN, { each: true, message: 'each symbol must be 1–32 letters, digits or . _ ^ -' }) symbols: string[];
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1d' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional({ description: 'ISO 8601 start (default: all stored bars).' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 end, exclusive.' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ default: 100_000 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(1e12) initialCash?: number;
  @ApiPropertyOptional({ default: 0, description: 'Fees in basis points of notional per fill.' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) feesBps?: number;
  @ApiPropertyOptional({ default: 0, description: 'Fixed fee per fill.' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e6) feeFixed?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) slippageBps?: number;
}

export class StrategyBacktestDto extends BacktestDataDto {
  @ApiProperty({ description: 'A strategy of the registry (built-in id or UUID).' }) @IsString() @Matches(STRATEGY_ID, { message: 'strategyId must be a built-in id or a UUID' }) strategyId: string;
  @ApiPropertyOptional({ description: 'Default: the latest version.' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'Override parameter values.' }) @IsOptional() @IsObject() params?: Record<string, number | boolean | string>;
}

export class WalkForwardDto {
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) windows: number;
  @ApiProperty({ minimum: 10, description: 'Bars optimised in each window.' }) @IsInt() @Min(10) @Max(10_000_000) inSampleBars: number;
  @ApiProperty({ minimum: 5, description: 'Bars tested after each window with the best parameters.' }) @IsInt() @Min(5) @Max(10_000_000) outOfSampleBars: number;
  @ApiPropertyOptional({ enum: ['sharpe', 'totalReturn', 'calmar', 'sortino'], default: 'sharpe' }) @IsOptional() @IsIn(['sharpe', 'totalReturn', 'calmar', 'sortino']) objective?: 'sharpe' | 'totalReturn' | 'calmar' | 'sortino';
}

export class RandomSearchDto {
  @ApiProperty({ minimum: 1, maximum: 10_000 }) @IsInt() @Min(1) @Max(10_000) samples: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(0) @Max(2 ** 31) seed?: number;
}

export class SimulationBacktestDto extends BacktestDataDto {
  @ApiPropertyOptional({ description: 'A registry strategy (built-in id or UUID); or give rule.' }) @IsOptional() @IsString() @Matches(STRATEGY_ID, { message: 'strategyId must be a built-in id or a UUID' }) strategyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'An unsaved rule document (instead of strategyId).' }) @IsOptional() @IsObject() rule?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsObject() params?: Record<string, number | boolean | string>;
  @ApiPropertyOptional({ description: 'Grid search: values per parameter, e.g. { "fast": [5, 10], "slow": [20, 30] } (at most 2,000 points).' }) @IsOptional() @IsObject() grid?: Record<string, (number | boolean | string)[]>;
  @ApiPropertyOptional({ type: RandomSearchDto, description: 'Random search within the parameter schema.' }) @IsOptional() @IsObject() @ValidateNested() @Type(() => RandomSearchDto) random?: RandomSearchDto;
  @ApiPropertyOptional({ type: WalkForwardDto, description: 'Walk-forward: optimise the grid in-sample, test out-of-sample, roll forward.' }) @IsOptional() @IsObject() @ValidateNested() @Type(() => WalkForwardDto) walkForward?: WalkForwardDto;
  @ApiPropertyOptional({ default: false, description: 'Also run the look-ahead check (twice the work).' }) @IsOptional() @IsBoolean() lookaheadCheck?: boolean;
}

export class ResultsQueryDto {
  @ApiPropertyOptional({ description: 'One run in full.' }) @IsOptional() @IsString() @Matches(UUID, { message: 'id must be a UUID' }) id?: string;
  @ApiPropertyOptional({ description: 'Several runs in full, comma-separated (compare).' }) @IsOptional() @IsString() @Matches(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){1,9}$/, { message: 'ids must be 2 to 10 comma-separated UUIDs' }) ids?: string;
  @ApiPropertyOptional({ enum: RUN_KINDS }) @IsOptional() @IsIn(RUN_KINDS) kind?: RunKind;
  @ApiPropertyOptional({ enum: RUN_STATUSES }) @IsOptional() @IsIn(RUN_STATUSES) status?: RunStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(STRATEGY_ID, { message: 'strategyId must be a built-in id or a UUID' }) strategyId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class RunIdDto {
  @ApiProperty() @IsString() @Matches(UUID, { message: 'id must be a UUID' }) id: string;
}

export class MonteCarloDto {
  @ApiProperty({ enum: ['backtest', 'portfolio'] }) @IsIn(['backtest', 'portfolio']) source: 'backtest' | 'portfolio';
  @ApiPropertyOptional({ description: 'source backtest: the run to resample.' }) @IsOptional() @IsString() @Matches(UUID, { message: 'runId must be a UUID' }) runId?: string;
  @ApiProperty({ enum: ['trade-resample', 'block-bootstrap', 'gbm', 'history-bootstrap'], description: 'backtest: trade-resample or block-bootstrap; portfolio: gbm or history-bootstrap.' })
  @IsIn(['trade-resample', 'block-bootstrap', 'gbm', 'history-bootstrap']) method: 'trade-resample' | 'block-bootstrap' | 'gbm' | 'history-bootstrap';
  @ApiPropertyOptional({ minimum: 100, maximum: 200_000, default: 10_000 }) @IsOptional() @IsInt() @Min(100) @Max(200_000) paths?: number;
  @ApiPropertyOptional({ minimum: 2, maximum: 2_520, default: 252 }) @IsOptional() @IsInt() @Min(2) @Max(2_520) steps?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(0) @Max(2 ** 31) seed?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 250, default: 5 }) @IsOptional() @IsInt() @Min(1) @Max(250) blockLength?: number;
  @ApiPropertyOptional({ type: [Number], description: 'Probability of losing more than each fraction (default 0.1, 0.2, 0.3).' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0.001, { each: true }) @Max(1, { each: true }) lossThresholds?: number[];
}

export class ScenarioDto {
  @ApiProperty({ maxLength: 80 }) @IsString() @MaxLength(80) name: string;
  @ApiProperty({
    description:
      "One of { kind: 'shock', moves: { '*': -0.1, R_100: -0.2 } } (fractions), { kind: 'volatility', multiplier: 2 }, { kind: 'correlation-one' }, { kind: 'worst-window', days: 5 }, { kind: 'date-range', from, to }.",
  })
  @IsObject() definition: Record<string, unknown>;
}

export class StressTestDto {
  @ApiProperty({ enum: ['portfolio', 'backtest'] }) @IsIn(['portfolio', 'backtest']) source: 'portfolio' | 'backtest';
  @ApiPropertyOptional({ description: 'source backtest: its final positions are stressed.' }) @IsOptional() @IsString() @Matches(UUID, { message: 'runId must be a UUID' }) runId?: string;
  @ApiPropertyOptional({ type: [ScenarioDto], description: 'Scenarios to run now (besides the standard set).' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ScenarioDto) scenarios?: ScenarioDto[];
  @ApiPropertyOptional({ type: [String], description: 'Saved scenarios to include.' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Matches(UUID, { each: true, message: 'each scenario id must be a UUID' }) scenarioIds?: string[];
  @ApiPropertyOptional({ default: true, description: 'Include the standard scenarios.' }) @IsOptional() @IsBoolean() standard?: boolean;
}

export class DeployStrategyDto {
  @ApiProperty({ description: 'A registry strategy (built-in id or UUID) with a finished backtest of this version.' }) @IsString() @Matches(STRATEGY_ID, { message: 'strategyId must be a built-in id or a UUID' }) strategyId: string;
  @ApiPropertyOptional({ description: 'Default: the latest version.' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional() @IsOptional() @IsObject() params?: Record<string, number | boolean | string>;
  @ApiProperty({ type: [String], example: ['R_100'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(SYMBOL_PATTERN, { each: true, message: 'each symbol must be 1–32 letters, digits or . _ ^ -' }) symbols: string[];
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1m', description: 'The live bars it decides on.' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional({ description: 'An account of yours; default your paper account.' }) @IsOptional() @IsString() @MaxLength(64) accountId?: string;
}

export class DeploymentSpecDto {
  @IsString() @MaxLength(64) strategyId: string;
  @IsInt() @Min(1) version: number;
  @IsString() @MaxLength(200) label: string;
  @IsObject() source: Record<string, unknown>;
  @IsObject() params: Record<string, number | boolean | string>;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(SYMBOL_PATTERN, { each: true }) symbols: string[];
  @IsIn(MARKET_TIMEFRAMES) timeframe: MarketTimeframe;
  @IsString() @Matches(UUID) backtestRunId: string;
  @IsOptional() @IsString() @MaxLength(64) accountId?: string;
}

export class DeploymentControlDto {
  @ApiProperty() @IsString() @Matches(UUID, { message: 'id must be a UUID' }) id: string;
  @ApiProperty({ enum: ['start', 'pause', 'stop'] }) @IsIn(['start', 'pause', 'stop']) action: 'start' | 'pause' | 'stop';
}

export class DeploymentIdDto {
  @ApiProperty() @IsString() @Matches(UUID, { message: 'id must be a UUID' }) id: string;
}
