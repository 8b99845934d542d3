import {
  annualizedReturn,
  annualizedSharpeRatio,
  annualizedVolatility,
  averageLoss,
  averageTurnover,
  averageWin,
  beta,
  calculateReturns,
  calmarRatio,
  correlation,
  cumulativeReturn,
  downsideDeviation,
  drawdownDuration,
  drawdowns,
  dropNaN,
  expectancy,
  findDrawdowns,
  gaussianES,
  gaussianVaR,
  historicalES,
  historicalVaR,
  leverage,
  maxDrawdown,
  netLeverage,
  normalQuantile,
  positionWeights,
  profitFactor,
  quantile,
  sharpeRatio,
  sortinoRatio,
  stdDev,
  tailProbability,
  timeInMarket,
  tradeStatistics,
  turnover,
  winRate,
} from '@meridian/risk';

const f64 = (...x: number[]): Float64Array => Float64Array.from(x);
const EMPTY = new Float64Array(0);

describe('empty series never throw', () => {
  it('returns NaN for every scalar statistic', () => {
    for (const v of [
      annualizedReturn(EMPTY),
      annualizedVolatility(EMPTY),
      historicalVaR(EMPTY),
      historicalES(EMPTY),
      gaussianVaR(EMPTY),
      gaussianES(EMPTY),
      maxDrawdown(EMPTY),
      calmarRatio(EMPTY),
      sharpeRatio(EMPTY),
      annualizedSharpeRatio(EMPTY),
      downsideDeviation(EMPTY),
      sortinoRatio(EMPTY),
      beta(EMPTY, EMPTY),
      correlation(EMPTY, EMPTY),
      winRate(EMPTY),
      profitFactor(EMPTY),
      expectancy(EMPTY),
      timeInMarket(EMPTY),
    ]) {
      expect(v).toBeNaN();
    }
  });

  it('returns the empty product for cumulative return and no drawdown', () => {
    expect(cumulativeReturn(EMPTY)).toBe(0);
    expect(drawdowns(EMPTY)).toHaveLength(0);
    expect(findDrawdowns(EMPTY)).toEqual([]);
    expect(drawdownDuration(EMPTY)).toBe(0);
  });

  it('turns fewer than two prices into no returns', () => {
    expect(calculateReturns(EMPTY)).toHaveLength(0);
    expect(calculateReturns(f64(100))).toHaveLength(0);
  });

  it('reports zero trades with NaN ratios', () => {
    const s = tradeStatistics(EMPTY);
    expect(s.trades).toBe(0);
    expect(s.winRate).toBeNaN();
    expect(s.averageWin).toBeNaN();
    expect(s.averageLoss).toBeNaN();
  });
});

describe('a constant series (sd = 0)', () => {
  const flat = f64(0.001, 0.001, 0.001, 0.001, 0.001);

  it('has zero volatility', () => {
    expect(stdDev(flat)).toBe(0);
    expect(annualizedVolatility(flat)).toBe(0);
  });

  it('returns NaN for ratios divided by a zero deviation instead of Infinity', () => {
    expect(sharpeRatio(flat)).toBeNaN();
    expect(annualizedSharpeRatio(flat)).toBeNaN();
    expect(sortinoRatio(flat)).toBeNaN();
    expect(beta(f64(0.01, 0.02, 0.03), f64(0.001, 0.001, 0.001))).toBeNaN();
    expect(correlation(flat, f64(1, 2, 3, 4, 5))).toBeNaN();
  });

  it('collapses Gaussian VaR and ES to the mean and historical VaR/ES to the value', () => {
    expect(gaussianVaR(flat, 0.99)).toBeCloseTo(0.001, 15);
    expect(gaussianES(flat, 0.99)).toBeCloseTo(0.001, 15);
    expect(historicalVaR(flat, 0.95)).toBe(0.001);
    // nothing lies strictly below the quantile, so ES falls back to VaR (as PA)
    expect(historicalES(flat, 0.95)).toBe(0.001);
  });

  it('has no drawdown when the constant return is positive, so Calmar is NaN', () => {
    expect(maxDrawdown(flat)).toBe(0);
    expect(calmarRatio(flat)).toBeNaN();
  });
});

