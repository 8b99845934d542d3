import { findBuiltin } from '@meridian/strategy';
import { BacktestCancelledError, runBacktest, runBacktestAsync } from './run';
import { input, walkBars } from './spec-helpers';
import type { BacktestProgress } from './types';

const sma = findBuiltin('sma-crossover')!;
const data = input([walkBars('X', 1000, 9)]);

describe('progress and cancellation', () => {
  it('reports every `progressEvery` steps, ending at fraction 1', () => {
    const reports: BacktestProgress[] = [];
    const r = runBacktest(sma, {}, data, { progressEvery: 300, onProgress: (p) => reports.push(p) });
    expect(reports.map((p) => [p.step, p.fraction])).toEqual([
      [300, 0.3],
      [600, 0.6],
      [900, 0.9],
      [1000, 1],
    ]);
    expect(reports[1].time).toBe(data.symbols[0].time[599]);
    expect(reports[1].equity).toBe(r.equity[599]);
    expect(reports[3].equity).toBe(r.metrics.finalEquity);
  });

  it('stops with BacktestCancelledError when isCancelled answers true', () => {
    let asked = 0;
    const run = () => runBacktest(sma, {}, data, { progressEvery: 100, isCancelled: () => ++asked > 4 });
    expect(run).toThrow(BacktestCancelledError);
    asked = 0;
    try {
      run();
    } catch (e) {
      expect(e).toMatchObject({ step: 400, steps: 1000, message: 'backtest cancelled after 400 of 1000 steps' });
    }
  });

  it('cancelled before the first step', () => {
    expect(() => runBacktest(sma, {}, data, { isCancelled: () => true })).toThrow('backtest cancelled after 0 of 1000 steps');
  });

  it('the async form yields between chunks, so a cancel that arrives as an event stops it', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    setTimeout(() => controller.abort(), 0);
    await expect(
      runBacktestAsync(sma, {}, data, { progressEvery: 10, isCancelled: () => controller.signal.aborted, onProgress: (p) => steps.push(p.step) }),
    ).rejects.toBeInstanceOf(BacktestCancelledError);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[steps.length - 1]).toBeLessThan(1000);
  });

  it('the async form gives the same result as the synchronous one', async () => {
    const a = runBacktest(sma, {}, data);
    const b = await runBacktestAsync(sma, {}, data, { progressEvery: 128 });
    expect(Array.from(b.equity)).toEqual(Array.from(a.equity));
    expect(b.fills).toEqual(a.fills);
  });
});
