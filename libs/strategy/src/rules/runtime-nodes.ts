/**
 * What a compiled rule runs per bar: a flat list of nodes in dependency order, each reading its
 * inputs from and writing its outputs to slots of one Float64Array. Every distinct
 * sub-expression is one node, so it is computed once per bar, in O(1) (the streaming forms of
 * libs/indicators).
 *
 * Booleans are 1 (true), 0 (false) or NaN (not known yet: an input is still warming up). Logic is
 * three-valued (Kleene): "not unknown" is unknown, "false and unknown" is false, "true or unknown"
 * is true. The strategy acts only on a definite 1, so a warm-up never triggers an entry or exit,
 * not even through "not".
 */
import {
  AtrStream,
  BollingerStream,
  DonchianStream,
  MacdStream,
  StochasticStream,
} from '@meridian/indicators';

export interface BarValues {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface RuntimeNode {
  step(bar: BarValues, values: Float64Array): void;
}

/** Any single-input streaming indicator of libs/indicators. */
export interface NumberStream {
  update(value: number): number;
  reset(): void;
}

export class FieldNode implements RuntimeNode {
  constructor(
    private readonly field: keyof BarValues,
    private readonly out: number,
  ) {}
  step(bar: BarValues, v: Float64Array): void {
    v[this.out] = bar[this.field];
  }
}

export type ArithmeticCode = '+' | '-' | '*' | '/';

export function arithmetic(op: ArithmeticCode, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      // Division by zero gives NaN (unknown), not ±Infinity that would poison averages for ever.
      return b === 0 ? NaN : a / b;
  }
}

export class ArithmeticNode implements RuntimeNode {
  constructor(
    private readonly op: ArithmeticCode,
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    v[this.out] = arithmetic(this.op, v[this.a], v[this.b]);
  }
}

export class NegateNode implements RuntimeNode {
  constructor(
    private readonly input: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    v[this.out] = -v[this.input];
  }
}

export type ComparisonCode = '<' | '<=' | '>' | '>=' | '==' | '!=';

export class CompareNode implements RuntimeNode {
  constructor(
    private readonly op: ComparisonCode,
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const a = v[this.a];
    const b = v[this.b];
    if (a !== a || b !== b) {
      v[this.out] = NaN;
      return;
    }
    let r: boolean;
    switch (this.op) {
      case '<':
        r = a < b;
        break;
      case '<=':
        r = a <= b;
        break;
      case '>':
        r = a > b;
        break;
      case '>=':
        r = a >= b;
        break;
      case '==':
        r = a === b;
        break;
      case '!=':
        r = a !== b;
        break;
    }
    v[this.out] = r ? 1 : 0;
  }
}

export class AndNode implements RuntimeNode {
  constructor(
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const a = v[this.a];
    const b = v[this.b];
    v[this.out] = a === 0 || b === 0 ? 0 : a === 1 && b === 1 ? 1 : NaN;
  }
}

export class OrNode implements RuntimeNode {
  constructor(
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const a = v[this.a];
    const b = v[this.b];
    v[this.out] = a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : NaN;
  }
}

export class NotNode implements RuntimeNode {
  constructor(
    private readonly input: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const x = v[this.input];
    v[this.out] = x === 1 ? 0 : x === 0 ? 1 : NaN;
  }
}

export class MathNode implements RuntimeNode {
  constructor(
    private readonly fn: 'abs' | 'min' | 'max',
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const a = v[this.a];
    v[this.out] = this.fn === 'abs' ? Math.abs(a) : this.fn === 'min' ? Math.min(a, v[this.b]) : Math.max(a, v[this.b]);
  }
}

/**
 * Tracks whether a stream has seen a value, to restart it on a gap. libs/indicators follows TTR
 * and refuses a NaN after the first value; inside a rule a NaN mid-series is ordinary (a division
 * by zero, RSI over a flat window), so the indicator starts its warm-up again instead.
 */
class GapGuard {
  private started = false;
  /** True when the input is a gap after values: the caller resets its stream. */
  isRestart(x: number): boolean {
    if (x !== x) {
      const restart = this.started;
      this.started = false;
      return restart;
    }
    this.started = true;
    return false;
  }
}

/** One-input, one-output indicator (SMA, EMA, WMA, RSI, ROC, runSD, runMax, runMin). */
export class StreamNode implements RuntimeNode {
  private readonly guard = new GapGuard();
  constructor(
    private readonly stream: NumberStream,
    private readonly input: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const x = v[this.input];
    if (this.guard.isRestart(x)) this.stream.reset();
    v[this.out] = this.stream.update(x);
  }
}

