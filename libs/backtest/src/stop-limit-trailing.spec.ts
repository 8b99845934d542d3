import type { OrderIntent, StrategyContext } from '@meridian/strategy';
import { runBacktest } from './run';
import { input, ohlc, scripted, walkBars } from './spec-helpers';

type Side = 'buy' | 'sell';
const stopLimit = (side: Side, stopPrice: number, limitPrice: number, quantity = 1): OrderIntent => ({ kind: 'stop-limit', symbol: 'X', side, quantity, stopPrice, limitPrice });
const trailing = (side: Side, trail: { trailAmount?: number; trailPercent?: number }, quantity = 1): OrderIntent => ({ kind: 'trailing-stop', symbol: 'X', side, quantity, ...trail });
const fillsOf = (r: ReturnType<typeof runBacktest>) => r.fills.map((f) => [f.step, f.side, f.type, f.price]);

describe('stop-limit orders', () => {
  it('trigger inside a bar and fill there, at the stop, when the limit is marketable at the trigger; never slipped', () => {
    const bars = ohlc('X', [
      [0, 100, 101, 99, 100],
      [1, 101, 104, 100, 103], // high 104 < buy stop 105: rests
      [2, 103, 106, 102, 105], // touches 105; limit 106 >= 105: fills at 105
      [3, 104, 105, 99, 100], // low 99 touches the sell stop 100; 100 >= limit 99.5: fills at 100
    ]);
    const r = runBacktest(scripted({ 0: [stopLimit('buy', 105, 106)], 2: [stopLimit('sell', 100, 99.5)] }), {}, input([bars], { slippageBps: 20 }));
    expect(fillsOf(r)).toEqual([
      [2, 'buy', 'stop-limit', 105],
      [3, 'sell', 'stop-limit', 100],
    ]);
    expect(r.orders.map((o) => [o.id, o.type, o.source, o.stopPrice, o.limitPrice, o.status, o.closedStep])).toEqual([
      ['o1', 'stop-limit', 'stop-limit', 105, 106, 'filled', 2],
      ['o2', 'stop-limit', 'stop-limit', 100, 99.5, 'filled', 3],
    ]);
  });

  it('triggered but not marketable at the trigger: rests as a limit from the next bar, even if the trigger bar reached the limit', () => {
    const bars = ohlc('X', [
      [0, 100, 101, 99, 100],
      [1, 101, 106, 100, 104], // touches the stop 105 (triggered); low 100 <= 103, but maybe before the trigger: no fill
      [2, 104, 105, 103.5, 104], // low 103.5 > limit 103: rests
      [3, 104, 104, 102, 102.5], // low 102 <= 103: fills at the limit 103
    ]);
    const seen: unknown[] = [];
    const look = (ctx: StrategyContext) => void seen.push(ctx.openOrders('X').map((o) => [o.id, o.type, o.stopPrice, o.limitPrice]));
    const r = runBacktest(scripted({ 0: [stopLimit('buy', 105, 103)], 1: look, 2: look }), {}, input([bars], { slippageBps: 20 }));
    expect(fillsOf(r)).toEqual([[3, 'buy', 'stop-limit', 103]]);
    expect(seen).toEqual([[['o1', 'stop-limit', 105, 103]], [['o1', 'stop-limit', 105, 103]]]);
  });

  it('a triggered stop-limit fills at a next open that is better than its limit', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100],
      [1, 99, 99, 94, 96], // sell stop 95 touched at 94; limit 97 > 95: rests as a limit
      [2, 98, 99, 97.5, 98], // opens at 98 >= 97: fills at the open
    ]);
    const r = runBacktest(scripted({ 0: [stopLimit('sell', 95, 97)] }), {}, input([bars]));
    expect(fillsOf(r)).toEqual([[2, 'sell', 'stop-limit', 98]]);
  });

  it('gap through the stop: triggered at the open, a limit for the whole bar', () => {
    const run = (intent: OrderIntent, rows: ReadonlyArray<readonly [number, number, number, number, number]>) =>
      fillsOf(runBacktest(scripted({ 0: [intent] }), {}, input([ohlc('X', [[0, 100, 101, 99, 100], ...rows])], { slippageBps: 20 })));
    // Open 107 >= stop 105 and <= limit 108: fills at the open, unslipped.
    expect(run(stopLimit('buy', 105, 108), [[1, 107, 109, 106, 108]])).toEqual([[1, 'buy', 'stop-limit', 107]]);
    // Open 107 above the limit 106: not at the open, but the bar (all after its open) comes down to 106.
    expect(run(stopLimit('buy', 105, 106), [[1, 107, 108, 105.5, 107.5]])).toEqual([[1, 'buy', 'stop-limit', 106]]);
    // Sell: open 92 <= stop 95 but below the limit 94, high 93.5 < 94: rests; next bar's high 94.5 fills it at 94.
    expect(
      run(stopLimit('sell', 95, 94), [
        [1, 92, 93.5, 91, 93],
        [2, 93, 94.5, 92.5, 94],
      ]),
    ).toEqual([[2, 'sell', 'stop-limit', 94]]);
  });

  it('refuses a stop-limit without both prices', () => {
    const bad = [
      { kind: 'stop-limit', symbol: 'X', side: 'buy', quantity: 1, stopPrice: 105 },
      { kind: 'stop-limit', symbol: 'X', side: 'buy', quantity: 1, stopPrice: 105, limitPrice: -1 },
    ] as unknown as OrderIntent[];
    const r = runBacktest(scripted({ 0: bad }), {}, input([ohlc('X', [[0, 100, 100, 100, 100]])]));
    expect(r.rejections.map((x) => x.reason)).toEqual(['a stop-limit needs both stopPrice and limitPrice', 'limit price must be a finite number > 0, got -1']);
  });
});

