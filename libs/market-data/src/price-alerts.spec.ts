import { AlertRule, evaluateAlerts, PriceAlert } from './price-alerts';

/** Feeds [time, price] pairs and returns the times at which the alert fired. */
function firedAt(alert: PriceAlert, points: [number, number][]): number[] {
  return points.filter(([t, p]) => alert.evaluate(p, t).fired).map(([t]) => t);
}

describe('above / below alerts', () => {
  it('fires once when the price goes above the level, then is spent', () => {
    const alert = new PriceAlert({ id: 'a', condition: { kind: 'above', level: 100 } });
    expect(firedAt(alert, [[1, 99], [2, 100], [3, 101], [4, 102], [5, 99], [6, 105]])).toEqual([3]);
    expect(alert.active).toBe(false);
    expect(alert.lastFiredMs).toBe(3);
  });

  it('fires when below the level (strictly)', () => {
    const alert = new PriceAlert({ id: 'b', condition: { kind: 'below', level: 50 } });
    expect(firedAt(alert, [[1, 51], [2, 50], [3, 49.99]])).toEqual([3]);
  });

  it('repeats while the condition holds, at most once per cooldown', () => {
    const alert = new PriceAlert({ id: 'a', condition: { kind: 'above', level: 100 }, trigger: { mode: 'repeat', cooldownMs: 10 } });
    const points: [number, number][] = [[0, 101], [5, 101], [9, 102], [10, 103], [12, 99], [21, 101], [25, 104]];
    expect(firedAt(alert, points)).toEqual([0, 10, 21]);
    expect(alert.active).toBe(true);
  });

  it('a zero cooldown fires on every tick that meets the condition', () => {
    const alert = new PriceAlert({ id: 'a', condition: { kind: 'below', level: 1 }, trigger: { mode: 'repeat', cooldownMs: 0 } });
    expect(firedAt(alert, [[1, 0.5], [1, 0.4], [2, 2], [3, 0.9]])).toEqual([1, 1, 3]);
  });
});

describe('cross alerts', () => {
  it('fires when the price crosses the level in either direction, measured from the previous price', () => {
    const alert = new PriceAlert({ id: 'x', condition: { kind: 'cross', level: 100 }, trigger: { mode: 'repeat', cooldownMs: 0 } });
    const results = [[1, 105], [2, 101], [3, 99], [4, 98], [5, 100], [6, 100.5], [7, 120]].map(([t, p]) => alert.evaluate(p, t));
    expect(results.filter((r) => r.fired).map((r) => [r.epochMs, r.direction])).toEqual([
      [3, 'down'],
      [5, 'up'], // reaching the level from below counts as crossing up
    ]);
  });

  it('never fires on the first price, even if it is beyond the level', () => {
    const alert = new PriceAlert({ id: 'x', condition: { kind: 'cross', level: 100 } });
    expect(alert.evaluate(150, 1)).toMatchObject({ fired: false, conditionMet: false });
  });

  it('respects a direction filter', () => {
    const up = new PriceAlert({ id: 'u', condition: { kind: 'cross', level: 10, direction: 'up' }, trigger: { mode: 'repeat', cooldownMs: 0 } });
    const down = new PriceAlert({ id: 'd', condition: { kind: 'cross', level: 10, direction: 'down' }, trigger: { mode: 'repeat', cooldownMs: 0 } });
    const path: [number, number][] = [[1, 9], [2, 11], [3, 8], [4, 12], [5, 7]];
    expect(firedAt(up, path)).toEqual([2, 4]);
    expect(firedAt(down, path)).toEqual([3, 5]);
  });

  it('drops crossings during the cooldown but keeps tracking the previous price', () => {
    const alert = new PriceAlert({ id: 'x', condition: { kind: 'cross', level: 10 }, trigger: { mode: 'repeat', cooldownMs: 100 } });
    // Crosses up at 2 (fires) and down at 3 (cooling down: dropped); 8 at 150 is no cross; 8 → 11 at 160 fires.
    expect(firedAt(alert, [[1, 9], [2, 11], [3, 9], [150, 8], [160, 11], [170, 9]])).toEqual([2, 160]);
  });
});

