import type { ParamValues, StrategyDefinition } from '@meridian/strategy';
import { BacktestEngine } from './engine';
import type { BacktestInput, BacktestOptions, BacktestProgress, BacktestResult } from './types';

/** Steps between progress reports and cancellation checks unless `progressEvery` says otherwise. */
export const DEFAULT_PROGRESS_EVERY = 65_536;

/** Thrown when `isCancelled()` answers true; carries how far the run got. */
export class BacktestCancelledError extends Error {
  constructor(
    readonly step: number,
    readonly steps: number,
  ) {
    super(`backtest cancelled after ${step} of ${steps} steps`);
    this.name = 'BacktestCancelledError';
  }
}

function progressOf(engine: BacktestEngine): BacktestProgress {
  const step = engine.stepsDone;
  return {
    step,
    steps: engine.steps,
    fraction: engine.steps === 0 ? 1 : step / engine.steps,
    time: step === 0 ? NaN : engine.times[step - 1],
    equity: engine.currentEquity,
  };
}

function checkCancelled(engine: BacktestEngine, options: BacktestOptions): void {
  if (options.isCancelled?.()) throw new BacktestCancelledError(engine.stepsDone, engine.steps);
}

/**
 * Runs `definition` with `params` over `input` to the end, synchronously. Every `progressEvery`
 * steps (and before the first) it asks `isCancelled` and after each chunk it reports `onProgress`
 * (the last report has fraction 1). Throws BacktestCancelledError when cancelled, RangeError on
 * invalid input, and whatever the strategy throws.
 */
export function runBacktest(
  definition: StrategyDefinition,
  params: ParamValues,
  input: BacktestInput,
  options: BacktestOptions = {},
): BacktestResult {
  const engine = new BacktestEngine(definition, params, input, options);
  const every = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  checkCancelled(engine, options);
  while (!engine.done) {
    engine.advance(every);
    options.onProgress?.(progressOf(engine));
    if (!engine.done) checkCancelled(engine, options);
  }
  return engine.result();
}

/** Gives the event loop a turn (so that a cancel message or a progress write can get through). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * {@link runBacktest}, yielding to the event loop between chunks of `progressEvery` steps, for a
 * job runner whose cancellation arrives as an event while the backtest runs.
 */
export async function runBacktestAsync(
  definition: StrategyDefinition,
  params: ParamValues,
  input: BacktestInput,
  options: BacktestOptions = {},
): Promise<BacktestResult> {
  const engine = new BacktestEngine(definition, params, input, options);
  const every = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  checkCancelled(engine, options);
  while (!engine.done) {
    engine.advance(every);
    options.onProgress?.(progressOf(engine));
    if (!engine.done) {
      await yieldToEventLoop();
      checkCancelled(engine, options);
    }
  }
  return engine.result();
}