/** Bollinger bands; any output slot may be -1 when no expression uses it. */
export class BollingerNode implements RuntimeNode {
  private readonly guard = new GapGuard();
  constructor(
    private readonly stream: BollingerStream,
    private readonly input: number,
    private readonly outUpper: number,
    private readonly outMiddle: number,
    private readonly outLower: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const x = v[this.input];
    if (this.guard.isRestart(x)) this.stream.reset();
    const r = this.stream.update(x);
    if (this.outUpper >= 0) v[this.outUpper] = r.upper;
    if (this.outMiddle >= 0) v[this.outMiddle] = r.middle;
    if (this.outLower >= 0) v[this.outLower] = r.lower;
  }
}

export class MacdNode implements RuntimeNode {
  private readonly guard = new GapGuard();
  constructor(
    private readonly stream: MacdStream,
    private readonly input: number,
    private readonly outMacd: number,
    private readonly outSignal: number,
    private readonly outHist: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const x = v[this.input];
    if (this.guard.isRestart(x)) this.stream.reset();
    const r = this.stream.update(x);
    if (this.outMacd >= 0) v[this.outMacd] = r.macd;
    if (this.outSignal >= 0) v[this.outSignal] = r.signal;
    if (this.outHist >= 0) v[this.outHist] = r.histogram;
  }
}

/** A bar with a missing high, low or close restarts the bar-based indicators. */
function badBar(bar: BarValues): boolean {
  return bar.high !== bar.high || bar.low !== bar.low || bar.close !== bar.close;
}

export class AtrNode implements RuntimeNode {
  constructor(
    private readonly stream: AtrStream,
    private readonly out: number,
  ) {}
  step(bar: BarValues, v: Float64Array): void {
    if (badBar(bar)) {
      this.stream.reset();
      v[this.out] = NaN;
      return;
    }
    v[this.out] = this.stream.update(bar).atr;
  }
}

export class DonchianNode implements RuntimeNode {
  constructor(
    private readonly stream: DonchianStream,
    private readonly outHigh: number,
    private readonly outLow: number,
  ) {}
  step(bar: BarValues, v: Float64Array): void {
    if (badBar(bar)) {
      this.stream.reset();
      if (this.outHigh >= 0) v[this.outHigh] = NaN;
      if (this.outLow >= 0) v[this.outLow] = NaN;
      return;
    }
    const r = this.stream.update(bar);
    if (this.outHigh >= 0) v[this.outHigh] = r.high;
    if (this.outLow >= 0) v[this.outLow] = r.low;
  }
}

/** Stochastic %K and %D, scaled to 0..100 like RSI (libs/indicators gives TTR's 0..1). */
export class StochasticNode implements RuntimeNode {
  constructor(
    private readonly stream: StochasticStream,
    private readonly outK: number,
    private readonly outD: number,
  ) {}
  step(bar: BarValues, v: Float64Array): void {
    if (badBar(bar)) {
      this.stream.reset();
      if (this.outK >= 0) v[this.outK] = NaN;
      if (this.outD >= 0) v[this.outD] = NaN;
      return;
    }
    const r = this.stream.update(bar);
    if (this.outK >= 0) v[this.outK] = 100 * r.fastK;
    if (this.outD >= 0) v[this.outD] = 100 * r.fastD;
  }
}

/** prev(x, n): the value n bars ago (NaN for the first n bars). */
export class PrevNode implements RuntimeNode {
  private readonly history: Float64Array;
  private position = 0;
  constructor(
    bars: number,
    private readonly input: number,
    private readonly out: number,
  ) {
    this.history = new Float64Array(bars).fill(NaN);
  }
  step(_bar: BarValues, v: Float64Array): void {
    const h = this.history;
    v[this.out] = h[this.position];
    h[this.position] = v[this.input];
    this.position = this.position + 1 === h.length ? 0 : this.position + 1;
  }
}

/** crossAbove / crossBelow: compares this bar's and the previous bar's a and b. */
export class CrossNode implements RuntimeNode {
  private previousA = NaN;
  private previousB = NaN;
  constructor(
    private readonly direction: 'above' | 'below',
    private readonly a: number,
    private readonly b: number,
    private readonly out: number,
  ) {}
  step(_bar: BarValues, v: Float64Array): void {
    const a = v[this.a];
    const b = v[this.b];
    const pa = this.previousA;
    const pb = this.previousB;
    this.previousA = a;
    this.previousB = b;
    if (a !== a || b !== b || pa !== pa || pb !== pb) {
      v[this.out] = NaN;
      return;
    }
    const crossed = this.direction === 'above' ? a > b && pa <= pb : a < b && pa >= pb;
    v[this.out] = crossed ? 1 : 0;
  }
}