describe('percent move alerts', () => {
  it('fires when the price rises by the percentage from the window minimum', () => {
    const alert = new PriceAlert({ id: 'p', condition: { kind: 'percentMove', percent: 5, windowMs: 60_000, direction: 'up' } });
    const out = [[0, 100], [10_000, 98], [20_000, 101], [30_000, 102.8]].map(([t, p]) => alert.evaluate(p, t));
    expect(out.every((r) => !r.fired)).toBe(true);
    const hit = alert.evaluate(102.9, 40_000); // exactly +5 % from 98
    expect(hit).toMatchObject({ fired: true, direction: 'up', referencePrice: 98 });
    expect(hit.changePercent).toBeCloseTo(5, 9);
  });

  it('only counts moves within the window', () => {
    const alert = new PriceAlert({ id: 'p', condition: { kind: 'percentMove', percent: 5, windowMs: 60_000 } });
    // 100 at t=0 has left the window by t=61 000, so 105 is only +1 % from 103.95.
    expect(firedAt(alert, [[0, 100], [30_000, 103.95], [61_000, 105]])).toEqual([]);
    // Exactly at the window edge the old point still counts.
    const edge = new PriceAlert({ id: 'e', condition: { kind: 'percentMove', percent: 5, windowMs: 60_000 } });
    expect(firedAt(edge, [[0, 100], [60_000, 105]])).toEqual([60_000]);
  });

  it('fires on falls from the window maximum', () => {
    const alert = new PriceAlert({ id: 'p', condition: { kind: 'percentMove', percent: 10, windowMs: 1000, direction: 'down' } });
    const results = [[0, 200], [100, 210], [200, 190], [300, 189]].map(([t, p]) => alert.evaluate(p, t));
    expect(results.map((r) => r.fired)).toEqual([false, false, false, true]);
    expect(results[3]).toMatchObject({ direction: 'down', referencePrice: 210 });
    expect(results[3].changePercent).toBeCloseTo(-10, 9);
  });

  it('in repeat mode the move is consumed: the next alert needs a fresh move', () => {
    const alert = new PriceAlert({ id: 'p', condition: { kind: 'percentMove', percent: 2, windowMs: 10_000 }, trigger: { mode: 'repeat', cooldownMs: 0 } });
    // 100 → 102 fires; 102.5 is only +0.5 % from the firing price; 104.04 is +2 % again.
    expect(firedAt(alert, [[0, 100], [1000, 102], [2000, 102.5], [3000, 104.04]])).toEqual([1000, 3000]);
  });
});

describe('alert bookkeeping', () => {
  it('ignores prices older than the previous one', () => {
    const alert = new PriceAlert({ id: 'a', condition: { kind: 'above', level: 1 } });
    alert.evaluate(0, 100);
    expect(alert.evaluate(5, 50).fired).toBe(false);
    expect(alert.evaluate(5, 100).fired).toBe(true);
  });

  it('reset re-arms a spent alert', () => {
    const alert = new PriceAlert({ id: 'a', condition: { kind: 'above', level: 1 } });
    expect(alert.evaluate(2, 1).fired).toBe(true);
    expect(alert.evaluate(2, 2).fired).toBe(false);
    alert.reset();
    expect(alert.evaluate(2, 3).fired).toBe(true);
  });

  it('evaluates ticks of its own symbol only, and many alerts at once', () => {
    const alerts = [
      new PriceAlert({ id: 'r100-above', symbol: 'R_100', condition: { kind: 'above', level: 1000 } }),
      new PriceAlert({ id: 'r10-above', symbol: 'R_10', condition: { kind: 'above', level: 1000 } }),
      new PriceAlert({ id: 'any-below', condition: { kind: 'below', level: 2000 } }),
    ];
    const fired = evaluateAlerts(alerts, { symbol: 'R_100', epochMs: 1, quote: 1500 });
    expect(fired.map((f) => f.ruleId)).toEqual(['r100-above', 'any-below']);
    expect(alerts[1].active).toBe(true);
  });

  it('rejects invalid rules', () => {
    const bad: AlertRule[] = [
      { id: '1', condition: { kind: 'above', level: NaN } },
      { id: '2', condition: { kind: 'percentMove', percent: 0, windowMs: 1000 } },
      { id: '3', condition: { kind: 'percentMove', percent: 1, windowMs: 0 } },
      { id: '4', condition: { kind: 'cross', level: 1 }, trigger: { mode: 'repeat', cooldownMs: -1 } },
      { id: '5', condition: { kind: 'nope' } as never },
    ];
    for (const rule of bad) expect(() => new PriceAlert(rule)).toThrow(RangeError);
    expect(() => new PriceAlert({ id: 'ok', condition: { kind: 'above', level: 1 } }).evaluate(NaN, 1)).toThrow(RangeError);
  });
});
