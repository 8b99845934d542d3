import { bollinger, donchian, roc, rsi, sma } from '@meridian/indicators';
import type { OrderIntent } from '../sdk';
import { resolveParams } from './params';
import { builtinStrategies, findBuiltin } from './registry';
import { type Decision, drive, randomWalk, type TestBars } from './spec-helpers';

/** The decisions as [step, symbol, target] triples (target = quantity or percent). */
function targets(decisions: readonly Decision[]): Array<[number, string, number]> {
  return decisions.flatMap((d) =>
    d.intents.map((i: OrderIntent): [number, string, number] => {
      if (i.kind === 'target-quantity') return [d.step, i.symbol, i.quantity];
      if (i.kind === 'target-percent') return [d.step, i.symbol, i.percent];
      throw new Error(`unexpected intent ${i.kind}`);
    }),
  );
}

/**
 * The same rule written on the batch indicators: given `wanted(i, current)` per bar, the
 * targets a signal strategy must emit (only on changes; a short is flat in long-only mode).
 */
function expectedTargets(n: number, symbol: string, longShort: boolean, size: number, wanted: (i: number, current: number) => number) {
  const out: Array<[number, string, number]> = [];
  let current = 0;
  for (let i = 0; i < n; i++) {
    let w = wanted(i, current);
    if (w < 0 && !longShort) w = 0;
    if (w !== current) {
      current = w;
      out.push([i, symbol, w * size]);
    }
  }
  return out;
}

const walk = randomWalk('X', 1500, 7);
const n = walk.close.length;

describe('built-in registry', () => {
  it('has unique ids, finds each by id, and every default set is valid', () => {
    const ids = builtinStrategies.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['sma-crossover', 'rsi-mean-reversion', 'bollinger-breakout', 'donchian-trend', 'momentum-rotation']);
    for (const s of builtinStrategies) {
      expect(findBuiltin(s.id)).toBe(s);
      expect(resolveParams(s.params, {}, s.relations).ok).toBe(true);
      const w = s.warmup({});
      expect(Number.isInteger(w) && w >= 0).toBe(true);
      expect(typeof s.create({}).onBar).toBe('function');
      expect(s.name.length).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(s.params)) expect([name, spec.description.length > 0]).toEqual([name, true]);
    }
    expect(findBuiltin('nope')).toBeUndefined();
  });
});

describe('SMA crossover', () => {
  const f = sma(walk.close, 10);
  const s = sma(walk.close, 30);
  const wanted = (i: number, current: number) =>
    i > 0 && f[i] > s[i] && f[i - 1] <= s[i - 1] ? 1 : i > 0 && f[i] < s[i] && f[i - 1] >= s[i - 1] ? -1 : current;

  it.each([
    ['long-only', false],
    ['long-short', true],
  ] as const)('%s: targets exactly at the crosses of the batch SMAs', (mode, longShort) => {
    const d = drive(findBuiltin('sma-crossover')!.create({ fast: 10, slow: 30, mode, sizing: 'quantity', quantity: 3 }), [walk]);
    const got = targets(d);
    expect(got).toEqual(expectedTargets(n, 'X', longShort, 3, wanted));
    expect(got.length).toBeGreaterThan(10);
    expect(got[0][0]).toBeGreaterThanOrEqual(findBuiltin('sma-crossover')!.warmup({ fast: 10, slow: 30 }));
    expect(d.every((x) => x.intents.every((i) => i.kind === 'target-quantity' && i.tag === 'sma-crossover'))).toBe(true);
  });

  it('percent sizing answers target-percent', () => {
    const d = drive(findBuiltin('sma-crossover')!.create({ fast: 10, slow: 30, percent: 0.5 }), [walk]);
    expect(targets(d)).toEqual(expectedTargets(n, 'X', false, 0.5, wanted));
    expect(d[0].intents[0].kind).toBe('target-percent');
  });

  it('feeds a symbol only on its own bars (a missing bar is not a repeated close)', () => {
    const gappy: TestBars = { ...walk, symbol: 'G', close: walk.close.map((c, i) => (i % 3 === 1 ? NaN : c)) };
    const kept = walk.close.filter((_, i) => i % 3 !== 1);
    const steps = walk.close.map((_, i) => i).filter((i) => i % 3 !== 1);
    const fk = sma(kept, 10);
    const sk = sma(kept, 30);
    const expected = expectedTargets(kept.length, 'G', false, 1, (i, cur) =>
      i > 0 && fk[i] > sk[i] && fk[i - 1] <= sk[i - 1] ? 1 : i > 0 && fk[i] < sk[i] && fk[i - 1] >= sk[i - 1] ? -1 : cur,
    ).map(([i, sym, q]): [number, string, number] => [steps[i], sym, q]);
    const d = drive(findBuiltin('sma-crossover')!.create({ sizing: 'quantity' }), [walk, gappy]);
    expect(targets(d).filter((t) => t[1] === 'G')).toEqual(expected);
  });
});

