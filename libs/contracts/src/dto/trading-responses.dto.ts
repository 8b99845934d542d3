import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALGO_KINDS,
  ORDER_ROLES,
  ORDER_SIDES,
  ORDER_STATUS_NAMES,
  ORDER_TYPE_NAMES,
  TIME_IN_FORCE_NAMES,
  type AccountView,
  type AlgoParams,
  type AlgoProgress,
  type CancelReport,
  type CreateOrderResult,
  type FillView,
  type OrderView,
  type PositionView,
  type PositionsResponse,
  type RiskLimitsResponse,
  type RiskLimitsValues,
  type RiskLimitsVersion,
} from '../trading';
import { RiskLimitsValuesDto } from './trading.dto';

// Response shapes of F8/F9 for OpenAPI only: each class implements the contract's interface, so
// the documentation cannot drift from what the code returns without a compile error.

export class AlgoProgressDto implements AlgoProgress {
  @ApiProperty({ enum: ALGO_KINDS }) kind: AlgoProgress['kind'];
  @ApiProperty() childrenPlaced: number;
  @ApiProperty() childrenPlanned: number;
  @ApiProperty({ example: '1.5' }) filledQuantity: string;
  @ApiProperty({ description: '0–100' }) percentDone: number;
  @ApiProperty({ nullable: true, description: 'Epoch ms of the next child order.' }) nextChildAt: number | null;
  @ApiProperty({ enum: ['running', 'completed', 'cancelled'] }) state: AlgoProgress['state'];
}

export class OrderAlgoDto implements AlgoParams {
  @ApiProperty({ enum: ALGO_KINDS }) kind: AlgoParams['kind'];
  @ApiPropertyOptional() durationSec?: number;
  @ApiPropertyOptional() slices?: number;
  @ApiPropertyOptional({ type: [Number] }) volumeProfile?: number[];
  @ApiPropertyOptional() displayQuantity?: string;
  @ApiProperty({ type: AlgoProgressDto }) progress: AlgoProgress;
}

export class OrderBracketDto {
  @ApiProperty({ nullable: true }) takeProfit: string | null;
  @ApiProperty({ nullable: true }) stopLoss: string | null;
}

export class OrderViewDto implements OrderView {
  @ApiProperty() id: string;
  @ApiProperty() accountId: string;
  @ApiProperty() clientOrderId: string;
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ enum: ORDER_SIDES }) side: OrderView['side'];
  @ApiProperty({ enum: [...ORDER_TYPE_NAMES, 'algo'] }) type: OrderView['type'];
  @ApiProperty({ example: '1', description: 'Decimal string.' }) quantity: string;
  @ApiProperty({ nullable: true }) limitPrice: string | null;
  @ApiProperty({ nullable: true }) stopPrice: string | null;
  @ApiProperty({ nullable: true }) trailAmount: string | null;
  @ApiProperty({ nullable: true }) trailPercent: string | null;
  @ApiProperty({ enum: TIME_IN_FORCE_NAMES }) timeInForce: OrderView['timeInForce'];
  @ApiProperty({ nullable: true }) expireAt: string | null;
  @ApiProperty() reduceOnly: boolean;
  @ApiProperty() postOnly: boolean;
  @ApiProperty({ enum: ORDER_ROLES }) role: OrderView['role'];
  @ApiProperty({ nullable: true }) parentId: string | null;
  @ApiProperty({ nullable: true }) linkedOrderId: string | null;
  @ApiProperty({ nullable: true }) tag: string | null;
  @ApiProperty({ enum: ORDER_STATUS_NAMES }) status: OrderView['status'];
  @ApiProperty() filledQuantity: string;
  @ApiProperty({ nullable: true }) averagePrice: string | null;
  @ApiProperty() feesPaid: string;
  @ApiProperty({ nullable: true, description: 'The pre-trade check that refused the order.' }) rejectCheck: string | null;
  @ApiProperty({ nullable: true }) rejectReason: string | null;
  @ApiProperty({ nullable: true }) cancelReason: string | null;
  @ApiProperty() triggered: boolean;
  @ApiProperty({ type: OrderBracketDto, nullable: true }) bracket: OrderView['bracket'];
  @ApiProperty({ type: OrderAlgoDto, nullable: true }) algo: OrderView['algo'];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CreateOrderResultDto implements CreateOrderResult {
  @ApiProperty({ type: OrderViewDto }) order: OrderView;
  @ApiProperty({ type: [OrderViewDto], description: 'The other leg of an OCO pair.' }) related: OrderView[];
  @ApiProperty({ description: 'True when the clientOrderId was known: nothing new was created.' }) duplicate: boolean;
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderViewDto] }) items: OrderView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class FillViewDto implements FillView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() accountId: string;
  @ApiProperty() symbol: string;
  @ApiProperty({ enum: ORDER_SIDES }) side: FillView['side'];
  @ApiProperty() quantity: string;
  @ApiProperty() price: string;
  @ApiProperty() fee: string;
  @ApiProperty({ enum: ['maker', 'taker'] }) liquidity: FillView['liquidity'];
  @ApiProperty({ nullable: true }) tag: string | null;
  @ApiProperty() at: string;
}

export class FillPageDto {
  @ApiProperty({ type: [FillViewDto] }) items: FillView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class CancelSkipDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'already filled' }) reason: string;
}

export class CancelReportDto implements CancelReport {
  @ApiProperty({ type: [OrderViewDto] }) cancelled: OrderView[];
  @ApiProperty({ type: [CancelSkipDto] }) skipped: CancelReport['skipped'];
}

export class AccountViewDto implements AccountView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Paper' }) name: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty() initialCash: string;
  @ApiProperty() cash: string;
  @ApiProperty() equity: string;
  @ApiProperty() realisedPnl: string;
  @ApiProperty() unrealisedPnl: string;
  @ApiProperty() feesPaid: string;
  @ApiProperty() openOrders: number;
}

export class PositionViewDto implements PositionView {
  @ApiProperty() symbol: string;
  @ApiProperty({ description: 'Signed: negative = short.' }) quantity: string;
  @ApiProperty() averagePrice: string;
  @ApiProperty({ nullable: true }) lastPrice: string | null;
  @ApiProperty({ nullable: true }) marketValue: string | null;
  @ApiProperty({ nullable: true }) unrealisedPnl: string | null;
  @ApiProperty() realisedPnl: string;
  @ApiProperty() feesPaid: string;
  @ApiProperty({ nullable: true, description: 'Market value / equity.' }) weight: number | null;
  @ApiProperty() updatedAt: string;
}

export class PositionsResponseDto implements PositionsResponse {
  @ApiProperty({ type: AccountViewDto }) account: AccountView;
  @ApiProperty({ type: [PositionViewDto] }) positions: PositionView[];
}

export class RiskLimitsVersionDto implements RiskLimitsVersion {
  @ApiProperty() accountId: string;
  @ApiProperty({ example: '*', description: "'*' for the account, or one instrument." }) symbol: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: RiskLimitsValuesDto }) limits: RiskLimitsValues;
  @ApiProperty() changedBy: string;
  @ApiProperty({ nullable: true }) reason: string | null;
  @ApiProperty() createdAt: string;
}

export class RiskLimitsResponseDto implements RiskLimitsResponse {
  @ApiProperty() accountId: string;
  @ApiProperty({ type: [RiskLimitsVersionDto] }) current: RiskLimitsVersion[];
  @ApiProperty({ type: [RiskLimitsVersionDto], description: 'Every version, newest first.' }) history: RiskLimitsVersion[];
}
