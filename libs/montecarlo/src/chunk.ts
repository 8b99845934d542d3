import { chunkRange, resolveConfig, type MonteCarloConfig, type ResolvedConfig } from './config';
import { prepareModel, type PathModel } from './models';
import { deriveSeed, Rng } from './prng';

/**
 * The result of one chunk of paths. Plain typed arrays: a worker thread posts it back with its
 * buffers transferred, not copied.
 */
export interface ChunkResult {
  readonly index: number;
  readonly firstPath: number;
  readonly paths: number;
  readonly steps: number;
  readonly scale: 'log' | 'linear';
  readonly initialEquity: number;
  /**
   * Step-major levels (see PathModel), steps + 1 rows of `paths` values; null without bands, or
   * when they were written into a shared matrix.
   */
  readonly levels: Float64Array | null;
  readonly finalReturns: Float64Array;
  readonly maxDrawdowns: Float64Array;
}

export interface PreparedRun {
  readonly config: ResolvedConfig;
  readonly model: PathModel;
}

// A worker runs many chunks of one config: check it and prepare its model once.
const prepared = new WeakMap<MonteCarloConfig, PreparedRun>();

export function prepareRun(config: MonteCarloConfig): PreparedRun {
  let run = prepared.get(config);
  if (run === undefined) {
    const resolved = resolveConfig(config);
    run = { config: resolved, model: prepareModel(resolved.model, resolved.steps) };
    prepared.set(config, run);
  }
  return run;
}

/** Number of chunks the config splits into (run each once, in any order, anywhere). */
export function chunkCount(config: MonteCarloConfig): number {
  return prepareRun(config).config.chunkCount;
}

/** Size (in doubles) of a matrix that holds every path's level at every step: see runChunk. */
export function sharedLevelsLength(config: MonteCarloConfig): number {
  const { paths, steps } = prepareRun(config).config;
  return (steps + 1) * paths;
}

/**
 * Simulates chunk `chunkIndex`: its paths, from its own random stream seeded by (seed, index).
 * Pure: the same config and index give the same numbers in any thread or process.
 *
 * With `sharedLevels` (a Float64Array of sharedLevelsLength(config), typically on a
 * SharedArrayBuffer that every worker sees), the chunk writes its levels into that matrix, row s
 * holding step s of every path, instead of returning them: nothing to transfer, one buffer to
 * reuse from run to run, and the bands can then be computed by step ranges in parallel
 * (see bandsForSteps).
 */
export function runChunk(config: MonteCarloConfig, chunkIndex: number, sharedLevels?: Float64Array): ChunkResult {
  const { config: resolved, model } = prepareRun(config);
  const { firstPath, paths } = chunkRange(resolved, chunkIndex);
  const { steps } = resolved;
  const keepsAllSteps = resolved.equityBands;
  const shared = keepsAllSteps && sharedLevels !== undefined;
  if (shared && sharedLevels.length !== (steps + 1) * resolved.paths) {
    throw new RangeError(`sharedLevels must hold (steps + 1) × paths = ${(steps + 1) * resolved.paths} values, got ${sharedLevels.length}`);
  }
  const levels = shared ? sharedLevels : new Float64Array((keepsAllSteps ? steps + 1 : 2) * paths);
  const finalReturns = new Float64Array(paths);
  const maxDrawdowns = new Float64Array(paths);
  const rng = new Rng(deriveSeed(resolved.seed, chunkIndex));
  model.simulate(rng, {
    paths,
    steps,
    levels,
    rowStride: shared ? resolved.paths : paths,
    firstColumn: shared ? firstPath : 0,
    keepsAllSteps,
    finalReturns,
    maxDrawdowns,
  });
  return {
    index: chunkIndex,
    firstPath,
    paths,
    steps,
    scale: model.scale,
    initialEquity: model.initialEquity,
    levels: keepsAllSteps && !shared ? levels : null,
    finalReturns,
    maxDrawdowns,
  };
}
