import type { ChunkResult } from './chunk';
import { prepareRun } from './chunk';
import type { MonteCarloConfig, ResolvedConfig } from './config';
import { histogram, SegmentQuantiles, type Histogram } from './quantile';

export interface DistributionSummary {
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly stdDev: number;
  readonly min: number;
  readonly max: number;
  /** Type-7 quantiles at the config's percentiles. */
  readonly percentiles: readonly { readonly probability: number; readonly value: number }[];
  readonly histogram: Histogram;
}

export interface LossProbability {
  /** Loss as a fraction of initial equity (0.1 = 10 %). */
  readonly threshold: number;
  /** P(final return < −threshold). */
  readonly finalLoss: number;
  /** P(maximum drawdown > threshold). */
  readonly maxDrawdown: number;
}

export interface MonteCarloResult {
  readonly paths: number;
  readonly steps: number;
  readonly seed: number;
  readonly chunkCount: number;
  readonly initialEquity: number;
  /** Equity quantiles per step (steps + 1 values each, step 0 = initial equity); null without bands. */
  readonly equityBands: { readonly probabilities: readonly number[]; readonly values: readonly Float64Array[] } | null;
  /** Final equity / initial equity − 1. */
  readonly finalReturn: DistributionSummary;
  /** Maximum drawdown of each path, as a positive fraction of its running peak. */
  readonly maxDrawdown: DistributionSummary;
  readonly lossProbabilities: readonly LossProbability[];
}

/** Equity bands of a range of steps [fromStep, fromStep + values[0].length). */
export interface BandSlice {
  readonly fromStep: number;
  /** One array per band probability. */
  readonly values: readonly Float64Array[];
}

/** Where the merge finds the levels when the chunks wrote them into a shared matrix. */
export interface SharedBands {
  /** The shared matrix the chunks wrote into: the merge computes the bands from it. */
  readonly sharedLevels?: Float64Array;
  /** Or the bands already computed by step ranges (bandsForSteps), e.g. on the workers. */
  readonly bands?: readonly BandSlice[];
}

/**
 * Merges the results of all chunks of one config into the run's result. Chunks may arrive in any
 * order from any number of workers: they are put back in index order first, and every statistic is
 * computed over the paths in path order, so the result is the same bit for bit.
 */
export function mergeChunks(config: MonteCarloConfig, chunks: readonly ChunkResult[], shared: SharedBands = {}): MonteCarloResult {
  const { config: resolved } = prepareRun(config);
  const ordered = checkCoverage(resolved, chunks);
  const { paths, steps } = resolved;
  const first = ordered[0];
  const finalReturns = concat(ordered.map((c) => c.finalReturns), paths);
  const maxDrawdowns = concat(ordered.map((c) => c.maxDrawdowns), paths);
  return {
    paths,
    steps,
    seed: resolved.seed,
    chunkCount: resolved.chunkCount,
    initialEquity: first.initialEquity,
    equityBands: resolved.equityBands ? mergedBands(config, ordered, shared) : null,
    finalReturn: summarize(finalReturns, resolved),
    maxDrawdown: summarize(maxDrawdowns, resolved),
    lossProbabilities: resolved.lossThresholds.map((threshold) => ({
      threshold,
      finalLoss: fraction(finalReturns, (r) => r < -threshold),
      maxDrawdown: fraction(maxDrawdowns, (d) => d > threshold),
    })),
  };
}

function mergedBands(config: MonteCarloConfig, chunks: readonly ChunkResult[], shared: SharedBands): { probabilities: readonly number[]; values: Float64Array[] } {
  const { config: resolved } = prepareRun(config);
  const probabilities = [...resolved.bandProbabilities];
  if (chunks.every((c) => c.levels !== null)) return { probabilities, values: bandsFromChunks(resolved, chunks) };
  if (shared.bands !== undefined) return { probabilities, values: assembleBands(resolved, shared.bands) };
  if (shared.sharedLevels !== undefined) return { probabilities, values: [...bandsForSteps(config, shared.sharedLevels, 0, resolved.steps + 1).values] };
  throw new RangeError('the chunks wrote their levels into a shared matrix: pass it (sharedLevels) or the bands by step range (bands)');
}

/**
 * Equity bands of steps [fromStep, toStep) from the shared level matrix the chunks wrote into:
 * the merge's band work, split by step ranges so that workers can share it. Any split gives the
 * same numbers (each step's quantiles depend only on that step's row).
 */
