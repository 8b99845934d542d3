import type { DeploymentView } from './simulation';
/** F8 Portfolio and F9 Execution: the shapes the gateway, execution and the web app share. Decimals travel as strings. */

export const ORDER_SIDES = ['buy', 'sell'] as const;
export type OrderSideName = (typeof ORDER_SIDES)[number];
export const ORDER_TYPE_NAMES = ['market', 'limit', 'stop', 'stop-limit', 'trailing-stop'] as const;
export type OrderTypeName = (typeof ORDER_TYPE_NAMES)[number];
export const TIME_IN_FORCE_NAMES = ['GTC', 'GTD', 'DAY', 'IOC', 'FOK'] as const;
export type TimeInForceName = (typeof TIME_IN_FORCE_NAMES)[number];
export const ORDER_STATUS_NAMES = ['new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'] as const;
export type OrderStatusName = (typeof ORDER_STATUS_NAMES)[number];
export const ALGO_KINDS = ['twap', 'vwap', 'iceberg'] as const;
export const ORDER_ROLES = ['single', 'bracket-entry', 'take-profit', 'stop-loss', 'oco', 'algo-parent', 'algo-child'] as const;
export type OrderRoleName = (typeof ORDER_ROLES)[number];
export type AlgoKind = (typeof ALGO_KINDS)[number];

export const TRADING_PATTERNS = {
  createOrder: 'execution.order.create.v1',
  orderStatus: 'execution.order.status.v1',
  getOrder: 'execution.order.get.v1',
  amendOrder: 'execution.order.amend.v1',
  cancel: 'execution.order.cancel.v1',
  fills: 'execution.fill.list.v1',
  accounts: 'execution.account.list.v1',
  positions: 'execution.position.list.v1',
  equity: 'execution.equity.list.v1',
  riskMetrics: 'execution.risk.metrics.v1',
  getRiskLimits: 'execution.risk-limits.get.v1',
  setRiskLimits: 'execution.risk-limits.set.v1',
  rebalance: 'execution.portfolio.rebalance.v1',
} as const;

export interface AlgoParams {
  kind: AlgoKind;
  /** TWAP/VWAP: the time over which the quantity is worked. */
  durationSec?: number;
  /** TWAP/VWAP: number of child orders. */
  slices?: number;
  /** VWAP: relative volume per slice (defaults to a U-shaped intraday profile). */
  volumeProfile?: number[];
  /** Iceberg: the quantity shown at a time. */
  displayQuantity?: string;
}

export interface AlgoProgress {
  kind: AlgoKind;
  childrenPlaced: number;
  childrenPlanned: number;
  filledQuantity: string;
  percentDone: number;
  nextChildAt: number | null;
  state: 'running' | 'completed' | 'cancelled';
}

