import type { OpenOrderView, OrderIntent, Side } from '@meridian/strategy';

/** The bars of one symbol, as columns of equal length, in strictly increasing time. */
export interface SymbolBars {
  readonly symbol: string;
  /** Bar time (epoch ms); what `ctx.time` reports and what aligns symbols with each other. */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

export interface BacktestInput {
  readonly symbols: readonly SymbolBars[];
  readonly initialCash: number;
  /** Fee per fill in basis points of the fill's notional (default 0). */
  readonly feesBps?: number;
  /** Fixed fee per fill, in cash units (default 0). */
  readonly feeFixed?: number;
  /** Adverse slippage of market, stop and trailing-stop fills, in basis points of the price (default 0). */
  readonly slippageBps?: number;
  /** For annualised metrics (default 252, daily bars). */
  readonly periodsPerYear?: number;
}

/**
 * How a market, limit, stop, stop-limit or trailing-stop intent with quantity 0 is sized ("the
 * engine decides"). The reference price is the limit price (limit, stop-limit), the stop price
 * (stop; a trailing stop's initial level), or the symbol's last close for a market order; equity
 * is the equity at the close of the decision bar.
 */
export type DefaultSizing =
  | { readonly kind: 'quantity'; readonly quantity: number }
  | { readonly kind: 'notional'; readonly notional: number }
  | { readonly kind: 'percent-of-equity'; readonly percent: number };

export interface BacktestProgress {
  /** Time steps done so far (of the union timeline). */
  readonly step: number;
  readonly steps: number;
  readonly fraction: number;
  /** Time of the last step done (NaN before the first). */
  readonly time: number;
  readonly equity: number;
}

export interface BacktestOptions {
  /** Sizing of quantity-0 market/limit/stop/stop-limit/trailing-stop intents; without it such intents are rejected. */
  readonly defaultSizing?: DefaultSizing;
  /**
   * Quantities the engine computes (target-percent, notional and percent-of-equity sizing) are
   * rounded toward zero to a multiple of this. 0 (default) keeps fractional units; 1 for shares.
   */
  readonly lotSize?: number;
  /** Risk-free rate per period for the Sharpe ratio (and MAR of the Sortino ratio); default 0. */
  readonly riskFreeRate?: number;
  /** Steps between progress reports and cancellation checks (default 65,536). */
  readonly progressEvery?: number;
  readonly onProgress?: (progress: BacktestProgress) => void;
  /** Asked every `progressEvery` steps (and before the first); true stops the run with BacktestCancelledError. */
  readonly isCancelled?: () => boolean;
}

export type OrderType = 'market' | 'limit' | 'stop' | 'stop-limit' | 'trailing-stop';
export type OrderStatus = 'open' | 'filled' | 'cancelled';

export interface OrderRecord extends OpenOrderView {
  readonly status: OrderStatus;
  /** The intent that created the order (targets become market orders). */
  readonly source: 'market' | 'limit' | 'stop' | 'target-quantity' | 'target-percent' | 'stop-limit' | 'trailing-stop';
  readonly placedStep: number;
  readonly placedTime: number;
  /** Step of the fill or of the cancellation; -1 while open. */
  readonly closedStep: number;
  /** NaN unless filled. */
  readonly fillPrice: number;
}

export interface FillRecord {
  readonly orderId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly quantity: number;
  /** After slippage. */
  readonly price: number;
  readonly notional: number;
  readonly fee: number;
  readonly step: number;
  readonly time: number;
  readonly tag?: string;
}

/**
 * A round trip: from flat to flat (a reversal closes one trade and opens the next, splitting that
 * fill and its fee pro rata). Prices are quantity-weighted averages of the entry and exit fills.
 */
export interface TradeRecord {
  readonly symbol: string;
  readonly direction: 'long' | 'short';
  /** Units opened in total (the size of a trade that was never scaled into). */
  readonly quantity: number;
  readonly entryStep: number;
  readonly entryTime: number;
  readonly entryPrice: number;
  /** -1 / NaN for a trade still open at the end of the run. */
  readonly exitStep: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  /** Realised P&L before fees; for an open trade plus the unrealised P&L at the last close. */
  readonly grossPnl: number;
  /** Fees of the trade's fills. */
  readonly fees: number;
  readonly netPnl: number;
  /** Time steps from entry to exit (or to the last step). */
  readonly steps: number;
  readonly open: boolean;
}

export interface Rejection {
  readonly step: number;
  readonly time: number;
  readonly intent: OrderIntent;
  readonly reason: string;
}

/** Performance metrics; undefined ratios (no losing trade, zero volatility, ...) are NaN. */
export interface BacktestMetrics {
  readonly initialCash: number;
  readonly finalEquity: number;
  /** finalEquity / initialCash − 1. */
  readonly totalReturn: number;
  /** PA Return.annualized of the step returns: (1 + total)^(periodsPerYear / steps) − 1. */
  readonly cagr: number;
  /** PA StdDev.annualized of the step returns. */
  readonly annualizedVolatility: number;
  /** PA SharpeRatio.annualized (geometric), risk-free rate per period from the options. */
  readonly sharpe: number;
  /** PA SortinoRatio (MAR = risk-free rate) × √periodsPerYear, i.e. annualised like the Sharpe ratio. */
  readonly sortino: number;
  /** Positive fraction (0.2 = a 20 % fall from a peak), PA maxDrawdown. */
  readonly maxDrawdown: number;
  /** Longest drawdown in steps, from the peak to the recovery (or to the end). */
  readonly maxDrawdownDuration: number;
  /** PA CalmarRatio: cagr / maxDrawdown. */
  readonly calmar: number;
  /** Closed trades; open ones are in BacktestResult.openTrades. */
  readonly trades: number;
  /** Over closed trades' net P&L. */
  readonly winRate: number;
  readonly profitFactor: number;
  readonly averageWin: number;
  /** Negative. */
  readonly averageLoss: number;
  /** Fraction of steps ending with a non-zero position. */
  readonly exposure: number;
  /** Annualised one-way turnover: mean over steps of traded notional / (2 · equity), × periodsPerYear. */
  readonly turnover: number;
  readonly feesPaid: number;
}

export interface BacktestResult {
  readonly strategyId: string;
  readonly warmup: number;
  readonly symbols: readonly string[];
  /** The union of the symbols' bar times: one entry per time step. */
  readonly times: Float64Array;
  /** Cash plus positions at the closes, at the end of every step. */
  readonly equity: Float64Array;
  /** Step returns: equity[t] / equity[t − 1] − 1, the first against the initial cash. */
  readonly returns: Float64Array;
  /** Drawdown from the running peak at every step (≤ 0; PA Drawdowns). */
  readonly drawdown: Float64Array;
  /** Σ |position × close| at the end of every step. */
  readonly grossExposure: Float64Array;
  readonly orders: readonly OrderRecord[];
  readonly fills: readonly FillRecord[];
  /** Closed round trips, in order of exit. */
  readonly trades: readonly TradeRecord[];
  /** Positions still open at the end, marked at the last close. */
  readonly openTrades: readonly TradeRecord[];
  readonly rejections: readonly Rejection[];
  /** Intents dropped because their symbol was still warming up. */
  readonly intentsDuringWarmup: number;
  readonly positions: Readonly<Record<string, number>>;
  readonly cash: number;
  readonly metrics: BacktestMetrics;
}
