import type { OrderIntent, StrategyContext } from '@meridian/strategy';
import { runBacktest } from './run';
import { flat, input, ohlc, scripted, walkBars } from './spec-helpers';
import type { DefaultSizing, SymbolBars } from './types';

const buy = (quantity: number, extra: Partial<OrderIntent> = {}): OrderIntent => ({ kind: 'market', symbol: 'X', side: 'buy', quantity, ...extra }) as OrderIntent;
const sell = (quantity: number): OrderIntent => ({ kind: 'market', symbol: 'X', side: 'sell', quantity });
const limit = (side: 'buy' | 'sell', quantity: number, limitPrice: number): OrderIntent => ({ kind: 'limit', symbol: 'X', side, quantity, limitPrice });
const stop = (side: 'buy' | 'sell', quantity: number, stopPrice: number): OrderIntent => ({ kind: 'stop', symbol: 'X', side, quantity, stopPrice });

/** Bars whose open, high, low and close are all `p` at step i. */
function prices(...p: number[]): SymbolBars {
  return ohlc('X', p.map((x, i) => [i, x, x, x, x] as const));
}

describe('market orders', () => {
  const bars = ohlc('X', [
    [0, 100, 101, 99, 100],
    [1, 102, 103, 101, 102.5],
    [2, 104, 105, 103, 104],
    [3, 103, 104, 102, 103.5],
  ]);

  it('a decision at the close of bar t fills at the open of bar t + 1, with adverse slippage and fees', () => {
    const strategy = scripted({ 0: [buy(10)], 2: [sell(10)] });
    const r = runBacktest(strategy, {}, input([bars], { slippageBps: 10, feesBps: 5, feeFixed: 1 }));
    const inPrice = 102 * (1 + 0.001);
    const outPrice = 103 * (1 - 0.001);
    const inFee = (10 * inPrice * 5) / 10_000 + 1;
    const outFee = (10 * outPrice * 5) / 10_000 + 1;
    expect(r.fills.map((f) => [f.step, f.side, f.price, f.fee])).toEqual([
      [1, 'buy', inPrice, inFee],
      [3, 'sell', outPrice, outFee],
    ]);
    expect(r.equity[0]).toBe(10_000);
    expect(r.equity[1]).toBeCloseTo(10_000 - 10 * inPrice - inFee + 10 * 102.5, 9);
    expect(r.cash).toBeCloseTo(10_000 - 10 * inPrice - inFee + 10 * outPrice - outFee, 9);
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toMatchObject({ direction: 'long', quantity: 10, entryStep: 1, exitStep: 3, entryPrice: inPrice, exitPrice: outPrice });
    expect(r.trades[0].grossPnl).toBeCloseTo(10 * (outPrice - inPrice), 9);
    expect(r.trades[0].fees).toBeCloseTo(inFee + outFee, 12);
    expect(r.trades[0].netPnl).toBeCloseTo(10 * (outPrice - inPrice) - inFee - outFee, 9);
    expect(r.metrics.feesPaid).toBeCloseTo(inFee + outFee, 12);
    expect(r.orders.map((o) => [o.id, o.status, o.placedStep, o.closedStep])).toEqual([
      ['o1', 'filled', 0, 1],
      ['o2', 'filled', 2, 3],
    ]);
  });

  it('the strategy sees cash, equity and position after the fill, marked at the close', () => {
    const seen: Array<[number, number, number]> = [];
    const strategy = scripted({
      0: [buy(10)],
      1: (ctx) => void seen.push([ctx.position('X'), ctx.averagePrice('X'), ctx.equity]),
    });
    runBacktest(strategy, {}, input([bars]));
    expect(seen).toEqual([[10, 102, 10_000 - 1020 + 1025]]);
  });

  it('an order decided on the last bar stays open', () => {
    const r = runBacktest(scripted({ 3: [buy(1)] }), {}, input([bars]));
    expect(r.fills).toHaveLength(0);
    expect(r.orders[0].status).toBe('open');
  });
});

