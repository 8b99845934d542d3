/**
 * The strategy a rule compiles to. Per symbol it feeds each new bar to its own program state,
 * then decides from the entry and exit values and what the context says about the position:
 *
 * - flat, entry true, no entry order pending: a market order sized per the rule (tag rule:entry);
 * - in a position, exit true: cancel the protective orders, close at market (tag rule:exit);
 * - in a position otherwise: make sure the stop-loss (a stop order) and take-profit (a limit
 *   order) are in place for the whole position, at levels from the average entry price. They are
 *   placed at the close of the first bar on which the position is seen (the market entry fills at
 *   the next bar's open, so that is one bar after the signal); if that close is already beyond a
 *   level, the position is closed at market instead of placing an order that would fill at once.
 * - flat with protective orders still open (the other one filled): cancel them.
 *
 * Everything is re-derived from the context each bar (positions, open orders and their tags), so
 * the same strategy behaves the same in a backtest and live, and survives partial fills.
 */
import type { OpenOrderView, OrderIntent, SeriesView, Side, Strategy, StrategyContext } from '../sdk';
import type { Program, ProgramState } from './program';
import type { RuleProtection, RuleStrategy } from './rule';
import type { BarValues } from './runtime-nodes';

export const RULE_TAGS = {
  entry: 'rule:entry',
  exit: 'rule:exit',
  stopLoss: 'rule:stop-loss',
  takeProfit: 'rule:take-profit',
} as const;

interface SymbolState {
  readonly program: ProgramState;
  /** Time of the last bar fed to the program. */
  lastTime: number;
}

export class RuleStrategyRunner implements Strategy {
  private readonly states = new Map<string, SymbolState>();
  private readonly bar: BarValues = { open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };

  constructor(
    private readonly rule: RuleStrategy,
    private readonly program: Program,
    /** Slots of the entry and exit values in the program (-1: no exit expression). */
    private readonly entrySlot: number,
    private readonly exitSlot: number,
  ) {}

  onBar(ctx: StrategyContext): readonly OrderIntent[] {
    const intents: OrderIntent[] = [];
    for (const symbol of this.rule.symbols) {
      const series = ctx.series(symbol);
      if (series === undefined || series.length === 0) continue;
      const state = this.stateOf(symbol);
      if (!this.feedNewBars(series, state)) continue;
      const values = state.program.values;
      const entry = values[this.entrySlot] === 1;
      const exit = this.exitSlot >= 0 && values[this.exitSlot] === 1;
      this.decide(ctx, symbol, series.close(0), entry, exit, intents);
    }
    return intents;
  }

  private stateOf(symbol: string): SymbolState {
    let state = this.states.get(symbol);
    if (state === undefined) {
      state = { program: this.program.instantiate(), lastTime: -Infinity };
      this.states.set(symbol, state);
    }
    return state;
  }

  /**
   * Feeds the bars newer than the last one seen, oldest first (normally exactly one; more if the
   * engine called less often than every bar). Returns false when there was no new bar.
   */
  private feedNewBars(series: SeriesView, state: SymbolState): boolean {
    let ago = 0;
    while (ago < series.length && series.time(ago) > state.lastTime) ago++;
    if (ago === 0) return false;
    const bar = this.bar;
    for (let a = ago - 1; a >= 0; a--) {
      bar.open = series.open(a);
      bar.high = series.high(a);
      bar.low = series.low(a);
      bar.close = series.close(a);
      bar.volume = series.volume(a);
      state.program.step(bar);
    }
    state.lastTime = series.time(0);
    return true;
  }

