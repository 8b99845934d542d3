/**
 * The rule document: a user strategy as JSON. Validation reports every problem at once, each with
 * the path of the field it concerns ("sizing.value", "params.fast.max", "entry") and, for
 * expressions, the position inside the expression.
 */
import type { Expr, SourcePosition } from './ast';
import { checkExpression } from './checker';
import { parseExpression } from './parser';

export type RuleSide = 'long' | 'short';

export type RuleSizing =
  /** A fixed number of units. */
  | { readonly type: 'quantity'; readonly value: number }
  /** A fraction of equity at the signal bar's close (0.5 = half the equity). */
  | { readonly type: 'percentEquity'; readonly value: number }
  /** A fixed amount of quote currency at the signal bar's close. */
  | { readonly type: 'notional'; readonly value: number };

export type RuleProtection =
  /** A fraction of the entry price (0.02 = 2 %). */
  | { readonly type: 'percent'; readonly value: number }
  /** An absolute price distance from the entry price. */
  | { readonly type: 'points'; readonly value: number };

export interface RuleParam {
  readonly type: 'integer' | 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly description: string;
}

export interface RuleExpression {
  /** What the author wrote. */
  readonly source: string;
  readonly ast: Expr;
}

/** A rule strategy that passed validation and type checking. */
export interface RuleStrategy {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly symbols: readonly string[];
  readonly side: RuleSide;
  readonly entry: RuleExpression;
  /** May be left out when a stop-loss or take-profit closes the position. */
  readonly exit?: RuleExpression;
  readonly sizing: RuleSizing;
  readonly stopLoss?: RuleProtection;
  readonly takeProfit?: RuleProtection;
  readonly params: Readonly<Record<string, RuleParam>>;
}

export interface RuleError {
  /** Dotted path of the field: "entry", "sizing.value", "params.fast.default", "" for the root. */
  readonly path: string;
  /** Inside an expression: where. */
  readonly position?: SourcePosition;
  readonly message: string;
}

export type ValidateRuleResult = { ok: true; rule: RuleStrategy } | { ok: false; errors: RuleError[] };

const KNOWN_FIELDS = ['id', 'name', 'description', 'symbols', 'side', 'entry', 'exit', 'sizing', 'stopLoss', 'takeProfit', 'params'];
const PARAM_FIELDS = ['type', 'default', 'min', 'max', 'step', 'description'];
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Validates a rule document and type-checks its expressions. Never throws. */
export function validateRule(json: unknown): ValidateRuleResult {
  const errors: RuleError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(json)) {
    return { ok: false, errors: [{ path: '', message: 'expected a rule object' }] };
  }
  for (const key of Object.keys(json)) {
    if (!KNOWN_FIELDS.includes(key)) fail(key, `unknown field (known fields: ${KNOWN_FIELDS.join(', ')})`);
  }

  const name = typeof json.name === 'string' ? json.name.trim() : '';
  if (name === '' || name.length > 100) fail('name', 'expected a name of 1 to 100 characters');
  if (json.id !== undefined && !(typeof json.id === 'string' && ID_PATTERN.test(json.id))) {
    fail('id', 'expected 1 to 100 letters, digits or _ . : -');
  }
  if (json.description !== undefined && typeof json.description !== 'string') fail('description', 'expected a string');
  const symbols = validateSymbols(json.symbols, fail);
  const side = json.side;
  if (side !== 'long' && side !== 'short') fail('side', 'expected "long" or "short"');
  const sizing = validateSizing(json.sizing, fail);
  const stopLoss = json.stopLoss === undefined ? undefined : validateProtection('stopLoss', json.stopLoss, fail);
  const takeProfit = json.takeProfit === undefined ? undefined : validateProtection('takeProfit', json.takeProfit, fail);
  const params = validateParams(json.params, fail);

  const defaults: Record<string, number> = {};
  for (const [key, spec] of Object.entries(params)) defaults[key] = spec.default;
  const entry = validateExpression('entry', json.entry, defaults, errors);
  let exit: RuleExpression | undefined;
  if (json.exit !== undefined) exit = validateExpression('exit', json.exit, defaults, errors);
  else if (json.stopLoss === undefined && json.takeProfit === undefined) {
    fail('exit', 'expected an exit condition (or a stopLoss / takeProfit to close positions)');
  }

  if (errors.length > 0 || entry === undefined || sizing === undefined || (side !== 'long' && side !== 'short')) {
    return { ok: false, errors };
  }
  const rule: RuleStrategy = {
    id: typeof json.id === 'string' ? json.id : `rule:${slug(name)}`,
    name,
    ...(typeof json.description === 'string' ? { description: json.description } : {}),
    symbols,
    side,
    entry,
    ...(exit !== undefined ? { exit } : {}),
    sizing,
    ...(stopLoss !== undefined ? { stopLoss } : {}),
    ...(takeProfit !== undefined ? { takeProfit } : {}),
    params,
  };
  return { ok: true, rule };
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);
  return s === '' ? 'unnamed' : s;
}

type Fail = (path: string, message: string) => void;

function validateSymbols(value: unknown, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('symbols', 'expected a non-empty array of symbols');
    return [];
  }
  const seen = new Set<string>();
  value.forEach((symbol, i) => {
    if (typeof symbol !== 'string' || symbol.trim() === '') fail(`symbols.${i}`, 'expected a symbol name');
    else if (seen.has(symbol)) fail(`symbols.${i}`, `duplicate symbol ${symbol}`);
    else seen.add(symbol);
  });
  return [...seen];
}

