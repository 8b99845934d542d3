/**
 * Rules evaluated over whole arrays of bars, with the same per-bar program the strategy runs:
 * for charts in the UI (an indicator expression, the bars where a rule would enter) and for tests.
 */
import type { ParamValues } from '../sdk';
import type { Expr } from './ast';
import { ruleProgram } from './compile';
import { buildProgram, type Program, type ResolvedParams } from './program';
import type { RuleStrategy } from './rule';
import type { BarValues } from './runtime-nodes';

/** Columns of bars; open, high and low default to the close, volume to 0. */
export interface BarColumns {
  readonly close: ArrayLike<number>;
  readonly open?: ArrayLike<number>;
  readonly high?: ArrayLike<number>;
  readonly low?: ArrayLike<number>;
  readonly volume?: ArrayLike<number>;
}

/** Value of each root of `program` at every bar. */
function runProgram(program: Program, bars: BarColumns): Float64Array[] {
  const n = bars.close.length;
  const state = program.instantiate();
  const outputs = program.roots.map(() => new Float64Array(n));
  const bar: BarValues = { open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };
  for (let i = 0; i < n; i++) {
    bar.close = bars.close[i];
    bar.open = bars.open?.[i] ?? bar.close;
    bar.high = bars.high?.[i] ?? bar.close;
    bar.low = bars.low?.[i] ?? bar.close;
    bar.volume = bars.volume?.[i] ?? 0;
    state.step(bar);
    program.roots.forEach((slot, r) => (outputs[r][i] = state.values[slot]));
  }
  return outputs;
}

/**
 * The value of a checked expression at every bar: numbers as they are, booleans as 1 / 0, NaN
 * where the value is not known yet (warm-up).
 */
export function evaluateExpression(expr: Expr, bars: BarColumns, params: ResolvedParams = {}): Float64Array {
  return runProgram(buildProgram([expr], params), bars)[0];
}

export interface RuleSignals {
  /** 1 on the bars where the entry condition holds. */
  readonly entry: Uint8Array;
  /** 1 on the bars where the exit condition holds (all 0 without an exit condition). */
  readonly exit: Uint8Array;
  /** Bars needed before the first decision (see ruleWarmup). */
  readonly warmup: number;
}

/** Where a rule's conditions hold, bar by bar (before any position logic). */
export function ruleSignals(rule: RuleStrategy, bars: BarColumns, values: ParamValues = {}): RuleSignals {
  const program = ruleProgram(rule, values);
  const [entryValues, exitValues] = runProgram(program, bars);
  const toFlags = (x: Float64Array | undefined) => Uint8Array.from(x ?? new Float64Array(bars.close.length), (v) => (v === 1 ? 1 : 0));
  return {
    entry: toFlags(entryValues),
    exit: toFlags(exitValues),
    warmup: Math.max(...program.roots.map((slot) => program.warmups[slot])),
  };
}
