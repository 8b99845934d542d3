import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { ALGO_KINDS, ORDER_ROLES, ORDER_SIDES, ORDER_STATUS_NAMES, ORDER_TYPE_NAMES, TIME_IN_FORCE_NAMES, type AlgoKind, type OrderRoleName, type OrderSideName, type OrderStatusName, type OrderTypeName, type TimeInForceName } from '../trading';
import { SYMBOL_PATTERN } from './markets.dto';

const DECIMAL = /^(\d{1,20})(\.\d{1,18})?$/;
const CLIENT_ORDER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A positive decimal as a string ("1.25") or a JSON number; kept as the canonical string. */
function IsPositiveDecimal(options?: ValidationOptions & { allowZero?: boolean }) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPositiveDecimal',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a ${options?.allowZero ? 'non-negative' : 'positive'} decimal such as "1.5" (up to 20 digits and 18 decimals)`, ...options },
      validator: {
        validate(value: unknown) {
          const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
          if (typeof text !== 'string' || !DECIMAL.test(text)) return false;
          return options?.allowZero || /[1-9]/.test(text);
        },
      },
    });
}
const toDecimalString = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);

export class AlgoParamsDto {
  @ApiProperty({ enum: ALGO_KINDS }) @IsIn(ALGO_KINDS) kind: AlgoKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 86_400, description: 'TWAP/VWAP: seconds over which the quantity is worked.' })
  @ValidateIf((o: AlgoParamsDto) => o.kind !== 'iceberg') @IsInt() @Min(1) @Max(86_400) durationSec?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'TWAP/VWAP: number of child orders.' })
  @ValidateIf((o: AlgoParamsDto) => o.kind !== 'iceberg') @IsInt() @Min(1) @Max(1000) slices?: number;
  @ApiPropertyOptional({ type: [Number], description: 'VWAP: relative volume per slice; default a U-shaped intraday profile.' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0, { each: true }) volumeProfile?: number[];
  @ApiPropertyOptional({ example: '1', description: 'Iceberg: the quantity shown at a time.' })
  @ValidateIf((o: AlgoParamsDto) => o.kind === 'iceberg') @Transform(toDecimalString) @IsPositiveDecimal() displayQuantity?: string;
}

export class BracketDto {
  @ApiPropertyOptional({ example: '1100', description: 'Take-profit limit price of the child order.' })
  @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() takeProfit?: string;
  @ApiPropertyOptional({ example: '950', description: 'Stop-loss stop price of the child order.' })
  @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() stopLoss?: string;
}

export class OcoLegDto {
  @ApiProperty({ enum: ['limit', 'stop', 'stop-limit'] }) @IsIn(['limit', 'stop', 'stop-limit']) type: 'limit' | 'stop' | 'stop-limit';
  @ApiPropertyOptional() @ValidateIf((o: OcoLegDto) => o.type !== 'stop') @Transform(toDecimalString) @IsPositiveDecimal() limitPrice?: string;
  @ApiPropertyOptional() @ValidateIf((o: OcoLegDto) => o.type !== 'limit') @Transform(toDecimalString) @IsPositiveDecimal() stopPrice?: string;
}

