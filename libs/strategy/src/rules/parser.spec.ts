import type { Expr } from './ast';
import { parseExpression } from './parser';
import { printExpression } from './printer';
import { seededRandom, withoutSpans } from './spec-helpers';

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`did not parse: ${result.errors[0].message}`);
  return result.expr;
}

function errorOf(source: string): { message: string; offset: number; line: number; column: number } {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`parsed but should not: ${source}`);
  const [e] = result.errors;
  return { message: e.message, ...e.position };
}

describe('parseExpression: trees', () => {
  it('builds calls, fields, params and numbers with source spans', () => {
    const expr = parse('crossAbove(sma(close, $fast), 30.5)');
    expect(expr).toEqual({
      kind: 'call',
      callee: 'crossAbove',
      calleeSpan: { start: 0, end: 10 },
      span: { start: 0, end: 35 },
      args: [
        {
          kind: 'call',
          callee: 'sma',
          calleeSpan: { start: 11, end: 14 },
          span: { start: 11, end: 28 },
          args: [
            { kind: 'field', field: 'close', span: { start: 15, end: 20 } },
            { kind: 'param', name: 'fast', span: { start: 22, end: 27 } },
          ],
        },
        { kind: 'number', value: 30.5, span: { start: 30, end: 34 } },
      ],
    });
  });

  it('gives * and / precedence over + and -, and groups left to right', () => {
    expect(printExpression(parse('1 + 2 * 3 - 4 / 5'))).toBe('1 + 2 * 3 - 4 / 5');
    expect(withoutSpans(parse('a - b - c'.replace(/[abc]/g, 'close')))).toEqual(withoutSpans(parse('(close - close) - close')));
    expect(withoutSpans(parse('1 - 2 - 3'))).toEqual({
      kind: 'binary',
      operator: '-',
      left: { kind: 'binary', operator: '-', left: { kind: 'number', value: 1 }, right: { kind: 'number', value: 2 } },
      right: { kind: 'number', value: 3 },
    });
  });

  it('binds comparison tighter than not, not tighter than and, and tighter than or', () => {
    const tree = withoutSpans(parse('not close > open and volume > 0 or high == low'));
    expect(tree).toEqual(
      withoutSpans(parse('((not (close > open)) and (volume > 0)) or (high == low)')),
    );
  });

  it('reads unary minus, exponents and leading-dot numbers', () => {
    expect(withoutSpans(parse('-close * 2'))).toEqual({
      kind: 'binary',
      operator: '*',
      left: { kind: 'unary', operator: '-', operand: { kind: 'field', field: 'close' } },
      right: { kind: 'number', value: 2 },
    });
    expect(withoutSpans(parse('1.5e-3 + .25'))).toEqual({
      kind: 'binary',
      operator: '+',
      left: { kind: 'number', value: 0.0015 },
      right: { kind: 'number', value: 0.25 },
    });
  });

  it('accepts whitespace and new lines anywhere between tokens', () => {
    expect(printExpression(parse('\n  sma( close ,\t10 )\r\n>  ema(close,20)  '))).toBe('sma(close, 10) > ema(close, 20)');
  });
});

