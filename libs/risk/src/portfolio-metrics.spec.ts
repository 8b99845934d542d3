import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PORTFOLIO_MIN_OBSERVATIONS,
  gaussianVaR,
  historicalES,
  historicalVaR,
  portfolioRiskMetrics,
  type PortfolioRiskInput,
  type PortfolioRiskMetrics,
  type RiskLevels,
} from '@meridian/risk';

/* Reference values written by ../reference/make-portfolio-reference.R (base-R transcriptions of
 * the PerformanceAnalytics formulas on fixed data stored in the same JSON). Every number must
 * match within 1e-9: absolute for |x| ≤ 1, relative above. */

type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const ref: Json = JSON.parse(readFileSync(join(__dirname, '..', 'reference', 'portfolio-reference.json'), 'utf8'));

const TOL = 1e-9;

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    if (actual !== null) throw new Error(`${what}: expected null, got ${actual}`);
    return;
  }
  if (actual === null) throw new Error(`${what}: expected ${expected}, got null`);
  const err = Math.abs(actual - expected);
  if (!(err <= TOL * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: expected ${expected}, got ${actual} (|diff| = ${err})`);
  }
}

const f64 = (x: number[]): Float64Array => Float64Array.from(x);
const LEVELS: Array<keyof RiskLevels> = ['historical95', 'historical99', 'gaussian95', 'gaussian99'];

const data = {
  weights: f64(ref.data.weights),
  assetReturns: (ref.data.assetReturns as number[][]).map(f64),
  benchmarkReturns: f64(ref.data.benchmarkReturns),
  equityCurve: f64(ref.data.equityCurve),
};

function inputOf(c: Json): PortfolioRiskInput {
  return {
    weights: data.weights,
    assetReturns: data.assetReturns,
    benchmarkReturns: c.input.benchmark ? data.benchmarkReturns : undefined,
    periodsPerYear: c.input.periodsPerYear,
    horizonPeriods: c.input.horizonPeriods,
    equityCurve: data.equityCurve,
    equityPeriodsPerYear: c.input.equityPeriodsPerYear ?? undefined,
  };
}

describe('the reference data', () => {
  it('is the fixed 3-asset, 300-date set with weights (0.5, 0.3, −0.2)', () => {
    expect(Array.from(data.weights)).toEqual([0.5, 0.3, -0.2]);
    expect(data.assetReturns.map((r) => r.length)).toEqual([300, 300, 300]);
    expect(data.benchmarkReturns).toHaveLength(300);
    expect(data.equityCurve).toHaveLength(250);
  });
});

describe.each((ref.cases as Json[]).map((c) => [c.name as string, c] as const))(
  'portfolioRiskMetrics matches make-portfolio-reference.R: %s',
  (_name, c) => {
    const e: Json = c.expected;
    const out: PortfolioRiskMetrics = portfolioRiskMetrics(inputOf(c));

    it('computes the portfolio return series Σ w_i r_i,t', () => {
      expect(out.portfolioReturns).toBeInstanceOf(Float64Array);
      expect(out.portfolioReturns).toHaveLength(e.portfolioReturns.length);
      (e.portfolioReturns as number[]).forEach((x, t) => expectClose(out.portfolioReturns[t], x, `r_p[${t}]`));
      expect(out.observations).toBe(e.observations);
    });

    it('computes the annualised volatility', () => {
      expectClose(out.annualisedVolatility, e.annualisedVolatility, 'annualisedVolatility');
    });

    it.each(LEVELS)('computes one-day VaR and CVaR, %s', (level) => {
      expectClose(out.var[level], e.var[level], `var.${level}`);
      expectClose(out.cvar[level], e.cvar[level], `cvar.${level}`);
    });

    it('computes beta against the benchmark (null without one)', () => {
      expectClose(out.beta, e.beta, 'beta');
    });

    it('computes the equity curve statistics', () => {
      expect(out.equity.observations).toBe(e.equity.observations);
      expectClose(out.equity.maxDrawdown, e.equity.maxDrawdown, 'equity.maxDrawdown');
      expectClose(out.equity.sharpe, e.equity.sharpe, 'equity.sharpe');
      expectClose(out.equity.sortino, e.equity.sortino, 'equity.sortino');
    });
  },
);

describe('portfolioRiskMetrics conventions', () => {
  const daily = portfolioRiskMetrics({
    ...data,
    periodsPerYear: 252,
    horizonPeriods: 1,
  });

  it('reports VaR and CVaR as returns: negative = loss, CVaR ≤ VaR', () => {
    for (const level of LEVELS) {
      expect(daily.var[level]).toBeLessThan(0);
      expect(daily.cvar[level]!).toBeLessThanOrEqual(daily.var[level]!);
    }
    expect(daily.var.historical99!).toBeLessThan(daily.var.historical95!);
  });

  it('equals the library functions on the portfolio series when horizonPeriods = 1', () => {
    expect(daily.var.historical95).toBe(historicalVaR(daily.portfolioReturns, 0.95));
    expect(daily.cvar.historical99).toBe(historicalES(daily.portfolioReturns, 0.99));
    expect(daily.var.gaussian99).toBe(gaussianVaR(daily.portfolioReturns, 0.99));
  });

  it('scales VaR/CVaR by the square root of horizonPeriods and nothing else', () => {
    const hourly = portfolioRiskMetrics({ ...data, periodsPerYear: 252 * 24, horizonPeriods: 24 });
    for (const level of LEVELS) {
      expect(hourly.var[level]!).toBeCloseTo(daily.var[level]! * Math.sqrt(24), 15);
      expect(hourly.cvar[level]!).toBeCloseTo(daily.cvar[level]! * Math.sqrt(24), 15);
    }
    expect(hourly.beta).toBe(daily.beta);
    expect(hourly.annualisedVolatility!).toBeCloseTo(daily.annualisedVolatility! * Math.sqrt(24), 14);
  });

  it('defaults equityPeriodsPerYear to periodsPerYear', () => {
    const base = { ...data, horizonPeriods: 1 };
    const a = portfolioRiskMetrics({ ...base, periodsPerYear: 52 });
    const b = portfolioRiskMetrics({ ...base, periodsPerYear: 252, equityPeriodsPerYear: 52 });
    expect(a.equity.sharpe).toBe(b.equity.sharpe);
    expect(a.equity.sharpe).not.toBe(daily.equity.sharpe);
  });

  it('does not modify its inputs', () => {
    const weights = f64([0.5, -0.5]);
    const assetReturns = [f64([0.01, -0.02, 0.03]), f64([0.02, 0.01, -0.01])];
    const equityCurve = f64([100, 99, 101]);
    portfolioRiskMetrics({ weights, assetReturns, equityCurve, periodsPerYear: 252, horizonPeriods: 1 });
    expect(Array.from(weights)).toEqual([0.5, -0.5]);
    expect(Array.from(assetReturns[0])).toEqual([0.01, -0.02, 0.03]);
    expect(Array.from(assetReturns[1])).toEqual([0.02, 0.01, -0.01]);
    expect(Array.from(equityCurve)).toEqual([100, 99, 101]);
  });
});

describe('portfolioRiskMetrics with too little data returns nulls, never NaN', () => {
  const EMPTY = new Float64Array(0);
  const NULL_LEVELS = { historical95: null, historical99: null, gaussian95: null, gaussian99: null };
  const NULL_EQUITY = { maxDrawdown: null, sharpe: null, sortino: null };

  it('requires at least two returns', () => {
    expect(PORTFOLIO_MIN_OBSERVATIONS).toBe(2);
  });

  it('handles no assets and no optional series', () => {
    const out = portfolioRiskMetrics({ weights: EMPTY, assetReturns: [], periodsPerYear: 252, horizonPeriods: 1 });
    expect(out).toEqual({
      portfolioReturns: EMPTY,
      observations: 0,
      annualisedVolatility: null,
      var: NULL_LEVELS,
      cvar: NULL_LEVELS,
      beta: null,
      equity: { observations: 0, ...NULL_EQUITY },
    });
  });

  it('handles assets with empty return series and an empty equity curve', () => {
    const out = portfolioRiskMetrics({
      weights: f64([1, -1]),
      assetReturns: [EMPTY, EMPTY],
      benchmarkReturns: EMPTY,
      equityCurve: EMPTY,
      periodsPerYear: 252,
      horizonPeriods: 1,
    });
    expect(out.observations).toBe(0);
    expect(out.portfolioReturns).toHaveLength(0);
    expect(out.annualisedVolatility).toBeNull();
    expect(out.var).toEqual(NULL_LEVELS);
    expect(out.cvar).toEqual(NULL_LEVELS);
    expect(out.beta).toBeNull();
    expect(out.equity).toEqual({ observations: 0, ...NULL_EQUITY });
  });

  it('returns nulls for a single return and a two-sample equity curve', () => {
    const out = portfolioRiskMetrics({
      weights: f64([0.6, 0.4]),
      assetReturns: [f64([-0.05]), f64([0.01])],
      benchmarkReturns: f64([-0.02]),
      equityCurve: f64([100, 90]),
      periodsPerYear: 252,
      horizonPeriods: 1,
    });
    expect(out.observations).toBe(1);
    expect(out.portfolioReturns[0]).toBeCloseTo(0.6 * -0.05 + 0.4 * 0.01, 15);
    expect(out.annualisedVolatility).toBeNull();
    expect(out.var).toEqual(NULL_LEVELS);
    expect(out.cvar).toEqual(NULL_LEVELS);
    expect(out.beta).toBeNull();
    expect(out.equity).toEqual({ observations: 1, ...NULL_EQUITY });
  });

  it('computes everything from two returns and three equity samples', () => {
    const out = portfolioRiskMetrics({
      weights: f64([1]),
      assetReturns: [f64([-0.04, 0.02])],
      benchmarkReturns: f64([-0.02, 0.01]),
      equityCurve: f64([100, 90, 99]),
      periodsPerYear: 252,
      horizonPeriods: 4,
    });
    expect(out.observations).toBe(2);
    expect(out.annualisedVolatility).not.toBeNull();
    // type-7 quantile of (−0.04, 0.02) at 5 %: −0.04 + 0.05·0.06 = −0.037, times √4
    expect(out.var.historical95).toBeCloseTo(-0.074, 15);
    for (const level of LEVELS) {
      expect(out.var[level]).not.toBeNull();
      expect(out.cvar[level]).not.toBeNull();
    }
    expect(out.beta).toBeCloseTo(2, 12);
    expect(out.equity.observations).toBe(2);
    expect(out.equity.maxDrawdown).toBeCloseTo(0.1, 15);
    expect(out.equity.sharpe).not.toBeNull();
    expect(out.equity.sortino).not.toBeNull();
  });

  it('returns null, not NaN or Infinity, for zero denominators', () => {
    const out = portfolioRiskMetrics({
      weights: f64([1]),
      assetReturns: [f64([0.01, 0.02, -0.01])],
      benchmarkReturns: f64([0.005, 0.005, 0.005]), // constant → var(Rb) = 0
      equityCurve: f64([100, 100, 100, 100]), // flat → sd 0, no downside
      periodsPerYear: 252,
      horizonPeriods: 1,
    });
    expect(out.beta).toBeNull();
    expect(out.equity).toEqual({ observations: 3, maxDrawdown: 0, sharpe: null, sortino: null });
  });

  it('returns null when the data contain NaN', () => {
    const out = portfolioRiskMetrics({
      weights: f64([0.5, 0.5]),
      assetReturns: [f64([0.01, NaN, 0.02]), f64([0.0, 0.01, -0.01])],
      benchmarkReturns: f64([0.01, 0.0, 0.01]),
      equityCurve: f64([100, NaN, 101]),
      periodsPerYear: 252,
      horizonPeriods: 1,
    });
    expect(out.observations).toBe(3);
    expect(out.portfolioReturns[1]).toBeNaN();
    expect(out.annualisedVolatility).toBeNull();
    expect(out.var).toEqual(NULL_LEVELS);
    expect(out.cvar).toEqual(NULL_LEVELS);
    expect(out.beta).toBeNull();
    expect(out.equity).toEqual({ observations: 2, ...NULL_EQUITY });
  });

  it('treats a book with no positions as a zero return on every benchmark date', () => {
    const out = portfolioRiskMetrics({
      weights: EMPTY,
      assetReturns: [],
      benchmarkReturns: f64([0.01, -0.02, 0.015]),
      periodsPerYear: 252,
      horizonPeriods: 1,
    });
    expect(Array.from(out.portfolioReturns)).toEqual([0, 0, 0]);
    expect(out.annualisedVolatility).toBe(0);
    expect(out.var).toEqual({ historical95: 0, historical99: 0, gaussian95: 0, gaussian99: 0 });
    expect(out.cvar).toEqual({ historical95: 0, historical99: 0, gaussian95: 0, gaussian99: 0 });
    expect(out.beta).toBe(0);
  });
});

describe('portfolioRiskMetrics rejects inconsistent input with RangeError', () => {
  const a = f64([0.01, -0.02, 0.03]);
  const b = f64([0.02, 0.01, -0.01]);
  const base: PortfolioRiskInput = { weights: f64([0.5, 0.5]), assetReturns: [a, b], periodsPerYear: 252, horizonPeriods: 1 };

  it('when the number of weights differs from the number of assets', () => {
    expect(() => portfolioRiskMetrics({ ...base, weights: f64([1]) })).toThrow(RangeError);
    expect(() => portfolioRiskMetrics({ ...base, weights: f64([0.4, 0.4, 0.2]) })).toThrow(RangeError);
  });

  it('when asset return series differ in length', () => {
    expect(() => portfolioRiskMetrics({ ...base, assetReturns: [a, f64([0.01, 0.02])] })).toThrow(RangeError);
  });

  it('when the benchmark differs in length from the assets', () => {
    expect(() => portfolioRiskMetrics({ ...base, benchmarkReturns: f64([0.01, 0.02]) })).toThrow(RangeError);
    expect(() => portfolioRiskMetrics({ ...base, benchmarkReturns: f64([0.01, 0.02, 0.03, 0.04]) })).toThrow(
      RangeError,
    );
  });

  it.each([0, -252, NaN, Infinity])('when periodsPerYear is %p', (v) => {
    expect(() => portfolioRiskMetrics({ ...base, periodsPerYear: v })).toThrow(RangeError);
  });

  it.each([0, -1, NaN, Infinity])('when horizonPeriods is %p', (v) => {
    expect(() => portfolioRiskMetrics({ ...base, horizonPeriods: v })).toThrow(RangeError);
  });

  it.each([0, -1, NaN])('when equityPeriodsPerYear is %p', (v) => {
    expect(() => portfolioRiskMetrics({ ...base, equityPeriodsPerYear: v })).toThrow(RangeError);
  });

  it('but not when the equity curve length differs (it is not aligned with the returns)', () => {
    expect(() => portfolioRiskMetrics({ ...base, equityCurve: f64([100, 101, 99, 102, 103]) })).not.toThrow();
  });
});
