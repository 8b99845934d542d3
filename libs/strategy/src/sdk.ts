/**
 * The strategy SDK: the one interface a strategy is written against, whether the backtest engine
 * (libs/backtest) or the live runner in the execution service drives it. A strategy sees only the
 * past: the context's series end at the current bar, and what it answers is acted on at the
 * earliest at the next bar's open (backtest) or the next tick (live).
 *
 * Numbers here are plain floats for speed; the order management system converts intents to
 * decimals with each instrument's precision before anything touches money.
 */

export type Side = 'buy' | 'sell';

/** The bars of one symbol up to and including the current one. `ago = 0` is the current bar. */
export interface SeriesView {
  readonly symbol: string;
  /** How many bars are visible (the current bar included). */
  readonly length: number;
  time(ago?: number): number;
  open(ago?: number): number;
  high(ago?: number): number;
  low(ago?: number): number;
  close(ago?: number): number;
  volume(ago?: number): number;
}

export interface OpenOrderView {
  readonly id: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: 'market' | 'limit' | 'stop' | 'stop-limit' | 'trailing-stop';
  readonly quantity: number;
  readonly limitPrice?: number;
  /** The stop level; for a trailing stop, where it stands now (it moves with the best price). */
  readonly stopPrice?: number;
  /** Trailing stops: the trail distance in price units (set, or trailPercent). */
  readonly trailAmount?: number;
  /** Trailing stops: the trail distance as a fraction of the anchor price (0.02 = 2 %). */
  readonly trailPercent?: number;
  readonly tag?: string;
}

/**
 * What a strategy reads on each bar. Engines reuse one context object and mutate it between bars
 * (no allocation per bar), so a strategy must not keep references to values it returns.
 */
export interface StrategyContext {
  /** Close time (epoch ms) of the current bar. */
  readonly time: number;
  /** Index of the current bar in the run (0 for the first bar). */
  readonly barIndex: number;
  readonly symbols: readonly string[];
  /** History of one symbol, ending at the current bar; undefined before its first bar. */
  series(symbol: string): SeriesView | undefined;
  /** Signed quantity held (negative = short). */
  position(symbol: string): number;
  /** Average entry price of the position, NaN when flat. */
  averagePrice(symbol: string): number;
  readonly cash: number;
  /** Cash plus positions marked at the current closes. */
  readonly equity: number;
  openOrders(symbol?: string): readonly OpenOrderView[];
}

/** What a strategy answers: orders to place, targets to reach, orders to cancel. */
export type OrderIntent =
  | { kind: 'market'; symbol: string; side: Side; quantity: number; tag?: string }
  | { kind: 'limit'; symbol: string; side: Side; quantity: number; limitPrice: number; tag?: string }
  | { kind: 'stop'; symbol: string; side: Side; quantity: number; stopPrice: number; tag?: string }
  /** A stop that, once the price touches `stopPrice`, rests as a limit at `limitPrice`. */
  | { kind: 'stop-limit'; symbol: string; side: Side; quantity: number; stopPrice: number; limitPrice: number; tag?: string }
  /**
   * A stop that trails the best price since placement (the high for a sell, the low for a buy) by
   * `trailAmount` (price units) or `trailPercent` (a fraction: 0.02 = 2 %), exactly one of the two;
   * once touched it fills as a market order.
   */
  | { kind: 'trailing-stop'; symbol: string; side: Side; quantity: number; trailAmount?: number; trailPercent?: number; tag?: string }
  /** Trade whatever reaches this signed position. */
  | { kind: 'target-quantity'; symbol: string; quantity: number; tag?: string }
  /** Trade whatever reaches this fraction of equity (0.5 = 50 % long, -0.2 = 20 % short). */
  | { kind: 'target-percent'; symbol: string; percent: number; tag?: string }
  | { kind: 'cancel'; orderId: string }
  | { kind: 'cancel-all'; symbol?: string };

export interface Strategy {
  /** Called once before the first bar. */
  init?(ctx: StrategyContext): void;
  /**
   * Called at the close of every bar of every symbol once all symbols' bars of that time are in.
   * Return nothing (or an empty array) to do nothing.
   */
  onBar(ctx: StrategyContext): readonly OrderIntent[] | void;
}

/** The schema of one parameter, for forms, validation and optimisation grids. */
export type ParamSpec =
  | { type: 'integer'; default: number; min: number; max: number; step?: number; description: string }
  | { type: 'number'; default: number; min: number; max: number; step?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; default: string; values: readonly string[]; description: string };

export type ParamSchema = Readonly<Record<string, ParamSpec>>;
export type ParamValues = Readonly<Record<string, number | boolean | string>>;

/** A strategy kind: built-in, or compiled from the rule language. */
export interface StrategyDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly params: ParamSchema;
  /** Bars needed before the first decision (the engine and the live runner warm up this many). */
  warmup(params: ParamValues): number;
  create(params: ParamValues): Strategy;
}