function validateSizing(value: unknown, fail: Fail): RuleSizing | undefined {
  if (!isObject(value)) {
    fail('sizing', 'expected {"type": "quantity" | "percentEquity" | "notional", "value": number}');
    return undefined;
  }
  const { type, value: amount } = value;
  let ok = true;
  if (type !== 'quantity' && type !== 'percentEquity' && type !== 'notional') {
    fail('sizing.type', 'expected "quantity", "percentEquity" or "notional"');
    ok = false;
  }
  if (!isFiniteNumber(amount) || amount <= 0) {
    fail('sizing.value', 'expected a positive number');
    ok = false;
  } else if (type === 'percentEquity' && amount > 1) {
    fail('sizing.value', 'percentEquity is a fraction of equity: expected a number in (0, 1], e.g. 0.5 for half');
    ok = false;
  }
  for (const key of Object.keys(value)) if (key !== 'type' && key !== 'value') fail(`sizing.${key}`, 'unknown field');
  return ok ? ({ type, value: amount } as RuleSizing) : undefined;
}

function validateProtection(path: string, value: unknown, fail: Fail): RuleProtection | undefined {
  if (!isObject(value)) {
    fail(path, 'expected {"type": "percent" | "points", "value": number}');
    return undefined;
  }
  const { type, value: amount } = value;
  let ok = true;
  if (type !== 'percent' && type !== 'points') {
    fail(`${path}.type`, 'expected "percent" or "points"');
    ok = false;
  }
  if (!isFiniteNumber(amount) || amount <= 0) {
    fail(`${path}.value`, 'expected a positive number');
    ok = false;
  } else if (type === 'percent' && amount >= 1) {
    fail(`${path}.value`, 'percent is a fraction of the entry price: expected a number in (0, 1), e.g. 0.02 for 2 %');
    ok = false;
  }
  for (const key of Object.keys(value)) if (key !== 'type' && key !== 'value') fail(`${path}.${key}`, 'unknown field');
  return ok ? ({ type, value: amount } as RuleProtection) : undefined;
}

function validateParams(value: unknown, fail: Fail): Record<string, RuleParam> {
  const params: Record<string, RuleParam> = {};
  if (value === undefined) return params;
  if (!isObject(value)) {
    fail('params', 'expected an object of named numbers, e.g. {"fast": 10}');
    return params;
  }
  for (const [name, raw] of Object.entries(value)) {
    const path = `params.${name}`;
    if (!NAME_PATTERN.test(name)) {
      fail(path, 'a parameter name is letters, digits and _, not starting with a digit');
      continue;
    }
    const param = validateParam(path, raw, fail);
    if (param !== undefined) params[name] = param;
  }
  return params;
}

/**
 * A parameter is a number (its default) or {default, type?, min?, max?, step?, description?}.
 * Without bounds it ranges from 0 (1 for a positive integer) to 4 × default, a neighbourhood for
 * optimisation grids; give min and max for anything else.
 */
function validateParam(path: string, raw: unknown, fail: Fail): RuleParam | undefined {
  const spec: Json = isFiniteNumber(raw) ? { default: raw } : isObject(raw) ? raw : {};
  if (!isFiniteNumber(raw) && !isObject(raw)) {
    fail(path, 'expected a number or {"default": number, "min"?, "max"?, "step"?, "description"?}');
    return undefined;
  }
  for (const key of Object.keys(spec)) if (!PARAM_FIELDS.includes(key)) fail(`${path}.${key}`, 'unknown field');
  const d = spec.default;
  if (!isFiniteNumber(d)) {
    fail(`${path}.default`, 'expected a number');
    return undefined;
  }
  if (spec.type !== undefined && spec.type !== 'integer' && spec.type !== 'number') {
    fail(`${path}.type`, 'expected "integer" or "number"');
    return undefined;
  }
  const type = (spec.type as RuleParam['type'] | undefined) ?? (Number.isInteger(d) ? 'integer' : 'number');
  if (type === 'integer' && !Number.isInteger(d)) {
    fail(`${path}.default`, 'expected an integer');
    return undefined;
  }
  const min = spec.min ?? (type === 'integer' && d >= 1 ? 1 : Math.min(0, 4 * d));
  const max = spec.max ?? Math.max(0, 4 * d);
  let ok = true;
  for (const [key, bound] of [['min', min], ['max', max]] as const) {
    if (!isFiniteNumber(bound)) {
      fail(`${path}.${key}`, 'expected a number');
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (!((min as number) <= d && d <= (max as number))) {
    fail(path, `default ${d} is outside [${min}, ${max}]`);
    return undefined;
  }
  if (spec.step !== undefined && !(isFiniteNumber(spec.step) && spec.step > 0)) {
    fail(`${path}.step`, 'expected a positive number');
    return undefined;
  }
  if (spec.description !== undefined && typeof spec.description !== 'string') {
    fail(`${path}.description`, 'expected a string');
    return undefined;
  }
  return {
    type,
    default: d,
    min: min as number,
    max: max as number,
    ...(spec.step !== undefined ? { step: spec.step as number } : {}),
    description: typeof spec.description === 'string' ? spec.description : `$${path.slice('params.'.length)}`,
  };
}

function validateExpression(path: string, value: unknown, params: Record<string, number>, errors: RuleError[]): RuleExpression | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ path, message: 'expected an expression string, e.g. "crossAbove(sma(close, 10), sma(close, 30))"' });
    return undefined;
  }
  const parsed = parseExpression(value);
  if (!parsed.ok) {
    for (const e of parsed.errors) errors.push({ path, position: e.position, message: e.message });
    return undefined;
  }
  const checked = checkExpression(parsed.expr, { source: value, params }, 'boolean');
  if (checked.errors.length > 0) {
    for (const e of checked.errors) errors.push({ path, position: e.position, message: e.message });
    return undefined;
  }
  return { source: value, ast: parsed.expr };
}
