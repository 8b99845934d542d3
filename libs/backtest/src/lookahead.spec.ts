import type { ParamValues, StrategyDefinition } from '@meridian/strategy';
import { findBuiltin } from '@meridian/strategy';
import { checkLookahead } from './lookahead';
import { runBacktest } from './run';
import { input, scripted, walkBars } from './spec-helpers';
import type { BacktestInput } from './types';

/** A strategy that "knows" tomorrow's close: long when it is higher, short when lower. */
function peeking(name: string, nextClose: (ctx: Parameters<ReturnType<StrategyDefinition['create']>['onBar']>[0]) => number): StrategyDefinition {
  return {
    id: name,
    name,
    description: 'cheats',
    params: {},
    warmup: () => 0,
    create: () => ({
      onBar(ctx) {
        const next = nextClose(ctx);
        return [{ kind: 'target-quantity', symbol: 'X', quantity: next > ctx.series('X')!.close() ? 1 : -1 }];
      },
    }),
  };
}

function copy(data: BacktestInput): number[][] {
  return data.symbols.flatMap((s) => [s.time, s.open, s.high, s.low, s.close, s.volume].map((c) => Array.from(c)));
}

describe('look-ahead check', () => {
  const data = input([walkBars('X', 400, 21), walkBars('Y', 400, 22)]);

  it.each(['sma-crossover', 'rsi-mean-reversion', 'bollinger-breakout', 'donchian-trend', 'momentum-rotation'])('passes the honest built-in %s', (id) => {
    const params: ParamValues = id === 'momentum-rotation' ? { lookback: 10, rebalanceEvery: 5 } : {};
    const report = checkLookahead(findBuiltin(id)!, params, data);
    expect(report).toMatchObject({ ok: true, steps: 400, differences: [] });
    expect(report.cuts.length).toBe(8);
  });

  it('catches a strategy that captured the input arrays through a closure, and restores them', () => {
    const before = copy(data);
    const close = data.symbols[0].close; // the caller's own array, captured
    const cheat = peeking('closure-cheat', (ctx) => close[ctx.barIndex + 1]);
    const report = checkLookahead(cheat, {}, data, { cuts: [100, 200, 300] });
    expect(report.ok).toBe(false);
    // At each cut the cheat sees NaN instead of the next close, so its decision there changes.
    const atCuts = report.differences.filter((d) => d.step === d.cut);
    expect(atCuts.length).toBeGreaterThanOrEqual(1);
    expect(report.differences.every((d) => d.step === d.cut)).toBe(true);
    expect(copy(data)).toEqual(before);
    // And a full run with the same strategy is as profitable as only a cheat can be.
    expect(runBacktest(cheat, {}, data).metrics.winRate).toBeGreaterThan(0.9);
  });

  it('catches a strategy that reads past the end of its series view through a leaked reference', () => {
    const cheat = peeking('leak-cheat', (ctx) => {
      const view = ctx.series('X') as unknown as { c: Float64Array; length: number };
      return view.c[view.length]; // the engine's own column, one bar ahead
    });
    const report = checkLookahead(cheat, {}, data);
    expect(report.ok).toBe(false);
    expect(report.differences.length).toBeGreaterThan(0);
    expect(report.differences[0].full).not.toEqual(report.differences[0].truncated);
  });

  it('a series view refuses to look forward', () => {
    const s = scripted({ 5: (ctx) => void ctx.series('X')!.close(-1) });
    expect(() => runBacktest(s, {}, data)).toThrow('X: ago must be an integer >= 0 (a strategy sees only the past), got -1');
    const old = scripted({ 2: (ctx) => void expect([ctx.series('X')!.close(2), ctx.series('X')!.close(3)]).toEqual([data.symbols[0].close[0], NaN]) });
    runBacktest(old, {}, data);
  });

  it('refuses cuts outside the run', () => {
    expect(() => checkLookahead(findBuiltin('sma-crossover')!, {}, data, { cuts: [400] })).toThrow('cut 400 is not a time step in [0, 400)');
  });
});
