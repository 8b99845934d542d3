import type { ParamSchema, ParamSpec, ParamValues, StrategyDefinition } from '../sdk';
import { checkExpression } from './checker';
import { describeRule } from './describe';
import { buildProgram, type Program, type ResolvedParams } from './program';
import type { RuleStrategy } from './rule';
import { RuleStrategyRunner } from './rule-strategy';

/**
 * Turns a checked rule into a strategy definition: the backtest engine and the live runner use it
 * like any built-in strategy. Parameter values given to warmup()/create() override the rule's
 * defaults; an unknown name, a value of the wrong type or outside the declared range throws.
 */
export function compileRule(rule: RuleStrategy): StrategyDefinition {
  assertChecked(rule);
  const params: ParamSchema = Object.fromEntries(
    Object.entries(rule.params).map(([name, p]): [string, ParamSpec] => [
      name,
      { type: p.type, default: p.default, min: p.min, max: p.max, ...(p.step !== undefined ? { step: p.step } : {}), description: p.description },
    ]),
  );
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description ?? describeRule(rule),
    params,
    warmup: (values) => ruleWarmup(rule, values),
    create: (values) => {
      const program = ruleProgram(rule, values);
      const [entrySlot, exitSlot] = program.roots;
      return new RuleStrategyRunner(rule, program, entrySlot, exitSlot ?? -1);
    },
  };
}

/**
 * Bars needed before the first decision: the warm-up of the entry or exit condition, whichever is
 * longer (e.g. 30 for crossAbove(sma(close, 10), sma(close, 29))). On bar index warmup the rule
 * can decide for the first time.
 */
export function ruleWarmup(rule: RuleStrategy, values: ParamValues = {}): number {
  const program = ruleProgram(rule, values);
  return Math.max(...program.roots.map((slot) => program.warmups[slot]));
}

/** The program of a rule's entry (root 0) and exit (root 1, when there is one). */
export function ruleProgram(rule: RuleStrategy, values: ParamValues = {}): Program {
  const exprs = rule.exit === undefined ? [rule.entry.ast] : [rule.entry.ast, rule.exit.ast];
  return buildProgram(exprs, resolveRuleParams(rule, values));
}

/** The rule's defaults overridden by `values`, each checked against its declaration. */
export function resolveRuleParams(rule: RuleStrategy, values: ParamValues = {}): ResolvedParams {
  const resolved: Record<string, number> = {};
  for (const name of Object.keys(values)) {
    if (!Object.prototype.hasOwnProperty.call(rule.params, name)) {
      const declared = Object.keys(rule.params);
      throw new RangeError(`unknown parameter '${name}' (the rule declares ${declared.length > 0 ? declared.join(', ') : 'none'})`);
    }
  }
  for (const [name, spec] of Object.entries(rule.params)) {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : spec.default;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`parameter ${name} must be a finite number, got ${String(value)}`);
    if (spec.type === 'integer' && !Number.isInteger(value)) throw new RangeError(`parameter ${name} must be an integer, got ${value}`);
    if (value < spec.min || value > spec.max) throw new RangeError(`parameter ${name} must be in [${spec.min}, ${spec.max}], got ${value}`);
    resolved[name] = value;
  }
  return resolved;
}

/** compileRule is public: refuse a hand-built rule whose expressions were never checked. */
function assertChecked(rule: RuleStrategy): void {
  const defaults = Object.fromEntries(Object.entries(rule.params).map(([k, p]) => [k, p.default]));
  const expressions = rule.exit === undefined ? { entry: rule.entry } : { entry: rule.entry, exit: rule.exit };
  for (const [path, e] of Object.entries(expressions)) {
    const { errors } = checkExpression(e.ast, { source: e.source, params: defaults }, 'boolean');
    if (errors.length > 0) throw new TypeError(`${path}: ${errors[0].message}`);
  }
}
