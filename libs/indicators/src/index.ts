export * from './types';
export { RingBuffer } from './ring-buffer';
export { RollingExtremum } from './monotonic-deque';
export { RollingVariance } from './rolling-variance';
export { sma, SmaStream } from './sma';
export { ema, emaRatio, EmaStream, type EmaOptions } from './ema';
export { wma, WmaStream } from './wma';
export { rsi, RsiStream } from './rsi';
export { macd, MacdStream, type MacdOptions, type MacdResult, type MacdValue } from './macd';
export {
  bollinger,
  BollingerStream,
  typicalPrice,
  typicalPriceOf,
  type BollingerOptions,
  type BollingerResult,
  type BollingerValue,
} from './bollinger';
export { atr, AtrStream, type AtrResult, type AtrValue } from './atr';
export {
  stochastic,
  StochasticStream,
  type StochasticOptions,
  type StochasticResult,
  type StochasticValue,
} from './stochastic';
export { roc, RocStream, type RocOptions, type RocType } from './roc';
export { runSD, RunSdStream, type RunSdOptions } from './run-sd';
export { runMax, runMin, RunMaxStream, RunMinStream } from './rolling-extrema';
export { donchian, DonchianStream, type DonchianOptions, type DonchianResult, type DonchianValue } from './donchian';
