import {
  annualizedReturn,
  annualizedSharpeRatio,
  annualizedVolatility,
  calculateReturns,
  calmarRatio,
  cumulativeReturn,
  drawdownDuration,
  drawdowns,
  maxDrawdown,
  sortinoRatio,
  timeInMarket,
  tradeStatistics,
} from '@meridian/risk';
import { findBuiltin } from '@meridian/strategy';
import { computeMetrics } from './metrics';
import { runBacktest } from './run';
import { input, scripted, walkBars } from './spec-helpers';

describe('metrics', () => {
  const bars = walkBars('X', 1200, 3);
  const r = runBacktest(findBuiltin('sma-crossover')!, { fast: 5, slow: 20, mode: 'long-short' }, input([bars], { feesBps: 5, feeFixed: 1, periodsPerYear: 365 }), {
    riskFreeRate: 0.0001,
  });
  const m = r.metrics;
  const returns = calculateReturns(Float64Array.of(10_000, ...r.equity));

  it('are @meridian/risk functions of the equity curve’s returns (first against the initial cash)', () => {
    expect(r.trades.length).toBeGreaterThan(20);
    expect(Array.from(r.returns)).toEqual(Array.from(returns));
    expect(m.totalReturn).toBeCloseTo(cumulativeReturn(returns), 10);
    expect(m.cagr).toBe(annualizedReturn(returns, 365));
    expect(m.annualizedVolatility).toBe(annualizedVolatility(returns, 365));
    expect(m.sharpe).toBe(annualizedSharpeRatio(returns, 0.0001, 365));
    expect(m.sortino).toBe(sortinoRatio(returns, 0.0001) * Math.sqrt(365));
    expect(m.maxDrawdown).toBe(maxDrawdown(returns));
    expect(m.maxDrawdownDuration).toBe(drawdownDuration(returns));
    expect(m.calmar).toBe(calmarRatio(returns, 365));
    expect(Array.from(r.drawdown)).toEqual(Array.from(drawdowns(returns)));
    const stats = tradeStatistics(Float64Array.from(r.trades, (t) => t.netPnl));
    expect([m.trades, m.winRate, m.profitFactor, m.averageWin, m.averageLoss]).toEqual([
      stats.trades,
      stats.winRate,
      stats.profitFactor,
      stats.averageWin,
      stats.averageLoss,
    ]);
    expect(m.exposure).toBe(timeInMarket(r.grossExposure));
  });

  it('with no risk-free rate too (computed without copying the returns), to the bit', () => {
    for (const [seed, mode] of [
      [4, 'long-short'],
      [5, 'long-only'],
      [6, 'long-only'],
    ] as const) {
      const run = runBacktest(findBuiltin('sma-crossover')!, { fast: 3, slow: 12, mode }, input([walkBars('X', 800, seed)], { feesBps: 20 }));
      const r0 = run.returns;
      expect(run.metrics.sharpe).toBe(annualizedSharpeRatio(r0, 0, 252));
      expect(run.metrics.sortino).toBe(sortinoRatio(r0, 0) * Math.sqrt(252));
      expect(run.metrics.maxDrawdownDuration).toBe(drawdownDuration(r0));
      expect(run.metrics.maxDrawdown).toBe(maxDrawdown(r0));
      expect(run.metrics.calmar).toBe(calmarRatio(r0, 252));
    }
  });

  it('agree with direct computations on the equity curve', () => {
    const eq = r.equity;
    expect(m.finalEquity).toBe(eq[eq.length - 1]);
    expect(m.totalReturn).toBe(eq[eq.length - 1] / 10_000 - 1);
    let peak = 10_000;
    let worst = 0;
    for (const v of eq) {
      peak = Math.max(peak, v);
      worst = Math.max(worst, 1 - v / peak);
    }
    expect(m.maxDrawdown).toBeCloseTo(worst, 12);
    expect(m.feesPaid).toBeCloseTo(r.fills.reduce((s, f) => s + f.fee, 0), 9);
    const traded = new Float64Array(eq.length);
    for (const f of r.fills) traded[f.step] += f.notional;
    let turnover = 0;
    for (let t = 0; t < eq.length; t++) turnover += traded[t] / (2 * eq[t]);
    expect(m.turnover).toBeCloseTo((turnover / eq.length) * 365, 10);
    // Long-short after the first cross: in the market from the first fill to the end.
    const firstFill = r.fills[0].step;
    expect(m.exposure).toBeCloseTo((eq.length - firstFill) / eq.length, 12);
    const closed = r.trades.reduce((s, t) => s + t.netPnl, 0) + r.openTrades.reduce((s, t) => s + t.netPnl, 0);
    expect(m.finalEquity - 10_000).toBeCloseTo(closed, 6);
  });

  it.each([
    ['recovered, then open at the end', [100, 90, 100, 95, 80, 85]],
    ['open from the start', [90, 80, 85, 70]],
    ['exact recovery to the peak', [110, 100, 110, 120, 119, 120]],
    ['never under water', [100, 101, 102]],
  ])('drawdown duration and depth as risk computes them: %s', (_name, curve) => {
    const equity = Float64Array.from(curve);
    const { metrics, returns } = computeMetrics({
      initialCash: 100,
      equity,
      grossExposure: new Float64Array(equity.length),
      tradedNotional: new Float64Array(equity.length),
      trades: [],
      feesPaid: 0,
    });
    expect([metrics.maxDrawdownDuration, metrics.maxDrawdown, metrics.calmar]).toEqual([
      drawdownDuration(returns),
      maxDrawdown(returns),
      calmarRatio(returns, 252),
    ]);
  });

  it('a run without trades: zero return, NaN ratios, no exposure', () => {
    const idle = runBacktest(scripted({}), {}, input([walkBars('X', 50, 1)]));
    expect(idle.metrics).toMatchObject({ totalReturn: 0, trades: 0, exposure: 0, turnover: 0, feesPaid: 0, maxDrawdown: 0, maxDrawdownDuration: 0 });
    expect(idle.metrics.sharpe).toBeNaN();
    expect(idle.metrics.winRate).toBeNaN();
    expect(idle.metrics.calmar).toBeNaN();
  });
});
