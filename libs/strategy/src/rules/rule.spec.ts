import { describeRule, parseRuleStrategy } from './index';
import { seededRandom } from './spec-helpers';

const CROSSOVER = {
  name: 'SMA crossover',
  symbols: ['R_100'],
  entry: 'crossAbove(sma(close,$fast), sma(close,30))',
  exit: 'crossBelow(sma(close,$fast), sma(close,30))',
  side: 'long',
  sizing: { type: 'percentEquity', value: 0.5 },
  stopLoss: { type: 'percent', value: 0.02 },
  params: { fast: 10 },
};

function errorsOf(json: unknown) {
  const result = parseRuleStrategy(json);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseRuleStrategy', () => {
  it('returns the checked rule and a strategy definition', () => {
    const result = parseRuleStrategy(CROSSOVER);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rule).toMatchObject({
      id: 'rule:sma-crossover',
      name: 'SMA crossover',
      symbols: ['R_100'],
      side: 'long',
      sizing: { type: 'percentEquity', value: 0.5 },
      stopLoss: { type: 'percent', value: 0.02 },
      params: { fast: { type: 'integer', default: 10, min: 1, max: 40, description: '$fast' } },
    });
    expect(result.rule.entry.source).toBe(CROSSOVER.entry);
    const { definition } = result;
    expect(definition.id).toBe('rule:sma-crossover');
    expect(definition.params).toEqual({ fast: { type: 'integer', default: 10, min: 1, max: 40, description: '$fast' } });
    expect(definition.warmup({})).toBe(30); // first decision on bar index 30: both SMAs defined on bars 29 and 30
    expect(definition.warmup({ fast: 40 })).toBe(40);
    expect(definition.description).toBe(describeRule(result.rule));
  });

  it('prints the rule back in canonical form', () => {
    const result = parseRuleStrategy({ ...CROSSOVER, symbols: ['R_100', 'R_50'], takeProfit: { type: 'points', value: 1.5 }, sizing: { type: 'quantity', value: 2 } });
    if (!result.ok) throw new Error(result.errors[0].message);
    expect(describeRule(result.rule)).toBe(
      [
        'long R_100, R_50',
        'entry: crossAbove(sma(close, $fast), sma(close, 30))',
        'exit: crossBelow(sma(close, $fast), sma(close, 30))',
        'size: 2 units',
        'stop-loss: 2 % from entry',
        'take-profit: 1.5 points from entry',
        'params: $fast = 10 (integer, 1..40)',
      ].join('\n'),
    );
    expect(describeRule(result.rule.entry.ast)).toBe('crossAbove(sma(close, $fast), sma(close, 30))');
  });

  it('reports expression errors with the field path and the position inside the expression', () => {
    expect(errorsOf({ ...CROSSOVER, entry: 'crossAbove(sma(close,10), sma(close,30)' })).toEqual([
      {
        path: 'entry',
        position: { offset: 39, line: 1, column: 40 },
        message: "expected ')' to close the call of crossAbove but found the end of the expression at 1:40",
      },
    ]);
    expect(errorsOf({ ...CROSSOVER, exit: 'sma(close, $slow)' })).toEqual([
      { path: 'exit', position: { offset: 11, line: 1, column: 12 }, message: 'unknown parameter $slow (declared: $fast) at 1:12' },
    ]);
    expect(errorsOf({ ...CROSSOVER, exit: 'sma(close, 5)' })[0]).toMatchObject({ path: 'exit', position: { offset: 0 } });
  });

  it('reports every field problem at once, each with its path', () => {
    const errors = errorsOf({
      name: '',
      symbols: ['R_100', 'R_100', 3],
      side: 'up',
      entry: 42,
      sizing: { type: 'percentEquity', value: 1.5, extra: true },
      stopLoss: { type: 'percent', value: 2 },
      takeProfit: { type: 'ticks', value: -1 },
      params: { fast: 'ten', '1bad': 3, slow: { default: 50, min: 60, max: 100 }, k: { default: 2, colour: 'red' } },
      colour: 'blue',
    });
    expect(errors.map((e) => e.path)).toEqual([
      'colour',
      'name',
      'symbols.1',
      'symbols.2',
      'side',
      'sizing.value',
      'sizing.extra',
      'stopLoss.value',
      'takeProfit.type',
      'takeProfit.value',
      'params.fast',
      'params.1bad',
      'params.slow',
      'params.k.colour',
      'entry',
    ]);
    expect(errors.find((e) => e.path === 'sizing.value')?.message).toBe(
      'percentEquity is a fraction of equity: expected a number in (0, 1], e.g. 0.5 for half',
    );
    expect(errors.find((e) => e.path === 'params.slow')?.message).toBe('default 50 is outside [60, 100]');
  });

  it('needs an exit condition unless a stop-loss or take-profit closes the position', () => {
    const { exit: _exit, stopLoss: _stop, ...noExit } = CROSSOVER;
    expect(errorsOf(noExit)).toEqual([{ path: 'exit', message: 'expected an exit condition (or a stopLoss / takeProfit to close positions)' }]);
    expect(parseRuleStrategy({ ...noExit, takeProfit: { type: 'percent', value: 0.05 } }).ok).toBe(true);
  });

  it('accepts full parameter declarations and checks periods against their defaults', () => {
    const ok = parseRuleStrategy({
      ...CROSSOVER,
      entry: 'crossAbove(sma(close, $fast), sma(close, $slow)) and rsi(close, 14) < $rsiMax',
      params: { fast: { default: 5, min: 2, max: 20, step: 1, description: 'fast SMA' }, slow: 30, rsiMax: { default: 70.5 } },
    });
    if (!ok.ok) throw new Error(ok.errors[0].message);
    expect(ok.rule.params.rsiMax).toEqual({ type: 'number', default: 70.5, min: 0, max: 282, description: '$rsiMax' });
    expect(ok.definition.params.fast).toEqual({ type: 'integer', default: 5, min: 2, max: 20, step: 1, description: 'fast SMA' });
    expect(errorsOf({ ...CROSSOVER, params: { fast: 2.5 } })).toEqual([
      { path: 'entry', position: { offset: 21, line: 1, column: 22 }, message: 'sma: period must be a positive integer but $fast defaults to 2.5 at 1:22' },
      { path: 'exit', position: { offset: 21, line: 1, column: 22 }, message: 'sma: period must be a positive integer but $fast defaults to 2.5 at 1:22' },
    ]);
  });

  it('refuses parameter values outside their declaration when a strategy is created', () => {
    const result = parseRuleStrategy(CROSSOVER);
    if (!result.ok) throw new Error('parse');
    expect(() => result.definition.create({ fast: 3.5 })).toThrow('parameter fast must be an integer, got 3.5');
    expect(() => result.definition.create({ fast: 100 })).toThrow('parameter fast must be in [1, 40], got 100');
    expect(() => result.definition.create({ fats: 5 })).toThrow("unknown parameter 'fats' (the rule declares fast)");
    expect(() => result.definition.create({ fast: 'x' })).toThrow('parameter fast must be a finite number, got x');
  });

  it('never throws on random documents', () => {
    const random = seededRandom(2024);
    const values: unknown[] = [null, 0, -1, 1.5, 'x', '', true, [], {}, ['R_100'], 'close > open', 'sma(close,', { type: 'quantity', value: 1 }, { type: 'percent', value: 0.1 }, { fast: 10 }, { fast: { default: 0 } }];
    const keys = ['name', 'symbols', 'side', 'entry', 'exit', 'sizing', 'stopLoss', 'takeProfit', 'params', 'id', 'description', 'x'];
    for (let i = 0; i < 5000; i++) {
      const doc: Record<string, unknown> = { ...CROSSOVER };
      for (let j = 0; j < 3; j++) doc[keys[Math.floor(random() * keys.length)]] = values[Math.floor(random() * values.length)];
      const result = parseRuleStrategy(random() < 0.05 ? values[Math.floor(random() * values.length)] : doc);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });
});
