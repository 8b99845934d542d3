import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MARKET_TIMEFRAMES,
  type CandlePage,
  type CandleView,
  type CorrelationResponse,
  type ImportResult,
  type InstrumentView,
  type LiveDataResponse,
  type LiveQuote,
  type PriceAlertView,
  type ReplayView,
} from '../markets';
import { AlertConditionDto, AlertTriggerDto } from './markets.dto';

// Response shapes of F4 Markets (and the history import) for OpenAPI only: each class implements
// the contract's interface, so the documentation cannot drift from what the code returns without a
// compile error.

// Named parts of the contracts' nested shapes (a class can only implement a named type).
type RollingCorrelation = NonNullable<CorrelationResponse['rolling']>;
type RollingCorrelationPoint = RollingCorrelation['points'][number];

export class InstrumentViewDto implements InstrumentView {
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ example: 'Volatility 100 Index' }) displayName: string;
  @ApiProperty({ example: 'volatility_index', description: 'volatility_index, step_index, or imported (history bound from a CSV).' }) type: string;
  @ApiProperty() decimals: number;
  @ApiProperty() pipSize: number;
  @ApiProperty({ enum: ['simulated', 'deriv', 'replay', 'imported'], description: 'Where its prices come from.' }) venue: InstrumentView['venue'];
  @ApiProperty({ description: 'Live instruments tick; imported ones only have history.' }) live: boolean;
}

export class LiveQuoteDto implements LiveQuote {
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty() displayName: string;
  @ApiProperty() decimals: number;
  @ApiProperty() price: number;
  @ApiProperty({ description: 'Time of the last tick, epoch ms.' }) epochMs: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Over the last 24 h.' }) change24h: number | null;
  @ApiProperty({ nullable: true, type: Number }) changePct24h: number | null;
  @ApiProperty({ nullable: true, type: Number }) high24h: number | null;
  @ApiProperty({ nullable: true, type: Number }) low24h: number | null;
}

export class CandleViewDto implements CandleView {
  @ApiProperty({ description: 'Bucket start, epoch ms (UTC).' }) time: number;
  @ApiProperty() open: number;
  @ApiProperty() high: number;
  @ApiProperty() low: number;
  @ApiProperty() close: number;
  @ApiProperty({ nullable: true, type: Number }) volume: number | null;
  @ApiProperty() tickCount: number;
  @ApiProperty({ description: 'False for the candle still being built.' }) closed: boolean;
}

export class CandlePageDto implements CandlePage {
  @ApiProperty() symbol: string;
  @ApiProperty({ enum: MARKET_TIMEFRAMES }) timeframe: CandlePage['timeframe'];
  @ApiProperty({ type: [CandleViewDto], description: 'Oldest first.' }) items: CandleView[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as `before` (epoch ms) for the page before this one; null when there is none.' }) nextBefore: number | null;
  @ApiPropertyOptional({ description: "Set on the newest page while the venue's history of the symbol is still being fetched: ask again shortly." }) backfilling?: boolean;
}

export class LiveDataResponseDto implements LiveDataResponse {
  @ApiProperty({ type: [LiveQuoteDto] }) quotes: LiveQuote[];
  @ApiPropertyOptional({ type: CandlePageDto, description: 'Present when a symbol was asked for.' }) candles?: CandlePage;
}

export class RollingCorrelationPointDto implements RollingCorrelationPoint {
  @ApiProperty({ description: 'Epoch ms.' }) time: number;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
}

export class RollingCorrelationDto implements RollingCorrelation {
  @ApiProperty() window: number;
  @ApiProperty({ type: [RollingCorrelationPointDto] }) points: RollingCorrelationPointDto[];
}

export class CorrelationResponseDto implements CorrelationResponse {
  @ApiProperty({ type: [String], example: ['R_10', 'R_100'] }) symbols: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'Pearson correlation of simple returns over the common dates; matrix[i][j] pairs symbols[i] and symbols[j].', example: [[1, 0.42], [0.42, 1]] })
  matrix: number[][];
  @ApiProperty() observations: number;
  @ApiProperty({ enum: MARKET_TIMEFRAMES }) timeframe: CorrelationResponse['timeframe'];
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiPropertyOptional({ type: RollingCorrelationDto, description: 'With window and exactly two symbols: the rolling correlation.' }) rolling?: CorrelationResponse['rolling'];
}

export class PriceAlertViewDto implements PriceAlertView {
  @ApiProperty() id: string;
  @ApiProperty() ownerId: string;
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ type: AlertConditionDto, description: 'level for above, below and cross; percent and windowSec for percentMove.' }) condition: PriceAlertView['condition'];
  @ApiProperty({ type: AlertTriggerDto, description: 'cooldownSec with mode repeat.' }) trigger: PriceAlertView['trigger'];
  @ApiProperty({ nullable: true, type: String }) webhookUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: ['active', 'spent'] }) status: PriceAlertView['status'];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastFiredAt: string | null;
  @ApiProperty() firedCount: number;
}

export class ReplayViewDto implements ReplayView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ example: 'R_100.replay', description: 'The symbol its ticks and candles carry on the market stream.' }) streamSymbol: string;
  @ApiProperty({ enum: MARKET_TIMEFRAMES }) timeframe: ReplayView['timeframe'];
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() speed: number;
  @ApiProperty({ enum: ['playing', 'finished', 'stopped'] }) state: ReplayView['state'];
  @ApiProperty() ticksSent: number;
  @ApiProperty() startedBy: string;
  @ApiProperty() startedAt: string;
}

export class ImportResultDto implements ImportResult {
  @ApiProperty() importId: string;
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ enum: MARKET_TIMEFRAMES }) timeframe: ImportResult['timeframe'];
  @ApiProperty() rows: number;
  @ApiProperty({ description: 'First imported date.' }) from: string;
  @ApiProperty({ description: 'Last imported date.' }) to: string;
  @ApiProperty() durationMs: number;
}
