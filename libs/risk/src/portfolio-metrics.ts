/**
 * Portfolio-level risk summary (the payload of the execution service's
 * `GET /api/portfolio/risk-metrics`), built only from the PA-convention functions of this library.
 *
 * Two separate views of risk:
 *  - **Positions view** — today's weights applied to the assets' historical returns:
 *    `r_p,t = Σ_i w_i · r_i,t`. This is the return the *current* book would have had on each past
 *    date (constant weights, i.e. rebalanced every period: PA `Return.portfolio(R, weights,
 *    rebalance_on = <every period>)`, equivalently `R %*% w`). Weights are signed position market
 *    value / account equity, so they need not sum to 1 (leverage, shorts, cash) and `r_p` is a
 *    return on equity. Volatility, VaR/CVaR and beta are computed on this series.
 *  - **Account view** — the realised equity curve: max drawdown, Sharpe and Sortino of its returns.
 *
 * Nulls: every statistic needs at least {@link PORTFOLIO_MIN_OBSERVATIONS} (2) returns, otherwise
 * it is `null`; it is also `null` whenever the underlying estimator is undefined (NaN): a zero
 * denominator (constant returns → Sharpe/Sortino, constant benchmark → beta) or a NaN in the input.
 * Numbers are never NaN or ±Infinity, so the result serialises to JSON as is (apart from
 * `portfolioReturns`, a Float64Array: send `Array.from(...)`).
 */
import { beta } from './benchmark';
import { maxDrawdown } from './drawdown';
import { annualizedSharpeRatio, sortinoRatio } from './ratios';
import { annualizedVolatility, calculateReturns } from './returns';
import type { Series } from './stats';
import { gaussianES, gaussianVaR, historicalES, historicalVaR } from './var';

/** Minimum number of returns for any statistic of {@link portfolioRiskMetrics}; fewer → null. */
export const PORTFOLIO_MIN_OBSERVATIONS = 2;

export interface PortfolioRiskInput {
  /** Signed weight of each asset: position market value / account equity. */
  readonly weights: Series;
  /**
   * Simple (arithmetic) period returns of each asset, in the order of `weights`, all aligned on
   * the same n dates (so all of length n).
   */
  readonly assetReturns: readonly Series[];
  /** Benchmark simple returns on the same n dates; beta is null without it. */
  readonly benchmarkReturns?: Series;
  /** Return periods in a year: 252 for daily returns, 252·24 for hourly ones. */
  readonly periodsPerYear: number;
  /**
   * Return periods in the one-day VaR horizon: 1 for daily returns, 24 for hourly ones.
   * VaR/CVaR are scaled from one period to one day by the square root of time (see
   * {@link portfolioRiskMetrics}).
   */
  readonly horizonPeriods: number;
  /**
   * Account equity samples in time order, net of deposits and withdrawals (a cash flow would
   * otherwise count as a return). Need not be aligned with the asset returns.
   */
  readonly equityCurve?: Series;
  /** Equity samples in a year, for the annualised Sharpe ratio; defaults to `periodsPerYear`. */
  readonly equityPeriodsPerYear?: number;
}

/** VaR or CVaR at the two reported confidence levels, one-day horizon; negative = loss. */
export interface RiskLevels {
  /** Historical (empirical quantile, PA `method = "historical"`) at 95 %. */
  readonly historical95: number | null;
  /** Historical at 99 %. */
  readonly historical99: number | null;
  /** Gaussian (PA `method = "gaussian"`, population sd) at 95 %. */
  readonly gaussian95: number | null;
  /** Gaussian at 99 %. */
  readonly gaussian99: number | null;
}

/** Statistics of the account equity curve. */
export interface EquityMetrics {
  /** Number of equity returns (samples − 1; 0 without a curve). */
  readonly observations: number;
  /** Maximum drawdown as a positive fraction (0.2 = 20 % below the running peak), PA `maxDrawdown`. */
  readonly maxDrawdown: number | null;
  /** Annualised Sharpe ratio, risk-free rate 0, PA `SharpeRatio.annualized(R, 0, scale, geometric = TRUE)`. */
  readonly sharpe: number | null;
  /** Per-period Sortino ratio, MAR 0, PA `SortinoRatio(R, 0)` (not annualised). */
  readonly sortino: number | null;
}

export interface PortfolioRiskMetrics {
  /** `Σ_i w_i · r_i,t` for each of the n dates. */
  readonly portfolioReturns: Float64Array;
  /** n, the number of portfolio returns. */
  readonly observations: number;
  /** `sqrt(periodsPerYear) · sd(r_p)` (sample sd), PA `StdDev.annualized`. */
  readonly annualisedVolatility: number | null;
  /** One-day Value at Risk as a return (negative = loss), PA `VaR(..., invert = TRUE)`. */
  readonly var: RiskLevels;
  /** One-day Conditional VaR / Expected Shortfall as a return (≤ VaR), PA `ES(..., invert = TRUE)`. */
  readonly cvar: RiskLevels;
  /** CAPM beta of `r_p` on the benchmark (PA `CAPM.beta`, rf 0); null without a benchmark. */
  readonly beta: number | null;
  /** Account equity curve statistics. */
  readonly equity: EquityMetrics;
}

/** A finite number, or null for NaN/±Infinity; −0 becomes 0. */
function finiteOrNull(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

function assertPositive(value: number, name: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`portfolioRiskMetrics: ${name} must be a positive finite number, got ${value}`);
  }
}

const NULL_LEVELS: RiskLevels = Object.freeze({ historical95: null, historical99: null, gaussian95: null, gaussian99: null });

