import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALGO_KINDS,
  ORDER_ROLES,
  ORDER_SIDES,
  ORDER_STATUS_NAMES,
  ORDER_TYPE_NAMES,
  TIME_IN_FORCE_NAMES,
  type AccountView,
  type AccountsResponse,
  type AlgoParams,
  type AlgoProgress,
  type CancelReport,
  type CreateOrderResult,
  type EquityPoint,
  type FillView,
  type OrderView,
  type PositionView,
  type PositionsResponse,
  type RebalanceOrderPlan,
  type RebalanceResponse,
  type RiskLimitsResponse,
  type RiskLimitsValues,
  type RiskLimitsVersion,
  type RiskMetricsResponse,
} from '../trading';
import { RiskLimitsValuesDto } from './trading.dto';

// Response shapes of F8/F9 for OpenAPI only: each class implements the contract's interface, so
// the documentation cannot drift from what the code returns without a compile error.

// Named parts of the contracts' nested shapes (a class can only implement a named type).
type AccountViewWithVenue = AccountsResponse['accounts'][number];
type SymbolWeight = RiskMetricsResponse['weights'][number];
type ReturnsBasis = RiskMetricsResponse['returnsBasis'];
type RiskEstimates = RiskMetricsResponse['var'];
type Beta = RiskMetricsResponse['beta'];
type EquityCurveStats = RiskMetricsResponse['equityCurve'];

export class AlgoProgressDto implements AlgoProgress {
  @ApiProperty({ enum: ALGO_KINDS }) kind: AlgoProgress['kind'];
  @ApiProperty() childrenPlaced: number;
  @ApiProperty() childrenPlanned: number;
  @ApiProperty({ example: '1.5' }) filledQuantity: string;
  @ApiProperty({ description: '0–100' }) percentDone: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Epoch ms of the next child order.' }) nextChildAt: number | null;
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
  @ApiProperty({ nullable: true, type: String }) takeProfit: string | null;
  @ApiProperty({ nullable: true, type: String }) stopLoss: string | null;
}

export class OrderViewDto implements OrderView {
  @ApiProperty() id: string;
  @ApiProperty() accountId: string;
  @ApiProperty() clientOrderId: string;
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ enum: ORDER_SIDES }) side: OrderView['side'];
  @ApiProperty({ enum: [...ORDER_TYPE_NAMES, 'algo'] }) type: OrderView['type'];
  @ApiProperty({ example: '1', description: 'Decimal string.' }) quantity: string;
  @ApiProperty({ nullable: true, type: String }) limitPrice: string | null;
  @ApiProperty({ nullable: true, type: String }) stopPrice: string | null;
  @ApiProperty({ nullable: true, type: String }) trailAmount: string | null;
  @ApiProperty({ nullable: true, type: String }) trailPercent: string | null;
  @ApiProperty({ enum: TIME_IN_FORCE_NAMES }) timeInForce: OrderView['timeInForce'];
  @ApiProperty({ nullable: true, type: String }) expireAt: string | null;
  @ApiProperty() reduceOnly: boolean;
  @ApiProperty() postOnly: boolean;
  @ApiProperty({ enum: ORDER_ROLES }) role: OrderView['role'];
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String }) linkedOrderId: string | null;
  @ApiProperty({ nullable: true, type: String }) tag: string | null;
  @ApiProperty({ enum: ORDER_STATUS_NAMES }) status: OrderView['status'];
  @ApiProperty() filledQuantity: string;
  @ApiProperty({ nullable: true, type: String }) averagePrice: string | null;
  @ApiProperty() feesPaid: string;
  @ApiProperty({ nullable: true, type: String, description: 'The pre-trade check that refused the order.' }) rejectCheck: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
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
  @ApiProperty({ nullable: true, type: String }) tag: string | null;
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

export class VenueAccountViewDto extends AccountViewDto implements AccountViewWithVenue {
  @ApiProperty({ enum: ['paper', 'deriv'] }) venue: AccountsResponse['accounts'][number]['venue'];
}

export class AccountsResponseDto implements AccountsResponse {
  @ApiProperty({ type: [VenueAccountViewDto] }) accounts: AccountsResponse['accounts'];
}

export class PositionViewDto implements PositionView {
  @ApiProperty() symbol: string;
  @ApiProperty({ description: 'Signed: negative = short.' }) quantity: string;
  @ApiProperty() averagePrice: string;
  @ApiProperty({ nullable: true, type: String }) lastPrice: string | null;
  @ApiProperty({ nullable: true, type: String }) marketValue: string | null;
  @ApiProperty({ nullable: true, type: String }) unrealisedPnl: string | null;
  @ApiProperty() realisedPnl: string;
  @ApiProperty() feesPaid: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Market value / equity.' }) weight: number | null;
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
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() createdAt: string;
}