describe('limit orders', () => {
  it('fill when the range reaches the limit, at the limit or at a better open; never slipped', () => {
    const bars = ohlc('X', [
      [0, 100, 101, 99, 100],
      [1, 99, 100, 98, 99], // low 98 > 97: buy limit 97 rests
      [2, 98, 99, 96.5, 97], // reaches 97: fills at 97
      [3, 95, 96, 94, 95], // opens below the buy limit 99: fills at the open 95
      [4, 95, 97, 94, 96], // high 97 >= sell limit 96.5: fills at 96.5
      [5, 96, 97, 95, 96], // opens above the sell limit 90: fills at the open 96
    ]);
    const strategy = scripted({ 0: [limit('buy', 1, 97)], 2: [limit('buy', 1, 99)], 3: [limit('sell', 1, 96.5)], 4: [limit('sell', 1, 90)] });
    const r = runBacktest(strategy, {}, input([bars], { slippageBps: 50 }));
    expect(r.fills.map((f) => [f.step, f.side, f.price])).toEqual([
      [2, 'buy', 97],
      [3, 'buy', 95],
      [4, 'sell', 96.5],
      [5, 'sell', 96],
    ]);
  });

  it('touching the limit is enough (low == limit)', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100],
      [1, 100, 101, 97, 98],
    ]);
    const r = runBacktest(scripted({ 0: [limit('buy', 1, 97)] }), {}, input([bars]));
    expect(r.fills.map((f) => f.price)).toEqual([97]);
  });
});

describe('stop orders', () => {
  it('trigger when the range reaches the stop, fill at the stop or at a gapped open, slipped', () => {
    const bars = ohlc('X', [
      [0, 100, 101, 99, 100],
      [1, 101, 104, 100, 103], // high 104 < buy stop 105: rests
      [2, 103, 106, 102, 105], // triggers at 105
      [3, 110, 111, 109, 110], // gapped above the buy stop 107: the open 110
      [4, 108, 109, 99, 100], // low 99 <= sell stop 100: 100
      [5, 95, 96, 94, 95], // gapped below the sell stop 105: the open 95
    ]);
    const strategy = scripted({ 0: [stop('buy', 1, 105)], 2: [stop('buy', 1, 107)], 3: [stop('sell', 1, 100)], 4: [stop('sell', 1, 105)] });
    const r = runBacktest(strategy, {}, input([bars], { slippageBps: 20 }));
    expect(r.fills.map((f) => [f.step, f.side, f.type, f.price])).toEqual([
      [2, 'buy', 'stop', 105 * 1.002],
      [3, 'buy', 'stop', 110 * 1.002],
      [4, 'sell', 'stop', 100 * 0.998],
      [5, 'sell', 'stop', 95 * 0.998],
    ]);
  });
});

describe('several orders on one bar', () => {
  it('fills at the open first, then stops, then limits (the adverse order), each group in placement order', () => {
    const bars = ohlc('X', [
      [0, 100, 100, 100, 100],
      [1, 100, 100, 100, 100],
      [2, 100, 106, 94, 100],
    ]);
    const strategy = scripted({
      0: [buy(2)],
      1: [limit('sell', 1, 105), stop('sell', 1, 95), limit('sell', 1, 99), stop('sell', 1, 101), buy(1)],
    });
    const r = runBacktest(strategy, {}, input([bars]));
    expect(r.fills.filter((f) => f.step === 2).map((f) => [f.orderId, f.type, f.price])).toEqual([
      ['o4', 'limit', 100], // sell limit 99: marketable at the open
      ['o5', 'stop', 100], // sell stop 101: the open is already through it
      ['o6', 'market', 100],
      ['o3', 'stop', 95],
      ['o2', 'limit', 105],
    ]);
    expect(r.positions['X']).toBe(-1); // no OCO: every order that can fill does
  });
});

describe('cancelling and resting', () => {
  it('limit and stop orders rest until filled or cancelled; the strategy sees them', () => {
    const views: Array<readonly unknown[]> = [];
    const strategy = scripted({
      0: [limit('buy', 1, 50), stop('buy', 1, 500)],
      2: (ctx) => {
        views.push(ctx.openOrders('X').map((o) => o.id), ctx.openOrders().map((o) => o.type));
        return [{ kind: 'cancel', orderId: 'o1' }, { kind: 'cancel', orderId: 'o1' }, { kind: 'cancel', orderId: 'nope' }];
      },
      3: (ctx) => {
        views.push(ctx.openOrders('X').map((o) => o.id));
        return [{ kind: 'cancel-all', symbol: 'X' }, { kind: 'cancel-all', symbol: 'Y' }];
      },
    });
    const r = runBacktest(strategy, {}, input([flat('X', 5)]));
    expect(views).toEqual([['o1', 'o2'], ['limit', 'stop'], ['o2']]);
    expect(r.orders.map((o) => [o.id, o.status, o.closedStep])).toEqual([
      ['o1', 'cancelled', 2],
      ['o2', 'cancelled', 3],
    ]);
    expect(r.rejections.map((x) => [x.step, x.reason])).toEqual([
      [2, 'order o1 is already cancelled'],
      [2, 'no order nope'],
      [3, 'unknown symbol Y'],
    ]);
  });
});

