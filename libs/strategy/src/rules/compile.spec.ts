import {
  atr,
  bollinger,
  donchian,
  ema,
  macd,
  roc,
  rsi,
  runMax,
  runMin,
  runSD,
  sma,
  stochastic,
  wma,
} from '@meridian/indicators';
import type { OrderIntent } from '../sdk';
import { ruleProgram } from './compile';
import { parseRuleStrategy, ruleSignals, type RuleStrategy } from './index';
import { parseExpression } from './parser';
import { evaluateExpression } from './signals';
import { randomBars, runOnBars, type Bars } from './spec-helpers';

type MarketIntent = Extract<OrderIntent, { kind: 'market' }>;

const BARS = randomBars(400, 42);

function exprOf(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.errors[0].message);
  return parsed.expr;
}

function ruleOf(json: Record<string, unknown>): RuleStrategy {
  const result = parseRuleStrategy({ name: 't', symbols: ['X'], side: 'long', sizing: { type: 'quantity', value: 1 }, ...json });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.rule;
}

/** Equal to 1e-9 relative, NaN exactly where the reference has NaN. */
function expectSameSeries(actual: Float64Array, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i];
    if (Number.isNaN(e)) {
      if (!Number.isNaN(actual[i])) throw new Error(`index ${i}: expected NaN, got ${actual[i]}`);
    } else if (!(Math.abs(actual[i] - e) <= 1e-9 * Math.max(1, Math.abs(e)))) {
      throw new Error(`index ${i}: expected ${e}, got ${actual[i]}`);
    }
  }
}

function firstDefined(x: Float64Array): number {
  let i = 0;
  while (i < x.length && Number.isNaN(x[i])) i++;
  return i;
}

describe('compiled expressions equal the batch indicators of libs/indicators', () => {
  const hlc = { high: BARS.high, low: BARS.low, close: BARS.close };
  const hl = { high: BARS.high, low: BARS.low };
  const diff = BARS.close.map((c, i) => c - BARS.open[i]);
  const cases: Array<[string, ArrayLike<number>]> = [
    ['sma(close, 10)', sma(BARS.close, 10)],
    ['ema(close, 12)', ema(BARS.close, 12)],
    ['wma(high, 7)', wma(BARS.high, 7)],
    ['rsi(close, 14)', rsi(BARS.close, 14)],
    ['roc(close, 5)', roc(BARS.close, 5, { type: 'discrete' })],
    ['stdev(close, 20)', runSD(BARS.close, 20)],
    ['highest(high, 15)', runMax(BARS.high, 15)],
    ['lowest(low, 15)', runMin(BARS.low, 15)],
    ['bbUpper(close, 20, 2)', bollinger(BARS.close, { period: 20, k: 2 }).upper],
    ['bbMiddle(close, 20)', bollinger(BARS.close, { period: 20 }).middle],
    ['bbLower(close, 20, 1.5)', bollinger(BARS.close, { period: 20, k: 1.5 }).lower],
    ['macd(close, 12, 26, 9)', macd(BARS.close).macd],
    ['macdSignal(close, 12, 26, 9)', macd(BARS.close).signal],
    ['macdHist(close, 5, 35, 5)', macd(BARS.close, { fast: 5, slow: 35, signal: 5 }).histogram],
    ['atr(14)', atr(hlc, 14).atr],
    ['donchianHigh(20)', donchian(hl, { period: 20 }).high],
    ['donchianLow(20)', donchian(hl, { period: 20 }).low],
    ['stochK(14)', stochastic(hlc, { fastK: 14 }).fastK.map((v) => 100 * v)],
    ['stochD(14, 3)', stochastic(hlc, { fastK: 14, fastD: 3 }).fastD.map((v) => 100 * v)],
    ['sma(ema(close, 5), 3)', sma(ema(BARS.close, 5), 3)],
    ['ema(close - open, 4)', ema(diff, 4)],
    ['sma(rsi(close, 14), 5)', sma(rsi(BARS.close, 14), 5)],
    ['prev(sma(close, 10), 3)', [NaN, NaN, NaN, ...sma(BARS.close, 10).slice(0, -3)]],
  ];

  it.each(cases)('%s', (source, expected) => {
    const expr = exprOf(source);
    const values = evaluateExpression(expr, BARS);
    expectSameSeries(values, expected);
  });

  it.each(cases)('warm-up of %s is its first defined bar', (source) => {
    const rule = ruleOf({ entry: `${source} > 0`, exit: 'close < 0' });
    const values = evaluateExpression(exprOf(source), BARS);
    const program = ruleProgram(rule);
    expect(program.warmups[program.roots[0]]).toBe(firstDefined(values));
  });
});