describe('printExpression: canonical form and round trip', () => {
  const cases: Array<[string, string]> = [
    ['crossAbove(sma(close,10), sma(close,30))', 'crossAbove(sma(close, 10), sma(close, 30))'],
    ['(close - open) / (high - low) > 0.5', '(close - open) / (high - low) > 0.5'],
    ['((close)) > ((open))', 'close > open'],
    ['close - (open - low) > 0', 'close - (open - low) > 0'],
    ['(close - open) - low > 0', 'close - open - low > 0'],
    ['not (close > open and rsi(close, 14) < 30)', 'not (close > open and rsi(close, 14) < 30)'],
    ['(not close > open) and volume > 0', 'not close > open and volume > 0'],
    ['- - close < 0', '-(-close) < 0'],
    ['-(close * 2) < 0', '-(close * 2) < 0'],
    ['(close > open) == (high > low)', '(close > open) == (high > low)'],
    ['a'.replace('a', 'close') + ' > 1e21', 'close > 1e+21'],
    ['close > 0.000001', 'close > 0.000001'],
    ['prev(close > open, 1) or (rsi(close,$n) > $upper and $upper >= 70)', 'prev(close > open, 1) or rsi(close, $n) > $upper and $upper >= 70'],
  ];
  it.each(cases)('%s → %s', (source, canonical) => {
    const tree = parse(source);
    const printed = printExpression(tree);
    expect(printed).toBe(canonical);
    // The printed text parses to the same tree, and printing it again changes nothing.
    expect(withoutSpans(parse(printed))).toEqual(withoutSpans(tree));
    expect(printExpression(parse(printed))).toBe(printed);
  });

  it('round-trips randomly generated trees', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const gen = (depth: number): Expr => {
      const span = { start: 0, end: 0 };
      const r = random();
      if (depth <= 0 || r < 0.2) {
        const leaf = random();
        if (leaf < 0.4) return { kind: 'number', value: pick([0, 1, 2.5, 10, 0.001, 1e-7, 123456789]), span };
        if (leaf < 0.6) return { kind: 'param', name: pick(['a', 'fast', 'x_1']), span };
        return { kind: 'field', field: pick(['open', 'high', 'low', 'close', 'volume'] as const), span };
      }
      if (r < 0.35) return { kind: 'unary', operator: pick(['-', 'not'] as const), operand: gen(depth - 1), span };
      if (r < 0.5) return { kind: 'call', callee: pick(['sma', 'f', 'crossAbove']), calleeSpan: span, args: [gen(depth - 1), gen(depth - 1)], span };
      const operator = pick(['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'] as const);
      return { kind: 'binary', operator, left: gen(depth - 1), right: gen(depth - 1), operatorSpan: span, span };
    };
    for (let i = 0; i < 500; i++) {
      const tree = gen(5);
      const printed = printExpression(tree);
      const reparsed = parseExpression(printed);
      // Trees with chained comparisons print with parentheses, so every tree must come back.
      expect(reparsed.ok).toBe(true);
      if (reparsed.ok) expect(withoutSpans(reparsed.expr)).toEqual(withoutSpans(tree));
    }
  });
});

