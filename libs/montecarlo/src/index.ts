/**
 * @meridian/montecarlo — Monte Carlo simulation and stress tests, pure TypeScript on Float64Array.
 *
 * A run splits into chunks of paths with seeds derived from (seed, chunk index): runChunk() any
 * chunk anywhere (a worker thread, another process), mergeChunks() them in any order, and the
 * result equals simulate() in one thread, bit for bit. See README.md.
 */
export {
  type MonteCarloConfig,
  type MonteCarloModel,
  type GbmModel,
  type GbmAsset,
  type TradeResampleModel,
  type ReturnsBootstrapModel,
  type PortfolioBootstrapModel,
  DEFAULT_BAND_PROBABILITIES,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_PERCENTILES,
  DEFAULT_LOSS_THRESHOLDS,
} from './config';
export { runChunk, chunkCount, sharedLevelsLength, type ChunkResult } from './chunk';
export {
  mergeChunks,
  bandsForSteps,
  type BandSlice,
  type SharedBands,
  type MonteCarloResult,
  type DistributionSummary,
  type LossProbability,
} from './merge';
export { simulate } from './simulate';
export { gbmParametersFromCloses } from './models';
export { Rng, deriveSeed } from './prng';
export { quantileSorted, quantilesInPlace, histogram, type Histogram } from './quantile';
export { cholesky, nearestCorrelation, symmetricEigen, NotPositiveDefiniteError } from './linalg';
export {
  runStressScenarios,
  worstHistoricalWindows,
  historicalRange,
  hypotheticalShock,
  volatilityScaled,
  correlationOne,
  applyMoves,
  type StressPosition,
  type PriceHistory,
  type PositionImpact,
  type StressWindow,
  type StressResult,
  type StressScenario,
} from './stress';
export { evaluateRiskLimits, stressBreaches, type RiskLimits, type RiskState, type RiskBreach } from './risk-limits';