describe('all-positive returns', () => {
  const up = f64(0.01, 0.002, 0.03, 0.0001, 0.015);

  it('never draw down', () => {
    expect(maxDrawdown(up)).toBe(0);
    expect(Object.is(maxDrawdown(up), -0)).toBe(false);
    expect(Array.from(drawdowns(up))).toEqual([0, 0, 0, 0, 0]);
    expect(drawdownDuration(up)).toBe(0);
  });

  it('have zero downside deviation and an undefined Sortino ratio', () => {
    expect(downsideDeviation(up)).toBe(0);
    expect(sortinoRatio(up)).toBeNaN();
  });

  it('report a historical VaR that is a gain (positive) rather than PA’s NA', () => {
    expect(historicalVaR(up, 0.95)).toBeGreaterThan(0);
  });
});

describe('sign conventions', () => {
  const r = f64(-0.05, 0.02, -0.01, 0.03, -0.02, 0.01, 0.015, -0.03, 0.005, 0.02);

  it('reports VaR and ES as negative returns with ES at or below VaR', () => {
    for (const p of [0.95, 0.99]) {
      expect(historicalVaR(r, p)).toBeLessThan(0);
      expect(historicalES(r, p)).toBeLessThanOrEqual(historicalVaR(r, p));
      expect(gaussianVaR(r, p)).toBeLessThan(0);
      expect(gaussianES(r, p)).toBeLessThan(gaussianVaR(r, p));
    }
  });

  it('gets deeper at 99 % than at 95 %', () => {
    expect(gaussianVaR(r, 0.99)).toBeLessThan(gaussianVaR(r, 0.95));
    expect(historicalVaR(r, 0.99)).toBeLessThanOrEqual(historicalVaR(r, 0.95));
  });

  it('accepts a tail probability or a confidence level, like PA', () => {
    expect(historicalVaR(r, 0.05)).toBeCloseTo(historicalVaR(r, 0.95), 15);
    expect(gaussianVaR(r, 0.01)).toBeCloseTo(gaussianVaR(r, 0.99), 15);
    expect(tailProbability(0.95)).toBeCloseTo(0.05, 15);
    expect(tailProbability(0.05)).toBe(0.05);
  });

  it('reports drawdowns as non-positive and max drawdown as a positive magnitude', () => {
    expect(Math.max(...drawdowns(r))).toBeLessThanOrEqual(0);
    expect(maxDrawdown(r)).toBeGreaterThan(0);
    expect(maxDrawdown(r)).toBeCloseTo(-Math.min(...drawdowns(r)), 15);
  });

  it('reports the average losing trade as a negative number', () => {
    const pnls = f64(100, -50, 20, -30, 0);
    expect(averageLoss(pnls)).toBe(-40);
    expect(averageWin(pnls)).toBe(60);
    expect(profitFactor(pnls)).toBe(120 / 80);
    expect(winRate(pnls)).toBe(2 / 5);
    expect(expectancy(pnls)).toBe(8);
  });
});

describe('drawdown episodes and duration', () => {
  it('measures a recovered drawdown from the peak to the recovery period', () => {
    // wealth: 1.1, 0.99, 1.089, 1.1979 (recovers above 1.1 in period 3)
    const r = f64(0.1, -0.1, 0.1, 0.1);
    const [e] = findDrawdowns(r);
    expect(e).toMatchObject({ start: 1, trough: 1, recovery: 3, length: 3 });
    expect(e.depth).toBeCloseTo(-0.1, 15);
    expect(drawdownDuration(r)).toBe(3);
  });

  it('measures an open drawdown from the peak to the last period', () => {
    const r = f64(0.05, -0.02, -0.01, 0.005);
    const episodes = findDrawdowns(r);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ start: 1, recovery: null, length: 3 });
  });

  it('counts a first-period loss as a drawdown from the initial capital', () => {
    expect(drawdowns(f64(-0.1))[0]).toBeCloseTo(-0.1, 15);
    expect(drawdownDuration(f64(-0.1))).toBe(1);
  });

  it('picks the longest of several drawdowns', () => {
    const r = f64(-0.01, 0.02, -0.01, -0.01, 0.001, 0.03, 0.01);
    expect(findDrawdowns(r).map((e) => e.length)).toEqual([2, 4]);
    expect(drawdownDuration(r)).toBe(4);
  });
});