describe('targets and sizing', () => {
  it('target-quantity trades the difference, counting market orders already on their way', () => {
    const strategy = scripted({
      0: [{ kind: 'target-quantity', symbol: 'X', quantity: 5 }, { kind: 'target-quantity', symbol: 'X', quantity: 5 }],
      1: [{ kind: 'target-quantity', symbol: 'X', quantity: -3 }],
      2: [{ kind: 'target-quantity', symbol: 'X', quantity: -3 }],
    });
    const r = runBacktest(strategy, {}, input([flat('X', 4)]));
    expect(r.orders.map((o) => [o.side, o.quantity, o.source])).toEqual([
      ['buy', 5, 'target-quantity'],
      ['sell', 8, 'target-quantity'],
    ]);
    expect(r.positions['X']).toBe(-3);
  });

  it('target-percent sizes from equity at the close, rounded toward zero to the lot', () => {
    const run = (lotSize: number) =>
      runBacktest(scripted({ 0: [{ kind: 'target-percent', symbol: 'X', percent: 0.5 }] }), {}, input([flat('X', 2, 30)]), { lotSize });
    expect(run(1).fills[0].quantity).toBe(166);
    expect(run(0).fills[0].quantity).toBeCloseTo(5000 / 30, 12);
    expect(run(0.1).fills[0].quantity).toBeCloseTo(166.6, 12);
  });

  it('target-percent of a short and back to flat', () => {
    const strategy = scripted({
      0: [{ kind: 'target-percent', symbol: 'X', percent: -0.2 }],
      2: [{ kind: 'target-percent', symbol: 'X', percent: 0 }],
    });
    const r = runBacktest(strategy, {}, input([flat('X', 4, 100)]), { lotSize: 1 });
    expect(r.fills.map((f) => [f.side, f.quantity])).toEqual([
      ['sell', 20],
      ['buy', 20],
    ]);
    expect(r.trades[0]).toMatchObject({ direction: 'short', quantity: 20, grossPnl: 0 });
  });

  it('quantity 0 uses the defaultSizing option, or is refused without one', () => {
    const intents: OrderIntent[] = [buy(0), limit('buy', 0, 80)];
    const bars = flat('X', 3, 100);
    expect(runBacktest(scripted({ 0: intents }), {}, input([bars])).rejections.map((x) => x.reason)).toEqual([
      'quantity 0 and no defaultSizing option to size it',
      'quantity 0 and no defaultSizing option to size it',
    ]);
    const quantities = (defaultSizing: DefaultSizing) =>
      runBacktest(scripted({ 0: intents }), {}, input([bars]), { defaultSizing, lotSize: 1 }).orders.map((o) => o.quantity);
    expect(quantities({ kind: 'quantity', quantity: 3 })).toEqual([3, 3]);
    expect(quantities({ kind: 'notional', notional: 1000 })).toEqual([10, 12]); // 1000/100, 1000/80 = 12.5 → 12
    expect(quantities({ kind: 'percent-of-equity', percent: 0.25 })).toEqual([25, 31]); // 2500/100, 2500/80
  });

  it('refuses malformed intents with a reason', () => {
    const bad = [
      { kind: 'market', symbol: 'X', side: 'buy', quantity: -1 },
      { kind: 'limit', symbol: 'X', side: 'buy', quantity: 1, limitPrice: NaN },
      { kind: 'stop', symbol: 'X', side: 'hold', quantity: 1, stopPrice: 1 },
      { kind: 'target-percent', symbol: 'X', percent: Infinity },
      { kind: 'market', symbol: 'Y', side: 'buy', quantity: 1 },
      { kind: 'teleport', symbol: 'X' },
    ] as unknown as OrderIntent[];
    const r = runBacktest(scripted({ 0: bad }), {}, input([flat('X', 2)]));
    expect(r.rejections.map((x) => x.reason)).toEqual([
      'quantity must be a finite number >= 0, got -1',
      'limit price must be a finite number > 0, got NaN',
      'side must be buy or sell, got hold',
      'target percent must be finite, got Infinity',
      'unknown symbol Y',
      'unknown intent kind teleport',
    ]);
    expect(r.orders).toHaveLength(0);
  });
});