describe('RSI mean reversion', () => {
  const r = rsi(walk.close, 14);
  it.each([
    ['long-only', false],
    ['long-short', true],
  ] as const)('%s: enters beyond the levels and exits at the exit level, as the batch RSI says', (mode, longShort) => {
    const d = drive(findBuiltin('rsi-mean-reversion')!.create({ mode, sizing: 'quantity', oversold: 35, overbought: 65 }), [walk]);
    const expected = expectedTargets(n, 'X', longShort, 1, (i, cur) => {
      const v = r[i];
      if (Number.isNaN(v)) return cur;
      if (v < 35) return 1;
      if (v > 65) return -1;
      if (cur === 1 && v >= 50) return 0;
      if (cur === -1 && v <= 50) return 0;
      return cur;
    });
    expect(targets(d)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(6);
  });
});

describe('Bollinger breakout', () => {
  const b = bollinger(walk.close, { period: 20, k: 1.5 });
  it.each([
    ['long-only', false],
    ['long-short', true],
  ] as const)('%s: follows the batch bands', (mode, longShort) => {
    const d = drive(findBuiltin('bollinger-breakout')!.create({ mode, sizing: 'quantity', period: 20, k: 1.5 }), [walk]);
    const expected = expectedTargets(n, 'X', longShort, 1, (i, cur) => {
      const c = walk.close[i];
      if (Number.isNaN(b.middle[i])) return cur;
      if (c > b.upper[i]) return 1;
      if (c < b.lower[i]) return -1;
      if (cur === 1 && c < b.middle[i]) return 0;
      if (cur === -1 && c > b.middle[i]) return 0;
      return cur;
    });
    expect(targets(d)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(6);
  });
});

describe('Donchian trend', () => {
  const entry = donchian(walk, { period: 20, includeLag: true });
  const exit = donchian(walk, { period: 10, includeLag: true });
  it.each([
    ['long-only', false],
    ['long-short', true],
  ] as const)('%s: breaks out of the previous bars’ channel, as the batch DonchianChannel(include.lag) says', (mode, longShort) => {
    const d = drive(findBuiltin('donchian-trend')!.create({ mode, sizing: 'quantity', entry: 20, exit: 10 }), [walk]);
    const expected = expectedTargets(n, 'X', longShort, 1, (i, cur) => {
      const c = walk.close[i];
      if (c > entry.high[i]) return 1;
      if (c < entry.low[i]) return -1;
      if (cur === 1 && c < exit.low[i]) return 0;
      if (cur === -1 && c > exit.high[i]) return 0;
      return cur;
    });
    expect(targets(d)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(6);
    expect(d[0].step).toBeGreaterThanOrEqual(20);
  });
});

describe('momentum rotation', () => {
  const up = randomWalk('UP', 300, 1, 0.004);
  const flat = randomWalk('FLAT', 300, 2, 0);
  const down = randomWalk('DOWN', 300, 3, -0.004);

  it('holds the top-k by ROC in equal weights and rebalances every n bars after the warm-up', () => {
    const d = drive(findBuiltin('momentum-rotation')!.create({ lookback: 20, topK: 2, rebalanceEvery: 25, percent: 0.9 }), [down, up, flat]);
    expect(d.map((x) => x.step)).toEqual(Array.from({ length: 12 }, (_, k) => 20 + 25 * k));
    const rocs = [down, up, flat].map((s) => roc(s.close, 20, { type: 'discrete' }));
    let held = new Set<string>();
    for (const { step, intents } of d) {
      const ranked = [0, 1, 2].sort((a, b) => rocs[b][step] - rocs[a][step] || a - b).slice(0, 2);
      const chosen = new Set(ranked.map((k) => [down, up, flat][k].symbol));
      const expected = [down, up, flat]
        .filter((s) => chosen.has(s.symbol) || held.has(s.symbol))
        .map((s) => ({ kind: 'target-percent', symbol: s.symbol, percent: chosen.has(s.symbol) ? 0.45 : 0, tag: 'momentum-rotation' }));
      expect(intents).toEqual(expected);
      held = chosen;
    }
    expect(d[d.length - 1].intents.find((i) => i.kind === 'target-percent' && i.symbol === 'UP')).toMatchObject({ percent: 0.45 });
  });

  it('with absolute momentum holds only symbols whose ROC is positive', () => {
    const d = drive(findBuiltin('momentum-rotation')!.create({ lookback: 10, topK: 3, rebalanceEvery: 10, absoluteMomentum: true }), [flat]);
    const rocFlat = roc(flat.close, 10, { type: 'discrete' });
    const percents = d.map(({ step, intents }) => {
      const i = intents[0];
      if (i.kind !== 'target-percent') throw new Error(i.kind);
      expect(i.percent > 0).toBe(rocFlat[step] > 0);
      return i.percent;
    });
    expect(percents.filter((p) => p > 0).length).toBeGreaterThan(3);
    expect(percents.filter((p) => p === 0).length).toBeGreaterThan(3);
  });
});
