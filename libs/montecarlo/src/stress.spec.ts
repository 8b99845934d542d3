import { evaluateRiskLimits, stressBreaches } from './risk-limits';
import {
  correlationOne,
  historicalRange,
  hypotheticalShock,
  runStressScenarios,
  volatilityScaled,
  worstHistoricalWindows,
  type PriceHistory,
  type StressPosition,
} from './stress';

// 10 A at 100 (long 1,000) and 5 B at 50 short (−250): gross exposure 1,250.
const POSITIONS: StressPosition[] = [
  { symbol: 'A', quantity: 10, price: 100 },
  { symbol: 'B', quantity: -5, price: 50 },
];
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 1);
const HISTORY: PriceHistory = {
  closes: { A: [100, 110, 99, 90, 95], B: [50, 50, 55, 60, 50] },
  times: [T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY],
};

describe('stress scenarios (hand-checked)', () => {
  it('hypothetical shock: every symbol −10 % → A −100, B (short) +25, total −75', () => {
    const r = hypotheticalShock(POSITIONS, {}, -0.1);
    expect(r.positions.map((p) => [p.symbol, p.marketValue, p.move, p.pnl])).toEqual([
      ['A', 1000, -0.1, -100],
      ['B', -250, -0.1, 25],
    ]);
    expect(r.totalPnl).toBe(-75);
    expect(r.returnOnGross).toBe(-75 / 1250);
    expect(r.label).toBe('shock: all -10 %');
    const perSymbol = hypotheticalShock(POSITIONS, { B: 0.2 }, -0.05);
    expect(perSymbol.positions.map((p) => p.pnl)).toEqual([-50, -50]);
    expect(perSymbol.label).toBe('shock: B +20 %, others -5 %');
  });

  it('worst historical windows: 1-bar moves give P&Ls 100, −125, −113.64, 97.22; the worst two are bars 1→2 and 2→3', () => {
    const [worst, second] = worstHistoricalWindows(POSITIONS, HISTORY, 1, 2);
    // Bar 1→2: A 110 → 99 (−10 %): −100; B 50 → 55 (+10 %) on −250: −25.
    expect(worst.totalPnl).toBeCloseTo(-125, 10);
    expect(worst.window).toEqual({ startIndex: 1, endIndex: 2, startTime: T0 + DAY, endTime: T0 + 2 * DAY });
    expect(worst.label).toBe('worst 1-period window in the history (2024-03-02 to 2024-03-03)');
    // Bar 2→3: A 99 → 90: 1000 × (90/99 − 1) = −90.909; B 55 → 60: −250 × (60/55 − 1) = −22.727.
    expect(second.totalPnl).toBeCloseTo(-1000 / 11 - 250 / 11, 10);
    expect(second.positions.map((p) => p.pnl)).toEqual([1000 * (90 / 99 - 1), -250 * (60 / 55 - 1)]);
  });

  it('worst windows do not overlap', () => {
    // 2-bar windows: 0→2: A −1 %, B +10 % → −10 − 25 = −35; 1→3: A −18.18 %, B +20 % → −181.8 − 50;
    // 2→4: A −4.04 %, B −9.09 % → −40.4 + 22.7. The worst is 1→3; 0→2 and 2→4 overlap it.
    const windows = worstHistoricalWindows(POSITIONS, HISTORY, 2, 3);
    expect(windows).toHaveLength(1);
    expect(windows[0].window?.startIndex).toBe(1);
    expect(windows[0].totalPnl).toBeCloseTo(1000 * (90 / 110 - 1) - 250 * (60 / 50 - 1), 10);
  });

  it('a named date range: from the first bar on or after `from` to the last on or before `to`', () => {
    const r = historicalRange(POSITIONS, HISTORY, T0 + DAY / 2, T0 + 3 * DAY + 5, 'March stress');
    expect(r.window).toMatchObject({ startIndex: 1, endIndex: 3 });
    expect(r.positions.map((p) => p.move)).toEqual([90 / 110 - 1, 60 / 50 - 1]);
    expect(r.label).toBe('March stress');
  });

  it('correlations all one: each symbol its own worst move, all down (worse than all up here)', () => {
    // 1-bar moves: A +10 %, −10 %, −9.09 %, +5.56 %; B 0, +10 %, +9.09 %, −16.67 %.
    const r = correlationOne(POSITIONS, HISTORY, 1, 0);
    expect(r.positions.map((p) => p.move)).toEqual([99 / 110 - 1, 50 / 60 - 1]);
    // A −100; B falls 16.67 % on a short of 250: +41.67. All up would be +100 − 25 = +75.
    expect(r.totalPnl).toBeCloseTo(-100 + 250 / 6, 10);
    expect(r.label).toBe('correlations 1: every symbol at its own worst 1-period move, all down');
  });

  it('correlations all one at a quantile interpolates each symbol\'s moves (type 7)', () => {
    // A's sorted 1-bar moves: −0.1, −0.0909, 0.0556, 0.1; the 25 % quantile: h = 1 + 3 × 0.25 = 1.75.
    const r = correlationOne(POSITIONS, HISTORY, 1, 0.25);
    const a = [-0.1, 90 / 99 - 1];
    expect(r.positions[0].move).toBeCloseTo(0.25 * a[0] + 0.75 * a[1], 12);
  });

  it('volatility × 1 is the historical worst window; × 0 leaves only the drift', () => {
    const same = volatilityScaled(POSITIONS, HISTORY, 1, 1);
    expect(same.totalPnl).toBeCloseTo(-125, 9);
    expect(same.scenario).toBe('volatility');
    const calm = volatilityScaled(POSITIONS, HISTORY, 0, 1);
    // Each bar moves by the mean log return: A (95/100)^(1/4), B (50/50)^(1/4) = no move.
    expect(calm.positions[0].move).toBeCloseTo((95 / 100) ** 0.25 - 1, 12);
    expect(calm.positions[1].move).toBeCloseTo(0, 12);
    const wild = volatilityScaled(POSITIONS, HISTORY, 3, 1);
    expect(wild.totalPnl).toBeLessThan(same.totalPnl);
  });

  it('runs a list of scenarios, and refuses bad input with a clear message', () => {
    const results = runStressScenarios(POSITIONS, HISTORY, [
      { kind: 'shock', all: -0.2 },
      { kind: 'historical-worst', periods: 1, count: 2 },
      { kind: 'correlation-one', periods: 2 },
    ]);
    expect(results.map((r) => r.scenario)).toEqual(['shock', 'historical-worst', 'historical-worst', 'correlation-one']);
    expect(() => worstHistoricalWindows(POSITIONS, { closes: { A: [1, 2, 3] } }, 1)).toThrow('no price history for B');
    expect(() => worstHistoricalWindows(POSITIONS, { closes: { A: [1, 2, 3], B: [1, 2] } }, 1)).toThrow('price history of B has 2 closes, others have 3');
    expect(() => worstHistoricalWindows(POSITIONS, HISTORY, 5)).toThrow('periods must be an integer in [1, 4] for 5 closes, got 5');
    expect(() => historicalRange(POSITIONS, { closes: HISTORY.closes }, 0, 1)).toThrow('historical-range needs history.times, one per close');
    expect(() => hypotheticalShock(POSITIONS, { A: -2 })).toThrow('shock for A must be a finite move >= -1, got -2');
  });
});