  private decide(ctx: StrategyContext, symbol: string, close: number, entry: boolean, exit: boolean, intents: OrderIntent[]): void {
    const position = ctx.position(symbol);
    const open = ctx.openOrders(symbol);
    const protective = open.filter((o) => o.tag === RULE_TAGS.stopLoss || o.tag === RULE_TAGS.takeProfit);
    const pendingExit = open.some((o) => o.tag === RULE_TAGS.exit);

    if (position === 0) {
      for (const o of protective) intents.push({ kind: 'cancel', orderId: o.id });
      if (entry && !open.some((o) => o.tag === RULE_TAGS.entry)) {
        const quantity = this.entryQuantity(ctx, close);
        if (quantity > 0) {
          intents.push({ kind: 'market', symbol, side: this.rule.side === 'long' ? 'buy' : 'sell', quantity, tag: RULE_TAGS.entry });
        }
      }
      return;
    }
    if (pendingExit) return;
    const closingSide: Side = position > 0 ? 'sell' : 'buy';
    const size = Math.abs(position);
    if (exit) {
      this.close(symbol, closingSide, size, protective, RULE_TAGS.exit, intents);
      return;
    }
    this.protect(ctx, symbol, close, position, protective, intents);
  }

  private close(symbol: string, side: Side, quantity: number, protective: readonly OpenOrderView[], tag: string, intents: OrderIntent[]): void {
    for (const o of protective) intents.push({ kind: 'cancel', orderId: o.id });
    intents.push({ kind: 'market', symbol, side, quantity, tag });
  }

  private protect(ctx: StrategyContext, symbol: string, close: number, position: number, protective: readonly OpenOrderView[], intents: OrderIntent[]): void {
    const { stopLoss, takeProfit } = this.rule;
    if (stopLoss === undefined && takeProfit === undefined) return;
    const long = position > 0;
    const side: Side = long ? 'sell' : 'buy';
    const size = Math.abs(position);
    const average = ctx.averagePrice(symbol);
    const reference = Number.isFinite(average) ? average : close;
    const stopPrice = stopLoss === undefined ? NaN : level(reference, stopLoss, long ? -1 : 1);
    const limitPrice = takeProfit === undefined ? NaN : level(reference, takeProfit, long ? 1 : -1);
    const stopHit = long ? close <= stopPrice : close >= stopPrice;
    const targetHit = long ? close >= limitPrice : close <= limitPrice;
    if (stopHit || targetHit) {
      this.close(symbol, side, size, protective, stopHit ? RULE_TAGS.stopLoss : RULE_TAGS.takeProfit, intents);
      return;
    }
    // Keep one order of each kind covering the whole position; replace one that does not.
    const covers = (o: OpenOrderView | undefined): o is OpenOrderView => o !== undefined && o.side === side && sameQuantity(o.quantity, size);
    const stop = protective.find((o) => o.tag === RULE_TAGS.stopLoss && covers(o));
    const target = protective.find((o) => o.tag === RULE_TAGS.takeProfit && covers(o));
    for (const o of protective) if (o !== stop && o !== target) intents.push({ kind: 'cancel', orderId: o.id });
    if (stopLoss !== undefined && stop === undefined) {
      intents.push({ kind: 'stop', symbol, side, quantity: size, stopPrice, tag: RULE_TAGS.stopLoss });
    }
    if (takeProfit !== undefined && target === undefined) {
      intents.push({ kind: 'limit', symbol, side, quantity: size, limitPrice, tag: RULE_TAGS.takeProfit });
    }
  }

  private entryQuantity(ctx: StrategyContext, close: number): number {
    const { sizing } = this.rule;
    let quantity: number;
    if (sizing.type === 'quantity') quantity = sizing.value;
    else if (sizing.type === 'notional') quantity = sizing.value / close;
    else quantity = (sizing.value * ctx.equity) / close;
    return Number.isFinite(quantity) && quantity > 0 ? quantity : 0;
  }
}

/** Quantities equal up to the rounding an order system applies (not a different size). */
function sameQuantity(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Price `distance` away from `reference`, upwards (+1) or downwards (-1). */
function level(reference: number, protection: RuleProtection, direction: 1 | -1): number {
  return protection.type === 'percent' ? reference * (1 + direction * protection.value) : reference + direction * protection.value;
}