describe('trailing stops', () => {
  it('a sell trailing stop: the anchor starts at the decision close and follows the highs after each check; fills at the stop, slipped', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100], // decision: anchor 100, stop 98
      [1, 100, 103, 99, 102], // low 99 > 98; then anchor 103, stop 101 (the same bar's low 99 is not tested against 101)
      [2, 102, 105, 101.5, 104], // low 101.5 > 101; anchor 105, stop 103
      [3, 104, 104.5, 102, 103], // low 102 <= 103: fills at 103 × (1 − 0.001)
    ]);
    const stops: unknown[] = [];
    const look = (ctx: StrategyContext) => void stops.push(ctx.openOrders('X').map((o) => [o.type, o.stopPrice, o.trailAmount]));
    const r = runBacktest(scripted({ 0: [trailing('sell', { trailAmount: 2 })], 1: look, 2: look }), {}, input([bars], { slippageBps: 10 }));
    expect(stops).toEqual([[['trailing-stop', 101, 2]], [['trailing-stop', 103, 2]]]);
    expect(fillsOf(r)).toEqual([[3, 'sell', 'trailing-stop', 103 * (1 - 0.001)]]);
    expect(r.orders[0]).toMatchObject({ type: 'trailing-stop', source: 'trailing-stop', stopPrice: 103, trailAmount: 2, status: 'filled', closedStep: 3 });
    expect(r.orders[0].trailPercent).toBeUndefined();
  });

  it('a trailing stop by percent, gapped through: fills at the open', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100], // anchor 100, stop 95
      [1, 100, 110, 99, 108], // low 99 > 95; anchor 110, stop 104.5
      [2, 100, 101, 99, 100], // opens at 100 <= 104.5: the open, slipped
    ]);
    const r = runBacktest(scripted({ 0: [trailing('sell', { trailPercent: 0.05 })] }), {}, input([bars], { slippageBps: 10 }));
    expect(fillsOf(r)).toEqual([[2, 'sell', 'trailing-stop', 100 * (1 - 0.001)]]);
    expect(r.orders[0].trailPercent).toBe(0.05);
    expect(r.orders[0].stopPrice).toBeCloseTo(104.5, 12);
  });

  it('a buy trailing stop follows the lows and triggers on a high', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100], // anchor 100, stop 103
      [1, 100, 102, 96, 97], // high 102 < 103; anchor 96, stop 99 (the same bar's high 102 is not tested against 99)
      [2, 97, 98, 94, 95], // high 98 < 99; anchor 94, stop 97
      [3, 95, 98, 94.5, 97.5], // high 98 >= 97: fills at 97
    ]);
    const r = runBacktest(scripted({ 0: [trailing('buy', { trailAmount: 3 })] }), {}, input([bars]));
    expect(fillsOf(r)).toEqual([[3, 'buy', 'trailing-stop', 97]]);
    expect(r.orders[0].stopPrice).toBe(97);
  });

  it('an unfilled trailing stop can be cancelled; its record keeps the last stop level', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100],
      [1, 100, 104, 100, 103], // anchor 104, stop 102
      [2, 103, 103, 102.5, 103],
    ]);
    const r = runBacktest(scripted({ 0: [trailing('sell', { trailAmount: 2 })], 1: [{ kind: 'cancel-all' }] }), {}, input([bars]));
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0]).toMatchObject({ status: 'cancelled', closedStep: 1, stopPrice: 102 });
  });

  it('refuses a trailing stop without exactly one valid trail', () => {
    const bad = [
      { kind: 'trailing-stop', symbol: 'X', side: 'sell', quantity: 1 },
      { kind: 'trailing-stop', symbol: 'X', side: 'sell', quantity: 1, trailAmount: 1, trailPercent: 0.01 },
      { kind: 'trailing-stop', symbol: 'X', side: 'sell', quantity: 1, trailPercent: 2 },
      { kind: 'trailing-stop', symbol: 'X', side: 'sell', quantity: 1, trailAmount: 0 },
      { kind: 'trailing-stop', symbol: 'X', side: 'sell', quantity: 1, trailAmount: 100 },
    ] as unknown as OrderIntent[];
    const r = runBacktest(scripted({ 0: bad }), {}, input([ohlc('X', [[0, 100, 100, 100, 100]])]));
    expect(r.rejections.map((x) => x.reason)).toEqual([
      'a trailing stop needs exactly one of trailAmount and trailPercent',
      'a trailing stop needs exactly one of trailAmount and trailPercent',
      'trail percent must be a fraction > 0 and < 1 (0.02 = 2 %), got 2',
      'trail amount must be a finite number > 0, got 0',
      'trail distance 100 puts the stop at 0, not above 0',
    ]);
    expect(r.orders).toHaveLength(0);
  });
});