describe('risk limits', () => {
  it('reports each breached limit with its value and threshold', () => {
    const breaches = evaluateRiskLimits(
      { positions: POSITIONS, equity: 9000, peakEquity: 10_000, dailyPnl: -300 },
      { maxGrossExposure: 1200, maxPositionNotional: 1000, maxDailyLoss: 250, maxDrawdown: 0.05 },
    );
    expect(breaches.map((b) => [b.limit, b.value, b.threshold])).toEqual([
      ['maxGrossExposure', 1250, 1200],
      ['maxDailyLoss', 300, 250],
      ['maxDrawdown', 0.1, 0.05],
    ]);
    expect(breaches[0].message).toBe('gross exposure 1,250 exceeds the limit of 1,200');
    expect(breaches[2].message).toBe('drawdown 10.00 % exceeds the limit of 5.00 %');
    // A notional exactly at its limit is not a breach; one above is, per symbol.
    expect(evaluateRiskLimits({ positions: POSITIONS }, { maxPositionNotional: 999 }).map((b) => b.symbol)).toEqual(['A']);
    expect(evaluateRiskLimits({ positions: POSITIONS }, {})).toEqual([]);
  });

  it('checks the limits after a stress scenario: repriced positions, the loss added to today and to the drawdown', () => {
    const crash = hypotheticalShock(POSITIONS, {}, -0.3); // A −300, B +75: −225; A's notional 700
    const state = { positions: POSITIONS, equity: 10_000, peakEquity: 10_200, dailyPnl: -50 };
    const breaches = stressBreaches(crash, state, { maxDailyLoss: 250, maxDrawdown: 0.03, maxPositionNotional: 800, maxGrossExposure: 1000 });
    expect(breaches.map((b) => b.limit)).toEqual(['maxDailyLoss', 'maxDrawdown']);
    expect(breaches[0].value).toBeCloseTo(275, 10);
    expect(breaches[1].value).toBeCloseTo((10_200 - 9_775) / 10_200, 12);
  });
});
