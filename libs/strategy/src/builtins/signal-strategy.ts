import type { OrderIntent, SeriesView, Strategy, StrategyContext } from '../sdk';
import { type Direction, type PositionSizing, targetIntent } from './position-sizing';

/**
 * The per-symbol logic of a signal strategy: indicator state, fed one bar at a time, answering
 * the direction it wants to hold. Rules are pure state machines over streaming indicators, so a
 * bar costs O(1) and nothing is recomputed over history.
 */
export interface SignalRule<State> {
  createState(): State;
  /** Feeds the symbol's newest bar (`bar.close()` etc.); returns the wanted direction. */
  next(state: State, bar: SeriesView, current: Direction): Direction;
}

/**
 * Runs a {@link SignalRule} on every symbol of the run and answers a target intent only when a
 * symbol's wanted direction changes (so an engine sees no intents on quiet bars, and a
 * reversal is one target, not an exit plus an entry).
 */
export class SignalStrategy<State> implements Strategy {
  private symbols: readonly string[] = [];
  private states: State[] = [];
  /** Bars of each symbol already fed: a symbol without a bar at this time is left alone. */
  private seen = new Int32Array(0);
  private directions = new Int8Array(0);
  private ready = false;

  constructor(
    private readonly rule: SignalRule<State>,
    private readonly sizing: PositionSizing,
    private readonly tag: string,
  ) {}

  init(ctx: StrategyContext): void {
    this.symbols = ctx.symbols.slice();
    this.states = this.symbols.map(() => this.rule.createState());
    this.seen = new Int32Array(this.symbols.length);
    this.directions = new Int8Array(this.symbols.length);
    this.ready = true;
  }

  onBar(ctx: StrategyContext): readonly OrderIntent[] | void {
    if (!this.ready) this.init(ctx);
    let out: OrderIntent[] | undefined;
    const { symbols, states, seen, directions, rule, sizing } = this;
    for (let i = 0; i < symbols.length; i++) {
      const bar = ctx.series(symbols[i]);
      if (bar === undefined || bar.length === seen[i]) continue;
      seen[i] = bar.length;
      const current = directions[i] as Direction;
      const wanted = rule.next(states[i], bar, current);
      const effective: Direction = wanted < 0 && !sizing.longShort ? 0 : wanted;
      if (effective !== current) {
        directions[i] = effective;
        (out ??= []).push(targetIntent(symbols[i], effective, sizing, this.tag));
      }
    }
    return out;
  }
}

/** True when `a` crosses above `b` on this bar: a > b now and a <= b on the previous bar. */
export function crossedAbove(previousA: number, previousB: number, a: number, b: number): boolean {
  return a > b && previousA <= previousB;
}

/** True when `a` crosses below `b` on this bar: a < b now and a >= b on the previous bar. */
export function crossedBelow(previousA: number, previousB: number, a: number, b: number): boolean {
  return a < b && previousA >= previousB;
}
