/**
 * Price alert rules, evaluated tick by tick. Pure: the caller passes each price with its time;
 * no clocks, timers or I/O. Rules are plain data; a {@link PriceAlert} holds the little state a
 * rule needs (previous price, a time-windowed min/max, the last firing time).
 */
import type { Tick } from './ticks';
import { WindowedExtremes } from './windowed-extremes';

export type MoveDirection = 'up' | 'down' | 'either';

export type AlertCondition =
  /** Price strictly above `level`. Level-triggered: true on every tick while above. */
  | { readonly kind: 'above'; readonly level: number }
  /** Price strictly below `level`. Level-triggered: true on every tick while below. */
  | { readonly kind: 'below'; readonly level: number }
  /**
   * Price crossed `level` since the previous tick: up when previous < level ≤ price, down when
   * previous > level ≥ price. Edge-triggered; the first tick never crosses. Default direction: either.
   */
  | { readonly kind: 'cross'; readonly level: number; readonly direction?: MoveDirection }
  /**
   * Price moved at least `percent` % within the last `windowMs` (window includes the current tick):
   * up = from the window's minimum, down = from its maximum. After firing, the window restarts at the
   * firing price, so one move fires once. Default direction: either.
   */
  | { readonly kind: 'percentMove'; readonly percent: number; readonly windowMs: number; readonly direction?: MoveDirection };

/** Fire once (then the alert is spent) or repeatedly, at most once per `cooldownMs`. */
export type AlertTrigger = { readonly mode: 'once' } | { readonly mode: 'repeat'; readonly cooldownMs: number };

export interface AlertRule {
  readonly id: string;
  /** When set, {@link PriceAlert.evaluateTick} ignores ticks of other symbols. */
  readonly symbol?: string;
  readonly condition: AlertCondition;
  /** Defaults to `{ mode: 'once' }`. */
  readonly trigger?: AlertTrigger;
}

export interface AlertEvaluation {
  readonly ruleId: string;
  readonly fired: boolean;
  /** The condition held on this tick (it may still not fire: spent, or cooling down). */
  readonly conditionMet: boolean;
  readonly epochMs: number;
  readonly price: number;
  /** Direction of a cross or percent move that met the condition. */
  readonly direction?: 'up' | 'down';
  /** Percent move: the window minimum/maximum the move is measured from. */
  readonly referencePrice?: number;
  /** Percent move: signed change in percent from referencePrice. */
  readonly changePercent?: number;
}

/** Tolerance (in percentage points) so that an exact move such as 100 → 105 meets a 5 % rule. */
const PERCENT_EPSILON = 1e-9;

function validateRule(rule: AlertRule): void {
  const c = rule.condition;
  switch (c.kind) {
    case 'above':
    case 'below':
    case 'cross':
      if (!Number.isFinite(c.level)) throw new RangeError(`alert ${rule.id}: level must be finite`);
      break;
    case 'percentMove':
      if (!(c.percent > 0) || !Number.isFinite(c.percent)) throw new RangeError(`alert ${rule.id}: percent must be > 0`);
      if (!(c.windowMs > 0) || !Number.isFinite(c.windowMs)) throw new RangeError(`alert ${rule.id}: windowMs must be > 0`);
      break;
    default:
      throw new RangeError(`alert ${rule.id}: unknown condition ${(c as { kind: string }).kind}`);
  }
  const t = rule.trigger;
  if (t && t.mode === 'repeat' && (!(t.cooldownMs >= 0) || !Number.isFinite(t.cooldownMs))) {
    throw new RangeError(`alert ${rule.id}: cooldownMs must be >= 0`);
  }
  if (t && t.mode !== 'once' && t.mode !== 'repeat') throw new RangeError(`alert ${rule.id}: unknown trigger mode`);
}

interface ConditionResult {
  met: boolean;
  direction?: 'up' | 'down';
  referencePrice?: number;
  changePercent?: number;
}

/** Stateful evaluator of one {@link AlertRule}. */
export class PriceAlert {
  readonly rule: AlertRule;
  private readonly trigger: AlertTrigger;
  private readonly window: WindowedExtremes | null;
  private previousPrice: number | undefined;
  private lastTimeMs = -Infinity;
  private lastFired: number | undefined;
  private spent = false;