export class RiskLimitsResponseDto implements RiskLimitsResponse {
  @ApiProperty() accountId: string;
  @ApiProperty({ type: [RiskLimitsVersionDto] }) current: RiskLimitsVersion[];
  @ApiProperty({ type: [RiskLimitsVersionDto], description: 'Every version, newest first.' }) history: RiskLimitsVersion[];
}

export class EquityPointDto implements EquityPoint {
  @ApiProperty() at: string;
  @ApiProperty({ example: '100250.5' }) equity: string;
  @ApiProperty({ example: '87000' }) cash: string;
}

export class SymbolWeightDto implements SymbolWeight {
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ description: 'Signed market value / equity.' }) weight: number;
}

export class ReturnsBasisDto implements ReturnsBasis {
  @ApiProperty({ example: '1h' }) timeframe: string;
  @ApiProperty() observations: number;
  @ApiProperty({ example: 6048 }) periodsPerYear: number;
  @ApiProperty({ enum: ['1d'] }) horizon: '1d';
}

export class RiskEstimatesDto implements RiskEstimates {
  @ApiProperty({ nullable: true, type: Number }) historical95: number | null;
  @ApiProperty({ nullable: true, type: Number }) historical99: number | null;
  @ApiProperty({ nullable: true, type: Number }) gaussian95: number | null;
  @ApiProperty({ nullable: true, type: Number }) gaussian99: number | null;
}

export class BetaDto implements Beta {
  @ApiProperty({ example: 'R_100' }) benchmark: string;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
}

export class EquityCurveStatsDto implements EquityCurveStats {
  @ApiProperty() observations: number;
  @ApiProperty({ nullable: true, type: Number, description: 'A positive fraction: 0.2 = 20 % below the running peak.' }) maxDrawdown: number | null;
  @ApiProperty({ nullable: true, type: Number }) sharpe: number | null;
  @ApiProperty({ nullable: true, type: Number }) sortino: number | null;
}

export class RiskMetricsResponseDto implements RiskMetricsResponse {
  @ApiProperty() accountId: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: '100250.5' }) equity: string;
  @ApiProperty({ example: '13250' }) grossExposure: string;
  @ApiProperty({ example: '-1200' }) netExposure: string;
  @ApiProperty() leverage: number;
  @ApiProperty({ type: [SymbolWeightDto] }) weights: RiskMetricsResponse['weights'];
  @ApiProperty({ type: ReturnsBasisDto, description: "The positions' weights applied to their symbols' historical returns." }) returnsBasis: RiskMetricsResponse['returnsBasis'];
  @ApiProperty({ nullable: true, type: Number }) annualisedVolatility: number | null;
  @ApiProperty({ type: RiskEstimatesDto, description: 'Value at risk, one day, as a return on equity (negative = loss); null with too few observations.' }) var: RiskMetricsResponse['var'];
  @ApiProperty({ type: RiskEstimatesDto, description: 'Conditional value at risk (expected shortfall), one day, as a return on equity (negative = loss).' }) cvar: RiskMetricsResponse['cvar'];
  @ApiProperty({ type: BetaDto }) beta: RiskMetricsResponse['beta'];
  @ApiProperty({ type: EquityCurveStatsDto }) equityCurve: RiskMetricsResponse['equityCurve'];
  @ApiProperty({ type: [String] }) notes: string[];
}

export class RebalanceOrderResultDto implements NonNullable<RebalanceOrderPlan['result']> {
  @ApiProperty() orderId: string;
  @ApiProperty({ enum: ORDER_STATUS_NAMES }) status: NonNullable<RebalanceOrderPlan['result']>['status'];
  @ApiProperty({ nullable: true, type: String }) rejectCheck: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
}

export class RebalanceOrderPlanDto implements RebalanceOrderPlan {
  @ApiProperty({ example: 'R_100' }) symbol: string;
  @ApiProperty({ enum: ORDER_SIDES }) side: RebalanceOrderPlan['side'];
  @ApiProperty({ example: '1.5' }) quantity: string;
  @ApiProperty({ example: '1234.56' }) price: string;
  @ApiProperty() currentWeight: number;
  @ApiProperty() targetWeight: number;
  @ApiProperty({ example: '1851.84' }) notional: string;
  @ApiPropertyOptional({ type: RebalanceOrderResultDto, description: 'Set when the order was sent (execute mode).' }) result?: RebalanceOrderPlan['result'];
  @ApiPropertyOptional({ description: 'Why no order was sent for this symbol.' }) skipped?: string;
}

export class RebalanceResponseDto implements RebalanceResponse {
  @ApiProperty() accountId: string;
  @ApiProperty({ enum: ['preview', 'execute'] }) mode: RebalanceResponse['mode'];
  @ApiProperty({ example: '100250.5' }) equity: string;
  @ApiProperty({ type: [RebalanceOrderPlanDto] }) orders: RebalanceOrderPlan[];
}
