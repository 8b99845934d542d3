import type { ParamSchema, ParamSpec, ParamValues } from '../sdk';

/** Which rule a parameter broke (machine-readable; `message` is the sentence for people). */
export type ParamRule = 'unknown' | 'type' | 'integer' | 'finite' | 'min' | 'max' | 'step' | 'enum' | 'relation';

export interface ParamError {
  /** Name of the offending parameter (for a relation, the one the form should highlight). */
  readonly param: string;
  readonly rule: ParamRule;
  readonly message: string;
}

/**
 * A rule between parameters that a per-parameter schema cannot say (fast < slow). Checked only
 * once every parameter is valid on its own, so `holds` may trust the types of the values.
 */
export interface ParamRelation {
  readonly param: string;
  holds(values: ParamValues): boolean;
  message(values: ParamValues): string;
}

export type ParamResolution =
  | { readonly ok: true; readonly values: ParamValues }
  | { readonly ok: false; readonly errors: readonly ParamError[] };

/** Thrown by {@link parseParams} (and so by the built-ins' `create`) on invalid parameters. */
export class ParamValidationError extends RangeError {
  constructor(readonly errors: readonly ParamError[]) {
    super(`invalid parameters: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'ParamValidationError';
  }
}

/** Relative tolerance for "is on the step grid": 0.1 + 0.2 must count as a multiple of 0.1. */
const STEP_TOLERANCE = 1e-9;

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function checkNumber(name: string, spec: ParamSpec & { type: 'integer' | 'number' }, value: unknown): ParamError | number {
  if (typeof value !== 'number') {
    return { param: name, rule: 'type', message: `${name} must be a number, got ${typeof value} ${show(value)}` };
  }
  if (!Number.isFinite(value)) return { param: name, rule: 'finite', message: `${name} must be a finite number, got ${value}` };
  if (spec.type === 'integer' && !Number.isInteger(value)) {
    return { param: name, rule: 'integer', message: `${name} must be an integer, got ${value}` };
  }
  if (value < spec.min) return { param: name, rule: 'min', message: `${name} must be >= ${spec.min}, got ${value}` };
  if (value > spec.max) return { param: name, rule: 'max', message: `${name} must be <= ${spec.max}, got ${value}` };
  if (spec.step !== undefined && spec.step > 0) {
    const k = (value - spec.min) / spec.step;
    if (Math.abs(k - Math.round(k)) > STEP_TOLERANCE * Math.max(1, Math.abs(k))) {
      return { param: name, rule: 'step', message: `${name} must be ${spec.min} plus a multiple of ${spec.step}, got ${value}` };
    }
  }
  return value;
}

function checkValue(name: string, spec: ParamSpec, value: unknown): ParamError | number | boolean | string {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return checkNumber(name, spec, value);
    case 'boolean':
      return typeof value === 'boolean'
        ? value
        : { param: name, rule: 'type', message: `${name} must be true or false, got ${typeof value} ${show(value)}` };
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? value
        : { param: name, rule: 'enum', message: `${name} must be one of ${spec.values.join(', ')}; got ${show(value)}` };
  }
}

function isError(x: unknown): x is ParamError {
  return typeof x === 'object' && x !== null;
}

/**
 * Validates `input` against `schema`: a missing (or undefined) parameter takes its default, a
 * parameter not in the schema is an error, and every value must satisfy its spec (type, integer,
 * min/max, step grid, enum). `relations` are checked only when every parameter is valid.
 * Returns the complete values, or every error found (never throws).
 */
export function resolveParams(
  schema: ParamSchema,
  input: Readonly<Record<string, unknown>> | undefined,
  relations: readonly ParamRelation[] = [],
): ParamResolution {
  const errors: ParamError[] = [];
  const values: Record<string, number | boolean | string> = {};
  const given = input ?? {};
  for (const name of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(schema, name)) {
      const known = Object.keys(schema);
      errors.push({
        param: name,
        rule: 'unknown',
        message: `unknown parameter ${name} (${known.length ? `expected one of ${known.join(', ')}` : 'this strategy takes none'})`,
      });
    }
  }
  for (const [name, spec] of Object.entries(schema)) {
    const raw = given[name];
    const checked = checkValue(name, spec, raw === undefined ? spec.default : raw);
    if (isError(checked)) errors.push(checked);
    else values[name] = checked;
  }
  if (errors.length === 0) {
    for (const relation of relations) {
      if (!relation.holds(values)) errors.push({ param: relation.param, rule: 'relation', message: relation.message(values) });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** {@link resolveParams}, throwing a {@link ParamValidationError} listing every error. */
export function parseParams(
  schema: ParamSchema,
  input: Readonly<Record<string, unknown>> | undefined,
  relations: readonly ParamRelation[] = [],
): ParamValues {
  const r = resolveParams(schema, input, relations);
  if (!r.ok) throw new ParamValidationError(r.errors);
  return r.values;
}

/** The relation `a < b` between two numeric parameters. */
export function lessThan(a: string, b: string): ParamRelation {
  return {
    param: a,
    holds: (v) => (v[a] as number) < (v[b] as number),
    message: (v) => `${a} (${show(v[a])}) must be less than ${b} (${show(v[b])})`,
  };
}