  constructor(rule: AlertRule) {
    validateRule(rule);
    this.rule = rule;
    this.trigger = rule.trigger ?? { mode: 'once' };
    this.window = rule.condition.kind === 'percentMove' ? new WindowedExtremes(rule.condition.windowMs) : null;
  }

  /** False once a fire-once alert has fired. */
  get active(): boolean {
    return !this.spent;
  }

  /** Time of the last firing, if any. */
  get lastFiredMs(): number | undefined {
    return this.lastFired;
  }

  /** Re-arms the alert and forgets all price history. */
  reset(): void {
    this.previousPrice = undefined;
    this.lastTimeMs = -Infinity;
    this.lastFired = undefined;
    this.spent = false;
    this.window?.clear();
  }

  /** Evaluates a tick; ticks of another symbol (when the rule has one) don't fire and don't change state. */
  evaluateTick(tick: Tick): AlertEvaluation {
    if (this.rule.symbol !== undefined && tick.symbol !== this.rule.symbol) {
      return { ruleId: this.rule.id, fired: false, conditionMet: false, epochMs: tick.epochMs, price: tick.quote };
    }
    return this.evaluate(tick.quote, tick.epochMs);
  }

  /**
   * Feeds one price and reports whether the alert fires. Prices older than the previous one are
   * ignored; a spent fire-once alert never fires again.
   */
  evaluate(price: number, epochMs: number): AlertEvaluation {
    if (!Number.isFinite(price)) throw new RangeError(`price must be finite, got ${price}`);
    if (!Number.isFinite(epochMs)) throw new RangeError(`epochMs must be finite, got ${epochMs}`);
    const id = this.rule.id;
    if (this.spent || epochMs < this.lastTimeMs) {
      return { ruleId: id, fired: false, conditionMet: false, epochMs, price };
    }
    const result = this.check(price, epochMs);
    this.previousPrice = price;
    this.lastTimeMs = epochMs;
    let fired = false;
    if (result.met) {
      const cooling = this.trigger.mode === 'repeat' && this.lastFired !== undefined && epochMs - this.lastFired < this.trigger.cooldownMs;
      if (!cooling) {
        fired = true;
        this.lastFired = epochMs;
        if (this.trigger.mode === 'once') this.spent = true;
        if (this.window) {
          // The move is consumed: measure the next one from here.
          this.window.clear();
          this.window.push(epochMs, price);
        }
      }
    }
    const evaluation: AlertEvaluation = { ruleId: id, fired, conditionMet: result.met, epochMs, price };
    if (result.direction === undefined) return evaluation;
    return { ...evaluation, direction: result.direction, referencePrice: result.referencePrice, changePercent: result.changePercent };
  }

  private check(price: number, epochMs: number): ConditionResult {
    const c = this.rule.condition;
    switch (c.kind) {
      case 'above':
        return { met: price > c.level };
      case 'below':
        return { met: price < c.level };
      case 'cross': {
        const prev = this.previousPrice;
        if (prev === undefined) return { met: false };
        const direction = c.direction ?? 'either';
        if (direction !== 'down' && prev < c.level && price >= c.level) return { met: true, direction: 'up' };
        if (direction !== 'up' && prev > c.level && price <= c.level) return { met: true, direction: 'down' };
        return { met: false };
      }
      case 'percentMove': {
        const window = this.window as WindowedExtremes;
        window.push(epochMs, price);
        const direction = c.direction ?? 'either';
        const low = window.min;
        const high = window.max;
        const up = low > 0 ? ((price - low) / low) * 100 : NaN;
        const down = high > 0 ? ((price - high) / high) * 100 : NaN;
        const upMet = direction !== 'down' && up >= c.percent - PERCENT_EPSILON;
        const downMet = direction !== 'up' && -down >= c.percent - PERCENT_EPSILON;
        if (upMet && (!downMet || up >= -down)) return { met: true, direction: 'up', referencePrice: low, changePercent: up };
        if (downMet) return { met: true, direction: 'down', referencePrice: high, changePercent: down };
        return { met: false };
      }
    }
  }
}

/** Evaluates every alert against a tick and returns the evaluations that fired. */
export function evaluateAlerts(alerts: readonly PriceAlert[], tick: Tick): AlertEvaluation[] {
  const fired: AlertEvaluation[] = [];
  for (const alert of alerts) {
    const evaluation = alert.evaluateTick(tick);
    if (evaluation.fired) fired.push(evaluation);
  }
  return fired;
}
