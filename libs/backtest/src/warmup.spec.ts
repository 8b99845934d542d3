import { runBacktest } from './run';
import { flat, input, scripted } from './spec-helpers';

describe('warm-up', () => {
  const every = (symbol: string, steps: number) =>
    Object.fromEntries(Array.from({ length: steps }, (_, t) => [t, [{ kind: 'target-quantity' as const, symbol, quantity: t + 1 }]]));

  it('onBar runs from the first bar, but no intent is acted on before bar index `warmup`', () => {
    const s = scripted(every('X', 6), 3);
    const r = runBacktest(s, {}, input([flat('X', 6)]));
    expect(s.seen.map((x) => x.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.warmup).toBe(3);
    expect(r.intentsDuringWarmup).toBe(3);
    expect(r.orders.map((o) => [o.placedStep, o.quantity])).toEqual([
      [3, 4],
      [4, 1],
      [5, 1],
    ]);
  });

  it('counts per symbol: a symbol that starts later warms up from its own first bar', () => {
    const late = flat('L', 4, 100, [2, 3, 4, 5]);
    const s = scripted(every('L', 6), 2);
    const r = runBacktest(s, {}, input([flat('X', 6), late]));
    // L has bars at steps 2..5; its bar index 2 is step 4.
    expect(r.orders.map((o) => o.placedStep)).toEqual([4, 5]);
    expect(r.intentsDuringWarmup).toBe(4);
  });

  it('a warmup that is not a non-negative integer is refused', () => {
    expect(() => runBacktest(scripted({}, -1), {}, input([flat('X', 2)]))).toThrow('warmup must be an integer >= 0, got -1');
  });
});
