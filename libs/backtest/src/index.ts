/**
 * @meridian/backtest — the event-driven bar backtest engine (see engine.ts and fill-model.ts for
 * the rules), its metrics (via @meridian/risk) and the look-ahead check.
 */
export * from './types';
export { BacktestEngine } from './engine';
export { runBacktest, runBacktestAsync, BacktestCancelledError, DEFAULT_PROGRESS_EVERY } from './run';
export { checkLookahead, type LookaheadDifference, type LookaheadOptions, type LookaheadReport } from './lookahead';
export { computeMetrics, equityReturns, annualTurnover, type MetricsInput } from './metrics';
export { openFillPrice, stopFillPrice, limitFillPrice, matchBar } from './fill-model';
export { unionTimeline } from './timeline';
export { roundToLot } from './sizing';
export { barsFromRows, type BarRow } from './bars';