describe('round-trip trades', () => {
  it('scaling in and out, and a reversal that splits its fill and fee between two trades', () => {
    const strategy = scripted({ 0: [buy(10)], 1: [buy(10)], 2: [sell(5)], 3: [sell(20)], 4: [buy(5)] });
    const r = runBacktest(strategy, {}, input([prices(100, 100, 110, 120, 130, 125, 125)], { feesBps: 10 }));
    expect(r.trades).toHaveLength(2);
    const [long, short] = r.trades;
    expect(long).toMatchObject({ direction: 'long', quantity: 20, entryStep: 1, exitStep: 4, entryPrice: 105, exitPrice: 127.5, steps: 3, open: false });
    expect(long.grossPnl).toBeCloseTo(450, 10);
    expect(long.fees).toBeCloseTo(1 + 1.1 + 0.6 + 1.95, 12);
    expect(long.netPnl).toBeCloseTo(450 - 4.65, 10);
    expect(short).toMatchObject({ direction: 'short', quantity: 5, entryStep: 4, exitStep: 5, entryPrice: 130, exitPrice: 125 });
    expect(short.grossPnl).toBeCloseTo(25, 10);
    expect(short.fees).toBeCloseTo(0.65 + 0.625, 12);
    expect(r.cash).toBeCloseTo(10_000 + 450 + 25 - 4.65 - 1.275, 9);
    expect(r.metrics.finalEquity).toBeCloseTo(r.cash, 9);
  });

  it('a position still open at the end is an open trade marked at the last close', () => {
    const r = runBacktest(scripted({ 0: [buy(2)] }), {}, input([prices(100, 100, 104, 107)], { feeFixed: 1 }));
    expect(r.trades).toHaveLength(0);
    expect(r.openTrades).toEqual([
      {
        symbol: 'X',
        direction: 'long',
        quantity: 2,
        entryStep: 1,
        entryTime: 1,
        entryPrice: 100,
        exitStep: -1,
        exitTime: NaN,
        exitPrice: NaN,
        grossPnl: 14,
        fees: 1,
        netPnl: 13,
        steps: 2,
        open: true,
      },
    ]);
  });
});

describe('no look-ahead in fills', () => {
  it('over random orders on random bars, no order fills on the bar it was decided on, and fills respect the bar', () => {
    const bars = walkBars('X', 600, 11);
    let seed = 5;
    const rnd = () => ((seed = (Math.imul(seed, 48271) + 11) >>> 0) / 4294967296);
    const strategy = scripted(
      Object.fromEntries(
        Array.from({ length: 600 }, (_, t) => [
          t,
          (ctx: StrategyContext): OrderIntent[] => {
            const c = ctx.series('X')!.close();
            const side = rnd() < 0.5 ? 'buy' : 'sell';
            const k = rnd();
            if (k < 0.3) return [{ kind: 'market', symbol: 'X', side, quantity: 1 }];
            if (k < 0.6) return [{ kind: 'limit', symbol: 'X', side, quantity: 1, limitPrice: c * (1 + (rnd() - 0.5) * 0.03) }];
            if (k < 0.9) return [{ kind: 'stop', symbol: 'X', side, quantity: 1, stopPrice: c * (1 + (rnd() - 0.5) * 0.03) }];
            return [{ kind: 'cancel-all' }];
          },
        ]),
      ),
    );
    const r = runBacktest(strategy, {}, input([bars], { slippageBps: 0 }));
    expect(r.fills.length).toBeGreaterThan(300);
    const byId = new Map(r.orders.map((o) => [o.id, o]));
    for (const f of r.fills) {
      const o = byId.get(f.orderId)!;
      expect(f.step).toBeGreaterThan(o.placedStep);
      expect(f.price).toBeGreaterThanOrEqual(bars.low[f.step]);
      expect(f.price).toBeLessThanOrEqual(bars.high[f.step]);
      if (o.type === 'market') expect([f.step, f.price]).toEqual([o.placedStep + 1, bars.open[f.step]]);
      if (o.type === 'limit') expect(o.side === 'buy' ? f.price <= o.limitPrice! : f.price >= o.limitPrice!).toBe(true);
    }
  });
});

describe('input validation', () => {
  const good = flat('X', 3);
  it.each([
    ['no symbols', input([]), 'backtest input: at least one symbol is needed'],
    ['duplicate symbols', input([good, good]), 'backtest input: symbol X appears twice'],
    ['unequal columns', input([{ ...good, close: new Float64Array(2) }]), 'backtest input: X.close has 2 values but X.time has 3'],
    ['times not increasing', input([{ ...good, time: Float64Array.of(0, 2, 2) }]), 'backtest input: X bar 2: time 2 is not after 2'],
    ['close above high', input([{ ...good, close: Float64Array.of(100, 101, 100) }]), 'backtest input: X bar 1: open 100 and close 101 must lie within low 100 and high 100'],
    ['NaN price', input([{ ...good, open: Float64Array.of(100, NaN, 100) }]), 'backtest input: X bar 1: prices must be finite (open NaN, high 100, low 100, close 100)'],
    ['no cash', input([good], { initialCash: 0 }), 'backtest input: initialCash must be a finite number > 0, got 0'],
    ['negative fees', input([good], { feesBps: -1 }), 'backtest input: feesBps must be a finite number >= 0, got -1'],
  ])('refuses %s', (_name, bad, message) => {
    expect(() => runBacktest(scripted({}), {}, bad)).toThrow(message);
  });
});
