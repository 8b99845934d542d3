/**
 * @meridian/risk — portfolio risk and performance metrics on Float64Array, following R's
 * PerformanceAnalytics (PA) conventions: arithmetic (simple) returns, 252 periods a year
 * unless a scale is given, sample (n − 1) standard deviations except where PA uses the
 * population moment (Gaussian VaR/ES). See README.md for the function → PA map and signs.
 */
export {
  dropNaN,
  mean,
  variance,
  stdDev,
  populationStdDev,
  covariance,
  correlation,
  quantile,
  type Series,
} from './stats';
export { normalDensity, normalQuantile } from './normal';
export {
  PERIODS_PER_YEAR,
  calculateReturns,
  cumulativeReturn,
  annualizedReturn,
  annualizedVolatility,
  type ReturnMethod,
} from './returns';
export {
  tailProbability,
  historicalVaR,
  historicalES,
  gaussianVaR,
  gaussianES,
  type GaussianOptions,
} from './var';
export { beta } from './benchmark';
export {
  drawdowns,
  maxDrawdown,
  findDrawdowns,
  drawdownDuration,
  calmarRatio,
  type DrawdownEpisode,
} from './drawdown';
export { sharpeRatio, annualizedSharpeRatio, downsideDeviation, sortinoRatio } from './ratios';
export {
  winRate,
  profitFactor,
  averageWin,
  averageLoss,
  expectancy,
  tradeStatistics,
  type TradeStatistics,
} from './trades';
export {
  grossExposure,
  netExposure,
  leverage,
  netLeverage,
  positionWeights,
  timeInMarket,
  turnover,
  averageTurnover,
} from './exposure';
export {
  PORTFOLIO_MIN_OBSERVATIONS,
  portfolioRiskMetrics,
  type EquityMetrics,
  type PortfolioRiskInput,
  type PortfolioRiskMetrics,
  type RiskLevels,
} from './portfolio-metrics';
