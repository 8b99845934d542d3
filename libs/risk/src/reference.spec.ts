import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  annualizedReturn,
  annualizedSharpeRatio,
  annualizedVolatility,
  averageTurnover,
  beta,
  calculateReturns,
  calmarRatio,
  correlation,
  cumulativeReturn,
  downsideDeviation,
  drawdownDuration,
  drawdowns,
  findDrawdowns,
  gaussianES,
  gaussianVaR,
  grossExposure,
  historicalES,
  historicalVaR,
  leverage,
  maxDrawdown,
  mean,
  netExposure,
  netLeverage,
  normalDensity,
  normalQuantile,
  populationStdDev,
  positionWeights,
  quantile,
  sharpeRatio,
  sortinoRatio,
  stdDev,
  timeInMarket,
  tradeStatistics,
  turnover,
} from '@meridian/risk';

/* Reference values written by ../reference/make-reference.R (base-R transcriptions of the
 * PerformanceAnalytics formulas). Every metric must match within 1e-9 (relative for |x| > 1). */

type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const ref: Json = JSON.parse(readFileSync(join(__dirname, '..', 'reference', 'pa-reference.json'), 'utf8'));

const TOL = 1e-9;

function expectClose(actual: number, expected: number, tol = TOL): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  const err = Math.abs(actual - expected);
  if (!(err <= tol * Math.max(1, Math.abs(expected)))) {
    throw new Error(`expected ${expected}, got ${actual} (|diff| = ${err})`);
  }
}

function expectAllClose(actual: ArrayLike<number>, expected: number[], tol = TOL): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], tol);
}

const f64 = (x: number[]): Float64Array => Float64Array.from(x);

const seriesCases: Array<[name: string, data: number[], metrics: Json]> = [
  ['500 fat-tailed daily returns', ref.data.daily, ref.daily],
  ['500 benchmark daily returns', ref.data.benchmark, ref.benchmarkSeries],
  ['12 hand-written monthly returns', ref.data.hand, ref.hand],
];

describe.each(seriesCases)('on %s, every metric matches the PerformanceAnalytics reference', (_name, data, m) => {
  const r = f64(data);
  const { scale, rf, mar } = m as { scale: number; rf: number; mar: number };

  it('reproduces mean, sample sd and population sd', () => {
    expectClose(mean(r), m.mean);
    expectClose(stdDev(r), m.sd);
    expectClose(populationStdDev(r), m.populationSd);
  });

  it('reproduces cumulative and annualised returns (Return.cumulative / Return.annualized)', () => {
    expectClose(cumulativeReturn(r), m.cumulativeGeometric);
    expectClose(cumulativeReturn(r, false), m.cumulativeArithmetic);
    expectClose(annualizedReturn(r, scale), m.annualizedGeometric);
    expectClose(annualizedReturn(r, scale, false), m.annualizedArithmetic);
  });

  it('reproduces annualised volatility (StdDev.annualized)', () => {
    expectClose(annualizedVolatility(r, scale), m.annualizedVolatility);
  });

  it.each([95, 99])('reproduces historical and Gaussian VaR/ES at %i %% (VaR / ES, invert = TRUE)', (level) => {
    const p = level / 100;
    expectClose(historicalVaR(r, p), m[`historicalVaR${level}`]);
    expectClose(historicalES(r, p), m[`historicalES${level}`]);
    expectClose(gaussianVaR(r, p), m[`gaussianVaR${level}`]);
    expectClose(gaussianES(r, p), m[`gaussianES${level}`]);
    expectClose(gaussianVaR(r, p, { sd: 'sample' }), m[`gaussianVaRSampleSd${level}`]);
    expectClose(gaussianES(r, p, { sd: 'sample' }), m[`gaussianESSampleSd${level}`]);
  });

  it('reproduces the drawdown series, max drawdown and Calmar ratio', () => {
    expectAllClose(drawdowns(r), m.drawdowns);
    expectClose(maxDrawdown(r), m.maxDrawdown);
    expectClose(maxDrawdown(r, false), m.maxDrawdownArithmetic);
    expectClose(calmarRatio(r, scale), m.calmar);
  });

  it('finds the same drawdown episodes as findDrawdowns and the longest duration', () => {
    const episodes = findDrawdowns(r);
    const e = m.drawdownEpisodes;
    expect(episodes.map((x) => x.start)).toEqual(e.start);
    expect(episodes.map((x) => x.trough)).toEqual(e.trough);
    expect(episodes.map((x) => x.recovery)).toEqual(e.recovery);
    expect(episodes.map((x) => x.length)).toEqual(e.length);
    expectAllClose(
      episodes.map((x) => x.depth),
      e.depth,
    );
    expect(drawdownDuration(r)).toBe(m.drawdownDuration);
  });

  it('reproduces per-period and annualised Sharpe ratios (SharpeRatio / SharpeRatio.annualized)', () => {
    expectClose(sharpeRatio(r), m.sharpe);
    expectClose(sharpeRatio(r, rf), m.sharpeRf);
    expectClose(annualizedSharpeRatio(r, 0, scale), m.sharpeAnnualized);
    expectClose(annualizedSharpeRatio(r, rf, scale), m.sharpeAnnualizedRf);
    expectClose(annualizedSharpeRatio(r, rf, scale, false), m.sharpeAnnualizedArithmeticRf);
  });

  it('reproduces downside deviation and Sortino ratio (DownsideDeviation / SortinoRatio)', () => {
    expectClose(downsideDeviation(r), m.downsideDeviation);
    expectClose(downsideDeviation(r, mar), m.downsideDeviationMar);
    expectClose(sortinoRatio(r), m.sortino);
    expectClose(sortinoRatio(r, mar), m.sortinoMar);
  });
});