describe('the compiled strategy', () => {
  const crossover = ruleOf({
    entry: 'crossAbove(sma(close, 10), sma(close, 30))',
    exit: 'crossBelow(sma(close, 10), sma(close, 30))',
  });

  /** Entry and exit bars from the batch SMAs, with a one-position state machine. */
  function batchDecisions(bars: Bars): { entries: number[]; exits: number[] } {
    const fast = sma(bars.close, 10);
    const slow = sma(bars.close, 30);
    const entries: number[] = [];
    const exits: number[] = [];
    let long = false;
    for (let i = 1; i < bars.close.length; i++) {
      const up = fast[i] > slow[i] && fast[i - 1] <= slow[i - 1];
      const down = fast[i] < slow[i] && fast[i - 1] >= slow[i - 1];
      if (!long && up) {
        entries.push(i);
        long = true;
      } else if (long && down) {
        exits.push(i);
        long = false;
      }
    }
    return { entries, exits };
  }

  it.each([42, 7, 2024])('decides on the same bars as crossAbove/crossBelow of the batch SMAs (seed %i)', (seed) => {
    const bars = randomBars(600, seed);
    const { intents } = runOnBars(compileDefinition(crossover).create({}), 'X', bars);
    const markets = intents.filter((e) => e.intent.kind === 'market') as Array<{ bar: number; intent: MarketIntent }>;
    const expected = batchDecisions(bars);
    expect(expected.entries.length).toBeGreaterThan(3);
    expect(markets.filter((m) => m.intent.tag === 'rule:entry').map((m) => m.bar)).toEqual(expected.entries);
    expect(markets.filter((m) => m.intent.tag === 'rule:exit').map((m) => m.bar)).toEqual(expected.exits);
    for (const m of markets) expect(m.intent.side).toBe(m.intent.tag === 'rule:entry' ? 'buy' : 'sell');
  });

  it('signals equal the batch crossings bar for bar, and no decision comes before the warm-up', () => {
    const signals = ruleSignals(crossover, BARS);
    const fast = sma(BARS.close, 10);
    const slow = sma(BARS.close, 30);
    for (let i = 0; i < BARS.close.length; i++) {
      const up = i > 0 && fast[i] > slow[i] && fast[i - 1] <= slow[i - 1];
      expect(signals.entry[i]).toBe(up ? 1 : 0);
    }
    expect(signals.warmup).toBe(30);
    expect(signals.entry.slice(0, 30).every((x) => x === 0)).toBe(true);
  });

  it('computes each distinct sub-expression once: entry and exit share their SMAs', () => {
    const program = ruleProgram(crossover);
    // close, sma10, sma30, crossAbove, crossBelow
    expect(program.nodeCount).toBe(5);
    const withParams = ruleOf({
      entry: 'crossAbove(sma(close, $fast), sma(close, 30)) and sma(close, 10) > 1 + 1',
      exit: 'bbUpper(close, 20, 2) < close or bbLower(close, 20, 2) > close or bbMiddle(close, 20) > close',
      params: { fast: 10 },
    });
    // close, sma10, sma30, crossAbove, sma10 > 2, and, bollinger (one stream, three outputs), three comparisons, two ors
    expect(ruleProgram(withParams).nodeCount).toBe(12);
  });

  it('treats a warm-up as unknown, also under not: no entry before the indicators are ready', () => {
    const rule = ruleOf({ entry: 'not (sma(close, 50) > 1000000)', exit: 'close < 0' });
    const signals = ruleSignals(rule, BARS);
    expect(Array.from(signals.entry.slice(0, 49))).toEqual(new Array(49).fill(0));
    expect(signals.entry[49]).toBe(1);
    const either = ruleSignals(ruleOf({ entry: 'sma(close, 50) > 0 or close > 0', exit: 'close < 0' }), BARS);
    expect(either.entry[0]).toBe(1); // true or unknown = true
  });

  it('restarts an indicator after a gap in its input instead of failing', () => {
    const bars = randomBars(60, 3);
    for (const i of [20, 21]) bars.open[i] = bars.close[i]; // close - open = 0 → division by zero → NaN
    const values = evaluateExpression(exprOf('sma(1 / (close - open), 3)'), bars);
    expect(values[20]).toBeNaN();
    expect(values[21]).toBeNaN();
    expect(values[22]).toBeNaN(); // warming up again: 2 of 3 values
    expect(values[23]).toBeNaN();
    const expected = (1 / (bars.close[22] - bars.open[22]) + 1 / (bars.close[23] - bars.open[23]) + 1 / (bars.close[24] - bars.open[24])) / 3;
    expect(values[24]).toBeCloseTo(expected, 12);
  });

  it('sizes entries by quantity, notional or fraction of equity', () => {
    const bars = randomBars(300, 42);
    const firstEntry = (sizing: Record<string, unknown>) => {
      const rule = ruleOf({ ...jsonOf(crossover), sizing });
      const { intents } = runOnBars(compileDefinition(rule).create({}), 'X', bars, 50_000);
      return intents.find((e) => e.intent.kind === 'market') as { bar: number; intent: MarketIntent };
    };
    const byQuantity = firstEntry({ type: 'quantity', value: 3 });
    expect(byQuantity.intent.quantity).toBe(3);
    const byNotional = firstEntry({ type: 'notional', value: 1000 });
    expect(byNotional.intent.quantity).toBeCloseTo(1000 / bars.close[byNotional.bar], 12);
    const byEquity = firstEntry({ type: 'percentEquity', value: 0.5 });
    expect(byEquity.intent.quantity).toBeCloseTo((0.5 * 50_000) / bars.close[byEquity.bar], 12);
  });

  it('goes short with side "short" and covers on exit', () => {
    const rule = ruleOf({ ...jsonOf(crossover), side: 'short', entry: jsonOf(crossover).exit, exit: jsonOf(crossover).entry });
    const { intents, fills } = runOnBars(compileDefinition(rule).create({}), 'X', randomBars(600, 42));
    const markets = intents.filter((e) => e.intent.kind === 'market').map((e) => e.intent as MarketIntent);
    expect(markets.length).toBeGreaterThan(2);
    markets.forEach((m, i) => expect([m.tag, m.side]).toEqual(i % 2 === 0 ? ['rule:entry', 'sell'] : ['rule:exit', 'buy']));
    expect(fills[0].side).toBe('sell');
  });

  it('places the stop-loss and take-profit once the entry has filled, and cancels them on exit', () => {
    const bars = randomBars(600, 42);
    const rule = ruleOf({ ...jsonOf(crossover), stopLoss: { type: 'percent', value: 0.5 }, takeProfit: { type: 'percent', value: 0.9 } });
    const { intents, fills } = runOnBars(compileDefinition(rule).create({}), 'X', bars);
    const entry = intents.find((e) => e.intent.kind === 'market')!;
    const entryFill = fills[0];
    expect(entryFill.bar).toBe(entry.bar + 1);
    const protective = intents.filter((e) => e.intent.kind === 'stop' || e.intent.kind === 'limit');
    expect(protective.slice(0, 2)).toEqual([
      { bar: entry.bar + 1, intent: { kind: 'stop', symbol: 'X', side: 'sell', quantity: 1, stopPrice: entryFill.price * 0.5, tag: 'rule:stop-loss' } },
      { bar: entry.bar + 1, intent: { kind: 'limit', symbol: 'X', side: 'sell', quantity: 1, limitPrice: entryFill.price * 1.9, tag: 'rule:take-profit' } },
    ]);
    // Placed once per position, not again every bar.
    const firstExit = intents.find((e) => e.intent.kind === 'market' && e.intent.tag === 'rule:exit')!;
    expect(protective.filter((e) => e.bar > entry.bar && e.bar <= firstExit.bar)).toHaveLength(2);
    // The exit cancels both before closing.
    const atExit = intents.filter((e) => e.bar === firstExit.bar).map((e) => e.intent.kind);
    expect(atExit).toEqual(['cancel', 'cancel', 'market']);
  });

  it('lets a stop order close the position, then cancels the take-profit left behind', () => {
    const bars = randomBars(600, 42, 100, 0.03);
    const rule = ruleOf({ ...jsonOf(crossover), stopLoss: { type: 'percent', value: 0.03 }, takeProfit: { type: 'percent', value: 0.5 } });
    const { intents, fills } = runOnBars(compileDefinition(rule).create({}), 'X', bars);
    const stopFills = fills.filter((f) => f.type === 'stop');
    expect(stopFills.length).toBeGreaterThan(0);
    for (const f of stopFills) {
      expect(f.side).toBe('sell');
      const cancels = intents.filter((e) => e.bar === f.bar && e.intent.kind === 'cancel');
      expect(cancels).toHaveLength(1); // the take-profit
    }
  });

  it('closes at market when the close is already beyond the stop on the bar the position is first seen', () => {
    const bars = randomBars(600, 42, 100, 0.03);
    const rule = ruleOf({ ...jsonOf(crossover), stopLoss: { type: 'percent', value: 0.001 } });
    const { intents, fills } = runOnBars(compileDefinition(rule).create({}), 'X', bars);
    const entryFill = fills[0];
    const next = intents.find((e) => e.bar === entryFill.bar)!;
    const beyond = bars.close[entryFill.bar] <= entryFill.price * 0.999;
    expect(next.intent).toEqual(
      beyond
        ? { kind: 'market', symbol: 'X', side: 'sell', quantity: 1, tag: 'rule:stop-loss' }
        : { kind: 'stop', symbol: 'X', side: 'sell', quantity: 1, stopPrice: entryFill.price * 0.999, tag: 'rule:stop-loss' },
    );
    expect(intents.some((e) => e.intent.kind === 'market' && e.intent.tag === 'rule:stop-loss')).toBe(true);
  });
});

function compileDefinition(rule: RuleStrategy) {
  const result = parseRuleStrategy(jsonOf(rule));
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.definition;
}

/** The JSON a checked rule came from (enough of it to parse again). */
function jsonOf(rule: RuleStrategy): Record<string, unknown> {
  return {
    name: rule.name,
    symbols: rule.symbols,
    side: rule.side,
    entry: rule.entry.source,
    ...(rule.exit !== undefined ? { exit: rule.exit.source } : {}),
    sizing: rule.sizing,
    ...(rule.stopLoss !== undefined ? { stopLoss: rule.stopLoss } : {}),
    ...(rule.takeProfit !== undefined ? { takeProfit: rule.takeProfit } : {}),
    params: Object.fromEntries(Object.entries(rule.params).map(([k, p]) => [k, { default: p.default, min: p.min, max: p.max }])),
  };
}