export class CreateOrderDto {
  @ApiProperty({ example: 'R_100' }) @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol: string;
  @ApiProperty({ enum: ORDER_SIDES }) @IsIn(ORDER_SIDES) side: OrderSideName;
  @ApiProperty({ enum: [...ORDER_TYPE_NAMES, 'algo'], description: "'algo' works the quantity through child orders (see algo)." })
  @IsIn([...ORDER_TYPE_NAMES, 'algo']) type: OrderTypeName | 'algo';
  @ApiProperty({ example: '1', description: 'Decimal string (or number).' }) @Transform(toDecimalString) @IsPositiveDecimal() quantity: string;
  @ApiPropertyOptional({ description: 'limit and stop-limit (and iceberg algos).' })
  @ValidateIf((o: CreateOrderDto) => o.type === 'limit' || o.type === 'stop-limit' || o.algo?.kind === 'iceberg' || o.limitPrice !== undefined) @Transform(toDecimalString) @IsPositiveDecimal() limitPrice?: string;
  @ApiPropertyOptional({ description: 'stop and stop-limit.' })
  @ValidateIf((o: CreateOrderDto) => o.type === 'stop' || o.type === 'stop-limit' || o.stopPrice !== undefined) @Transform(toDecimalString) @IsPositiveDecimal() stopPrice?: string;
  @ApiPropertyOptional({ description: 'trailing-stop: distance in price units (or give trailPercent).' })
  @ValidateIf((o: CreateOrderDto) => (o.type === 'trailing-stop' && o.trailPercent === undefined) || o.trailAmount !== undefined) @Transform(toDecimalString) @IsPositiveDecimal() trailAmount?: string;
  @ApiPropertyOptional({ description: 'trailing-stop: distance as a fraction of the best price (0.02 = 2 %).' })
  @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() trailPercent?: string;
  @ApiPropertyOptional({ enum: TIME_IN_FORCE_NAMES, default: 'GTC' }) @IsOptional() @IsIn(TIME_IN_FORCE_NAMES) timeInForce?: TimeInForceName;
  @ApiPropertyOptional({ description: 'GTD: ISO 8601 expiry.' }) @ValidateIf((o: CreateOrderDto) => o.timeInForce === 'GTD') @IsISO8601({ strict: true }) expireAt?: string;
  @ApiProperty({ example: 'my-order-1', description: 'Unique per account: sending it again returns the existing order.' })
  @IsString() @Matches(CLIENT_ORDER_ID, { message: 'clientOrderId must be 1–64 letters, digits or . _ : -' }) clientOrderId: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() reduceOnly?: boolean;
  @ApiPropertyOptional({ default: false, description: 'limit orders: refused if they would trade at once.' }) @IsOptional() @IsBoolean() postOnly?: boolean;
  @ApiPropertyOptional({ type: BracketDto, description: 'Take-profit and stop-loss children, placed when the entry fills; one cancels the other.' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BracketDto) bracket?: BracketDto;
  @ApiPropertyOptional({ type: OcoLegDto, description: 'A second order (same symbol, side and quantity); the first fill of either cancels the other.' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OcoLegDto) oco?: OcoLegDto;
  @ApiPropertyOptional({ type: AlgoParamsDto }) @ValidateIf((o: CreateOrderDto) => o.type === 'algo' || o.algo !== undefined) @IsObject() @ValidateNested() @Type(() => AlgoParamsDto) algo?: AlgoParamsDto;
  @ApiPropertyOptional({ description: 'An account of yours; default your paper account.' }) @IsOptional() @IsString() @MaxLength(64) accountId?: string;
  @ApiPropertyOptional({ maxLength: 120, description: 'Free tag (deployed strategies tag their orders).' }) @IsOptional() @IsString() @MaxLength(120) tag?: string;
}

export class OrderStatusQueryDto {
  @ApiPropertyOptional({ description: 'One order by id.' }) @IsOptional() @IsString() @MaxLength(64) id?: string;
  @ApiPropertyOptional({ description: 'One order by your clientOrderId.' }) @IsOptional() @IsString() @Matches(CLIENT_ORDER_ID, { message: 'clientOrderId must be 1–64 letters, digits or . _ : -' }) clientOrderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol?: string;
  @ApiPropertyOptional({ enum: [...ORDER_STATUS_NAMES, 'open', 'all'], default: 'open' }) @IsOptional() @IsIn([...ORDER_STATUS_NAMES, 'open', 'all']) status?: OrderStatusName | 'open' | 'all';
  @ApiPropertyOptional({ enum: ORDER_SIDES }) @IsOptional() @IsIn(ORDER_SIDES) side?: OrderSideName;
  @ApiPropertyOptional({ description: 'Orders of one parent algorithm.' }) @IsOptional() @IsString() @MaxLength(64) parentId?: string;
  @ApiPropertyOptional({ enum: ORDER_ROLES, description: 'e.g. algo-parent for the algorithms.' }) @IsOptional() @IsIn(ORDER_ROLES) role?: OrderRoleName;
  @ApiPropertyOptional({ description: 'Orders with this tag (a deployed strategy tags its orders).' }) @IsOptional() @IsString() @MaxLength(120) tag?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

export class OrderIdParamDto {
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id must be a UUID' }) id: string;
}

export class AmendOrderDto {
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'id must be a UUID' }) id: string;
  @ApiPropertyOptional({ description: 'New total quantity (not below what already filled).' }) @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() quantity?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() limitPrice?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() stopPrice?: string;
}

export class FillsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) orderId?: string;
  @ApiPropertyOptional({ enum: ORDER_SIDES }) @IsOptional() @IsIn(ORDER_SIDES) side?: OrderSideName;
  @ApiPropertyOptional({ description: 'ISO 8601, fills at or after.' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, fills before.' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000) offset?: number;
}

export class CancelOrdersDto {
  @ApiProperty({ enum: ['order', 'symbol', 'all'], description: 'One order (id or clientOrderId), every open order of a symbol, or every open order.' })
  @IsIn(['order', 'symbol', 'all']) scope: 'order' | 'symbol' | 'all';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CLIENT_ORDER_ID, { message: 'clientOrderId must be 1–64 letters, digits or . _ : -' }) clientOrderId?: string;
  @ApiPropertyOptional() @ValidateIf((o: CancelOrdersDto) => o.scope === 'symbol') @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
}

