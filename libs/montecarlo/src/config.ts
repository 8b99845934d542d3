/**
 * What a Monte Carlo run is asked to do. A config is plain data (numbers, arrays, typed arrays), so
 * it can be posted to worker threads or queued as a job as it is.
 */

/** One holding of a simulated portfolio, with its annualised GBM parameters. */
export interface GbmAsset {
  readonly symbol: string;
  /** Current market value (quote currency); negative for a short position. */
  readonly value: number;
  /** Annualised drift μ of the price (arithmetic: E[S_t] = S_0·e^{μt}). */
  readonly drift: number;
  /** Annualised volatility σ of log returns. */
  readonly volatility: number;
}

/** Geometric Brownian motion of each holding, correlated through the Cholesky factor. */
export interface GbmModel {
  readonly kind: 'gbm';
  readonly assets: readonly GbmAsset[];
  /** Correlation matrix (n×n nested or row-major); identity when left out. */
  readonly correlation?: ArrayLike<ArrayLike<number>> | ArrayLike<number>;
  /** Cash beside the holdings (default 0). Equity = cash + Σ holdings. */
  readonly cash?: number;
  /** Steps per year (default 252: one step = one trading day). */
  readonly stepsPerYear?: number;
  /** Replace a not positive definite correlation matrix by the nearest valid one instead of failing. */
  readonly nearestCorrelation?: boolean;
}

/** Resampling a backtest's closed trades: their P&L (quote currency) added to the equity. */
export interface TradeResampleModel {
  readonly kind: 'trades';
  readonly pnls: ArrayLike<number>;
  readonly initialEquity: number;
  /**
   * bootstrap: each step draws a trade with replacement (steps = trades per path);
   * shuffle: each path is a random order of all the trades (steps = the number of trades): the
   * final equity is the same on every path, only the drawdowns differ.
   */
  readonly method: 'bootstrap' | 'shuffle';
}

/** Block bootstrap of a backtest's period returns (circular blocks of a fixed length). */
export interface ReturnsBootstrapModel {
  readonly kind: 'returns';
  /** Simple returns per period (0.01 = +1 %), each > -1. */
  readonly returns: ArrayLike<number>;
  /** Consecutive returns drawn together, keeping short-range autocorrelation (1 = iid bootstrap). */
  readonly blockLength: number;
  readonly initialEquity?: number;
}

/** Bootstrap of historical return rows of a portfolio: a row keeps the symbols' co-movement. */
export interface PortfolioBootstrapModel {
  readonly kind: 'portfolio-returns';
  /** Simple returns per symbol, aligned by time (the same length for every symbol). */
  readonly returns: Readonly<Record<string, ArrayLike<number>>>;
  /** Current market value per symbol (negative = short). */
  readonly holdings: Readonly<Record<string, number>>;
  readonly cash?: number;
  /** Consecutive rows drawn together (default 1). */
  readonly blockLength?: number;
}

export type MonteCarloModel = GbmModel | TradeResampleModel | ReturnsBootstrapModel | PortfolioBootstrapModel;

export interface MonteCarloConfig {
  readonly model: MonteCarloModel;
  readonly paths: number;
  readonly steps: number;
  /** Any integer; the same seed and config give the same result, bit for bit. */
  readonly seed: number;
  /**
   * Paths per chunk (default 10,000). Chunk k always holds the same paths, drawn from a stream
   * seeded by (seed, k), so results do not depend on how many workers run the chunks; they do
   * depend on the chunk size, which is why it is part of the config.
   */
  readonly chunkSize?: number;
  /** Probabilities of the equity bands (default 0.05, 0.25, 0.5, 0.75, 0.95). */
  readonly bandProbabilities?: readonly number[];
  /** Keep every path's equity at every step for the bands (default true; 8 bytes × paths × (steps + 1)). */
  readonly equityBands?: boolean;
  /** Probabilities of the distribution percentiles (default 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99). */
  readonly percentiles?: readonly number[];
  /** Bins of the final-return and drawdown histograms (default 50). */
  readonly histogramBins?: number;
  /** Loss fractions to report probabilities for (default 0.05, 0.1, 0.2, 0.5). */
  readonly lossThresholds?: readonly number[];
}

export const DEFAULT_CHUNK_SIZE = 10_000;
export const DEFAULT_BAND_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const DEFAULT_PERCENTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
export const DEFAULT_LOSS_THRESHOLDS = [0.05, 0.1, 0.2, 0.5] as const;
export const DEFAULT_HISTOGRAM_BINS = 50;
/** Beyond this a run is refused: the bands alone would need more than a few GB. */
export const MAX_PATH_STEPS = 400_000_000;

/** A config with every default filled in and every value checked. */
export interface ResolvedConfig {
  readonly model: MonteCarloModel;
  readonly paths: number;
  readonly steps: number;
  readonly seed: number;
  readonly chunkSize: number;
  readonly chunkCount: number;
  readonly bandProbabilities: readonly number[];
  readonly equityBands: boolean;
  readonly percentiles: readonly number[];
  readonly histogramBins: number;
  readonly lossThresholds: readonly number[];
}

function positiveInteger(name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be an integer in [1, ${max}], got ${String(value)}`);
  }
  return value;
}

function probabilities(name: string, value: readonly number[] | undefined, fallback: readonly number[]): readonly number[] {
  const list = value ?? fallback;
  for (const p of list) if (!(typeof p === 'number' && p >= 0 && p <= 1)) throw new RangeError(`${name}: ${p} is not a probability in [0, 1]`);
  return [...list];
}

export function resolveConfig(config: MonteCarloConfig): ResolvedConfig {
  const paths = positiveInteger('paths', config.paths);
  const steps = positiveInteger('steps', config.steps);
  if (paths * (steps + 1) > MAX_PATH_STEPS && config.equityBands !== false) {
    throw new RangeError(`paths × steps = ${paths * steps} is too large with equity bands (at most ${MAX_PATH_STEPS}); set equityBands: false or run fewer paths`);
  }
  if (typeof config.seed !== 'number' || !Number.isInteger(config.seed)) throw new RangeError(`seed must be an integer, got ${String(config.seed)}`);
  const chunkSize = positiveInteger('chunkSize', config.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const lossThresholds = [...(config.lossThresholds ?? DEFAULT_LOSS_THRESHOLDS)];
  for (const t of lossThresholds) if (!(typeof t === 'number' && t >= 0)) throw new RangeError(`lossThresholds: ${t} is not a fraction >= 0`);
  return {
    model: config.model,
    paths,
    steps,
    seed: config.seed >>> 0,
    chunkSize,
    chunkCount: Math.ceil(paths / chunkSize),
    bandProbabilities: probabilities('bandProbabilities', config.bandProbabilities, DEFAULT_BAND_PROBABILITIES),
    equityBands: config.equityBands ?? true,
    percentiles: probabilities('percentiles', config.percentiles, DEFAULT_PERCENTILES),
    histogramBins: positiveInteger('histogramBins', config.histogramBins ?? DEFAULT_HISTOGRAM_BINS, 10_000),
    lossThresholds,
  };
}

/** The paths of chunk `index`: [firstPath, firstPath + paths). */
export function chunkRange(config: ResolvedConfig, index: number): { firstPath: number; paths: number } {
  if (!Number.isInteger(index) || index < 0 || index >= config.chunkCount) {
    throw new RangeError(`chunk index must be an integer in [0, ${config.chunkCount - 1}], got ${index}`);
  }
  const firstPath = index * config.chunkSize;
  return { firstPath, paths: Math.min(config.chunkSize, config.paths - firstPath) };
}