/**
 * Portfolio risk metrics for the current weights and the account equity curve.
 *
 * - `portfolioReturns[t] = Σ_i weights[i] · assetReturns[i][t]` (summed in asset order).
 * - `annualisedVolatility = annualizedVolatility(r_p, periodsPerYear)`.
 * - `var` / `cvar`: {@link historicalVaR}, {@link historicalES}, {@link gaussianVaR},
 *   {@link gaussianES} of `r_p` at 0.95 and 0.99, each multiplied by `sqrt(horizonPeriods)`:
 *   `VaR_1d = VaR_period · √horizonPeriods`. This **square-root-of-time rule is an
 *   approximation**: it is exact only for i.i.d. zero-mean normal returns; it ignores the mean
 *   (which grows like h, not √h), autocorrelation, volatility clustering and the fact that
 *   fat tails of one period thin out when periods are summed. With `horizonPeriods = 1` the values
 *   are exactly PA's one-period VaR/ES.
 * - `beta = beta(r_p, benchmarkReturns)`.
 * - `equity`: on `calculateReturns(equityCurve)` (simple returns), {@link maxDrawdown},
 *   {@link annualizedSharpeRatio} (rf 0, `equityPeriodsPerYear`) and {@link sortinoRatio} (MAR 0).
 *
 * Minimum data: each statistic needs ≥ {@link PORTFOLIO_MIN_OBSERVATIONS} returns (so ≥ 2 dates
 * of asset returns, ≥ 3 equity samples), otherwise it is null; see the module comment for the other
 * nulls. With no assets the portfolio return is 0 on every date (the empty sum), n being the
 * benchmark's length (0 without a benchmark).
 *
 * Inputs are not modified.
 * @throws RangeError when `weights` and `assetReturns` differ in length, when an asset's or the
 *   benchmark's series differs in length from the first asset's, or when `periodsPerYear`,
 *   `horizonPeriods` or `equityPeriodsPerYear` is not a positive finite number (caller bugs).
 */
export function portfolioRiskMetrics(input: PortfolioRiskInput): PortfolioRiskMetrics {
  const { weights, assetReturns, benchmarkReturns, periodsPerYear, horizonPeriods, equityCurve } = input;
  const equityPeriodsPerYear = input.equityPeriodsPerYear ?? periodsPerYear;
  assertPositive(periodsPerYear, 'periodsPerYear');
  assertPositive(horizonPeriods, 'horizonPeriods');
  assertPositive(equityPeriodsPerYear, 'equityPeriodsPerYear');
  if (weights.length !== assetReturns.length) {
    throw new RangeError(
      `portfolioRiskMetrics: ${weights.length} weights for ${assetReturns.length} asset return series`,
    );
  }
  const n = assetReturns.length > 0 ? assetReturns[0].length : (benchmarkReturns?.length ?? 0);
  assetReturns.forEach((r, i) => {
    if (r.length !== n) {
      throw new RangeError(`portfolioRiskMetrics: asset ${i} has ${r.length} returns, asset 0 has ${n}`);
    }
  });
  if (benchmarkReturns !== undefined && benchmarkReturns.length !== n) {
    throw new RangeError(
      `portfolioRiskMetrics: benchmark has ${benchmarkReturns.length} returns, the assets have ${n}`,
    );
  }

  const portfolioReturns = new Float64Array(n);
  for (let i = 0; i < assetReturns.length; i++) {
    const w = weights[i];
    const r = assetReturns[i];
    for (let t = 0; t < n; t++) portfolioReturns[t] += w * r[t];
  }

  const enough = n >= PORTFOLIO_MIN_OBSERVATIONS;
  const scale = Math.sqrt(horizonPeriods);
  const oneDay = (f: (r: Series, p: number) => number, p: number): number | null =>
    finiteOrNull(f(portfolioReturns, p) * scale);

  const varLevels: RiskLevels = enough
    ? {
        historical95: oneDay(historicalVaR, 0.95),
        historical99: oneDay(historicalVaR, 0.99),
        gaussian95: oneDay(gaussianVaR, 0.95),
        gaussian99: oneDay(gaussianVaR, 0.99),
      }
    : NULL_LEVELS;
  const cvarLevels: RiskLevels = enough
    ? {
        historical95: oneDay(historicalES, 0.95),
        historical99: oneDay(historicalES, 0.99),
        gaussian95: oneDay(gaussianES, 0.95),
        gaussian99: oneDay(gaussianES, 0.99),
      }
    : NULL_LEVELS;

  return {
    portfolioReturns,
    observations: n,
    annualisedVolatility: enough ? finiteOrNull(annualizedVolatility(portfolioReturns, periodsPerYear)) : null,
    var: varLevels,
    cvar: cvarLevels,
    beta: enough && benchmarkReturns !== undefined ? finiteOrNull(beta(portfolioReturns, benchmarkReturns)) : null,
    equity: equityMetrics(equityCurve, equityPeriodsPerYear),
  };
}

function equityMetrics(equityCurve: Series | undefined, periodsPerYear: number): EquityMetrics {
  const returns = equityCurve === undefined ? new Float64Array(0) : calculateReturns(equityCurve);
  const observations = returns.length;
  if (observations < PORTFOLIO_MIN_OBSERVATIONS) {
    return { observations, maxDrawdown: null, sharpe: null, sortino: null };
  }
  return {
    observations,
    maxDrawdown: finiteOrNull(maxDrawdown(returns)),
    sharpe: finiteOrNull(annualizedSharpeRatio(returns, 0, periodsPerYear)),
    sortino: finiteOrNull(sortinoRatio(returns, 0)),
  };
}