export function bandsForSteps(config: MonteCarloConfig, sharedLevels: Float64Array, fromStep: number, toStep: number): BandSlice {
  const { config: resolved, model } = prepareRun(config);
  const { paths, steps, bandProbabilities } = resolved;
  if (sharedLevels.length !== (steps + 1) * paths) throw new RangeError(`sharedLevels must hold ${(steps + 1) * paths} values, got ${sharedLevels.length}`);
  if (!(Number.isInteger(fromStep) && Number.isInteger(toStep) && 0 <= fromStep && fromStep <= toStep && toStep <= steps + 1)) {
    throw new RangeError(`step range [${fromStep}, ${toStep}) is not within [0, ${steps + 1})`);
  }
  const values = bandProbabilities.map(() => new Float64Array(toStep - fromStep));
  const toEquity = equityOf(model.scale, model.initialEquity);
  const selector = new SegmentQuantiles();
  for (let s = fromStep; s < toStep; s++) {
    const q = selector.quantiles([sharedLevels.subarray(s * paths, (s + 1) * paths)], bandProbabilities, toEquity);
    for (let b = 0; b < q.length; b++) values[b][s - fromStep] = q[b];
  }
  return { fromStep, values };
}

/** Log levels are log(equity / initial): quantiles are of equity, as R would take them on equity paths. */
function equityOf(scale: 'log' | 'linear', initialEquity: number): ((y: number) => number) | undefined {
  return scale === 'log' ? (y: number) => initialEquity * Math.exp(y) : undefined;
}

function assembleBands(config: ResolvedConfig, slices: readonly BandSlice[]): Float64Array[] {
  const values = config.bandProbabilities.map(() => new Float64Array(config.steps + 1));
  let next = 0;
  for (const slice of [...slices].sort((a, b) => a.fromStep - b.fromStep)) {
    if (slice.fromStep !== next || slice.values.length !== values.length) throw new RangeError(`band slices must cover steps 0..${config.steps} once each; step ${next} is missing or doubled`);
    slice.values.forEach((v, b) => values[b].set(v, slice.fromStep));
    next += slice.values[0]?.length ?? 0;
  }
  if (next !== config.steps + 1) throw new RangeError(`band slices cover steps 0..${next - 1}, not 0..${config.steps}`);
  return values;
}

function checkCoverage(config: ResolvedConfig, chunks: readonly ChunkResult[]): ChunkResult[] {
  const ordered = [...chunks].sort((a, b) => a.index - b.index);
  if (ordered.length !== config.chunkCount) throw new RangeError(`expected ${config.chunkCount} chunks, got ${ordered.length}`);
  ordered.forEach((chunk, i) => {
    if (chunk.index !== i) throw new RangeError(`chunk ${i} is missing (or another is duplicated)`);
    if (chunk.steps !== config.steps || chunk.firstPath !== i * config.chunkSize) throw new RangeError(`chunk ${i} belongs to another config`);
  });
  return ordered;
}

function concat(parts: readonly Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Per step, the type-7 quantiles of equity over all paths (exact order statistics, no sorting). */
function bandsFromChunks(config: ResolvedConfig, chunks: readonly ChunkResult[]): Float64Array[] {
  const { steps, bandProbabilities } = config;
  const values = bandProbabilities.map(() => new Float64Array(steps + 1));
  const toEquity = equityOf(chunks[0].scale, chunks[0].initialEquity);
  const selector = new SegmentQuantiles();
  for (let s = 0; s <= steps; s++) {
    const rows = chunks.map((chunk) => (chunk.levels as Float64Array).subarray(s * chunk.paths, (s + 1) * chunk.paths));
    const q = selector.quantiles(rows, bandProbabilities, toEquity);
    for (let b = 0; b < q.length; b++) values[b][s] = q[b];
  }
  return values;
}

function summarize(values: Float64Array, config: ResolvedConfig): DistributionSummary {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
  const hist = histogram(values, config.histogramBins);
  const q = new SegmentQuantiles().quantiles([values], config.percentiles);
  return {
    mean,
    stdDev: n > 1 ? Math.sqrt(squares / (n - 1)) : NaN,
    min,
    max,
    percentiles: config.percentiles.map((probability, i) => ({ probability, value: q[i] })),
    histogram: hist,
  };
}

function fraction(values: Float64Array, predicate: (x: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (predicate(values[i])) count++;
  return count / values.length;
}