export interface OrderView {
  id: string;
  accountId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSideName;
  type: OrderTypeName | 'algo';
  quantity: string;
  limitPrice: string | null;
  stopPrice: string | null;
  trailAmount: string | null;
  trailPercent: string | null;
  timeInForce: TimeInForceName;
  expireAt: string | null;
  reduceOnly: boolean;
  postOnly: boolean;
  role: OrderRoleName;
  parentId: string | null;
  linkedOrderId: string | null;
  tag: string | null;
  status: OrderStatusName;
  filledQuantity: string;
  averagePrice: string | null;
  feesPaid: string;
  rejectCheck: string | null;
  rejectReason: string | null;
  cancelReason: string | null;
  triggered: boolean;
  bracket: { takeProfit: string | null; stopLoss: string | null } | null;
  algo: (AlgoParams & { progress: AlgoProgress }) | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOrderResult {
  order: OrderView;
  /** Other orders created with it (the second leg of an OCO pair). */
  related: OrderView[];
  /** True when this clientOrderId was already known: the existing order is returned, nothing new was created. */
  duplicate: boolean;
}

export interface FillView {
  id: string;
  orderId: string;
  accountId: string;
  symbol: string;
  side: OrderSideName;
  quantity: string;
  price: string;
  fee: string;
  liquidity: 'maker' | 'taker';
  tag: string | null;
  at: string;
}

export interface CancelReport {
  cancelled: OrderView[];
  /** Orders that matched but could not be cancelled (already done), with why. */
  skipped: { id: string; reason: string }[];
}

export interface AccountView {
  id: string;
  name: string;
  currency: string;
  initialCash: string;
  cash: string;
  equity: string;
  realisedPnl: string;
  unrealisedPnl: string;
  feesPaid: string;
  openOrders: number;
}

export interface AccountsResponse {
  accounts: (AccountView & { venue: 'paper' | 'deriv' })[];
}

export interface PositionView {
  symbol: string;
  quantity: string;
  averagePrice: string;
  lastPrice: string | null;
  marketValue: string | null;
  unrealisedPnl: string | null;
  realisedPnl: string;
  feesPaid: string;
  weight: number | null;
  updatedAt: string;
}

export interface PositionsResponse {
  account: AccountView;
  positions: PositionView[];
}

export interface EquityPoint {
  at: string;
  equity: string;
  cash: string;
}

export interface RiskLimitsValues {
  maxOrderQuantity?: string | null;
  maxOrderNotional?: string | null;
  priceCollarPct?: string | null;
  maxPosition?: string | null;
  maxGrossExposure?: string | null;
  maxOpenOrders?: number | null;
  maxDailyLoss?: string | null;
  duplicateWindowMs?: number | null;
}

export interface RiskLimitsVersion {
  accountId: string;
  /** '*' for the whole account, else one instrument. */
  symbol: string;
  version: number;
  limits: RiskLimitsValues;
  changedBy: string;
  reason: string | null;
  createdAt: string;
}

export interface RiskLimitsResponse {
  accountId: string;
  /** The current version of each scope. */
  current: RiskLimitsVersion[];
  /** Every version, newest first (the audit trail). */
  history: RiskLimitsVersion[];
}

export interface RiskMetricsResponse {
  accountId: string;
  asOf: string;
  equity: string;
  grossExposure: string;
  netExposure: string;
  leverage: number;
  weights: { symbol: string; weight: number }[];
  /** From the positions' weights applied to their symbols' historical returns (see `basis`). */
  returnsBasis: { timeframe: string; observations: number; periodsPerYear: number; horizon: '1d' };
  annualisedVolatility: number | null;
  var: { historical95: number | null; historical99: number | null; gaussian95: number | null; gaussian99: number | null };
  cvar: { historical95: number | null; historical99: number | null; gaussian95: number | null; gaussian99: number | null };
  beta: { benchmark: string; value: number | null };
  equityCurve: { observations: number; maxDrawdown: number | null; sharpe: number | null; sortino: number | null };
  notes: string[];
}

export interface RebalanceOrderPlan {
  symbol: string;
  side: OrderSideName;
  quantity: string;
  price: string;
  currentWeight: number;
  targetWeight: number;
  notional: string;
  /** Set when the order was sent (execute mode). */
  result?: { orderId: string; status: OrderStatusName; rejectCheck: string | null; rejectReason: string | null };
  skipped?: string;
}

export interface RebalanceResponse {
  accountId: string;
  mode: 'preview' | 'execute';
  equity: string;
  orders: RebalanceOrderPlan[];
}

/** Events of the `trading` WebSocket channel; each goes to its account's owner (and admins). */
export type TradingEventPayload =
  | { kind: 'order'; ownerId: string; order: OrderView }
  | { kind: 'fill'; ownerId: string; fill: FillView }
  | { kind: 'position'; ownerId: string; accountId: string; position: PositionView }
  /** A deployed strategy's status or counters changed (deployed, paused, stopped, a bar seen). */
  | { kind: 'deployment'; ownerId: string; deployment: DeploymentView }
  /** A new sample of an account's equity curve (recorded every EQUITY_SAMPLE_MS while it holds positions). */
  | { kind: 'equity'; ownerId: string; accountId: string; point: EquityPoint };