export class AccountQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
}

export class EquityQueryDto extends AccountQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 2000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) limit?: number;
}

export class RiskMetricsQueryDto extends AccountQueryDto {
  @ApiPropertyOptional({ example: 'R_100', description: 'Benchmark symbol for beta (default R_100).' })
  @IsOptional() @IsString() @Matches(SYMBOL_PATTERN, { message: 'benchmark must be 1–32 letters, digits or . _ ^ -' }) benchmark?: string;
  @ApiPropertyOptional({ enum: ['1h', '1d'], default: '1h', description: 'Timeframe of the historical returns.' }) @IsOptional() @IsIn(['1h', '1d']) timeframe?: '1h' | '1d';
}

export class RiskLimitsValuesDto {
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() maxOrderQuantity?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() maxOrderNotional?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '0.1 = orders priced more than 10 % from the last price are refused.' })
  @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() priceCollarPct?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() maxPosition?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() maxGrossExposure?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt() @Min(0) @Max(1_000_000) maxOpenOrders?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(toDecimalString) @ValidateIf((_o, v) => v !== null) @IsPositiveDecimal() maxDailyLoss?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'ms; 0 or null turns the duplicate check off.' }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt() @Min(0) @Max(86_400_000) duplicateWindowMs?: number | null;
}

export class SetRiskLimitsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
  @ApiPropertyOptional({ default: '*', description: "'*' for the whole account, or one instrument." })
  @IsOptional() @IsString() @Matches(/^(\*|[A-Za-z0-9._^-]{1,32})$/, { message: "symbol must be '*' or a symbol" }) symbol?: string;
  @ApiProperty({ type: RiskLimitsValuesDto, description: 'The new full set for this scope; null or absent = not checked.' })
  @IsObject() @ValidateNested() @Type(() => RiskLimitsValuesDto) limits: RiskLimitsValuesDto;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RebalanceTargetDto {
  @ApiProperty({ example: 'R_100' }) @IsString() @Matches(SYMBOL_PATTERN, { message: 'symbol must be 1–32 letters, digits or . _ ^ -' }) symbol: string;
  @ApiProperty({ example: 0.25, description: 'Target fraction of equity (negative = short).' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1) @Max(1) weight: number;
}

export class RebalanceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) accountId?: string;
  @ApiProperty({ type: [RebalanceTargetDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => RebalanceTargetDto) targets: RebalanceTargetDto[];
  @ApiPropertyOptional({ enum: ['preview', 'execute'], default: 'preview' }) @IsOptional() @IsIn(['preview', 'execute']) mode?: 'preview' | 'execute';
  @ApiPropertyOptional({ example: '100', default: '10', description: 'Orders with a smaller notional are skipped.' }) @IsOptional() @Transform(toDecimalString) @IsPositiveDecimal() minTradeNotional?: string;
  @ApiPropertyOptional({ default: false, description: 'Close positions in symbols not named in targets.' }) @IsOptional() @IsBoolean() closeOthers?: boolean;
}
