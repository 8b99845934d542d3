import { checkExpression } from './checker';
import type { ValueType } from './functions';
import { parseExpression } from './parser';

const PARAMS = { fast: 10, slow: 30, level: 0.5, half: 2.5 };

function check(source: string, expected: ValueType | undefined = 'boolean') {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`did not parse: ${parsed.errors[0].message}`);
  return checkExpression(parsed.expr, { source, params: PARAMS }, expected);
}

function messages(source: string, expected: ValueType | undefined = 'boolean'): string[] {
  return check(source, expected).errors.map((e) => e.message);
}

describe('checkExpression', () => {
  it('accepts well-typed conditions and gives their type', () => {
    for (const ok of [
      'crossAbove(sma(close, 10), sma(close, 30))',
      'crossBelow(ema(close, $fast), ema(close, $slow))',
      'rsi(close, 14) < 30 and close > bbLower(close, 20, 2)',
      'not (macdHist(close, 12, 26, 9) > 0) or stochK(14) < 20',
      'atr(14) / close > 0.01 and donchianHigh(20) > prev(donchianHigh(20), 1)',
      'stdev(roc(close, 1), 20) < $level and highest(high, 5) - lowest(low, 5) > 0',
      'prev(close > open, 2) == (close > open)',
      'bbUpper(close, 20, -$level) > bbMiddle(close, 20) and stochD(14, 3) > 50',
      'abs(close - wma(close, 10)) > max(atr(14), min(1, 2))',
      'macd(close, 12, 26, 9) > macdSignal(close, 12, 26, 9)',
    ]) {
      expect({ ok, errors: messages(ok) }).toEqual({ ok, errors: [] });
      expect(check(ok).type).toBe('boolean');
    }
    expect(check('sma(close, 10) - ema(close, 10)', 'number').type).toBe('number');
  });

  it('reports a wrong number of arguments at the function name', () => {
    const result = check('close > sma(close)');
    expect(result.errors).toEqual([
      { position: { offset: 8, line: 1, column: 9 }, message: 'sma expects (series, period) but got 1 argument at 1:9' },
    ]);
    expect(messages('macd(close) > 0')).toEqual(['macd expects (series, fast, slow, signal) but got 1 argument at 1:1']);
    expect(messages('atr() > 0')).toEqual(['atr expects (period) but got 0 arguments at 1:1']);
  });

  it('requires periods to be positive integer constants or integer params', () => {
    expect(messages('sma(close, 0) > 1')).toEqual(['sma: period must be a positive integer but got 0 at 1:12']);
    expect(messages('sma(close, 2.5) > 1')).toEqual(['sma: period must be a positive integer but got 2.5 at 1:12']);
    expect(messages('sma(close, close) > 1')).toEqual([
      'sma: period must be a positive integer constant or a $param, not an expression that changes per bar at 1:12',
    ]);
    expect(messages('sma(close, $half) > 1')).toEqual(['sma: period must be a positive integer but $half defaults to 2.5 at 1:12']);
    expect(messages('stdev(close, 1) > 1')).toEqual(['stdev: period must be an integer >= 2 but got 1 at 1:14']);
    expect(messages('sma(close, -5) > 1')).toEqual(['sma: period must be a positive integer but got -5 at 1:12']);
    expect(messages('bbUpper(close, 20, close) > 1')).toEqual([
      'bbUpper: k must be a number constant or a $param, not an expression that changes per bar at 1:20',
    ]);
  });

  it('reports booleans where numbers belong and numbers where booleans belong', () => {
    expect(messages('(close > open) + 1 > 0')).toEqual(["'+' expects numbers but the left side is a boolean at 1:16"]);
    expect(messages('close and open')).toEqual([
      "'and' expects booleans but the left side is a number at 1:7",
      "'and' expects booleans but the right side is a number at 1:7",
    ]);
    expect(messages('not close')).toEqual(["'not' expects a boolean but got a number at 1:1"]);
    expect(messages('-(close > open)')).toEqual(["'-' expects a number but got a boolean at 1:1"]);
    expect(messages('(close > open) == 1')).toEqual(["'==' compares values of one type but got a boolean and a number at 1:16"]);
    expect(messages('sma(close > open, 3) > 0')).toEqual(['sma: series must be a number series but got a boolean at 1:5']);
    expect(messages('crossAbove(close > open, close)')).toEqual(['crossAbove: a must be a number series but got a boolean at 1:12']);
  });

  it('requires a condition for entry and exit', () => {
    expect(check('sma(close, 10)').errors).toEqual([
      {
        position: { offset: 0, line: 1, column: 1 },
        message: 'expected a condition (true/false), e.g. close > sma(close, 20) but this expression is a number at 1:1',
      },
    ]);
  });

  it('reports unknown functions (with a suggestion) and undeclared params', () => {
    expect(messages('smaa(close, 10) > 0')).toEqual(["unknown function 'smaa' (did you mean sma?) at 1:1"]);
    expect(messages('foo(close) > 0')).toEqual(["unknown function 'foo' at 1:1"]);
    expect(messages('close > $missing')).toEqual(['unknown parameter $missing (declared: $fast, $slow, $level, $half) at 1:9']);
    const parsed = parseExpression('close > $x');
    if (!parsed.ok) throw new Error('parse');
    expect(checkExpression(parsed.expr, { source: 'close > $x', params: {} }).errors[0].message).toBe(
      'unknown parameter $x (declare it under "params") at 1:9',
    );
  });

  it('reports every independent error, each at its place', () => {
    const result = check('sma(close) > 1 and rsi(close, 0) > 2 and $nope > 3');
    expect(result.errors.map((e) => e.position.column)).toEqual([1, 31, 42]);
    expect(result.type).toBeNull();
  });
});