describe('benchmark-relative measures match the reference', () => {
  const a = f64(ref.data.daily);
  const b = f64(ref.data.benchmark);

  it('computes CAPM beta as cov/var of excess returns (CAPM.beta)', () => {
    expectClose(beta(a, b), ref.relative.beta);
    expectClose(beta(a, b, 0.0001), ref.relative.betaRf);
    expectClose(beta(b, a), ref.relative.betaOfBenchmark);
  });

  it('computes the Pearson correlation (cor)', () => {
    expectClose(correlation(a, b), ref.relative.correlation);
  });
});

describe('historical ES uses the strict rule of ES.historical (r < quantile)', () => {
  const t = f64(ref.data.ties21);

  it('matches the reference when the 5 % quantile is itself an observation', () => {
    expectClose(historicalVaR(t, 0.05), ref.ties21.historicalVaR05);
    expectClose(historicalES(t, 0.05), ref.ties21.historicalES05);
    // a non-strict (<=) rule would include the quantile observation and give a different value
    expect(Math.abs(historicalES(t, 0.05) - ref.ties21.esNonStrict05)).toBeGreaterThan(1e-6);
  });

  it('matches the reference at 95 % and 99 % on tied data', () => {
    expectClose(historicalVaR(t, 0.95), ref.ties21.historicalVaR95);
    expectClose(historicalES(t, 0.95), ref.ties21.historicalES95);
    expectClose(historicalVaR(t, 0.99), ref.ties21.historicalVaR99);
    expectClose(historicalES(t, 0.99), ref.ties21.historicalES99);
  });
});

describe('building blocks match base R', () => {
  it('computes discrete and log returns from prices like Return.calculate', () => {
    const prices = f64(ref.data.prices);
    expectAllClose(calculateReturns(prices), ref.returns.discrete);
    expectAllClose(calculateReturns(prices, 'log'), ref.returns.log);
  });

  it('computes type-7 quantiles like quantile()', () => {
    const probs: number[] = ref.quantile.probs;
    expectAllClose(
      probs.map((p) => quantile(f64(ref.data.daily), p)),
      ref.quantile.daily,
    );
    expectAllClose(
      probs.map((p) => quantile(f64(ref.data.ties21), p)),
      ref.quantile.ties21,
    );
  });

  it('inverts the normal CDF like qnorm to 1e-12, also far in the tails', () => {
    const ps: number[] = ref.normal.p;
    ps.forEach((p, i) => {
      expectClose(normalQuantile(p), ref.normal.qnorm[i], 1e-12);
      expectClose(normalDensity(normalQuantile(p)), ref.normal.dnormAtQnorm[i], 1e-12);
    });
  });
});

describe('trade and exposure helpers match the reference', () => {
  it('summarises trade P&Ls', () => {
    const s = tradeStatistics(f64(ref.data.pnls));
    const t = ref.trades;
    expect(s.trades).toBe(t.trades);
    expect(s.wins).toBe(t.wins);
    expect(s.losses).toBe(t.losses);
    for (const k of [
      'winRate',
      'grossProfit',
      'grossLoss',
      'profitFactor',
      'averageWin',
      'averageLoss',
      'payoffRatio',
      'expectancy',
    ] as const) {
      expectClose(s[k], t[k]);
    }
  });

  it('computes gross/net exposure, leverage, weights, turnover and time in market', () => {
    const mv = f64(ref.data.marketValues);
    const equity: number = ref.data.equity;
    const e = ref.exposure;
    expectClose(grossExposure(mv), e.gross);
    expectClose(netExposure(mv), e.net);
    expectClose(leverage(mv, equity), e.leverage);
    expectClose(netLeverage(mv, equity), e.netLeverage);
    expectAllClose(positionWeights(mv, equity), e.weights);
    const w = (ref.data.weightsByPeriod as number[][]).map(f64);
    expectClose(turnover(w[0], w[1]), e.turnover01);
    expectClose(averageTurnover(w), e.averageTurnover);
    expectClose(timeInMarket(f64(ref.data.positions)), e.timeInMarket);
  });
});
