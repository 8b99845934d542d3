import type { OrderIntent, ParamValues, Strategy, StrategyDefinition } from '@meridian/strategy';
import { BacktestEngine } from './engine';
import { countAtOrBefore, unionTimeline } from './timeline';
import type { BacktestInput, BacktestOptions, SymbolBars } from './types';

export interface LookaheadOptions {
  /** Time steps to cut at (the run keeps steps 0..cut). Default: `cutCount` evenly spread after the warm-up. */
  readonly cuts?: readonly number[];
  /** Number of cuts when `cuts` is not given (default 8). */
  readonly cutCount?: number;
  /** Engine options for every run (progress and cancellation are ignored). */
  readonly backtest?: Omit<BacktestOptions, 'onProgress' | 'isCancelled'>;
  /** Stop listing after this many differences (default 50). */
  readonly maxDifferences?: number;
}

/** A step whose decision depended on data after the cut. */
export interface LookaheadDifference {
  readonly cut: number;
  readonly step: number;
  readonly time: number;
  /** The intents on the full data, and on the data ending at the cut (null: none). */
  readonly full: readonly OrderIntent[] | null;
  readonly truncated: readonly OrderIntent[] | null;
}

export interface LookaheadReport {
  /** True when every decision was the same with and without the future. */
  readonly ok: boolean;
  readonly steps: number;
  readonly cuts: readonly number[];
  readonly differences: readonly LookaheadDifference[];
}

/** Wraps a definition so that every non-empty answer of onBar is recorded, by time step. */
function recording(definition: StrategyDefinition, decisions: Map<number, string>): StrategyDefinition {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    params: definition.params,
    warmup: (params) => definition.warmup(params),
    create(params) {
      const inner: Strategy = definition.create(params);
      return {
        init: (ctx) => inner.init?.(ctx),
        onBar(ctx) {
          const intents = inner.onBar(ctx);
          if (intents && intents.length) decisions.set(ctx.barIndex, JSON.stringify(intents));
          return intents;
        },
      };
    },
  };
}

function run(definition: StrategyDefinition, params: ParamValues, input: BacktestInput, options: LookaheadOptions): Map<number, string> {
  const decisions = new Map<number, string>();
  const engine = new BacktestEngine(recording(definition, decisions), params, input, options.backtest ?? {});
  engine.advance(engine.steps);
  return decisions;
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/** The input ending at `cutTime`: views (subarrays) of the same memory, nothing copied. */
function truncate(input: BacktestInput, cutTime: number): { input: BacktestInput; kept: number[] } {
  const kept = input.symbols.map((s) => countAtOrBefore(s.time, cutTime));
  const symbols = input.symbols.map((s, i): SymbolBars => {
    const k = kept[i];
    return {
      symbol: s.symbol,
      time: s.time.subarray(0, k),
      open: s.open.subarray(0, k),
      high: s.high.subarray(0, k),
      low: s.low.subarray(0, k),
      close: s.close.subarray(0, k),
      volume: s.volume.subarray(0, k),
    };
  });
  return { input: { ...input, symbols }, kept };
}

/**
 * Overwrites with NaN, in the caller's own arrays, every value after what the truncated run may
 * read, and returns the function that puts them back. This is what catches a strategy that holds
 * a reference to the full arrays (through a closure, or a leaked reference): truncating alone
 * would hand it a shorter copy while it kept reading the original. The run is synchronous and the
 * values are restored in a finally block, so nothing else can observe the change (unless the
 * arrays are shared with another thread).
 */
function poisonFuture(input: BacktestInput, kept: readonly number[]): () => void {
  // An array may serve several columns or symbols: keep everything any of them reads.
  const readUpTo = new Map<Float64Array, number>();
  input.symbols.forEach((s, i) => {
    for (const c of COLUMNS) readUpTo.set(s[c], Math.max(readUpTo.get(s[c]) ?? 0, kept[i]));
  });
  const saved: Array<[Float64Array, number, Float64Array]> = [];
  for (const [array, from] of readUpTo) {
    saved.push([array, from, array.slice(from)]);
    array.fill(NaN, from);
  }
  return () => {
    for (const [array, from, values] of saved) array.set(values, from);
  };
}

function defaultCuts(steps: number, warmup: number, count: number): number[] {
  const first = Math.min(Math.max(warmup, 1), steps - 2);
  const last = steps - 2; // a cut at the last step is the full run
  if (last < 0) return [];
  const cuts = new Set<number>();
  for (let k = 0; k < count; k++) cuts.add(Math.round(first + ((last - first) * (k + 1)) / (count + 1)));
  return [...cuts].filter((c) => c >= 0).sort((a, b) => a - b);
}

/**
 * Look-ahead check: runs the strategy on the full data, then on the data cut after each of
 * several time steps (with the caller's arrays blanked beyond the cut for the duration of that
 * run), and lists every step up to the cut whose intents differ. A strategy that only uses the
 * past decides identically; one that reads a later bar, by whatever route, differs at the cut.
 * A run is deterministic, so any difference is a dependence on the future.
 */
export function checkLookahead(
  definition: StrategyDefinition,
  params: ParamValues,
  input: BacktestInput,
  options: LookaheadOptions = {},
): LookaheadReport {
  const times = unionTimeline(input.symbols.map((s) => s.time));
  const steps = times.length;
  const full = run(definition, params, input, options);
  const cuts = options.cuts
    ? [...options.cuts].sort((a, b) => a - b)
    : defaultCuts(steps, definition.warmup(params), options.cutCount ?? 8);
  for (const c of cuts) {
    if (!(Number.isInteger(c) && c >= 0 && c < steps)) throw new RangeError(`cut ${c} is not a time step in [0, ${steps})`);
  }
  const limit = options.maxDifferences ?? 50;
  const differences: LookaheadDifference[] = [];
  for (const cut of cuts) {
    const { input: truncated, kept } = truncate(input, times[cut]);
    const restore = poisonFuture(input, kept);
    let partial: Map<number, string>;
    try {
      partial = run(definition, params, truncated, options);
    } finally {
      restore();
    }
    for (let step = 0; step <= cut && differences.length < limit; step++) {
      const a = full.get(step);
      const b = partial.get(step);
      if (a !== b) {
        differences.push({
          cut,
          step,
          time: times[step],
          full: a === undefined ? null : (JSON.parse(a) as OrderIntent[]),
          truncated: b === undefined ? null : (JSON.parse(b) as OrderIntent[]),
        });
      }
    }
  }
  return { ok: differences.length === 0, steps, cuts, differences };
}