describe('no look-ahead in stop-limit and trailing-stop fills', () => {
  it('over random orders on random bars, nothing fills on its decision bar, fills lie in the bar and respect the limit', () => {
    const bars = walkBars('X', 600, 23);
    let seed = 9;
    const rnd = () => (seed = (Math.imul(seed, 48271) + 11) >>> 0) / 4294967296;
    const strategy = scripted(
      Object.fromEntries(
        Array.from({ length: 600 }, (_, t) => [
          t,
          (ctx: StrategyContext): OrderIntent[] => {
            const c = ctx.series('X')!.close();
            const side = rnd() < 0.5 ? 'buy' : 'sell';
            const k = rnd();
            const stopPrice = c * (1 + (rnd() - 0.5) * 0.03);
            if (k < 0.45) return [stopLimit(side, stopPrice, stopPrice * (1 + (rnd() - 0.5) * 0.02))];
            if (k < 0.9) return [rnd() < 0.5 ? trailing(side, { trailPercent: rnd() * 0.02 + 0.001 }) : trailing(side, { trailAmount: rnd() * 2 + 0.1 })];
            return [{ kind: 'cancel-all' }];
          },
        ]),
      ),
    );
    const r = runBacktest(strategy, {}, input([bars]));
    expect(r.fills.filter((f) => f.type === 'stop-limit').length).toBeGreaterThan(100);
    expect(r.fills.filter((f) => f.type === 'trailing-stop').length).toBeGreaterThan(100);
    const byId = new Map(r.orders.map((o) => [o.id, o]));
    for (const f of r.fills) {
      const o = byId.get(f.orderId)!;
      expect(f.step).toBeGreaterThan(o.placedStep);
      expect(f.price).toBeGreaterThanOrEqual(bars.low[f.step]);
      expect(f.price).toBeLessThanOrEqual(bars.high[f.step]);
      if (o.type === 'stop-limit') expect(o.side === 'buy' ? f.price <= o.limitPrice! : f.price >= o.limitPrice!).toBe(true);
    }
  });
});
