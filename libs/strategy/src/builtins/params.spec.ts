import type { ParamSchema } from '../sdk';
import { lessThan, parseParams, ParamValidationError, resolveParams } from './params';
import { findBuiltin } from './registry';

const schema = {
  period: { type: 'integer', default: 14, min: 2, max: 100, description: 'bars' },
  k: { type: 'number', default: 2, min: 0.5, max: 4, step: 0.1, description: 'width' },
  mode: { type: 'enum', default: 'long-only', values: ['long-only', 'long-short'], description: 'sides' },
  flag: { type: 'boolean', default: false, description: 'switch' },
} satisfies ParamSchema;

describe('resolveParams', () => {
  it('fills defaults for missing or undefined parameters', () => {
    expect(resolveParams(schema, undefined)).toEqual({ ok: true, values: { period: 14, k: 2, mode: 'long-only', flag: false } });
    expect(resolveParams(schema, { period: undefined, k: 3.3, flag: true })).toEqual({
      ok: true,
      values: { period: 14, k: 3.3, mode: 'long-only', flag: true },
    });
  });

  it('reports every broken rule with the parameter, the rule and a sentence', () => {
    const r = resolveParams(schema, { period: 2.5, k: 9, mode: 'both', flag: 'yes', extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.param, e.rule])).toEqual([
      ['extra', 'unknown'],
      ['period', 'integer'],
      ['k', 'max'],
      ['mode', 'enum'],
      ['flag', 'type'],
    ]);
    expect(r.errors[0].message).toBe('unknown parameter extra (expected one of period, k, mode, flag)');
    expect(r.errors[1].message).toBe('period must be an integer, got 2.5');
    expect(r.errors[2].message).toBe('k must be <= 4, got 9');
    expect(r.errors[3].message).toBe('mode must be one of long-only, long-short; got "both"');
    expect(r.errors[4].message).toBe('flag must be true or false, got string "yes"');
  });

  it.each([
    ['a numeric string', { period: '14' }, 'type', 'period must be a number, got string "14"'],
    ['NaN', { period: NaN }, 'finite', 'period must be a finite number, got NaN'],
    ['Infinity', { period: Infinity }, 'finite', 'period must be a finite number, got Infinity'],
    ['below the minimum', { period: 1 }, 'min', 'period must be >= 2, got 1'],
    ['off the step grid', { k: 1.25 }, 'step', 'k must be 0.5 plus a multiple of 0.1, got 1.25'],
    ['null', { period: null }, 'type', 'period must be a number, got object null'],
  ])('%s is refused', (_label, input, rule, message) => {
    expect(resolveParams(schema, input)).toEqual({ ok: false, errors: [{ param: Object.keys(input)[0], rule, message }] });
  });

  it('accepts values on the step grid despite binary rounding', () => {
    expect(resolveParams(schema, { k: 0.5 + 0.1 + 0.2 }).ok).toBe(true);
    expect(resolveParams(schema, { k: 3.9 }).ok).toBe(true);
  });

  it('checks relations only when every parameter is valid on its own', () => {
    const two = {
      fast: { type: 'integer', default: 10, min: 1, max: 100, description: 'fast' },
      slow: { type: 'integer', default: 30, min: 2, max: 100, description: 'slow' },
    } satisfies ParamSchema;
    const rel = [lessThan('fast', 'slow')];
    expect(resolveParams(two, { fast: 40, slow: 20 }, rel)).toEqual({
      ok: false,
      errors: [{ param: 'fast', rule: 'relation', message: 'fast (40) must be less than slow (20)' }],
    });
    expect(resolveParams(two, { fast: 400, slow: 20 }, rel)).toEqual({
      ok: false,
      errors: [{ param: 'fast', rule: 'max', message: 'fast must be <= 100, got 400' }],
    });
  });

  it('parseParams throws a ParamValidationError carrying the errors', () => {
    expect(() => parseParams(schema, { period: 0, mode: 'x' })).toThrow(ParamValidationError);
    try {
      parseParams(schema, { period: 0 });
    } catch (e) {
      expect((e as ParamValidationError).errors).toEqual([{ param: 'period', rule: 'min', message: 'period must be >= 2, got 0' }]);
      expect((e as Error).message).toBe('invalid parameters: period must be >= 2, got 0');
    }
  });

  it("the built-ins validate in create() and warmup() with their relations", () => {
    const sma = findBuiltin('sma-crossover')!;
    expect(() => sma.create({ fast: 30, slow: 10 })).toThrow('fast (30) must be less than slow (10)');
    expect(() => sma.warmup({ fast: 'ten' })).toThrow(ParamValidationError);
    const rsi = findBuiltin('rsi-mean-reversion')!;
    const r = resolveParams(rsi.params, { oversold: 60 }, rsi.relations);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['oversold (60) must be less than exit (50)']);
  });
});