describe('NaN handling', () => {
  const withGap = f64(0.01, NaN, -0.02, 0.005);

  it('propagates NaN instead of silently dropping it', () => {
    expect(historicalVaR(withGap)).toBeNaN();
    expect(historicalES(withGap)).toBeNaN();
    expect(gaussianVaR(withGap)).toBeNaN();
    expect(stdDev(withGap)).toBeNaN();
    expect(maxDrawdown(withGap)).toBeNaN();
    expect(sortinoRatio(withGap)).toBeNaN();
    expect(quantile(withGap, 0.5)).toBeNaN();
  });

  it('lets callers mirror PA’s na.omit with dropNaN', () => {
    expect(Array.from(dropNaN(withGap))).toEqual([0.01, -0.02, 0.005]);
    expect(historicalVaR(dropNaN(withGap), 0.95)).toBeCloseTo(quantile(f64(0.01, -0.02, 0.005), 0.05), 15);
  });
});

describe('small samples', () => {
  it('gives NaN for sample statistics of one observation but keeps population-based ones', () => {
    const one = f64(-0.02);
    expect(stdDev(one)).toBeNaN();
    expect(sharpeRatio(one)).toBeNaN();
    expect(gaussianVaR(one)).toBe(-0.02);
    expect(gaussianVaR(one, 0.95, { sd: 'sample' })).toBeNaN();
    expect(historicalVaR(one)).toBe(-0.02);
    expect(annualizedReturn(one, 252)).toBeCloseTo(Math.pow(0.98, 252) - 1, 15);
  });
});

describe('argument errors (caller bugs) throw RangeError', () => {
  it('rejects series of different lengths', () => {
    expect(() => beta(f64(1, 2), f64(1))).toThrow(RangeError);
    expect(() => correlation(f64(1, 2), f64(1))).toThrow(RangeError);
    expect(() => turnover(f64(1, 0), f64(1))).toThrow(RangeError);
  });

  it('rejects VaR levels outside (0, 1) and quantile probabilities outside [0, 1]', () => {
    const r = f64(0.01, -0.01);
    expect(() => historicalVaR(r, 1)).toThrow(RangeError);
    expect(() => gaussianES(r, 0)).toThrow(RangeError);
    expect(() => historicalES(r, 95)).toThrow(RangeError);
    expect(() => quantile(r, 1.5)).toThrow(RangeError);
  });
});

describe('returns from prices', () => {
  it('computes simple and log returns that compound back to the price ratio', () => {
    const prices = f64(100, 110, 99, 120);
    const simple = calculateReturns(prices);
    expect(simple[0]).toBeCloseTo(0.1, 15);
    expect(cumulativeReturn(simple)).toBeCloseTo(0.2, 14);
    const logs = calculateReturns(prices, 'log');
    expect(Math.exp(logs.reduce((a, b) => a + b, 0))).toBeCloseTo(1.2, 14);
  });
});

describe('normal quantile', () => {
  it('is antisymmetric and exact at the centre and the bounds', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.01)).toBeCloseTo(-normalQuantile(0.99), 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('portfolio exposure', () => {
  const mv = f64(60_000, -20_000, 10_000);

  it('derives leverage and signed weights from market values and equity', () => {
    expect(leverage(mv, 50_000)).toBe(1.8);
    expect(netLeverage(mv, 50_000)).toBe(1);
    expect(Array.from(positionWeights(mv, 50_000))).toEqual([1.2, -0.4, 0.2]);
  });

  it('treats non-positive equity as undefined leverage', () => {
    expect(leverage(mv, 0)).toBeNaN();
    expect(netLeverage(mv, -1)).toBeNaN();
    expect(Array.from(positionWeights(mv, 0)).every(Number.isNaN)).toBe(true);
  });

  it('measures one-way turnover and time in market', () => {
    expect(turnover(f64(1, 0), f64(0, 1))).toBe(1);
    expect(turnover(f64(0.5, 0.5), f64(0.5, 0.5))).toBe(0);
    expect(averageTurnover([f64(1, 0), f64(0, 1), f64(0, 1)])).toBe(0.5);
    expect(averageTurnover([f64(1, 0)])).toBeNaN();
    expect(timeInMarket(f64(0, 1, -1, 0))).toBe(0.5);
  });
});
