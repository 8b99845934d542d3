import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MARKET_TIMEFRAMES, type MarketTimeframe, type PriceAlertCondition, type PriceAlertView } from '../markets';

// The same classes validate the gateway's HTTP input and execution's transport messages.

export const SYMBOL_PATTERN = /^[A-Za-z0-9._^-]{1,32}$/;
const SYMBOL_LIST = /^[A-Za-z0-9._^-]{1,32}(,[A-Za-z0-9._^-]{1,32}){1,19}$/;

export class LiveDataQueryDto {
  @ApiPropertyOptional({ example: 'R_100', description: 'Also return candles of this symbol.' })
  @IsOptional() @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol?: string;
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1m' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional({ description: 'ISO 8601; candles at or after.' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601; candles before.' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'Epoch ms cursor (nextBefore of the previous page).' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(8.64e15) before?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5000) limit?: number;
}

export class CorrelationQueryDto {
  @ApiProperty({ example: 'R_10,R_100,SPY', description: '2 to 20 symbols, comma-separated.' })
  @IsString() @Matches(SYMBOL_LIST, { message: 'symbols must be 2 to 20 comma-separated symbols' }) symbols: string;
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1d' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ minimum: 2, maximum: 1000, description: 'With exactly two symbols: rolling correlation over this many returns.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2) @Max(1000) window?: number;
}

export class AlertConditionDto {
  @ApiProperty({ enum: ['above', 'below', 'cross', 'percentMove'] }) @IsIn(['above', 'below', 'cross', 'percentMove']) kind: PriceAlertCondition['kind'];
  @ApiPropertyOptional({ description: 'Price level (above, below, cross).' })
  @ValidateIf((o: AlertConditionDto) => o.kind !== 'percentMove') @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) level?: number;
  @ApiPropertyOptional({ enum: ['up', 'down', 'either'] }) @IsOptional() @IsIn(['up', 'down', 'either']) direction?: 'up' | 'down' | 'either';
  @ApiPropertyOptional({ description: 'percentMove: the move in percent.' })
  @ValidateIf((o: AlertConditionDto) => o.kind === 'percentMove') @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.0001) @Max(1000) percent?: number;
  @ApiPropertyOptional({ description: 'percentMove: the window in seconds.' })
  @ValidateIf((o: AlertConditionDto) => o.kind === 'percentMove') @IsInt() @Min(1) @Max(86400) windowSec?: number;
}

export class AlertTriggerDto {
  @ApiProperty({ enum: ['once', 'repeat'] }) @IsIn(['once', 'repeat']) mode: 'once' | 'repeat';
  @ApiPropertyOptional({ description: 'repeat: least seconds between two firings.' })
  @ValidateIf((o: AlertTriggerDto) => o.mode === 'repeat') @IsInt() @Min(1) @Max(86400) cooldownSec?: number;
}

export class CreatePriceAlertDto {
  @ApiProperty({ example: 'R_100' }) @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol: string;
  @ApiProperty({ type: AlertConditionDto }) @IsObject() @ValidateNested() @Type(() => AlertConditionDto) condition: PriceAlertCondition;
  @ApiProperty({ type: AlertTriggerDto }) @IsObject() @ValidateNested() @Type(() => AlertTriggerDto) trigger: PriceAlertView['trigger'];
  @ApiPropertyOptional({ description: 'Delivered with retries as a JSON POST.' })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2000) webhookUrl?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class UuidParamDto {
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id must be a UUID' }) id: string;
}

export class ReplayStartDto {
  @ApiProperty({ example: 'SPY', description: 'A symbol with stored candles (imported or recorded).' })
  @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol: string;
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1d' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional({ description: 'ISO 8601 start (default: the first stored candle).' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 end, exclusive (default: after the last stored candle).' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000_000, default: 86_400, description: 'Market time runs this many times faster than the clock (86400: a day per second).' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(100_000_000) speed?: number;
}

export class CandleColumnsQueryDto {
  @ApiProperty({ example: 'R_100' }) @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol: string;
  @ApiPropertyOptional({ enum: MARKET_TIMEFRAMES, default: '1d' }) @IsOptional() @IsIn(MARKET_TIMEFRAMES) timeframe?: MarketTimeframe;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 2_000_000 }) @IsOptional() @IsInt() @Min(1) @Max(2_000_000) limit?: number;
}