describe('parseExpression: errors with exact positions', () => {
  it('reports a missing closing parenthesis at the end', () => {
    expect(errorOf('crossAbove(sma(close,10)')).toEqual({
      message: "expected ')' to close the call of crossAbove but found the end of the expression at 1:25",
      offset: 24,
      line: 1,
      column: 25,
    });
  });

  it('reports an unclosed group at the token that should have closed it', () => {
    expect(errorOf('(close > open and 1')).toMatchObject({ message: "expected ')' to close the parenthesis but found the end of the expression at 1:20", offset: 19 });
    expect(errorOf('(close > open 1')).toMatchObject({ message: "expected ')' to close the parenthesis but found number 1 at 1:15", offset: 14 });
  });

  it('reports an unexpected token after a complete expression', () => {
    expect(errorOf('close > open)')).toMatchObject({ message: "unexpected ')' at 1:13", offset: 12 });
    expect(errorOf('close open')).toMatchObject({ message: "unexpected 'open' at 1:7", offset: 6 });
  });

  it('reports a missing operand', () => {
    expect(errorOf('close >')).toMatchObject({ message: 'expected a value but the expression ends at 1:8', offset: 7 });
    expect(errorOf('close > * 2')).toMatchObject({ message: "unexpected '*'; expected a value at 1:9", offset: 8 });
    expect(errorOf('sma(close,)')).toMatchObject({ message: "unexpected ')'; expected a value at 1:11", offset: 10 });
    expect(errorOf('')).toMatchObject({ message: 'expected an expression at 1:1', offset: 0 });
    expect(errorOf('close and or open')).toMatchObject({ message: "unexpected 'or'; expected a value at 1:11", offset: 10 });
  });

  it('reports unknown names and bad characters with hints', () => {
    expect(errorOf('closing > 1')).toMatchObject({ message: "unknown name 'closing' (price fields are open, high, low, close, volume; parameters start with '$') at 1:1" });
    expect(errorOf('close > open && 1')).toMatchObject({ message: "unexpected '&' (use 'and') at 1:14", offset: 13 });
    expect(errorOf('close = open')).toMatchObject({ message: "unexpected '=' (use '==' to compare) at 1:7", offset: 6 });
    expect(errorOf('close > 1 # comment')).toMatchObject({ message: 'unexpected character "#" at 1:11', offset: 10 });
    expect(errorOf('close > $')).toMatchObject({ message: "expected a parameter name after '$' at 1:9", offset: 8 });
  });

  it('reports malformed numbers', () => {
    expect(errorOf('close > 1e')).toMatchObject({ message: 'expected digits in the exponent of a number at 1:11', offset: 10 });
    expect(errorOf('close > 10abc')).toMatchObject({ message: 'unexpected "a" after a number at 1:11', offset: 10 });
    expect(errorOf('close > 1.2.3')).toMatchObject({ message: 'unexpected "." after a number at 1:12', offset: 11 });
  });

  it('refuses chained comparisons', () => {
    expect(errorOf('1 < close < 2')).toMatchObject({ message: "comparisons cannot be chained; join them with 'and' at 1:11", offset: 10 });
  });

  it('counts lines and columns across new lines', () => {
    expect(errorOf('close > open\nand (volume >')).toEqual({
      message: 'expected a value but the expression ends at 2:14',
      offset: 26,
      line: 2,
      column: 14,
    });
  });

  it('refuses input nested too deeply instead of overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}close${')'.repeat(10_000)}`;
    expect(errorOf(deep).message).toMatch(/^expression is longer than 4000 characters/);
    const nested = `${'('.repeat(100)}close${')'.repeat(100)} > 0`;
    expect(errorOf(nested).message).toMatch(/^expression nests more than 64 levels deep at 1:65$/);
    expect(errorOf(`${'-'.repeat(500)}close > 0`).message).toMatch(/nests more than 64 levels/);
  });
});

describe('parseExpression: fuzz', () => {
  const alphabet = ['sma', 'crossAbove', '(', ')', ',', 'close', ' ', '$p', '1', '0.5', '.', 'e', '+', '-', '*', '/', '<', '<=', '>', '==', '!=', '!', '=', 'and', 'or', 'not', '$', '\n', '#', '"', 'é', '𝔁', '9e9999', '\u0000'];

  it('never throws on random token soup: always a tree or errors with positions', () => {
    const random = seededRandom(12345);
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 20);
      let source = '';
      for (let j = 0; j < length; j++) source += alphabet[Math.floor(random() * alphabet.length)];
      const result = parseExpression(source);
      if (result.ok) {
        expect(withoutSpans(parse(printExpression(result.expr)))).toEqual(withoutSpans(result.expr));
      } else {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(e.position.offset).toBeGreaterThanOrEqual(0);
          expect(e.position.offset).toBeLessThanOrEqual(source.length);
          expect(e.message).toMatch(/ at \d+:\d+$/);
        }
      }
    }
  });

  it('never throws on random characters', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 30);
      let source = '';
      for (let j = 0; j < length; j++) source += String.fromCharCode(Math.floor(random() * 128));
      expect(() => parseExpression(source)).not.toThrow();
    }
  });

  it('answers non-strings with an error', () => {
    expect(parseExpression(42 as unknown as string).ok).toBe(false);
    expect(parseExpression(undefined as unknown as string).ok).toBe(false);
  });
});
